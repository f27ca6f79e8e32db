using System;

namespace Edge.Asr.Codegen.Quantization
{
    /// <summary>Int8 weights and requantisers of one layer (row-major [out][in] weights).</summary>
    public sealed class QuantizedLinear
    {
        public QuantizedLinear(sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, double[] channelScale)
        {
            Weights = weights; Bias = bias; Multipliers = multipliers; Shifts = shifts; ChannelScale = channelScale;
        }

        public sbyte[] Weights { get; }
        public int[] Bias { get; }
        public int[] Multipliers { get; }
        public int[] Shifts { get; }
        /// <summary>s_w per output channel: real weight = w · s_w.</summary>
        public double[] ChannelScale { get; }
    }

    /// <summary>The float → integer rules of docs/fixed-point.md ("Calibration and quantisation").</summary>
    public static class QuantMath
    {
        public const int MinFracBits = -14, MaxFracBits = 30;

        /// <summary>
        /// Activation fraction bits from the calibration maximum with one bit of headroom:
        /// f = ⌊log2(32767 / (2·max|x|))⌋, clamped to [−14, 30] (all-zero tensors get 15).
        /// </summary>
        public static int FracBits(double maxAbs)
        {
            if (!(maxAbs > 0)) return 15;
            int f = (int)Math.Floor(Math.Log2(32767.0 / (2 * maxAbs)));
            return Math.Clamp(f, MinFracBits, MaxFracBits);
        }

        /// <summary>Fraction bits of a parameter vector stored as int16 (no headroom: it is exact data), at most 15.</summary>
        public static int ParameterFracBits(double maxAbs)
        {
            if (!(maxAbs > 0)) return 15;
            return Math.Min(15, (int)Math.Floor(Math.Log2(32767.0 / maxAbs)));
        }

        public static int RoundToInt(double v, string what)
        {
            double r = Math.Round(v, MidpointRounding.AwayFromZero);
            if (r > int.MaxValue || r < int.MinValue) throw new ArgumentOutOfRangeException(what, what + " " + v + " does not fit in int32");
            return (int)r;
        }

        public static short RoundToShort(double v)
        {
            return (short)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
        }

        /// <summary>Real factor M → multiplier m ∈ [2^30, 2^31) and shift s ∈ [1, 62] with M ≈ m·2^-s.</summary>
        public static void Multiplier(double factor, out int multiplier, out int shift)
        {
            if (!(factor > 0)) throw new ArgumentOutOfRangeException(nameof(factor), "requantiser factor must be positive, got " + factor);
            int e = (int)Math.Floor(Math.Log2(factor)) + 1;          // factor = mant · 2^e, mant ∈ [0.5, 1)
            double mant = factor / Math.Pow(2, e);
            long m = (long)Math.Round(mant * (1L << 31), MidpointRounding.AwayFromZero);
            int s = 31 - e;
            if (m == 1L << 31) { m >>= 1; s--; }
            if (m < 1L << 30) { m <<= 1; s++; }
            if (s < 1 || s > 62) throw new ArgumentOutOfRangeException(nameof(factor), "requantiser factor " + factor + " is not representable (shift " + s + ")");
            multiplier = (int)m;
            shift = s;
        }

        /// <summary>
        /// W[out][in] → symmetric per-output-channel int8 (s_w = max|w|/127), bias at the accumulator
        /// scale with bias correction b' = b − Σ_i (ŵ − w)_i · E[x_i] (Nagel et al. 2019) using the
        /// calibration mean of each weight's input, and one requantiser per channel
        /// M = s_w · 2^(fracOut − fracIn).
        /// </summary>
        public static QuantizedLinear Linear(double[][] w, double[] bias, int fracIn, int fracOut, Func<int, int, double> inputMean)
        {
            int outs = w.Length, ins = w[0].Length;
            var q = new sbyte[outs * ins];
            var b = new int[outs];
            var m = new int[outs];
            var s = new int[outs];
            var scale = new double[outs];
            for (int o = 0; o < outs; o++)
            {
                double max = 0;
                for (int i = 0; i < ins; i++) max = Math.Max(max, Math.Abs(w[o][i]));
                double sw = max > 0 ? max / 127.0 : 1.0;
                scale[o] = sw;
                double corrected = bias[o];
                for (int i = 0; i < ins; i++)
                {
                    q[o * ins + i] = (sbyte)Math.Round(w[o][i] / sw, MidpointRounding.AwayFromZero);
                    corrected -= (q[o * ins + i] * sw - w[o][i]) * inputMean(o, i);
                }
                b[o] = RoundToInt(corrected / (sw * Math.Pow(2, -fracIn)), "bias");
                Multiplier(sw * Math.Pow(2, fracOut - fracIn), out m[o], out s[o]);
            }
            return new QuantizedLinear(q, b, m, s, scale);
        }
    }
}
