using System;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>Running facts about 16 kHz int16 audio: sample count, peak and RMS level.</summary>
    public sealed class AudioStatistics
    {
        /// <summary>Frontend framing (design.md): 25 ms windows every 10 ms at 16 kHz.</summary>
        public const int WindowSamples = 400;
        public const int HopSamples = 160;

        private double _sumSquares;

        public long SampleCount { get; private set; }

        /// <summary>Largest |sample| (32768 for a −32768 sample).</summary>
        public int Peak { get; private set; }

        public void Add(short[] samples, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                int s = samples[i];
                int a = s < 0 ? -s : s;
                if (a > Peak) Peak = a;
                _sumSquares += (double)s * s;
            }
            SampleCount += count;
        }

        public double DurationSeconds => (double)SampleCount / IAudioSource.OutputSampleRate;

        /// <summary>Peak level relative to full scale (32768); −∞ for digital silence.</summary>
        public double PeakDbfs => Decibels(Peak);

        /// <summary>RMS level relative to a full-scale square wave (32768): a full-scale sine reads −3.01 dBFS.</summary>
        public double RmsDbfs => Decibels(SampleCount == 0 ? 0 : Math.Sqrt(_sumSquares / SampleCount));

        /// <summary>Frames the log-mel frontend makes: one per 10 ms hop once a 25 ms window is full.</summary>
        public long FrameCount => SampleCount < WindowSamples ? 0 : 1 + (SampleCount - WindowSamples) / HopSamples;

        private static double Decibels(double amplitude) =>
            amplitude <= 0 ? double.NegativeInfinity : 20 * Math.Log10(amplitude / 32768.0);
    }
}
