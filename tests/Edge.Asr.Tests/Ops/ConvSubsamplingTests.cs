using System;
using System.Collections.Generic;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Ops
{
    public class ConvSubsamplingTests
    {
        private const int Mel = 40, C = 32, D = 144;
        private readonly ITestOutputHelper output;
        public ConvSubsamplingTests(ITestOutputHelper output) { this.output = output; }

        /// <summary>Log-mel-like frames: a smooth spectral envelope drifting over time plus noise, in [-12, 4].</summary>
        private static double[][] MelFrames(int seed, int frames)
        {
            var rng = new Random(seed);
            var x = new double[frames][];
            double phase = 0;
            for (int t = 0; t < frames; t++)
            {
                phase += 0.15 + 0.1 * rng.NextDouble();
                double loud = -4 + 3 * Math.Sin(phase * 0.3) + (rng.NextDouble() < 0.1 ? -5 : 0);
                x[t] = new double[Mel];
                for (int f = 0; f < Mel; f++)
                    x[t][f] = Math.Max(-12, Math.Min(4, loud + 2.5 * Math.Sin(0.35 * f + phase) - 0.08 * f + 0.7 * Data.Gaussian(rng)));
            }
            return x;
        }

        private static SubsamplingRef MakeReference()
        {
            var r = new SubsamplingRef
            {
                Conv1 = Data.Weights(101, C, 9),
                Conv1B = Data.Vector(102, C, 0.1),
                Dw = Data.Weights(103, C, 9),
                DwB = Data.Vector(104, C, 0.1),
                Pw = Data.Weights(105, C, C),
                PwB = Data.Vector(106, C, 0.1),
                Out = Data.Weights(107, D, C * 10),
                OutB = Data.Vector(108, D, 0.1),
            };
            return r;
        }

        private static double MaxAbs(double[][][] x)
        {
            double m = 0;
            foreach (var a in x) foreach (var b in a) foreach (var v in b) m = Math.Max(m, Math.Abs(v));
            return m;
        }

        private static double Mean(double[][] x)
        {
            double s = 0; int n = 0;
            foreach (var r in x) foreach (var v in r) { s += v; n++; }
            return s / n;
        }

        private static double[] ChannelMeans(double[][][] x)
        {
            var m = new double[x[0][0].Length];
            int n = 0;
            foreach (var t in x) foreach (var f in t) { for (int c = 0; c < m.Length; c++) m[c] += f[c]; n++; }
            for (int c = 0; c < m.Length; c++) m[c] /= n;
            return m;
        }

        private static ConvSubsampling Build(SubsamplingRef r, double[][] calibMel, out int fMel, out int fOut)
        {
            var yCal = r.Apply(calibMel, out var s1, out var dw, out var pw, out var flat);
            // One bit of headroom above the calibrated maxima: other audio may be louder.
            fMel = Quant.FracBitsFor(2 * Data.MaxAbs(calibMel));
            int f1 = Quant.FracBitsFor(2 * MaxAbs(s1));
            int f2 = Quant.FracBitsFor(2 * MaxAbs(dw));
            int f3 = Quant.FracBitsFor(2 * MaxAbs(pw));
            fOut = Quant.FracBitsFor(2 * Data.MaxAbs(yCal));
            // Bias correction needs the mean input of every weight: per channel for the convs, per
            // position for the output layer.
            double melMean = Mean(calibMel);
            var s1Mean = ChannelMeans(s1);
            var dwMean = ChannelMeans(dw);
            var flatMean = new double[flat[0].Length];
            foreach (var v in flat) for (int i = 0; i < v.Length; i++) flatMean[i] += v[i] / flat.Length;
            var q1 = Quant.Layer(r.Conv1, r.Conv1B, fMel, f1, (o, i) => melMean);
            var qd = Quant.Layer(r.Dw, r.DwB, f1, f2, (o, i) => s1Mean[o]);
            var qp = Quant.Layer(r.Pw, r.PwB, f2, f3, (o, i) => dwMean[i]);
            var qo = Quant.Layer(r.Out, r.OutB, f3, fOut, (o, i) => flatMean[i]);
            return new ConvSubsampling(Mel, C,
                q1.Weights, q1.Bias, q1.Multipliers, q1.Shifts,
                qd.Weights, qd.Bias, qd.Multipliers, qd.Shifts,
                new Linear(C, C, qp.Weights, qp.Bias, qp.Multipliers, qp.Shifts, true),
                new Linear(C * 10, D, qo.Weights, qo.Bias, qo.Multipliers, qo.Shifts));
        }

        private static List<short[]> Stream(ConvSubsampling op, short[][] mel, List<int>? emittedAt = null)
        {
            var frames = new List<short[]>();
            for (int t = 0; t < mel.Length; t++)
            {
                var y = new short[op.OutputSize];
                if (op.Process(mel[t], 0, y, 0))
                {
                    frames.Add(y);
                    emittedAt?.Add(t);
                }
            }
            return frames;
        }

        [Fact]
        public void MatchesFloatWithin35Db()
        {
            var r = MakeReference();
            var op = Build(r, MelFrames(110, 200), out int fMel, out int fOut);
            var mel = MelFrames(111, 203);
            var yRef = r.Apply(mel, out _, out _, out _, out _);
            var melQ = new short[mel.Length][];
            for (int t = 0; t < mel.Length; t++) melQ[t] = Quant.Activations(mel[t], fMel);
            var emittedAt = new List<int>();
            var got = Stream(op, melQ, emittedAt);
            Assert.Equal(yRef.Length, got.Count);                  // ceil(ceil(203/2)/2) = 51
            Assert.Equal(51, got.Count);
            for (int i = 0; i < emittedAt.Count; i++) Assert.Equal(4 * i, emittedAt[i]);
            var gotD = new double[got.Count][];
            for (int i = 0; i < got.Count; i++) gotD[i] = Quant.Dequantize(got[i], fOut);
            double snr = Snr.Db(Data.Flatten(yRef), Data.Flatten(gotD));
            output.WriteLine("ConvSubsampling 40 mel x1 → C=" + C + " → D=" + D + ": SNR " + snr.ToString("F2") + " dB (fMel " + fMel + ", fOut " + fOut + "), MACs per encoder frame " + op.MacsPerFrame);
            Assert.True(snr >= 35, "SNR " + snr);
        }

        [Fact]
        public void ResetRestartsTheStreamBitForBitAndIsCausal()
        {
            var r = MakeReference();
            var op = Build(r, MelFrames(110, 100), out int fMel, out int _);
            var mel = MelFrames(112, 60);
            var melQ = new short[mel.Length][];
            for (int t = 0; t < mel.Length; t++) melQ[t] = Quant.Activations(mel[t], fMel);
            var first = Stream(op, melQ);
            op.Reset();
            var again = Stream(op, melQ);
            Assert.Equal(first.Count, again.Count);
            for (int i = 0; i < first.Count; i++) Assert.Equal(first[i], again[i]);
            // Causality: changing frames after 4k leaves every frame emitted up to 4k unchanged.
            op.Reset();
            var changed = (short[][])melQ.Clone();
            for (int t = 33; t < changed.Length; t++) changed[t] = new short[Mel];
            var other = Stream(op, changed);
            for (int i = 0; i <= 8; i++) Assert.Equal(first[i], other[i]);
            Assert.NotEqual(first[9], other[9]);
        }

        [Fact]
        public void FullScaleInputSaturatesWithoutWrapping()
        {
            var r = MakeReference();
            var op = Build(r, MelFrames(110, 100), out int _, out int _);
            var y = new short[D];
            var hot = new short[Mel];
            for (int f = 0; f < Mel; f++) hot[f] = (short)(f % 2 == 0 ? 32767 : -32768);
            for (int t = 0; t < 16; t++) op.Process(hot, 0, y, 0);
            int saturated = 0;
            foreach (var v in y) if (v == short.MaxValue || v == short.MinValue) saturated++;
            output.WriteLine("ConvSubsampling full-scale input: " + saturated + " of " + D + " outputs at the int16 limits");
            Assert.True(saturated > 0);
        }

        [Fact]
        public void ProcessAllocatesNothingAndCountsMacs()
        {
            var r = MakeReference();
            var op = Build(r, MelFrames(110, 50), out int fMel, out int _);
            var mel = Quant.Activations(MelFrames(113, 1)[0], fMel);
            var y = new short[D];
            Assert.Equal(0, Alloc.Measure(() => op.Process(mel, 0, y, 0), 40));
            Assert.Equal(20, op.Bins1);
            Assert.Equal(10, op.Bins2);
            // stage 1: 2 runs × (20·3 − 1 padded tap) × 3 time taps × C; depthwise (10·3 − 1)·3·C;
            // pointwise 10·C·C; output C·10·D.
            long expect = 2L * 59 * 3 * C + 29L * 3 * C + 10L * C * C + (long)C * 10 * D;
            Assert.Equal(expect, op.MacsPerFrame);
            Assert.Equal(2 * (2 * Mel + 3 * 20 * C), op.StateBytes);
        }
    }
}
