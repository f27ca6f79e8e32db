using System;
using Edge.Asr.Detector;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// A clip's class, decided one of two ways: <see cref="FirstEvent"/>, what the device does (the
    /// detector's first event over the clip; none = no command, <see cref="NoCommand"/>), the
    /// headline; and the last-frame classification (<see cref="FromFixed"/>, <see cref="FromFloat"/>:
    /// the top class of the clip's LAST encoder frame, ties to the lowest index), which only
    /// hears a word inside the classifier's pooling window before the clip's end.
    /// </summary>
    public readonly struct ClipDecision
    {
        /// <summary>The class of a clip on which the detector fired nothing.</summary>
        public const int NoCommand = -1;

        public ClipDecision(int classIndex, double confidence, long encoderFrame = -1)
        {
            ClassIndex = classIndex;
            Confidence = confidence;
            EncoderFrame = encoderFrame;
        }

        /// <summary>Decided class; <see cref="NoCommand"/> (-1) when no event fired or the clip produced no encoder frame.</summary>
        public int ClassIndex { get; }

        /// <summary>Posterior of the decided class (smoothed, for a detector event), 0..1.</summary>
        public double Confidence { get; }

        /// <summary>The encoder frame of the detector's event; -1 for a last-frame decision or no event.</summary>
        public long EncoderFrame { get; }

        /// <summary>The detector's first event over the clip's posteriors (a fresh detector with <paramref name="settings"/>).</summary>
        public static ClipDecision FirstEvent(short[][] posteriorsQ15, string[] labels, DetectorSettings settings)
        {
            var isCommand = new bool[labels.Length];
            for (int c = 0; c < labels.Length; c++) isCommand[c] = !LabelFolders.IsFiller(labels[c]);
            var detector = new CommandDetector(isCommand, settings);
            foreach (short[] frame in posteriorsQ15)
            {
                if (detector.Process(frame, 0))
                    return new ClipDecision(detector.EventClass, detector.EventConfidenceQ15 / 32768.0, detector.EventFrame);
            }
            return new ClipDecision(NoCommand, 0);
        }

        public static ClipDecision FromFixed(short[][] posteriorsQ15)
        {
            if (posteriorsQ15.Length == 0) return new ClipDecision(NoCommand, 0);
            short[] last = posteriorsQ15[posteriorsQ15.Length - 1];
            int top = ArgMax(last.Length, c => last[c]);
            return new ClipDecision(top, last[top] / 32768.0);
        }

        public static ClipDecision FromFloat(double[][] probabilities)
        {
            if (probabilities.Length == 0) return new ClipDecision(NoCommand, 0);
            double[] last = probabilities[probabilities.Length - 1];
            int top = ArgMax(last.Length, c => last[c]);
            return new ClipDecision(top, last[top]);
        }

        private static int ArgMax(int count, Func<int, double> value)
        {
            int top = 0;
            for (int c = 1; c < count; c++)
            {
                if (value(c) > value(top)) top = c;
            }
            return top;
        }
    }
}
