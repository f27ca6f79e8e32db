using System;
using Edge.Asr.Detector;
using Xunit;

namespace Edge.Asr.Tests.Detector
{
    public class DetectorSettingsTests
    {
        [Theory]
        [InlineData(0, 0)]
        [InlineData(1, 1)]
        [InlineData(39, 1)]
        [InlineData(40, 1)]
        [InlineData(41, 2)]
        [InlineData(500, 13)]
        [InlineData(1000, 25)]
        public void MillisecondsRoundUpToWholeEncoderFrames(int ms, int frames)
        {
            Assert.Equal(frames, DetectorSettings.MillisecondsToFrames(ms));
        }

        [Fact]
        public void DefaultsAreTheDocumentedOnes()
        {
            var s = new DetectorSettings(4);
            Assert.Equal(4, s.ClassCount);
            Assert.Equal(5, s.SmoothingFrames);
            Assert.Equal(25, s.RefractoryFrames);
            Assert.Equal(1, s.MinFramesAboveThreshold);
            for (int c = 0; c < 4; c++) Assert.Equal(26214, s.ThresholdQ15(c));
        }

        [Fact]
        public void BlobDefaultsConvertTheRefractoryPeriodToFrames()
        {
            var s = DetectorSettings.FromBlobDefaults(6, 24000, 3, 500);
            Assert.Equal(6, s.ClassCount);
            Assert.Equal(3, s.SmoothingFrames);
            Assert.Equal(13, s.RefractoryFrames);
            Assert.Equal(1, s.MinFramesAboveThreshold);
            for (int c = 0; c < 6; c++) Assert.Equal(24000, s.ThresholdQ15(c));
        }

        [Fact]
        public void ThresholdsAreCopied()
        {
            var t = new short[] { 100, 200 };
            var s = new DetectorSettings(2, t, 0, 1);
            t[0] = 5;
            Assert.Equal(100, s.ThresholdQ15(0));
        }

        [Fact]
        public void InvalidValuesAreRejectedWithClearMessages()
        {
            var t = new short[] { 100, 200 };
            Assert.Contains("smoothing window must be 1..256 frames, got 0",
                Assert.Throws<ArgumentOutOfRangeException>(() => new DetectorSettings(0, t, 0, 1)).Message);
            Assert.Contains("smoothing window must be 1..256 frames, got 257",
                Assert.Throws<ArgumentOutOfRangeException>(() => new DetectorSettings(257, t, 0, 1)).Message);
            Assert.Contains("threshold of class 1 must be 1..32767 (Q15), got 0",
                Assert.Throws<ArgumentException>(() => new DetectorSettings(1, new short[] { 5, 0 }, 0, 1)).Message);
            Assert.Contains("need 1..1024 thresholds (one per class), got 0",
                Assert.Throws<ArgumentException>(() => new DetectorSettings(1, new short[0], 0, 1)).Message);
            Assert.Contains("refractory period must be 0..10000 frames, got -1",
                Assert.Throws<ArgumentOutOfRangeException>(() => new DetectorSettings(1, t, -1, 1)).Message);
            Assert.Contains("minimum run must be 1..10000 frames, got 0",
                Assert.Throws<ArgumentOutOfRangeException>(() => new DetectorSettings(1, t, 0, 0)).Message);
            Assert.Contains("threshold must be 1..32767 (Q15), got 40000",
                Assert.Throws<ArgumentOutOfRangeException>(() => DetectorSettings.FromBlobDefaults(2, 40000, 3, 100)).Message);
            Assert.Contains("duration must be 0..400000 ms, got -40",
                Assert.Throws<ArgumentOutOfRangeException>(() => DetectorSettings.MillisecondsToFrames(-40)).Message);
            Assert.Contains("class count must be 1..1024, got 0",
                Assert.Throws<ArgumentOutOfRangeException>(() => new DetectorSettings(0)).Message);
        }
    }
}
