using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    public static class Snr
    {
        /// <summary>10·log10(Σref² / Σ(test − ref)²) in dB.</summary>
        public static double Db(double[] reference, double[] test)
        {
            if (reference.Length != test.Length) throw new ArgumentException("length mismatch");
            double s = 0, n = 0;
            for (int i = 0; i < reference.Length; i++)
            {
                s += reference[i] * reference[i];
                double e = test[i] - reference[i];
                n += e * e;
            }
            if (n == 0) return double.PositiveInfinity;
            return 10 * Math.Log10(s / n);
        }
    }
}
