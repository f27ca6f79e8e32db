using System;
using Edge.Asr.Ops;

namespace Edge.Asr.Model
{
    /// <summary>
    /// One streaming Conformer block (Gulati et al.) on one encoder frame:
    /// x += ½·FFN1(x); x += MHSA(LN(x)) (blocks with attention only); x += Conv(x); x += ½·FFN2(x); y = LN(x).
    /// </summary>
    public sealed class ConformerBlock
    {
        private readonly int dim;
        private readonly HalfStepFfn ffn1;
        private readonly AttentionModule[] attention;  // one module, or none in a convolution-only block
        private readonly ConvModule conv;
        private readonly HalfStepFfn ffn2;
        private readonly LayerNorm norm;
        private readonly int fracOut;
        private readonly short[] x;

        /// <summary>Block "P" = blocks.i, built from its named tensors; input at fracIn.</summary>
        public ConformerBlock(ModelParameters p, int index, int fracIn)
        {
            ModelConfig cfg = p.Config;
            string name = "blocks." + index.ToString();
            dim = cfg.Dim;
            ffn1 = LayerFactory.Ffn(p, name + ".ffn1", dim, cfg.FfnHidden, fracIn);
            int f = LayerFactory.Frac(p, name + ".ffn1");
            attention = new AttentionModule[cfg.HasAttention(index) ? 1 : 0];
            if (attention.Length == 1)
            {
                attention[0] = new AttentionModule(p, name + ".attn", f);
                f = LayerFactory.Frac(p, name + ".attn");
            }
            conv = new ConvModule(p, name + ".conv", dim, cfg.ConvKernel, f);
            f = LayerFactory.Frac(p, name + ".conv");
            ffn2 = LayerFactory.Ffn(p, name + ".ffn2", dim, cfg.FfnHidden, f);
            norm = LayerFactory.LayerNorm(p, name + ".norm", dim, LayerFactory.Frac(p, name + ".ffn2"));
            fracOut = LayerFactory.Frac(p, name + ".norm");
            x = new short[dim];
        }

        public bool HasAttention { get { return attention.Length == 1; } }
        public int FracOut { get { return fracOut; } }

        public long MacsPerFrame
        {
            get
            {
                long m = ffn1.MacsPerFrame + conv.MacsPerFrame + ffn2.MacsPerFrame + norm.MacsPerFrame;
                for (int i = 0; i < attention.Length; i++) m += attention[i].MacsPerFrame;
                return m;
            }
        }

        /// <summary>Multiply-accumulates of one frame when n frames are in the attention cache.</summary>
        public long MacsFor(int cachedFrames)
        {
            long m = ffn1.MacsPerFrame + conv.MacsPerFrame + ffn2.MacsPerFrame + norm.MacsPerFrame;
            for (int i = 0; i < attention.Length; i++) m += attention[i].MacsFor(cachedFrames);
            return m;
        }

        public int StateBytes { get { return conv.StateBytes + (attention.Length == 1 ? attention[0].StateBytes : 0); } }

        public void Reset()
        {
            conv.Reset();
            for (int i = 0; i < attention.Length; i++) attention[i].Reset();
        }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            ffn1.Process(input, inOffset, x, 0);
            for (int i = 0; i < attention.Length; i++) attention[i].Process(x, 0, x, 0);
            conv.Process(x, 0, x, 0);
            ffn2.Process(x, 0, x, 0);
            norm.Process(x, 0, output, outOffset);
        }
    }
}
