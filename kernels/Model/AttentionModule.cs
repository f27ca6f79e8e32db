using System;
using Edge.Asr.Attention;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

namespace Edge.Asr.Model
{
    /// <summary>The attention half-module of a block with its residual: x + MHSA(LayerNorm(x)). In and out may be the same buffer.</summary>
    public sealed class AttentionModule
    {
        private readonly LayerNorm norm;
        private readonly FoldedAttention attention;
        private readonly ResidualAdd residual;
        private readonly short[] arena;
        private readonly int normedAt, attendedAt;

        /// <summary>Module "P" = blocks.i.attn: P.norm, P.q, P.k, P.v, P.scores, P.context, P.out; output at P.frac.</summary>
        public AttentionModule(ModelParameters p, string name, int fracIn)
            : this(p, LayerFactory.Store(p), new short[ScratchShorts(p.Config)], 0, new int[IntScratch(p.Config)], name, fracIn)
        {
        }

        /// <summary>As the other constructor, its buffers in arena[at .. at + ScratchShorts) and intScratch (IntScratch ints).</summary>
        public AttentionModule(ModelParameters p, TensorStore store, short[] arena, int at, int[] intScratch, string name, int fracIn)
        {
            int dim = p.Config.Dim;
            norm = LayerFactory.LayerNorm(p, store, intScratch, name + ".norm", dim, fracIn);
            attention = LayerFactory.Attention(p, store, arena, at + 2 * dim, intScratch, name);
            residual = new ResidualAdd(dim, fracIn, LayerFactory.Frac(p, name + ".out"), LayerFactory.Frac(p, name), store.Kernels);
            this.arena = arena;
            normedAt = at;
            attendedAt = at + dim;
        }

        /// <summary>Arena shorts: normed and attended (D each) and the attention's own (FoldedAttention.ScratchShorts).</summary>
        public static int ScratchShorts(ModelConfig c)
        {
            return 2 * c.Dim + FoldedAttention.ScratchShorts(c.Dim);
        }

        /// <summary>Scratch ints: the LayerNorm's row or the softmax's exponentials over L+1 frames of F sub-tokens.</summary>
        public static int IntScratch(ModelConfig c)
        {
            int softmax = Softmax.ScratchInts((c.LeftContext + 1) * c.Fold), norm = LayerNorm.ScratchInts(c.Dim);
            return softmax > norm ? softmax : norm;
        }

        public long MacsPerFrame { get { return MacsFor(attention.LeftContext + 1); } }

        public long MacsFor(int cachedFrames) { return norm.MacsPerFrame + attention.MacsFor(cachedFrames) + residual.MacsPerFrame; }

        public int StateBytes { get { return attention.StateBytes; } }

        public void Reset() { attention.Reset(); }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            norm.Process(input, inOffset, arena, normedAt);
            attention.Process(arena, normedAt, arena, attendedAt);
            residual.Process(input, inOffset, arena, attendedAt, output, outOffset);
        }
    }
}
