using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    public static class SoftmaxRef
    {
        public static double[] Apply(double[] x)
        {
            double m = double.NegativeInfinity;
            foreach (var v in x) m = Math.Max(m, v);
            var p = new double[x.Length];
            double s = 0;
            for (int i = 0; i < x.Length; i++) { p[i] = Math.Exp(x[i] - m); s += p[i]; }
            for (int i = 0; i < x.Length; i++) p[i] /= s;
            return p;
        }
    }
}
