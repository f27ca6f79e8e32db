using System;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Ops;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    /// <summary>
    /// RunningMeanSubtractS16 against its float reference (FloatModel.RunningMeanSubtract): every output within
    /// one Q8 unit (the output's own rounding; the mean keeps 8 more bits). A level change is invisible, bit for bit.
    /// </summary>
    public class RunningMeanSubtractTests
    {
        private const int Channels = 40;
        private readonly ITestOutputHelper _output;
        public RunningMeanSubtractTests(ITestOutputHelper output) { _output = output; }

        /// <summary>Log-mel-like frames: a slowly moving floor per channel, bursts of "speech" and noise, Q8 in [0, 16000].</summary>
        private static short[][] Frames(int count, int seed)
        {
            var rng = new Random(seed);
            var floor = new double[Channels];
            for (int c = 0; c < Channels; c++) floor[c] = 1500 + rng.Next(0, 1500);
            var frames = new short[count][];
            for (int t = 0; t < count; t++)
            {
                bool speech = (t / 40) % 3 == 1;
                frames[t] = new short[Channels];
                for (int c = 0; c < Channels; c++)
                {
                    floor[c] += rng.Next(-8, 9);
                    double v = floor[c] + rng.Next(-300, 301) + (speech ? 2500 + 800 * Math.Sin(c + t / 5.0) : 0);
                    frames[t][c] = (short)Math.Clamp(Math.Round(v), 0, 16000);
                }
            }
            return frames;
        }

        private static short[][] Fixed(short[][] frames, int shift)
        {
            var means = new int[Channels];
            var y = new short[frames.Length][];
            for (int t = 0; t < frames.Length; t++)
            {
                y[t] = new short[Channels];
                RunningMeanSubtractS16.Process(frames[t], 0, means, Channels, shift, t == 0, y[t], 0);
            }
            return y;
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(4, 2)]
        [InlineData(RunningMeanSubtractS16.DefaultShift, 3)]
        [InlineData(RunningMeanSubtractS16.MaxShift, 4)]
        public void EveryOutputIsWithinOneQ8UnitOfTheFloatReference(int shift, int seed)
        {
            short[][] frames = Frames(2000, seed);
            short[][] got = Fixed(frames, shift);
            double[][] reference = FloatModel.RunningMeanSubtract(FloatModel.InputFromFrontend(frames), shift);
            double worst = 0;
            for (int t = 0; t < frames.Length; t++)
                for (int c = 0; c < Channels; c++)
                    worst = Math.Max(worst, Math.Abs(got[t][c] - reference[t][c] * 256));
            _output.WriteLine("shift " + shift + ": worst |fixed - float| = " + worst.ToString("F3") + " Q8 units over " + frames.Length + " frames");
            Assert.True(worst <= 1.0, "worst error " + worst + " Q8 units > 1");
        }

        [Fact]
        public void ALevelChangeGivesTheSameBits()
        {
            short[][] frames = Frames(500, 7);
            var louder = new short[frames.Length][];
            for (int t = 0; t < frames.Length; t++)
            {
                louder[t] = new short[Channels];
                for (int c = 0; c < Channels; c++) louder[t][c] = (short)(frames[t][c] + 4 * 256);   // +4 log2 = +24 dB
            }
            short[][] a = Fixed(frames, RunningMeanSubtractS16.DefaultShift), b = Fixed(louder, RunningMeanSubtractS16.DefaultShift);
            for (int t = 0; t < frames.Length; t++) Assert.Equal(a[t], b[t]);
        }

        [Fact]
        public void TheFirstFrameStartsTheMeanAndGivesZeros()
        {
            short[][] frames = Frames(3, 8);
            short[][] y = Fixed(frames, RunningMeanSubtractS16.DefaultShift);
            Assert.All(y[0], v => Assert.Equal(0, v));
            Assert.Contains(y[1], v => v != 0);
        }

        [Fact]
        public void ExtremesSaturateInsteadOfWrapping()
        {
            var low = new short[Channels]; var high = new short[Channels];
            for (int c = 0; c < Channels; c++) { low[c] = short.MinValue; high[c] = short.MaxValue; }
            var means = new int[Channels];
            var y = new short[Channels];
            RunningMeanSubtractS16.Process(low, 0, means, Channels, 1, true, y, 0);
            RunningMeanSubtractS16.Process(high, 0, means, Channels, 8, false, y, 0);
            Assert.All(y, v => Assert.Equal(short.MaxValue, v));   // 32767 - (-32768 + 256) saturates
            RunningMeanSubtractS16.Process(high, 0, means, Channels, 1, true, y, 0);
            RunningMeanSubtractS16.Process(low, 0, means, Channels, 8, false, y, 0);
            Assert.All(y, v => Assert.Equal(short.MinValue, v));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(9)]
        public void AShiftOutsideOneToEightIsRefused(int shift)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => RunningMeanSubtractS16.CheckShift(shift));
        }
    }
}
