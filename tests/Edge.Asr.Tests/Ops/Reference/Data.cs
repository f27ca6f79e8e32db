using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    /// <summary>Seeded synthetic data at realistic scales (frontend features come in a later step).</summary>
    public static class Data
    {
        public static double Gaussian(Random rng)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        public static double Laplacian(Random rng)
        {
            double u = rng.NextDouble() - 0.5;
            return -Math.Sign(u) * Math.Log(1 - 2 * Math.Abs(u)) / Math.Sqrt(2);   // unit variance
        }

        /// <summary>
        /// Activation rows like a transformer's: Laplacian values with a per-row gain, a per-channel
        /// offset and a few outlier channels ~8× larger.
        /// </summary>
        public static double[][] ActivationRows(int seed, int rows, int width, double scale)
        {
            var rng = new Random(seed);
            var offset = new double[width];
            var gain = new double[width];
            for (int c = 0; c < width; c++)
            {
                offset[c] = 0.3 * Gaussian(rng);
                gain[c] = rng.NextDouble() < 0.03 ? 8.0 : 0.5 + rng.NextDouble();
            }
            var x = new double[rows][];
            for (int r = 0; r < rows; r++)
            {
                double rowGain = 0.5 + rng.NextDouble();
                x[r] = new double[width];
                for (int c = 0; c < width; c++) x[r][c] = scale * rowGain * (offset[c] + gain[c] * Laplacian(rng));
            }
            return x;
        }

        /// <summary>Weights W[out][in] ~ N(0, 1/in) with per-output-channel gains in [0.25, 2].</summary>
        public static double[][] Weights(int seed, int outs, int ins)
        {
            var rng = new Random(seed);
            var w = new double[outs][];
            for (int o = 0; o < outs; o++)
            {
                double g = 0.25 + 1.75 * rng.NextDouble();
                w[o] = new double[ins];
                for (int i = 0; i < ins; i++) w[o][i] = g * Gaussian(rng) / Math.Sqrt(ins);
            }
            return w;
        }

        public static double[] Vector(int seed, int n, double scale)
        {
            var rng = new Random(seed);
            var v = new double[n];
            for (int i = 0; i < n; i++) v[i] = scale * Gaussian(rng);
            return v;
        }

        public static double MaxAbs(double[][] x)
        {
            double m = 0;
            foreach (var row in x) foreach (var v in row) m = Math.Max(m, Math.Abs(v));
            return m;
        }

        public static double[] Flatten(double[][] x)
        {
            int n = 0;
            foreach (var row in x) n += row.Length;
            var f = new double[n];
            int k = 0;
            foreach (var row in x) foreach (var v in row) f[k++] = v;
            return f;
        }
    }
}
