using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// out = a + b with power-of-two scale alignment: both operands are shifted exactly to the
    /// finest of the three scales, summed in long, then rounded once to fracOut and saturated.
    /// Passing fracB + 1 for b multiplies it by ½ (the Conformer half-step residual).
    /// </summary>
    public sealed class ResidualAdd
    {
        private readonly int width;
        private readonly int shiftA;
        private readonly int shiftB;
        private readonly int shiftOut;
        private readonly IOpKernels kernels;

        public ResidualAdd(int width, int fracA, int fracB, int fracOut)
            : this(width, fracA, fracB, fracOut, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the loop run by <paramref name="kernels"/>.</summary>
        public ResidualAdd(int width, int fracA, int fracB, int fracOut, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("ResidualAdd: kernels are required");
            if (width < 1) throw new ArgumentOutOfRangeException("width", "ResidualAdd: width must be positive");
            int fine = fracA;
            if (fracB > fine) fine = fracB;
            if (fracOut > fine) fine = fracOut;
            int coarse = fracA;
            if (fracB < coarse) coarse = fracB;
            if (fracOut < coarse) coarse = fracOut;
            if ((long)fine - coarse > 40) throw new ArgumentOutOfRangeException("fracA", "ResidualAdd: scales more than 2^40 apart");
            this.width = width;
            this.shiftA = fine - fracA;
            this.shiftB = fine - fracB;
            this.shiftOut = fine - fracOut;
            this.kernels = kernels;
        }

        public int Width { get { return width; } }

        /// <summary>One accumulate (no multiply) per element.</summary>
        public long MacsPerFrame { get { return width; } }

        public void Process(short[] a, int aOffset, short[] b, int bOffset, short[] output, int outOffset)
        {
            kernels.ResidualAddS16(a, aOffset, b, bOffset, width, shiftA, shiftB, shiftOut, output, outOffset);
        }

        /// <summary>The reference loop (ManagedKernels).</summary>
        public static void Compute(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut, short[] output, int outOffset)
        {
            for (int i = 0; i < width; i++)
            {
                long sum = ((long)a[aOffset + i] << shiftA) + ((long)b[bOffset + i] << shiftB);
                output[outOffset + i] = Fixed.Sat16(Fixed.RoundShift(sum, shiftOut));
            }
        }
    }
}
