using System;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

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
        private readonly short[] arena;     // x at xAt (D), the modules' buffers after it
        private readonly int xAt;

        /// <summary>Block "P" = blocks.i, built from its named tensors; input at fracIn.</summary>
        public ConformerBlock(ModelParameters p, int index, int fracIn)
            : this(p, LayerFactory.Store(p), new short[ScratchShorts(p.Config)], 0, new int[IntScratch(p.Config)], index, fracIn)
        {
        }

        /// <summary>
        /// As the other constructor, its running value and its modules' buffers in arena[at .. at + ScratchShorts)
        /// (every block of a model may share the same part: they run one after another) and intScratch.
        /// </summary>
        public ConformerBlock(ModelParameters p, TensorStore store, short[] arena, int at, int[] intScratch, int index, int fracIn)
        {
            ModelConfig cfg = p.Config;
            string name = "blocks." + index.ToString();
            dim = cfg.Dim;
            int modules = at + dim;
            ffn1 = LayerFactory.Ffn(p, store, arena, modules, intScratch, name + ".ffn1", dim, cfg.FfnHidden, fracIn);
            int f = LayerFactory.Frac(p, name + ".ffn1");
            attention = new AttentionModule[cfg.HasAttention(index) ? 1 : 0];
            if (attention.Length == 1)
            {
                attention[0] = new AttentionModule(p, store, arena, modules, intScratch, name + ".attn", f);
                f = LayerFactory.Frac(p, name + ".attn");
            }
            conv = new ConvModule(p, store, arena, modules, intScratch, name + ".conv", dim, cfg.ConvKernel, f);
            f = LayerFactory.Frac(p, name + ".conv");
            ffn2 = LayerFactory.Ffn(p, store, arena, modules, intScratch, name + ".ffn2", dim, cfg.FfnHidden, f);
            norm = LayerFactory.LayerNorm(p, store, intScratch, name + ".norm", dim, LayerFactory.Frac(p, name + ".ffn2"));
            fracOut = LayerFactory.Frac(p, name + ".norm");
            this.arena = arena;
            xAt = at;
        }

        /// <summary>Arena shorts of one block: x (D) and the largest module's buffers (FFN, attention if any block has it, conv).</summary>
        public static int ScratchShorts(ModelConfig c)
        {
            int m = HalfStepFfn.ScratchShorts(c.Dim, c.FfnHidden);
            int conv = ConvModule.ScratchShorts(c.Dim);
            if (conv > m) m = conv;
            bool anyAttention = false;
            for (int b = 0; b < c.Blocks; b++) if (c.HasAttention(b)) anyAttention = true;
            if (anyAttention && AttentionModule.ScratchShorts(c) > m) m = AttentionModule.ScratchShorts(c);
            return c.Dim + m;
        }

        /// <summary>Scratch ints of one block: a LayerNorm row, or the attention softmax's when a block has attention.</summary>
        public static int IntScratch(ModelConfig c)
        {
            int n = LayerNorm.ScratchInts(c.Dim);
            for (int b = 0; b < c.Blocks; b++)
                if (c.HasAttention(b) && AttentionModule.IntScratch(c) > n) n = AttentionModule.IntScratch(c);
            return n;
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
            ffn1.Process(input, inOffset, arena, xAt);
            for (int i = 0; i < attention.Length; i++) attention[i].Process(arena, xAt, arena, xAt);
            conv.Process(arena, xAt, arena, xAt);
            ffn2.Process(arena, xAt, arena, xAt);
            norm.Process(arena, xAt, output, outOffset);
        }
    }
}
