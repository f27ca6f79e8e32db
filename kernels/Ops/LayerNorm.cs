using System;
using Edge.Asr.FixedPoint;
using Edge.Asr.Weights;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// LayerNorm over one int16 vector with a MAD pre-normaliser (Apple, arXiv 2312.10359), so it
    /// reproduces float LayerNorm without retraining and cannot overflow whatever the input scale:
    /// 1. d = x·D − Σx (exact: the mean is carried with D times the precision, no rounding);
    /// 2. y = d · 2^-k with k chosen from Σ|d| so the mean absolute deviation of y is in (2^11, 2^13);
    /// 3. V = Σy² / D, bounded by D·2^26 because Σy² ≤ (Σ|y|)²; ε converted to the units of V;
    /// 4. r = 1/√(V + ε) by table + Newton; z = y·r in Q24 (|z| ≤ √D ≤ 64);
    /// 5. out = round(z·γ) + β, saturated. A row of equal values gives exactly β.
    /// γ: short with fracGamma fraction bits; β: int at the output scale; ε = epsQ32 · 2^-32.
    /// </summary>
    public sealed class LayerNorm
    {
        private const int MadBits = 12;   // target: MAD of the pre-normalised row around 2^12
        private const int ZBits = 24;     // z in Q24: its rounding stays far below an output LSB even for large γ
        private const long EpsCap = 1L << 52;

        private readonly int width;
        private readonly int fracIn;
        private readonly int outShift;    // z·γ (Q(24+fracGamma)) → output fraction bits
        private readonly long epsQ32;
        private readonly int widthLog2;
        private readonly int[] y;         // scratch: the pre-normalised row (at least width ints, may be shared)
        private readonly TensorStore store;
        private readonly int gammaAt, betaAt;

        public LayerNorm(int width, short[] gamma, int fracGamma, int[] beta, int fracIn, int fracOut, long epsQ32)
            : this(width, gamma, fracGamma, beta, fracIn, fracOut, epsQ32, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the loops run by <paramref name="kernels"/> (γ and β are packed into a blob of the op's own).</summary>
        public LayerNorm(int width, short[] gamma, int fracGamma, int[] beta, int fracIn, int fracOut, long epsQ32, IOpKernels kernels)
            : this(width, Pack(width, gamma, beta, kernels), fracGamma, fracIn, fracOut, epsQ32)
        {
        }

        private LayerNorm(int width, TensorPack pack, int fracGamma, int fracIn, int fracOut, long epsQ32)
            : this(width, pack.Store, pack.At(0), fracGamma, pack.At(1), fracIn, fracOut, epsQ32, new int[ScratchInts(width)])
        {
        }

        private static TensorPack Pack(int width, short[] gamma, int[] beta, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("LayerNorm: kernels are required");
            if (width < 2 || width > 4096) throw new ArgumentOutOfRangeException("width", "LayerNorm: width must be in [2, 4096]");
            if (gamma == null || gamma.Length != width) throw new ArgumentException("LayerNorm: expected " + width.ToString() + " gammas");
            if (beta == null || beta.Length != width) throw new ArgumentException("LayerNorm: expected " + width.ToString() + " betas");
            object[] arrays = new object[2];
            arrays[0] = gamma; arrays[1] = beta;
            return new TensorPack(arrays, kernels, 1, width, width);
        }

        /// <summary>
        /// A LayerNorm whose γ (int16) and β (int32) stay in <paramref name="store"/>'s blob at the given byte
        /// offsets, its pre-normalised row in <paramref name="scratch"/> (at least <see cref="ScratchInts"/>, shared
        /// with other ops: it holds nothing between calls).
        /// </summary>
        public LayerNorm(int width, TensorStore store, int gammaAt, int fracGamma, int betaAt, int fracIn, int fracOut, long epsQ32, int[] scratch)
        {
            if (store == null) throw new ArgumentException("LayerNorm: a tensor store is required");
            if (width < 2 || width > 4096) throw new ArgumentOutOfRangeException("width", "LayerNorm: width must be in [2, 4096]");
            if (fracIn < -16 || fracIn > 30 || fracOut < -16 || fracOut > 30 || fracGamma < 0 || fracGamma > 15)
                throw new ArgumentOutOfRangeException("fracIn", "LayerNorm: fraction bits out of range");
            if (epsQ32 < 0 || epsQ32 > (1L << 31)) throw new ArgumentOutOfRangeException("epsQ32", "LayerNorm: epsQ32 must be in [0, 2^31]");
            if (scratch == null || scratch.Length < width) throw new ArgumentException("LayerNorm: scratch must hold " + width.ToString() + " ints");
            this.width = width;
            this.fracIn = fracIn;
            this.outShift = ZBits + fracGamma - fracOut;
            this.epsQ32 = epsQ32;
            this.widthLog2 = 63 - Fixed.LeadingZeros((ulong)width);
            this.y = scratch;
            this.store = store;
            this.gammaAt = gammaAt;
            this.betaAt = betaAt;
        }

        /// <summary>Scratch ints a row of <paramref name="width"/> needs (the pre-normalised row).</summary>
        public static int ScratchInts(int width)
        {
            return width;
        }

        public int Width { get { return width; } }

        /// <summary>Multiplies per call: x·D, y², y·r, z·γ for each of the D values.</summary>
        public long MacsPerFrame { get { return 4L * width; } }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            store.LayerNorm(input, inOffset, width, gammaAt, betaAt, fracIn, outShift, epsQ32, widthLog2, y, output, outOffset);
        }

        /// <summary>The reference loops (ManagedKernels); y is scratch of width ints.</summary>
        public static void Compute(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] y, short[] output, int outOffset)
        {
            int sum = 0;
            for (int i = 0; i < width; i++) sum += input[inOffset + i];
            long sad = 0;
            for (int i = 0; i < width; i++)
            {
                int d = input[inOffset + i] * width - sum;       // |d| ≤ 2^16 · D
                y[i] = d;
                sad += d >= 0 ? d : -d;
            }
            if (sad == 0)
            {
                for (int i = 0; i < width; i++) output[outOffset + i] = Fixed.Sat16(beta[i]);
                return;
            }

            // Power-of-two MAD estimate: sad/D ∈ (2^(a−b−1), 2^(a−b+1)); aim the MAD of y at 2^12.
            int k = (63 - Fixed.LeadingZeros((ulong)sad)) - widthLog2 - MadBits;
            long sumSq = 0;
            for (int i = 0; i < width; i++)
            {
                int v = (int)Fixed.ScalePow2(y[i], k);
                y[i] = v;
                sumSq += (long)v * v;
            }
            long variance = Fixed.DivRound(sumSq, width);

            // ε in the units of V: V_real = V · 2^(2(k − fracIn)) / D², so ε_V = ε · D² · 2^(2·fracIn − 2k).
            int epsShift = 32 + 2 * k - 2 * fracIn;
            long epsD2 = epsQ32 * width * width;
            long epsV;
            if (epsShift >= 0) epsV = Fixed.RoundShift(epsD2, epsShift > 62 ? 62 : epsShift);
            else epsV = (-epsShift >= 62 || epsD2 > (EpsCap >> -epsShift)) ? EpsCap : epsD2 << -epsShift;

            int rShift;
            int r = InverseSqrt.Q30(variance + epsV, out rShift);
            for (int i = 0; i < width; i++)
            {
                long z = Fixed.ScalePow2((long)y[i] * r, rShift - ZBits);          // Q24
                long o = Fixed.ScalePow2(z * gamma[i], outShift) + beta[i];
                output[outOffset + i] = Fixed.Sat16(o);
            }
        }
    }
}
