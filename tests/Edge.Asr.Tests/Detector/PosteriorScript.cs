using System.Collections.Generic;
using Edge.Asr.Detector;

namespace Edge.Asr.Tests.Detector
{
    /// <summary>Builds synthetic posterior sequences: stretches of frames where one class holds most of the mass.</summary>
    internal sealed class PosteriorScript
    {
        public const int Silence = 0, Unknown = 1, Yes = 2, No = 3, Classes = 4;
        public static readonly bool[] IsCommand = { false, false, true, true };

        private readonly List<short[]> _frames = new List<short[]>();

        /// <summary>n frames where <paramref name="cls"/> has <paramref name="q15"/> and _silence_ the rest.</summary>
        public PosteriorScript Hold(int cls, int q15, int n)
        {
            for (int i = 0; i < n; i++)
            {
                var p = new short[Classes];
                p[cls] = (short)q15;
                if (cls != Silence) p[Silence] = (short)(32767 - q15);
                _frames.Add(p);
            }
            return this;
        }

        public PosteriorScript Silent(int n) => Hold(Silence, 32767, n);

        public short[][] Frames => _frames.ToArray();

        /// <summary>(frame, class, confidence) of every event.</summary>
        public static List<(long Frame, int Class, int Confidence)> Run(CommandDetector detector, short[][] frames)
        {
            var events = new List<(long, int, int)>();
            foreach (short[] f in frames)
            {
                if (detector.Process(f, 0)) events.Add((detector.EventFrame, detector.EventClass, detector.EventConfidenceQ15));
            }
            return events;
        }

        public static DetectorSettings Settings(int window, int threshold, int refractory, int minRun)
        {
            var t = new short[Classes];
            for (int c = 0; c < Classes; c++) t[c] = (short)threshold;
            return new DetectorSettings(window, t, refractory, minRun);
        }
    }
}
