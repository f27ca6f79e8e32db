using System;
using Edge.Asr.Sim.Audio;
using Xunit;

namespace Edge.Asr.Tests.Audio
{
    public sealed class AudioStatisticsTests
    {
        [Theory]
        [InlineData(0, 0)]
        [InlineData(399, 0)]
        [InlineData(400, 1)]
        [InlineData(559, 1)]
        [InlineData(560, 2)]
        [InlineData(16000, 98)]
        public void FramesAre25MillisecondWindowsEvery10(int samples, long frames)
        {
            var s = new AudioStatistics();
            s.Add(new short[samples], 0, samples);
            Assert.Equal(frames, s.FrameCount);
            Assert.Equal(samples, s.SampleCount);
        }

        [Fact]
        public void SilenceIsMinusInfinity()
        {
            var s = new AudioStatistics();
            s.Add(new short[100], 0, 100);
            Assert.Equal(double.NegativeInfinity, s.PeakDbfs);
            Assert.Equal(double.NegativeInfinity, s.RmsDbfs);
        }

        [Fact]
        public void FullScaleIsZeroDbfs()
        {
            var x = new short[1000];
            for (int i = 0; i < x.Length; i++) x[i] = short.MinValue; // |−32768| is full scale
            var s = new AudioStatistics();
            s.Add(x, 0, x.Length);
            Assert.Equal(32768, s.Peak);
            Assert.Equal(0.0, s.PeakDbfs, 12);
            Assert.Equal(0.0, s.RmsDbfs, 12);
        }

        [Fact]
        public void SineRmsIsThreeDecibelsBelowPeak()
        {
            double[] tone = ToneFit.Tone(1000, 16000, 16000, 16384);
            var s = new AudioStatistics();
            // Added in blocks with an offset, as the run loop does.
            var block = new short[1600 + 7];
            for (int p = 0; p < tone.Length; p += 1600)
            {
                for (int i = 0; i < 1600; i++) block[7 + i] = Pcm16.FromDouble(tone[p + i]);
                s.Add(block, 7, 1600);
            }
            Assert.Equal(16000, s.SampleCount);
            Assert.Equal(-6.02, s.PeakDbfs, 2);
            Assert.Equal(-9.03, s.RmsDbfs, 2);
        }
    }
}
