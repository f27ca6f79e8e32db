using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Spectrum X[k] (k = 1..255) of a Hann-windowed int16 frame zero-padded to 512 points: window by one
    /// 32 x 32 -> high-32 multiply per sample, a 256-point complex FFT in four radix-4 passes with
    /// Q31 twiddles and block floating point, then the real-input split. Data int32; every product
    /// of the passes is one high-word multiply (rv32 mulh); the split's 128 twiddled terms are rounded
    /// from their exact 64-bit sums. See docs/frontend.md for the bounds and why this precision.
    ///
    /// Bounds (|v| ≤ 2^b: the magnitude OR of the block has b bits):
    /// - Window: u = x·2^L with L = 31 − bits(x), so u ∈ [−2^31, 2^31); y = round(u·h/2^34) ≤ 2^28.
    /// - Before each pass the block is shifted (rounding) to b ≤ 29 when it is above, so 4x fits int32
    ///   for the twiddle products T = (mulh(4x_r, c) + mulh(4x_i, s) + 1) >> 1 ≈ W·x, |T| ≤ √2·2^29 + 1.
    ///   The pass sums x0 ± T1 ± T2 ± T3 are ≤ (1 + 3√2)·2^b + 4 (up to 33 bits, taken in long) and are
    ///   narrowed (rounding) by sh = max(0, b − 27) bits, so the outputs are ≤ 5.25·2^27 + 1 &lt; 2^30:
    ///   b ≤ 30 after every pass, which <see cref="OverflowCount"/> checks.
    /// - Split: input shifted to b ≤ 29; A, B = Z[k] ± conj(Z[256−k]) ≤ 2^30; V = round(W^k·B) from the
    ///   exact 64-bit sums (≤ 2^62), |V| ≤ √2·2^30 + 1; X = round((A − iV)/2) ≤ 2^30.3: int32.
    /// </summary>
    public sealed class BlockFloatRealFft
    {
        public const int FftLength = 512;
        public const int ComplexLength = 256;
        public const int Passes = 4;

        /// <summary>Bits a pass input may have (|v| ≤ 2^29): 4x then fits int32.</summary>
        private const int PassInputBits = 29;

        /// <summary>The pass output shift is max(0, b − 27): outputs stay below 2^30.</summary>
        private const int PassShiftBase = 27;

        /// <summary>Bits a pass output may have by the bound above; more is counted in <see cref="OverflowCount"/>.</summary>
        private const int PassOutputBits = 30;

        private readonly int[] _re = new int[ComplexLength];
        private readonly int[] _im = new int[ComplexLength];
        private readonly int[] _bitReverse = new int[ComplexLength];
        private int _windowShift;   // L of the last window: y = x·hann·2^(L−3)
        private int _overflowCount;

        public BlockFloatRealFft()
        {
            for (int i = 0; i < ComplexLength; i++) _bitReverse[i] = BitReverse8(i);
        }

        /// <summary>Real parts of the spectrum after <see cref="Transform"/> (index = bin).</summary>
        public int[] Real { get { return _re; } }

        /// <summary>Imaginary parts of the spectrum after <see cref="Transform"/> (index = bin).</summary>
        public int[] Imaginary { get { return _im; } }

        /// <summary>Pass outputs beyond their proven bound of 2^30 since construction (0 unless a bound proof is wrong).</summary>
        public int OverflowCount { get { return _overflowCount; } }

        /// <summary>The 8-bit bit reversal of i (0 ≤ i &lt; 256).</summary>
        public static int BitReverse8(int i)
        {
            int r = 0;
            for (int b = 0; b < 8; b++) if ((i & (1 << b)) != 0) r |= 1 << (7 - b);
            return r;
        }

        /// <summary>
        /// Computes X[k] for k = 1..255 of the 512-point DFT of hann[n]·samples[n] (n &lt; length, zero after),
        /// into <see cref="Real"/> and <see cref="Imaginary"/>. Returns e with X_true[k] = X[k]·2^e (int16 units).
        /// </summary>
        public int Transform(short[] samples, int length)
        {
            if (length < 2 || length > FftLength || (length & 1) != 0 || length > samples.Length) throw new ArgumentOutOfRangeException("length");
            int[] re = _re, im = _im;
            int or = Window(samples, length);
            int exponent = 3 - _windowShift;
            for (int q = 1; q < ComplexLength; q <<= 2)
            {
                int b = Bits(or);
                if (b > PassInputBits)
                {
                    exponent += b - PassInputBits;
                    or = ShiftBlock(b - PassInputBits);
                    b = Bits(or);
                }
                int sh = b > PassShiftBase ? b - PassShiftBase : 0;
                exponent += sh;
                or = Pass(q, sh);
                if (Bits(or) > PassOutputBits) _overflowCount++;
            }
            int s = Bits(or) - PassInputBits;
            if (s > 0)
            {
                exponent += s;
                ShiftBlock(s);
            }
            Split();
            return exponent;
        }

        /// <summary>y = round(x·2^L·hann) ≤ 2^28 in bit-reversed complex order; returns the magnitude OR.</summary>
        private int Window(short[] samples, int length)
        {
            int orx = 0;
            for (int n = 0; n < length; n++)
            {
                int v = samples[n];
                orx |= v ^ (v >> 31);
            }
            int b = Bits(orx);
            int left = b == 0 ? 0 : (31 - b) & 31;   // b ≤ 15 for int16 samples: 16..31
            _windowShift = left;
            int[] hann = FrontendTables.HannQ31;
            int or = 0;
            for (int z = 0; z < ComplexLength; z++)
            {
                int at = _bitReverse[z];
                int yr = 0, yi = 0;
                if (2 * z + 1 < length)
                {
                    yr = (MulHigh(samples[2 * z] << left, hann[2 * z]) + 2) >> 2;
                    yi = (MulHigh(samples[2 * z + 1] << left, hann[2 * z + 1]) + 2) >> 2;
                }
                _re[at] = yr;
                _im[at] = yi;
                or |= (yr ^ (yr >> 31)) | (yi ^ (yi >> 31));
            }
            return or;
        }

        /// <summary>
        /// One radix-4 decimation-in-time pass over groups of 4q (inputs at i, i+q, i+2q, i+3q, twiddles
        /// W^2j, W^j, W^3j with W = e^(−2πi/4q)), outputs narrowed by sh bits (rounding). Returns the magnitude OR.
        /// </summary>
        private int Pass(int q, int sh)
        {
            int[] re = _re, im = _im;
            int[] cosT = FrontendTables.CosQ31, sinT = FrontendTables.SinQ31;
            int step = 128 / q;
            long half = (1L << sh) >> 1;
            int or = 0;
            for (int j = 0; j < q; j++)
            {
                int c1 = cosT[2 * j * step], s1 = sinT[2 * j * step];
                int c2 = cosT[j * step], s2 = sinT[j * step];
                int c3 = cosT[3 * j * step], s3 = sinT[3 * j * step];
                for (int i0 = j; i0 < ComplexLength; i0 += 4 * q)
                {
                    int i1 = i0 + q, i2 = i0 + 2 * q, i3 = i0 + 3 * q;
                    int t1r, t1i, t2r, t2i, t3r, t3i;
                    if (j == 0)
                    {
                        // W = 1: the terms are the inputs exactly.
                        t1r = re[i1]; t1i = im[i1]; t2r = re[i2]; t2i = im[i2]; t3r = re[i3]; t3i = im[i3];
                    }
                    else
                    {
                        t1r = TwiddleReal(re[i1], im[i1], c1, s1); t1i = TwiddleImaginary(re[i1], im[i1], c1, s1);
                        t2r = TwiddleReal(re[i2], im[i2], c2, s2); t2i = TwiddleImaginary(re[i2], im[i2], c2, s2);
                        t3r = TwiddleReal(re[i3], im[i3], c3, s3); t3i = TwiddleImaginary(re[i3], im[i3], c3, s3);
                    }
                    int x0r = re[i0], x0i = im[i0];
                    // A = x0 + T1, B = x0 − T1, C = T2 + T3, D = T2 − T3 (each ≤ 2^30.3: int32).
                    int ar = x0r + t1r, ai = x0i + t1i, br = x0r - t1r, bi = x0i - t1i;
                    int cr = t2r + t3r, ci = t2i + t3i, dr = t2r - t3r, di = t2i - t3i;
                    // z0 = A + C, z1 = B − iD, z2 = A − C, z3 = B + iD; the sums may need 33 bits.
                    int v0 = (int)(((long)ar + cr + half) >> sh), v1 = (int)(((long)ai + ci + half) >> sh);
                    int v2 = (int)(((long)br + di + half) >> sh), v3 = (int)(((long)bi - dr + half) >> sh);
                    int v4 = (int)(((long)ar - cr + half) >> sh), v5 = (int)(((long)ai - ci + half) >> sh);
                    int v6 = (int)(((long)br - di + half) >> sh), v7 = (int)(((long)bi + dr + half) >> sh);
                    or |= (v0 ^ (v0 >> 31)) | (v1 ^ (v1 >> 31)) | (v2 ^ (v2 >> 31)) | (v3 ^ (v3 >> 31))
                        | (v4 ^ (v4 >> 31)) | (v5 ^ (v5 >> 31)) | (v6 ^ (v6 >> 31)) | (v7 ^ (v7 >> 31));
                    re[i0] = v0; im[i0] = v1;
                    re[i1] = v2; im[i1] = v3;
                    re[i2] = v4; im[i2] = v5;
                    re[i3] = v6; im[i3] = v7;
                }
            }
            return or;
        }

        /// <summary>Re(W·x), W = c − i·s in Q31: (mulh(4x_r, c) + mulh(4x_i, s) + 1) >> 1, for |x| ≤ 2^29.</summary>
        private static int TwiddleReal(int xr, int xi, int c, int s)
        {
            return (MulHigh(xr << 2, c) + MulHigh(xi << 2, s) + 1) >> 1;
        }

        /// <summary>Im(W·x) = (mulh(4x_i, c) − mulh(4x_r, s) + 1) >> 1.</summary>
        private static int TwiddleImaginary(int xr, int xi, int c, int s)
        {
            return (MulHigh(xi << 2, c) - MulHigh(xr << 2, s) + 1) >> 1;
        }

        /// <summary>
        /// In place, bins k and 256 − k from one product: A = Z[k] + conj(Z[256−k]), B = Z[k] − conj(Z[256−k]),
        /// V = W^k·B (W = e^(−2πi/512)), X[k] = (A − iV)/2 and X[256−k] = (conj(A) − i·conj(V))/2, rounded.
        /// </summary>
        private void Split()
        {
            int[] re = _re, im = _im;
            int[] cosT = FrontendTables.CosQ31, sinT = FrontendTables.SinQ31;
            for (int k = 1; k <= ComplexLength / 2; k++)
            {
                int p = k, q = ComplexLength - k;
                int rp = re[p], ip = im[p], rq = re[q], iq = im[q];
                int ar = rp + rq, ai = ip - iq, br = rp - rq, bi = ip + iq;
                long c = cosT[k], s = sinT[k];
                int vr = (int)((c * br + s * bi + (1L << 30)) >> 31);
                int vi = (int)((c * bi - s * br + (1L << 30)) >> 31);
                re[p] = (int)(((long)ar + vi + 1) >> 1);
                im[p] = (int)(((long)ai - vr + 1) >> 1);
                re[q] = (int)(((long)ar - vi + 1) >> 1);
                im[q] = (int)((-(long)ai - vr + 1) >> 1);
            }
        }

        /// <summary>Shifts the block right by s (rounding); returns the new magnitude OR.</summary>
        private int ShiftBlock(int s)
        {
            int shift = s & 31;                      // s is 1..3 (a pass output has at most 30 bits)
            int half = 1 << ((shift - 1) & 31);
            int or = 0;
            for (int k = 0; k < ComplexLength; k++)
            {
                int r = (_re[k] + half) >> shift, i = (_im[k] + half) >> shift;
                _re[k] = r;
                _im[k] = i;
                or |= (r ^ (r >> 31)) | (i ^ (i >> 31));
            }
            return or;
        }

        /// <summary>High word of the 64-bit product (rv32 mulh): floor(a·b / 2^32).</summary>
        public static int MulHigh(int a, int b)
        {
            return (int)(((long)a * b) >> 32);
        }

        /// <summary>Bits of a magnitude OR: 0 for 0, else msb + 1 (every |v| ≤ 2^bits).</summary>
        public static int Bits(int or)
        {
            return or == 0 ? 0 : 32 - Fixed.LeadingZeros((uint)or);
        }
    }
}
