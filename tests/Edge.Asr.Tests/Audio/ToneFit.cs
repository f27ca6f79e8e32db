using System;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>Least-squares fit of a sinusoid of known frequency: amplitude, phase and what is left over.</summary>
    public sealed class ToneFit
    {
        private ToneFit(double amplitude, double phase, double residualRms)
        {
            Amplitude = amplitude;
            Phase = phase;
            ResidualRms = residualRms;
        }

        public double Amplitude { get; }

        /// <summary>Phase in radians of A·sin(2π f t + phase), t = index / rate.</summary>
        public double Phase { get; }

        /// <summary>RMS of the signal minus the fitted tone.</summary>
        public double ResidualRms { get; }

        public static ToneFit Fit(double[] y, int start, int count, double frequency, double rate)
        {
            double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
            for (int i = start; i < start + count; i++)
            {
                double w = 2 * Math.PI * frequency * i / rate;
                double s = Math.Sin(w), c = Math.Cos(w);
                ss += s * s; cc += c * c; sc += s * c; ys += y[i] * s; yc += y[i] * c;
            }
            double det = ss * cc - sc * sc;
            double a = (ys * cc - yc * sc) / det; // sin coefficient
            double b = (yc * ss - ys * sc) / det; // cos coefficient
            double residual = 0;
            for (int i = start; i < start + count; i++)
            {
                double w = 2 * Math.PI * frequency * i / rate;
                double e = y[i] - a * Math.Sin(w) - b * Math.Cos(w);
                residual += e * e;
            }
            return new ToneFit(Math.Sqrt(a * a + b * b), Math.Atan2(b, a), Math.Sqrt(residual / count));
        }

        public static double Rms(double[] y, int start, int count)
        {
            double sum = 0;
            for (int i = start; i < start + count; i++) sum += y[i] * y[i];
            return Math.Sqrt(sum / count);
        }

        public static double[] Tone(double frequency, double rate, int count, double amplitude, double phase = 0)
        {
            var x = new double[count];
            for (int i = 0; i < count; i++) x[i] = amplitude * Math.Sin(2 * Math.PI * frequency * i / rate + phase);
            return x;
        }
    }
}
