using System;

namespace Edge.Asr.Ops
{
    /// <summary>Element-wise sigmoid of an int16 vector to Q15 by table (see <see cref="SigmoidLookup"/>).</summary>
    public sealed class Sigmoid
    {
        private readonly int width;
        private readonly int fracIn;
        private readonly IOpKernels kernels;

        public Sigmoid(int width, int fracIn)
            : this(width, fracIn, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the loop run by <paramref name="kernels"/>.</summary>
        public Sigmoid(int width, int fracIn, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("Sigmoid: kernels are required");
            if (width < 1) throw new ArgumentOutOfRangeException("width", "Sigmoid: width must be positive");
            if (fracIn < -16 || fracIn > 30) throw new ArgumentOutOfRangeException("fracIn", "Sigmoid: fracIn must be in [-16, 30]");
            this.width = width;
            this.fracIn = fracIn;
            this.kernels = kernels;
        }

        public int Width { get { return width; } }

        /// <summary>One interpolation multiply per element.</summary>
        public long MacsPerFrame { get { return width; } }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            kernels.SigmoidS16(input, inOffset, width, fracIn, output, outOffset);
        }

        /// <summary>The reference loop (ManagedKernels).</summary>
        public static void Compute(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset)
        {
            for (int i = 0; i < width; i++)
            {
                int s = SigmoidLookup.Q15(input[inOffset + i], fracIn);
                output[outOffset + i] = s > short.MaxValue ? short.MaxValue : (short)s;
            }
        }
    }
}
