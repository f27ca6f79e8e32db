using System;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// The deterministic test audio of the golden vectors: 300 ms at 16 kHz made with integers only
    /// (no Math, so the same bits on every machine): quiet noise, then a 440 Hz + 1 kHz + 2.75 kHz
    /// tone sum with noise, then a near-full-scale stretch that saturates. Tones come from fixed-point
    /// rotations (Q30 cos/sin of 2πf/16000, rounded once and written here), the noise from a 32-bit LCG.
    /// </summary>
    public static class GoldenTestAudio
    {
        public const int Length = 4800;

        /// <summary>The tone frequencies in Hz and their Q30 rotation coefficients round(2^30·cos), round(2^30·sin) of 2πf/16000.</summary>
        public static readonly int[] ToneHz = { 440, 1000, 2750 };
        public static readonly long[] CosQ30 = { 1057753085, 992008094, 506158392 };
        public static readonly long[] SinQ30 = { 184607466, 410903207, 946955747 };

        private const int QuietEnd = 800;
        private const int LoudStart = 3800;
        private const uint Seed = 20250401;

        public static short[] Generate()
        {
            var samples = new short[Length];
            var c = new long[ToneHz.Length];
            var s = new long[ToneHz.Length];
            for (int t = 0; t < ToneHz.Length; t++) c[t] = 1L << 30;
            int[] amplitude = { 9000, 5000, 2500 };
            uint lcg = Seed;
            for (int n = 0; n < Length; n++)
            {
                lcg = unchecked(lcg * 1664525u + 1013904223u); // Numerical Recipes LCG
                int noise = (int)(lcg >> 22) - 512;            // [-512, 511]
                long sum;
                if (n < QuietEnd)
                {
                    sum = noise >> 6;                          // [-8, 7]: near silence
                }
                else
                {
                    sum = noise;
                    for (int t = 0; t < ToneHz.Length; t++) sum += (c[t] * amplitude[t] + (1L << 29)) >> 30;
                    if (n >= LoudStart) sum *= 3;              // up to ~51 000: clipped below
                }
                samples[n] = (short)Math.Clamp(sum, short.MinValue, short.MaxValue);
                for (int t = 0; t < ToneHz.Length; t++)
                {
                    long nc = (c[t] * CosQ30[t] - s[t] * SinQ30[t] + (1L << 29)) >> 30;
                    long ns = (s[t] * CosQ30[t] + c[t] * SinQ30[t] + (1L << 29)) >> 30;
                    c[t] = nc;
                    s[t] = ns;
                }
            }
            return samples;
        }
    }
}
