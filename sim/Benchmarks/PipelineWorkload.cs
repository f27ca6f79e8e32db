using System;
using System.Collections.Generic;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Detector;
using Edge.Asr.Firmware;
using Edge.Asr.Frontend;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;

namespace Edge.Asr.Sim.Benchmarks
{
    /// <summary>
    /// The firmware's pipeline (frontend → Conformer → detector) over a model blob and a fixed
    /// stretch of 16 kHz audio, with each stage also runnable on its own for per-stage timing.
    /// Everything is allocated here; the Run methods allocate nothing.
    /// </summary>
    public sealed class PipelineWorkload
    {
        private readonly short[] _audio;
        private readonly CommandPipeline _pipeline;
        private readonly LogMelFrontend _frontend;
        private readonly ConformerModel _model;
        private readonly CommandDetector _detector;
        private readonly short[][] _mel;
        private readonly short[][] _posteriors;
        private readonly CountingSink _sink = new CountingSink();

        public PipelineWorkload(ModelBlob blob, short[] audio) : this(blob, audio, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, the engine's ops running on <paramref name="kernels"/>.</summary>
        public PipelineWorkload(ModelBlob blob, short[] audio, IOpKernels kernels)
        {
            ArgumentNullException.ThrowIfNull(blob);
            ArgumentNullException.ThrowIfNull(audio);
            _audio = audio;
            // The frontend stage on the same kernels as the pipeline's (which takes them from its model).
            _frontend = kernels is IFrontendKernels native ? new LogMelFrontend(native) : new LogMelFrontend();
            string[] labels = blob.Labels();
            _pipeline = CommandPipeline.Create(BlobModelLoader.BuildModel(blob, kernels), DetectorSettings.FromBlob(blob.Detector, labels.Length), labels, _sink);
            _model = BlobModelLoader.BuildModel(blob, kernels);
            _detector = NewDetector(blob, labels);
            int melFrames = audio.Length < LogMelFrontend.WindowLength ? 0
                : 1 + (audio.Length - LogMelFrontend.WindowLength) / LogMelFrontend.HopLength;
            _mel = new short[melFrames][];
            for (int f = 0; f < melFrames; f++) _mel[f] = new short[LogMelFrontend.MelChannels];
            RunFrontend();
            var posteriors = new List<short[]>();
            _model.Reset();
            foreach (short[] frame in _mel)
                if (_model.Process(frame, 0)) posteriors.Add((short[])_model.Posteriors.Clone());
            _posteriors = posteriors.ToArray();
        }

        public double AudioSeconds => _audio.Length / (double)LogMelFrontend.SampleRate;

        public int MelFrames => _mel.Length;

        public int EncoderFrames => _posteriors.Length;

        /// <summary>The pipeline the device runs, in capture blocks of 100 ms; returns the events.</summary>
        public long RunPipeline()
        {
            _pipeline.Reset();
            for (int at = 0; at < _audio.Length; at += CaptureLoop.BlockSamples)
                _pipeline.PushSamples(_audio, at, Math.Min(CaptureLoop.BlockSamples, _audio.Length - at));
            return _pipeline.Events;
        }

        /// <summary>The frontend alone, in capture blocks; returns the frames.</summary>
        public int RunFrontend()
        {
            _frontend.Reset();
            int frames = 0;
            for (int at = 0; at < _audio.Length;)
            {
                at += _frontend.Push(_audio, at, Math.Min(CaptureLoop.BlockSamples, _audio.Length - at));
                if (_frontend.HasFrame) _frontend.ReadFrame(_mel[frames++], 0);
            }
            return frames;
        }

        /// <summary>The model alone on the frontend's frames; returns the encoder frames.</summary>
        public int RunModel()
        {
            _model.Reset();
            int encoderFrames = 0;
            for (int f = 0; f < _mel.Length; f++)
                if (_model.Process(_mel[f], 0)) encoderFrames++;
            return encoderFrames;
        }

        /// <summary>The detector alone on the model's posteriors; returns the events.</summary>
        public int RunDetector()
        {
            _detector.Reset();
            int events = 0;
            for (int e = 0; e < _posteriors.Length; e++)
                if (_detector.Process(_posteriors[e], 0)) events++;
            return events;
        }

        private static CommandDetector NewDetector(ModelBlob blob, string[] labels)
            => new CommandDetector(ModelStartup.CommandClasses(labels), DetectorSettings.FromBlob(blob.Detector, labels.Length));

        /// <summary>
        /// The shipped samples (samples/*.wav in name order, at 16 kHz) joined and repeated to
        /// <paramref name="seconds"/> seconds: real speech with commands in it, as the board hands
        /// it to the pipeline (<see cref="BoardExtraction"/>: the device's gain and clipping).
        /// </summary>
        public static short[] ShippedSamples(string samplesFolder, int seconds)
        {
            string[] files = Directory.GetFiles(samplesFolder, "*.wav");
            if (files.Length == 0) throw new FileNotFoundException("no .wav in " + samplesFolder);
            Array.Sort(files, StringComparer.Ordinal);
            var joined = new List<short>();
            foreach (string file in files)
            {
                using IAudioSource source = AudioSources.Open(file, () => throw new InvalidOperationException("no stdin"));
                joined.AddRange(FirmwareTwin.ReadAll(source));
            }
            var audio = new short[seconds * LogMelFrontend.SampleRate];
            for (int i = 0; i < audio.Length; i++) audio[i] = joined[i % joined.Count];
            return BoardExtraction.Of(audio, BoardExtraction.DefaultBoard);
        }

        private sealed class CountingSink : ICommandSink
        {
            public long Count;

            public void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs) => Count++;
        }
    }
}
