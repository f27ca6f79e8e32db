using System;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class MeanPoolTests
    {
        private readonly ITestOutputHelper output;
        public MeanPoolTests(ITestOutputHelper output) { this.output = output; }

        [Fact]
        public void IsTheExactlyRoundedMeanOfTheLastWFrames()
        {
            const int c = 16, w = 25, frames = 90;
            var rng = new Random(81);
            var op = new MeanPool(c, w);
            var x = new short[frames][];
            var y = new short[c];
            for (int t = 0; t < frames; t++)
            {
                x[t] = new short[c];
                for (int i = 0; i < c; i++) x[t][i] = (short)rng.Next(-32768, 32768);
                op.Process(x[t], 0, y, 0);
                int start = Math.Max(0, t - w + 1);
                Assert.Equal(t - start + 1, op.Count);
                for (int i = 0; i < c; i++)
                {
                    long sum = 0;
                    for (int j = start; j <= t; j++) sum += x[j][i];
                    decimal mean = (decimal)sum / (t - start + 1);
                    Assert.Equal((short)Math.Round(mean, MidpointRounding.AwayFromZero), y[i]);
                }
            }
        }

        [Fact]
        public void MatchesFloatWithin35Db()
        {
            var x = Data.ActivationRows(82, 100, 144, 1.0);
            int f = Quant.FracBitsFor(Data.MaxAbs(x));
            var yRef = ConvRef.MeanPool(x, 25);
            var op = new MeanPool(144, 25);
            var got = new double[x.Length][];
            var y = new short[144];
            for (int t = 0; t < x.Length; t++)
            {
                op.Process(Quant.Activations(x[t], f), 0, y, 0);
                got[t] = Quant.Dequantize(y, f);
            }
            double snr = Snr.Db(Data.Flatten(yRef), Data.Flatten(got));
            output.WriteLine("MeanPool C=144 W=25: SNR " + snr.ToString("F2") + " dB (f " + f + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void FullScaleWindowDoesNotOverflow()
        {
            var op = new MeanPool(2, 1000);
            var y = new short[2];
            for (int t = 0; t < 3000; t++) op.Process(new short[] { 32767, -32768 }, 0, y, 0);
            Assert.Equal(32767, y[0]);
            Assert.Equal(-32768, y[1]);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var op = new MeanPool(144, 25);
            var x = new short[150];
            var y = new short[150];
            Assert.Equal(0, Alloc.Measure(() => op.Process(x, 1, y, 2)));
            Assert.Equal(288L, op.MacsPerFrame);
            Assert.Equal(25 * 144 * 2 + 144 * 4, op.StateBytes);
            op.Reset();
            Assert.Equal(0, op.Count);
        }
    }
}
