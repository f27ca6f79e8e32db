using System;
using System.Globalization;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>What <c>edge-asr run</c> was asked beyond its input and model: --threshold, --json, --report.</summary>
    public sealed class RunOptions
    {
        public static readonly RunOptions None = new RunOptions(null, false, null);

        public RunOptions(double? threshold, bool json, string? reportPath)
        {
            Threshold = threshold;
            Json = json;
            ReportPath = reportPath;
        }

        /// <summary>--threshold T: a probability 0 &lt; T ≤ 1 for every command class; null: the blob's thresholds.</summary>
        public double? Threshold { get; }

        public bool Json { get; }

        public string? ReportPath { get; }

        /// <summary>The threshold in the detector's Q15 (round to nearest, 1..32767: 1.0 is the largest Q15 value).</summary>
        public int? ThresholdQ15 => Threshold.HasValue ? ToQ15(Threshold.Value) : null;

        /// <summary>Null when <paramref name="t"/> is a usable threshold, else the one-line reason.</summary>
        public static string? ThresholdError(double t)
        {
            if (double.IsNaN(t) || t <= 0 || t > 1)
                return "--threshold must be a probability greater than 0 and at most 1, got " + t.ToString(CultureInfo.InvariantCulture);
            return null;
        }

        /// <summary>The number in <paramref name="text"/> (invariant culture), or null when it is not one.</summary>
        public static double? ParseThreshold(string text)
            => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) ? t : null;

        public static int ToQ15(double t)
        {
            if (ThresholdError(t) is string error) throw new ArgumentOutOfRangeException(nameof(t), error);
            return (int)Math.Clamp(Math.Round(t * 32768, MidpointRounding.AwayFromZero), 1, 32767);
        }
    }
}
