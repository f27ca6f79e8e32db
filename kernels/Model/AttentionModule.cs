using System;
using Edge.Asr.Attention;
using Edge.Asr.Ops;

namespace Edge.Asr.Model
{
    /// <summary>The attention half-module of a block with its residual: x + MHSA(LayerNorm(x)). In and out may be the same buffer.</summary>
    public sealed class AttentionModule
    {
        private readonly LayerNorm norm;
        private readonly FoldedAttention attention;
        private readonly ResidualAdd residual;
        private readonly short[] normed;
        private readonly short[] attended;

        /// <summary>Module "P" = blocks.i.attn: P.norm, P.q, P.k, P.v, P.scores, P.context, P.out; output at P.frac.</summary>
        public AttentionModule(ModelParameters p, string name, int fracIn)
        {
            int dim = p.Config.Dim;
            norm = LayerFactory.LayerNorm(p, name + ".norm", dim, fracIn);
            attention = LayerFactory.Attention(p, name);
            residual = new ResidualAdd(dim, fracIn, LayerFactory.Frac(p, name + ".out"), LayerFactory.Frac(p, name), p.Kernels);
            normed = new short[dim];
            attended = new short[dim];
        }

        public long MacsPerFrame { get { return MacsFor(attention.LeftContext + 1); } }

        public long MacsFor(int cachedFrames) { return norm.MacsPerFrame + attention.MacsFor(cachedFrames) + residual.MacsPerFrame; }

        public int StateBytes { get { return attention.StateBytes; } }

        public void Reset() { attention.Reset(); }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            norm.Process(input, inOffset, normed, 0);
            attention.Process(normed, 0, attended, 0);
            residual.Process(input, inOffset, attended, 0, output, outOffset);
        }
    }
}
