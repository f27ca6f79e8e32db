using System;
using System.Globalization;
using System.IO;
using System.Threading;
using Edge.Asr.Sim.Audio;

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

        private readonly TextWriter _output;
        private readonly CancellationToken _stop;

        /// <summary><paramref name="stop"/> ends the loop after the current block (Ctrl+C on a microphone pipe).</summary>
        public RunCommand(TextWriter output, CancellationToken stop = default)
        {
            _output = output;
            _stop = stop;
        }

        /// <summary>True when the last <see cref="Process"/> was stopped before the end of its input.</summary>
        public bool Interrupted { get; private set; }

        /// <summary>Runs on an opened source and prints the report; returns the exit code (0).</summary>
        public int Execute(IAudioSource source)
        {
            AudioStatistics statistics = Process(source);
            Report(source, statistics);
            return ExitCodes.Success;
        }

        /// <summary>The per-block loop: every 16 kHz int16 block of the source passes through here once.</summary>
        public AudioStatistics Process(IAudioSource source)
        {
            var statistics = new AudioStatistics();
            var block = new short[BlockSamples];
            int n;
            Interrupted = false;
            while ((n = source.Read(block, 0, block.Length)) > 0)
            {
                statistics.Add(block, 0, n);
                if (_stop.IsCancellationRequested)
                {
                    Interrupted = true;
                    break;
                }
            }
            return statistics;
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
            if (Interrupted) _output.WriteLine("stopped:   interrupted before the end of the input");
        }

        private static string Db(double db) => double.IsNegativeInfinity(db) ? "-inf" : db.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
