using System;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

namespace Edge.Asr.Model
{
    /// <summary>
    /// The fixed-point streaming Conformer: log-mel frames in (int16, fraction bits input.frac = 8,
    /// the frontend's log2 Q8), every 4th frame an encoder frame through ConvSubsampling → blocks →
    /// MeanPool over the last W encoder frames → classifier logits → Q15 posteriors. Built from a
    /// <see cref="ModelParameters"/>; allocates only here, never per frame: the streaming state, one
    /// short arena and one int scratch shared by every op (they run one after another: <see cref="ArenaShorts"/>,
    /// <see cref="IntScratchInts"/>), the outputs it exposes, and the weight window of its tensor store
    /// (the weights themselves stay in the parameters' blob: flash on the device).
    /// </summary>
    public sealed class ConformerModel
    {
        /// <summary>Fraction bits of the model input: the frontend's log2 values in Q8.</summary>
        public const int InputFracBits = 8;

        private readonly ModelConfig config;
        private readonly ConvSubsampling subsampling;
        private readonly ConformerBlock[] blocks;
        private readonly MeanPool pool;
        private readonly Linear classifier;
        private readonly Softmax posteriorSoftmax;
        private readonly int fracEncoderIn;
        private readonly int fracLogits;
        private readonly short[] encoderIn;
        private readonly int[] inputMeans;     // the running means of RunningMeanSubtractS16 (none when the config has no input norm)
        private readonly short[] normalisedMel;
        private bool inputStarted;
        private readonly short[][] blockOut;
        private readonly short[] arena;       // every op's scratch (the pooled frame at 0 after the blocks)
        private readonly int[] intScratch;    // LayerNorm rows, softmax exponentials
        private readonly TensorStore store;
        private readonly short[] logits;
        private readonly short[] posteriors;
        private int encoderFrames;
        private readonly IOpKernels kernels;

        public ConformerModel(ModelParameters parameters)
        {
            if (parameters == null) throw new ArgumentException("ConformerModel: parameters are required");
            ModelParameters p = parameters;
            config = p.Config;
            kernels = p.Kernels;
            int inputFrac = p.Scalar("input.frac");
            if (inputFrac != InputFracBits) throw new ArgumentException("ConformerModel: input.frac must be " + InputFracBits.ToString() + " (the frontend's Q8), got " + inputFrac.ToString());
            int c = config.SubsamplingChannels, d = config.Dim, f2 = config.SubsampledBins;
            TensorDirectory t = p.Tensors;
            store = new TensorStore(t.Source, config, p.Kernels);
            arena = new short[ArenaShorts(config)];
            intScratch = new int[IntScratchInts(config)];
            subsampling = new ConvSubsampling(config.MelBins, c, store,
                t.Offset("subsampling.conv1.weight", 1, 9 * c), t.Offset("subsampling.conv1.bias", 4, c), t.Offset("subsampling.conv1.multiplier", 4, c), t.Offset("subsampling.conv1.shift", 4, c),
                t.Offset("subsampling.dw.weight", 1, 9 * c), t.Offset("subsampling.dw.bias", 4, c), t.Offset("subsampling.dw.multiplier", 4, c), t.Offset("subsampling.dw.shift", 4, c),
                LayerFactory.Linear(p, store, "subsampling.pw", c, c, true),
                LayerFactory.Linear(p, store, "subsampling.out", c * f2, d, false), arena, 0);
            fracEncoderIn = LayerFactory.Frac(p, "subsampling.out");
            blocks = new ConformerBlock[config.Blocks];
            blockOut = new short[config.Blocks][];
            int f = fracEncoderIn;
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i] = new ConformerBlock(p, store, arena, 0, intScratch, i, f);
                f = blocks[i].FracOut;
                blockOut[i] = new short[d];
            }
            pool = new MeanPool(d, config.PoolWindow);
            classifier = LayerFactory.Linear(p, store, "classifier", d, config.Classes, false);
            fracLogits = LayerFactory.Frac(p, "classifier");
            posteriorSoftmax = new Softmax(config.Classes, fracLogits, p.Kernels, intScratch);
            encoderIn = new short[d];
            bool norm = config.InputNormShift > 0;
            inputMeans = new int[norm ? config.MelBins : 0];
            normalisedMel = new short[norm ? config.MelBins : 0];
            logits = new short[config.Classes];
            posteriors = new short[config.Classes];
        }

        /// <summary>Shorts of the one arena: the largest of the subsampling's, one block's and the pooled frame (D).</summary>
        public static int ArenaShorts(ModelConfig c)
        {
            int n = ConformerBlock.ScratchShorts(c);
            int s = ConvSubsampling.ScratchShorts(c.SubsamplingChannels, c.MelBins);
            if (s > n) n = s;
            return n > c.Dim ? n : c.Dim;
        }

        /// <summary>Ints of the one int scratch: a block's (LayerNorm row, attention softmax) or the posterior softmax's.</summary>
        public static int IntScratchInts(ModelConfig c)
        {
            int n = ConformerBlock.IntScratch(c);
            int s = Softmax.ScratchInts(c.Classes);
            return n > s ? n : s;
        }

        /// <summary>Where the ops read their weights (its window is the only weight RAM when the kernels do not read in place).</summary>
        public TensorStore Store { get { return store; } }

        public ModelConfig Config { get { return config; } }
        /// <summary>The kernels the ops run on (the pipeline's frontend runs natively too when these are native).</summary>
        public IOpKernels Kernels { get { return kernels; } }
        /// <summary>Encoder frames produced since construction or Reset.</summary>
        public int EncoderFrames { get { return encoderFrames; } }
        /// <summary>Logits of the latest encoder frame (fraction bits <see cref="LogitsFracBits"/>).</summary>
        public short[] Logits { get { return logits; } }
        public int LogitsFracBits { get { return fracLogits; } }
        /// <summary>Posteriors (softmax of the logits) of the latest encoder frame, Q15.</summary>
        public short[] Posteriors { get { return posteriors; } }
        /// <summary>Subsampling output of the latest encoder frame (the input of block 0).</summary>
        public short[] EncoderInput { get { return encoderIn; } }
        public int EncoderInputFracBits { get { return fracEncoderIn; } }
        public short[] BlockOutput(int block) { return blockOut[block]; }
        public int BlockOutputFracBits(int block) { return blocks[block].FracOut; }

        /// <summary>
        /// Multiply-accumulates of one encoder frame in steady state (full attention caches):
        /// subsampling (4 mel frames) + blocks + pooling + classifier + posterior softmax.
        /// </summary>
        public long MacsPerEncoderFrame { get { return MacsForEncoderFrame(config.LeftContext + 1); } }

        /// <summary>As <see cref="MacsPerEncoderFrame"/> with n frames in the attention caches (n ≤ L+1).</summary>
        public long MacsForEncoderFrame(int cachedFrames)
        {
            long m = subsampling.MacsPerFrame + pool.MacsPerFrame + classifier.MacsPerFrame + posteriorSoftmax.MacsPerFrame;
            for (int i = 0; i < blocks.Length; i++) m += blocks[i].MacsFor(cachedFrames);
            return m;
        }

        /// <summary>Streaming state bytes: subsampling, depthwise histories, K/V caches, pooling ring.</summary>
        public int StateBytes
        {
            get
            {
                int s = subsampling.StateBytes + pool.StateBytes + 4 * inputMeans.Length;
                for (int i = 0; i < blocks.Length; i++) s += blocks[i].StateBytes;
                return s;
            }
        }

        public void Reset()
        {
            subsampling.Reset();
            inputStarted = false;
            for (int i = 0; i < blocks.Length; i++) blocks[i].Reset();
            pool.Reset();
            encoderFrames = 0;
            Array.Clear(logits, 0, logits.Length);
            Array.Clear(posteriors, 0, posteriors.Length);
        }

        /// <summary>
        /// Consumes one log-mel frame (MelBins values at Q8; first through the running-mean subtraction when the
        /// config has an input norm). Returns true when it completed an
        /// encoder frame (input frames 0, 4, 8, …): Logits, Posteriors and the block outputs are then new.
        /// </summary>
        public bool Process(short[] mel, int melOffset)
        {
            if (inputMeans.Length > 0)
            {
                kernels.RunningMeanSubtractS16(mel, melOffset, inputMeans, config.MelBins, config.InputNormShift, !inputStarted, normalisedMel, 0);
                inputStarted = true;
                mel = normalisedMel;
                melOffset = 0;
            }
            if (!subsampling.Process(mel, melOffset, encoderIn, 0)) return false;
            short[] x = encoderIn;
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i].Process(x, 0, blockOut[i], 0);
                x = blockOut[i];
            }
            pool.Process(x, 0, arena, 0);
            classifier.Process(arena, 0, logits, 0);
            posteriorSoftmax.Process(logits, 0, posteriors, 0, logits.Length);
            encoderFrames++;
            return true;
        }
    }
}
