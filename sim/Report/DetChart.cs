using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Report
{
    /// <summary>
    /// DET curves as one SVG chart: x = false accepts per hour (linear, from 0 to the largest rate
    /// on any curve), y = miss rate in % (0 to 100), one line per command with a legend; points
    /// without a miss rate (a command with no clips or keywords) or without stream audio are left out.
    /// </summary>
    public static class DetChart
    {
        private static readonly CultureInfo C = CultureInfo.InvariantCulture;

        public static string Build(IReadOnlyList<DetCurve> curves)
        {
            const double left = 70, top = 20, width = 760, height = 420, legendWidth = 160;
            double maxRate = 0;
            foreach (DetCurve c in curves)
                foreach (DetCurve.Point p in c.Points)
                    if (p.FalseAcceptsPerHour is double f && p.MissRate.HasValue) maxRate = Math.Max(maxRate, f);
            maxRate = NiceCeiling(maxRate);
            var svg = new Svg("det-chart", left + width + legendWidth + 20, top + height + 60);
            for (int k = 0; k <= 5; k++)
            {
                double y = top + height * (1 - k / 5.0);
                svg.Line("grid", left, y, left + width, y, "#ddd").Text("tick", left - 6, y + 4, (20 * k).ToString(C) + " %", "end", 11);
                double x = left + width * k / 5.0;
                svg.Line("grid", x, top, x, top + height, "#ddd").Text("tick", x, top + height + 16, (maxRate * k / 5).ToString("0.##", C), "middle", 11);
            }
            svg.Line("axis", left, top + height, left + width, top + height, "#222").Line("axis", left, top, left, top + height, "#222");
            svg.Text("axis-title", left + width / 2, top + height + 38, "false accepts per hour of stream audio", "middle", 13);
            svg.Raw("<text class=\"axis-title\" font-size=\"13\" text-anchor=\"middle\" transform=\"translate(18," + Xhtml.Num(top + height / 2)
                + ") rotate(-90)\">miss rate (%)</text>\n");
            for (int i = 0; i < curves.Count; i++)
            {
                DetCurve c = curves[i];
                var points = new StringBuilder();
                foreach (DetCurve.Point p in c.Points)
                {
                    if (p.FalseAcceptsPerHour is not double f || p.MissRate is not double m) continue;
                    points.Append(Xhtml.Num(left + width * f / maxRate)).Append(',').Append(Xhtml.Num(top + height * (1 - m))).Append(' ');
                }
                double ly = top + 14 + i * 18;
                svg.Line("legend", left + width + 16, ly - 4, left + width + 36, ly - 4, Palette.Line(i)).Text("legend", left + width + 40, ly, c.Label + " (" + c.Positives.ToString(C) + ")", "start", 12);
                if (points.Length > 0) svg.Polyline("det-curve", points.ToString().TrimEnd(), Palette.Line(i), c.Label + ": miss rate against false accepts per hour");
            }
            return svg.ToString();
        }

        // 1, 2 or 5 times a power of ten, at least the value (1 for 0).
        private static double NiceCeiling(double v)
        {
            if (v <= 0) return 1;
            double power = Math.Pow(10, Math.Floor(Math.Log10(v)));
            foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
                if (m * power >= v) return m * power;
            return 10 * power;
        }
    }
}
