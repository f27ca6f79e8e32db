using System;
using Edge.Asr.Detector;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// Detector settings baked with the model: a counted list of int32 fields (Field* order),
    /// then a counted list of per-class thresholds (empty = the global threshold for all).
    /// </summary>
    public sealed class DetectorDefaults
    {
        public const int FieldSmoothingFrames = 0;
        public const int FieldThresholdQ15 = 1;
        public const int FieldRefractoryMs = 2;
        /// <summary>Number of fields version 1.0 defines.</summary>
        public const int FieldCount = 3;

        /// <summary>Probability 1.0 in Q15.</summary>
        public const int OneQ15 = 32768;

        private readonly int _smoothing;
        private readonly int _threshold;
        private readonly int _refractory;
        private readonly int[] _classThresholds;

        /// <summary>Settings from their values; classThresholdsQ15 is copied (length 0 or num_classes).</summary>
        public DetectorDefaults(int smoothingFrames, int thresholdQ15, int refractoryMs, int[] classThresholdsQ15)
        {
            if (classThresholdsQ15 == null) throw new ArgumentException("classThresholdsQ15 must not be null");
            _smoothing = smoothingFrames;
            _threshold = thresholdQ15;
            _refractory = refractoryMs;
            _classThresholds = new int[classThresholdsQ15.Length];
            Array.Copy(classThresholdsQ15, 0, _classThresholds, 0, classThresholdsQ15.Length);
        }

        /// <summary>Posterior smoothing window in encoder frames.</summary>
        public int SmoothingFrames { get { return _smoothing; } }
        /// <summary>Detection threshold on the smoothed posterior, Q15 (32768 = 1.0).</summary>
        public int ThresholdQ15 { get { return _threshold; } }
        /// <summary>Time after a detection during which no other is reported, in ms.</summary>
        public int RefractoryMs { get { return _refractory; } }
        /// <summary>Number of per-class thresholds (0 or num_classes).</summary>
        public int ClassThresholdCount { get { return _classThresholds.Length; } }

        /// <summary>Threshold of class c in Q15: its own if given, else the global one.</summary>
        public int ThresholdFor(int c)
        {
            return _classThresholds.Length == 0 ? _threshold : _classThresholds[c];
        }

        /// <summary>The per-class thresholds (a copy; empty when none are stored).</summary>
        public int[] ClassThresholdsQ15()
        {
            int[] copy = new int[_classThresholds.Length];
            Array.Copy(_classThresholds, 0, copy, 0, copy.Length);
            return copy;
        }

        /// <summary>Refuses out-of-range values, naming the field.</summary>
        public void Validate(int numClasses)
        {
            // The ranges the detector accepts (DetectorSettings), so every blob that loads also runs.
            FieldCheck.Range("detector", "smoothing_frames", _smoothing, 1, DetectorSettings.MaxSmoothingFrames);
            FieldCheck.Range("detector", "threshold_q15", _threshold, 1, OneQ15 - 1);
            FieldCheck.Range("detector", "refractory_ms", _refractory, 0, 60000);
            if (_classThresholds.Length != 0 && _classThresholds.Length != numClasses)
                throw new BlobFormatException("detector has " + _classThresholds.Length.ToString()
                    + " class thresholds but the config has " + numClasses.ToString() + " classes");
            for (int c = 0; c < _classThresholds.Length; c++)
                FieldCheck.Range("detector", "class_threshold_q15[" + c.ToString() + "]", _classThresholds[c], 1, OneQ15 - 1);
        }
    }
}
