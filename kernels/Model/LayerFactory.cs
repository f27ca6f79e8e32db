using System;
using Edge.Asr.Attention;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Builds ops from named quantised tensors (naming in docs/model.md): a Linear or depthwise
    /// conv "P" has P.weight (int8), P.bias, P.multiplier, P.shift (int32) and its output fraction
    /// bits P.frac; a LayerNorm "P" has P.weight (int16 γ), P.weight_frac, P.bias (int32 β at the
    /// output scale) and P.frac. The ops keep only the tensors' offsets in the parameters' blob
    /// (<see cref="ModelParameters.Tensors"/>) and read them there through a <see cref="TensorStore"/>.
    /// The overloads without a store or scratch make their own (a lone op, as the tests build them);
    /// ConformerModel passes one store and one arena to all of its ops.
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

        /// <summary>A store over the parameters' tensors with their kernels and a window of its own.</summary>
        public static TensorStore Store(ModelParameters p)
        {
            return new TensorStore(p.Tensors.Source, p.Config, p.Kernels);
        }

        public static Linear Linear(ModelParameters p, string name, int inputs, int outputs, bool relu)
        {
            return Linear(p, Store(p), name, inputs, outputs, relu);
        }

        public static Linear Linear(ModelParameters p, TensorStore store, string name, int inputs, int outputs, bool relu)
        {
            TensorDirectory t = p.Tensors;
            return new Linear(inputs, outputs, store, t.Offset(name + ".weight", 1, inputs * outputs), t.Offset(name + ".bias", 4, outputs),
                t.Offset(name + ".multiplier", 4, outputs), t.Offset(name + ".shift", 4, outputs), relu);
        }

        public static LayerNorm LayerNorm(ModelParameters p, string name, int width, int fracIn)
        {
            return LayerNorm(p, Store(p), new int[Ops.LayerNorm.ScratchInts(width)], name, width, fracIn);
        }

        public static LayerNorm LayerNorm(ModelParameters p, TensorStore store, int[] scratch, string name, int width, int fracIn)
        {
            TensorDirectory t = p.Tensors;
            return new LayerNorm(width, store, t.Offset(name + ".weight", 2, width), p.Scalar(name + ".weight_frac"), t.Offset(name + ".bias", 4, width),
                fracIn, Frac(p, name), ModelConfig.LayerNormEpsQ32, scratch);
        }

        public static CausalDepthwiseConv1d Depthwise(ModelParameters p, string name, int channels, int kernel)
        {
            return Depthwise(p, Store(p), name, channels, kernel);
        }

        public static CausalDepthwiseConv1d Depthwise(ModelParameters p, TensorStore store, string name, int channels, int kernel)
        {
            TensorDirectory t = p.Tensors;
            return new CausalDepthwiseConv1d(channels, kernel, store, t.Offset(name + ".weight", 1, channels * kernel), t.Offset(name + ".bias", 4, channels),
                t.Offset(name + ".multiplier", 4, channels), t.Offset(name + ".shift", 4, channels));
        }

        /// <summary>Folded attention "P" = blocks.i.attn (P.q, P.k, P.v, P.out, P.scores.multiplier/shift/frac, P.context.frac); input at P.norm.frac.</summary>
        public static FoldedAttention Attention(ModelParameters p, string name)
        {
            ModelConfig cfg = p.Config;
            int slots = cfg.LeftContext + 1;
            return Attention(p, Store(p), new short[FoldedAttention.ScratchShorts(cfg.Dim)], 0, new int[Softmax.ScratchInts(slots * cfg.Fold)], name);
        }

        /// <summary>As <see cref="Attention(ModelParameters, string)"/>, its query and context in arena[at ..] (FoldedAttention.ScratchShorts).</summary>
        public static FoldedAttention Attention(ModelParameters p, TensorStore store, short[] arena, int at, int[] intScratch, string name)
        {
            ModelConfig cfg = p.Config;
            int d = cfg.SubDim;
            return new FoldedAttention(cfg.Dim, cfg.Heads, cfg.Fold, cfg.LeftContext,
                Linear(p, store, name + ".q", d, d, false), Linear(p, store, name + ".k", d, d, false),
                Linear(p, store, name + ".v", d, d, false), Linear(p, store, name + ".out", d, d, false),
                p.Scalar(name + ".scores.multiplier"), p.Scalar(name + ".scores.shift"), Frac(p, name + ".scores"),
                Frac(p, name + ".v"), Frac(p, name + ".context"), store.Kernels, arena, at, intScratch);
        }

        /// <summary>Half-step FFN "P" (P.norm, P.linear1, P.swish, P.linear2; output at P.frac).</summary>
        public static HalfStepFfn Ffn(ModelParameters p, string name, int dim, int hidden, int fracIn)
        {
            return Ffn(p, Store(p), new short[HalfStepFfn.ScratchShorts(dim, hidden)], 0, new int[Ops.LayerNorm.ScratchInts(dim)], name, dim, hidden, fracIn);
        }

        /// <summary>As <see cref="Ffn(ModelParameters, string, int, int, int)"/>, its buffers in arena[at ..] (HalfStepFfn.ScratchShorts).</summary>
        public static HalfStepFfn Ffn(ModelParameters p, TensorStore store, short[] arena, int at, int[] intScratch, string name, int dim, int hidden, int fracIn)
        {
            int fUp = Frac(p, name + ".linear1"), fHid = Frac(p, name + ".swish"), fDown = Frac(p, name + ".linear2");
            return new HalfStepFfn(
                LayerNorm(p, store, intScratch, name + ".norm", dim, fracIn),
                Linear(p, store, name + ".linear1", dim, hidden, false),
                new Swish(hidden, fUp, fHid, store.Kernels),
                Linear(p, store, name + ".linear2", hidden, dim, false),
                new ResidualAdd(dim, fracIn, fDown + 1, Frac(p, name), store.Kernels),
                arena, at);
        }
    }
}
