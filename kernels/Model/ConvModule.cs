using System;
using Edge.Asr.Ops;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Conformer convolution module with its residual, one frame at a time:
    /// x + Pointwise2(Swish(LayerNorm(CausalDepthwise(Glu(Pointwise1(LayerNorm(x))))))).
    /// The norm after the depthwise conv is a LayerNorm over channels (BatchNorm cannot stream
    /// without folding; LayerNorm is mirrored exactly in PyTorch). Input and output may be the same buffer.
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
        private readonly short[] a;     // D
        private readonly short[] b;     // 2·D
        private readonly short[] c;     // D

        /// <summary>Module "P" = blocks.i.conv: P.norm, P.pointwise1, P.glu, P.depthwise, P.dw_norm, P.swish, P.pointwise2; output at P.frac.</summary>
        public ConvModule(ModelParameters p, string name, int dim, int kernel, int fracIn)
        {
            this.dim = dim;
            norm = LayerFactory.LayerNorm(p, name + ".norm", dim, fracIn);
            pointwise1 = LayerFactory.Linear(p, name + ".pointwise1", dim, 2 * dim, false);
            glu = new Glu(dim, LayerFactory.Frac(p, name + ".pointwise1"), LayerFactory.Frac(p, name + ".glu"), p.Kernels);
            depthwise = LayerFactory.Depthwise(p, name + ".depthwise", dim, kernel);
            dwNorm = LayerFactory.LayerNorm(p, name + ".dw_norm", dim, LayerFactory.Frac(p, name + ".depthwise"));
            swish = new Swish(dim, LayerFactory.Frac(p, name + ".dw_norm"), LayerFactory.Frac(p, name + ".swish"), p.Kernels);
            pointwise2 = LayerFactory.Linear(p, name + ".pointwise2", dim, dim, false);
            residual = new ResidualAdd(dim, fracIn, LayerFactory.Frac(p, name + ".pointwise2"), LayerFactory.Frac(p, name), p.Kernels);
            a = new short[dim];
            b = new short[2 * dim];
            c = new short[dim];
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
            norm.Process(input, inOffset, a, 0);
            pointwise1.Process(a, 0, b, 0);
            glu.Process(b, 0, a, 0);
            depthwise.Process(a, 0, c, 0);
            dwNorm.Process(c, 0, c, 0);
            swish.Process(c, 0, c, 0);
            pointwise2.Process(c, 0, a, 0);
            residual.Process(input, inOffset, a, 0, output, outOffset);
        }
    }
}
