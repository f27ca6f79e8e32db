using System;

namespace Edge.Asr.Tests.Ops.Reference
{
    /// <summary>Weights and requantisers of one int8 layer, with the dequantised weights the float side may use.</summary>
    public sealed class QuantizedLayer
    {
        public sbyte[] Weights = Array.Empty<sbyte>();
        public int[] Bias = Array.Empty<int>();
        public int[] Multipliers = Array.Empty<int>();
        public int[] Shifts = Array.Empty<int>();
        public double[] ChannelScale = Array.Empty<double>();
    }

    /// <summary>
    /// Desktop float → int helper for the tests (the project's real quantiser comes with the bake
    /// tool): power-of-two activation scales, symmetric per-output-channel int8 weights.
    /// </summary>
    public static class Quant
    {
        /// <summary>Largest fraction bits f with maxAbs · 2^f ≤ 32767.</summary>
        public static int FracBitsFor(double maxAbs)
        {
            if (maxAbs <= 0) return 15;
            return (int)Math.Floor(Math.Log2(32767.0 / maxAbs));
        }

        public static short[] Activations(double[] x, int frac)
        {
            var q = new short[x.Length];
            for (int i = 0; i < x.Length; i++) q[i] = Sat16(Math.Round(x[i] * Math.Pow(2, frac), MidpointRounding.AwayFromZero));
            return q;
        }

        public static double[] Dequantize(short[] q, int frac)
        {
            var x = new double[q.Length];
            for (int i = 0; i < q.Length; i++) x[i] = q[i] * Math.Pow(2, -frac);
            return x;
        }

        public static short Sat16(double v)
        {
            return (short)Math.Max(-32768, Math.Min(32767, v));
        }

        /// <summary>Real factor M → multiplier m ∈ [2^30, 2^31) and shift s with M ≈ m·2^-s.</summary>
        public static void Multiplier(double factor, out int multiplier, out int shift)
        {
            if (!(factor > 0)) throw new ArgumentOutOfRangeException(nameof(factor));
            int e = (int)Math.Floor(Math.Log2(factor)) + 1;          // factor = mant · 2^e, mant ∈ [0.5, 1)
            double mant = factor / Math.Pow(2, e);
            long m = (long)Math.Round(mant * (1L << 31), MidpointRounding.AwayFromZero);
            int s = 31 - e;
            if (m == 1L << 31) { m >>= 1; s--; }
            if (m < 1L << 30) { m <<= 1; s++; }
            if (s < 1 || s > 62) throw new ArgumentOutOfRangeException(nameof(factor), "factor " + factor + " not representable");
            multiplier = (int)m;
            shift = s;
        }

        /// <summary>
        /// Quantises W[out][in] per output channel and the bias at the accumulator scale. With
        /// inputMean(o, i) = E[x feeding weight (o, i)] from calibration, the bias is corrected for the
        /// mean output shift the weight rounding causes, b' = b − Σ_i (ŵ − w)·E[x] (bias correction,
        /// Nagel et al. 2019): it matters for inputs with a large mean, such as log-mel or ReLU outputs.
        /// </summary>
        public static QuantizedLayer Layer(double[][] w, double[] bias, int fracIn, int fracOut, Func<int, int, double>? inputMean = null)
        {
            int outs = w.Length, ins = w[0].Length;
            var q = new QuantizedLayer
            {
                Weights = new sbyte[outs * ins],
                Bias = new int[outs],
                Multipliers = new int[outs],
                Shifts = new int[outs],
                ChannelScale = new double[outs],
            };
            for (int o = 0; o < outs; o++)
            {
                double max = 0;
                for (int i = 0; i < ins; i++) max = Math.Max(max, Math.Abs(w[o][i]));
                double s = max > 0 ? max / 127.0 : 1.0;
                q.ChannelScale[o] = s;
                double b = bias[o];
                for (int i = 0; i < ins; i++)
                {
                    q.Weights[o * ins + i] = (sbyte)Math.Round(w[o][i] / s, MidpointRounding.AwayFromZero);
                    if (inputMean != null) b -= (q.Weights[o * ins + i] * s - w[o][i]) * inputMean(o, i);
                }
                q.Bias[o] = (int)Math.Round(b / (s * Math.Pow(2, -fracIn)), MidpointRounding.AwayFromZero);
                Multiplier(s * Math.Pow(2, fracOut - fracIn), out q.Multipliers[o], out q.Shifts[o]);
            }
            return q;
        }
    }
}
