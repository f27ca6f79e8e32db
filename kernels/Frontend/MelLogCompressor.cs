using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Sparse triangular mel filterbank on the int32 spectrum of <see cref="BlockFloatRealFft"/>, then
    /// round(256·log2(E)) clamped to [0, 32767] by leading-zero count plus a 129-entry table with
    /// linear interpolation.
    ///
    /// Bounds, per channel: the spectrum components of its bins are shifted (rounding) so the largest
    /// is ≤ 2^13, so P = re² + im² ≤ 2^27 is one 32-bit word; E = Σ floor(P·w·2^17 / 2^32) (the high
    /// word of P times the Q15 weight shifted to Q32, rv32 mulhu) = Σ floor(P·w/2^15) &lt; 2^27·16 = 2^31,
    /// as every channel's Q15 weight sum is &lt; 2^19 (checked by the generator and a test).
    /// </summary>
    public sealed class MelLogCompressor
    {
        public const int Channels = 40;

        /// <summary>Bits a channel's spectrum components keep: |v| ≤ 2^13, so |X|² ≤ 2^27.</summary>
        private const int ComponentBits = 13;

        /// <summary>The Q15 weight moved to the top of a 32-bit word for the high-word product.</summary>
        private const int WeightToQ32 = 17;

        /// <summary>First and last FFT bin any channel uses.</summary>
        public static int FirstBin { get { return FrontendTables.MelStart[0]; } }

        public static int LastBin { get { return FrontendTables.MelStart[Channels - 1] + FrontendTables.MelLength[Channels - 1] - 1; } }

        /// <summary>
        /// Writes the 40 log-mel values of the spectrum (re, im indexed by bin) with X_true = X·2^exponent.
        /// </summary>
        public void Compress(int[] re, int[] im, int exponent, short[] output)
        {
            if (re.Length <= LastBin || im.Length <= LastBin) throw new ArgumentException("spectrum shorter than bin " + LastBin.ToString());
            if (output.Length < Channels) throw new ArgumentException("output shorter than 40 channels");
            short[] starts = FrontendTables.MelStart, lengths = FrontendTables.MelLength, offsets = FrontendTables.MelOffset;
            short[] weights = FrontendTables.MelWeightsQ15;
            for (int m = 0; m < Channels; m++)
            {
                int start = starts[m];
                int end = start + lengths[m];
                int w = offsets[m];
                int or = 0;
                for (int k = start; k < end; k++) or |= (re[k] ^ (re[k] >> 31)) | (im[k] ^ (im[k] >> 31));
                int excess = BlockFloatRealFft.Bits(or) - ComponentBits;
                int shift = excess > 0 ? excess & 31 : 0;   // 0..18: the components have at most 31 bits
                int half = (1 << shift) >> 1;
                uint energy = 0;
                for (int k = start; k < end; k++)
                {
                    int r = (re[k] + half) >> shift, i = (im[k] + half) >> shift;
                    uint power = (uint)(r * r + i * i);
                    energy += (uint)(((ulong)power * ((uint)weights[w++] << WeightToQ32)) >> 32);
                }
                output[m] = Log2Q8(energy, (exponent + shift) << 1);
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
