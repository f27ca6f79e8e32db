using System;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Conformer half-step feed-forward module on one frame of D values:
    /// out = x + ½ · Down(Swish(Up(LayerNorm(x)))). The ½ is folded into the residual add's scale
    /// (pass fracB = fraction bits of Down's output + 1). Its three buffers (normed D, hidden H,
    /// projected D: <see cref="ScratchShorts"/>) lie in an arena the caller owns, or one allocated here.
    /// Input and output may be the same buffer, but not the arena's part given to it.
    /// </summary>
    public sealed class HalfStepFfn
    {
        private readonly LayerNorm norm;
        private readonly Linear up;
        private readonly Swish swish;
        private readonly Linear down;
        private readonly ResidualAdd residual;
        private readonly short[] arena;
        private readonly int normedAt, hiddenAt, projectedAt;

        public HalfStepFfn(LayerNorm norm, Linear up, Swish swish, Linear down, ResidualAdd residual)
            : this(norm, up, swish, down, residual, new short[ScratchShorts(norm == null ? 0 : norm.Width, up == null ? 0 : up.OutputSize)], 0)
        {
        }

        /// <summary>As the other constructor, its buffers in arena[at .. at + ScratchShorts(D, H)).</summary>
        public HalfStepFfn(LayerNorm norm, Linear up, Swish swish, Linear down, ResidualAdd residual, short[] arena, int at)
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
            if (arena == null || at < 0 || at > arena.Length - ScratchShorts(d, up.OutputSize)) throw new ArgumentException("HalfStepFfn: the arena is too small");
            this.arena = arena;
            this.normedAt = at;
            this.hiddenAt = at + d;
            this.projectedAt = at + d + up.OutputSize;
        }

        /// <summary>Arena shorts of an FFN of width <paramref name="dim"/> and hidden width <paramref name="hidden"/>: normed, hidden, projected.</summary>
        public static int ScratchShorts(int dim, int hidden)
        {
            return 2 * dim + hidden;
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
            norm.Process(input, inOffset, arena, normedAt);
            up.Process(arena, normedAt, arena, hiddenAt);
            swish.Process(arena, hiddenAt, arena, hiddenAt);
            down.Process(arena, hiddenAt, arena, projectedAt);
            residual.Process(input, inOffset, arena, projectedAt, output, outOffset);
        }
    }
}
