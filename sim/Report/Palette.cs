using System;
using System.Globalization;

namespace Edge.Asr.Sim.Report
{
    /// <summary>Colours of the reports: a dark-to-bright heat ramp and distinct line colours.</summary>
    public static class Palette
    {
        private static readonly string[] Lines =
        {
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        };

        public static string Line(int i) => Lines[i % Lines.Length];

        /// <summary>t in 0..1 → dark blue … yellow (a rough viridis), as #rrggbb.</summary>
        public static string Heat(double t)
        {
            t = Math.Clamp(t, 0, 1);
            // Three-stop ramp: (68,1,84) → (33,145,140) → (253,231,37).
            double r, g, b;
            if (t < 0.5)
            {
                double u = t / 0.5;
                r = 68 + (33 - 68) * u; g = 1 + (145 - 1) * u; b = 84 + (140 - 84) * u;
            }
            else
            {
                double u = (t - 0.5) / 0.5;
                r = 33 + (253 - 33) * u; g = 145 + (231 - 145) * u; b = 140 + (37 - 140) * u;
            }
            return "#" + Hex(r) + Hex(g) + Hex(b);
        }

        /// <summary>t in 0..1 → white … deep blue, for matrix cells.</summary>
        public static string Blues(double t)
        {
            t = Math.Clamp(t, 0, 1);
            return "#" + Hex(255 - 222 * t) + Hex(255 - 153 * t) + Hex(255 - 83 * t);
        }

        private static string Hex(double v) => ((int)Math.Round(v)).ToString("x2", CultureInfo.InvariantCulture);
    }
}
