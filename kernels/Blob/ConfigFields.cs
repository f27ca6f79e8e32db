using System;
using Edge.Asr.Model;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// The config section: Edge.Asr.Model.ModelConfig as a counted list of int32 fields in the
    /// order of the Field* indices (a later minor version may append fields). The labels are the
    /// labels section; num classes is stored here too so the two can be checked against each other.
    /// </summary>
    public static class ConfigFields
    {
        public const int FieldMelBins = 0;
        public const int FieldSubsamplingChannels = 1;
        public const int FieldDim = 2;
        public const int FieldHeads = 3;
        public const int FieldFold = 4;
        public const int FieldFfnMultiplier = 5;
        public const int FieldConvKernel = 6;
        public const int FieldBlocks = 7;
        public const int FieldAttentionMask = 8;
        public const int FieldLeftContext = 9;
        public const int FieldPoolWindow = 10;
        public const int FieldClasses = 11;
        /// <summary>Number of fields version 1.0 defines.</summary>
        public const int FieldCount = 12;

        /// <summary>Most blocks a blob may describe (the attention flags are one int32).</summary>
        public const int MaxBlocks = 31;

        /// <summary>Bit b set = block b has self-attention.</summary>
        public static int AttentionMask(ModelConfig config)
        {
            if (config.Blocks > MaxBlocks)
                throw new ArgumentException("config has " + config.Blocks.ToString() + " blocks, a mask holds at most "
                    + MaxBlocks.ToString());
            int mask = 0;
            // b < MaxBlocks (31) states the bound so no shift count can reach 32 (docs/portability.md).
            for (int b = 0; b < config.Blocks && b < MaxBlocks; b++)
                if (config.HasAttention(b)) mask |= 1 << b;
            return mask;
        }

        /// <summary>The fields of a config in stored order.</summary>
        public static int[] ToFields(ModelConfig config)
        {
            if (config.Blocks > MaxBlocks)
                throw new ArgumentException("config has " + config.Blocks.ToString() + " blocks, a blob holds at most "
                    + MaxBlocks.ToString());
            int[] f = new int[FieldCount];
            f[FieldMelBins] = config.MelBins;
            f[FieldSubsamplingChannels] = config.SubsamplingChannels;
            f[FieldDim] = config.Dim;
            f[FieldHeads] = config.Heads;
            f[FieldFold] = config.Fold;
            f[FieldFfnMultiplier] = config.FfnMultiplier;
            f[FieldConvKernel] = config.ConvKernel;
            f[FieldBlocks] = config.Blocks;
            f[FieldAttentionMask] = AttentionMask(config);
            f[FieldLeftContext] = config.LeftContext;
            f[FieldPoolWindow] = config.PoolWindow;
            f[FieldClasses] = config.Classes;
            return f;
        }

        /// <summary>Refuses values the engine cannot run, naming the field (the ranges of ModelConfig).</summary>
        public static void Validate(int[] f)
        {
            FieldCheck.Range("config", "mel_bins", f[FieldMelBins], 3, 256);
            FieldCheck.Range("config", "subsampling_channels", f[FieldSubsamplingChannels], 1, 256);
            FieldCheck.Range("config", "dim", f[FieldDim], 2, 1024);
            FieldCheck.Range("config", "heads", f[FieldHeads], 1, 1024);
            int fold = f[FieldFold];
            if (fold != 1 && fold != 2 && fold != 4)
                throw new BlobFormatException("config field fold = " + fold.ToString() + " is not 1, 2 or 4");
            if (f[FieldDim] % (f[FieldHeads] * fold) != 0)
                throw new BlobFormatException("config dim = " + f[FieldDim].ToString()
                    + " is not divisible by heads x fold = " + (f[FieldHeads] * fold).ToString());
            FieldCheck.Range("config", "ffn_multiplier", f[FieldFfnMultiplier], 1, 8);
            FieldCheck.Range("config", "conv_kernel", f[FieldConvKernel], 1, 64);
            int blocks = f[FieldBlocks];
            FieldCheck.Range("config", "blocks", blocks, 1, MaxBlocks);
            int allowed = (int)((1L << blocks) - 1L);
            if ((f[FieldAttentionMask] & ~allowed) != 0)
                throw new BlobFormatException("config field attention_mask = " + Hex.U32((uint)f[FieldAttentionMask])
                    + " flags blocks beyond blocks = " + blocks.ToString());
            FieldCheck.Range("config", "left_context", f[FieldLeftContext], 0, 256);
            FieldCheck.Range("config", "pool_window", f[FieldPoolWindow], 1, 1024);
            FieldCheck.Range("config", "classes", f[FieldClasses], 2, BlobFormat.MaxLabels);
        }

        /// <summary>The model config from validated fields and the labels (label count = classes, checked by the reader).</summary>
        public static ModelConfig Build(int[] f, string[] labels)
        {
            return Build(f, labels, 0);
        }

        /// <summary>As Build(f, labels), with the input norm shift the frontend section's log format states.</summary>
        public static ModelConfig Build(int[] f, string[] labels, int inputNormShift)
        {
            int blocks = f[FieldBlocks];
            bool[] attention = new bool[blocks];
            for (int b = 0; b < blocks && b < MaxBlocks; b++) attention[b] = ((f[FieldAttentionMask] >> b) & 1) != 0;
            try
            {
                return new ModelConfig(f[FieldMelBins], f[FieldSubsamplingChannels], f[FieldDim], f[FieldHeads], f[FieldFold],
                    f[FieldFfnMultiplier], f[FieldConvKernel], attention, f[FieldLeftContext], f[FieldPoolWindow], labels, inputNormShift);
            }
            catch (Exception e)
            {
                // Any refusal, not only ArgumentException: the device raises ArgumentOutOfRangeException for
                // faults the desktop reports as other types, so catching by that type differs per platform.
                if (e is OutOfMemoryException || e is BlobFormatException) throw;
                throw new BlobFormatException("config refused: " + e.Message);
            }
        }
    }
}
