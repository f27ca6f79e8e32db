using System.Globalization;
using System.Linq;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Report
{
    /// <summary>
    /// The eval report: one self-contained XHTML file with the summary numbers, the confusion
    /// matrix as a heat map with counts (rows: true class), per-class precision/recall bars and,
    /// when streams were evaluated, keyword recall and false accepts per stream.
    /// </summary>
    public static class EvalHtmlReport
    {
        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        public static string Build(EvalResult r, string title)
        {
            var page = new Xhtml(title);
            page.OpenSection("summary").Text("h2", "Summary").Raw("<table class=\"summary\">\n");
            Row(page, "clips", r.Clips.ToString(C));
            Row(page, "audio", r.AudioSeconds.ToString("0.0", C) + " s");
            Row(page, "accuracy", Percent(r.Accuracy));
            Row(page, "fixed-point vs float top-1 agreement", Percent(r.AgreementFixedFloat));
            Row(page, "streams", r.Streams.ToString(C) + " (" + (r.StreamSeconds / 3600).ToString("0.000", C) + " h)");
            Row(page, "keyword recall", Percent(r.KeywordRecall) + " (" + r.KeywordsFound.ToString(C) + " of " + r.Keywords.ToString(C) + ")");
            Row(page, "false accepts per hour", r.FalseAcceptsPerHour.HasValue ? r.FalseAcceptsPerHour.Value.ToString("0.00", C) + " (" + r.FalseAccepts.ToString(C) + ")" : "n/a");
            page.Raw("</table>\n").CloseSection();

            if (r.Clips > 0)
            {
                page.OpenSection("confusion").Text("h2", "Confusion matrix (rows: true class, columns: predicted)").Raw(Confusion(r)).CloseSection();
                page.OpenSection("per-class").Text("h2", "Per-class precision and recall").Raw(Bars(r)).CloseSection();
            }
            if (r.Streams > 0) page.OpenSection("streams").Text("h2", "Streams").Raw(StreamTable(r)).CloseSection();
            return page.ToString();
        }

        private static void Row(Xhtml page, string name, string value) =>
            page.Raw("<tr><th>" + Xhtml.Escape(name) + "</th><td>" + Xhtml.Escape(value) + "</td></tr>\n");

        private static string Confusion(EvalResult r)
        {
            int n = r.Labels.Length;
            const double cell = 34, left = 110, top = 110;
            var svg = new Svg("confusion-matrix", left + n * cell + 80, top + n * cell + 10);
            for (int i = 0; i < n; i++)
            {
                svg.Text("row-label", left - 6, top + i * cell + cell / 2 + 4, r.Labels[i], "end");
                svg.Raw("<text class=\"column-label\" font-size=\"11\" transform=\"translate(" + Xhtml.Num(left + i * cell + cell / 2 + 4) + "," + Xhtml.Num(top - 6)
                    + ") rotate(-60)\">" + Xhtml.Escape(r.Labels[i]) + "</text>\n");
            }
            for (int t = 0; t < n; t++)
            {
                int support = r.Confusion[t].Sum();
                for (int p = 0; p < n; p++)
                {
                    int count = r.Confusion[t][p];
                    double share = support == 0 ? 0 : count / (double)support;
                    svg.Rect("confusion-cell", left + p * cell, top + t * cell, cell - 1, cell - 1, Palette.Blues(share),
                        r.Labels[t] + " → " + r.Labels[p] + ": " + count.ToString(C));
                    svg.Text("count", left + p * cell + cell / 2, top + t * cell + cell / 2 + 4, count.ToString(C), "middle", 11, share > 0.5 ? "#fff" : "#222");
                }
            }
            return svg.ToString();
        }

        private static string Bars(EvalResult r)
        {
            int n = r.Labels.Length;
            const double left = 110, barWidth = 300, rowHeight = 26;
            var svg = new Svg("class-bars", left + barWidth + 120, n * rowHeight + 30);
            svg.Rect("legend", left, 4, 10, 10, "#1f77b4").Text("legend", left + 14, 13, "precision");
            svg.Rect("legend", left + 90, 4, 10, 10, "#ff7f0e").Text("legend", left + 104, 13, "recall");
            for (int c = 0; c < n; c++)
            {
                ClassScore s = r.PerClass[c];
                double y = 22 + c * rowHeight;
                svg.Text("row-label", left - 6, y + 14, s.Label, "end");
                svg.Rect("precision-bar", left, y, barWidth * (s.Precision ?? 0), 10, "#1f77b4", s.Label + " precision " + Percent(s.Precision));
                svg.Rect("recall-bar", left, y + 11, barWidth * (s.Recall ?? 0), 10, "#ff7f0e", s.Label + " recall " + Percent(s.Recall));
                svg.Text("value", left + barWidth + 6, y + 14, Percent(s.Precision) + " / " + Percent(s.Recall) + " (" + s.Support.ToString(C) + ")");
            }
            return svg.ToString();
        }

        private static string StreamTable(EvalResult r)
        {
            var b = new System.Text.StringBuilder("<table class=\"streams\">\n<tr><th>stream</th><th>seconds</th><th>keywords</th><th>found</th><th>false accepts</th></tr>\n");
            foreach (StreamOutcome s in r.StreamOutcomes)
            {
                b.Append("<tr><td>").Append(Xhtml.Escape(s.Path)).Append("</td><td>").Append(s.Seconds.ToString("0.0", C)).Append("</td><td>")
                 .Append(s.Keywords.ToString(C)).Append("</td><td>").Append(s.KeywordsFound.ToString(C)).Append("</td><td>")
                 .Append(s.FalseAccepts.ToString(C)).Append("</td></tr>\n");
            }
            return b.Append("</table>\n").ToString();
        }

        private static string Percent(double? v) => v.HasValue ? (100 * v.Value).ToString("0.0", C) + "%" : "n/a";
    }
}
