using System;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class ResidualAddTests
    {
        private readonly ITestOutputHelper output;
        public ResidualAddTests(ITestOutputHelper output) { this.output = output; }

        [Theory]
        [InlineData(10, 12, 10)]
        [InlineData(12, 9, 11)]
        [InlineData(8, 8, 13)]
        [InlineData(11, 11 + 1, 11)]   // half-step: b · ½
        public void IsTheExactlyRoundedSum(int fa, int fb, int fo)
        {
            var rng = new Random(fa * 100 + fb);
            var op = new ResidualAdd(64, fa, fb, fo);
            var a = new short[64];
            var b = new short[64];
            var y = new short[64];
            for (int trial = 0; trial < 50; trial++)
            {
                for (int i = 0; i < 64; i++) { a[i] = (short)rng.Next(-32768, 32768); b[i] = (short)rng.Next(-32768, 32768); }
                op.Process(a, 0, b, 0, y, 0);
                for (int i = 0; i < 64; i++)
                {
                    double real = a[i] * Math.Pow(2, -fa) + b[i] * Math.Pow(2, -fb);        // exact in double
                    double scaled = real * Math.Pow(2, fo);
                    double expect = Math.Max(-32768, Math.Min(32767, Math.Round(scaled, MidpointRounding.AwayFromZero)));
                    Assert.Equal(expect, (double)y[i]);
                }
            }
        }

        [Fact]
        public void HalfStepResidualMatchesFloatWithin35Db()
        {
            var x = Data.Flatten(Data.ActivationRows(61, 100, 144, 1.0));
            var f = Data.Flatten(Data.ActivationRows(62, 100, 144, 0.7));
            int fx = Quant.FracBitsFor(Data.MaxAbs(new[] { x }));
            int ff = Quant.FracBitsFor(Data.MaxAbs(new[] { f }));
            var yRef = new double[x.Length];
            for (int i = 0; i < x.Length; i++) yRef[i] = x[i] + 0.5 * f[i];
            int fo = Quant.FracBitsFor(Data.MaxAbs(new[] { yRef }));
            var op = new ResidualAdd(x.Length, fx, ff + 1, fo);
            var y = new short[x.Length];
            op.Process(Quant.Activations(x, fx), 0, Quant.Activations(f, ff), 0, y, 0);
            double snr = Snr.Db(yRef, Quant.Dequantize(y, fo));
            output.WriteLine("ResidualAdd x + f/2: SNR " + snr.ToString("F2") + " dB (fa " + fx + ", fb " + ff + "+1, fOut " + fo + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void SaturatesInsteadOfWrapping()
        {
            var op = new ResidualAdd(2, 10, 10, 10);
            var y = new short[2];
            op.Process(new short[] { 32767, -32768 }, 0, new short[] { 32767, -32768 }, 0, y, 0);
            Assert.Equal(short.MaxValue, y[0]);
            Assert.Equal(short.MinValue, y[1]);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var op = new ResidualAdd(50, 10, 11, 9);
            var a = new short[60];
            var y = new short[60];
            Assert.Equal(0, Alloc.Measure(() => op.Process(a, 1, a, 2, y, 3)));
            Assert.Equal(50L, op.MacsPerFrame);
        }
    }
}
