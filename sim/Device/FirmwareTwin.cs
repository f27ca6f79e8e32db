using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using System.Runtime.ExceptionServices;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Audio;
using nanoFramework.Hardware.Esp32;

namespace Edge.Asr.Sim.Device
{
    /// <summary>One command event as the firmware reports it.</summary>
    public readonly record struct CommandEvent(int ClassIndex, string Label, int ConfidenceQ15, long TimeMs);

    /// <summary>What a twin run produced: the events, and the lines the firmware printed (the latest <see cref="KeptLines"/>).</summary>
    public sealed class TwinRun
    {
        /// <summary>Lines kept: a status line every 5 s would otherwise grow without bound on a live stream.</summary>
        public const int KeptLines = 1000;

        public List<CommandEvent> Events { get; } = new List<CommandEvent>();

        /// <summary>The latest lines the firmware printed, oldest first.</summary>
        public List<string> Lines { get; } = new List<string>();

        /// <summary>Lines printed in all, kept or not.</summary>
        public long LineCount { get; private set; }

        /// <summary>Keeps a line, dropping the oldest beyond <see cref="KeptLines"/>.</summary>
        public void AddLine(string line)
        {
            if (Lines.Count == KeptLines) Lines.RemoveAt(0);
            Lines.Add(line);
            LineCount++;
        }

        public List<int> SleepsMs { get; } = new List<int>();
        public long Blocks { get; set; }
        public long EncoderFrames { get; set; }
    }

    /// <summary>
    /// The desktop twin of the device: the firmware's own <see cref="CaptureLoop"/> (I2sDevice.Read →
    /// <see cref="I2sSampleExtractor"/> → <see cref="CommandPipeline"/>) fed by the facade's I2S device
    /// with the bytes an INMP441 gives the ESP32 (<see cref="SimulatedI2sStream"/>), and the plain PCM
    /// path (samples straight into a pipeline). Audio is fed in whole 100 ms blocks, the last one
    /// completed with silence, as the device would keep hearing. Uses the process-wide
    /// <see cref="DeviceSimulation"/> (Reset here; afterwards its GpioWrites show the LED blinks),
    /// so runs must not overlap.
    /// </summary>
    public static class FirmwareTwin
    {
        /// <summary><paramref name="pcm"/> followed by zeros up to a whole number of capture blocks.</summary>
        public static short[] PadToBlocks(short[] pcm)
        {
            ArgumentNullException.ThrowIfNull(pcm);
            int block = CaptureLoop.BlockSamples;
            var padded = new short[(pcm.Length + block - 1) / block * block];
            Array.Copy(pcm, padded, pcm.Length);
            return padded;
        }

        /// <summary>All samples of <paramref name="source"/> (16 kHz mono int16).</summary>
        public static short[] ReadAll(IAudioSource source)
        {
            ArgumentNullException.ThrowIfNull(source);
            var all = new List<short>();
            var buffer = new short[4096];
            int n;
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < n; i++) all.Add(buffer[i]);
            }
            return all.ToArray();
        }

        /// <summary>The plain PCM path: the padded samples pushed block by block into a pipeline.</summary>
        public static TwinRun RunPcm(short[] pcm, Func<ICommandSink, CommandPipeline> pipelineFor)
        {
            ArgumentNullException.ThrowIfNull(pipelineFor);
            var run = new TwinRun();
            var recorder = new Recorder(run, null);
            CommandPipeline pipeline = pipelineFor(recorder);
            short[] padded = PadToBlocks(pcm);
            for (int at = 0; at < padded.Length; at += CaptureLoop.BlockSamples)
            {
                pipeline.PushSamples(padded, at, CaptureLoop.BlockSamples);
                run.Blocks++;
            }
            run.EncoderFrames = pipeline.EncoderFrames;
            return run;
        }

        /// <summary>
        /// The simulated I2S path: the firmware's capture loop for <paramref name="board"/> reads the
        /// INMP441 bytes of the padded samples until they end. The loop prints (CMD, STATUS, I2S
        /// lines) into the run's Lines; its back-off waits are recorded, not slept.
        /// </summary>
        public static TwinRun RunI2s(short[] pcm, BoardConfig board, Func<ICommandSink, CommandPipeline> pipelineFor)
        {
            ArgumentNullException.ThrowIfNull(pcm);
            var bytes = new MemoryStream(new byte[pcm.Length * 2], writable: true);
            foreach (short s in pcm)
            {
                bytes.WriteByte((byte)s);
                bytes.WriteByte((byte)(s >> 8));
            }
            bytes.Position = 0;
            return RunI2s(new RawPcmSource(bytes, "pcm"), board, pipelineFor, null);
        }

        /// <summary>
        /// The simulated I2S path over a stream of audio (a WAV file or raw PCM on stdin), block by
        /// block: <see cref="SimulatedI2sStream"/> turns the audio (completed to whole blocks by
        /// <see cref="BlockPaddedSource"/>) into INMP441 bytes that the facade's I2sDevice.Read
        /// delivers to the firmware's capture loop, until the source ends. Every line the firmware
        /// prints goes to the run's Lines and, as it happens, to <paramref name="onLine"/>.
        /// </summary>
        public static TwinRun RunI2s(IAudioSource source, BoardConfig board, Func<ICommandSink, CommandPipeline> pipelineFor, Action<string>? onLine)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentNullException.ThrowIfNull(board);
            ArgumentNullException.ThrowIfNull(pipelineFor);
            var run = new TwinRun();
            var output = new LineRecorder(run, onLine);
            DeviceSimulation.Reset();
            using var gpio = new GpioController();
            GpioPin led = gpio.OpenPin(board.LedPin, PinMode.Output);
            var announcer = new CommandAnnouncer(output, led);
            CommandPipeline pipeline = pipelineFor(new Recorder(run, announcer));

            I2sSampleLayout layout = I2sSampleLayout.FromSettings(MicrophoneConfig.Configure(board.Pins), board.MicrophoneOnRight);
            // The firmware sees a failing source as a failing I2S read; the user must see the source's own error.
            var watched = new FailureWatchingSource(new BlockPaddedSource(source, CaptureLoop.BlockSamples));
            using var bytes = new SimulatedI2sStream(watched, layout);
            var ended = new EndAwareStream(bytes);
            DeviceSimulation.I2sSource = ended;

            var loop = new CaptureLoop(board, pipeline, announcer, output, new TwinClock(run));
            while (!ended.Ended)
            {
                bool stepped = loop.Step();
                if (watched.Failure != null)
                {
                    DeviceSimulation.I2sSource = null;
                    ExceptionDispatchInfo.Capture(watched.Failure).Throw(); // e.g. AudioFormatException: a one-line error, exit 1
                }
                if (stepped) run.Blocks++;
                else if (!ended.Ended) throw new InvalidOperationException("the capture loop failed: " + string.Join(" | ", run.Lines));
            }
            loop.Close();
            DeviceSimulation.I2sSource = null;
            run.EncoderFrames = pipeline.EncoderFrames;
            return run;
        }

        /// <summary>Passes a source through and remembers the first exception its Read threw.</summary>
        private sealed class FailureWatchingSource : IAudioSource
        {
            private readonly IAudioSource _inner;

            public FailureWatchingSource(IAudioSource inner) => _inner = inner;

            /// <summary>The first exception a Read threw, or null.</summary>
            public Exception? Failure { get; private set; }

            public AudioDescription Description => _inner.Description;

            public int Read(short[] buffer, int offset, int count)
            {
                try
                {
                    return _inner.Read(buffer, offset, count);
                }
                catch (Exception e)
                {
                    Failure ??= e;
                    throw;
                }
            }

            public void Dispose() => _inner.Dispose();
        }

        /// <summary>Knows when its stream has ended: a read returned nothing, or the next one would.</summary>
        private sealed class EndAwareStream : ForwardReadStream
        {
            private readonly Stream _inner;
            private readonly byte[] _one = new byte[1];
            private bool _hasPeeked;
            private bool _ended;

            public EndAwareStream(Stream inner) => _inner = inner;

            /// <summary>True once no byte is left.</summary>
            public bool Ended
            {
                get
                {
                    if (_ended || _hasPeeked) return _ended;
                    if (_inner.Read(_one, 0, 1) == 0) _ended = true;
                    else _hasPeeked = true;
                    return _ended;
                }
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (count == 0) return 0;
                if (_hasPeeked)
                {
                    buffer[offset] = _one[0];
                    _hasPeeked = false;
                    return 1 + Math.Max(0, _inner.Read(buffer, offset + 1, count - 1));
                }
                int n = _inner.Read(buffer, offset, count);
                if (n == 0) _ended = true;
                return n;
            }
        }

        /// <summary>Records events and passes them on (to the announcer on the I2S path).</summary>
        private sealed class Recorder : ICommandSink
        {
            private readonly TwinRun _run;
            private readonly ICommandSink? _next;

            public Recorder(TwinRun run, ICommandSink? next)
            {
                _run = run;
                _next = next;
            }

            public void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs)
            {
                _run.Events.Add(new CommandEvent(classIndex, label, confidenceQ15, timeMs));
                _next?.OnCommand(classIndex, label, confidenceQ15, timeMs);
            }
        }

        private sealed class LineRecorder : ILineOutput
        {
            private readonly TwinRun _run;
            private readonly Action<string>? _onLine;

            public LineRecorder(TwinRun run, Action<string>? onLine)
            {
                _run = run;
                _onLine = onLine;
            }

            public void WriteLine(string line)
            {
                _run.AddLine(line);
                _onLine?.Invoke(line);
            }
        }

        /// <summary>The facade's HighResTimer for load; back-off waits recorded instead of slept.</summary>
        private sealed class TwinClock : IDeviceClock
        {
            private readonly TwinRun _run;

            public TwinClock(TwinRun run) => _run = run;

            public long NowMicroseconds() => (long)HighResTimer.GetCurrent();

            public void Sleep(int milliseconds) => _run.SleepsMs.Add(milliseconds);
        }
    }
}
