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
        public int Execute(string modelPath, string samplesFolder, bool json, bool precise) =>
            Execute(modelPath, samplesFolder, json, precise, Edge.Asr.Ops.ManagedKernels.Instance);

        /// <summary>As the other overload, timing the pipeline on <paramref name="kernels"/> (and on the managed kernels beside it).</summary>
        public int Execute(string modelPath, string samplesFolder, bool json, bool precise, Edge.Asr.Ops.IOpKernels kernels)
        {
            byte[] bytes = File.ReadAllBytes(modelPath);
            ModelBlob blob = ModelBlob.Load(bytes);
            var cost = new PipelineCost(blob, bytes.Length);
            short[] audio = PipelineWorkload.ShippedSamples(samplesFolder, AudioSeconds);
            var workload = new PipelineWorkload(blob, audio, kernels);
            var managedWorkload = kernels == Edge.Asr.Ops.ManagedKernels.Instance ? workload : new PipelineWorkload(blob, audio, Edge.Asr.Ops.ManagedKernels.Instance);
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

            // The chosen and the managed pipeline alternate run by run, so a busy machine slows both alike.
            double pipelineManaged;
            double pipeline = BestSecondsInterleaved(() => workload.RunPipeline(), () => managedWorkload.RunPipeline(), out pipelineManaged);
            double frontend = BestSeconds(() => workload.RunFrontend());
            double model = BestSeconds(() => workload.RunModel());
            double detector = BestSeconds(() => workload.RunDetector());
            double rtf = pipeline / workload.AudioSeconds;
            double rtfManaged = (managedWorkload == workload ? pipeline : pipelineManaged) / workload.AudioSeconds;
            DeviceMeasurement device = MeasureDevice(blob, audio);
            var figures = new BenchFigures(rtf, cost.MacsPerSecond, cost.TensorBytes, cost.FlashBytes, cost.PeakRamBytes,
                load.NativeLoad, load.ManagedLoad)
            {
                Kernels = kernels.Name,
                RealtimeFactorManaged = rtfManaged,
                DeviceInstructionsPerAudioSecond = device.Cost?.Instructions,
                EstDeviceLoadEsp32C3 = device.Cost == null ? null : Edge.Asr.Sim.Native.DeviceLoad.Esp32C3(device.Cost.Instructions),
                EstDeviceLoadEsp32Derived = device.Cost == null ? null : Edge.Asr.Sim.Native.DeviceLoad.Esp32Derived(device.Cost.Instructions),
            };
            if (json)
            {
                _output.WriteLine(BenchJson.Serialize(figures));
                return ExitCodes.Success;
            }
            WriteText(modelPath, workload, cost, load, figures, frontend, model, detector);
            WriteDevice(device, figures);
            return ExitCodes.Success;
        }

        /// <summary>Seconds of audio that warm the streaming state up before the measured second (fills the attention caches).</summary>
        public const int DeviceWarmUpSeconds = 2;

        private sealed record DeviceMeasurement(Edge.Asr.Sim.Native.DeviceCost? Cost, string? Problem);

        /// <summary>
        /// Instructions of the native kernels for one second of audio in steady state, counted on rv32imc
        /// under qemu (DeviceCostMeasurement); a problem line instead when the cross tools are missing.
        /// </summary>
        private static DeviceMeasurement MeasureDevice(ModelBlob blob, short[] audio)
        {
            string? missing = Edge.Asr.Sim.Native.DeviceCostMeasurement.MissingTool();
            if (missing != null)
                return new DeviceMeasurement(null, missing + " not found (install gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc, as test.sh does)");
            string? root = Edge.Asr.Sim.Native.NativeLibraryLoader.NativeRoot();
            if (root == null) return new DeviceMeasurement(null, "native/ sources not found (run from the repository)");
            int frames = (int)PipelineCost.MelFramesPerSecond;
            byte[] trace = Edge.Asr.Sim.Native.DeviceCostMeasurement.RecordTrace(blob, audio, DeviceWarmUpSeconds * frames, frames);
            try
            {
                var cost = Edge.Asr.Sim.Native.DeviceCostMeasurement.Measure(trace, root, TimeSpan.FromMinutes(2));
                return cost.Mismatches == 0 ? new DeviceMeasurement(cost, null)
                    : new DeviceMeasurement(null, cost.Mismatches + " kernel outputs on rv32 differ from the C# reference");
            }
            catch (InvalidOperationException e)
            {
                return new DeviceMeasurement(null, e.Message.Split('\n')[0]);
            }
        }

        private void WriteDevice(DeviceMeasurement device, BenchFigures f)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine();
            _output.WriteLine("measured device cost of the native kernels (one second of audio after " + DeviceWarmUpSeconds.ToString(c)
                + " s of warm-up, replayed on rv32imc under qemu -icount, retired instructions):");
            if (device.Cost == null)
            {
                _output.WriteLine("  not measured: " + device.Problem);
                return;
            }
            foreach (var op in device.Cost.Ops)
                _output.WriteLine("  " + op.Name.PadRight(22) + N(op.Instructions) + " instructions in " + op.Calls.ToString("N0", c).PadLeft(6) + " calls");
            _output.WriteLine("  " + "total".PadRight(22) + N(device.Cost.Instructions) + " instructions per second of audio ("
                + device.Cost.Calls.ToString("N0", c) + " kernel calls; every output equal to the C# reference on rv32)");
            _output.WriteLine("  ESP32-C3 160 MHz    load " + f.EstDeviceLoadEsp32C3!.Value.ToString("0.000", c)
                + "  (1 instruction per cycle assumed)");
            _output.WriteLine("  ESP32 240 MHz       load " + f.EstDeviceLoadEsp32Derived!.Value.ToString("0.000", c)
                + "  (derived, not measured: the same instruction count on Xtensa LX6 at 1 per cycle)");
            _output.WriteLine("  managed (nanoCLR)   load " + f.EstDeviceLoadManaged.ToString("0.000", c) + "  (the estimate above, beside it)");
            _output.WriteLine("  not included: the managed glue between kernel calls, the detector"
                + " (the model's input norm, when it has one, is counted: running_mean_subtract)");
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
                + f.RealtimeFactor.ToString("0.000000", c) + " (" + (1 / f.RealtimeFactor).ToString("N0", c) + "x faster than real time), " + f.Kernels + " kernels");
            _output.WriteLine("  managed    " + Ms(f.RealtimeFactorManaged * audio) + " for " + audio.ToString(c) + " s: real-time factor "
                + f.RealtimeFactorManaged.ToString("0.000000", c) + " (the same pipeline on the managed kernels, same run)");
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
            _output.WriteLine("  peak RAM          " + N(cost.PeakRamBytes) + "  = weight window " + N(cost.ParameterRamBytes)
                + " + model state " + N(cost.ModelStateBytes) + " + model scratch " + N(cost.ModelBufferBytes - cost.ModelStateBytes)
                + " + frontend and detector " + N(cost.FrontendAndDetectorBytes) + " + capture buffers " + N(cost.CaptureBufferBytes));
            _output.WriteLine("                    (integer arrays only; object headers, strings and the I2S driver's "
                + Firmware.CaptureLoop.DmaBufferBytes.ToString(c) + "-byte DMA ring are not included)");
            _output.WriteLine("                    (the firmware's start-up memory check counts the same " + N(cost.StartupCheckBytes).Trim()
                + " bytes before it allocates: PipelineMemory)");
            _output.WriteLine("  peak RAM by the firmware's weight placement (WeightPlacement, counted the same way):");
            _output.WriteLine("    managed kernels, tensors in flash read through the window      " + N(cost.PeakRamBytes));
            _output.WriteLine("    native kernels, tensors read in place in flash (mapped)        " + N(cost.PeakRamBytesNativeInFlash));
            _output.WriteLine("    native kernels, tensors copied to RAM (resource not mappable)  " + N(cost.PeakRamBytesNativeCopy));
            _output.WriteLine();
            _output.WriteLine("estimated load of one " + (DeviceLoadEstimate.CoreHz / 1e6).ToString(c) + " MHz ESP32 core ("
                + N(load.OperationsPerSecond) + " MACs + look-ups per second of audio):");
            _output.WriteLine("  native kernels    " + f.EstDeviceLoadNative.ToString("0.000", c) + "  assuming "
                + DeviceLoadEstimate.NativeCyclesPerOperation.ToString(c) + " cycles per MAC or look-up (Xtensa LX6, 16-bit MAC; an assumption, not measured)");
            _output.WriteLine("  managed (nanoCLR) " + f.EstDeviceLoadManaged.ToString("0.000", c) + "  assuming "
                + load.IlInstructionsPerMac.ToString(c) + " IL instructions per MAC (counted in Linear.Compute's inner loop, the managed kernel) x "
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

        /// <summary>Best-of-N wall seconds of two calls measured alternately (after a warm-up of each).</summary>
        private static double BestSecondsInterleaved(Func<long> work, Func<long> other, out double otherBest)
        {
            work();
            other();
            double best = double.MaxValue;
            otherBest = double.MaxValue;
            for (int r = 0; r < Repetitions; r++)
            {
                long start = Stopwatch.GetTimestamp();
                work();
                best = Math.Min(best, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
                start = Stopwatch.GetTimestamp();
                other();
                otherBest = Math.Min(otherBest, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
            }
            return best;
        }

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
