using System;
using System.Collections.Generic;
using System.Device.I2s;
using System.IO;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Audio;
using nanoFramework.Hardware.Esp32;

namespace Edge.Asr.Sim.Device
{
    /// <summary>One command event as the firmware reports it.</summary>
    public readonly record struct CommandEvent(int ClassIndex, string Label, int ConfidenceQ15, long TimeMs);

    /// <summary>What a twin run produced: the events, and every line the firmware printed.</summary>
    public sealed class TwinRun
    {
        public List<CommandEvent> Events { get; } = new List<CommandEvent>();
        public List<string> Lines { get; } = new List<string>();
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
    /// <see cref="DeviceSimulation"/> (Reset here), so runs must not overlap.
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
            ArgumentNullException.ThrowIfNull(board);
            ArgumentNullException.ThrowIfNull(pipelineFor);
            var run = new TwinRun();
            var output = new LineRecorder(run);
            var announcer = new CommandAnnouncer(output, null);
            CommandPipeline pipeline = pipelineFor(new Recorder(run, announcer));

            DeviceSimulation.Reset();
            I2sSampleLayout layout = I2sSampleLayout.FromSettings(MicrophoneConfig.Configure(board.Pins), board.MicrophoneOnRight);
            short[] padded = PadToBlocks(pcm);
            var bytes = new MemoryStream(SimulatedI2sBytes.FromPcm16(layout, padded, 0, padded.Length), writable: false);
            DeviceSimulation.I2sSource = bytes;

            var loop = new CaptureLoop(board, pipeline, announcer, output, new TwinClock(run), new NativeFreeMemory(false));
            while (bytes.Position < bytes.Length)
            {
                if (loop.Step()) run.Blocks++;
                else if (loop.Errors > 3) throw new InvalidOperationException("the capture loop keeps failing: " + string.Join(" | ", run.Lines));
            }
            loop.Close();
            run.EncoderFrames = pipeline.EncoderFrames;
            return run;
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

            public LineRecorder(TwinRun run) => _run = run;

            public void WriteLine(string line) => _run.Lines.Add(line);
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
