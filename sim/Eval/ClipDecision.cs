using System;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// A clip's class: the classifier already pools the last W encoder frames, so the decision is
    /// the top class of the LAST encoder frame of the clip (ties: lowest index). A clip too short
    /// for one encoder frame has no decision (class -1).
    /// </summary>
    public readonly struct ClipDecision
    {
        public ClipDecision(int classIndex, double confidence)
        {
            ClassIndex = classIndex;
            Confidence = confidence;
        }

        /// <summary>Decided class, -1 when the clip produced no encoder frame.</summary>
        public int ClassIndex { get; }

        /// <summary>Posterior of the decided class at the last encoder frame, 0..1.</summary>
        public double Confidence { get; }

        public static ClipDecision FromFixed(short[][] posteriorsQ15)
        {
            if (posteriorsQ15.Length == 0) return new ClipDecision(-1, 0);
            short[] last = posteriorsQ15[posteriorsQ15.Length - 1];
            int top = ArgMax(last.Length, c => last[c]);
            return new ClipDecision(top, last[top] / 32768.0);
        }

        public static ClipDecision FromFloat(double[][] probabilities)
        {
            if (probabilities.Length == 0) return new ClipDecision(-1, 0);
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
