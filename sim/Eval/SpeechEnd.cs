using Edge.Asr.Frontend;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Where a clip's sound ends, from its log-mel frames: the last frame whose mean log2 energy is
    /// within <see cref="RangeDb"/> of the loudest frame's. A clip whose speech ends more than
    /// <see cref="LongSeconds"/> before its end is one a last-frame classification cannot judge
    /// (the classifier pools about the last second), and eval warns about it with a count.
    /// </summary>
    public static class SpeechEnd
    {
        /// <summary>How far below the loudest frame a frame still counts as sound (the frames are log2 of power).</summary>
        public const double RangeDb = 20;

        /// <summary>Trailing quiet beyond this is "long" (the default classifier pools 25 encoder frames = 1 s).</summary>
        public const double LongSeconds = 1.0;

        /// <summary>Seconds from the end of the last loud frame to the clip's end (<paramref name="clipSeconds"/>); 0 without frames.</summary>
        public static double TrailingSeconds(short[][] melQ8, double clipSeconds)
        {
            if (melQ8.Length == 0) return 0;
            var energy = new long[melQ8.Length];
            long loudest = long.MinValue;
            for (int f = 0; f < melQ8.Length; f++)
            {
                long sum = 0;
                foreach (short v in melQ8[f]) sum += v;
                energy[f] = sum;
                if (sum > loudest) loudest = sum;
            }
            // RangeDb of power in Q8 log2 units, summed over the channels: 256 · log2(10^(dB/10)) · channels.
            double range = 256 * (RangeDb / 10) * 3.3219280948873622 * LogMelFrontend.MelChannels;
            int last = 0;
            for (int f = 0; f < energy.Length; f++)
                if (energy[f] >= loudest - range) last = f;
            double end = (last * LogMelFrontend.HopLength + LogMelFrontend.WindowLength) / (double)LogMelFrontend.SampleRate;
            return System.Math.Max(0, clipSeconds - end);
        }

        /// <summary>True when the clip's sound ends more than <see cref="LongSeconds"/> before its end.</summary>
        public static bool EndsLongBefore(short[][] melQ8, double clipSeconds) => TrailingSeconds(melQ8, clipSeconds) > LongSeconds;
    }
}
