namespace Edge.Asr.Tests.Ops.Reference
{
    public static class ConvRef
    {
        /// <summary>Causal depthwise conv over x[t][c] with w[c][k] (k = K−1 current frame), zeros before t = 0.</summary>
        public static double[][] CausalDepthwise1d(double[][] x, double[][] w, double[] b)
        {
            int t = x.Length, c = w.Length, k = w[0].Length;
            var y = new double[t][];
            for (int i = 0; i < t; i++)
            {
                y[i] = new double[c];
                for (int ch = 0; ch < c; ch++)
                {
                    double s = b[ch];
                    for (int j = 0; j < k; j++)
                    {
                        int src = i - (k - 1) + j;
                        if (src >= 0) s += w[ch][j] * x[src][ch];
                    }
                    y[i][ch] = s;
                }
            }
            return y;
        }

        /// <summary>Mean over the last w frames (fewer at the start).</summary>
        public static double[][] MeanPool(double[][] x, int w)
        {
            var y = new double[x.Length][];
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = new double[x[i].Length];
                int start = System.Math.Max(0, i - w + 1);
                for (int c = 0; c < x[i].Length; c++)
                {
                    double s = 0;
                    for (int j = start; j <= i; j++) s += x[j][c];
                    y[i][c] = s / (i - start + 1);
                }
            }
            return y;
        }
    }
}
