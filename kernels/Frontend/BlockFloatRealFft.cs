using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Power spectrum |X[k]|² of a real frame zero-padded to 512 points, by a 256-point complex
    /// radix-2 FFT plus the real-input split step, in block floating point: one shared exponent
    /// for the whole block, data in int32, twiddles Q30, products in int64.
    ///
    /// Scaling scheme and the bounds it guarantees (|v| is the magnitude of a real component):
    /// - Input: the block is shifted (left or right, rounding) so max |v| ≤ 2^29.
    /// - Before every stage s = max(0, msb(max|v|) - 28) right shifts are folded into that
    ///   stage's outputs, so the stage input is ≤ 2^(29+s) with s ≤ 2 (inputs are < 2^31).
    ///   Twiddle products ≤ 2^30 · 2^31 = 2^61 and their sums ≤ 2^62 fit int64; the rotated
    ///   term t has |t| ≤ √2·2^(29+s) + 1 and (a ± t) ≤ 2.415·2^(29+s) + 1, so after the shift the
    ///   outputs are ≤ 2.415·2^29 + 1 &lt; 1.21·2^30 &lt; 2^31: they fit int32.
    /// - Before the split the spectrum is scaled to ≤ 2^28, so 2X components are ≤ 1.21·2^30 and
    ///   |2X|² ≤ 2.93·2^60 &lt; 2^62 fits int64.
    /// Every stage tracks the OR of its output magnitudes in int64 before narrowing, so a broken
    /// bound would be seen exactly: <see cref="OverflowCount"/> counts such events (never expected).
    /// </summary>
    public sealed class BlockFloatRealFft
    {
        public const int FftLength = 512;
        public const int ComplexLength = 256;
        public const int Stages = 8;

        /// <summary>Largest stage-input magnitude allowed is 2^(InputBits) (inclusive).</summary>
        private const int StageInputBits = 29;
        private const int SplitInputBits = 28;
        private const int TwiddleBits = 30;
        private const long TwiddleRound = 1L << (TwiddleBits - 1);

        private readonly int[] _re = new int[ComplexLength];
        private readonly int[] _im = new int[ComplexLength];
        private readonly int[] _bitReverse = new int[ComplexLength];
        private int _overflowCount;

        public BlockFloatRealFft()
        {
            for (int i = 0; i < ComplexLength; i++)
            {
                int r = 0;
                for (int b = 0; b < Stages; b++) if ((i & (1 << b)) != 0) r |= 1 << (Stages - 1 - b);
                _bitReverse[i] = r;
            }
        }

        /// <summary>Intermediate values that exceeded their proven int32 bound (0 unless a bound proof is wrong).</summary>
        public int OverflowCount { get { return _overflowCount; } }

        /// <summary>
        /// Computes power[k] for k in [firstBin, lastBin] (1 ≤ firstBin ≤ lastBin ≤ 255) of the 512-point
        /// DFT of input[0..length) zero-padded (length ≤ 512, even, |input| &lt; 2^62). Returns the exponent
        /// e with |X[k]|² = power[k] · 2^(2e), X in the units of <paramref name="input"/>.
        /// </summary>
        public int PowerSpectrum(long[] input, int length, long[] power, int firstBin, int lastBin)
        {
            if (length < 0 || length > FftLength || (length & 1) != 0 || length > input.Length) throw new ArgumentOutOfRangeException("length");
            if (firstBin < 1 || lastBin > ComplexLength - 1 || firstBin > lastBin || lastBin >= power.Length) throw new ArgumentOutOfRangeException("lastBin");
            int exponent = LoadNormalised(input, length);
            int shift = 0; // the normalised input is already ≤ 2^29
            long or = 0;
            for (int size = 2; size <= ComplexLength; size <<= 1)
            {
                exponent += shift;
                or = Stage(size, shift);
                shift = ShiftFor(or, StageInputBits);
            }
            shift = ShiftFor(or, SplitInputBits);
            exponent += shift - 1; // the split yields 2X
            Split(power, firstBin, lastBin, shift);
            return exponent;
        }

        /// <summary>Packs z[n] = x[2n] + i·x[2n+1] in bit-reversed order, scaled so max |v| ≤ 2^29. Returns the shift applied.</summary>
        private int LoadNormalised(long[] input, int length)
        {
            long or = 0;
            for (int n = 0; n < length; n++)
            {
                long v = input[n];
                or |= v ^ (v >> 63);
            }
            int msb = 63 - Fixed.LeadingZeros((ulong)or);
            int right = msb - (StageInputBits - 1);
            int left = -right;
            if (or == 0) { right = 0; left = 0; }
            if (right < 0) right = 0; else left = 0;
            long half = (1L << right) >> 1;
            int pairs = length >> 1;
            for (int n = 0; n < pairs; n++)
            {
                int at = _bitReverse[n];
                _re[at] = (int)(((input[2 * n] << left) + half) >> right);
                _im[at] = (int)(((input[2 * n + 1] << left) + half) >> right);
            }
            for (int n = pairs; n < ComplexLength; n++)
            {
                int at = _bitReverse[n];
                _re[at] = 0;
                _im[at] = 0;
            }
            return right - left;
        }

        /// <summary>Right shift so a block whose magnitude OR is <paramref name="or"/> ends ≤ 2^bits.</summary>
        private static int ShiftFor(long or, int bits)
        {
            int msb = 63 - Fixed.LeadingZeros((ulong)or);
            int s = msb - (bits - 1);
            return s > 0 ? s : 0;
        }

        /// <summary>
        /// One radix-2 decimation-in-time stage of butterfly span <paramref name="size"/>, outputs shifted
        /// right by <paramref name="s"/> (rounding). Returns the OR of the output magnitudes.
        /// </summary>
        private long Stage(int size, int s)
        {
            long half = (1L << s) >> 1;
            int span = size >> 1;
            int twiddleStep = FftLength / size;
            int[] re = _re, im = _im;
            int[] cosT = FrontendTables.CosQ30, sinT = FrontendTables.SinQ30;
            long or = 0;
            for (int j = 0; j < span; j++)
            {
                long c = cosT[j * twiddleStep];
                long sn = sinT[j * twiddleStep];
                for (int i = j; i < ComplexLength; i += size)
                {
                    int k = i + span;
                    long br = re[k], bi = im[k];
                    // t = W·b with W = cos - i·sin.
                    long tr = (c * br + sn * bi + TwiddleRound) >> TwiddleBits;
                    long ti = (c * bi - sn * br + TwiddleRound) >> TwiddleBits;
                    long ar = re[i], ai = im[i];
                    long r0 = (ar + tr + half) >> s;
                    long i0 = (ai + ti + half) >> s;
                    long r1 = (ar - tr + half) >> s;
                    long i1 = (ai - ti + half) >> s;
                    or |= (r0 ^ (r0 >> 63)) | (i0 ^ (i0 >> 63)) | (r1 ^ (r1 >> 63)) | (i1 ^ (i1 >> 63));
                    re[i] = (int)r0; im[i] = (int)i0;
                    re[k] = (int)r1; im[k] = (int)i1;
                }
            }
            if (or > int.MaxValue) _overflowCount++;
            return or;
        }

        /// <summary>
        /// Real-input split: 2X[k] = A - i·W^k·B with A = Z[k] + conj(Z[256-k]), B = Z[k] - conj(Z[256-k]),
        /// W = e^(-2πi/512), inputs shifted right by <paramref name="s"/>; writes |2X[k]|².
        /// </summary>
        private void Split(long[] power, int firstBin, int lastBin, int s)
        {
            long half = (1L << s) >> 1;
            int[] re = _re, im = _im;
            int[] cosT = FrontendTables.CosQ30, sinT = FrontendTables.SinQ30;
            long or = 0;
            for (int k = firstBin; k <= lastBin; k++)
            {
                int p = k & (ComplexLength - 1);
                int q = (ComplexLength - k) & (ComplexLength - 1);
                long ar = ((long)re[p] + re[q] + half) >> s;
                long ai = ((long)im[p] - im[q] + half) >> s;
                long br = ((long)re[p] - re[q] + half) >> s;
                long bi = ((long)im[p] + im[q] + half) >> s;
                long c = cosT[k];
                long sn = sinT[k];
                long cr = (c * br + sn * bi + TwiddleRound) >> TwiddleBits;
                long ci = (c * bi - sn * br + TwiddleRound) >> TwiddleBits;
                long xr = ar + ci;
                long xi = ai - cr;
                or |= (xr ^ (xr >> 63)) | (xi ^ (xi >> 63));
                power[k] = xr * xr + xi * xi;
            }
            if (or > int.MaxValue) _overflowCount++;
        }
    }
}
