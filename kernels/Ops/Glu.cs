using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Gated linear unit over one vector of 2·C values [a | b] (both at fracIn, as produced by one
    /// pointwise layer): out[c] = a[c] · σ(b[c]), σ by table, rounded and saturated to fracOut.
    /// </summary>
    public sealed class Glu
    {
        private readonly int channels;
        private readonly int fracIn;
        private readonly int shift;
        private readonly IOpKernels kernels;

        public Glu(int channels, int fracIn, int fracOut)
            : this(channels, fracIn, fracOut, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the loop run by <paramref name="kernels"/>.</summary>
        public Glu(int channels, int fracIn, int fracOut, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("Glu: kernels are required");
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "Glu: channels must be positive");
            if (fracIn < -16 || fracIn > 30 || fracOut < -16 || fracOut > 30) throw new ArgumentOutOfRangeException("fracIn", "Glu: fraction bits must be in [-16, 30]");
            this.channels = channels;
            this.fracIn = fracIn;
            this.shift = fracIn + 15 - fracOut;
            this.kernels = kernels;
        }

        /// <summary>Output channels C (the input holds 2·C values).</summary>
        public int Channels { get { return channels; } }

        /// <summary>Two multiplies per output: table interpolation and a·σ(b).</summary>
        public long MacsPerFrame { get { return 2L * channels; } }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            kernels.GluS16(input, inOffset, channels, fracIn, shift, output, outOffset);
        }

        /// <summary>The reference loop (ManagedKernels).</summary>
        public static void Compute(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset)
        {
            for (int c = 0; c < channels; c++)
            {
                long v = (long)input[inOffset + c] * SigmoidLookup.Q15(input[inOffset + channels + c], fracIn);
                output[outOffset + c] = Fixed.Sat16(Fixed.ScalePow2(v, shift));
            }
        }
    }
}
