using System;
using Edge.Asr.Frontend;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>
    /// Hostile input never wraps: every output is in [0, 32767], the overflow counter (which checks
    /// every FFT pass's magnitude OR against its proven bound) stays 0, and each output stays
    /// within 0.05 log2 units of the double-precision reference.
    /// </summary>
    public class FrontendHostileInputTests
    {
        private const double MaxErrorLog2 = 0.05;
        private readonly ITestOutputHelper _output;

        public FrontendHostileInputTests(ITestOutputHelper output) { _output = output; }

        private static short[] Fill(int length, Func<int, int> sample)
        {
            var x = new short[length];
            for (int n = 0; n < length; n++) x[n] = (short)sample(n);
            return x;
        }

        private short[][] CheckSane(string name, short[] signal)
        {
            var frontend = new LogMelFrontend();
            short[][] frames = FrontendRunner.Run(frontend, signal, () => 160);
            double[][] reference = FloatLogMel.Log2Mel(signal);
            Assert.Equal(reference.Length, frames.Length);
            double maxError = 0;
            for (int t = 0; t < frames.Length; t++)
                for (int m = 0; m < LogMelFrontend.MelChannels; m++)
                {
                    Assert.InRange(frames[t][m], (short)0, short.MaxValue);
                    maxError = Math.Max(maxError, Math.Abs(frames[t][m] / 256.0 - reference[t][m]));
                }
            _output.WriteLine(name + ": max |fixed - reference| " + maxError.ToString("F4") + " log2 units, overflow counter " + frontend.OverflowCount);
            Assert.True(frontend.OverflowCount == 0, name + ": overflow counter " + frontend.OverflowCount);
            Assert.True(maxError <= MaxErrorLog2, name + ": max error " + maxError + " log2 units");
            return frames;
        }

        [Fact]
        public void SilenceGivesZeros()
        {
            short[][] frames = CheckSane("silence", new short[16000]);
            foreach (short[] frame in frames) foreach (short v in frame) Assert.Equal(0, v);
        }

        [Theory]
        [InlineData(32767)]
        [InlineData(-32767)]
        [InlineData(-32768)]
        public void DcLandsInTheLowestChannel(int level)
        {
            short[][] frames = CheckSane("DC " + level, Fill(8000, n => level));
            foreach (short[] frame in frames)
            {
                // Bin 0 is in no channel; the Hann main lobe leaks DC into bins 1-2, i.e. channel 0.
                for (int m = 1; m < frame.Length; m++) Assert.True(frame[0] > frame[m], "channel " + m + " >= channel 0");
                Assert.True(frame[0] > 256 * 30, "DC at " + level + " gives channel 0 = " + frame[0]);
            }
        }

        [Theory]
        [InlineData(50)]
        [InlineData(1000)]
        [InlineData(4000)]
        [InlineData(7999)]
        public void FullScaleSquareWaves(int hz)
        {
            short[] signal = Fill(8000, n => ((2L * hz * n / 16000) & 1) == 0 ? short.MaxValue : short.MinValue);
            CheckSane("square " + hz + " Hz", signal);
        }

        [Fact]
        public void AlternatingExtremes()
        {
            CheckSane("alternating -32768/+32767", Fill(8000, n => (n & 1) == 0 ? short.MinValue : short.MaxValue));
        }

        [Fact]
        public void Impulses()
        {
            CheckSane("single impulse +32767", Fill(4000, n => n == 1000 ? short.MaxValue : 0));
            CheckSane("impulse train -32768 every 97", Fill(8000, n => n % 97 == 0 ? short.MinValue : 0));
            CheckSane("lone LSB", Fill(4000, n => n == 1234 ? 1 : 0));
        }

        [Fact]
        public void RandomFullScaleSigns()
        {
            var random = new Random(77);
            CheckSane("random ±full scale", Fill(16000, n => random.Next(2) == 0 ? short.MinValue : short.MaxValue));
        }

        /// <summary>
        /// Worst cases for FFT growth: full-scale square waves phase-matched to every FFT bin,
        /// sign(cos(2πkn/512)) and sign(sin(...)), whose energy piles into one bin at every stage.
        /// </summary>
        [Fact]
        public void BinMatchedSquareWavesNeverOverflow()
        {
            var frontend = new LogMelFrontend();
            var frame = new short[LogMelFrontend.WindowLength];
            var output = new short[LogMelFrontend.MelChannels];
            for (int k = 0; k <= 256; k++)
            {
                for (int phase = 0; phase < 2; phase++)
                {
                    for (int n = 0; n < frame.Length; n++)
                    {
                        double v = phase == 0 ? Math.Cos(2 * Math.PI * k * n / 512) : Math.Sin(2 * Math.PI * k * n / 512);
                        frame[n] = v >= 0 ? short.MaxValue : short.MinValue;
                    }
                    frontend.Reset();
                    Assert.Equal(400, frontend.Push(frame, 0, frame.Length));
                    frontend.ReadFrame(output, 0);
                    foreach (short v in output) Assert.InRange(v, (short)0, short.MaxValue);
                }
            }
            Assert.Equal(0, frontend.OverflowCount);
        }
    }
}
