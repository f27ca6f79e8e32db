using System;
using Edge.Asr.Ops;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Closed-form size and cost of a <see cref="ModelConfig"/>, without building the model
    /// (docs/model.md derives each term; a test checks them against the built ops).
    /// </summary>
    public static class ModelCost
    {
        /// <summary>int8 weights (bytes): subsampling, blocks, classifier.</summary>
        public static long WeightBytes(ModelConfig c)
        {
            long d = c.Dim, ch = c.SubsamplingChannels, h = c.FfnHidden, sd = c.SubDim;
            long w = 9 * ch + 9 * ch + ch * ch + ch * c.SubsampledBins * d;
            for (int b = 0; b < c.Blocks; b++)
            {
                w += 2 * (2 * d * h);                           // two FFNs
                w += 2 * d * d + (long)c.ConvKernel * d + d * d;  // pointwise1, depthwise, pointwise2
                if (c.HasAttention(b)) w += 4 * sd * sd;        // folded q, k, v, out
            }
            return w + d * c.Classes;
        }

        /// <summary>All parameters: int8 weights plus biases, LayerNorm γ and β (one value each).</summary>
        public static long ParameterCount(ModelConfig c)
        {
            long d = c.Dim, ch = c.SubsamplingChannels, h = c.FfnHidden, sd = c.SubDim;
            long n = WeightBytes(c) + 3 * ch + d;              // conv1, dw, pw, out biases
            for (int b = 0; b < c.Blocks; b++)
            {
                n += 2 * (2 * d + h + d);                       // FFN: norm γ β, linear1 bias, linear2 bias
                n += 2 * d + 2 * d + d + 2 * d + d;             // conv: norm, pointwise1 bias, depthwise bias, dw_norm, pointwise2 bias
                n += 2 * d;                                     // block norm
                if (c.HasAttention(b)) n += 2 * d + 4 * sd;     // attn norm, four projection biases
            }
            return n + c.Classes;
        }

        /// <summary>Multiply-accumulates of the subsampling per encoder frame (4 mel frames).</summary>
        public static long SubsamplingMacs(ModelConfig c)
        {
            int bins1 = (c.MelBins - 1) / 2 + 1, bins2 = c.SubsampledBins;
            long ch = c.SubsamplingChannels;
            return 2L * ConvSubsampling.InsideTaps(bins1, c.MelBins) * 3 * ch + (long)ConvSubsampling.InsideTaps(bins2, bins1) * 3 * ch + bins2 * ch * ch + ch * bins2 * c.Dim;
        }

        /// <summary>Half-step FFN: LayerNorm 4D, D·Hd, Swish 2Hd, Hd·D, residual D.</summary>
        public static long FfnMacs(ModelConfig c)
        {
            long d = c.Dim, h = c.FfnHidden;
            return 4 * d + d * h + 2 * h + h * d + d;
        }

        /// <summary>
        /// Attention module with n frames visible: LayerNorm 4D, projections 4·F·d², scores and
        /// context 2·F·(n·F)·d, softmax 3·(n·F) per query sub-token and head, residual D.
        /// </summary>
        public static long AttentionMacs(ModelConfig c, int frames)
        {
            long d = c.Dim, f = c.Fold, sd = c.SubDim, keys = frames * f;
            return 4 * d + 4 * f * sd * sd + 2 * f * keys * sd + f * c.Heads * 3 * keys + d;
        }

        /// <summary>Conv module: LN 4D, 2D², GLU 2D, K·D, LN 4D, Swish 2D, D², residual D.</summary>
        public static long ConvMacs(ModelConfig c)
        {
            long d = c.Dim;
            return 4 * d + 2 * d * d + 2 * d + (long)c.ConvKernel * d + 4 * d + 2 * d + d * d + d;
        }

        /// <summary>Steady-state multiply-accumulates per encoder frame (attention sees L+1 frames).</summary>
        public static long MacsPerEncoderFrame(ModelConfig c)
        {
            long m = SubsamplingMacs(c);
            for (int b = 0; b < c.Blocks; b++)
            {
                m += 2 * FfnMacs(c) + ConvMacs(c) + 4L * c.Dim;
                if (c.HasAttention(b)) m += AttentionMacs(c, c.LeftContext + 1);
            }
            return m + 2L * c.Dim + (long)c.Dim * c.Classes + 3L * c.Classes;
        }

        /// <summary>Encoder frames per second: 100 mel frames / 4.</summary>
        public const int EncoderFramesPerSecond = 25;

        public static long MacsPerSecond(ModelConfig c) { return MacsPerEncoderFrame(c) * EncoderFramesPerSecond; }
    }
}
