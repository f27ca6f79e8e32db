using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Benchmarks;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr bench</c>: what the pipeline costs. Operation counts are exact (derived from the
    /// kernels' loop structure); desktop speed is measured on one thread, either by a quick timed
    /// loop (best of several repetitions) or, with --precise, by BenchmarkDotNet.
    /// </summary>
    public sealed class BenchCommand
    {
        private const int FramesPerSecondOfAudio = LogMelFrontend.SampleRate / LogMelFrontend.HopLength;
        private const int Repetitions = 7;

        private readonly TextWriter _output;

        public BenchCommand(TextWriter output)
        {
            _output = output;
        }

        public int Execute(bool precise)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("frontend (16 kHz, 25 ms window, 10 ms hop, 512-point FFT, 40 mel bands)");
            _output.WriteLine("  integer operations     per frame   per second of audio");
            Row("multiplies", FrontendCost.MultipliesPerFrame);
            Row("adds/subtracts", FrontendCost.AddsPerFrame);
            Row("shifts", FrontendCost.ShiftsPerFrame);
            Row("bitwise and/or/xor", FrontendCost.BitwisePerFrame);
            Row("table lookups", FrontendCost.TableLookupsPerFrame);
            Row("leading-zero counts", FrontendCost.LeadingZeroCountsPerFrame);

            if (precise)
            {
                // In-process toolchain: no project rebuild, the very assembly that runs here is measured.
                IConfig config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
                    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
                BenchmarkRunner.Run<FrontendBenchmark>(config);
                return ExitCodes.Success;
            }

            double secondsPerFrame = TimeFrontendPerFrame();
            double framesPerSecond = 1.0 / secondsPerFrame;
            _output.WriteLine("  desktop, one thread:   " + framesPerSecond.ToString("N0", c) + " frames/s, "
                + (secondsPerFrame * 1e6).ToString("0.00", c) + " us/frame, real-time factor "
                + (secondsPerFrame * FramesPerSecondOfAudio).ToString("0.00000", c)
                + " (best of " + Repetitions.ToString(c) + " runs over " + FrontendBenchmark.Seconds.ToString(c) + " s of audio)");
            _output.WriteLine("  (edge-asr bench --precise measures it with BenchmarkDotNet)");
            return ExitCodes.Success;
        }

        private void Row(string name, int perFrame)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("  " + name.PadRight(22) + perFrame.ToString("N0", c).PadLeft(10)
                + ((long)perFrame * FramesPerSecondOfAudio).ToString("N0", c).PadLeft(22));
        }

        /// <summary>Best-of-N seconds per frame; the best run is the one least disturbed by the machine.</summary>
        private static double TimeFrontendPerFrame()
        {
            var benchmark = new FrontendBenchmark();
            benchmark.PushTenSeconds(); // warm-up: JIT and caches
            double best = double.MaxValue;
            for (int r = 0; r < Repetitions; r++)
            {
                long start = Stopwatch.GetTimestamp();
                int frames = benchmark.PushTenSeconds();
                double seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
                best = Math.Min(best, seconds / frames);
            }
            return best;
        }
    }
}
