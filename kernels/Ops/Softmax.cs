using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Softmax of an int16 row to Q15 probabilities: subtract the row maximum, turn e^(x−m) into
    /// 2^-u with u = (m − x)·log2(e) in Q16, evaluate 2^-u by range reduction (integer part of u is
    /// a shift, only its fraction reaches the interpolated table, so the table input never leaves
    /// [0,1) however wide the row's spread), sum in long, multiply by the reciprocal of the sum
    /// (normalisation + table + Newton). Probabilities round to Q15 and saturate at 32767.
    /// </summary>
    public sealed class Softmax
    {
        private const long Log2EQ30 = 1549082005;   // round(log2(e) · 2^30)

        private readonly int maxLength;
        private readonly int uShift;                // (m − x)·log2e·2^30 at input scale → Q16
        private readonly int[] e;                   // scratch: 2^-u in Q30
        private readonly IOpKernels kernels;

        public Softmax(int maxLength, int fracIn)
            : this(maxLength, fracIn, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the loop run by <paramref name="kernels"/>.</summary>
        public Softmax(int maxLength, int fracIn, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("Softmax: kernels are required");
            if (maxLength < 1) throw new ArgumentOutOfRangeException("maxLength", "Softmax: maxLength must be positive");
            if (fracIn < -14 || fracIn > 30) throw new ArgumentOutOfRangeException("fracIn", "Softmax: fracIn must be in [-14, 30]");
            this.maxLength = maxLength;
            this.uShift = 30 + fracIn - 16;
            this.e = new int[maxLength];
            this.kernels = kernels;
        }

        /// <summary>As the other constructors, with the exponentials in <paramref name="scratch"/> (at least maxLength ints, may be shared).</summary>
        public Softmax(int maxLength, int fracIn, IOpKernels kernels, int[] scratch)
        {
            if (kernels == null) throw new ArgumentException("Softmax: kernels are required");
            if (maxLength < 1) throw new ArgumentOutOfRangeException("maxLength", "Softmax: maxLength must be positive");
            if (fracIn < -14 || fracIn > 30) throw new ArgumentOutOfRangeException("fracIn", "Softmax: fracIn must be in [-14, 30]");
            if (scratch == null || scratch.Length < maxLength) throw new ArgumentException("Softmax: scratch must hold " + maxLength.ToString() + " ints");
            this.maxLength = maxLength;
            this.uShift = 30 + fracIn - 16;
            this.e = scratch;
            this.kernels = kernels;
        }

        /// <summary>Scratch ints a row of <paramref name="maxLength"/> needs.</summary>
        public static int ScratchInts(int maxLength)
        {
            return maxLength;
        }

        public int MaxLength { get { return maxLength; } }

        /// <summary>Multiplies per full-length row: (m − x)·log2e, table interpolation, e·(1/S).</summary>
        public long MacsPerFrame { get { return MacsFor(maxLength); } }

        /// <summary>Multiplies for a row of the given length.</summary>
        public long MacsFor(int length) { return 3L * length; }

        /// <summary>Writes length probabilities (Q15) of the logits input[inOffset ..] to output[outOffset ..].</summary>
        public void Process(short[] input, int inOffset, short[] output, int outOffset, int length)
        {
            if (length < 1 || length > maxLength) throw new ArgumentOutOfRangeException("length", "Softmax: length must be in [1, maxLength]");
            kernels.SoftmaxS16(input, inOffset, length, uShift, e, output, outOffset);
        }

        /// <summary>The reference loop (ManagedKernels).</summary>
        public static void Compute(short[] input, int inOffset, int length, int uShift, int[] e, short[] output, int outOffset)
        {
            int max = short.MinValue;
            for (int i = 0; i < length; i++) if (input[inOffset + i] > max) max = input[inOffset + i];
            long sum = 0;
            for (int i = 0; i < length; i++)
            {
                long u = Fixed.ScalePow2((max - input[inOffset + i]) * Log2EQ30, uShift);
                int v = Exp2.NegQ30(u);
                e[i] = v;
                sum += v;
            }
            int shift;
            long r = Reciprocal.Q30(sum, out shift);          // sum ≥ 2^30 (the maximum contributes 2^30), so shift ≥ 60
            for (int i = 0; i < length; i++)
            {
                long p = Fixed.RoundShift(e[i] * r, shift - 15);
                output[outOffset + i] = p > short.MaxValue ? short.MaxValue : (short)p;
            }
        }
    }
}
