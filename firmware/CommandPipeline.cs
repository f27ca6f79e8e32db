using System;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;
using Edge.Asr.Model;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The one audio path the device and the desktop twin both run: 16 kHz int16 samples → log-mel
    /// frontend → Conformer (an encoder frame every 4th mel frame) → command detector → the sink.
    /// Blocks of any size may be pushed; the result depends only on the sample sequence. Event time
    /// is the audio consumed when the event's window completed, in integer milliseconds from the
    /// stream start (samples · 1000 / 16000). Allocates only in the constructor.
    /// </summary>
    public sealed class CommandPipeline
    {
        private const int SamplesPerMs = LogMelFrontend.SampleRate / 1000;

        private readonly LogMelFrontend _frontend;
        private readonly short[] _mel = new short[LogMelFrontend.MelChannels];
        private readonly ConformerModel _model;
        private readonly CommandDetector _detector;
        private readonly string[] _labels;
        private readonly ICommandSink _sink;
        private long _samples;
        private long _melFrames;
        private long _encoderFrames;
        private long _events;
        private IEncoderFrameObserver _observer;

        /// <summary>
        /// A pipeline around <paramref name="model"/> and <paramref name="detector"/> (one class per
        /// label each) that reports events to <paramref name="sink"/>.
        /// </summary>
        public CommandPipeline(ConformerModel model, CommandDetector detector, string[] labels, ICommandSink sink)
        {
            if (model == null) throw new ArgumentException("model is null", "model");
            if (detector == null) throw new ArgumentException("detector is null", "detector");
            if (labels == null) throw new ArgumentException("labels is null", "labels");
            if (sink == null) throw new ArgumentException("sink is null", "sink");
            if (model.Config.MelBins != LogMelFrontend.MelChannels)
            {
                throw new ArgumentException("the model takes " + model.Config.MelBins.ToString() + " mel bins, the frontend makes "
                    + LogMelFrontend.MelChannels.ToString(), "model");
            }
            int classes = model.Posteriors.Length;
            if (detector.ClassCount != classes || labels.Length != classes)
            {
                throw new ArgumentException("class counts disagree: model " + classes.ToString() + ", detector "
                    + detector.ClassCount.ToString() + ", labels " + labels.Length.ToString(), "detector");
            }
            _model = model;
            _detector = detector;
            _labels = labels;
            _sink = sink;
            // Native model kernels bring the native frontend with them (same bits either way).
            IFrontendKernels frontendKernels = model.Kernels as IFrontendKernels;
            _frontend = frontendKernels != null ? new LogMelFrontend(frontendKernels) : new LogMelFrontend();
        }

        /// <summary>
        /// The pipeline every host builds (the firmware, run, bench): <paramref name="model"/>, a detector
        /// with <paramref name="settings"/> over the labels' command classes (fillers never fire), and the sink.
        /// </summary>
        public static CommandPipeline Create(ConformerModel model, DetectorSettings settings, string[] labels, ICommandSink sink)
        {
            if (settings == null) throw new ArgumentException("settings is null", "settings");
            return new CommandPipeline(model, new CommandDetector(ModelStartup.CommandClasses(labels), settings), labels, sink);
        }

        /// <summary>Samples pushed since construction or Reset.</summary>
        public long Samples { get { return _samples; } }

        /// <summary>Log-mel frames computed since construction or Reset.</summary>
        public long MelFrames { get { return _melFrames; } }

        /// <summary>Encoder frames (model outputs, one per 40 ms) since construction or Reset.</summary>
        public long EncoderFrames { get { return _encoderFrames; } }

        /// <summary>Command events reported since construction or Reset.</summary>
        public long Events { get { return _events; } }

        /// <summary>Milliseconds of audio pushed since construction or Reset (rounded down).</summary>
        public long AudioMs { get { return _samples / SamplesPerMs; } }

        /// <summary>Sets (or with null removes) the observer of each encoder frame's posteriors; the device sets none.</summary>
        public void Observe(IEncoderFrameObserver observer)
        {
            _observer = observer;
        }

        /// <summary>Runs <paramref name="count"/> samples from <paramref name="offset"/> through the pipeline.</summary>
        public void PushSamples(short[] samples, int offset, int count)
        {
            if (samples == null) throw new ArgumentException("samples is null", "samples");
            if (offset < 0 || count < 0 || offset > samples.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "samples " + offset.ToString() + ".." + (offset + count).ToString()
                    + " are outside an array of " + samples.Length.ToString());
            }
            while (count > 0)
            {
                int taken = _frontend.Push(samples, offset, count);
                offset += taken;
                count -= taken;
                _samples += taken;
                if (_frontend.HasFrame) ProcessFrame();
            }
        }

        /// <summary>Forgets all audio and state (frontend, model caches, detector history, counters).</summary>
        public void Reset()
        {
            _frontend.Reset();
            _model.Reset();
            _detector.Reset();
            _samples = 0;
            _melFrames = 0;
            _encoderFrames = 0;
            _events = 0;
        }

        private void ProcessFrame()
        {
            _frontend.ReadFrame(_mel, 0);
            _melFrames++;
            if (!_model.Process(_mel, 0)) return;
            if (_observer != null) _observer.OnEncoderFrame(_encoderFrames, _model.Posteriors, _samples);
            _encoderFrames++;
            if (!_detector.Process(_model.Posteriors, 0)) return;
            _events++;
            int c = _detector.EventClass;
            _sink.OnCommand(c, _labels[c], _detector.EventConfidenceQ15, _samples / SamplesPerMs);
        }
    }
}
