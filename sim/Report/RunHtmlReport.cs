using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Report
{
    /// <summary>
    /// The run report: the log-mel spectrogram (SVG rects, time downsampled to at most
    /// <see cref="MaxColumns"/> columns, each the mean of its frames), under it the posterior
    /// timeline (one polyline per command class over encoder frames, the detection threshold as a
    /// dashed line) and one marker per detection with its label and confidence.
    /// </summary>
    public static class RunHtmlReport
    {
        public const int MaxColumns = 400;

        private const double Width = 900, Left = 50, BandHeight = 4, TimelineHeight = 200;
        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        /// <param name="melQ8">log-mel frames [frame][40] of the input (of its end, from <paramref name="firstMelFrame"/>, for a long stream).</param>
        /// <param name="posteriorsQ15">model posteriors [encoderFrame][class], from <paramref name="firstEncoderFrame"/>.</param>
        /// <param name="firstMelFrame">index of melQ8[0] in the input (a long stream's report keeps only its end).</param>
        /// <param name="firstEncoderFrame">index of posteriorsQ15[0] in the input.</param>
        public static string Build(string title, short[][] melQ8, short[][] posteriorsQ15, string[] labels,
            DetectorSettings detector, IReadOnlyList<StreamDetection> detections, long firstMelFrame = 0, long firstEncoderFrame = 0)
        {
            double start = firstMelFrame * LogMelFrontend.HopLength / (double)LogMelFrontend.SampleRate;
            double seconds = melQ8.Length == 0 ? 0 : ((melQ8.Length - 1) * LogMelFrontend.HopLength + LogMelFrontend.WindowLength) / (double)LogMelFrontend.SampleRate;
            var shown = new List<StreamDetection>();
            foreach (StreamDetection d in detections) if (d.TimeSeconds >= start) shown.Add(d);
            var page = new Xhtml(title);
            page.OpenSection("summary").Text("h2", "Summary")
                .Text("p", melQ8.Length.ToString(C) + " log-mel frames, " + posteriorsQ15.Length.ToString(C) + " encoder frames, "
                    + seconds.ToString("0.00", C) + " s, " + shown.Count.ToString(C) + " detections"
                    + (firstMelFrame > 0 ? " (the last " + seconds.ToString("0.00", C) + " s of the input, from " + start.ToString("0.00", C)
                        + " s; " + detections.Count.ToString(C) + " detections in all)" : ""))
                .CloseSection();
            page.OpenSection("spectrogram").Text("h2", "Log-mel spectrogram").Raw(Spectrogram(melQ8)).CloseSection();
            page.OpenSection("timeline").Text("h2", "Posteriors and detections")
                .Raw(Timeline(posteriorsQ15, labels, detector, shown, start, seconds, firstEncoderFrame)).CloseSection();
            return page.ToString();
        }

        private static string Spectrogram(short[][] mel)
        {
            int bands = LogMelFrontend.MelChannels;
            int columns = Math.Min(MaxColumns, mel.Length);
            const double bottom = 40;
            double height = bands * BandHeight;
            var svg = new Svg("spectrogram", Left + Width + 130, height + bottom);
            if (columns == 0) return svg.ToString();
            double[][] cols = new double[columns][];
            double lo = double.MaxValue, hi = double.MinValue;
            for (int c = 0; c < columns; c++)
            {
                int from = (int)((long)c * mel.Length / columns), to = (int)((long)(c + 1) * mel.Length / columns);
                cols[c] = new double[bands];
                for (int f = from; f < to; f++)
                {
                    for (int b = 0; b < bands; b++) cols[c][b] += mel[f][b];
                }
                for (int b = 0; b < bands; b++)
                {
                    cols[c][b] /= to - from;
                    lo = Math.Min(lo, cols[c][b]);
                    hi = Math.Max(hi, cols[c][b]);
                }
            }
            double w = Width / columns, range = Math.Max(1, hi - lo);
            svg.Raw("<g shape-rendering=\"crispEdges\">\n"); // no hairline seams between cells
            for (int c = 0; c < columns; c++)
            {
                for (int b = 0; b < bands; b++)
                {
                    // Low bands at the bottom.
                    svg.Rect("mel", Left + c * w, (bands - 1 - b) * BandHeight, w + 0.05, BandHeight, Palette.Heat((cols[c][b] - lo) / range));
                }
            }
            svg.Raw("</g>\n");
            // Axes: mel band (low bands at the bottom) and time; the colour bar in log2 energy units.
            for (int b = 0; b < bands; b += 10)
                svg.Text("axis-label", Left - 4, (bands - 1 - b) * BandHeight + BandHeight, b.ToString(C), "end", 10);
            svg.Raw("<text class=\"axis-title\" font-size=\"11\" text-anchor=\"middle\" transform=\"translate(12," + Xhtml.Num(height / 2)
                + ") rotate(-90)\">mel band (" + LogMelFrontend.MelLowHz.ToString(C) + "-" + LogMelFrontend.MelHighHz.ToString(C) + " Hz)</text>\n");
            double seconds = ((mel.Length - 1) * LogMelFrontend.HopLength + LogMelFrontend.WindowLength) / (double)LogMelFrontend.SampleRate;
            for (int k = 0; k <= 4; k++)
                svg.Text("axis-label", Left + Width * k / 4, height + 14, (seconds * k / 4).ToString("0.00", C) + " s", k == 0 ? "start" : k == 4 ? "end" : "middle", 10);
            svg.Text("axis-title", Left + Width / 2, height + 32, "time from the start of the shown audio (s)", "middle", 11);
            double barX = Left + Width + 20;
            for (int k = 0; k < 20; k++)
                svg.Rect("colour-bar", barX, height * (1 - (k + 1) / 20.0), 14, height / 20 + 0.5, Palette.Heat((k + 0.5) / 20));
            svg.Text("colour-bar-tick", barX + 18, 10, (hi / 256).ToString("0.0", C), "start", 10)
               .Text("colour-bar-tick", barX + 18, height, (lo / 256).ToString("0.0", C), "start", 10)
               .Text("colour-bar-title", barX, height + 14, "log2 energy", "start", 10);
            return svg.ToString();
        }

        private static string Timeline(short[][] posteriors, string[] labels, DetectorSettings detector, IReadOnlyList<StreamDetection> detections,
            double start, double seconds, long firstEncoderFrame)
        {
            const double top = 20, bottom = 36;
            var svg = new Svg("posterior-timeline", Left + Width + 120, top + TimelineHeight + bottom);
            double span = Math.Max(seconds, 1e-3);
            Func<double, double> x = t => Left + Width * Math.Clamp(t - start, 0, span) / span;
            Func<double, double> y = p => top + TimelineHeight * (1 - p);
            svg.Line("axis", Left, y(0), Left + Width, y(0), "#888").Line("axis", Left, y(0), Left, y(1), "#888");
            svg.Text("axis-label", Left - 4, y(1) + 4, "1", "end").Text("axis-label", Left - 4, y(0) + 4, "0", "end");
            svg.Text("axis-label", Left + Width, y(0) + 16, (start + seconds).ToString("0.00", C) + " s", "end");
            svg.Text("axis-label", Left, y(0) + 16, start.ToString("0.00", C) + " s", "start");
            svg.Text("axis-title", Left + Width / 2, y(0) + 26, "time (s)", "middle", 11);
            svg.Raw("<text class=\"axis-title\" font-size=\"11\" text-anchor=\"middle\" transform=\"translate(14," + Xhtml.Num(y(0.5))
                + ") rotate(-90)\">posterior (0-1)</text>\n");

            int legend = 0;
            var thresholds = new SortedSet<int>();
            for (int c = 0; c < labels.Length; c++)
            {
                if (LabelFolders.IsFiller(labels[c])) continue;
                var points = new StringBuilder();
                for (int e = 0; e < posteriors.Length; e++)
                {
                    if (e > 0) points.Append(' ');
                    points.Append(Xhtml.Num(x(StreamScoring.EncoderFrameEndSeconds(firstEncoderFrame + e)))).Append(',').Append(Xhtml.Num(y(posteriors[e][c] / 32768.0)));
                }
                string colour = Palette.Line(legend);
                svg.Polyline("posterior", points.ToString(), colour, labels[c]);
                svg.Text("legend", Left + Width + 10, top + 12 * legend + 8, labels[c], "start", 10, colour);
                legend++;
                thresholds.Add(detector.ThresholdQ15(c));
            }
            // One dashed line per distinct command threshold (usually one for all classes).
            foreach (int q in thresholds)
            {
                svg.Line("threshold", Left, y(q / 32768.0), Left + Width, y(q / 32768.0), "#d62728", "4 3");
            }
            foreach (StreamDetection d in detections)
            {
                double at = x(d.TimeSeconds);
                svg.Raw("<g class=\"detection\">\n");
                svg.Line("detection-line", at, y(1), at, y(0), "#000", "2 2");
                svg.Text("detection-label", at + 3, top - 6, d.Label + " " + (100 * d.Confidence).ToString("0", C) + "%", "start", 10);
                svg.Raw("</g>\n");
            }
            return svg.ToString();
        }
    }
}
