using System;
using System.Collections.Generic;
using Edge.Asr.Detector;
using Edge.Asr.Sim.Commands;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The detection error trade-off of one command: at each threshold of a grid (every command at
    /// that threshold, the blob's smoothing and refractory period), the detector is replayed on the
    /// evaluation's own posteriors. Miss rate = the command's clips whose first event is not the
    /// command, plus its stream keywords no event matched, ÷ both; false accepts per hour = the
    /// command's unmatched events in the streams ÷ stream hours.
    /// </summary>
    public sealed class DetCurve
    {
        /// <summary>The grid: 0.10, 0.11, …, 0.99.</summary>
        public static readonly double[] Thresholds = Grid(0.10, 0.99, 0.01);

        /// <summary>One grid point.</summary>
        public sealed record Point(double Threshold, int Misses, double? MissRate, int FalseAccepts, double? FalseAcceptsPerHour);

        public DetCurve(string label, int positives, IReadOnlyList<Point> points)
        {
            Label = label;
            Positives = positives;
            Points = points;
        }

        public string Label { get; }

        /// <summary>The command's clips and stream keywords: the miss rate's divisor.</summary>
        public int Positives { get; }

        public IReadOnlyList<Point> Points { get; }

        /// <summary>A curve per command; empty when no outcome kept its posteriors.</summary>
        public static List<DetCurve> Compute(string[] labels, DetectorSettings settings, IReadOnlyList<ClipOutcome> clips,
            IReadOnlyList<StreamOutcome> streams)
        {
            var curves = new List<DetCurve>();
            foreach (ClipOutcome c in clips) if (c.PosteriorsQ15 == null) return curves;
            foreach (StreamOutcome s in streams) if (s.PosteriorsQ15 == null) return curves;
            double seconds = 0;
            foreach (StreamOutcome s in streams) seconds += s.Seconds;
            double hours = seconds / 3600.0; // summed in seconds first, as the eval's own rate: 1 h reads 1, not 0.9999…
            int n = labels.Length;
            var positives = new int[n];
            foreach (ClipOutcome c in clips) positives[c.TrueClass]++;
            foreach (StreamOutcome s in streams)
                foreach (KeywordSpan k in s.KeywordSpans) positives[Array.IndexOf(labels, k.Label)]++;

            var misses = new int[Thresholds.Length, n];
            var falseAccepts = new int[Thresholds.Length, n];
            for (int g = 0; g < Thresholds.Length; g++)
            {
                DetectorSettings at = DetectorThresholds.Uniform(settings, RunOptions.ToQ15(Thresholds[g]));
                foreach (ClipOutcome c in clips)
                {
                    if (ClipDecision.FirstEvent(c.PosteriorsQ15!, labels, at).ClassIndex != c.TrueClass) misses[g, c.TrueClass]++;
                }
                foreach (StreamOutcome s in streams)
                {
                    List<StreamDetection> events = StreamScoring.Detect(s.PosteriorsQ15!, labels, at, s.KeywordSpans, out _, out List<StreamMiss> missed);
                    foreach (StreamMiss m in missed) misses[g, Array.IndexOf(labels, m.Keyword.Label)]++;
                    foreach (StreamDetection e in events) if (!e.Matched) falseAccepts[g, e.ClassIndex]++;
                }
            }
            for (int c = 0; c < n; c++)
            {
                if (LabelFolders.IsFiller(labels[c])) continue;
                var points = new List<Point>();
                for (int g = 0; g < Thresholds.Length; g++)
                {
                    points.Add(new Point(Thresholds[g], misses[g, c], positives[c] == 0 ? null : misses[g, c] / (double)positives[c],
                        falseAccepts[g, c], hours > 0 ? falseAccepts[g, c] / hours : null));
                }
                curves.Add(new DetCurve(labels[c], positives[c], points));
            }
            return curves;
        }

        private static double[] Grid(double low, double high, double step)
        {
            var grid = new List<double>();
            for (int k = 0; low + k * step <= high + 1e-9; k++) grid.Add(Math.Round(low + k * step, 4));
            return grid.ToArray();
        }
    }
}
