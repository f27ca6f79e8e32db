using Edge.Asr.Ops;

namespace Edge.Asr.FixedPoint
{
    /// <summary>
    /// 2^-u for u ≥ 0 by range reduction and an interpolated table: the integer part of u is a
    /// right shift, only the fraction r ∈ [0,1) ever indexes the table, so the table input never
    /// leaves its range whatever u is.
    /// </summary>
    public static class Exp2
    {
        private const int FracBits = 16;           // u is Q16
        private const int SegmentBits = 6;         // 64 segments over [0,1)
        private const int InterpBits = FracBits - SegmentBits;

        /// <summary>2^-u in Q30 for u ≥ 0 given in Q16 (u &lt; 0 is treated as 0).</summary>
        public static int NegQ30(long uQ16)
        {
            if (uQ16 <= 0) return 1 << 30;
            long whole = uQ16 >> FracBits;
            if (whole > 31) return 0;
            int r = (int)(uQ16 & ((1 << FracBits) - 1));
            int idx = r >> InterpBits;
            int frac = r & ((1 << InterpBits) - 1);
            int[] t = OpTables.Exp2NegQ30;
            long a = t[idx];
            long v = a + Fixed.RoundShift((t[idx + 1] - a) * frac, InterpBits);
            return (int)Fixed.RoundShift(v, (int)whole);
        }
    }
}
