using System;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Conformer convolution module with its residual, one frame at a time:
    /// x + Pointwise2(Swish(LayerNorm(CausalDepthwise(Glu(Pointwise1(LayerNorm(x))))))).
    /// The norm after the depthwise conv is a LayerNorm over channels (BatchNorm cannot stream
    /// without folding; LayerNorm is mirrored exactly in PyTorch). Input and output may be the same buffer.
    /// Its buffers a (D), b (2·D), c (D) lie in an arena (<see cref="ScratchShorts"/>).
    /// </summary>
    public sealed class ConvModule
    {
        private readonly int dim;
        private readonly LayerNorm norm;
        private readonly Linear pointwise1;
        private readonly Glu glu;
        private readonly CausalDepthwiseConv1d depthwise;
        private readonly LayerNorm dwNorm;
        private readonly Swish swish;
        private readonly Linear pointwise2;
        private readonly ResidualAdd residual;
        private readonly short[] arena;
        private readonly int aAt, bAt, cAt;

        /// <summary>Module "P" = blocks.i.conv: P.norm, P.pointwise1, P.glu, P.depthwise, P.dw_norm, P.swish, P.pointwise2; output at P.frac.</summary>
        public ConvModule(ModelParameters p, string name, int dim, int kernel, int fracIn)
            : this(p, LayerFactory.Store(p), new short[ScratchShorts(dim)], 0, new int[LayerNorm.ScratchInts(dim)], name, dim, kernel, fracIn)
        {
        }

        /// <summary>As the other constructor, its buffers in arena[at .. at + ScratchShorts(dim)), the norms' rows in intScratch.</summary>
        public ConvModule(ModelParameters p, TensorStore store, short[] arena, int at, int[] intScratch, string name, int dim, int kernel, int fracIn)
        {
            this.dim = dim;
            norm = LayerFactory.LayerNorm(p, store, intScratch, name + ".norm", dim, fracIn);
            pointwise1 = LayerFactory.Linear(p, store, name + ".pointwise1", dim, 2 * dim, false);
            glu = new Glu(dim, LayerFactory.Frac(p, name + ".pointwise1"), LayerFactory.Frac(p, name + ".glu"), store.Kernels);
            depthwise = LayerFactory.Depthwise(p, store, name + ".depthwise", dim, kernel);
            dwNorm = LayerFactory.LayerNorm(p, store, intScratch, name + ".dw_norm", dim, LayerFactory.Frac(p, name + ".depthwise"));
            swish = new Swish(dim, LayerFactory.Frac(p, name + ".dw_norm"), LayerFactory.Frac(p, name + ".swish"), store.Kernels);
            pointwise2 = LayerFactory.Linear(p, store, name + ".pointwise2", dim, dim, false);
            residual = new ResidualAdd(dim, fracIn, LayerFactory.Frac(p, name + ".pointwise2"), LayerFactory.Frac(p, name), store.Kernels);
            if (arena == null || at < 0 || at > arena.Length - ScratchShorts(dim)) throw new ArgumentException("ConvModule: the arena is too small");
            this.arena = arena;
            aAt = at;
            bAt = at + dim;
            cAt = at + 3 * dim;
        }

        /// <summary>Arena shorts of a module of width <paramref name="dim"/>: a (D), b (2·D), c (D).</summary>
        public static int ScratchShorts(int dim)
        {
            return 4 * dim;
        }

        public long MacsPerFrame
        {
            get
            {
                return norm.MacsPerFrame + pointwise1.MacsPerFrame + glu.MacsPerFrame + depthwise.MacsPerFrame + dwNorm.MacsPerFrame
                    + swish.MacsPerFrame + pointwise2.MacsPerFrame + residual.MacsPerFrame;
            }
        }

        public int StateBytes { get { return depthwise.StateBytes; } }

        public void Reset() { depthwise.Reset(); }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            norm.Process(input, inOffset, arena, aAt);
            pointwise1.Process(arena, aAt, arena, bAt);
            glu.Process(arena, bAt, arena, aAt);
            depthwise.Process(arena, aAt, arena, cAt);
            dwNorm.Process(arena, cAt, arena, cAt);
            swish.Process(arena, cAt, arena, cAt);
            pointwise2.Process(arena, cAt, arena, aAt);
            residual.Process(input, inOffset, arena, aAt, output, outOffset);
        }
    }
}
