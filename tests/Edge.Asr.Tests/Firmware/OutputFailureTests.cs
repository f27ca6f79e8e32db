using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using System.Linq;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Device;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// Output failures stay outside recognition (issue 16, item 7): a LED pin whose writes throw, or
    /// a serial console that fails for a while, is reported and retried with back-off, and the
    /// capture loop goes on recognising every command.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class OutputFailureTests
    {
        private sealed class Lines : ILineOutput
        {
            public readonly List<string> All = new List<string>();
            public void WriteLine(string line) => All.Add(line);
        }

        private sealed class FakeClock : IDeviceClock
        {
            public long Now;
            public long NowMicroseconds() => Now;
            public void Sleep(int milliseconds) => Now += milliseconds * 1000L;
        }

        /// <summary>A console whose writes throw while <see cref="Broken"/> is set.</summary>
        private sealed class FlakySerial : ILineOutput
        {
            public readonly List<string> Written = new List<string>();
            public bool Broken;
            public void WriteLine(string line)
            {
                if (Broken) throw new IOException("UART TX timeout");
                Written.Add(line);
            }
        }

        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        [Fact]
        public void A_led_whose_writes_throw_is_reported_and_retried_and_every_command_is_still_printed()
        {
            SimulatedDevice device = SimulatedDevice.Open(DefaultModel)!;
            // yes.wav four times: the default model hears each "yes", 1.4 s apart (over the 800 ms back-off).
            short[] once = AudioOf(CliHarness.Sample("yes.wav"));
            short[] pcm = FirmwareTwin.PadToBlocks(once.Concat(once).Concat(once).Concat(once).ToArray());
            BoardConfig board = BoardConfig.DevKitInmp441();
            // The reference: the twin's capture loop on the same audio with a working LED.
            string[] expected = FirmwareTwin.RunI2s(pcm, board, sink => device.Pipeline(sink)).Lines
                .Where(l => l.StartsWith("CMD ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(4, expected.Length);

            DeviceSimulation.Reset();
            using var gpio = new GpioController();
            GpioPin led = gpio.OpenPin(board.LedPin, PinMode.Output);
            led.Dispose(); // every write now throws, as a failing pin driver does
            var lines = new Lines();
            var announcer = new CommandAnnouncer(lines, led);
            var loop = new CaptureLoop(board, device.Pipeline(announcer), announcer, lines, new FakeClock());
            I2sSampleLayout layout = I2sSampleLayout.FromSettings(MicrophoneConfig.Configure(board.Pins), board.MicrophoneOnRight);
            DeviceSimulation.I2sSource = new MemoryStream(SimulatedI2sBytes.FromPcm16(layout, pcm, 0, pcm.Length));
            try
            {
                for (int b = 0; b < pcm.Length / CaptureLoop.BlockSamples; b++) Assert.True(loop.Step(), string.Join(" | ", lines.All));
            }
            finally
            {
                DeviceSimulation.I2sSource = null;
            }

            Assert.Equal(expected, lines.All.Where(l => l.StartsWith("CMD ", StringComparison.Ordinal)).ToArray());
            string[] led_ = lines.All.Where(l => l.StartsWith("LED: ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(4, led_.Length); // each command's blink tried once its back-off had passed (commands are > 800 ms apart)
            Assert.EndsWith("; retry 1 in 100 ms", led_[0]);
            Assert.EndsWith("; retry 2 in 200 ms", led_[1]);
            Assert.EndsWith("; retry 3 in 400 ms", led_[2]);
            Assert.EndsWith("; retry 4 in 800 ms", led_[3]);
            Assert.StartsWith("LED: write failed: Cannot access a disposed object.;", led_[0]);
            Assert.Equal(4, announcer.LedFailures);
            Assert.Equal(0, loop.Errors); // not an I2S failure: the microphone was never re-opened
        }

        [Fact]
        public void A_failing_serial_console_drops_lines_during_its_back_off_and_says_how_many_when_it_works_again()
        {
            var serial = new FlakySerial();
            var clock = new FakeClock();
            var output = new GuardedLineOutput(serial, clock);
            output.WriteLine("a");
            serial.Broken = true;
            output.WriteLine("b"); // fails at 0 ms: retry after 100 ms
            clock.Now = 50_000;
            output.WriteLine("c"); // inside the back-off: dropped without a write
            clock.Now = 100_000;
            output.WriteLine("d"); // tried, fails again: retry after 200 ms more
            serial.Broken = false;
            clock.Now = 250_000;
            output.WriteLine("e"); // still backing off (until 300 ms)
            Assert.Equal(4, output.Lost);
            clock.Now = 300_000;
            output.WriteLine("f");
            Assert.Equal(new[] { "a", "serial: 4 line(s) lost after write failures (UART TX timeout)", "f" }, serial.Written);
            Assert.Equal(0, output.Lost);
            Assert.Equal(2, output.Failures);
            serial.Broken = true;
            output.WriteLine("g"); // after a success the back-off starts again from 100 ms
            serial.Broken = false;
            clock.Now = 400_000;
            output.WriteLine("h");
            Assert.Equal("h", serial.Written[^1]);
        }

        [Fact]
        public void Device_start_up_guards_the_console_so_a_throwing_one_cannot_stop_it()
        {
            var serial = new FlakySerial { Broken = true };
            DeviceSimulation.Reset();
            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), FirmwareModel.Source(), serial, new FakeClock(), null);
            Assert.NotNull(loop); // before: the banner's WriteLine threw out of Start
        }

        private static short[] AudioOf(string wav)
        {
            byte[] pcm = CliHarness.PcmOf(wav);
            var samples = new short[pcm.Length / 2];
            for (int i = 0; i < samples.Length; i++) samples[i] = (short)(pcm[2 * i] | pcm[2 * i + 1] << 8);
            return samples;
        }
    }
}
