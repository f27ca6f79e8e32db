using System;
using Edge.Asr.Attention;
using Edge.Asr.Ops;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Builds ops from named quantised tensors (naming in docs/model.md): a Linear or depthwise
    /// conv "P" has P.weight (int8), P.bias, P.multiplier, P.shift (int32) and its output fraction
    /// bits P.frac; a LayerNorm "P" has P.weight (int16 γ), P.weight_frac, P.bias (int32 β at the
    /// output scale) and P.frac.
    /// </summary>
    public static class LayerFactory
    {
        /// <summary>
        /// Largest magnitude of a fraction-bit field: wider than any op accepts, narrow enough that
        /// sums of a few fields (fDown + 1, 15 + fracV − fracContext) cannot overflow int32.
        /// </summary>
        public const int MaxFracBits = 64;

        /// <summary>P.frac, checked to lie in [−MaxFracBits, MaxFracBits] before anything combines it.</summary>
        public static int Frac(ModelParameters p, string name)
        {
            int f = p.Scalar(name + ".frac");
            if (f < -MaxFracBits || f > MaxFracBits)
                throw new ArgumentOutOfRangeException("frac", name + ".frac = " + f.ToString() + " is outside [-" + MaxFracBits.ToString()
                    + ", " + MaxFracBits.ToString() + "]");
            return f;
        }

        public static Linear Linear(ModelParameters p, string name, int inputs, int outputs, bool relu)
        {
            return new Linear(inputs, outputs, p.Int8(name + ".weight", inputs * outputs), p.Int32(name + ".bias", outputs),
                p.Int32(name + ".multiplier", outputs), p.Int32(name + ".shift", outputs), relu, p.Kernels);
        }

        public static LayerNorm LayerNorm(ModelParameters p, string name, int width, int fracIn)
        {
            return new LayerNorm(width, p.Int16(name + ".weight", width), p.Scalar(name + ".weight_frac"), p.Int32(name + ".bias", width),
                fracIn, Frac(p, name), ModelConfig.LayerNormEpsQ32, p.Kernels);
        }

        public static CausalDepthwiseConv1d Depthwise(ModelParameters p, string name, int channels, int kernel)
        {
            return new CausalDepthwiseConv1d(channels, kernel, p.Int8(name + ".weight", channels * kernel), p.Int32(name + ".bias", channels),
                p.Int32(name + ".multiplier", channels), p.Int32(name + ".shift", channels), p.Kernels);
        }

        /// <summary>Folded attention "P" = blocks.i.attn (P.q, P.k, P.v, P.out, P.scores.multiplier/shift/frac, P.context.frac); input at P.norm.frac.</summary>
        public static FoldedAttention Attention(ModelParameters p, string name)
        {
            ModelConfig cfg = p.Config;
            int d = cfg.SubDim;
            return new FoldedAttention(cfg.Dim, cfg.Heads, cfg.Fold, cfg.LeftContext,
                Linear(p, name + ".q", d, d, false), Linear(p, name + ".k", d, d, false),
                Linear(p, name + ".v", d, d, false), Linear(p, name + ".out", d, d, false),
                p.Scalar(name + ".scores.multiplier"), p.Scalar(name + ".scores.shift"), Frac(p, name + ".scores"),
                Frac(p, name + ".v"), Frac(p, name + ".context"), p.Kernels);
        }

        /// <summary>Half-step FFN "P" (P.norm, P.linear1, P.swish, P.linear2; output at P.frac).</summary>
        public static HalfStepFfn Ffn(ModelParameters p, string name, int dim, int hidden, int fracIn)
        {
            int fUp = Frac(p, name + ".linear1"), fHid = Frac(p, name + ".swish"), fDown = Frac(p, name + ".linear2");
            return new HalfStepFfn(
                LayerNorm(p, name + ".norm", dim, fracIn),
                Linear(p, name + ".linear1", dim, hidden, false),
                new Swish(hidden, fUp, fHid, p.Kernels),
                Linear(p, name + ".linear2", hidden, dim, false),
                new ResidualAdd(dim, fracIn, fDown + 1, Frac(p, name), p.Kernels));
        }
    }
}
