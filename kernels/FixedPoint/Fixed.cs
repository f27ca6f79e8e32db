using System;

namespace Edge.Asr.FixedPoint
{
    /// <summary>
    /// The narrowing and shifting primitives every kernel uses. Every narrowing rounds
    /// (half away from zero) and saturates; nothing ever wraps.
    /// </summary>
    public static class Fixed
    {
        /// <summary>Saturates a 32-bit value to the int16 range.</summary>
        public static short Sat16(int x)
        {
            if (x > short.MaxValue) return short.MaxValue;
            if (x < short.MinValue) return short.MinValue;
            return (short)x;
        }

        /// <summary>Saturates a 64-bit value to the int16 range.</summary>
        public static short Sat16(long x)
        {
            if (x > short.MaxValue) return short.MaxValue;
            if (x < short.MinValue) return short.MinValue;
            return (short)x;
        }

        /// <summary>Saturates a 64-bit value to the int32 range.</summary>
        public static int Sat32(long x)
        {
            if (x > int.MaxValue) return int.MaxValue;
            if (x < int.MinValue) return int.MinValue;
            return (int)x;
        }

        /// <summary>x / 2^shift rounded half away from zero (shift ≥ 0; shift 0 returns x).</summary>
        public static long RoundShift(long x, int shift)
        {
            if (shift <= 0) return x;
            long half = 1L << (shift - 1);
            return x >= 0 ? (x + half) >> shift : -((-x + half) >> shift);
        }

        /// <summary>x / 2^shift rounded half away from zero, widened so the rounding cannot overflow.</summary>
        public static int RoundShift(int x, int shift)
        {
            return (int)RoundShift((long)x, shift);
        }

        /// <summary>Number of leading zero bits of a 32-bit unsigned value (32 for zero).</summary>
        public static int LeadingZeros(uint x)
        {
            if (x == 0) return 32;
            int n = 0;
            if ((x & 0xFFFF0000u) == 0) { n += 16; x <<= 16; }
            if ((x & 0xFF000000u) == 0) { n += 8; x <<= 8; }
            if ((x & 0xF0000000u) == 0) { n += 4; x <<= 4; }
            if ((x & 0xC0000000u) == 0) { n += 2; x <<= 2; }
            if ((x & 0x80000000u) == 0) { n += 1; }
            return n;
        }

        /// <summary>Number of leading zero bits of a 64-bit unsigned value (64 for zero).</summary>
        public static int LeadingZeros(ulong x)
        {
            uint high = (uint)(x >> 32);
            return high != 0 ? LeadingZeros(high) : 32 + LeadingZeros((uint)x);
        }

        /// <summary>
        /// x · 2^-shift rounded half away from zero for any sign of shift; a negative shift is an
        /// exact left shift (the caller guarantees the result fits in 64 bits).
        /// </summary>
        public static long ScalePow2(long x, int shift)
        {
            if (shift >= 0) return RoundShift(x, shift);
            return x << -shift;
        }

        /// <summary>num / den rounded half away from zero (den &gt; 0).</summary>
        public static long DivRound(long num, long den)
        {
            if (den <= 0) throw new ArgumentOutOfRangeException("den", "den must be positive");
            long half = den >> 1;
            return num >= 0 ? (num + half) / den : -((-num + half) / den);
        }

        /// <summary>
        /// Requantises an accumulator: sat16(round(acc · multiplier / 2^shift)), multiplier in
        /// [2^30, 2^31), shift in [1, 62]. An accumulator of 32 bits or more is pre-rounded right by
        /// its excess bits (and the shift reduced) so the 64-bit product cannot overflow.
        /// </summary>
        public static short Requantize(long acc, int multiplier, int shift)
        {
            int excess = 0;
            long mag = acc >= 0 ? acc : -acc;
            while ((mag >> excess) > int.MaxValue && excess < shift) excess++;
            if (excess > 0)
            {
                acc = RoundShift(acc, excess);
                shift -= excess;
                if (acc > int.MaxValue || acc < -int.MaxValue) return acc > 0 ? short.MaxValue : short.MinValue;
            }
            return Sat16(RoundShift(acc * multiplier, shift));
        }
    }
}
