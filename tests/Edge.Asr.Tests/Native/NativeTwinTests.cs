using System;
using Edge.Asr.Attention;
using Edge.Asr.FixedPoint;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Native;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The C twin (native/) equals the C# reference bit for bit: every op on 10,000 seeded random
    /// inputs (a quarter of them saturating extremes), built once with ManagedKernels and once with
    /// the native kernels and run on the same data.
    /// </summary>
    public class NativeTwinTests
    {
        private const int Trials = 10_000;
        private readonly IOpKernels _native = NativeKernelsFixture.Kernels();
        private readonly IOpKernels _managed = ManagedKernels.Instance;

        [Fact]
        public void RequantizeEqualsFixedRequantize()
        {
            var r = new RandomOpData(1);
            for (int t = 0; t < Trials; t++)
            {
                long acc = r.Long();
                int m = r.Multipliers(1)[0], s = r.Int(1, 62);
                Assert.True(Fixed.Requantize(acc, m, s) == PInvokeKernels.Requantize(acc, m, s), "acc " + acc + " m " + m + " s " + s);
            }
        }

        [Fact]
        public void SigmoidLookupEqualsSigmoidLookupQ15()
        {
            var r = new RandomOpData(2);
            for (int t = 0; t < Trials; t++)
            {
                int x = r.Short(), frac = r.Int(-16, 40);
                Assert.True(SigmoidLookup.Q15(x, frac) == PInvokeKernels.SigmoidQ15(x, frac), "x " + x + " frac " + frac);
            }
        }

        [Fact]
        public void LinearIsBitExact()
        {
            var r = new RandomOpData(3);
            for (int t = 0; t < Trials; t++)
            {
                int n = r.Int(0, 9) == 0 ? r.Int(257, 600) : r.Int(1, 70), m = r.Int(1, 4);
                sbyte[] w = r.Weights(n * m);
                int[] b = r.Ints(m, int.MinValue, int.MaxValue), mul = r.Multipliers(m), sh = r.Ints(m, 1, 63);
                bool relu = r.Bool();
                short[] x = r.Activations(n + 3);
                int off = r.Int(0, 3);
                short[] a = new short[m + 2], c = new short[m + 2];
                new Linear(n, m, w, b, mul, sh, relu, _managed).Process(x, off, a, 1);
                new Linear(n, m, w, b, mul, sh, relu, _native).Process(x, off, c, 1);
                Assert.Equal(a, c);
            }
        }

        /// <summary>The widths the native Linear has its own loops for (16, 32, 64: constant strides), the
        /// int32 single-sum limit (511) and past it, with many rows so four-row blocks and tails both run.</summary>
        [Fact]
        public void LinearIsBitExactOnItsSpecialisedWidths()
        {
            var r = new RandomOpData(31);
            int[] widths = { 16, 32, 64, 320, 511, 512 };
            for (int t = 0; t < 2_000; t++)
            {
                int n = widths[t % widths.Length], m = r.Int(1, 67);
                sbyte[] w = r.Weights(n * m);
                int[] b = r.Ints(m, int.MinValue, int.MaxValue), mul = r.Multipliers(m), sh = r.Ints(m, 1, 63);
                bool relu = r.Bool();
                short[] x = r.Activations(n);
                short[] a = new short[m], c = new short[m];
                new Linear(n, m, w, b, mul, sh, relu, _managed).Process(x, 0, a, 0);
                new Linear(n, m, w, b, mul, sh, relu, _native).Process(x, 0, c, 0);
                Assert.Equal(a, c);
            }
            // The largest sums: every product at +-2^22 over 511 and 512 inputs.
            foreach ((sbyte wv, short xv) in new (sbyte, short)[] { (-128, short.MinValue), (127, short.MinValue), (-128, short.MaxValue) })
                foreach (int n in new[] { 511, 512 })
                {
                    const int m = 5;
                    var w = new sbyte[n * m];
                    var x = new short[n];
                    Array.Fill(w, wv);
                    Array.Fill(x, xv);
                    int[] b = { 0, int.MaxValue, int.MinValue, 1 << 30, -(1 << 30) }, mul = r.Multipliers(m), sh = { 33, 40, 45, 50, 62 };
                    short[] a = new short[m], c = new short[m];
                    new Linear(n, m, w, b, mul, sh, false, _managed).Process(x, 0, a, 0);
                    new Linear(n, m, w, b, mul, sh, false, _native).Process(x, 0, c, 0);
                    Assert.Equal(a, c);
                }
        }

        /// <summary>Exact rounding ties (RandomOpData.RequantTie) through Linear's requantisation: zero inputs, so each
        /// output's accumulator is its bias; 40 rows so the eight-row blocks, the four-row block and the tail all run.</summary>
        [Fact]
        public void LinearRoundsExactTiesLikeTheReference()
        {
            var r = new RandomOpData(61);
            foreach (int n in new[] { 16, 32, 7 })
                for (int t = 0; t < 250; t++)
                {
                    const int m = 44;
                    int[] b = new int[m], mul = new int[m], sh = new int[m];
                    for (int o = 0; o < m; o++)
                    {
                        (b[o], mul[o], sh[o]) = r.RequantTie();
                        Int128 p = (Int128)b[o] * mul[o], mask = ((Int128)1 << sh[o]) - 1;
                        Assert.Equal((Int128)1 << (sh[o] - 1), p & mask);
                    }
                    bool relu = r.Bool();
                    var x = new short[n];
                    var w = r.Weights(n * m);
                    short[] a = new short[m], c = new short[m];
                    new Linear(n, m, w, b, mul, sh, relu, _managed).Process(x, 0, a, 0);
                    new Linear(n, m, w, b, mul, sh, relu, _native).Process(x, 0, c, 0);
                    Assert.Equal(a, c);
                }
        }

        [Fact]
        public void CausalDepthwiseConvIsBitExactWhileStreaming()
        {
            var r = new RandomOpData(4);
            int done = 0;
            while (done < Trials)
            {
                // Up to 40 channels (the native loop's groups of eight and the rest), the model's kernel 15 half the time.
                int ch = r.Int(1, 40), k = r.Bool() ? 15 : r.Int(1, 16);
                sbyte[] w = r.Weights(ch * k);
                int[] b = r.Bool() ? r.Ints(ch, int.MinValue, int.MaxValue) : r.Ints(ch, -(1 << 30), 1 << 30), mul = r.Multipliers(ch), sh = r.Ints(ch, 1, 63);
                var managed = new CausalDepthwiseConv1d(ch, k, w, b, mul, sh, _managed);
                var native = new CausalDepthwiseConv1d(ch, k, w, b, mul, sh, _native);
                for (int f = 0; f < 40; f++, done++)
                {
                    short[] x = r.Activations(ch);
                    short[] a = new short[ch], c = new short[ch];
                    managed.Process(x, 0, a, 0);
                    native.Process(x, 0, c, 0);
                    Assert.Equal(a, c);
                }
            }
        }

        [Fact]
        public void LayerNormIsBitExact()
        {
            var r = new RandomOpData(5);
            for (int t = 0; t < Trials; t++)
            {
                int d = r.Int(2, 80);
                short[] gamma = r.Shorts(d);
                int[] beta = r.Ints(d, -100000, 100000);
                int fg = r.Int(0, 15), fi = r.Int(-16, 30), fo = r.Int(-16, 30);
                long eps = r.Int(0, 3) == 0 ? 0 : r.Int(0, int.MaxValue - 1);
                short[] x = r.Int(0, 20) == 0 ? Constant(d, r.Short()) : r.Activations(d);
                short[] a = new short[d], c = new short[d];
                string ea = Run(() => new LayerNorm(d, gamma, fg, beta, fi, fo, eps, _managed).Process(x, 0, a, 0));
                string ec = Run(() => new LayerNorm(d, gamma, fg, beta, fi, fo, eps, _native).Process(x, 0, c, 0));
                Assert.Equal(ea, ec);
                Assert.Equal(a, c);
            }
        }

        /// <summary>LayerNorm rows that take the native fast paths' fallbacks too: full-range β (the int32 β add's
        /// bound), power-of-two and other widths up to 1024 (the shift for the variance's division; above 255 the
        /// 64-bit sums), single spikes (the largest |y| for the sum of squares and the pre-shifted products).</summary>
        [Fact]
        public void LayerNormIsBitExactOnFullRangeBetasSpikesAndWideRows()
        {
            var r = new RandomOpData(51);
            int[] widths = { 2, 16, 32, 64, 128, 256, 512, 1024, 3, 100, 300 };
            for (int t = 0; t < Trials; t++)
            {
                int d = t % 10 == 0 ? widths[r.Int(5, widths.Length - 1)] : widths[r.Int(0, 4)];
                short[] gamma = r.Shorts(d);
                int[] beta = r.Bool() ? r.Ints(d, int.MinValue, int.MaxValue) : r.Ints(d, -(1 << 30) - 2, (1 << 30) + 2);
                int fg = r.Int(0, 15), fi = r.Int(-16, 30), fo = r.Int(-16, 30);
                long eps = r.Int(0, 3) == 0 ? 0 : r.Int(0, int.MaxValue - 1);
                short[] x = r.Activations(d);
                if (r.Bool()) x[r.Int(0, d - 1)] = r.Bool() ? short.MaxValue : short.MinValue;
                short[] a = new short[d], c = new short[d];
                string ea = Run(() => new LayerNorm(d, gamma, fg, beta, fi, fo, eps, _managed).Process(x, 0, a, 0));
                string ec = Run(() => new LayerNorm(d, gamma, fg, beta, fi, fo, eps, _native).Process(x, 0, c, 0));
                Assert.Equal(ea, ec);
                Assert.Equal(a, c);
            }
        }

        [Fact]
        public void SoftmaxIsBitExact()
        {
            var r = new RandomOpData(6);
            for (int t = 0; t < Trials; t++)
            {
                int n = r.Int(1, 70), fi = r.Int(-14, 30);
                short[] x = r.Activations(n);
                short[] a = new short[n], c = new short[n];
                new Softmax(n, fi, _managed).Process(x, 0, a, 0, n);
                new Softmax(n, fi, _native).Process(x, 0, c, 0, n);
                Assert.Equal(a, c);
            }
        }

        [Fact]
        public void SwishSigmoidAndGluAreBitExact()
        {
            var r = new RandomOpData(7);
            for (int t = 0; t < Trials; t++)
            {
                int n = r.Int(1, 24), fi = r.Int(-16, 30), fo = r.Int(-16, 30);
                short[] x = r.Activations(2 * n);
                short[] a = new short[2 * n], c = new short[2 * n];
                new Swish(n, fi, fo, _managed).Process(x, 1, a, 0);
                new Swish(n, fi, fo, _native).Process(x, 1, c, 0);
                Assert.Equal(a, c);
                new Sigmoid(n, fi, _managed).Process(x, 0, a, n);
                new Sigmoid(n, fi, _native).Process(x, 0, c, n);
                Assert.Equal(a, c);
                new Glu(n, fi, fo, _managed).Process(x, 0, a, 0);
                new Glu(n, fi, fo, _native).Process(x, 0, c, 0);
                Assert.Equal(a, c);
            }
        }

        [Fact]
        public void ResidualAddIsBitExact()
        {
            var r = new RandomOpData(8);
            for (int t = 0; t < Trials; t++)
            {
                int n = r.Int(1, 24), fa = r.Int(-16, 24);
                int fb = fa + r.Int(-16, 16), fo = fa + r.Int(-16, 16);
                short[] x = r.Activations(n), y = r.Activations(n);
                short[] a = new short[n], c = new short[n];
                new ResidualAdd(n, fa, fb, fo, _managed).Process(x, 0, y, 0, a, 0);
                new ResidualAdd(n, fa, fb, fo, _native).Process(x, 0, y, 0, c, 0);
                Assert.Equal(a, c);
            }
        }

        /// <summary>The two subsampling conv kernels called directly with full-range parameters (biases up to
        /// ±2^31, every shift), any number of mel bins and channels, every output bin of stage 2.</summary>
        [Fact]
        public void SubsamplingConvKernelsAreBitExact()
        {
            var r = new RandomOpData(19);
            for (int t = 0; t < Trials; t++)
            {
                int melBins = r.Int(3, 48), bins1 = (melBins - 1) / 2 + 1, ch = r.Int(1, 40), off = r.Int(0, 2);
                short[] m2 = r.Activations(melBins + off), m1 = r.Activations(melBins + off), m0 = r.Activations(melBins + off);
                sbyte[] w = r.Weights(9 * ch);
                int[] b = r.Bool() ? r.Ints(ch, int.MinValue, int.MaxValue) : r.Ints(ch, -(1 << 24), 1 << 24);
                int[] mul = r.Multipliers(ch), sh = r.Ints(ch, 1, 63);
                short[] a = new short[bins1 * ch], c = new short[bins1 * ch];
                _managed.SubsampleConv1S8S16(m2, m1, m0, off, melBins, bins1, ch, w, b, mul, sh, a);
                _native.SubsampleConv1S8S16(m2, m1, m0, off, melBins, bins1, ch, w, b, mul, sh, c);
                Assert.Equal(a, c);

                short[] older = r.Activations(bins1 * ch), old = r.Activations(bins1 * ch), now = r.Activations(bins1 * ch);
                int bins2 = (bins1 - 1) / 2 + 1;
                for (int bin2 = 0; bin2 < bins2; bin2++)
                {
                    short[] da = new short[ch], dc = new short[ch];
                    _managed.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, ch, w, b, mul, sh, da);
                    _native.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, ch, w, b, mul, sh, dc);
                    Assert.Equal(da, dc);
                }
            }
        }

        [Fact]
        public void ConvSubsamplingIsBitExactWhileStreaming()
        {
            var r = new RandomOpData(9);
            int done = 0;
            while (done < Trials)
            {
                int mel = r.Int(3, 16), ch = r.Int(1, 4);
                int bins2 = ((mel - 1) / 2) / 2 + 1;
                sbyte[] w1 = r.Weights(9 * ch), wd = r.Weights(9 * ch), wp = r.Weights(ch * ch), wo = r.Weights(ch * bins2 * 3);
                int[] b1 = r.Ints(ch, -(1 << 20), 1 << 20), bd = r.Ints(ch, -(1 << 20), 1 << 20), bp = r.Ints(ch, -(1 << 20), 1 << 20), bo = r.Ints(3, -(1 << 20), 1 << 20);
                int[] m1 = r.Multipliers(ch), md = r.Multipliers(ch), mp = r.Multipliers(ch), mo = r.Multipliers(3);
                int[] s1 = r.Ints(ch, 10, 40), sd = r.Ints(ch, 10, 40), sp = r.Ints(ch, 10, 40), so = r.Ints(3, 10, 40);
                ConvSubsampling Make(IOpKernels k) => new ConvSubsampling(mel, ch, w1, b1, m1, s1, wd, bd, md, sd,
                    new Linear(ch, ch, wp, bp, mp, sp, true, k), new Linear(ch * bins2, 3, wo, bo, mo, so, false, k), k);
                ConvSubsampling managed = Make(_managed), native = Make(_native);
                for (int f = 0; f < 40; f++, done++)
                {
                    short[] x = r.Activations(mel + 1);
                    short[] a = new short[3], c = new short[3];
                    Assert.Equal(managed.Process(x, 1, a, 0), native.Process(x, 1, c, 0));
                    Assert.Equal(a, c);
                }
            }
        }

        [Fact]
        public void AttentionScoresAndContextAreBitExact()
        {
            var r = new RandomOpData(10);
            for (int t = 0; t < Trials; t++)
            {
                int head = r.Int(1, 16), sub = head * r.Int(1, 3), n = r.Int(1, 70), kOff = r.Int(0, sub - head);
                short[] q = r.Activations(head + 2), keys = r.Activations(n * sub + sub), vals = r.Activations(n * sub + sub);
                int mul = r.Multipliers(1)[0], sh = r.Int(1, 62), cs = r.Int(-16, 62);
                short[] sa = new short[n], sc = new short[n];
                _managed.AttentionScoresS16(q, 1, keys, kOff, sub, head, n, mul, sh, sa);
                _native.AttentionScoresS16(q, 1, keys, kOff, sub, head, n, mul, sh, sc);
                Assert.Equal(sa, sc);
                short[] p = r.Activations(n);
                short[] a = new short[head + 1], c = new short[head + 1];
                _managed.AttentionContextS16(p, n, vals, kOff, sub, head, cs, a, 1);
                _native.AttentionContextS16(p, n, vals, kOff, sub, head, cs, c, 1);
                Assert.Equal(a, c);
            }
        }

        /// <summary>Caches longer than the 255 positions one byte-split int32 sum holds (the native
        /// loops then sum blocks), eight-wide head slices (their own loops) and others.</summary>
        /// <summary>
        /// The 8-wide attention paths that sum in one int32 (query with Σ|q| ≤ 65535; probabilities ≥ 0 with Σp ≤ 65535):
        /// queries and probabilities at and just past those bounds, full-range keys and values, and score
        /// accumulators that are exact rounding ties (q = (1, 0, …), so a score is its key's first value).
        /// </summary>
        [Fact]
        public void AttentionNarrowSumsAreBitExact()
        {
            var r = new RandomOpData(12);
            for (int t = 0; t < Trials; t++)
            {
                const int head = 8;
                int sub = head * r.Int(1, 2), n = r.Int(1, 80);
                short[] keys = r.Shorts(n * sub), vals = r.Shorts(n * sub);
                var q = new short[head];
                int qBudget = r.Int(0, 3) == 0 ? r.Int(65530, 65540) : r.Int(0, 65535);
                for (int i = 0; i < head && qBudget > 0; i++)
                {
                    int mag = i == head - 1 ? Math.Min(qBudget, 32768) : r.Int(0, Math.Min(qBudget, 32768));
                    q[i] = (short)(r.Bool() ? -Math.Min(mag, 32768) : Math.Min(mag, 32767));
                    qBudget -= Math.Abs((int)q[i]);
                }
                if (r.Int(0, 3) == 0)
                {
                    // Keys that make every product the same sign at full scale: the largest |score| for this query.
                    bool negative = r.Bool();
                    for (int s2 = 0; s2 < n; s2++)
                        for (int i = 0; i < head; i++)
                            keys[s2 * sub + i] = (q[i] < 0) == negative ? short.MaxValue : short.MinValue;
                }
                int mul = r.Multipliers(1)[0], sh = r.Int(1, 62);
                if (r.Int(0, 3) == 0)
                {
                    (int acc, mul, sh) = r.RequantTie();
                    if (Math.Abs(acc) <= 32767) { Array.Clear(q); q[0] = 1; for (int s2 = 0; s2 < n; s2++) keys[s2 * sub] = (short)acc; }
                }
                short[] sa = new short[n], sc = new short[n];
                _managed.AttentionScoresS16(q, 0, keys, 0, sub, head, n, mul, sh, sa);
                _native.AttentionScoresS16(q, 0, keys, 0, sub, head, n, mul, sh, sc);
                Assert.Equal(sa, sc);

                var p = new short[n];
                int pBudget = r.Int(0, 3) == 0 ? r.Int(65530, 65540) : r.Int(0, 65535);
                for (int s2 = 0; s2 < n && pBudget > 0; s2++)
                {
                    int v = s2 == n - 1 ? Math.Min(pBudget, 32767) : r.Int(0, Math.Min(pBudget, 32767));
                    p[s2] = (short)v;
                    pBudget -= v;
                }
                if (r.Int(0, 9) == 0) p[r.Int(0, n - 1)] = (short)-r.Int(1, 32768);
                if (r.Int(0, 3) == 0) Array.Fill(vals, r.Bool() ? short.MinValue : short.MaxValue);
                int cs = r.Int(-16, 62);
                short[] a = new short[head], c = new short[head];
                _managed.AttentionContextS16(p, n, vals, 0, sub, head, cs, a, 0);
                _native.AttentionContextS16(p, n, vals, 0, sub, head, cs, c, 0);
                Assert.Equal(a, c);
            }
        }

        [Fact]
        public void AttentionOverLongCachesIsBitExact()
        {
            var r = new RandomOpData(33);
            for (int t = 0; t < 300; t++)
            {
                int head = t % 2 == 0 ? 8 : r.Int(1, 16), sub = head * r.Int(1, 3), n = r.Int(200, 700);
                short[] q = r.Activations(head), keys = r.Activations(n * sub), vals = r.Activations(n * sub), p = r.Activations(n);
                int mul = r.Multipliers(1)[0], sh = r.Int(1, 62), cs = r.Int(-16, 62);
                short[] sa = new short[n], sc = new short[n];
                _managed.AttentionScoresS16(q, 0, keys, 0, sub, head, n, mul, sh, sa);
                _native.AttentionScoresS16(q, 0, keys, 0, sub, head, n, mul, sh, sc);
                Assert.Equal(sa, sc);
                short[] a = new short[head], c = new short[head];
                _managed.AttentionContextS16(p, n, vals, 0, sub, head, cs, a, 0);
                _native.AttentionContextS16(p, n, vals, 0, sub, head, cs, c, 0);
                Assert.Equal(a, c);
            }
        }

        [Fact]
        public void FoldedAttentionIsBitExactWhileStreaming()
        {
            var r = new RandomOpData(11);
            int d = 8;
            Linear L(IOpKernels k, int seed)
            {
                var g = new RandomOpData(seed);
                return new Linear(d, d, g.Weights(d * d), g.Ints(d, -(1 << 16), 1 << 16), g.Multipliers(d), g.Ints(d, 12, 20), false, k);
            }
            FoldedAttention Make(IOpKernels k) => new FoldedAttention(16, 2, 2, 5, L(k, 1), L(k, 2), L(k, 3), L(k, 4), 1 << 30, 20, 10, 8, 8, k);
            FoldedAttention managed = Make(_managed), native = Make(_native);
            for (int f = 0; f < 200; f++)
            {
                short[] x = r.Activations(16);
                short[] a = new short[16], c = new short[16];
                managed.Process(x, 0, a, 0);
                native.Process(x, 0, c, 0);
                Assert.Equal(a, c);
            }
        }

        /// <summary>
        /// The input norm on 10,000 random frames: 1..80 channels at random offsets, every shift 1..8, first or not, inputs with
        /// saturating extremes, and means anywhere in their reachable range [−2^23, 32767·2^8] (a quarter at its ends, so
        /// outputs saturate both ways); outputs and updated means equal.
        /// </summary>
        [Fact]
        public void RunningMeanSubtractIsBitExact()
        {
            var r = new RandomOpData(71);
            for (int t = 0; t < Trials; t++)
            {
                int ch = r.Int(1, 80), shift = r.Int(1, RunningMeanSubtractS16.MaxShift), inOff = r.Int(0, 3), outOff = r.Int(0, 3);
                bool first = r.Int(0, 7) == 0;
                short[] x = r.Activations(ch + inOff);
                int[] means = ReachableMeans(r, ch);
                AssertNormEqual(x, inOff, means, ch, shift, first, outOff);
            }
        }

        /// <summary>The norm streaming as the model runs it (first frame, then its own means) over frames that jump between extremes.</summary>
        [Fact]
        public void RunningMeanSubtractIsBitExactWhileStreaming()
        {
            var r = new RandomOpData(72);
            for (int run = 0; run < 100; run++)
            {
                int ch = r.Int(1, 48), shift = r.Int(1, RunningMeanSubtractS16.MaxShift);
                int[] a = new int[ch], c = new int[ch];
                for (int f = 0; f < 100; f++)
                {
                    short[] x = f % 17 == 5 ? Constant(ch, r.Bool() ? short.MaxValue : short.MinValue) : r.Activations(ch);
                    short[] ya = new short[ch], yc = new short[ch];
                    _managed.RunningMeanSubtractS16(x, 0, a, ch, shift, f == 0, ya, 0);
                    _native.RunningMeanSubtractS16(x, 0, c, ch, shift, f == 0, yc, 0);
                    Assert.Equal(ya, yc);
                    Assert.Equal(a, c);
                }
            }
        }

        /// <summary>Means no frame can produce (any int32): the C computes in uint32 so it wraps exactly as C#'s unchecked int does.</summary>
        [Fact]
        public void RunningMeanSubtractIsBitExactOnUnreachableMeans()
        {
            var r = new RandomOpData(73);
            for (int t = 0; t < 2_000; t++)
            {
                int ch = r.Int(1, 40);
                int[] means = r.Int(0, 3) == 0
                    ? Pick(r, ch, new[] { int.MinValue, int.MaxValue, int.MinValue + 1, int.MaxValue - 1 }, () => r.Ints(1, int.MinValue, int.MaxValue)[0])
                    : r.Ints(ch, int.MinValue, int.MaxValue);
                AssertNormEqual(r.Shorts(ch), 0, means, ch, r.Int(1, RunningMeanSubtractS16.MaxShift), false, 0);
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(9)]
        [InlineData(-1)]
        public void RunningMeanSubtractRefusesAShiftOutsideOneToEightOnBothPaths(int shift)
        {
            var means = new[] { 256, -256 };
            var y = new short[] { 7, 7 };
            var ea = Assert.Throws<ArgumentOutOfRangeException>(() => _managed.RunningMeanSubtractS16(new short[] { 1, 2 }, 0, means, 2, shift, false, y, 0));
            var ec = Assert.Throws<ArgumentOutOfRangeException>(() => _native.RunningMeanSubtractS16(new short[] { 1, 2 }, 0, means, 2, shift, false, y, 0));
            Assert.Equal(ea.Message, ec.Message);
            Assert.Contains("RunningMeanSubtractS16: shift must be in [1, 8], got " + shift, ec.Message);
            Assert.Equal(new[] { 256, -256 }, means);
            Assert.Equal(new short[] { 7, 7 }, y);
        }

        [Fact]
        public void RunningMeanSubtractRefusesMeansShorterThanTheChannels()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
                _native.RunningMeanSubtractS16(new short[4], 0, new int[3], 4, 6, true, new short[4], 0));
            Assert.Contains("range outside the array", e.Message);
        }

        private void AssertNormEqual(short[] x, int inOff, int[] means, int ch, int shift, bool first, int outOff)
        {
            int[] ma = (int[])means.Clone(), mc = (int[])means.Clone();
            short[] a = new short[ch + outOff], c = new short[ch + outOff];
            _managed.RunningMeanSubtractS16(x, inOff, ma, ch, shift, first, a, outOff);
            _native.RunningMeanSubtractS16(x, inOff, mc, ch, shift, first, c, outOff);
            Assert.Equal(a, c);
            Assert.Equal(ma, mc);
        }

        /// <summary>Means a stream can reach: between x·2^8 of the most negative and the largest input, a quarter at the ends.</summary>
        internal static int[] ReachableMeans(RandomOpData r, int n)
        {
            const int Low = short.MinValue * 256, High = short.MaxValue * 256;
            if (r.Int(0, 3) == 0) return Pick(r, n, new[] { Low, High, Low + 1, High - 1, 0, -1, 1 }, () => r.Int(Low, High));
            return r.Ints(n, Low, High + 1);
        }

        /// <summary>n values, each one of the given ones or (half the time) another().</summary>
        private static int[] Pick(RandomOpData r, int n, int[] values, Func<int> another)
        {
            var a = new int[n];
            for (int i = 0; i < n; i++) a[i] = r.Bool() ? values[r.Int(0, values.Length - 1)] : another();
            return a;
        }

        [Fact]
        public void RangesOutsideTheArraysAreRefusedBeforeNativeCodeRuns()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
                _native.LinearS8S16(new short[4], 2, 4, new sbyte[8], new int[2], new[] { 1 << 30, 1 << 30 }, new[] { 1, 1 }, new short[2], 0, 2, false));
            Assert.Contains("range outside the array", e.Message);
        }

        private static short[] Constant(int n, short v)
        {
            var a = new short[n];
            Array.Fill(a, v);
            return a;
        }

        private static string Run(Action a)
        {
            try { a(); return ""; }
            catch (Exception e) { return e.GetType().Name + ": " + e.Message; }
        }
    }
}
