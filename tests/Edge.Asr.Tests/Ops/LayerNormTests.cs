using System;
using System.Collections.Generic;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class LayerNormTests
    {
        private const double Eps = 1e-5;
        private const long EpsQ32 = 42950;          // round(1e-5 · 2^32)
        /// <summary>Stated bound: |fixed − float| ≤ 1 output LSB against float LayerNorm with the same (quantised) γ, β.</summary>
        private const double BoundLsb = 1.0;

        private readonly ITestOutputHelper output;
        public LayerNormTests(ITestOutputHelper output) { this.output = output; }

        private sealed class Setup
        {
            public double[] Gamma = Array.Empty<double>(), Beta = Array.Empty<double>();
            public double[] GammaQ = Array.Empty<double>(), BetaQ = Array.Empty<double>();
            public LayerNorm Op = null!;
        }

        private static Setup Make(int width, int fracIn, int fracOut)
        {
            var rng = new Random(21);
            var s = new Setup { Gamma = new double[width], Beta = new double[width], GammaQ = new double[width], BetaQ = new double[width] };
            for (int i = 0; i < width; i++) { s.Gamma[i] = 1 + 0.3 * Data.Gaussian(rng); s.Beta[i] = 0.2 * Data.Gaussian(rng); }
            double gmax = 0;
            foreach (var g in s.Gamma) gmax = Math.Max(gmax, Math.Abs(g));
            int fracGamma = Math.Min(15, Quant.FracBitsFor(gmax));
            var gq = Quant.Activations(s.Gamma, fracGamma);
            var bq = new int[width];
            for (int i = 0; i < width; i++)
            {
                bq[i] = (int)Math.Round(s.Beta[i] * Math.Pow(2, fracOut), MidpointRounding.AwayFromZero);
                s.GammaQ[i] = gq[i] * Math.Pow(2, -fracGamma);
                s.BetaQ[i] = bq[i] * Math.Pow(2, -fracOut);
            }
            s.Op = new LayerNorm(width, gq, fracGamma, bq, fracIn, fracOut, EpsQ32);
            return s;
        }

        [Theory]
        [InlineData(144)]
        [InlineData(256)]
        public void MatchesFloatWithin35Db(int width)
        {
            var x = Data.ActivationRows(31, 200, width, 3.0);
            int fIn = Quant.FracBitsFor(Data.MaxAbs(x));
            const int fOut = 10;
            var s = Make(width, fIn, fOut);
            var refs = new List<double>();
            var got = new List<double>();
            var y = new short[width];
            foreach (var row in x)
            {
                refs.AddRange(LayerNormRef.Apply(row, s.Gamma, s.Beta, Eps));
                s.Op.Process(Quant.Activations(row, fIn), 0, y, 0);
                got.AddRange(Quant.Dequantize(y, fOut));
            }
            double snr = Snr.Db(refs.ToArray(), got.ToArray());
            output.WriteLine("LayerNorm D=" + width + ": SNR " + snr.ToString("F2") + " dB (fIn " + fIn + ", fOut " + fOut + ")");
            Assert.True(snr >= 35, "SNR " + snr);
        }

        public static IEnumerable<object[]> HostileRows()
        {
            const int d = 144;
            var spike = new short[d]; spike[17] = 32767;
            var spikeNoise = new short[d];
            var rng = new Random(7);
            for (int i = 0; i < d; i++) spikeNoise[i] = (short)rng.Next(-3, 4);
            spikeNoise[100] = -32768;
            var equal = new short[d]; for (int i = 0; i < d; i++) equal[i] = 1234;
            var equalMax = new short[d]; for (int i = 0; i < d; i++) equalMax[i] = -32768;
            var alternating = new short[d]; for (int i = 0; i < d; i++) alternating[i] = (short)(i % 2 == 0 ? 32767 : -32768);
            var tiny = new short[d]; for (int i = 0; i < d; i++) tiny[i] = (short)(i % 2);
            var tinyRandom = new short[d]; for (int i = 0; i < d; i++) tinyRandom[i] = (short)rng.Next(-2, 3);
            var oneLsb = new short[d]; oneLsb[5] = 1;
            var ramp = new short[d]; for (int i = 0; i < d; i++) ramp[i] = (short)(-32768 + i * 455);
            foreach (int fIn in new[] { 4, 10, 15 })
            {
                yield return new object[] { "spike", fIn, spike };
                yield return new object[] { "spike+noise", fIn, spikeNoise };
                yield return new object[] { "all-equal", fIn, equal };
                yield return new object[] { "all-equal-min", fIn, equalMax };
                yield return new object[] { "alternating-full-scale", fIn, alternating };
                yield return new object[] { "tiny-0/1", fIn, tiny };
                yield return new object[] { "tiny-random", fIn, tinyRandom };
                yield return new object[] { "one-lsb", fIn, oneLsb };
                yield return new object[] { "full-scale-ramp", fIn, ramp };
            }
        }

        [Theory]
        [MemberData(nameof(HostileRows))]
        public void HostileRowsStayWithinBound(string name, int fracIn, short[] row)
        {
            const int fOut = 10;
            var s = Make(row.Length, fracIn, fOut);
            var y = new short[row.Length];
            s.Op.Process(row, 0, y, 0);
            var r = LayerNormRef.Apply(Quant.Dequantize(row, fracIn), s.GammaQ, s.BetaQ, Eps);
            double worst = 0;
            for (int i = 0; i < row.Length; i++)
            {
                double expect = Math.Max(-32768, Math.Min(32767, r[i] * (1 << fOut)));   // saturated float
                worst = Math.Max(worst, Math.Abs(y[i] - expect));
            }
            output.WriteLine("LayerNorm hostile " + name + " fIn " + fracIn + ": max |error| " + worst.ToString("F3") + " LSB (bound " + BoundLsb + ")");
            Assert.True(worst <= BoundLsb, name + ": " + worst);
        }

        [Fact]
        public void EqualRowGivesExactlyBeta()
        {
            var s = Make(144, 8, 10);
            var row = new short[144];
            for (int i = 0; i < row.Length; i++) row[i] = -77;
            var y = new short[144];
            s.Op.Process(row, 0, y, 0);
            for (int i = 0; i < 144; i++) Assert.Equal(Math.Round(s.BetaQ[i] * 1024), (double)y[i]);
        }

        [Fact]
        public void LargeGammaSaturatesInsteadOfWrapping()
        {
            int d = 64;
            var gamma = new short[d];
            for (int i = 0; i < d; i++) gamma[i] = 32767;                    // γ ≈ 32 with fracGamma 10
            var op = new LayerNorm(d, gamma, 10, new int[d], 0, 12, EpsQ32);
            var row = new short[d]; row[0] = 32767;                         // z[0] = √63 ≈ 7.9 → 254 real
            var y = new short[d];
            op.Process(row, 0, y, 0);
            Assert.Equal(short.MaxValue, y[0]);
            double rest = -1 / Math.Sqrt(63) * (32767 / 1024.0) * 4096;     // ≈ −16516, inside the range
            for (int i = 1; i < d; i++) Assert.True(Math.Abs(y[i] - rest) <= BoundLsb, "y" + i + "=" + y[i]);
        }

        [Fact]
        public void InPlaceEqualsSeparateBuffers()
        {
            var s = Make(144, 9, 10);
            var x = Quant.Activations(Data.ActivationRows(4, 1, 144, 3.0)[0], 9);
            var y = new short[144];
            s.Op.Process(x, 0, y, 0);
            s.Op.Process(x, 0, x, 0);
            Assert.Equal(y, x);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var s = Make(144, 10, 10);
            var x = Quant.Activations(Data.ActivationRows(3, 1, 150, 1.0)[0], 10);
            var y = new short[150];
            Assert.Equal(0, Alloc.Measure(() => s.Op.Process(x, 3, y, 2)));
            Assert.Equal(4L * 144, s.Op.MacsPerFrame);
        }
    }
}
