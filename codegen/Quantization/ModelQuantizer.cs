using System;
using System.Collections.Generic;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Quantization
{
    /// <summary>
    /// Float model + calibration clips → <see cref="ModelParameters"/> (named int8/int16/int32
    /// tensors, docs/model.md "Fixed-point mapping"): runs the float model on the calibration
    /// clips, records max |x| and per-index means of every activation point, picks per-tensor
    /// fraction bits with one bit of headroom, quantises weights per output channel with bias
    /// correction, LayerNorm γ to int16 and β to the output scale, and folds 1/√(d/H) into the
    /// attention score requantiser.
    /// </summary>
    public static class ModelQuantizer
    {
        /// <param name="calibrationMel">log-mel clips in log2 units (frontend Q8 / 256)</param>
        public static ModelParameters Quantize(ModelConfig config, FloatTensors tensors, IEnumerable<double[][]> calibrationMel)
        {
            var model = new FloatModel(config, tensors);
            var stats = new ActivationStats();
            int clips = 0;
            foreach (var clip in calibrationMel) { stats.Add(model.Run(clip)); clips++; }
            if (clips == 0) throw new ArgumentException("at least one calibration clip is required");
            return new Builder(config, tensors, stats).Build();
        }

        /// <summary>Builds the fixed-point model from quantised parameters (the kernels' own constructor).</summary>
        public static ConformerModel BuildModel(ModelParameters parameters) => new ConformerModel(parameters);

        private sealed class Builder
        {
            private readonly ModelConfig c;
            private readonly FloatTensors w;
            private readonly ActivationStats stats;
            private readonly ModelParameters p;

            public Builder(ModelConfig config, FloatTensors tensors, ActivationStats stats)
            {
                c = config; w = tensors; this.stats = stats;
                p = new ModelParameters(config);
            }

            private int Frac(string point)
            {
                int f = stats.FracBits(point);
                Scalar(point + ".frac", f);
                return f;
            }

            private void Scalar(string name, int value) => p.Add(QuantizedTensor.OfInt32(name, new[] { value }));

            private void Put(string name, QuantizedLinear q)
            {
                p.Add(QuantizedTensor.OfInt8(name + ".weight", q.Weights));
                p.Add(QuantizedTensor.OfInt32(name + ".bias", q.Bias));
                p.Add(QuantizedTensor.OfInt32(name + ".multiplier", q.Multipliers));
                p.Add(QuantizedTensor.OfInt32(name + ".shift", q.Shifts));
            }

            /// <summary>Linear "name" whose input is activation point input; inputs×outputs from the tensor.</summary>
            private int Linear(string name, int inputs, int outputs, int fracIn, Func<int, int, double> inputMean)
            {
                int fOut = Frac(name);
                Put(name, QuantMath.Linear(w.Matrix(name + ".weight", outputs, inputs), w.Get(name + ".bias", outputs), fracIn, fOut, inputMean));
                return fOut;
            }

            private int Linear(string name, int inputs, int outputs, int fracIn, string inputPoint)
            {
                var mean = stats.Mean(inputPoint);
                return Linear(name, inputs, outputs, fracIn, (o, i) => mean[i]);
            }

            private int Norm(string name, int width)
            {
                int fOut = Frac(name);
                var g = w.Get(name + ".weight", width);
                var b = w.Get(name + ".bias", width);
                double gMax = 0;
                foreach (var v in g) gMax = Math.Max(gMax, Math.Abs(v));
                int fg = Math.Max(0, QuantMath.ParameterFracBits(gMax));
                var gq = new short[width];
                var bq = new int[width];
                for (int i = 0; i < width; i++)
                {
                    gq[i] = QuantMath.RoundToShort(g[i] * Math.Pow(2, fg));
                    bq[i] = QuantMath.RoundToInt(b[i] * Math.Pow(2, fOut), name + ".bias");
                }
                p.Add(QuantizedTensor.OfInt16(name + ".weight", gq));
                Scalar(name + ".weight_frac", fg);
                p.Add(QuantizedTensor.OfInt32(name + ".bias", bq));
                return fOut;
            }

            public ModelParameters Build()
            {
                Scalar("input.frac", ConformerModel.InputFracBits);
                int ch = c.SubsamplingChannels, d = c.Dim, f2 = c.SubsampledBins;
                double melMean = stats.OverallMean("input");
                int f1 = Linear("subsampling.conv1", 9, ch, ConformerModel.InputFracBits, (o, i) => melMean);
                var s1Mean = stats.Mean("subsampling.conv1");
                int fDw = Linear("subsampling.dw", 9, ch, f1, (o, i) => s1Mean[o]);
                int fPw = Linear("subsampling.pw", ch, ch, fDw, "subsampling.dw");
                int f = Linear("subsampling.out", ch * f2, d, fPw, "subsampling.flat");
                for (int b = 0; b < c.Blocks; b++) f = Block(b);
                Linear("classifier", d, c.Classes, f, "pool");
                return p;
            }

            private int Ffn(string name)
            {
                int fNorm = Norm(name + ".norm", c.Dim);
                Linear(name + ".linear1", c.Dim, c.FfnHidden, fNorm, name + ".norm");
                int fHid = Frac(name + ".swish");
                Linear(name + ".linear2", c.FfnHidden, c.Dim, fHid, name + ".swish");
                return Frac(name);
            }

            /// <summary>
            /// The scale of each module's input needs no argument: every module starts with a
            /// LayerNorm, which takes any input scale, and the residual adds align by shifts in the
            /// kernels; each point's fraction bits come from its own calibration.
            /// </summary>
            private int Block(int b)
            {
                string name = "blocks." + b;
                Ffn(name + ".ffn1");
                if (c.HasAttention(b)) Attention(name + ".attn");
                Conv(name + ".conv");
                Ffn(name + ".ffn2");
                return Norm(name + ".norm", c.Dim);
            }

            /// <summary>Mean of input i of a folded projection: the average over the F sub-tokens.</summary>
            private Func<int, int, double> SubTokenMean(string point)
            {
                var mean = stats.Mean(point);
                int sd = c.SubDim;
                return (o, i) =>
                {
                    double s = 0;
                    for (int j = 0; j < c.Fold; j++) s += mean[j * sd + i];
                    return s / c.Fold;
                };
            }

            private int Attention(string name)
            {
                int sd = c.SubDim;
                int fNorm = Norm(name + ".norm", c.Dim);
                int fq = Linear(name + ".q", sd, sd, fNorm, SubTokenMean(name + ".norm"));
                int fk = Linear(name + ".k", sd, sd, fNorm, SubTokenMean(name + ".norm"));
                int fv = Linear(name + ".v", sd, sd, fNorm, SubTokenMean(name + ".norm"));
                int fs = Frac(name + ".scores");
                // Scores: real = q·k · 2^-(fq+fk) / √(d/H); requantised to fs fraction bits.
                QuantMath.Multiplier(Math.Pow(2, fs - fq - fk) / Math.Sqrt(c.HeadDim), out int m, out int s);
                Scalar(name + ".scores.multiplier", m);
                Scalar(name + ".scores.shift", s);
                int fc = Frac(name + ".context");
                Linear(name + ".out", sd, sd, fc, SubTokenMean(name + ".context"));
                return Frac(name);
            }

            private int Conv(string name)
            {
                int d = c.Dim;
                int fNorm = Norm(name + ".norm", d);
                Linear(name + ".pointwise1", d, 2 * d, fNorm, name + ".norm");
                int fGlu = Frac(name + ".glu");
                var gluMean = stats.Mean(name + ".glu");
                Linear(name + ".depthwise", c.ConvKernel, d, fGlu, (o, i) => gluMean[o]);
                Norm(name + ".dw_norm", d);
                int fSwish = Frac(name + ".swish");
                Linear(name + ".pointwise2", d, d, fSwish, name + ".swish");
                return Frac(name);
            }
        }
    }
}
