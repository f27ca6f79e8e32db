using System;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class HalfStepFfnTests
    {
        private readonly ITestOutputHelper output;
        public HalfStepFfnTests(ITestOutputHelper output) { this.output = output; }

        private sealed class Model
        {
            public double[] Gamma = Array.Empty<double>(), Beta = Array.Empty<double>(), B1 = Array.Empty<double>(), B2 = Array.Empty<double>();
            public double[][] W1 = Array.Empty<double[]>(), W2 = Array.Empty<double[]>();

            public double[] Ln(double[] x) { return LayerNormRef.Apply(x, Gamma, Beta, 1e-5); }
            public double[] Up(double[] x) { return LinearRef.Apply(W1, B1, Ln(x)); }
            public double[] Hidden(double[] x) { return ActivationRef.Map(Up(x), ActivationRef.Swish); }
            public double[] Down(double[] x) { return LinearRef.Apply(W2, B2, Hidden(x)); }
            public double[] Forward(double[] x)
            {
                var f = Down(x);
                var y = new double[x.Length];
                for (int i = 0; i < x.Length; i++) y[i] = x[i] + 0.5 * f[i];
                return y;
            }
        }

        private static double Max(double[][] rows, Func<double[], double[]> f)
        {
            double m = 0;
            foreach (var r in rows) foreach (var v in f(r)) m = Math.Max(m, Math.Abs(v));
            return m;
        }

        /// <summary>Builds the fixed-point FFN with fraction bits calibrated on the given rows.</summary>
        private static HalfStepFfn Build(Model m, double[][] calib, int d, int h, out int fx, out int fOut)
        {
            fx = Quant.FracBitsFor(Data.MaxAbs(calib));
            int fLn = Quant.FracBitsFor(Max(calib, m.Ln));
            int fUp = Quant.FracBitsFor(Max(calib, m.Up));
            int fHid = Quant.FracBitsFor(Max(calib, m.Hidden));
            int fDown = Quant.FracBitsFor(Max(calib, m.Down));
            fOut = Quant.FracBitsFor(Max(calib, m.Forward));
            double gmax = 0;
            foreach (var g in m.Gamma) gmax = Math.Max(gmax, Math.Abs(g));
            int fg = Math.Min(15, Quant.FracBitsFor(gmax));
            var beta = new int[d];
            for (int i = 0; i < d; i++) beta[i] = (int)Math.Round(m.Beta[i] * Math.Pow(2, fLn));
            var q1 = Quant.Layer(m.W1, m.B1, fLn, fUp);
            var q2 = Quant.Layer(m.W2, m.B2, fHid, fDown);
            return new HalfStepFfn(
                new LayerNorm(d, Quant.Activations(m.Gamma, fg), fg, beta, fx, fLn, 42950),
                new Linear(d, h, q1.Weights, q1.Bias, q1.Multipliers, q1.Shifts),
                new Swish(h, fUp, fHid),
                new Linear(h, d, q2.Weights, q2.Bias, q2.Multipliers, q2.Shifts),
                new ResidualAdd(d, fx, fDown + 1, fOut));
        }

        private static Model MakeModel(int d, int h)
        {
            var rng = new Random(91);
            var m = new Model { Gamma = new double[d], Beta = new double[d] };
            for (int i = 0; i < d; i++) { m.Gamma[i] = 1 + 0.2 * Data.Gaussian(rng); m.Beta[i] = 0.1 * Data.Gaussian(rng); }
            m.W1 = Data.Weights(92, h, d);
            m.B1 = Data.Vector(93, h, 0.1);
            m.W2 = Data.Weights(94, d, h);
            m.B2 = Data.Vector(95, d, 0.1);
            return m;
        }

        [Fact]
        public void MatchesFloatWithin35Db()
        {
            const int d = 144, h = 576;
            var m = MakeModel(d, h);
            var calib = Data.ActivationRows(96, 64, d, 1.0);
            var ffn = Build(m, calib, d, h, out int fx, out int fOut);
            var test = Data.ActivationRows(97, 64, d, 1.0);
            var yRef = new double[test.Length][];
            var got = new double[test.Length][];
            var fRef = new double[test.Length][];
            var fGot = new double[test.Length][];
            var y = new short[d];
            for (int t = 0; t < test.Length; t++)
            {
                yRef[t] = m.Forward(test[t]);
                var xq = Quant.Activations(test[t], fx);
                ffn.Process(xq, 0, y, 0);
                got[t] = Quant.Dequantize(y, fOut);
                // The module's own contribution ½·f, where its errors are not hidden behind x.
                var xd = Quant.Dequantize(xq, fx);
                fRef[t] = new double[d];
                fGot[t] = new double[d];
                for (int i = 0; i < d; i++) { fRef[t][i] = yRef[t][i] - test[t][i]; fGot[t][i] = got[t][i] - xd[i]; }
            }
            double snr = Snr.Db(Data.Flatten(yRef), Data.Flatten(got));
            double snrBranch = Snr.Db(Data.Flatten(fRef), Data.Flatten(fGot));
            output.WriteLine("HalfStepFfn D=" + d + " H=" + h + ": SNR " + snr.ToString("F2") + " dB (output), " + snrBranch.ToString("F2") + " dB (FFN branch ½·f alone)");
            Assert.True(snr >= 35, "SNR " + snr);
            Assert.True(snrBranch >= 35, "branch SNR " + snrBranch);
        }

        [Fact]
        public void EqualsItsPartsBitForBitOnFullScaleInput()
        {
            const int d = 48, h = 96;
            var m = MakeModel(d, h);
            var calib = Data.ActivationRows(99, 16, d, 1.0);
            var ffn = Build(m, calib, d, h, out int fx, out int fOut);
            var ln = new short[d]; var up = new short[h]; var dn = new short[d]; var y = new short[d];
            var x = new short[d];
            for (int i = 0; i < d; i++) x[i] = (short)(i % 3 == 0 ? 32767 : -32768);
            ffn.Process(x, 0, y, 0);
            // The same computation by hand with freshly built parts.
            var parts = Build(m, calib, d, h, out _, out _);
            var fields = typeof(HalfStepFfn).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);
            object Part(string name) { foreach (var f in fields) if (f.Name == name) return f.GetValue(parts)!; throw new InvalidOperationException(name); }
            ((LayerNorm)Part("norm")).Process(x, 0, ln, 0);
            ((Linear)Part("up")).Process(ln, 0, up, 0);
            ((Swish)Part("swish")).Process(up, 0, up, 0);
            ((Linear)Part("down")).Process(up, 0, dn, 0);
            var byHand = new short[d];
            ((ResidualAdd)Part("residual")).Process(x, 0, dn, 0, byHand, 0);
            Assert.Equal(byHand, y);
            int saturated = 0;
            foreach (var v in y) if (v == short.MaxValue || v == short.MinValue) saturated++;
            output.WriteLine("HalfStepFfn full-scale input: " + saturated + " of " + d + " outputs at the int16 limits (fIn " + fx + ", fOut " + fOut + ")");
            Assert.True(saturated > 0);
            // The residual x dominates: no output may have wrapped to the opposite sign.
            for (int i = 0; i < d; i++) Assert.Equal(Math.Sign((int)x[i]), Math.Sign((int)y[i]));
        }

        [Fact]
        public void InPlaceEqualsSeparateBuffersAndAllocatesNothing()
        {
            const int d = 32, h = 64;
            var m = MakeModel(d, h);
            var calib = Data.ActivationRows(98, 16, d, 1.0);
            var ffn = Build(m, calib, d, h, out int fx, out int _);
            var x = Quant.Activations(calib[3], fx);
            var y = new short[d];
            ffn.Process(x, 0, y, 0);
            var inPlace = (short[])x.Clone();
            ffn.Process(inPlace, 0, inPlace, 0);
            Assert.Equal(y, inPlace);
            Assert.Equal(0, Alloc.Measure(() => ffn.Process(x, 0, y, 0)));
            Assert.Equal(4L * d + (long)d * h + 2L * h + (long)h * d + d, ffn.MacsPerFrame);
        }
    }
}
