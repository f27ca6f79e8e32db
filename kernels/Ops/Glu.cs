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

        public Glu(int channels, int fracIn, int fracOut)
        {
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "Glu: channels must be positive");
            if (fracIn < -16 || fracIn > 30 || fracOut < -16 || fracOut > 30) throw new ArgumentOutOfRangeException("fracIn", "Glu: fraction bits must be in [-16, 30]");
            this.channels = channels;
            this.fracIn = fracIn;
            this.shift = fracIn + 15 - fracOut;
        }

        /// <summary>Output channels C (the input holds 2·C values).</summary>
        public int Channels { get { return channels; } }

        /// <summary>Two multiplies per output: table interpolation and a·σ(b).</summary>
        public long MacsPerFrame { get { return 2L * channels; } }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            for (int c = 0; c < channels; c++)
            {
                long v = (long)input[inOffset + c] * SigmoidLookup.Q15(input[inOffset + channels + c], fracIn);
                output[outOffset + c] = Fixed.Sat16(Fixed.ScalePow2(v, shift));
            }
        }
    }
}
