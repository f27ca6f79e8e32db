using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    public static class ActivationRef
    {
        public static double Sigmoid(double x) { return 1.0 / (1.0 + Math.Exp(-x)); }
        public static double Swish(double x) { return x * Sigmoid(x); }

        public static double[] Glu(double[] ab)
        {
            int c = ab.Length / 2;
            var y = new double[c];
            for (int i = 0; i < c; i++) y[i] = ab[i] * Sigmoid(ab[c + i]);
            return y;
        }

        public static double[] Map(double[] x, Func<double, double> f)
        {
            var y = new double[x.Length];
            for (int i = 0; i < x.Length; i++) y[i] = f(x[i]);
            return y;
        }
    }
}
