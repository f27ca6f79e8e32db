using System;
using Edge.Asr.Firmware;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>The serial lines, confidence decimals and load arithmetic, all in integers.</summary>
    public class SerialFormatTests
    {
        [Theory]
        [InlineData(0, "0.000")]
        [InlineData(16, "0.000")]      // 16/32768 = 0.00049 → 0.000
        [InlineData(17, "0.001")]      // 0.00052 → 0.001
        [InlineData(28606, "0.873")]   // 0.87299
        [InlineData(26214, "0.800")]   // the default threshold
        [InlineData(32767, "1.000")]   // 0.99997
        [InlineData(32768, "1.000")]
        [InlineData(3277, "0.100")]
        public void ConfidenceIsThreeDecimalsRoundedHalfUp(int q15, string text)
        {
            Assert.Equal(text, SerialFormat.Confidence(q15));
            // Cross-check against exact rational rounding.
            Assert.Equal(Math.Floor(q15 * 1000.0 / 32768 + 0.5) / 1000, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void EveryQ15ValueFormatsLikeExactRounding()
        {
            for (int q = 0; q <= 32768; q++)
            {
                long thousandths = (long)Math.Floor(q * 1000.0 / 32768 + 0.5);
                Assert.Equal((thousandths / 1000) + "." + (thousandths % 1000).ToString("000"), SerialFormat.Confidence(q));
            }
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(32769)]
        public void ConfidenceOutsideQ15IsRefused(int q15)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => SerialFormat.Confidence(q15));
        }

        [Fact]
        public void CommandAndStatusLinesHaveTheDocumentedShape()
        {
            Assert.Equal("CMD yes 0.873 1525", SerialFormat.CommandLine("yes", 28606, 1525));
            Assert.Equal("STATUS load=12.3% free=81234 frames=1250", SerialFormat.StatusLine(123, 81234, 1250));
            Assert.Equal("STATUS load=0.0% free=0 frames=0", SerialFormat.StatusLine(0, 0, 0));
            Assert.Equal("STATUS load=250.7% free=5 frames=9", SerialFormat.StatusLine(2507, 5, 9));
        }

        [Theory]
        // busy µs, samples, tenths of a percent: load = busy / (samples / 16 kHz)
        [InlineData(0L, 1600, 0L)]
        [InlineData(100_000L, 1600, 1000L)]     // 100 ms for 100 ms of audio: real time
        [InlineData(12_345L, 1600, 123L)]       // 12.345% → 12.3
        [InlineData(12_350L, 1600, 124L)]       // 12.35% → 12.4 (half up)
        [InlineData(500_000L, 80_000, 100L)]    // 0.5 s per 5 s
        [InlineData(7_500_000L, 80_000, 1500L)] // slower than real time
        [InlineData(1L, 80_000, 0L)]
        public void LoadIsBusyTimeOverAudioTimeInTenthsOfAPercent(long busyUs, int samples, long tenths)
        {
            var meter = new LoadMeter();
            meter.Add(busyUs, samples);
            Assert.Equal(tenths, meter.LoadTenthsOfPercent);
            Assert.Equal(Math.Floor(busyUs / (samples / 16000.0 * 1e6) * 1000 + 0.5), meter.LoadTenthsOfPercent);
        }

        [Fact]
        public void LoadAccumulatesBlocksAndRestarts()
        {
            var meter = new LoadMeter();
            Assert.Equal(0, meter.LoadTenthsOfPercent);
            for (int i = 0; i < 50; i++) meter.Add(i % 2 == 0 ? 20_000 : 30_000, 1600); // 25 ms per 100 ms
            Assert.Equal(80_000, meter.Samples);
            Assert.Equal(250, meter.LoadTenthsOfPercent);
            meter.Restart();
            Assert.Equal(0, meter.Samples);
            Assert.Equal(0, meter.BusyMicroseconds);
            Assert.Equal(0, meter.LoadTenthsOfPercent);
        }

        [Fact]
        public void LoadOfADayOfAudioDoesNotOverflow()
        {
            var meter = new LoadMeter();
            for (int i = 0; i < 864_000; i++) meter.Add(99_000, 1600); // 24 h at 99%
            Assert.Equal(990, meter.LoadTenthsOfPercent);
        }

        [Fact]
        public void TheDocumentedExampleLinesAreWhatTheFirmwarePrints()
        {
            string doc = System.IO.File.ReadAllText(System.IO.Path.Combine(Edge.Asr.Tests.NfProj.RepoLayout.Root, "docs", "device.md"));
            // The default model's event on samples/yes.wav (`./edge-asr run samples/yes.wav --json`: 28122 / 32768 at 0.785 s).
            Assert.Contains("\n" + SerialFormat.CommandLine("yes", 28122, 785) + "\n", doc);
            Assert.Contains("\n" + SerialFormat.StatusLine(417, 3189120, 125) + "\n", doc);
            Assert.Contains("\n" + DeviceApp.Banner(BoardConfig.DevKitInmp441()) + "\n", doc);
            Assert.Contains(CaptureLoop.OverrunLine(4_900_000, 5_390_000).Replace("4900", "<a>").Replace("5390", "<w>").Replace("490", "<l>"), doc);
        }
    }
}
