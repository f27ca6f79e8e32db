using System;
using BenchmarkDotNet.Attributes;
using Edge.Asr.Frontend;

namespace Edge.Asr.Sim.Benchmarks
{
    /// <summary>
    /// Desktop throughput of the fixed-point log-mel frontend: each operation pushes 10 s of
    /// speech-like noise (seeded pink-ish noise under a 4 Hz syllable envelope) in 160-sample
    /// blocks; results are per frame (OperationsPerInvoke), so frames/s = 1 / Mean.
    /// </summary>
    [MemoryDiagnoser]
    public class FrontendBenchmark
    {
        public const int Seconds = 10;
        public const int FramesPerOperation = 1 + (Seconds * LogMelFrontend.SampleRate - LogMelFrontend.WindowLength) / LogMelFrontend.HopLength;

        private readonly short[] _audio = SpeechLikeNoise(Seconds * LogMelFrontend.SampleRate, 2024);
        private readonly short[] _frame = new short[LogMelFrontend.MelChannels];
        private readonly LogMelFrontend _frontend = new LogMelFrontend();

        [Benchmark(OperationsPerInvoke = FramesPerOperation)]
        public int PushTenSeconds()
        {
            _frontend.Reset();
            int frames = 0;
            for (int at = 0; at < _audio.Length;)
            {
                at += _frontend.Push(_audio, at, Math.Min(LogMelFrontend.HopLength, _audio.Length - at));
                if (_frontend.HasFrame)
                {
                    _frontend.ReadFrame(_frame, 0);
                    frames++;
                }
            }
            return frames;
        }

        /// <summary>Low-passed seeded noise with a syllable-rate envelope, peak about -6 dBFS.</summary>
        public static short[] SpeechLikeNoise(int length, int seed)
        {
            var random = new Random(seed);
            var audio = new short[length];
            double low = 0;
            for (int n = 0; n < length; n++)
            {
                double white = random.NextDouble() * 2 - 1;
                low = 0.9 * low + 0.1 * white;
                double envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * 4.0 * n / LogMelFrontend.SampleRate);
                audio[n] = (short)Math.Round(16000 * envelope * (0.7 * low + 0.3 * white));
            }
            return audio;
        }
    }
}
