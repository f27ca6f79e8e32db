using System;
using Edge.Asr.Ops;

namespace Edge.Asr.Model
{
    /// <summary>
    /// The fixed-point streaming Conformer: log-mel frames in (int16, fraction bits input.frac = 8,
    /// the frontend's log2 Q8), every 4th frame an encoder frame through ConvSubsampling → blocks →
    /// MeanPool over the last W encoder frames → classifier logits → Q15 posteriors. Built from a
    /// <see cref="ModelParameters"/>; allocates only here, never per frame.
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
        private readonly short[][] blockOut;
        private readonly short[] pooled;
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
            subsampling = new ConvSubsampling(config.MelBins, c,
                p.Int8("subsampling.conv1.weight", 9 * c), p.Int32("subsampling.conv1.bias", c), p.Int32("subsampling.conv1.multiplier", c), p.Int32("subsampling.conv1.shift", c),
                p.Int8("subsampling.dw.weight", 9 * c), p.Int32("subsampling.dw.bias", c), p.Int32("subsampling.dw.multiplier", c), p.Int32("subsampling.dw.shift", c),
                LayerFactory.Linear(p, "subsampling.pw", c, c, true),
                LayerFactory.Linear(p, "subsampling.out", c * f2, d, false), p.Kernels);
            fracEncoderIn = LayerFactory.Frac(p, "subsampling.out");
            blocks = new ConformerBlock[config.Blocks];
            blockOut = new short[config.Blocks][];
            int f = fracEncoderIn;
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i] = new ConformerBlock(p, i, f);
                f = blocks[i].FracOut;
                blockOut[i] = new short[d];
            }
            pool = new MeanPool(d, config.PoolWindow);
            classifier = LayerFactory.Linear(p, "classifier", d, config.Classes, false);
            fracLogits = LayerFactory.Frac(p, "classifier");
            posteriorSoftmax = new Softmax(config.Classes, fracLogits, p.Kernels);
            encoderIn = new short[d];
            pooled = new short[d];
            logits = new short[config.Classes];
            posteriors = new short[config.Classes];
        }

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
                int s = subsampling.StateBytes + pool.StateBytes;
                for (int i = 0; i < blocks.Length; i++) s += blocks[i].StateBytes;
                return s;
            }
        }

        public void Reset()
        {
            subsampling.Reset();
            for (int i = 0; i < blocks.Length; i++) blocks[i].Reset();
            pool.Reset();
            encoderFrames = 0;
            Array.Clear(logits, 0, logits.Length);
            Array.Clear(posteriors, 0, posteriors.Length);
        }

        /// <summary>
        /// Consumes one log-mel frame (MelBins values at Q8). Returns true when it completed an
        /// encoder frame (input frames 0, 4, 8, …): Logits, Posteriors and the block outputs are then new.
        /// </summary>
        public bool Process(short[] mel, int melOffset)
        {
            if (!subsampling.Process(mel, melOffset, encoderIn, 0)) return false;
            short[] x = encoderIn;
            for (int i = 0; i < blocks.Length; i++)
            {
                blocks[i].Process(x, 0, blockOut[i], 0);
                x = blockOut[i];
            }
            pool.Process(x, 0, pooled, 0);
            classifier.Process(pooled, 0, logits, 0);
            posteriorSoftmax.Process(logits, 0, posteriors, 0, logits.Length);
            encoderFrames++;
            return true;
        }
    }
}
