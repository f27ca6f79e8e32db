namespace Edge.Asr.Tests.Ops.Reference
{
    public static class LinearRef
    {
        /// <summary>y = W·x + b in double precision, optional ReLU.</summary>
        public static double[] Apply(double[][] w, double[] b, double[] x, bool relu = false)
        {
            var y = new double[w.Length];
            for (int o = 0; o < w.Length; o++)
            {
                double s = b[o];
                for (int i = 0; i < x.Length; i++) s += w[o][i] * x[i];
                y[o] = relu && s < 0 ? 0 : s;
            }
            return y;
        }
    }
}
