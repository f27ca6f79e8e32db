using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Edge.Asr.Blob;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Benchmarks;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr bench</c>: what the pipeline costs. Operation counts and bytes are exact (from
    /// the kernels' cost formulas and the blob); desktop speed is the fixed-point pipeline timed on
    /// one thread over 10 s of the shipped samples (best of several runs), or with --precise by
    /// BenchmarkDotNet; the device load is an estimate whose assumptions are printed beside it.
    /// </summary>
    public sealed class BenchCommand
    {
        /// <summary>Seconds of audio each timed run processes.</summary>
        public const int AudioSeconds = 10;

        private const int Repetitions = 7;

        private readonly TextWriter _output;

        public BenchCommand(TextWriter output)
        {
            _output = output;
        }

        /// <summary>
        /// The shipped samples/ folder: in the working folder, else under EDGE_ASR_HOME (set by
        /// ./edge-asr), else beside the model's weights/ folder; null when absent.
        /// </summary>
        public static string? FindSamples(string modelPath)
        {
            if (Directory.Exists("samples")) return "samples";
            string? home = Environment.GetEnvironmentVariable("EDGE_ASR_HOME");
            if (home != null && Directory.Exists(Path.Combine(home, "samples"))) return Path.Combine(home, "samples");
            string? weights = Path.GetDirectoryName(Path.GetFullPath(modelPath));
            string? root = weights == null ? null : Path.GetDirectoryName(weights);
            return root != null && Directory.Exists(Path.Combine(root, "samples")) ? Path.Combine(root, "samples") : null;
        }

        /// <summary>Measures <paramref name="modelPath"/> with the shipped samples of <paramref name="samplesFolder"/>.</summary>
        public int Execute(string modelPath, string samplesFolder, bool json, bool precise)
        {
            byte[] bytes = File.ReadAllBytes(modelPath);
            ModelBlob blob = ModelBlob.Load(bytes);
            var cost = new PipelineCost(blob, bytes.Length);
            var workload = new PipelineWorkload(blob, PipelineWorkload.ShippedSamples(samplesFolder, AudioSeconds));
            var load = new DeviceLoadEstimate(cost.MacsPerSecond + cost.FrontendLookupsPerSecond);

            if (precise)
            {
                PipelineBenchmark.Workload = workload;
                // In-process toolchain: no project rebuild, the very assembly that runs here is measured.
                IConfig config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
                    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
                BenchmarkRunner.Run<PipelineBenchmark>(config);
                _output.WriteLine("real-time factor = Mean of Pipeline / " + workload.AudioSeconds.ToString(CultureInfo.InvariantCulture) + " s of audio");
                return ExitCodes.Success;
            }

            double pipeline = BestSeconds(() => workload.RunPipeline());
            double frontend = BestSeconds(() => workload.RunFrontend());
            double model = BestSeconds(() => workload.RunModel());
            double detector = BestSeconds(() => workload.RunDetector());
            double rtf = pipeline / workload.AudioSeconds;
            var figures = new BenchFigures(rtf, cost.MacsPerSecond, cost.TensorBytes, cost.FlashBytes, cost.PeakRamBytes,
                load.NativeLoad, load.ManagedLoad);
            if (json)
            {
                _output.WriteLine(BenchJson.Serialize(figures));
                return ExitCodes.Success;
            }
            WriteText(modelPath, workload, cost, load, figures, frontend, model, detector);
            return ExitCodes.Success;
        }

        private void WriteText(string modelPath, PipelineWorkload w, PipelineCost cost, DeviceLoadEstimate load, BenchFigures f,
            double frontend, double model, double detector)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            double audio = w.AudioSeconds;
            _output.WriteLine("model:      " + modelPath);
            _output.WriteLine("audio:      " + audio.ToString(c) + " s of samples/*.wav joined and repeated ("
                + w.MelFrames.ToString(c) + " log-mel frames, " + w.EncoderFrames.ToString(c) + " encoder frames)");
            _output.WriteLine();
            _output.WriteLine("desktop, one thread, best of " + Repetitions.ToString(c) + " runs:");
            _output.WriteLine("  pipeline   " + Ms(f.RealtimeFactor * audio) + " for " + audio.ToString(c) + " s: real-time factor "
                + f.RealtimeFactor.ToString("0.000000", c) + " (" + (1 / f.RealtimeFactor).ToString("N0", c) + "x faster than real time)");
            Stage("frontend", frontend, audio);
            Stage("model", model, audio);
            Stage("detector", detector, audio);
            _output.WriteLine("  (edge-asr bench --precise measures the same with BenchmarkDotNet)");
            _output.WriteLine();
            _output.WriteLine("operations per second of audio (exact):");
            _output.WriteLine("  model MACs        " + N(cost.ModelMacsPerSecond) + "  (" + N(cost.ModelMacsPerEncoderFrame)
                + " per encoder frame x " + Model.ModelCost.EncoderFramesPerSecond.ToString(c) + "/s, ModelCost)");
            _output.WriteLine("  frontend MACs     " + N(cost.FrontendMacsPerSecond) + "  (" + N(FrontendCost.MultipliesPerFrame)
                + " multiplies per frame x " + PipelineCost.MelFramesPerSecond.ToString(c) + "/s, FrontendCost)");
            _output.WriteLine("  total MACs        " + N(cost.MacsPerSecond));
            _output.WriteLine("  frontend integer operations  per frame   per second of audio");
            FrontendRow("multiplies", FrontendCost.MultipliesPerFrame);
            FrontendRow("adds/subtracts", FrontendCost.AddsPerFrame);
            FrontendRow("shifts", FrontendCost.ShiftsPerFrame);
            FrontendRow("bitwise and/or/xor", FrontendCost.BitwisePerFrame);
            FrontendRow("table lookups", FrontendCost.TableLookupsPerFrame);
            FrontendRow("leading-zero counts", FrontendCost.LeadingZeroCountsPerFrame);
            _output.WriteLine("  table look-ups    " + N(cost.FrontendLookupsPerSecond) + "  (frontend only; the model's"
                + " softmax/sigmoid look-ups are not counted: the ops expose no look-up count)");
            _output.WriteLine("  (the detector's few compares and adds per encoder frame are not counted)");
            _output.WriteLine();
            _output.WriteLine("bytes:");
            _output.WriteLine("  weights           " + N(cost.TensorBytes) + "  (all tensors; int8 weights alone " + N(cost.Int8WeightBytes) + ")");
            _output.WriteLine("  flash             " + N(cost.FlashBytes) + "  (the whole blob)");
            _output.WriteLine("  peak RAM          " + N(cost.PeakRamBytes) + "  = parameters " + N(cost.ParameterRamBytes)
                + " + model state " + N(cost.ModelStateBytes) + " + model scratch " + N(cost.ModelBufferBytes - cost.ModelStateBytes)
                + " + frontend and detector " + N(cost.FrontendAndDetectorBytes) + " + capture buffers " + N(cost.CaptureBufferBytes));
            _output.WriteLine("                    (integer arrays only; object headers, strings and the I2S driver's "
                + Firmware.CaptureLoop.DmaBufferBytes.ToString(c) + "-byte DMA ring are not included)");
            _output.WriteLine("                    (the firmware's start-up memory check counts the same " + N(cost.StartupCheckBytes).Trim()
                + " bytes before it allocates: PipelineMemory)");
            _output.WriteLine();
            _output.WriteLine("estimated load of one " + (DeviceLoadEstimate.CoreHz / 1e6).ToString(c) + " MHz ESP32 core ("
                + N(load.OperationsPerSecond) + " MACs + look-ups per second of audio):");
            _output.WriteLine("  native kernels    " + f.EstDeviceLoadNative.ToString("0.000", c) + "  assuming "
                + DeviceLoadEstimate.NativeCyclesPerOperation.ToString(c) + " cycles per MAC or look-up (Xtensa LX6, 16-bit MAC; an assumption, not measured)");
            _output.WriteLine("  managed (nanoCLR) " + f.EstDeviceLoadManaged.ToString("0.000", c) + "  assuming "
                + load.IlInstructionsPerMac.ToString(c) + " IL instructions per MAC (counted in Linear.Process's inner loop) x "
                + DeviceLoadEstimate.ManagedCyclesPerIlInstruction.ToString(c) + " cycles per interpreted IL instruction (an assumption;"
                + " a pin-toggle loop ran ~1,500 cycles per iteration)");
            if (f.EstDeviceLoadManaged > 1)
                _output.WriteLine("                    (above 1: interpreted kernels cannot keep up; native kernels through interop are needed)");
        }

        private void FrontendRow(string name, int perFrame)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("    " + name.PadRight(22) + perFrame.ToString("N0", c).PadLeft(10)
                + ((long)perFrame * PipelineCost.MelFramesPerSecond).ToString("N0", c).PadLeft(22));
        }

        private void Stage(string name, double seconds, double audio)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("  " + name.PadRight(10) + " " + Ms(seconds) + " (" + (seconds / audio * 1000).ToString("0.000", c) + " ms per second of audio)");
        }

        private static string Ms(double seconds) => (seconds * 1000).ToString("0.00", CultureInfo.InvariantCulture).PadLeft(9) + " ms";

        private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture).PadLeft(12);

        /// <summary>Best-of-N wall seconds of one call after a warm-up (JIT, caches): the run least disturbed by the machine.</summary>
        private static double BestSeconds(Func<long> work)
        {
            work();
            double best = double.MaxValue;
            for (int r = 0; r < Repetitions; r++)
            {
                long start = Stopwatch.GetTimestamp();
                work();
                best = Math.Min(best, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
            }
            return best;
        }
    }
}
