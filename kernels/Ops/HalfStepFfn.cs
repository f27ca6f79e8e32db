using System;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Conformer half-step feed-forward module on one frame of D values:
    /// out = x + ½ · Down(Swish(Up(LayerNorm(x)))). The ½ is folded into the residual add's scale
    /// (pass fracB = fraction bits of Down's output + 1). Scratch is allocated here, once.
    /// Input and output may be the same buffer.
    /// </summary>
    public sealed class HalfStepFfn
    {
        private readonly LayerNorm norm;
        private readonly Linear up;
        private readonly Swish swish;
        private readonly Linear down;
        private readonly ResidualAdd residual;
        private readonly short[] normed;
        private readonly short[] hidden;
        private readonly short[] projected;

        public HalfStepFfn(LayerNorm norm, Linear up, Swish swish, Linear down, ResidualAdd residual)
        {
            if (norm == null || up == null || swish == null || down == null || residual == null) throw new ArgumentException("HalfStepFfn: every part is required");
            int d = norm.Width;
            if (up.InputSize != d || down.OutputSize != d || residual.Width != d) throw new ArgumentException("HalfStepFfn: width mismatch (D = " + d.ToString() + ")");
            if (swish.Width != up.OutputSize || down.InputSize != up.OutputSize) throw new ArgumentException("HalfStepFfn: hidden width mismatch");
            this.norm = norm;
            this.up = up;
            this.swish = swish;
            this.down = down;
            this.residual = residual;
            this.normed = new short[d];
            this.hidden = new short[up.OutputSize];
            this.projected = new short[d];
        }

        public int Width { get { return norm.Width; } }
        public int HiddenWidth { get { return up.OutputSize; } }

        /// <summary>Sum of the parts' multiply-accumulates.</summary>
        public long MacsPerFrame
        {
            get { return norm.MacsPerFrame + up.MacsPerFrame + swish.MacsPerFrame + down.MacsPerFrame + residual.MacsPerFrame; }
        }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            norm.Process(input, inOffset, normed, 0);
            up.Process(normed, 0, hidden, 0);
            swish.Process(hidden, 0, hidden, 0);
            down.Process(hidden, 0, projected, 0);
            residual.Process(input, inOffset, projected, 0, output, outOffset);
        }
    }
}
