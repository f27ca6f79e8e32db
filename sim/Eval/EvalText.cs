using System.Globalization;
using System.IO;
using System.Linq;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>The human-readable summary of an evaluation: totals, per-class table, confusion matrix.</summary>
    public static class EvalText
    {
        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        public static void Write(TextWriter o, EvalResult r)
        {
            o.WriteLine("clips:       " + r.Clips.ToString(C) + " (" + r.ClipSeconds.ToString("0.0", C) + " s)");
            if (r.Clips > 0)
            {
                o.WriteLine("accuracy:    " + Percent(r.Accuracy));
                o.WriteLine("fixed=float: " + (r.AgreementFixedFloat.HasValue ? Percent(r.AgreementFixedFloat) + " of clips, same top-1 class" : "n/a (no float reference)"));
                int width = System.Math.Max(8, r.Labels.Max(l => l.Length) + 1);
                o.WriteLine();
                o.WriteLine("class".PadRight(width) + "  precision  recall  support");
                foreach (ClassScore s in r.PerClass)
                {
                    o.WriteLine(s.Label.PadRight(width) + "  " + Percent(s.Precision).PadLeft(9) + "  " + Percent(s.Recall).PadLeft(6) + "  " + s.Support.ToString(C).PadLeft(7));
                }
                o.WriteLine();
                o.WriteLine("confusion (rows: true class, columns: predicted, in the order above)");
                int cell = System.Math.Max(4, r.Confusion.Max(row => row.Max()).ToString(C).Length + 1);
                foreach (int i in Enumerable.Range(0, r.Labels.Length))
                {
                    o.WriteLine(r.Labels[i].PadRight(width) + string.Concat(r.Confusion[i].Select(n => n.ToString(C).PadLeft(cell))));
                }
            }
            if (r.Streams > 0)
            {
                o.WriteLine();
                o.WriteLine("streams:     " + r.Streams.ToString(C) + " (" + (r.StreamSeconds / 3600.0).ToString("0.000", C) + " h)");
                o.WriteLine("keywords:    " + r.KeywordsFound.ToString(C) + " of " + r.Keywords.ToString(C) + " detected"
                    + (r.KeywordRecall.HasValue ? " (recall " + Percent(r.KeywordRecall) + ")" : ""));
                o.WriteLine("false acc.:  " + r.FalseAccepts.ToString(C) + " (" + r.FalseAcceptsPerHour!.Value.ToString("0.00", C) + " per hour)");
            }
        }

        private static string Percent(double? v) => v.HasValue ? (100 * v.Value).ToString("0.0", C) + "%" : "n/a";
    }
}
