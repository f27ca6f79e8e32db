using System;
using Edge.Asr.Codegen.Quantization;

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
    /// Desktop float → int helper for the op tests: power-of-two activation scales (without the
    /// headroom bit: callers pass 2·max where they want it), and the real quantiser's int8 weight
    /// rule (codegen/Quantization/QuantMath).
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

        /// <summary>Real factor M → multiplier m ∈ [2^30, 2^31) and shift s with M ≈ m·2^-s (the quantiser's rule).</summary>
        public static void Multiplier(double factor, out int multiplier, out int shift)
        {
            QuantMath.Multiplier(factor, out multiplier, out shift);
        }

        /// <summary>
        /// Quantises W[out][in] per output channel and the bias at the accumulator scale with the
        /// quantiser's rule (codegen/Quantization/QuantMath.Linear). With inputMean(o, i) = E[x
        /// feeding weight (o, i)] from calibration, the bias is corrected for the mean output shift
        /// the weight rounding causes (bias correction, Nagel et al. 2019); without it, no correction.
        /// </summary>
        public static QuantizedLayer Layer(double[][] w, double[] bias, int fracIn, int fracOut, Func<int, int, double>? inputMean = null)
        {
            var q = QuantMath.Linear(w, bias, fracIn, fracOut, inputMean ?? ((o, i) => 0.0));
            return new QuantizedLayer
            {
                Weights = q.Weights,
                Bias = q.Bias,
                Multipliers = q.Multipliers,
                Shifts = q.Shifts,
                ChannelScale = q.ChannelScale,
            };
        }
    }
}
