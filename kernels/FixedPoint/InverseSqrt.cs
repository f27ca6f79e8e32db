using Edge.Asr.Ops;

namespace Edge.Asr.FixedPoint
{
    /// <summary>
    /// Reciprocal square root by normalisation + table + Newton: x is shifted by an even amount to
    /// m ∈ [2^28, 2^30), 1/√m is read from an interpolated 49-entry table and refined by two Newton
    /// steps r ← r·(3 − m·r²)/2.
    /// </summary>
    public static class InverseSqrt
    {
        /// <summary>
        /// For x &gt; 0 returns r in (2^29, 2^30] and sets shift so that 1/√x = r · 2^-shift
        /// (relative error below 1e-8).
        /// </summary>
        public static int Q30(long x, out int shift)
        {
            if (x <= 0) throw new System.ArgumentOutOfRangeException("x", "x must be positive");
            int lz = Fixed.LeadingZeros((ulong)x);
            int k = 34 - lz;                                    // bits above 2^30
            if ((k & 1) != 0) k++;                              // even, so √ of the shift is exact
            long m = k > 0 ? Fixed.RoundShift(x, k) : x << -k;  // m ∈ [2^28, 2^30]
            if (m >= (1L << 30)) { m = Fixed.RoundShift(m, 2); k += 2; }
            int off = (int)(m - (1L << 28));                    // [0, 3·2^28)
            int idx = off >> 24;                                // step 1/16 in m/2^28
            long frac = off & ((1 << 24) - 1);
            int[] t = OpTables.InverseSqrtQ30;
            long r = t[idx] + Fixed.RoundShift((t[idx + 1] - (long)t[idx]) * frac, 24);
            for (int i = 0; i < 2; i++)
            {
                long r2 = Fixed.RoundShift(r * r, 30);          // Q30
                long mr2 = Fixed.RoundShift(m * r2, 28);        // m/2^28 · r², Q30, ≈ 1
                r = Fixed.RoundShift(r * (3L * (1L << 30) - mr2), 31);
            }
            shift = 44 + k / 2;                                 // 1/√x = (1/√(m/2^28)) · 2^-14 · 2^-(k/2)
            return (int)r;
        }
    }
}
