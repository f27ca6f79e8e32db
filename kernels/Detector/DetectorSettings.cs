using System;
using Edge.Asr.Blob;

namespace Edge.Asr.Detector
{
    /// <summary>
    /// How a <see cref="CommandDetector"/> turns posteriors into events: smoothing window, one
    /// threshold per class (Q15), refractory period and minimum run, all in encoder frames
    /// (one frame every <see cref="EncoderHopMs"/> ms). Validated on construction; immutable.
    /// See docs/detector.md.
    /// </summary>
    public sealed class DetectorSettings
    {
        /// <summary>Time between two posterior vectors (one encoder frame).</summary>
        public const int EncoderHopMs = 40;

        /// <summary>Default smoothing window: 5 frames = 200 ms.</summary>
        public const int DefaultSmoothingFrames = 5;

        /// <summary>Default threshold: 0.8 in Q15 (round(0.8 · 32768)).</summary>
        public const int DefaultThresholdQ15 = 26214;

        /// <summary>Default refractory period: 25 frames = 1000 ms.</summary>
        public const int DefaultRefractoryFrames = 25;

        /// <summary>Default minimum run: one frame at or above threshold is enough.</summary>
        public const int DefaultMinFramesAboveThreshold = 1;

        /// <summary>Largest smoothing window (the ring holds window × classes shorts).</summary>
        public const int MaxSmoothingFrames = 256;

        /// <summary>Largest refractory period and minimum run: 10 000 frames = 400 s.</summary>
        public const int MaxFrames = 10000;

        /// <summary>Largest class count accepted.</summary>
        public const int MaxClasses = 1024;

        private readonly int _smoothingFrames;
        private readonly short[] _thresholdsQ15;
        private readonly int _refractoryFrames;
        private readonly int _minFramesAboveThreshold;

        /// <summary>All defaults, the same threshold for every class.</summary>
        public DetectorSettings(int classCount)
            : this(DefaultSmoothingFrames, UniformThresholds(classCount, DefaultThresholdQ15),
                   DefaultRefractoryFrames, DefaultMinFramesAboveThreshold)
        {
        }

        /// <summary>Explicit settings; the thresholds are copied (one per class, 1..32767).</summary>
        public DetectorSettings(int smoothingFrames, short[] thresholdsQ15, int refractoryFrames, int minFramesAboveThreshold)
        {
            if (smoothingFrames < 1 || smoothingFrames > MaxSmoothingFrames)
            {
                throw new ArgumentOutOfRangeException("smoothingFrames",
                    "smoothing window must be 1.." + MaxSmoothingFrames.ToString() + " frames, got " + smoothingFrames.ToString());
            }
            if (thresholdsQ15 == null) throw new ArgumentException("thresholdsQ15 is null", "thresholdsQ15");
            if (thresholdsQ15.Length < 1 || thresholdsQ15.Length > MaxClasses)
            {
                throw new ArgumentException("need 1.." + MaxClasses.ToString() + " thresholds (one per class), got "
                    + thresholdsQ15.Length.ToString(), "thresholdsQ15");
            }
            for (int c = 0; c < thresholdsQ15.Length; c++)
            {
                if (thresholdsQ15[c] < 1)
                {
                    throw new ArgumentException("threshold of class " + c.ToString() + " must be 1..32767 (Q15), got "
                        + thresholdsQ15[c].ToString(), "thresholdsQ15");
                }
            }
            if (refractoryFrames < 0 || refractoryFrames > MaxFrames)
            {
                throw new ArgumentOutOfRangeException("refractoryFrames",
                    "refractory period must be 0.." + MaxFrames.ToString() + " frames, got " + refractoryFrames.ToString());
            }
            if (minFramesAboveThreshold < 1 || minFramesAboveThreshold > MaxFrames)
            {
                throw new ArgumentOutOfRangeException("minFramesAboveThreshold",
                    "minimum run must be 1.." + MaxFrames.ToString() + " frames, got " + minFramesAboveThreshold.ToString());
            }
            _smoothingFrames = smoothingFrames;
            _thresholdsQ15 = new short[thresholdsQ15.Length];
            Array.Copy(thresholdsQ15, 0, _thresholdsQ15, 0, thresholdsQ15.Length);
            _refractoryFrames = refractoryFrames;
            _minFramesAboveThreshold = minFramesAboveThreshold;
        }

        /// <summary>
        /// The detector defaults stored in the blob: one threshold for all classes, the smoothing
        /// window in frames and the refractory period in milliseconds (rounded up to whole frames).
        /// </summary>
        public static DetectorSettings FromBlobDefaults(int classCount, int thresholdQ15, int smoothingFrames, int refractoryMs)
        {
            if (thresholdQ15 < 1 || thresholdQ15 > 32767)
            {
                throw new ArgumentOutOfRangeException("thresholdQ15",
                    "threshold must be 1..32767 (Q15), got " + thresholdQ15.ToString());
            }
            return new DetectorSettings(smoothingFrames, UniformThresholds(classCount, thresholdQ15),
                MillisecondsToFrames(refractoryMs), DefaultMinFramesAboveThreshold);
        }

        /// <summary>
        /// The settings a model blob carries: its smoothing window, its per-class thresholds (or
        /// its global one for every class) and its refractory period, with the default minimum run.
        /// </summary>
        public static DetectorSettings FromBlob(DetectorDefaults defaults, int classCount)
        {
            if (defaults == null) throw new ArgumentException("defaults is null");
            short[] thresholds = new short[classCount];
            for (int c = 0; c < classCount; c++) thresholds[c] = (short)defaults.ThresholdFor(c);
            return new DetectorSettings(defaults.SmoothingFrames, thresholds,
                MillisecondsToFrames(defaults.RefractoryMs), DefaultMinFramesAboveThreshold);
        }

        /// <summary>
        /// Whole encoder frames covering <paramref name="milliseconds"/>: ceil(ms / 40), so a
        /// refractory period is never shorter than asked (40 → 1, 41 → 2, 1000 → 25).
        /// </summary>
        public static int MillisecondsToFrames(int milliseconds)
        {
            if (milliseconds < 0 || milliseconds > MaxFrames * EncoderHopMs)
            {
                throw new ArgumentOutOfRangeException("milliseconds",
                    "duration must be 0.." + (MaxFrames * EncoderHopMs).ToString() + " ms, got " + milliseconds.ToString());
            }
            return (milliseconds + EncoderHopMs - 1) / EncoderHopMs;
        }

        /// <summary>Number of classes (length of each posterior vector).</summary>
        public int ClassCount { get { return _thresholdsQ15.Length; } }

        /// <summary>Frames averaged per class (running mean over the last N posteriors).</summary>
        public int SmoothingFrames { get { return _smoothingFrames; } }

        /// <summary>Frames after an event during which no event fires.</summary>
        public int RefractoryFrames { get { return _refractoryFrames; } }

        /// <summary>Consecutive frames the same class must be the smoothed top at or above its threshold.</summary>
        public int MinFramesAboveThreshold { get { return _minFramesAboveThreshold; } }

        /// <summary>Threshold of class <paramref name="classIndex"/> in Q15; an event needs smoothed ≥ threshold.</summary>
        public int ThresholdQ15(int classIndex)
        {
            if (classIndex < 0 || classIndex >= _thresholdsQ15.Length)
            {
                throw new ArgumentOutOfRangeException("classIndex",
                    "class must be 0.." + (_thresholdsQ15.Length - 1).ToString() + ", got " + classIndex.ToString());
            }
            return _thresholdsQ15[classIndex];
        }

        private static short[] UniformThresholds(int classCount, int thresholdQ15)
        {
            if (classCount < 1 || classCount > MaxClasses)
            {
                throw new ArgumentOutOfRangeException("classCount",
                    "class count must be 1.." + MaxClasses.ToString() + ", got " + classCount.ToString());
            }
            short[] thresholds = new short[classCount];
            for (int c = 0; c < classCount; c++) thresholds[c] = (short)thresholdQ15;
            return thresholds;
        }
    }
}
