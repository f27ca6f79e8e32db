using System;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Detector;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// The device, simulated: a model blob loaded as the firmware loads it, and audio sent through
    /// the firmware's own capture loop as the INMP441 bytes the ESP32 I2S driver delivers
    /// (<see cref="FirmwareTwin.RunI2s(IAudioSource, BoardConfig, Func{ICommandSink, CommandPipeline}, Action{string}?)"/>).
    /// </summary>
    public sealed class SimulatedDevice
    {
        /// <summary>Where the shipped default model lives, relative to the repository root.</summary>
        public const string DefaultModelPath = "weights/default.easr";

        private readonly ModelBlob _blob;
        private readonly IOpKernels _kernels;

        private SimulatedDevice(string path, ModelBlob blob, IOpKernels kernels)
        {
            Path = path;
            _blob = blob;
            _kernels = kernels;
            Labels = blob.Labels();
            BlobModelLoader.BuildModel(blob); // a blob whose tensors build no model is refused here, once
        }

        public string Path { get; }

        /// <summary>The kernels the engine runs on.</summary>
        public IOpKernels Kernels => _kernels;

        public string[] Labels { get; }

        /// <summary>
        /// The model named by --model, else the default model (from the working folder or the
        /// repository root the ./edge-asr script names in EDGE_ASR_HOME); null when there is none.
        /// Blob errors throw BlobFormatException ("model blob: ...").
        /// </summary>
        public static SimulatedDevice? Open(string? modelPath) => Open(modelPath, ManagedKernels.Instance);

        /// <summary>As <see cref="Open(string?)"/>, the engine's ops running on <paramref name="kernels"/>.</summary>
        public static SimulatedDevice? Open(string? modelPath, IOpKernels kernels)
        {
            string? path = modelPath ?? FindDefault();
            if (path == null) return null;
            if (!File.Exists(path)) throw new BlobFormatException(path + ": no such file");
            return new SimulatedDevice(path, ModelBlob.Load(File.ReadAllBytes(path)), kernels);
        }

        private static string? FindDefault()
        {
            if (File.Exists(DefaultModelPath)) return DefaultModelPath;
            string? home = Environment.GetEnvironmentVariable("EDGE_ASR_HOME");
            if (home == null) return null;
            string path = System.IO.Path.Combine(home, DefaultModelPath);
            return File.Exists(path) ? path : null;
        }

        /// <summary>Runs the audio through the simulated I2S path; each line the firmware prints goes to onLine as it happens.</summary>
        public TwinRun Run(IAudioSource source, Action<string>? onLine) => Run(source, onLine, null, null);

        /// <summary>
        /// As <see cref="Run(IAudioSource, Action{string}?)"/>, with every class's detector threshold
        /// replaced by <paramref name="thresholdQ15"/> when given (1..32767), and
        /// <paramref name="observer"/> seeing each encoder frame's posteriors (the device has none).
        /// </summary>
        public TwinRun Run(IAudioSource source, Action<string>? onLine, int? thresholdQ15, IEncoderFrameObserver? observer)
        {
            return FirmwareTwin.RunI2s(source, BoardExtraction.DefaultBoard, sink =>
            {
                CommandPipeline pipeline = Pipeline(sink, thresholdQ15);
                pipeline.Observe(observer);
                return pipeline;
            }, onLine);
        }

        /// <summary>The firmware's pipeline over this blob: frontend → model → detector with the blob's defaults.</summary>
        public CommandPipeline Pipeline(ICommandSink sink) => Pipeline(sink, null);

        /// <summary>The pipeline with the detector of <see cref="DetectorSettingsFor(int?)"/>.</summary>
        public CommandPipeline Pipeline(ICommandSink sink, int? thresholdQ15)
        {
            return CommandPipeline.Create(BlobModelLoader.BuildModel(_blob, _kernels), DetectorSettingsFor(thresholdQ15), Labels, sink);
        }

        /// <summary>
        /// The blob's detector defaults; with <paramref name="thresholdQ15"/> every class's threshold
        /// is that one (smoothing and refractory period stay the blob's).
        /// </summary>
        public DetectorSettings DetectorSettingsFor(int? thresholdQ15)
        {
            DetectorSettings blob = DetectorSettings.FromBlob(_blob.Detector, Labels.Length);
            return thresholdQ15.HasValue ? Edge.Asr.Sim.Eval.DetectorThresholds.Uniform(blob, thresholdQ15.Value) : blob;
        }
    }
}
