using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Edge.Asr.Detector;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Sim.Device;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>I2S failures: printed, device disposed, re-opened after 100 ms doubling to 5 s; never silent.</summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class BackoffTests
    {
        [Fact]
        public void ScheduleDoublesFrom100MsTo5sAndRestartsAfterASuccess()
        {
            var b = new BackoffSchedule();
            int[] delays = Enumerable.Range(0, 9).Select(_ => b.NextDelayMs()).ToArray();
            Assert.Equal(new[] { 100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000 }, delays);
            Assert.Equal(9, b.Failures);
            b.Succeeded();
            Assert.Equal(0, b.Failures);
            Assert.Equal(100, b.NextDelayMs());
        }

        private sealed class FakeClock : IDeviceClock
        {
            public readonly List<int> Sleeps = new List<int>();
            public long Now;
            public long StepUs = 250;
            public long NowMicroseconds() => Now += StepUs; // every reading StepUs later (two readings per block)
            public void Sleep(int milliseconds) => Sleeps.Add(milliseconds);
        }

        private sealed class Lines : ILineOutput
        {
            public readonly List<string> All = new List<string>();
            public void WriteLine(string line) => All.Add(line);
        }

        /// <summary>
        /// The lines with each STATUS line's free bytes replaced by "&lt;n&gt;", after checking they are what the
        /// facade's GC.Run reports: the simulated heap less this thread's allocations, so below the heap.
        /// </summary>
        private static string[] WithFreeBytesHidden(IEnumerable<string> lines)
        {
            return lines.Select(l =>
            {
                System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(l, @" free=(\d+) ");
                if (!m.Success) return l;
                long free = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(free, 1, DeviceSimulation.DefaultHeapBytes - 1);
                return l.Replace(m.Value, " free=<n> ", StringComparison.Ordinal);
            }).ToArray();
        }

        private sealed class NoCommands : ICommandSink
        {
            public void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs) => throw new InvalidOperationException("unexpected command");
        }

        [Fact]
        public void ReadErrorsArePrintedBackedOffAndTheDeviceReopened()
        {
            var clock = new FakeClock();
            var lines = new Lines();
            var (loop, pipeline) = QuietLoop(clock, lines);

            // No I2S source: every read fails.
            for (int i = 0; i < 8; i++) Assert.False(loop.Step());
            Assert.Equal(new[] { 100, 200, 400, 800, 1600, 3200, 5000, 5000 }, clock.Sleeps);
            Assert.Equal(8, lines.All.Count);
            Assert.All(lines.All, l => Assert.StartsWith("I2S read failed: simulated I2S read failure: no I2S source", l));
            Assert.EndsWith("; retry 1 in 100 ms", lines.All[0]);
            Assert.EndsWith("; retry 8 in 5000 ms", lines.All[7]);
            Assert.Equal(8, DeviceSimulation.OpenedI2sDevices().Length); // re-opened each attempt
            Assert.All(DeviceSimulation.OpenedI2sDevices(), s => Assert.Equal(CaptureLoop.DmaBufferBytes, s.BufferSize));
            Assert.False(loop.IsOpen);

            // Audio arrives: 5 s of silence in INMP441 bytes.
            var layout = new I2sSampleLayout(4, 2, 0);
            DeviceSimulation.I2sSource = new MemoryStream(SimulatedI2sBytes.FromPcm16(layout, new short[CaptureLoop.StatusPeriodSamples], 0, CaptureLoop.StatusPeriodSamples));
            lines.All.Clear();
            for (int i = 0; i < 50; i++) Assert.True(loop.Step());
            Assert.Equal("I2S: reading again after 8 failure(s)", lines.All[0]);
            // One status line after 5 s of audio; the fake clock says 250 µs per block of 100 ms: 0.25%.
            Assert.Equal(new[] { "I2S: reading again after 8 failure(s)", "STATUS load=0.3% free=<n> frames=" + pipeline.EncoderFrames }, WithFreeBytesHidden(lines.All));
            Assert.Equal(125, pipeline.EncoderFrames); // (80000 − 400) / 160 + 1 = 498 mel frames; encoder frames at mel frames 0, 4, …, 496

            // The stream ends: the next failure waits 100 ms again.
            clock.Sleeps.Clear();
            Assert.False(loop.Step());
            Assert.Equal(new[] { 100 }, clock.Sleeps);
            Assert.Equal(9, loop.Errors);
        }

        /// <summary>
        /// A fresh simulated board and a capture loop over the test model whose detector has a
        /// threshold no posterior reaches: these tests are about the loop, not detections.
        /// </summary>
        private static (CaptureLoop Loop, CommandPipeline Pipeline) QuietLoop(FakeClock clock, Lines lines)
        {
            DeviceSimulation.Reset();
            var model = new ConformerModel(FirmwareTestModel.Parameters.Value);
            string[] labels = FirmwareTestModel.Labels(model);
            var detector = new CommandDetector(ModelStartup.CommandClasses(labels), DetectorSettings.FromBlobDefaults(labels.Length, 32767, 1, 0));
            var pipeline = new CommandPipeline(model, detector, labels, new NoCommands());
            return (new CaptureLoop(BoardConfig.DevKitInmp441(), pipeline, new CommandAnnouncer(lines, null), lines, clock), pipeline);
        }

        private static (CaptureLoop Loop, Lines Lines) LoopOverSilence(FakeClock clock, int seconds)
        {
            var lines = new Lines();
            CaptureLoop loop = QuietLoop(clock, lines).Loop;
            int samples = seconds * 16000;
            DeviceSimulation.I2sSource = new MemoryStream(SimulatedI2sBytes.FromPcm16(new I2sSampleLayout(4, 2, 0), new short[samples], 0, samples));
            for (int i = 0; i < samples / CaptureLoop.BlockSamples; i++) Assert.True(loop.Step());
            return (loop, lines);
        }

        [Fact]
        public void ReadsPacedByTheMicrophoneReportNoOverrun()
        {
            // 100 ms between read returns (50 ms processing, 50 ms waiting for audio): real time, 50% load.
            var (loop, lines) = LoopOverSilence(new FakeClock { StepUs = 50_000 }, 10);
            Assert.Equal(new[] { "STATUS load=50.0% free=<n> frames=125", "STATUS load=50.0% free=<n> frames=250" }, WithFreeBytesHidden(lines.All));
            Assert.Equal(0, loop.Overruns);
        }

        [Fact]
        public void ReadsSlowerThanTheAudioReportAnOverrun()
        {
            // 110 ms between read returns for 100 ms blocks: the DMA ring overflowed and 10 ms per block were lost.
            var (loop, lines) = LoopOverSilence(new FakeClock { StepUs = 55_000 }, 5);
            Assert.Equal(new[]
            {
                "I2S: overrun: 4900 ms of audio took 5390 ms (about 490 ms lost); lower the load",
                "STATUS load=55.0% free=<n> frames=125",
            }, WithFreeBytesHidden(lines.All));
            Assert.Equal(1, loop.Overruns);
        }

        [Fact]
        public void TheOverrunToleranceIsTwoPercent()
        {
            Assert.Equal(20, CaptureLoop.OverrunTolerancePerMille);
            // 49 blocks at 102 ms: 4998 ms for 4900 ms of audio is exactly 2% over: not reported; 104 ms is.
            Assert.Equal(0, LoopOverSilence(new FakeClock { StepUs = 51_000 }, 5).Loop.Overruns);
            Assert.Equal(1, LoopOverSilence(new FakeClock { StepUs = 52_000 }, 5).Loop.Overruns);
        }

        [Fact]
        public void OpenFailuresArePrintedAndRetriedWithTheSameBackoff()
        {
            var clock = new FakeClock();
            var lines = new Lines();
            CaptureLoop loop = QuietLoop(clock, lines).Loop;
            DeviceSimulation.I2sSource = new MemoryStream(new byte[CaptureLoop.BlockSamples * 8]);
            DeviceSimulation.FailingI2sOpens = 3;

            for (int i = 0; i < 3; i++) Assert.False(loop.Step());
            Assert.True(loop.Step());

            Assert.Equal(new[] { 100, 200, 400 }, clock.Sleeps);
            Assert.Equal(new[]
            {
                "I2S open failed: simulated I2S init failure: i2s_driver_install failed on bus 1; retry 1 in 100 ms",
                "I2S open failed: simulated I2S init failure: i2s_driver_install failed on bus 1; retry 2 in 200 ms",
                "I2S open failed: simulated I2S init failure: i2s_driver_install failed on bus 1; retry 3 in 400 ms",
                "I2S: reading again after 3 failure(s)",
            }, lines.All);
            Assert.Single(DeviceSimulation.OpenedI2sDevices());
            Assert.True(loop.IsOpen);
            Assert.Equal(1, loop.Blocks);
        }

        [Fact]
        public void ADeviceThatFailedToOpenIsFinalizedBeforeTheRetrySoItCannotUninstallTheNewDriver()
        {
            var clock = new FakeClock();
            var lines = new Lines();
            CaptureLoop loop = QuietLoop(clock, lines).Loop;
            DeviceSimulation.I2sSource = new MemoryStream(new byte[CaptureLoop.BlockSamples * 8 * 3]);
            DeviceSimulation.FailingI2sOpens = 1;

            Assert.False(loop.Step());
            Assert.True(loop.Step());
            // Whatever the GC finalizes now, the half-built device's finalizer has already run.
            GC.Collect();
            GC.WaitForPendingFinalizers();

            Assert.True(DeviceSimulation.I2sDriverInstalled(1));
            Assert.True(loop.Step());
            Assert.Equal(2, loop.Blocks);
            Assert.Equal(1, loop.Errors);
        }

        [Fact]
        public void AFailedReadDisposesTheDeviceBeforeTheRetryOpensANewOne()
        {
            var clock = new FakeClock();
            var lines = new Lines();
            CaptureLoop loop = QuietLoop(clock, lines).Loop;
            DeviceSimulation.I2sSource = new MemoryStream(new byte[CaptureLoop.BlockSamples * 8 * 2]);
            DeviceSimulation.FailingI2sReads = 1;

            Assert.False(loop.Step());
            Assert.False(DeviceSimulation.I2sDriverInstalled(1)); // the failed device was disposed: its driver is gone
            Assert.Equal("I2S read failed: simulated I2S read failure: i2s_read failed on bus 1; retry 1 in 100 ms", Assert.Single(lines.All));

            Assert.True(loop.Step());
            Assert.True(DeviceSimulation.I2sDriverInstalled(1));
            Assert.Equal(2, DeviceSimulation.OpenedI2sDevices().Length);
        }
    }
}
