using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>Element-wise Swish (SiLU) x·σ(x) with σ by table, rounded and saturated to fracOut.</summary>
    public sealed class Swish
    {
        private readonly int width;
        private readonly int fracIn;
        private readonly int shift;     // x·σ is at fracIn + 15
        private readonly IOpKernels kernels;

        public Swish(int width, int fracIn, int fracOut)
            : this(width, fracIn, fracOut, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the loop run by <paramref name="kernels"/>.</summary>
        public Swish(int width, int fracIn, int fracOut, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("Swish: kernels are required");
            if (width < 1) throw new ArgumentOutOfRangeException("width", "Swish: width must be positive");
            if (fracIn < -16 || fracIn > 30 || fracOut < -16 || fracOut > 30) throw new ArgumentOutOfRangeException("fracIn", "Swish: fraction bits must be in [-16, 30]");
            this.width = width;
            this.fracIn = fracIn;
            this.shift = fracIn + 15 - fracOut;
            this.kernels = kernels;
        }

        public int Width { get { return width; } }

        /// <summary>Two multiplies per element: table interpolation and x·σ(x).</summary>
        public long MacsPerFrame { get { return 2L * width; } }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            kernels.SwishS16(input, inOffset, width, fracIn, shift, output, outOffset);
        }

        /// <summary>The reference loop (ManagedKernels).</summary>
        public static void Compute(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset)
        {
            for (int i = 0; i < width; i++)
            {
                int x = input[inOffset + i];
                long v = (long)x * SigmoidLookup.Q15(x, fracIn);
                output[outOffset + i] = Fixed.Sat16(Fixed.ScalePow2(v, shift));
            }
        }
    }
}
