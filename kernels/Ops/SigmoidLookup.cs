using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// σ(x) in Q15 (0..32768) from the 513-entry table of σ − ½ over [0, 16] (step 1/32), linearly
    /// interpolated; σ(−x) = 1 − σ(x); σ(x ≥ 16) = 1 and σ(x ≤ −16) = 0 exactly in Q15 (true
    /// values within 2^-23 of those), so x·σ(x) is exact in the tails.
    /// </summary>
    public static class SigmoidLookup
    {
        private const int StepBits = 5;          // table step 1/32
        private const int LastIndex = 512;
        private const int Half = 16384;          // ½ in Q15

        /// <summary>σ(x · 2^-fracIn) in Q15 (0..32768), for fracIn in [-16, 40].</summary>
        public static int Q15(int x, int fracIn)
        {
            // long: fbits reaches 35, and a shift count is not masked alike on every platform (the
            // interpreter does not mask as x86 does), so no shift here may reach its operand's width.
            long a = x >= 0 ? x : -(long)x;
            short[] t = OpTables.SigmoidMinusHalfQ15;
            int s;
            int fbits = fracIn - StepBits;
            if (fbits <= 0)
            {
                long idx = a << -fbits;
                s = idx >= LastIndex ? Half : t[(int)idx];
            }
            else
            {
                long idx = a >> fbits;
                if (idx >= LastIndex) s = Half;
                else
                {
                    long frac = a & ((1L << fbits) - 1);
                    int i = (int)idx;
                    s = t[i] + (int)Fixed.RoundShift((t[i + 1] - t[i]) * frac, fbits);
                }
            }
            return x >= 0 ? Half + s : Half - s;
        }
    }
}
