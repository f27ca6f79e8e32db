using System;
using System.Collections.Generic;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Reference
{
    /// <summary>
    /// The Conformer of docs/model.md in double precision with ordinary LayerNorm (ε = 1e-5) and
    /// softmax: the reference the fixed-point engine is measured against and PyTorch must match.
    /// Input: log-mel frames in log2 units (the frontend's Q8 integers / 256). Runs a whole clip
    /// with causal masks (every output depends only on the past, as in streaming) and records
    /// every activation point in a <see cref="FloatTrace"/>.
    /// </summary>
    public sealed class FloatModel
    {
        public const double LayerNormEps = 1e-5;

        private readonly ModelConfig c;
        private readonly FloatTensors w;

        public FloatModel(ModelConfig config, FloatTensors tensors)
        {
            c = config;
            w = tensors;
            foreach (var (name, shape) in ModelTensorNames.Float(config)) tensors.Get(name, shape);   // all present, right shapes
        }

        public ModelConfig Config => c;

        /// <summary>Frontend integers (Q8 log2) → float input (log2 units).</summary>
        public static double[][] InputFromFrontend(short[][] melQ8)
        {
            var x = new double[melQ8.Length][];
            for (int t = 0; t < melQ8.Length; t++)
            {
                x[t] = new double[melQ8[t].Length];
                for (int i = 0; i < x[t].Length; i++) x[t][i] = melQ8[t][i] / 256.0;
            }
            return x;
        }

        /// <summary>Runs a clip; the logits of encoder frame t are trace["classifier"][t], block b's output trace["blocks.b.norm"][t].</summary>
        public FloatTrace Run(double[][] mel) => Run(mel, new FloatTrace());

        /// <summary>As <see cref="Run(double[][])"/>, recording into <paramref name="trace"/> (e.g. one that keeps only "classifier"); same arithmetic.</summary>
        public FloatTrace Run(double[][] mel, FloatTrace trace)
        {
            if (c.InputNormShift > 0) mel = RunningMeanSubtract(mel, c.InputNormShift);
            foreach (var m in mel) trace.Record("input", m);
            var x = Subsampling(mel, trace);
            for (int b = 0; b < c.Blocks; b++) x = Block(b, x, trace);
            var pooled = new double[c.Dim];
            for (int t = 0; t < x.Length; t++)
            {
                int n = Math.Min(t + 1, c.PoolWindow);
                Array.Clear(pooled);
                for (int s = t - n + 1; s <= t; s++) for (int i = 0; i < c.Dim; i++) pooled[i] += x[s][i] / n;
                trace.Record("pool", pooled);
                trace.Record("classifier", Linear("classifier", c.Dim, c.Classes, pooled));
            }
            return trace;
        }

        /// <summary>
        /// The float reference of RunningMeanSubtractS16: per channel m_0 = x_0, m_t = m_(t−1) + (x_t − m_(t−1))·2^−shift,
        /// output x_t − m_t (training/model.py computes the same).
        /// </summary>
        public static double[][] RunningMeanSubtract(double[][] mel, int shift)
        {
            double s = Math.Pow(2, -shift);
            var y = new double[mel.Length][];
            double[] m = mel.Length > 0 ? (double[])mel[0].Clone() : Array.Empty<double>();
            for (int t = 0; t < mel.Length; t++)
            {
                y[t] = new double[mel[t].Length];
                for (int i = 0; i < y[t].Length; i++)
                {
                    if (t > 0) m[i] += (mel[t][i] - m[i]) * s;
                    y[t][i] = mel[t][i] - m[i];
                }
            }
            return y;
        }

        // ---- subsampling ----

        private double[][] Subsampling(double[][] mel, FloatTrace trace)
        {
            int ch = c.SubsamplingChannels, f2 = c.SubsampledBins;
            var input = new double[mel.Length][][];
            for (int t = 0; t < mel.Length; t++)
            {
                input[t] = new double[mel[t].Length][];
                for (int f = 0; f < mel[t].Length; f++) input[t][f] = new[] { mel[t][f] };
            }
            var w1 = w.Get("subsampling.conv1.weight", ch, 1, 3, 3);
            var s1 = Conv2d(input, ch, (o, i, k) => w1[o * 9 + k], w.Get("subsampling.conv1.bias", ch), false, true);
            Record(trace, "subsampling.conv1", s1);
            var wd = w.Get("subsampling.dw.weight", ch, 1, 3, 3);
            var dw = Conv2d(s1, ch, (o, i, k) => wd[o * 9 + k], w.Get("subsampling.dw.bias", ch), true, false);
            Record(trace, "subsampling.dw", dw);
            var y = new double[dw.Length][];
            for (int t = 0; t < dw.Length; t++)
            {
                var flat = new double[ch * f2];
                for (int f = 0; f < f2; f++)
                {
                    var pw = Linear("subsampling.pw", ch, ch, dw[t][f]);
                    for (int k = 0; k < ch; k++) pw[k] = Math.Max(0, pw[k]);
                    trace.Record("subsampling.pw", pw);
                    for (int k = 0; k < ch; k++) flat[k * f2 + f] = pw[k];
                }
                trace.Record("subsampling.flat", flat);
                y[t] = Linear("subsampling.out", ch * f2, c.Dim, flat);
                trace.Record("subsampling.out", y[t]);
            }
            return y;
        }

        private static void Record(FloatTrace trace, string name, double[][][] x)
        {
            foreach (var t in x) foreach (var f in t) trace.Record(name, f);
        }

        /// <summary>
        /// 3×3 conv, stride 2×2, time padded 2 frames on the left (causal), frequency padded 1 each side;
        /// input[t][f][c], weight(out, in, kt·3 + kf). The one float definition of the subsampling convs.
        /// </summary>
        public static double[][][] Conv2d(double[][][] input, int outChannels, Func<int, int, int, double> weight, double[] bias, bool depthwise, bool relu)
        {
            int t = input.Length, fIn = input[0].Length, cIn = input[0][0].Length;
            int tOut = (t + 1) / 2, fOut = (fIn - 1) / 2 + 1;
            var y = new double[tOut][][];
            for (int i = 0; i < tOut; i++)
            {
                y[i] = new double[fOut][];
                for (int f = 0; f < fOut; f++)
                {
                    y[i][f] = new double[outChannels];
                    for (int o = 0; o < outChannels; o++)
                    {
                        double s = bias[o];
                        for (int kt = 0; kt < 3; kt++)
                        {
                            int src = 2 * i - 2 + kt;
                            if (src < 0) continue;
                            for (int kf = 0; kf < 3; kf++)
                            {
                                int bin = 2 * f - 1 + kf;
                                if (bin < 0 || bin >= fIn) continue;
                                if (depthwise) s += weight(o, o, kt * 3 + kf) * input[src][bin][o];
                                else for (int ci = 0; ci < cIn; ci++) s += weight(o, ci, kt * 3 + kf) * input[src][bin][ci];
                            }
                        }
                        y[i][f][o] = relu ? Math.Max(0, s) : s;
                    }
                }
            }
            return y;
        }

        // ---- blocks ----

        private double[][] Block(int b, double[][] x, FloatTrace trace)
        {
            string p = "blocks." + b;
            int n = x.Length, d = c.Dim;
            var y = new double[n][];
            for (int t = 0; t < n; t++) y[t] = Ffn(p + ".ffn1", x[t], trace);
            if (c.HasAttention(b)) y = Attention(p + ".attn", y, trace);
            y = Conv(p + ".conv", y, trace);
            for (int t = 0; t < n; t++)
            {
                y[t] = Ffn(p + ".ffn2", y[t], trace);
                y[t] = Norm(p + ".norm", y[t]);
                trace.Record(p + ".norm", y[t]);
            }
            return y;
        }

        private double[] Ffn(string p, double[] x, FloatTrace trace)
        {
            var a = Norm(p + ".norm", x); trace.Record(p + ".norm", a);
            var h = Linear(p + ".linear1", c.Dim, c.FfnHidden, a); trace.Record(p + ".linear1", h);
            for (int i = 0; i < h.Length; i++) h[i] = Swish(h[i]);
            trace.Record(p + ".swish", h);
            var f = Linear(p + ".linear2", c.FfnHidden, c.Dim, h); trace.Record(p + ".linear2", f);
            var y = new double[x.Length];
            for (int i = 0; i < y.Length; i++) y[i] = x[i] + 0.5 * f[i];
            trace.Record(p, y);
            return y;
        }

        /// <summary>Folded causal MHSA over the whole clip: query sub-tokens of frame t see every sub-token of frames t−L .. t.</summary>
        private double[][] Attention(string p, double[][] x, FloatTrace trace)
        {
            int n = x.Length, d = c.Dim, fold = c.Fold, sd = c.SubDim, hd = c.HeadDim;
            var q = new double[n][]; var k = new double[n][]; var v = new double[n][];
            var y = new double[n][];
            double scale = 1.0 / Math.Sqrt(hd);
            for (int t = 0; t < n; t++)
            {
                var a = Norm(p + ".norm", x[t]); trace.Record(p + ".norm", a);
                q[t] = Project(p + ".q", a); k[t] = Project(p + ".k", a); v[t] = Project(p + ".v", a);
                trace.Record(p + ".q", q[t]); trace.Record(p + ".k", k[t]); trace.Record(p + ".v", v[t]);
                int first = Math.Max(0, t - c.LeftContext), keys = (t - first + 1) * fold;
                var ctx = new double[d];
                for (int j = 0; j < fold; j++)
                    for (int h = 0; h < c.Heads; h++)
                    {
                        int qAt = j * sd + h * hd;
                        var s = new double[keys];
                        for (int u = 0; u < keys; u++)
                        {
                            int frame = first + u / fold, kAt = (u % fold) * sd + h * hd;
                            double dot = 0;
                            for (int i = 0; i < hd; i++) dot += q[t][qAt + i] * k[frame][kAt + i];
                            s[u] = dot * scale;
                        }
                        trace.Record(p + ".scores", s);
                        var pr = Softmax(s);
                        for (int u = 0; u < keys; u++)
                        {
                            int frame = first + u / fold, vAt = (u % fold) * sd + h * hd;
                            for (int i = 0; i < hd; i++) ctx[qAt + i] += pr[u] * v[frame][vAt + i];
                        }
                    }
                trace.Record(p + ".context", ctx);
                var o = Project(p + ".out", ctx); trace.Record(p + ".out", o);
                y[t] = new double[d];
                for (int i = 0; i < d; i++) y[t][i] = x[t][i] + o[i];
                trace.Record(p, y[t]);
            }
            return y;
        }

        /// <summary>A (D/F)×(D/F) projection applied to each of the F sub-tokens of a frame.</summary>
        private double[] Project(string name, double[] x)
        {
            int sd = c.SubDim;
            var y = new double[c.Dim];
            var part = new double[sd];
            for (int j = 0; j < c.Fold; j++)
            {
                Array.Copy(x, j * sd, part, 0, sd);
                Array.Copy(Linear(name, sd, sd, part), 0, y, j * sd, sd);
            }
            return y;
        }

        private double[][] Conv(string p, double[][] x, FloatTrace trace)
        {
            int n = x.Length, d = c.Dim, kernel = c.ConvKernel;
            var glu = new double[n][];
            var dwW = w.Get(p + ".depthwise.weight", d, 1, kernel);
            var dwB = w.Get(p + ".depthwise.bias", d);
            var y = new double[n][];
            for (int t = 0; t < n; t++)
            {
                var a = Norm(p + ".norm", x[t]); trace.Record(p + ".norm", a);
                var pw = Linear(p + ".pointwise1", d, 2 * d, a); trace.Record(p + ".pointwise1", pw);
                glu[t] = new double[d];
                for (int i = 0; i < d; i++) glu[t][i] = pw[i] * Sigmoid(pw[d + i]);   // torch.nn.functional.glu: first half · σ(second half)
                trace.Record(p + ".glu", glu[t]);
                var dw = new double[d];
                for (int i = 0; i < d; i++)
                {
                    double s = dwB[i];
                    for (int kk = 0; kk < kernel; kk++)
                    {
                        int src = t - kernel + 1 + kk;                                  // causal: K−1 frames of left zero padding
                        if (src >= 0) s += dwW[i * kernel + kk] * glu[src][i];
                    }
                    dw[i] = s;
                }
                trace.Record(p + ".depthwise", dw);
                var nrm = Norm(p + ".dw_norm", dw); trace.Record(p + ".dw_norm", nrm);
                for (int i = 0; i < d; i++) nrm[i] = Swish(nrm[i]);
                trace.Record(p + ".swish", nrm);
                var o = Linear(p + ".pointwise2", d, d, nrm); trace.Record(p + ".pointwise2", o);
                y[t] = new double[d];
                for (int i = 0; i < d; i++) y[t][i] = x[t][i] + o[i];
                trace.Record(p, y[t]);
            }
            return y;
        }

        // ---- primitives ----

        private double[] Linear(string name, int inputs, int outputs, double[] x)
        {
            var wt = w.Get(name + ".weight").Data;
            var b = w.Get(name + ".bias", outputs);
            var y = new double[outputs];
            for (int o = 0; o < outputs; o++)
            {
                double s = b[o];
                for (int i = 0; i < inputs; i++) s += wt[o * inputs + i] * x[i];
                y[o] = s;
            }
            return y;
        }

        private double[] Norm(string name, double[] x)
        {
            var g = w.Get(name + ".weight", x.Length);
            var b = w.Get(name + ".bias", x.Length);
            double mean = 0;
            foreach (var v in x) mean += v;
            mean /= x.Length;
            double var = 0;
            foreach (var v in x) var += (v - mean) * (v - mean);
            var /= x.Length;
            double inv = 1 / Math.Sqrt(var + LayerNormEps);
            var y = new double[x.Length];
            for (int i = 0; i < y.Length; i++) y[i] = (x[i] - mean) * inv * g[i] + b[i];
            return y;
        }

        private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        private static double Swish(double x) => x * Sigmoid(x);

        /// <summary>Softmax of a row (max subtracted first), the float definition both the model and eval use.</summary>
        public static double[] Softmax(double[] s)
        {
            double m = double.NegativeInfinity;
            foreach (var v in s) m = Math.Max(m, v);
            var e = new double[s.Length];
            double sum = 0;
            for (int i = 0; i < s.Length; i++) { e[i] = Math.Exp(s[i] - m); sum += e[i]; }
            for (int i = 0; i < s.Length; i++) e[i] /= sum;
            return e;
        }
    }
}
