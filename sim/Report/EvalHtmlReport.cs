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
            Row(page, "labels", string.Join(", ", r.Labels));
            Row(page, "clips", r.Clips.ToString(C) + " (" + r.ClipSeconds.ToString("0.0", C) + " s)");
            Row(page, "audio", r.AudioSeconds.ToString("0.0", C) + " s");
            Row(page, "accuracy (as the device decides: the detector's first event; none = " + EvalResult.NoCommandLabel + ")", Percent(r.Accuracy));
            Row(page, "last-frame accuracy (top class of the last encoder frame; secondary)", Percent(r.LastFrame.Accuracy));
            Row(page, "fixed-point vs float last-frame agreement", Percent(r.AgreementFixedFloat));
            if (r.ClipsEndingEarly > 0)
                Row(page, "clips whose sound ends more than " + SpeechEnd.LongSeconds.ToString("0.0", C) + " s before their end", r.ClipsEndingEarly.ToString(C));
            Row(page, "streams", r.Streams.ToString(C) + " (" + r.StreamHours.ToString("0.000", C) + " h)");
            Row(page, "keyword recall", Percent(r.KeywordRecall) + " (" + r.KeywordsFound.ToString(C) + " of " + r.Keywords.ToString(C) + ")");
            Row(page, "false accepts", EvalText.FalseAcceptRate(r));
            page.Raw("</table>\n").CloseSection();

            if (r.Clips > 0)
            {
                page.OpenSection("confusion").Text("h2", "Detector decisions: confusion matrix (rows: true class, columns: decided class; colour: share of the row)")
                    .Raw(Confusion(r.Detector, "confusion-matrix")).CloseSection();
                page.OpenSection("per-class").Text("h2", "Detector decisions: precision and recall per class (%)").Raw(Bars(r.Detector)).CloseSection();
                page.OpenSection("last-frame").Text("h2", "Last-frame classification: confusion matrix (rows: true class, columns: top class of the last encoder frame)")
                    .Raw(Confusion(r.LastFrame, "last-frame-matrix")).CloseSection();
            }
            if (r.Det.Count > 0)
                page.OpenSection("det").Text("h2", "DET curves: miss rate against false accepts per hour, every command at thresholds " 
                    + DetCurve.Thresholds[0].ToString("0.00", C) + " to " + DetCurve.Thresholds[^1].ToString("0.00", C)).Raw(DetChart.Build(r.Det)).CloseSection();
            if (r.Streams > 0)
            {
                page.OpenSection("streams").Text("h2", "Streams").Raw(StreamTable(r)).CloseSection();
                page.OpenSection("false-accepts").Text("h2", "False accepts (" + r.FalseAccepts.ToString(C) + ")").Raw(FalseAcceptTable(r)).CloseSection();
                page.OpenSection("misses").Text("h2", "Missed keywords (" + (r.Keywords - r.KeywordsFound).ToString(C) + ")").Raw(MissTable(r)).CloseSection();
            }
            return page.ToString();
        }

        private static void Row(Xhtml page, string name, string value) =>
            page.Raw("<tr><th>" + Xhtml.Escape(name) + "</th><td>" + Xhtml.Escape(value) + "</td></tr>\n");

        private static string Confusion(ClipScores s, string cssClass)
        {
            int n = s.Labels.Length;
            const double cell = 40, left = 130, top = 120;
            double barX = left + n * cell + 30;
            var svg = new Svg(cssClass, barX + 90, top + n * cell + 40);
            svg.Text("axis-title", left + n * cell / 2, 14, "decided class", "middle", 13);
            svg.Raw("<text class=\"axis-title\" font-size=\"13\" text-anchor=\"middle\" transform=\"translate(16," + Xhtml.Num(top + n * cell / 2) + ") rotate(-90)\">true class</text>\n");
            for (int i = 0; i < n; i++)
            {
                svg.Text("row-label", left - 6, top + i * cell + cell / 2 + 4, s.Labels[i], "end", 12);
                svg.Raw("<text class=\"column-label\" font-size=\"12\" transform=\"translate(" + Xhtml.Num(left + i * cell + cell / 2 + 4) + "," + Xhtml.Num(top - 6)
                    + ") rotate(-60)\">" + Xhtml.Escape(s.Labels[i]) + "</text>\n");
            }
            for (int t = 0; t < n; t++)
            {
                int support = s.Confusion[t].Sum();
                for (int p = 0; p < n; p++)
                {
                    int count = s.Confusion[t][p];
                    double share = support == 0 ? 0 : count / (double)support;
                    svg.Rect("confusion-cell", left + p * cell, top + t * cell, cell - 1, cell - 1, Palette.Blues(share),
                        s.Labels[t] + " → " + s.Labels[p] + ": " + count.ToString(C));
                    svg.Text("count", left + p * cell + cell / 2, top + t * cell + cell / 2 + 4, count.ToString(C), "middle", 12, share > 0.5 ? "#fff" : "#222");
                }
            }
            // The colour bar: share of the true class's clips.
            double barHeight = n * cell;
            for (int k = 0; k < 20; k++)
                svg.Rect("colour-bar", barX, top + barHeight * (1 - (k + 1) / 20.0), 16, barHeight / 20 + 0.5, Palette.Blues((k + 0.5) / 20));
            for (int k = 0; k <= 4; k++)
                svg.Text("colour-bar-tick", barX + 20, top + barHeight * (1 - k / 4.0) + 4, (25 * k).ToString(C) + " %", "start", 11);
            svg.Text("colour-bar-title", barX, top + barHeight + 24, "share of row", "start", 11);
            return svg.ToString();
        }

        private static string Bars(ClipScores s)
        {
            int n = s.Labels.Length;
            const double left = 130, barWidth = 500, rowHeight = 28, top = 40;
            var svg = new Svg("class-bars", left + barWidth + 200, top + n * rowHeight + 40);
            svg.Rect("legend", left, 4, 10, 10, "#1f77b4").Text("legend", left + 14, 13, "precision");
            svg.Rect("legend", left + 90, 4, 10, 10, "#ff7f0e").Text("legend", left + 104, 13, "recall");
            for (int k = 0; k <= 4; k++)
            {
                double x = left + barWidth * k / 4.0;
                svg.Line("grid", x, top - 6, x, top + n * rowHeight, "#ddd");
                svg.Text("tick", x, top + n * rowHeight + 14, (25 * k).ToString(C) + " %", "middle", 11);
            }
            svg.Text("axis-title", left + barWidth / 2, top + n * rowHeight + 32, "precision and recall (%)", "middle", 12);
            for (int c = 0; c < n; c++)
            {
                ClassScore cs = s.PerClass[c];
                double y = top + c * rowHeight;
                svg.Text("row-label", left - 6, y + 14, cs.Label, "end", 12);
                svg.Rect("precision-bar", left, y, barWidth * (cs.Precision ?? 0), 11, "#1f77b4", cs.Label + " precision " + Percent(cs.Precision));
                svg.Rect("recall-bar", left, y + 12, barWidth * (cs.Recall ?? 0), 11, "#ff7f0e", cs.Label + " recall " + Percent(cs.Recall));
                svg.Text("value", left + barWidth + 6, y + 14, Percent(cs.Precision) + " / " + Percent(cs.Recall) + " (" + cs.Support.ToString(C) + " clips)", "start", 12);
            }
            return svg.ToString();
        }

        private static string FalseAcceptTable(EvalResult r)
        {
            var b = new System.Text.StringBuilder("<table class=\"false-accepts\">\n<tr><th>file</th><th>time (s)</th><th>label</th><th>confidence</th></tr>\n");
            foreach ((StreamOutcome s, StreamDetection d) in r.FalseAcceptList)
                b.Append("<tr><td>").Append(Xhtml.Escape(s.Path)).Append("</td><td>").Append(d.TimeSeconds.ToString("0.000", C)).Append("</td><td>")
                 .Append(Xhtml.Escape(d.Label)).Append("</td><td>").Append(d.Confidence.ToString("0.000", C)).Append("</td></tr>\n");
            return b.Append("</table>\n").ToString();
        }

        private static string MissTable(EvalResult r)
        {
            var b = new System.Text.StringBuilder("<table class=\"misses\">\n<tr><th>file</th><th>start (s)</th><th>end (s)</th><th>label</th><th>highest smoothed confidence</th></tr>\n");
            foreach ((StreamOutcome s, StreamMiss m) in r.MissList)
                b.Append("<tr><td>").Append(Xhtml.Escape(s.Path)).Append("</td><td>").Append(m.Keyword.StartSeconds.ToString("0.000", C)).Append("</td><td>")
                 .Append(m.Keyword.EndSeconds.ToString("0.000", C)).Append("</td><td>").Append(Xhtml.Escape(m.Keyword.Label)).Append("</td><td>")
                 .Append(m.PeakConfidence.ToString("0.000", C)).Append("</td></tr>\n");
            return b.Append("</table>\n").ToString();
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
