using System;
using System.Numerics;
using Edge.Asr.FixedPoint;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class LinearTests
    {
        private readonly ITestOutputHelper output;
        public LinearTests(ITestOutputHelper output) { this.output = output; }

        [Theory]
        [InlineData(144, 576, false)]
        [InlineData(576, 144, false)]
        [InlineData(144, 144, true)]
        public void MatchesFloatWithin35Db(int ins, int outs, bool relu)
        {
            var x = Data.ActivationRows(11, 64, ins, 1.0);
            var w = Data.Weights(12, outs, ins);
            var b = Data.Vector(13, outs, 0.1);
            int fIn = Quant.FracBitsFor(Data.MaxAbs(x));
            var yRef = new double[x.Length][];
            for (int r = 0; r < x.Length; r++) yRef[r] = LinearRef.Apply(w, b, x[r], relu);
            int fOut = Quant.FracBitsFor(Data.MaxAbs(yRef));
            var q = Quant.Layer(w, b, fIn, fOut);
            var op = new Linear(ins, outs, q.Weights, q.Bias, q.Multipliers, q.Shifts, relu);
            var y = new short[outs];
            var got = new double[x.Length][];
            for (int r = 0; r < x.Length; r++)
            {
                op.Process(Quant.Activations(x[r], fIn), 0, y, 0);
                got[r] = Quant.Dequantize(y, fOut);
            }
            double snr = Snr.Db(Data.Flatten(yRef), Data.Flatten(got));
            output.WriteLine("Linear " + ins + "->" + outs + (relu ? " relu" : "") + ": SNR " + snr.ToString("F2") + " dB (fIn " + fIn + ", fOut " + fOut + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void EqualsExactRequantisationOfTheIntegerSum()
        {
            var rng = new Random(5);
            int ins = 300, outs = 17;
            var w = new sbyte[ins * outs];
            for (int i = 0; i < w.Length; i++) w[i] = (sbyte)rng.Next(-128, 128);
            var bias = new int[outs];
            var m = new int[outs];
            var s = new int[outs];
            for (int o = 0; o < outs; o++)
            {
                bias[o] = rng.Next(-1 << 20, 1 << 20);
                m[o] = rng.Next(1 << 30, int.MaxValue);
                s[o] = rng.Next(30, 45);
            }
            var op = new Linear(ins, outs, w, bias, m, s);
            var x = new short[ins];
            var y = new short[outs];
            for (int trial = 0; trial < 20; trial++)
            {
                for (int i = 0; i < ins; i++) x[i] = (short)rng.Next(-4000, 4000);
                op.Process(x, 0, y, 0);
                for (int o = 0; o < outs; o++)
                {
                    BigInteger acc = bias[o];
                    for (int i = 0; i < ins; i++) acc += w[o * ins + i] * x[i];
                    Assert.Equal(ExactRequant(acc, m[o], s[o]), y[o]);
                }
            }
        }

        /// <summary>round-half-away(acc·m / 2^s) saturated to int16, in arbitrary precision.</summary>
        internal static short ExactRequant(BigInteger acc, int m, int s)
        {
            BigInteger p = acc * m;
            BigInteger den = BigInteger.One << s;
            BigInteger mag = (BigInteger.Abs(p) + den / 2) / den;
            BigInteger r = p.Sign < 0 ? -mag : mag;
            if (r > short.MaxValue) return short.MaxValue;
            if (r < short.MinValue) return short.MinValue;
            return (short)r;
        }

        [Fact]
        public void SaturatesInsteadOfWrapping()
        {
            int ins = 600, outs = 4;                 // 600·127·32767 > 2^31: the long path is exercised
            var w = new sbyte[ins * outs];
            for (int i = 0; i < ins; i++) { w[i] = 127; w[ins + i] = -128; w[2 * ins + i] = 127; w[3 * ins + i] = 1; }
            var m = new int[] { 1 << 30, 1 << 30, 1 << 30, 1 << 30 };
            var s = new int[] { 31, 31, 45, 45 };
            var op = new Linear(ins, outs, w, new int[outs], m, s);
            var x = new short[ins];
            for (int i = 0; i < ins; i++) x[i] = short.MaxValue;
            var y = new short[outs];
            op.Process(x, 0, y, 0);
            Assert.Equal(short.MaxValue, y[0]);
            Assert.Equal(short.MinValue, y[1]);
            // 600·127·32767 / 2^15 = 76198.5... / 2 → not saturated at shift 45: check exact value.
            Assert.Equal(ExactRequant(new BigInteger(600L * 127 * 32767), 1 << 30, 45), y[2]);
            Assert.Equal(ExactRequant(new BigInteger(600L * 32767), 1 << 30, 45), y[3]);
        }

        [Fact]
        public void ReluClampsNegativeOutputs()
        {
            var op = new Linear(2, 2, new sbyte[] { 1, 1, -1, -1 }, new int[2], new[] { 1 << 30, 1 << 30 }, new[] { 30, 30 }, true);
            var y = new short[2];
            op.Process(new short[] { 100, 20 }, 0, y, 0);
            Assert.Equal(120, y[0]);
            Assert.Equal(0, y[1]);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var q = Quant.Layer(Data.Weights(1, 64, 96), new double[64], 10, 10);
            var op = new Linear(96, 64, q.Weights, q.Bias, q.Multipliers, q.Shifts);
            var x = Quant.Activations(Data.Vector(2, 100, 1.0), 10);
            var y = new short[70];
            Assert.Equal(0, Alloc.Measure(() => op.Process(x, 4, y, 6)));
            Assert.Equal(96L * 64, op.MacsPerFrame);
        }

        [Fact]
        public void RejectsBadParameters()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(1, 1, new sbyte[1], new int[1], new[] { 5 }, new[] { 31 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(1, 1, new sbyte[1], new int[1], new[] { 1 << 30 }, new[] { 63 }));
            Assert.Throws<ArgumentException>(() => new Linear(2, 1, new sbyte[1], new int[1], new[] { 1 << 30 }, new[] { 31 }));
        }
    }
}
