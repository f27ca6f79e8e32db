using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    public static class LayerNormRef
    {
        /// <summary>Float LayerNorm: (x − mean)/√(var + ε)·γ + β, population variance (as PyTorch).</summary>
        public static double[] Apply(double[] x, double[] gamma, double[] beta, double eps)
        {
            int n = x.Length;
            double mean = 0;
            foreach (var v in x) mean += v;
            mean /= n;
            double var = 0;
            foreach (var v in x) var += (v - mean) * (v - mean);
            var /= n;
            double inv = 1.0 / Math.Sqrt(var + eps);
            var y = new double[n];
            for (int i = 0; i < n; i++) y[i] = (x[i] - mean) * inv * gamma[i] + beta[i];
            return y;
        }
    }
}
