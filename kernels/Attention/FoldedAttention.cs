using System;
using Edge.Asr.FixedPoint;
using Edge.Asr.Ops;

namespace Edge.Asr.Attention
{
    /// <summary>
    /// Folded, causal multi-head self-attention over one encoder frame at a time (docs/model.md).
    /// The frame's D values are cut into F sub-tokens of d = D/F values; Q, K, V and the output
    /// projection are d → d Linears applied to each sub-token; heads split d into H slices of
    /// d/H. A query sub-token of frame t attends to every sub-token of frames t−L .. t (its own
    /// frame included: token-level causal mask). Keys and values of the last L frames and the
    /// current one live in a ring of L+1 slots (int16 at their calibrated scales), so streaming
    /// equals whole-clip computation. Scores q·k (int64 sums) are requantised with 1/√(d/H)
    /// folded into the multiplier, turned into Q15 probabilities by the table Softmax, and
    /// p·v (int64 sums) is rounded to the context scale by a shift.
    /// </summary>
    public sealed class FoldedAttention
    {
        private readonly int dim, fold, heads, subDim, headDim, leftContext, slots;
        private readonly Linear q, k, v, output;
        private readonly Softmax softmax;
        private readonly int scoreMultiplier, scoreShift;
        private readonly int contextShift;          // p·v (Q15 · fracV) → fracContext
        private readonly short[] arena;             // query at queryAt, context at contextAt (D each)
        private readonly int queryAt, contextAt;
        private readonly short[] keys;              // slots · F·d
        private readonly short[] values;            // slots · F·d
        private readonly short[] scores;            // (L+1)·F
        private readonly short[] probs;             // (L+1)·F
        private int frames;                         // frames seen (saturates at slots)
        private int next;                           // ring slot of the next frame
        private readonly IOpKernels kernels;

        /// <param name="q">d → d query projection (output at fracQ)</param>
        /// <param name="scoreMultiplier">requantiser of q·k: M = 2^(fracScores − fracQ − fracK) / √(d/H) = m · 2^-shift</param>
        /// <param name="fracScores">fraction bits of the requantised scores (the Softmax input)</param>
        /// <param name="fracV">fraction bits of the value projection output</param>
        /// <param name="fracContext">fraction bits of the context (the output projection's input)</param>
        public FoldedAttention(int dim, int heads, int fold, int leftContext, Linear q, Linear k, Linear v, Linear output,
            int scoreMultiplier, int scoreShift, int fracScores, int fracV, int fracContext)
            : this(dim, heads, fold, leftContext, q, k, v, output, scoreMultiplier, scoreShift, fracScores, fracV, fracContext, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructors, with the loops run by <paramref name="kernels"/>.</summary>
        public FoldedAttention(int dim, int heads, int fold, int leftContext, Linear q, Linear k, Linear v, Linear output,
            int scoreMultiplier, int scoreShift, int fracScores, int fracV, int fracContext, IOpKernels kernels)
            : this(dim, heads, fold, leftContext, q, k, v, output, scoreMultiplier, scoreShift, fracScores, fracV, fracContext, kernels,
                new short[ScratchShorts(dim)], 0, new int[Softmax.ScratchInts((leftContext < 0 ? 0 : leftContext + 1) * fold)])
        {
        }

        /// <summary>Arena shorts the attention of width <paramref name="dim"/> needs: the query and the context (D each).</summary>
        public static int ScratchShorts(int dim)
        {
            return 2 * dim;
        }

        /// <summary>
        /// As the other constructors, the score, softmax and context loops run by <paramref name="kernels"/>, the query and
        /// context in arena[at .. at + ScratchShorts(dim)), the softmax's exponentials in <paramref name="intScratch"/>.
        /// </summary>
        public FoldedAttention(int dim, int heads, int fold, int leftContext, Linear q, Linear k, Linear v, Linear output,
            int scoreMultiplier, int scoreShift, int fracScores, int fracV, int fracContext, IOpKernels kernels,
            short[] arena, int at, int[] intScratch)
        {
            if (kernels == null) throw new ArgumentException("FoldedAttention: kernels are required");
            if (fold != 1 && fold != 2 && fold != 4) throw new ArgumentException("FoldedAttention: fold must be 1, 2 or 4");
            if (dim < 1 || dim % fold != 0) throw new ArgumentException("FoldedAttention: dim must be a positive multiple of fold");
            if (heads < 1 || (dim / fold) % heads != 0) throw new ArgumentException("FoldedAttention: dim/fold must be a multiple of heads");
            if (leftContext < 0) throw new ArgumentOutOfRangeException("leftContext", "FoldedAttention: leftContext must be non-negative");
            int d = dim / fold;
            if (q == null || k == null || v == null || output == null) throw new ArgumentException("FoldedAttention: all four projections are required");
            if (q.InputSize != d || q.OutputSize != d || k.InputSize != d || k.OutputSize != d || v.InputSize != d || v.OutputSize != d
                || output.InputSize != d || output.OutputSize != d)
                throw new ArgumentException("FoldedAttention: projections must be " + d.ToString() + " → " + d.ToString());
            if (scoreMultiplier < (1 << 30) || scoreShift < 1 || scoreShift > 62) throw new ArgumentException("FoldedAttention: score requantiser out of range");
            long cs = 15L + fracV - fracContext; // long: fractions near ±2^31 must not wrap past the check
            if (cs < -16 || cs > 62) throw new ArgumentException("FoldedAttention: context scale out of range");
            this.dim = dim;
            this.fold = fold;
            this.heads = heads;
            this.subDim = d;
            this.headDim = d / heads;
            this.leftContext = leftContext;
            this.slots = leftContext + 1;
            this.q = q;
            this.k = k;
            this.v = v;
            this.output = output;
            this.scoreMultiplier = scoreMultiplier;
            this.scoreShift = scoreShift;
            this.contextShift = (int)cs;
            if (arena == null || at < 0 || at > arena.Length - ScratchShorts(dim)) throw new ArgumentException("FoldedAttention: the arena is too small");
            this.softmax = new Softmax(slots * fold, fracScores, kernels, intScratch);
            this.kernels = kernels;
            this.arena = arena;
            this.queryAt = at;
            this.contextAt = at + dim;
            keys = new short[slots * dim];
            values = new short[slots * dim];
            scores = new short[slots * fold];
            probs = new short[slots * fold];
        }

        public int Dim { get { return dim; } }
        public int Fold { get { return fold; } }
        public int Heads { get { return heads; } }
        public int LeftContext { get { return leftContext; } }

        /// <summary>Key/value cache bytes (L+1 frames of K and V, int16).</summary>
        public int StateBytes { get { return 4 * slots * dim; } }

        /// <summary>Multiply-accumulates with a full cache (L+1 frames): see <see cref="MacsFor"/>.</summary>
        public long MacsPerFrame { get { return MacsFor(slots); } }

        /// <summary>
        /// Multiply-accumulates of one frame when n frames are in the cache: projections
        /// 4·F·d², scores F·(n·F)·d (every head's d/H over H heads), softmax 3·(n·F) per query
        /// sub-token and head, context F·(n·F)·d.
        /// </summary>
        public long MacsFor(int frames)
        {
            long keysSeen = (long)frames * fold;
            return 4L * fold * subDim * subDim + 2L * fold * keysSeen * subDim + (long)fold * heads * softmax.MacsFor((int)keysSeen);
        }

        public void Reset()
        {
            frames = 0;
            next = 0;
            Array.Clear(keys, 0, keys.Length);
            Array.Clear(values, 0, values.Length);
        }

        /// <summary>One frame: input D values (the normed frame), output D values (after the output projection).</summary>
        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            int slot = next;
            for (int j = 0; j < fold; j++)
            {
                int at = j * subDim;
                q.Process(input, inOffset + at, arena, queryAt + at);
                k.Process(input, inOffset + at, keys, slot * dim + at);
                v.Process(input, inOffset + at, values, slot * dim + at);
            }
            next = next + 1 == slots ? 0 : next + 1;
            if (frames < slots) frames++;
            int n = frames * fold;     // visible sub-tokens; the ring's used slots are 0 .. frames−1
            for (int j = 0; j < fold; j++)
            {
                for (int h = 0; h < heads; h++)
                {
                    int qAt = j * subDim + h * headDim;
                    // Key sub-token s is slot s/F, piece s%F: contiguous at s·subDim.
                    kernels.AttentionScoresS16(arena, queryAt + qAt, keys, h * headDim, subDim, headDim, n, scoreMultiplier, scoreShift, scores);
                    softmax.Process(scores, 0, probs, 0, n);
                    kernels.AttentionContextS16(probs, n, values, h * headDim, subDim, headDim, contextShift, arena, contextAt + qAt);
                }
            }
            for (int j = 0; j < fold; j++) this.output.Process(arena, contextAt + j * subDim, output, outOffset + j * subDim);
        }

        /// <summary>The reference score loop (ManagedKernels): int64 sums, requantised with 1/√(d/H) folded in.</summary>
        public static void ComputeScores(short[] query, int qAt, short[] keys, int kBase, int subDim, int headDim, int n,
            int scoreMultiplier, int scoreShift, short[] scores)
        {
            for (int s = 0; s < n; s++)
            {
                int kAt = kBase + s * subDim;
                long acc = 0;
                for (int i = 0; i < headDim; i++) acc += query[qAt + i] * keys[kAt + i];
                scores[s] = Fixed.Requantize(acc, scoreMultiplier, scoreShift);
            }
        }

        /// <summary>The reference context loop (ManagedKernels): int64 sums of p·v, rounded to the context scale.</summary>
        public static void ComputeContext(short[] probs, int n, short[] values, int vBase, int subDim, int headDim, int contextShift,
            short[] context, int outAt)
        {
            for (int i = 0; i < headDim; i++)
            {
                long acc = 0;
                int vAt = vBase + i;
                for (int s = 0; s < n; s++) acc += probs[s] * values[s * subDim + vAt];
                context[outAt + i] = Fixed.Sat16(Fixed.ScalePow2(acc, contextShift));
            }
        }
    }
}
