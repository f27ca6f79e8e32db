using System.Globalization;
using System.IO;
using System.Linq;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The human-readable summary of an evaluation: the detector-level clip scores (the headline)
    /// with their confusion matrix, the last-frame figure, and the streams' false accepts and
    /// misses one per line.
    /// </summary>
    public static class EvalText
    {
        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        /// <summary>Longest label shown in a confusion column header.</summary>
        private const int ColumnLabel = 9;

        public static void Write(TextWriter o, EvalResult r)
        {
            o.WriteLine("clips:       " + r.Clips.ToString(C) + " (" + r.ClipSeconds.ToString("0.0", C) + " s)");
            if (r.Clips > 0)
            {
                o.WriteLine("accuracy:    " + Percent(r.Accuracy) + " as the device decides: the detector's first event over each clip ("
                    + "none = " + EvalResult.NoCommandLabel + ", right for _silence_ and _unknown_ clips)");
                o.WriteLine("last frame:  " + Percent(r.LastFrame.Accuracy) + " top class of each clip's last encoder frame (secondary)");
                o.WriteLine("fixed=float: " + (r.AgreementFixedFloat.HasValue ? Percent(r.AgreementFixedFloat) + " of clips, same last-frame class" : "n/a (no float reference)"));
                if (r.ClipsEndingEarly > 0)
                    o.WriteLine("warning:     " + r.ClipsEndingEarly.ToString(C) + " clip(s) end more than " + SpeechEnd.LongSeconds.ToString("0.0", C)
                        + " s after their sound: the last-frame figure hears silence there");
                o.WriteLine();
                o.WriteLine("detector decisions");
                WriteScores(o, r.Detector);
                o.WriteLine();
                o.WriteLine("last-frame classification");
                WriteScores(o, r.LastFrame);
            }
            if (r.Streams > 0)
            {
                o.WriteLine();
                o.WriteLine("streams:     " + r.Streams.ToString(C) + " (" + r.StreamHours.ToString("0.000", C) + " h)");
                o.WriteLine("keywords:    " + r.KeywordsFound.ToString(C) + " of " + r.Keywords.ToString(C) + " detected"
                    + (r.KeywordRecall.HasValue ? " (recall " + Percent(r.KeywordRecall) + ")" : ""));
                o.WriteLine("false acc.:  " + FalseAcceptRate(r));
                if (r.FalseAccepts > 0)
                {
                    o.WriteLine();
                    o.WriteLine("false accepts (file, time, label, confidence)");
                    foreach ((StreamOutcome s, StreamDetection d) in r.FalseAcceptList)
                        o.WriteLine("  " + s.Path + "  " + d.TimeSeconds.ToString("0.000", C) + " s  " + d.Label + "  " + d.Confidence.ToString("0.000", C));
                }
                if (r.Keywords > r.KeywordsFound)
                {
                    o.WriteLine();
                    o.WriteLine("missed keywords (file, start-end, label, highest smoothed confidence there)");
                    foreach ((StreamOutcome s, StreamMiss m) in r.MissList)
                        o.WriteLine("  " + s.Path + "  " + m.Keyword.StartSeconds.ToString("0.000", C) + "-" + m.Keyword.EndSeconds.ToString("0.000", C)
                            + " s  " + m.Keyword.Label + "  " + m.PeakConfidence.ToString("0.000", C));
                }
            }
        }

        /// <summary>"110 (110.00 per hour over 1.000 h of audio; 95 % interval 90.4 to 132.6)", and a warning when it rests on minutes.</summary>
        public static string FalseAcceptRate(EvalResult r)
        {
            if (!r.FalseAcceptsPerHour.HasValue) return r.FalseAccepts.ToString(C) + " (no stream audio)";
            (double low, double high) = r.FalseAcceptsPerHour95!.Value;
            string text = r.FalseAccepts.ToString(C) + " (" + r.FalseAcceptsPerHour.Value.ToString("0.00", C) + " per hour over "
                + r.StreamHours.ToString("0.000", C) + " h of audio; 95 % interval " + low.ToString("0.00", C) + " to " + high.ToString("0.00", C) + ")";
            if (r.RateFromMinutes)
                text += "; from " + (r.StreamSeconds / 60).ToString("0.0", C) + " minutes of audio: a rough guess, not a measured hourly rate";
            return text;
        }

        private static void WriteScores(TextWriter o, ClipScores s)
        {
            int width = System.Math.Max(8, s.Labels.Max(l => l.Length) + 1);
            o.WriteLine("class".PadRight(width) + "  precision  recall  support");
            foreach (ClassScore c in s.PerClass)
                o.WriteLine(c.Label.PadRight(width) + "  " + Percent(c.Precision).PadLeft(9) + "  " + Percent(c.Recall).PadLeft(6) + "  " + c.Support.ToString(C).PadLeft(7));
            o.WriteLine();
            o.WriteLine("confusion (rows: true class, columns: decided class)");
            int cell = System.Math.Max(s.Confusion.Max(row => row.Max()).ToString(C).Length, System.Math.Min(ColumnLabel, s.Labels.Max(l => l.Length))) + 1;
            o.WriteLine("".PadRight(width) + string.Concat(s.Labels.Select(l => (l.Length > cell - 1 ? l.Substring(0, cell - 1) : l).PadLeft(cell))));
            for (int i = 0; i < s.Labels.Length; i++)
                o.WriteLine(s.Labels[i].PadRight(width) + string.Concat(s.Confusion[i].Select(n => n.ToString(C).PadLeft(cell))));
        }

        private static string Percent(double? v) => v.HasValue ? (100 * v.Value).ToString("0.0", C) + "%" : "n/a";
    }
}
