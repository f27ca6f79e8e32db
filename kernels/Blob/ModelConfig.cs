namespace Edge.Asr.Blob
{
    /// <summary>
    /// Architecture of the model, stored in the config section as a counted list of int32
    /// fields in the order of the Field* indices (a later minor version may append fields).
    /// </summary>
    public sealed class ModelConfig
    {
        public const int FieldDModel = 0;
        public const int FieldNumHeads = 1;
        public const int FieldFoldFactor = 2;
        public const int FieldFfnMultiplier = 3;
        public const int FieldConvKernelSize = 4;
        public const int FieldNumBlocks = 5;
        public const int FieldAttentionBlockMask = 6;
        public const int FieldLeftContext = 7;
        public const int FieldPoolWindow = 8;
        public const int FieldSubsamplingChannels = 9;
        public const int FieldNumClasses = 10;
        /// <summary>Number of fields version 1.0 defines.</summary>
        public const int FieldCount = 11;

        /// <summary>Most blocks a model may have (the attention mask is one int32 of flags).</summary>
        public const int MaxBlocks = 31;

        private readonly int[] _f;

        /// <summary>A config from its field values.</summary>
        public ModelConfig(int dModel, int numHeads, int foldFactor, int ffnMultiplier, int convKernelSize,
            int numBlocks, int attentionBlockMask, int leftContext, int poolWindow, int subsamplingChannels,
            int numClasses)
        {
            _f = new int[FieldCount];
            _f[FieldDModel] = dModel;
            _f[FieldNumHeads] = numHeads;
            _f[FieldFoldFactor] = foldFactor;
            _f[FieldFfnMultiplier] = ffnMultiplier;
            _f[FieldConvKernelSize] = convKernelSize;
            _f[FieldNumBlocks] = numBlocks;
            _f[FieldAttentionBlockMask] = attentionBlockMask;
            _f[FieldLeftContext] = leftContext;
            _f[FieldPoolWindow] = poolWindow;
            _f[FieldSubsamplingChannels] = subsamplingChannels;
            _f[FieldNumClasses] = numClasses;
        }

        /// <summary>Model width D (features per encoder frame).</summary>
        public int DModel { get { return _f[FieldDModel]; } }
        /// <summary>Attention heads.</summary>
        public int NumHeads { get { return _f[FieldNumHeads]; } }
        /// <summary>Attention folding factor F (1, 2 or 4).</summary>
        public int FoldFactor { get { return _f[FieldFoldFactor]; } }
        /// <summary>FFN hidden width = FfnMultiplier × D.</summary>
        public int FfnMultiplier { get { return _f[FieldFfnMultiplier]; } }
        /// <summary>Causal depthwise convolution kernel size (encoder frames).</summary>
        public int ConvKernelSize { get { return _f[FieldConvKernelSize]; } }
        /// <summary>Number of Conformer blocks.</summary>
        public int NumBlocks { get { return _f[FieldNumBlocks]; } }
        /// <summary>Bit b set = block b has multi-head self-attention (else convolution only).</summary>
        public int AttentionBlockMask { get { return _f[FieldAttentionBlockMask]; } }
        /// <summary>Attention left context in encoder frames.</summary>
        public int LeftContext { get { return _f[FieldLeftContext]; } }
        /// <summary>Classifier pooling window W in encoder frames.</summary>
        public int PoolWindow { get { return _f[FieldPoolWindow]; } }
        /// <summary>Channels of the subsampling convolutions.</summary>
        public int SubsamplingChannels { get { return _f[FieldSubsamplingChannels]; } }
        /// <summary>Number of output classes.</summary>
        public int NumClasses { get { return _f[FieldNumClasses]; } }

        /// <summary>Whether block <paramref name="block"/> has attention.</summary>
        public bool HasAttention(int block)
        {
            return block >= 0 && block < NumBlocks && ((AttentionBlockMask >> block) & 1) != 0;
        }

        /// <summary>The fields in stored order (a copy).</summary>
        public int[] ToFields()
        {
            int[] copy = new int[FieldCount];
            for (int i = 0; i < FieldCount; i++) copy[i] = _f[i];
            return copy;
        }

        /// <summary>Refuses values the engine cannot run, naming the field.</summary>
        public void Validate()
        {
            FieldCheck.Range("config", "d_model", DModel, 1, 1024);
            FieldCheck.Range("config", "num_heads", NumHeads, 1, 64);
            int f = FoldFactor;
            if (f != 1 && f != 2 && f != 4)
                throw new BlobFormatException("config field fold_factor = " + f.ToString() + " is not 1, 2 or 4");
            if (DModel % (NumHeads * f) != 0)
                throw new BlobFormatException("config d_model = " + DModel.ToString()
                    + " is not divisible by num_heads x fold_factor = " + (NumHeads * f).ToString());
            FieldCheck.Range("config", "ffn_multiplier", FfnMultiplier, 1, 16);
            FieldCheck.Range("config", "conv_kernel_size", ConvKernelSize, 1, 255);
            FieldCheck.Range("config", "num_blocks", NumBlocks, 1, MaxBlocks);
            int allowed = (int)((1u << NumBlocks) - 1u);
            if ((AttentionBlockMask & ~allowed) != 0)
                throw new BlobFormatException("config field attention_block_mask = " + Hex.U32((uint)AttentionBlockMask)
                    + " flags blocks beyond num_blocks = " + NumBlocks.ToString());
            FieldCheck.Range("config", "left_context", LeftContext, 0, 4096);
            FieldCheck.Range("config", "pool_window", PoolWindow, 1, 4096);
            FieldCheck.Range("config", "subsampling_channels", SubsamplingChannels, 1, 1024);
            FieldCheck.Range("config", "num_classes", NumClasses, 2, BlobFormat.MaxLabels);
        }
    }
}
