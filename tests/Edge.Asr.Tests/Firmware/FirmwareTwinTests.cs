using System;
using System.IO;
using System.Linq;
using Edge.Asr.Detector;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Edge.Asr.Tests.NfProj;
using Edge.Asr.Tests.Portability;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// The desktop twin: samples/commands.wav through the firmware's own capture loop (simulated
    /// INMP441 bytes → I2sDevice.Read → sample extraction → CommandPipeline) gives exactly the
    /// events of the plain PCM path.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class FirmwareTwinTests
    {
        private readonly ITestOutputHelper _log;

        public FirmwareTwinTests(ITestOutputHelper log) => _log = log;

        private const int LowThresholdQ15 = 2949; // 0.09: the random model's posteriors hover around 1/12

        private static CommandPipeline Pipeline(ICommandSink sink)
        {
            var model = new ConformerModel(FirmwareTestModel.Parameters.Value);
            int classes = model.Config.Classes;
            var labels = new string[classes];
            for (int c = 0; c < classes; c++) labels[c] = model.Config.Label(c);
            var detector = new CommandDetector(ModelStartup.CommandClasses(labels),
                DetectorSettings.FromBlobDefaults(classes, LowThresholdQ15, 3, 200));
            return new CommandPipeline(model, detector, labels, sink);
        }

        private static short[] Wav(string name)
        {
            using var source = WavFileSource.Open(Path.Combine(RepoLayout.Root, "samples", name));
            return FirmwareTwin.ReadAll(source);
        }

        // Gain shift 0: the simulated microphone carries the WAV's 16 bits at the top of its 24, so extraction returns them unchanged.
        private static BoardConfig TwinBoard() => new BoardConfig("twin", BoardConfig.DevKitInmp441().Pins, 2, 0, false);

        private static int StatusLinesExpected(TwinRun run) => (int)(run.Blocks * CaptureLoop.BlockSamples / CaptureLoop.StatusPeriodSamples);

        [Fact]
        public void CommandsWavGivesTheSameEventsThroughSimulatedI2sAsThroughPcm()
        {
            // commands.wav then the single words and commands.wav again: over 5 s, so a status line is printed too.
            short[] pcm = Wav("commands.wav").Concat(Wav("yes.wav")).Concat(Wav("stop.wav")).Concat(Wav("commands.wav")).ToArray();

            TwinRun direct = FirmwareTwin.RunPcm(pcm, Pipeline);
            TwinRun i2s = FirmwareTwin.RunI2s(pcm, TwinBoard(), Pipeline);

            _log.WriteLine(pcm.Length + " samples, " + i2s.Blocks + " blocks, " + i2s.EncoderFrames + " encoder frames, " + direct.Events.Count + " events");
            foreach (string line in i2s.Lines) _log.WriteLine(line);
            Assert.True(direct.Events.Count >= 3, "too few events to compare: " + direct.Events.Count);
            Assert.True(StatusLinesExpected(i2s) >= 1);
            Assert.Equal(direct.Events, i2s.Events);
            Assert.Equal(direct.EncoderFrames, i2s.EncoderFrames);
            Assert.Equal(direct.Blocks, i2s.Blocks);
            Assert.True(i2s.EncoderFrames > 0);

            // The I2S path printed one CMD line per event, in the documented format, and a STATUS line per 5 s.
            GpioWrite[] led = DeviceSimulation.GpioWrites();
            Assert.Equal(direct.Events.Count, led.Count(w => w.Pin == 2 && w.High));
            Assert.All(led, w => Assert.Equal(2, w.Pin));
            string[] cmd = i2s.Lines.Where(l => l.StartsWith("CMD ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(direct.Events.Select(e => SerialFormat.CommandLine(e.Label, e.ConfidenceQ15, e.TimeMs)), cmd);
            int statusLines = i2s.Lines.Count(l => l.StartsWith("STATUS load=", StringComparison.Ordinal));
            Assert.Equal(StatusLinesExpected(i2s), statusLines);
            // Events lie inside the audio and are 10 ms hop multiples offset by the 25 ms window.
            foreach (CommandEvent e in direct.Events)
            {
                Assert.InRange(e.TimeMs, 25, FirmwareTwin.PadToBlocks(pcm).Length / 16);
                Assert.Equal(5, (int)(e.TimeMs % 10));
            }
        }

        [Fact]
        public void AWavFileStreamsThroughTheI2sPathBlockByBlock()
        {
            // The streaming form the CLI uses: the WAV file source straight into the simulated microphone.
            TwinRun direct = FirmwareTwin.RunPcm(Wav("commands.wav"), Pipeline);
            var streamed = new System.Collections.Generic.List<string>();
            TwinRun i2s;
            using (var source = WavFileSource.Open(Path.Combine(RepoLayout.Root, "samples", "commands.wav")))
            {
                i2s = FirmwareTwin.RunI2s(source, TwinBoard(), Pipeline, streamed.Add);
            }

            Assert.NotEmpty(direct.Events);
            Assert.Equal(direct.Events, i2s.Events);
            Assert.Equal(direct.Blocks, i2s.Blocks);
            Assert.Equal(i2s.Lines, streamed);
            Assert.Null(DeviceSimulation.I2sSource);
        }

        [Fact]
        public void PaddingCompletesTheLastBlockWithSilence()
        {
            var bytes = new MemoryStream(new byte[] { 1, 0, 2, 0, 3, 0 });
            var padded = new BlockPaddedSource(new RawPcmSource(bytes, "three"), 4);
            var buffer = new short[10];
            int n = 0, got;
            while ((got = padded.Read(buffer, n, buffer.Length - n)) > 0) n += got;
            Assert.Equal(4, n);
            Assert.Equal(new short[] { 1, 2, 3, 0 }, buffer.Take(4).ToArray());
            Assert.Equal(1600, FirmwareTwin.PadToBlocks(new short[1]).Length);
            Assert.Equal(1600, FirmwareTwin.PadToBlocks(new short[1600]).Length);
            Assert.Empty(FirmwareTwin.PadToBlocks(new short[0]));
        }

        [Fact]
        public void AGainShiftChangesTheSamplesSoTheI2sPathIsReallyUsed()
        {
            // Same audio, gain ×4 at extraction: the I2S path must differ from the PCM path somewhere.
            short[] pcm = Wav("commands.wav");
            var loud = new BoardConfig("twin x4", BoardConfig.DevKitInmp441().Pins, 2, 2, false);

            TwinRun direct = FirmwareTwin.RunPcm(pcm, Pipeline);
            TwinRun i2s = FirmwareTwin.RunI2s(pcm, loud, Pipeline);

            Assert.NotEqual(direct.Events, i2s.Events);
        }

        [Fact]
        public void TheLedBlinksOncePerCommand()
        {
            DeviceSimulation.Reset();
            var gpio = new System.Device.Gpio.GpioController();
            var led = gpio.OpenPin(2, System.Device.Gpio.PinMode.Output);
            var lines = new System.Collections.Generic.List<string>();
            var announcer = new CommandAnnouncer(new Lines(lines), led);

            announcer.OnCommand(3, "yes", 28606, 1525);
            announcer.Tick(1600);
            announcer.Tick(1725);
            announcer.Tick(1800);

            Assert.Equal(new[] { "CMD yes 0.873 1525" }, lines);
            Assert.Equal(new[] { new GpioWrite(2, true), new GpioWrite(2, false) }, DeviceSimulation.GpioWrites());
        }

        private sealed class Lines : ILineOutput
        {
            private readonly System.Collections.Generic.List<string> _lines;
            public Lines(System.Collections.Generic.List<string> lines) => _lines = lines;
            public void WriteLine(string line) => _lines.Add(line);
        }
    }
}
