using System;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Architecture of the streaming Conformer (docs/model.md): subsampling channels, width D,
    /// heads H, folding F, FFN multiplier, depthwise kernel K, blocks and which of them have
    /// attention, attention left context L (encoder frames), pooling window W (encoder frames),
    /// and the class labels. Validated on construction.
    /// </summary>
    public sealed class ModelConfig
    {
        /// <summary>LayerNorm ε of every norm in the model, as round(1e-5 · 2^32).</summary>
        public const long LayerNormEpsQ32 = 42950;

        private readonly int melBins;
        private readonly int subsamplingChannels;
        private readonly int dim;
        private readonly int heads;
        private readonly int fold;
        private readonly int ffnMultiplier;
        private readonly int convKernel;
        private readonly bool[] attention;
        private readonly int leftContext;
        private readonly int poolWindow;
        private readonly int inputNormShift;
        private readonly string[] labels;

        public ModelConfig(int melBins, int subsamplingChannels, int dim, int heads, int fold, int ffnMultiplier,
            int convKernel, bool[] attention, int leftContext, int poolWindow, string[] labels)
            : this(melBins, subsamplingChannels, dim, heads, fold, ffnMultiplier, convKernel, attention, leftContext, poolWindow, labels, 0)
        {
        }

        /// <summary>
        /// As the other constructor; <paramref name="inputNormShift"/> &gt; 0 puts a per-channel running-mean
        /// subtraction with smoothing 2^−shift before the subsampling (RunningMeanSubtractS16), 0 none.
        /// </summary>
        public ModelConfig(int melBins, int subsamplingChannels, int dim, int heads, int fold, int ffnMultiplier,
            int convKernel, bool[] attention, int leftContext, int poolWindow, string[] labels, int inputNormShift)
        {
            if (inputNormShift != 0) Edge.Asr.Ops.RunningMeanSubtractS16.CheckShift(inputNormShift);
            if (melBins < 3 || melBins > 256) throw new ArgumentException("ModelConfig: melBins must be in [3, 256], got " + melBins.ToString());
            if (subsamplingChannels < 1 || subsamplingChannels > 256) throw new ArgumentException("ModelConfig: subsamplingChannels must be in [1, 256], got " + subsamplingChannels.ToString());
            if (dim < 2 || dim > 1024) throw new ArgumentException("ModelConfig: dim must be in [2, 1024], got " + dim.ToString());
            if (fold != 1 && fold != 2 && fold != 4) throw new ArgumentException("ModelConfig: fold must be 1, 2 or 4, got " + fold.ToString());
            if (dim % fold != 0) throw new ArgumentException("ModelConfig: dim " + dim.ToString() + " is not divisible by fold " + fold.ToString());
            if (heads < 1) throw new ArgumentException("ModelConfig: heads must be positive, got " + heads.ToString());
            if ((dim / fold) % heads != 0) throw new ArgumentException("ModelConfig: dim/fold = " + (dim / fold).ToString() + " is not divisible by heads " + heads.ToString());
            if (ffnMultiplier < 1 || ffnMultiplier > 8) throw new ArgumentException("ModelConfig: ffnMultiplier must be in [1, 8], got " + ffnMultiplier.ToString());
            if (convKernel < 1 || convKernel > 64) throw new ArgumentException("ModelConfig: convKernel must be in [1, 64], got " + convKernel.ToString());
            if (attention == null || attention.Length < 1 || attention.Length > 64) throw new ArgumentException("ModelConfig: attention must list 1 to 64 blocks");
            if (leftContext < 0 || leftContext > 256) throw new ArgumentException("ModelConfig: leftContext must be in [0, 256], got " + leftContext.ToString());
            if (poolWindow < 1 || poolWindow > 1024) throw new ArgumentException("ModelConfig: poolWindow must be in [1, 1024], got " + poolWindow.ToString());
            if (labels == null || labels.Length < 2) throw new ArgumentException("ModelConfig: at least 2 labels are required");
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == null || labels[i].Length == 0) throw new ArgumentException("ModelConfig: label " + i.ToString() + " is empty");
                for (int j = 0; j < i; j++)
                    if (labels[j] == labels[i]) throw new ArgumentException("ModelConfig: label '" + labels[i] + "' appears twice");
            }
            this.melBins = melBins;
            this.subsamplingChannels = subsamplingChannels;
            this.dim = dim;
            this.heads = heads;
            this.fold = fold;
            this.ffnMultiplier = ffnMultiplier;
            this.convKernel = convKernel;
            this.attention = new bool[attention.Length];
            Array.Copy(attention, 0, this.attention, 0, attention.Length);
            this.leftContext = leftContext;
            this.poolWindow = poolWindow;
            this.inputNormShift = inputNormShift;
            this.labels = new string[labels.Length];
            Array.Copy(labels, 0, this.labels, 0, labels.Length);
        }

        public int MelBins { get { return melBins; } }
        public int SubsamplingChannels { get { return subsamplingChannels; } }
        /// <summary>Encoder width D.</summary>
        public int Dim { get { return dim; } }
        public int Heads { get { return heads; } }
        /// <summary>Folding factor F: each token is cut into F sub-tokens of D/F values.</summary>
        public int Fold { get { return fold; } }
        public int FfnMultiplier { get { return ffnMultiplier; } }
        public int FfnHidden { get { return dim * ffnMultiplier; } }
        public int ConvKernel { get { return convKernel; } }
        public int Blocks { get { return attention.Length; } }
        public bool HasAttention(int block) { return attention[block]; }
        /// <summary>Past encoder frames each attention query sees besides its own frame.</summary>
        public int LeftContext { get { return leftContext; } }
        public int PoolWindow { get { return poolWindow; } }
        /// <summary>Smoothing shift of the input's running-mean subtraction; 0: the log-mel goes in as it is.</summary>
        public int InputNormShift { get { return inputNormShift; } }
        public int Classes { get { return labels.Length; } }
        public string Label(int index) { return labels[index]; }
        /// <summary>Sub-token width D/F.</summary>
        public int SubDim { get { return dim / fold; } }
        /// <summary>Head width D/(F·H).</summary>
        public int HeadDim { get { return dim / fold / heads; } }
        /// <summary>Frequency bins after the two stride-2 stages (10 for 40 mel).</summary>
        public int SubsampledBins { get { int b1 = (melBins - 1) / 2 + 1; return (b1 - 1) / 2 + 1; } }
    }
}
