using System;
using System.Collections.Generic;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    /// <summary>Sigmoid, Swish and GLU by table against their float definitions.</summary>
    public class ActivationTests
    {
        private readonly ITestOutputHelper output;
        public ActivationTests(ITestOutputHelper output) { this.output = output; }

        [Fact]
        public void SigmoidIsWithinOneAndAHalfQ15LsbEverywhere()
        {
            foreach (int f in new[] { -3, 0, 4, 8, 12, 15 })
            {
                var op = new Sigmoid(1, f);
                var y = new short[1];
                double worst = 0;
                for (int x = short.MinValue; x <= short.MaxValue; x++)
                {
                    op.Process(new[] { (short)x }, 0, y, 0);
                    worst = Math.Max(worst, Math.Abs(y[0] - ActivationRef.Sigmoid(x * Math.Pow(2, -f)) * 32768));
                }
                output.WriteLine("Sigmoid fIn " + f + ": max |error| over all int16 inputs " + worst.ToString("F3") + " Q15 LSB");
                Assert.True(worst <= 1.5, "fIn " + f + ": " + worst);
            }
        }

        [Fact]
        public void SigmoidMatchesFloatWithin35Db()
        {
            var x = Data.Flatten(Data.ActivationRows(51, 100, 144, 2.0));
            int f = Quant.FracBitsFor(Data.MaxAbs(new[] { x }));
            var op = new Sigmoid(x.Length, f);
            var y = new short[x.Length];
            op.Process(Quant.Activations(x, f), 0, y, 0);
            double snr = Snr.Db(ActivationRef.Map(x, ActivationRef.Sigmoid), Quant.Dequantize(y, 15));
            output.WriteLine("Sigmoid: SNR " + snr.ToString("F2") + " dB (fIn " + f + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void SwishMatchesFloatWithin35Db()
        {
            var x = Data.Flatten(Data.ActivationRows(52, 100, 576, 2.0));
            int f = Quant.FracBitsFor(Data.MaxAbs(new[] { x }));
            var yRef = ActivationRef.Map(x, ActivationRef.Swish);
            int fOut = Quant.FracBitsFor(Data.MaxAbs(new[] { yRef }));
            var op = new Swish(x.Length, f, fOut);
            var y = new short[x.Length];
            op.Process(Quant.Activations(x, f), 0, y, 0);
            double snr = Snr.Db(yRef, Quant.Dequantize(y, fOut));
            output.WriteLine("Swish: SNR " + snr.ToString("F2") + " dB (fIn " + f + ", fOut " + fOut + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void GluMatchesFloatWithin35Db()
        {
            const int c = 144;
            var rows = Data.ActivationRows(53, 200, 2 * c, 2.0);
            int f = Quant.FracBitsFor(Data.MaxAbs(rows));
            var refs = new List<double>();
            foreach (var r in rows) refs.AddRange(ActivationRef.Glu(r));
            int fOut = Quant.FracBitsFor(Data.MaxAbs(new[] { refs.ToArray() }));
            var op = new Glu(c, f, fOut);
            var got = new List<double>();
            var y = new short[c];
            foreach (var r in rows)
            {
                op.Process(Quant.Activations(r, f), 0, y, 0);
                got.AddRange(Quant.Dequantize(y, fOut));
            }
            double snr = Snr.Db(refs.ToArray(), got.ToArray());
            output.WriteLine("GLU C=" + c + ": SNR " + snr.ToString("F2") + " dB (fIn " + f + ", fOut " + fOut + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void SwishAndGluSaturateInsteadOfWrapping()
        {
            var swish = new Swish(2, 0, 4);                      // 32767 real · σ ≈ 32767 → ·16 saturates
            var y = new short[2];
            swish.Process(new short[] { 32767, -32768 }, 0, y, 0);
            Assert.Equal(short.MaxValue, y[0]);
            Assert.Equal(0, y[1]);                                // −32768·σ(−32768) ≈ 0
            var glu = new Glu(2, 0, 4);
            glu.Process(new short[] { 32767, -32768, 100, 100 }, 0, y, 0);
            Assert.Equal(short.MaxValue, y[0]);
            Assert.Equal(short.MinValue, y[1]);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var x = Quant.Activations(Data.Vector(4, 300, 2.0), 11);
            var y = new short[300];
            var s = new Sigmoid(100, 11);
            var w = new Swish(100, 11, 11);
            var g = new Glu(100, 11, 11);
            Assert.Equal(0, Alloc.Measure(() => { s.Process(x, 1, y, 2); w.Process(x, 3, y, 4); g.Process(x, 5, y, 6); }));
            Assert.Equal(100L, s.MacsPerFrame);
            Assert.Equal(200L, w.MacsPerFrame);
            Assert.Equal(200L, g.MacsPerFrame);
        }
    }
}
