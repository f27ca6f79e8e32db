using System;
using Edge.Asr.Blob;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;
using Edge.Asr.Model;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The bytes of every integer array the firmware allocates for a model, computed from the
    /// blob before anything is allocated, for the start-up memory check: the parameters (tensor
    /// data), the model's state and scratch arrays, the frontend's, the pipeline's mel frame, the
    /// detector's, and the capture buffers. It is the sum <c>edge-asr bench</c> prints as peak RAM,
    /// which counts the arrays of a built pipeline (a test holds the two equal). Object headers
    /// and references are not counted, nor the lookup tables, which are static.
    /// </summary>
    public static class PipelineMemory
    {
        /// <summary>Everything: parameters + model buffers + frontend + detector + capture buffers.</summary>
        public static long Bytes(ModelBlob blob, I2sSampleLayout layout)
        {
            if (blob == null) throw new ArgumentException("blob is null", "blob");
            DetectorSettings detector = DetectorSettings.FromBlob(blob.Detector, blob.LabelCount);
            return ModelStartup.TensorBytes(blob) + ModelBufferBytes(blob.Config) + FrontendBytes
                + DetectorBytes(blob.LabelCount, detector.SmoothingFrames) + CaptureBytes(layout);
        }

        /// <summary>
        /// LogMelFrontend (window short[400], windowed long[400], power long[257], frame short[40]),
        /// its FFT (3 × int[256]) and the pipeline's mel frame short[40].
        /// </summary>
        public const int FrontendBytes = LogMelFrontend.WindowLength * 2 + LogMelFrontend.WindowLength * 8
            + (LogMelFrontend.FftLength / 2 + 1) * 8 + LogMelFrontend.MelChannels * 2
            + 3 * (LogMelFrontend.FftLength / 2) * 4 + LogMelFrontend.MelChannels * 2;

        /// <summary>CommandDetector: isCommand bool[C], thresholds short[C], history short[W·C], sums int[C], smoothed short[C].</summary>
        public static long DetectorBytes(int classes, int smoothingFrames)
        {
            return (long)classes * (1 + 2 + 4 + 2) + 2L * smoothingFrames * classes;
        }

        /// <summary>MicrophoneReader: one block of I2S frames and its int16 samples; I2sSampleExtractor: one partial frame.</summary>
        public static long CaptureBytes(I2sSampleLayout layout)
        {
            if (layout == null) throw new ArgumentException("layout is null", "layout");
            return (long)CaptureLoop.BlockSamples * layout.FrameBytes + CaptureLoop.BlockSamples * 2 + layout.FrameBytes;
        }

        /// <summary>
        /// ConformerModel's arrays other than its parameters: streaming state (subsampling rows,
        /// depthwise histories, K/V caches, pooling ring) and per-op scratch, as each op allocates them.
        /// </summary>
        public static long ModelBufferBytes(ModelConfig c)
        {
            long d = c.Dim, ch = c.SubsamplingChannels, h = c.FfnHidden;
            long bins1 = (c.MelBins - 1) / 2 + 1, bins2 = c.SubsampledBins;
            long shorts = 2L * c.MelBins + 3 * bins1 * ch + 2 * ch + ch * bins2;  // ConvSubsampling rows, dw, pw, flat
            long ints = 0;
            long bools = c.Blocks;                                             // ModelConfig's attention flags
            for (int b = 0; b < c.Blocks; b++)
            {
                shorts += 2 * (2 * d + h); ints += 2 * d;                      // two FFNs: normed, hidden, projected; LayerNorm rows
                shorts += 4 * d + (c.ConvKernel - 1) * d; ints += 2 * d;       // conv module a, b (2D), c; depthwise history; two LayerNorms
                shorts += d; ints += d;                                        // block x; block LayerNorm
                if (!c.HasAttention(b)) continue;
                long slots = c.LeftContext + 1, keys = slots * c.Fold;
                shorts += 2 * d + 2 * d + 2 * slots * d + 2 * keys; ints += d + keys; // normed, attended, query, context, K/V caches, scores, probs; LayerNorm, softmax
            }
            shorts += c.Blocks * d + 2 * d + 2L * c.Classes + (long)c.PoolWindow * d; // block outputs, encoder input, pooled, logits, posteriors, pool ring
            ints += d + c.Classes;                                             // pool sums, posterior softmax
            return 2 * shorts + 4 * ints + bools;
        }
    }
}
