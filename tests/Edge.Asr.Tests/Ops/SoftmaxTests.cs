using System;
using System.Collections.Generic;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class SoftmaxTests
    {
        private readonly ITestOutputHelper output;
        public SoftmaxTests(ITestOutputHelper output) { this.output = output; }

        /// <summary>Checks one row; returns (max |p − p_float|, |Σp − 1|).</summary>
        private static (double probErr, double sumErr) Check(Softmax op, short[] row, int fracIn, double[] reference)
        {
            var p = new short[row.Length];
            op.Process(row, 0, p, 0, row.Length);
            double worst = 0, sum = 0;
            for (int i = 0; i < row.Length; i++)
            {
                double got = p[i] / 32768.0;
                sum += got;
                worst = Math.Max(worst, Math.Abs(got - reference[i]));
            }
            Assert.True(worst <= 1.0 / 256, "probability error " + worst);
            Assert.True(Math.Abs(sum - 1) <= 0.01, "sum " + sum);
            return (worst, Math.Abs(sum - 1));
        }

        [Theory]
        [InlineData(8, 2.0)]     // attention-like scores
        [InlineData(25, 4.0)]
        [InlineData(12, 6.0)]    // classifier logits
        [InlineData(64, 3.0)]
        public void RealisticRowsMatchFloat(int length, double scale)
        {
            var x = Data.ActivationRows(41 + length, 300, length, scale);
            int fIn = Quant.FracBitsFor(Data.MaxAbs(x));
            var op = new Softmax(64, fIn);
            var refs = new List<double>();
            var got = new List<double>();
            double worst = 0, worstSum = 0;
            var p = new short[length];
            foreach (var row in x)
            {
                var r = FloatModel.Softmax(row);
                refs.AddRange(r);
                var q = Quant.Activations(row, fIn);
                var (pe, se) = Check(op, q, fIn, r);
                worst = Math.Max(worst, pe);
                worstSum = Math.Max(worstSum, se);
                op.Process(q, 0, p, 0, length);
                got.AddRange(Quant.Dequantize(p, 15));
            }
            double snr = Snr.Db(refs.ToArray(), got.ToArray());
            output.WriteLine("Softmax len " + length + " scale " + scale + ": SNR " + snr.ToString("F2") + " dB, max |p err| " + worst.ToString("E2") + ", max |sum−1| " + worstSum.ToString("E2") + " (fIn " + fIn + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        public static IEnumerable<object[]> HostileRows()
        {
            var rng = new Random(9);
            var equal = new short[50]; for (int i = 0; i < equal.Length; i++) equal[i] = 1000;
            var equalMin = new short[50]; for (int i = 0; i < equalMin.Length; i++) equalMin[i] = short.MinValue;
            var hugeSpread = new short[40]; for (int i = 0; i < hugeSpread.Length; i++) hugeSpread[i] = (short)rng.Next(-32768, 32768);
            var twoExtremes = new short[30]; for (int i = 0; i < twoExtremes.Length; i++) twoExtremes[i] = (short)(i % 2 == 0 ? 32767 : -32768);
            var nearTie = new short[64]; for (int i = 0; i < nearTie.Length; i++) nearTie[i] = (short)(30000 - i % 3);
            var single = new short[] { -1234 };
            var ramp = new short[64]; for (int i = 0; i < ramp.Length; i++) ramp[i] = (short)(i * 1000 - 32000);
            foreach (int f in new[] { -2, 4, 10, 15 })
            {
                yield return new object[] { "all-equal", f, equal };
                yield return new object[] { "all-equal-min", f, equalMin };
                yield return new object[] { "huge-spread", f, hugeSpread };
                yield return new object[] { "two-extremes", f, twoExtremes };
                yield return new object[] { "near-tie", f, nearTie };
                yield return new object[] { "single", f, single };
                yield return new object[] { "ramp", f, ramp };
            }
        }

        [Theory]
        [MemberData(nameof(HostileRows))]
        public void HostileRowsSumToOneAndMatchFloat(string name, int fracIn, short[] row)
        {
            var op = new Softmax(64, fracIn);
            var (pe, se) = Check(op, row, fracIn, FloatModel.Softmax(Quant.Dequantize(row, fracIn)));
            output.WriteLine("Softmax hostile " + name + " fIn " + fracIn + ": max |p err| " + pe.ToString("E2") + ", |sum−1| " + se.ToString("E2"));
        }

        [Fact]
        public void SingleElementIsOneSaturated()
        {
            var op = new Softmax(4, 8);
            var p = new short[1];
            op.Process(new short[] { 5 }, 0, p, 0, 1);
            Assert.Equal(short.MaxValue, p[0]);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var op = new Softmax(32, 10);
            var x = Quant.Activations(Data.Vector(3, 40, 2.0), 10);
            var p = new short[40];
            Assert.Equal(0, Alloc.Measure(() => op.Process(x, 5, p, 3, 32)));
            Assert.Equal(96L, op.MacsPerFrame);
            Assert.Equal(30L, op.MacsFor(10));
        }
    }
}
