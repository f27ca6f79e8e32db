using Edge.Asr.Ops;

namespace Edge.Asr.FixedPoint
{
    /// <summary>
    /// Reciprocal by normalisation + table: x is shifted to m ∈ [2^30, 2^31), 1/m is read from an
    /// interpolated 33-entry table and refined by two Newton steps r ← r·(2 − m·r).
    /// </summary>
    public static class Reciprocal
    {
        /// <summary>
        /// For x &gt; 0 returns r in (2^29, 2^30] and sets shift so that 1/x = r · 2^-shift
        /// (relative error below 1e-8).
        /// </summary>
        public static int Q30(long x, out int shift)
        {
            if (x <= 0) throw new System.ArgumentOutOfRangeException("x", "x must be positive");
            int lz = Fixed.LeadingZeros((ulong)x);
            int k = 33 - lz;                                    // x = m · 2^k, m ∈ [2^30, 2^31)
            long m = k > 0 ? Fixed.RoundShift(x, k) : x << -k;
            if (m >= (1L << 31)) { m >>= 1; k++; }
            int off = (int)(m - (1L << 30));                    // [0, 2^30)
            int idx = off >> 25;                                // 32 segments
            long frac = off & ((1 << 25) - 1);
            int[] t = OpTables.ReciprocalQ30;
            long r = t[idx] + Fixed.RoundShift((t[idx + 1] - (long)t[idx]) * frac, 25);
            for (int i = 0; i < 2; i++)
            {
                long mr = Fixed.RoundShift(m * r, 30);          // m·r in Q30, ≈ 1
                r = Fixed.RoundShift(r * ((1L << 31) - mr), 30);
            }
            shift = 60 + k;                                     // 1/x = (2^60/m) · 2^-(60+k)
            return (int)r;
        }
    }
}
