using System;
using System.Collections.Generic;
using Edge.Asr.Codegen.Reference;

namespace Edge.Asr.Codegen.Quantization
{
    /// <summary>Calibration statistics of every activation point: max |x| over all values and the mean of each index.</summary>
    public sealed class ActivationStats
    {
        private readonly Dictionary<string, (double Max, double[] Sum, long Count)> points = new Dictionary<string, (double, double[], long)>();

        public void Add(FloatTrace trace)
        {
            foreach (var name in trace.Names)
            {
                foreach (var v in trace[name])
                {
                    if (!points.TryGetValue(name, out var p)) p = (0, new double[v.Length], 0);
                    double max = p.Max;
                    var sum = p.Sum.Length == v.Length ? p.Sum : new double[0];
                    for (int i = 0; i < v.Length; i++)
                    {
                        max = Math.Max(max, Math.Abs(v[i]));
                        if (sum.Length > 0) sum[i] += v[i];
                    }
                    points[name] = (max, sum, p.Count + 1);
                }
            }
        }

        public bool Contains(string name) => points.ContainsKey(name);

        public double MaxAbs(string name)
        {
            if (!points.TryGetValue(name, out var p)) throw new ArgumentException("no calibration data for activation '" + name + "'");
            return p.Max;
        }

        /// <summary>Mean of each index over the calibration vectors (only for points of fixed width).</summary>
        public double[] Mean(string name)
        {
            if (!points.TryGetValue(name, out var p) || p.Sum.Length == 0) throw new ArgumentException("no per-index mean for activation '" + name + "'");
            var m = new double[p.Sum.Length];
            for (int i = 0; i < m.Length; i++) m[i] = p.Sum[i] / p.Count;
            return m;
        }

        /// <summary>Mean of all values of a point.</summary>
        public double OverallMean(string name)
        {
            var m = Mean(name);
            double s = 0;
            foreach (var v in m) s += v;
            return s / m.Length;
        }

        public int FracBits(string name) => QuantMath.FracBits(MaxAbs(name));
    }
}
