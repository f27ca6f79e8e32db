using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Sparse triangular mel filterbank on a block-floating power spectrum, then
    /// round(256·log2(E)) clamped to [0, 32767] by leading-zero count plus a 129-entry table
    /// with linear interpolation.
    ///
    /// Bounds: power values are &lt; 2^62; each channel is shifted (rounding) so its largest power
    /// is ≤ 2^44, and every channel's Q15 weight sum is &lt; 2^19 (checked by the generator),
    /// so the int64 accumulator stays &lt; 2^63.
    /// </summary>
    public sealed class MelLogCompressor
    {
        public const int Channels = 40;
        private const int PowerBits = 44;
        private const int WeightFractionBits = 15;

        /// <summary>First and last FFT bin any channel uses.</summary>
        public static int FirstBin { get { return FrontendTables.MelStart[0]; } }

        public static int LastBin { get { return FrontendTables.MelStart[Channels - 1] + FrontendTables.MelLength[Channels - 1] - 1; } }

        /// <summary>
        /// Writes the 40 log-mel values of a power spectrum with |X[k]|² = power[k]·2^(2·exponent)·2^(-2·inputFractionBits),
        /// power[k] in [0, 2^62).
        /// </summary>
        public void Compress(long[] power, int exponent, int inputFractionBits, short[] output)
        {
            if (power.Length <= LastBin) throw new ArgumentException("power spectrum shorter than bin " + LastBin.ToString());
            if (output.Length < Channels) throw new ArgumentException("output shorter than 40 channels");
            short[] starts = FrontendTables.MelStart, lengths = FrontendTables.MelLength, offsets = FrontendTables.MelOffset;
            short[] weights = FrontendTables.MelWeightsQ15;
            int baseExponent = ((exponent - inputFractionBits) << 1) - WeightFractionBits;
            for (int m = 0; m < Channels; m++)
            {
                int start = starts[m];
                int end = start + lengths[m];
                int w = offsets[m];
                long or = 0;
                for (int k = start; k < end; k++) or |= power[k];
                int shift = 63 - Fixed.LeadingZeros((ulong)or) - (PowerBits - 1);
                if (shift < 0) shift = 0;
                long half = (1L << shift) >> 1;
                long energy = 0;
                for (int k = start; k < end; k++)
                {
                    energy += weights[w++] * ((power[k] + half) >> shift);
                }
                output[m] = Log2Q8(energy, baseExponent + shift);
            }
        }

        /// <summary>round(256·log2(value·2^exponent)) clamped to [0, 32767]; 0 for value ≤ 0.</summary>
        public static short Log2Q8(long value, int exponent)
        {
            if (value <= 0) return 0;
            int lz = Fixed.LeadingZeros((ulong)value);
            ulong m = (ulong)value << lz; // bit 63 set
            int index = (int)(m >> 56) & 127;
            int fraction = (int)(m >> 40) & 0xFFFF;
            int[] table = FrontendTables.Log2MantissaQ16;
            int t0 = table[index];
            int mantissa = t0 + (((table[index + 1] - t0) * fraction + 32768) >> 16);
            int log2Q16 = ((63 - lz + exponent) << 16) + mantissa;
            int q8 = (log2Q16 + 128) >> 8;
            if (q8 < 0) return 0;
            if (q8 > short.MaxValue) return short.MaxValue;
            return (short)q8;
        }
    }
}
