using System;
using System.Numerics;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class CausalDepthwiseConv1dTests
    {
        private readonly ITestOutputHelper output;
        public CausalDepthwiseConv1dTests(ITestOutputHelper output) { this.output = output; }

        private static short[][] Stream(CausalDepthwiseConv1d op, short[][] x)
        {
            var y = new short[x.Length][];
            for (int t = 0; t < x.Length; t++)
            {
                y[t] = new short[op.Channels];
                op.Process(x[t], 0, y[t], 0);
            }
            return y;
        }

        [Theory]
        [InlineData(144, 15)]
        [InlineData(96, 31)]
        [InlineData(64, 3)]
        public void MatchesFloatWithin35Db(int channels, int kernel)
        {
            var x = Data.ActivationRows(71, 120, channels, 1.0);
            var w = Data.Weights(72, channels, kernel);
            var b = Data.Vector(73, channels, 0.05);
            int fIn = Quant.FracBitsFor(Data.MaxAbs(x));
            var yRef = ConvRef.CausalDepthwise1d(x, w, b);
            int fOut = Quant.FracBitsFor(Data.MaxAbs(yRef));
            var q = Quant.Layer(w, b, fIn, fOut);
            var op = new CausalDepthwiseConv1d(channels, kernel, q.Weights, q.Bias, q.Multipliers, q.Shifts);
            var xq = new short[x.Length][];
            for (int t = 0; t < x.Length; t++) xq[t] = Quant.Activations(x[t], fIn);
            var y = Stream(op, xq);
            var got = new double[y.Length][];
            for (int t = 0; t < y.Length; t++) got[t] = Quant.Dequantize(y[t], fOut);
            double snr = Snr.Db(Data.Flatten(yRef), Data.Flatten(got));
            output.WriteLine("CausalDepthwiseConv1d C=" + channels + " K=" + kernel + ": SNR " + snr.ToString("F2") + " dB (fIn " + fIn + ", fOut " + fOut + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void StreamingEqualsWholeSequenceBitForBit()
        {
            const int c = 40, k = 7, frames = 50;
            var rng = new Random(8);
            var w = new sbyte[c * k];
            for (int i = 0; i < w.Length; i++) w[i] = (sbyte)rng.Next(-128, 128);
            var bias = new int[c];
            var m = new int[c];
            var s = new int[c];
            for (int i = 0; i < c; i++) { bias[i] = rng.Next(-100000, 100000); m[i] = rng.Next(1 << 30, int.MaxValue); s[i] = rng.Next(36, 42); }
            var x = new short[frames][];
            for (int t = 0; t < frames; t++)
            {
                x[t] = new short[c];
                for (int i = 0; i < c; i++) x[t][i] = (short)rng.Next(-32768, 32768);
            }
            var op = new CausalDepthwiseConv1d(c, k, w, bias, m, s);
            var y = Stream(op, x);
            for (int t = 0; t < frames; t++)
                for (int ch = 0; ch < c; ch++)
                {
                    BigInteger acc = bias[ch];
                    for (int j = 0; j < k; j++)
                    {
                        int src = t - (k - 1) + j;
                        if (src >= 0) acc += w[ch * k + j] * x[src][ch];
                    }
                    Assert.Equal(LinearTests.ExactRequant(acc, m[ch], s[ch]), y[t][ch]);
                }
            op.Reset();
            var again = Stream(op, x);
            for (int t = 0; t < frames; t++) Assert.Equal(y[t], again[t]);
        }

        [Fact]
        public void SaturatesInsteadOfWrapping()
        {
            var op = new CausalDepthwiseConv1d(2, 3, new sbyte[] { 127, 127, 127, -128, -128, -128 }, new int[2], new[] { 1 << 30, 1 << 30 }, new[] { 30, 30 });
            var y = new short[2];
            for (int t = 0; t < 3; t++) op.Process(new short[] { 32767, 32767 }, 0, y, 0);
            Assert.Equal(short.MaxValue, y[0]);
            Assert.Equal(short.MinValue, y[1]);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var q = Quant.Layer(Data.Weights(1, 144, 15), new double[144], 10, 10);
            var op = new CausalDepthwiseConv1d(144, 15, q.Weights, q.Bias, q.Multipliers, q.Shifts);
            var x = Quant.Activations(Data.Vector(2, 150, 1.0), 10);
            var y = new short[150];
            Assert.Equal(0, Alloc.Measure(() => op.Process(x, 2, y, 3)));
            Assert.Equal(144L * 15, op.MacsPerFrame);
            Assert.Equal(14 * 144 * 2, op.StateBytes);
        }
    }
}
