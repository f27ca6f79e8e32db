using System;
using Edge.Asr.Blob;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;
using Edge.Asr.Model;
using Edge.Asr.Weights;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The bytes of every integer array the firmware allocates for a model, computed from the
    /// blob before anything is allocated, for the start-up memory check: the weight window (the
    /// tensors themselves stay in the flash resource; the managed kernels read them through a small
    /// window, WeightWindow), the model's streaming state, its one arena and int scratch and the
    /// outputs it exposes, the frontend's, the pipeline's mel frame, the detector's, and the capture
    /// buffers. It is the sum <c>edge-asr bench</c> prints as peak RAM, which counts the arrays of a
    /// built pipeline (a test holds the two equal). Object headers and references are not counted,
    /// nor the lookup tables, which are static.
    /// </summary>
    public static class PipelineMemory
    {
        /// <summary>
        /// What the firmware allocates in weight placement <paramref name="placement"/> (WeightPlacement): <see cref="Bytes(ModelBlob, I2sSampleLayout)"/>,
        /// plus the RAM copy of every tensor (TensorDirectory.CopyBytes) when the native kernels cannot read the resource in place.
        /// The weight window is allocated in every mode (the build-time checks read through it).
        /// </summary>
        public static long Bytes(ModelBlob blob, I2sSampleLayout layout, int placement)
        {
            if (placement != WeightPlacement.Window && placement != WeightPlacement.InPlace && placement != WeightPlacement.RamCopy)
                throw new ArgumentOutOfRangeException("placement", "weight placement " + placement.ToString() + " is not 0, 1 or 2");
            long copy = placement == WeightPlacement.RamCopy ? TensorDirectory.CopyBytes(blob) : 0;
            long nativeFrontend = placement == WeightPlacement.Window ? 0 : NativeFrontendBytes;
            return Bytes(blob, layout) + copy + nativeFrontend;
        }

        /// <summary>Everything: weight window + model buffers + frontend + detector + capture buffers.</summary>
        public static long Bytes(ModelBlob blob, I2sSampleLayout layout)
        {
            if (blob == null) throw new ArgumentException("blob is null", "blob");
            DetectorSettings detector = DetectorSettings.FromBlob(blob.Detector, blob.LabelCount);
            return WeightWindow.BytesFor(blob.Config) + ModelBufferBytes(blob.Config) + FrontendBytes
                + DetectorBytes(blob.LabelCount, detector.SmoothingFrames) + CaptureBytes(layout);
        }

        /// <summary>
        /// LogMelFrontend (window short[400], frame short[40]), its FFT (re, im and the bit reversals:
        /// 3 × int[256]) and the pipeline's mel frame short[40].
        /// </summary>
        public const int FrontendBytes = LogMelFrontend.WindowLength * 2 + LogMelFrontend.MelChannels * 2
            + 3 * (LogMelFrontend.FftLength / 2) * 4 + LogMelFrontend.MelChannels * 2;

        /// <summary>
        /// What the frontend adds when the native kernels compute its frames (LogMelFrontend(IFrontendKernels)):
        /// their re, im and magnitude scratch and the bit reversals, 4 × int[256], beside the managed FFT's arrays.
        /// </summary>
        public const int NativeFrontendBytes = 4 * (LogMelFrontend.FftLength / 2) * 4;

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
        /// ConformerModel's streaming state (<see cref="ModelStateBytes"/>) and scratch (<see cref="ModelScratchBytes"/>),
        /// without the weight window.
        /// </summary>
        public static long ModelBufferBytes(ModelConfig c)
        {
            return ModelStateBytes(c) + ModelScratchBytes(c);
        }

        /// <summary>
        /// Streaming state: subsampling rows (two mel frames, three stage-1 outputs), depthwise histories, K/V caches,
        /// pooling ring and sums, the input norm's running means if any (ConformerModel.StateBytes).
        /// </summary>
        public static long ModelStateBytes(ModelConfig c)
        {
            long d = c.Dim, ch = c.SubsamplingChannels;
            long bins1 = (c.MelBins - 1) / 2 + 1;
            long bytes = 2 * (2L * c.MelBins + 3 * bins1 * ch);
            for (int b = 0; b < c.Blocks; b++)
            {
                bytes += 2L * (c.ConvKernel - 1) * d;
                if (c.HasAttention(b)) bytes += 4L * (c.LeftContext + 1) * d;
            }
            if (c.InputNormShift > 0) bytes += 4L * c.MelBins;   // the input norm's running means
            return bytes + 2L * c.PoolWindow * d + 4 * d;
        }

        /// <summary>
        /// Scratch and outputs: the one arena (ConformerModel.ArenaShorts) and int scratch (IntScratchInts), the subsampling's
        /// depthwise bin (C), each attention block's scores and probabilities (2·(L+1)·F), the encoder input and block
        /// outputs (D each), logits and posteriors, the input norm's output frame if any, and the config's attention flags.
        /// </summary>
        public static long ModelScratchBytes(ModelConfig c)
        {
            long d = c.Dim;
            long shorts = ConformerModel.ArenaShorts(c) + c.SubsamplingChannels + (c.Blocks + 1) * d + 2L * c.Classes;
            for (int b = 0; b < c.Blocks; b++) if (c.HasAttention(b)) shorts += 2L * (c.LeftContext + 1) * c.Fold;
            if (c.InputNormShift > 0) shorts += c.MelBins;   // the input norm's output frame
            return 2 * shorts + 4L * ConformerModel.IntScratchInts(c) + c.Blocks;
        }
    }
}
