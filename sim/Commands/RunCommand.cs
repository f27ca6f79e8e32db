using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Collections.Generic;
using Edge.Asr.Frontend;
using Edge.Asr.Model;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Sim.Report;
using Edge.Asr.Sim.Views;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr run &lt;wav|-&gt;</c>: streams the audio block by block and reports what it heard.
    /// <see cref="Process"/> is the per-block loop; the frontend (log-mel view) and the engine hook in there.
    /// </summary>
    public sealed class RunCommand
    {
        /// <summary>100 ms of 16 kHz audio per block, a whole number of 10 ms hops.</summary>
        public const int BlockSamples = 1600;

        /// <summary>
        /// Seconds of log-mel frames and posteriors the report keeps (the latest ones): the
        /// spectrogram and the HTML report show at most this much, so memory stays the same
        /// however long a stream runs. Statistics, the loudest frame and the commands cover it all.
        /// </summary>
        public const int ReportWindowSeconds = 300;

        private const int MelFramesPerSecond = LogMelFrontend.SampleRate / LogMelFrontend.HopLength;

        private readonly TextWriter _output;
        private readonly CancellationToken _stop;
        private readonly int _windowSeconds;
        private RecentFrames _frames;
        private long _loudestFrame;
        private long _loudestEnergy = -1;
        private Edge.Asr.Firmware.BoardConfig _board = BoardExtraction.DefaultBoard;
        private long _clipped;

        /// <summary><paramref name="stop"/> ends the loop after the current block (Ctrl+C on a microphone pipe).</summary>
        /// <param name="windowSeconds">seconds of frames the report keeps (<see cref="ReportWindowSeconds"/>).</param>
        public RunCommand(TextWriter output, CancellationToken stop = default, int windowSeconds = ReportWindowSeconds)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(windowSeconds, 1);
            _output = output;
            _stop = stop;
            _windowSeconds = windowSeconds;
            _frames = new RecentFrames(LogMelFrontend.MelChannels, 1);
        }

        /// <summary>True when the last <see cref="Process"/> was stopped before the end of its input.</summary>
        public bool Interrupted { get; private set; }

        /// <summary>The log-mel frames the report kept from the last <see cref="Process"/> (the latest ones), in order.</summary>
        public IReadOnlyList<short[]> Frames => _frames.ToArray();

        /// <summary>Log-mel frames the frontend computed in the last <see cref="Process"/>, kept or not.</summary>
        public long FrameCount => _frames.Total;

        /// <summary>
        /// Runs on an opened source and prints the report; returns the exit code (0). With a
        /// device (a model), the audio goes through the firmware's own capture loop as simulated
        /// I2S bytes, and each command line the firmware prints is shown as it happens.
        /// <paramref name="options"/> (needs a device): --threshold for every class, --json
        /// instead of the text report, --report to also write the HTML report.
        /// </summary>
        public int Execute(IAudioSource source, int width = 80, bool colour = false, SimulatedDevice? device = null, RunOptions? options = null)
        {
            options ??= RunOptions.None;
            AudioStatistics statistics;
            if (device == null)
            {
                statistics = Process(source);
                Report(source, statistics);
                ReportLogMel(width, colour);
                return ExitCodes.Success;
            }
            if (!options.Json)
            {
                _output.WriteLine("model:     " + device.Path + " (" + string.Join(", ", device.Labels) + ")");
                if (options.Threshold.HasValue)
                    _output.WriteLine("threshold: " + options.Threshold.Value.ToString(CultureInfo.InvariantCulture) + " for every command (Q15 "
                        + options.ThresholdQ15!.Value.ToString(CultureInfo.InvariantCulture) + "), instead of the model's");
            }
            statistics = new AudioStatistics();
            ObservedAudioSource observed = Observe(source, statistics);
            var posteriors = new PosteriorRecorder(_windowSeconds * ModelCost.EncoderFramesPerSecond);
            var eventFrames = new List<long>();
            TwinRun run = device.Run(observed, line =>
            {
                if (!line.StartsWith("CMD ", StringComparison.Ordinal)) return;
                eventFrames.Add(posteriors.LastFrame); // the event fired on the frame just observed
                if (!options.Json) _output.WriteLine(line + "   (serial line: label, confidence, ms from the start)");
            }, options.ThresholdQ15, posteriors);
            Interrupted = observed.Stopped;
            var detections = new List<StreamDetection>();
            for (int i = 0; i < run.Events.Count; i++)
            {
                CommandEvent e = run.Events[i];
                // Matched is a stream-evaluation notion; a run has no labelled keywords.
                detections.Add(new StreamDetection(e.ClassIndex, e.Label, e.ConfidenceQ15 / 32768.0, eventFrames[i], false));
            }
            if (options.ReportPath != null)
            {
                string html = RunHtmlReport.Build("edge-asr run " + source.Description.Name + ", model " + device.Path, _frames.ToArray(), ToArray(posteriors.Posteriors),
                    device.Labels, device.DetectorSettingsFor(options.ThresholdQ15), detections, _frames.First, posteriors.FirstKept);
                File.WriteAllText(options.ReportPath, html);
            }
            if (options.Json)
            {
                _output.WriteLine(RunJson.Serialize(source.Description, device.Path, device.Labels, options.Threshold, detections,
                    run.EncoderFrames, statistics.DurationSeconds));
                return ExitCodes.Success;
            }
            _output.WriteLine("commands:  " + run.Events.Count.ToString(CultureInfo.InvariantCulture) + " detected in "
                + run.EncoderFrames.ToString(CultureInfo.InvariantCulture) + " encoder frames (firmware capture loop on simulated INMP441 I2S bytes)");
            if (options.ReportPath != null) _output.WriteLine("report:    " + options.ReportPath);
            Report(source, statistics);
            ReportLogMel(width, colour);
            return ExitCodes.Success;
        }

        private static short[][] ToArray(IReadOnlyList<short[]> list)
        {
            var a = new short[list.Count][];
            for (int i = 0; i < a.Length; i++) a[i] = list[i];
            return a;
        }

        /// <summary>The per-block loop: every 16 kHz int16 block of the source passes through here once.</summary>
        public AudioStatistics Process(IAudioSource source)
        {
            var statistics = new AudioStatistics();
            ObservedAudioSource observed = Observe(source, statistics);
            var block = new short[BlockSamples];
            while (observed.Read(block, 0, block.Length) > 0)
            {
            }
            Interrupted = observed.Stopped;
            return statistics;
        }

        /// <summary>
        /// The source as the report sees it: every block read from it (by this loop or by the
        /// simulated device) adds to the statistics and the frontend's frames; Ctrl+C ends it.
        /// </summary>
        private ObservedAudioSource Observe(IAudioSource source, AudioStatistics statistics)
        {
            var frontend = new LogMelFrontend();
            var completed = new List<short[]>();
            // The view shows what the pipeline sees: the samples after the board's extraction (gain, clipping).
            var board = new BoardExtraction(BoardExtraction.DefaultBoard);
            var boardBlock = new short[BlockSamples];
            _board = board.Board;
            _clipped = 0;
            _frames = new RecentFrames(LogMelFrontend.MelChannels, _windowSeconds * MelFramesPerSecond);
            _loudestFrame = 0;
            _loudestEnergy = -1;
            Interrupted = false;
            return new ObservedAudioSource(source, (block, offset, n) =>
            {
                statistics.Add(block, offset, n);
                if (boardBlock.Length < n) boardBlock = new short[n];
                Array.Copy(block, offset, boardBlock, 0, n);
                board.Apply(boardBlock, 0, n);
                for (int i = 0; i < n; i++)
                    if (boardBlock[i] == short.MaxValue || boardBlock[i] == short.MinValue) _clipped++;
                FrontendFrames.Push(frontend, boardBlock, 0, n, completed);
                foreach (short[] frame in completed) Keep(frame);
                completed.Clear();
            }, _stop);
        }

        // Every frame counts for the loudest one; only the latest are kept for the view.
        private void Keep(short[] frame)
        {
            long sum = 0;
            foreach (short v in frame) sum += v;
            if (sum > _loudestEnergy)
            {
                _loudestEnergy = sum;
                _loudestFrame = _frames.Total;
            }
            _frames.Add(frame);
        }

        /// <summary>The frontend's view: a terminal spectrogram and where the loudest frame is.</summary>
        private void ReportLogMel(int width, bool colour)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            if (_frames.Total == 0)
            {
                _output.WriteLine("log-mel:   no frame (shorter than one 25 ms window)");
                return;
            }
            double mean = _loudestEnergy / (double)LogMelFrontend.MelChannels / 256.0;
            _output.WriteLine("log-mel:   " + _frames.Total.ToString(c) + " frames x " + LogMelFrontend.MelChannels.ToString(c)
                + " bands (" + LogMelFrontend.MelLowHz.ToString(c) + "-" + LogMelFrontend.MelHighHz.ToString(c) + " Hz); loudest frame at "
                + (_loudestFrame * LogMelFrontend.HopLength / (double)LogMelFrontend.SampleRate).ToString("0.00", c) + " s (mean log2 energy "
                + mean.ToString("0.0", c) + ")");
            if (_frames.Truncated)
                _output.WriteLine("view:      the last " + _windowSeconds.ToString(c) + " s only (from "
                    + (_frames.First * LogMelFrontend.HopLength / (double)LogMelFrontend.SampleRate).ToString("0.00", c)
                    + " s): a long input is not held in memory");
            new SpectrogramView().Write(_output, _frames.ToArray(), width, colour);
        }

        private void Report(IAudioSource source, AudioStatistics s)
        {
            AudioDescription d = source.Description;
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("input:     " + d.Name);
            _output.WriteLine("format:    " + d.Summary());
            if (d.DurationSeconds.HasValue)
                _output.WriteLine("length:    " + d.FrameCount!.Value.ToString(c) + " sample frames, " + d.DurationSeconds.Value.ToString("0.000", c) + " s");
            string conversion = d.SampleRate == IAudioSource.OutputSampleRate ? "none needed" : "resampled " + d.SampleRate.ToString(c) + " Hz -> 16000 Hz";
            if (d.Channels > 1) conversion += ", " + d.Channels.ToString(c) + " channels averaged to mono";
            _output.WriteLine("to 16 kHz: " + conversion);
            _output.WriteLine("audio:     " + s.SampleCount.ToString(c) + " samples at 16 kHz, " + s.DurationSeconds.ToString("0.000", c) + " s");
            _output.WriteLine("frames:    " + s.FrameCount.ToString(c) + " (25 ms windows every 10 ms)");
            _output.WriteLine("peak:      " + Db(s.PeakDbfs) + " dBFS (" + s.Peak.ToString(c) + ")");
            _output.WriteLine("rms:       " + Db(s.RmsDbfs) + " dBFS");
            _output.WriteLine("board:     " + _board.Name + ", gain x" + (1 << _board.GainShift).ToString(c) + " in its I2S sample extraction: "
                + _clipped.ToString(c) + " samples at full scale after it"
                + (s.SampleCount > 0 ? " (" + (100.0 * _clipped / s.SampleCount).ToString("0.0", c) + " %)" : "")
                + "; the model and the log-mel view below see these samples");
            if (Interrupted) _output.WriteLine("stopped:   interrupted before the end of the input");
        }

        private static string Db(double db) => double.IsNegativeInfinity(db) ? "-inf" : db.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
