using System;
using System.Collections.Generic;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Detector;
using Edge.Asr.Firmware;
using Edge.Asr.Frontend;
using Edge.Asr.Model;

namespace Edge.Asr.Sim.Benchmarks
{
    /// <summary>
    /// Exact operation counts and bytes of the device pipeline for one model blob: MACs from
    /// ModelCost (cross-checked against the built model) and FrontendCost; weight and flash bytes
    /// from the blob; RAM as the integer arrays the firmware allocates (RamCount over the live
    /// objects of a model built on the blob as the device builds it, its tensors left in the blob,
    /// plus the source's read slice and the capture loop's I2S buffers of the DevKit board).
    /// </summary>
    public sealed class PipelineCost
    {
        public const int MelFramesPerSecond = LogMelFrontend.SampleRate / LogMelFrontend.HopLength;

        public PipelineCost(ModelBlob blob, long blobLength)
        {
            ArgumentNullException.ThrowIfNull(blob);
            ModelConfig config = blob.Config;
            string[] labels = blob.Labels();
            // As the firmware builds it: the tensors stay in the blob (flash), read through the model's weight window.
            ConformerModel model = BlobModelLoader.BuildModel(blob);
            ModelMacsPerEncoderFrame = ModelCost.MacsPerEncoderFrame(config);
            if (model.MacsPerEncoderFrame != ModelMacsPerEncoderFrame)
                throw new InvalidOperationException("ModelCost and the built model disagree on MACs per encoder frame: "
                    + ModelMacsPerEncoderFrame + " vs " + model.MacsPerEncoderFrame);
            ModelMacsPerSecond = ModelCost.MacsPerSecond(config);
            FrontendMacsPerSecond = (long)FrontendCost.MultipliesPerFrame * MelFramesPerSecond;
            FrontendLookupsPerSecond = (long)FrontendCost.TableLookupsPerFrame * MelFramesPerSecond;

            for (int i = 0; i < blob.TensorCount; i++)
            {
                BlobTensor t = blob.Tensor(i);
                TensorBytes += t.ByteLength;
                if (t.DataType == BlobFormat.DTypeInt8) Int8WeightBytes += t.ByteLength;
            }
            FlashBytes = blobLength;

            // Not RAM: the blob (the flash resource on the device). Counted on its own: the weight window.
            var parameterArrays = new HashSet<object>(ReferenceEqualityComparer.Instance) { blob.Source, model.Store.Window };
            CommandPipeline pipeline = CommandPipeline.Create(model, DetectorSettings.FromBlob(blob.Detector, labels.Length), labels, new NoSink());
            ModelStateBytes = model.StateBytes;
            ModelBufferBytes = RamCount.ArrayBytes(model, parameterArrays);
            // Everything the pipeline holds besides the model's parameters: frontend, model buffers, detector.
            PipelineBufferBytes = RamCount.ArrayBytes(pipeline, parameterArrays);
            // The weight window's arrays, and the slice the source hands back per read (ResourceUtility.GetObject on the device).
            ParameterRamBytes = RamCount.ArrayBytes(model.Store.Window, new HashSet<object>()) + Weights.WeightWindow.ReadBytes;

            BoardConfig board = BoardConfig.DevKitInmp441();
            I2sSampleLayout layout = I2sSampleLayout.FromSettings(MicrophoneConfig.Configure(board.Pins), board.MicrophoneOnRight);
            // MicrophoneReader: one block of I2S bytes and its samples; I2sSampleExtractor: one partial frame.
            CaptureBufferBytes = CaptureLoop.BlockSamples * layout.FrameBytes + CaptureLoop.BlockSamples * 2 + layout.FrameBytes;
            StartupCheckBytes = PipelineMemory.Bytes(blob, layout);
            if (StartupCheckBytes != PeakRamBytes)
                throw new InvalidOperationException("the firmware's start-up memory check counts " + StartupCheckBytes
                    + " bytes, the arrays of the built pipeline take " + PeakRamBytes);

            // The native kernels' two placements (WeightPlacement), each counted on a pipeline built as the firmware builds it:
            // the tensors read in place in the mapped flash resource, or copied once into RAM when it cannot be mapped.
            // Those pipelines' frontends compute with the native kernels too (CommandPipeline), whose scratch the managed one lacks.
            long nativeFrontend = RamCount.ArrayBytes(new LogMelFrontend(new UncalledFrontendKernels()), new HashSet<object>())
                - RamCount.ArrayBytes(new LogMelFrontend(), new HashSet<object>());
            PeakRamBytesNativeInFlash = PeakOf(new ConformerModel(BlobModelLoader.InBlob(blob, new MappedBlobSource(blob.Source, blob.Source.Length))),
                blob, labels) + nativeFrontend;
            PeakRamBytesNativeCopy = PeakOf(new ConformerModel(BlobModelLoader.InRam(blob)), blob, labels) + nativeFrontend;
            if (PipelineMemory.Bytes(blob, layout, WeightPlacement.InPlace) != PeakRamBytesNativeInFlash
                || PipelineMemory.Bytes(blob, layout, WeightPlacement.RamCopy) != PeakRamBytesNativeCopy)
                throw new InvalidOperationException("the firmware's start-up memory check disagrees with the built pipelines of the native"
                    + " kernels: " + PipelineMemory.Bytes(blob, layout, WeightPlacement.InPlace) + " / " + PeakRamBytesNativeInFlash
                    + " bytes with the tensors in flash, " + PipelineMemory.Bytes(blob, layout, WeightPlacement.RamCopy) + " / "
                    + PeakRamBytesNativeCopy + " with them copied");
        }

        // Only constructed, to count the arrays a native frontend allocates; never asked for a frame.
        private sealed class UncalledFrontendKernels : IFrontendKernels
        {
            public int LogMelFrameS16(short[] window, int windowLength, int[] bitReverse, int[] re, int[] im, int[] magnitude, short[] output) =>
                throw new InvalidOperationException("counting only");
        }

        // Every integer array of a pipeline on model: its weight window and the source's read slice, the tensors it holds in RAM
        // (none when its source is the blob, mapped or not; the copy otherwise), frontend, model buffers, detector, capture.
        private long PeakOf(ConformerModel model, ModelBlob blob, string[] labels)
        {
            var skip = new HashSet<object>(ReferenceEqualityComparer.Instance) { blob.Source, model.Store.Window, model.Store.Source };
            CommandPipeline pipeline = CommandPipeline.Create(model, DetectorSettings.FromBlob(blob.Detector, labels.Length), labels, new NoSink());
            long tensors = RamCount.ArrayBytes(model.Store.Source, new HashSet<object>(ReferenceEqualityComparer.Instance) { blob.Source });
            return RamCount.ArrayBytes(model.Store.Window, new HashSet<object>()) + Weights.WeightWindow.ReadBytes + tensors
                + RamCount.ArrayBytes(pipeline, skip) + CaptureBufferBytes;
        }

        /// <summary>Peak RAM with the native kernels reading the tensors in the mapped flash resource (the window is still allocated).</summary>
        public long PeakRamBytesNativeInFlash { get; }

        /// <summary>Peak RAM with the native kernels given one RAM copy of the tensors (the resource could not be mapped).</summary>
        public long PeakRamBytesNativeCopy { get; }

        /// <summary>What the firmware's start-up memory check counts before allocating (PipelineMemory): equal to PeakRamBytes.</summary>
        public long StartupCheckBytes { get; }

        public long ModelMacsPerEncoderFrame { get; }
        public long ModelMacsPerSecond { get; }
        public long FrontendMacsPerSecond { get; }
        public long FrontendLookupsPerSecond { get; }

        /// <summary>Frontend multiplies plus model MACs, per second of audio (the detector's compares are not MACs).</summary>
        public long MacsPerSecond => ModelMacsPerSecond + FrontendMacsPerSecond;

        /// <summary>Bytes of every int8 tensor of the blob.</summary>
        public long Int8WeightBytes { get; }

        /// <summary>Bytes of all tensor data: int8 weights, int32 biases, int16 norm parameters.</summary>
        public long TensorBytes { get; }

        public long FlashBytes { get; }

        /// <summary>
        /// The model's parameters resident in RAM at once: the weight window the managed kernels read tensors through
        /// (its arrays and the source's read slice); the tensors themselves stay in the blob (flash).
        /// </summary>
        public long ParameterRamBytes { get; }

        public long ModelStateBytes { get; }

        /// <summary>Model state and scratch (all its non-parameter arrays).</summary>
        public long ModelBufferBytes { get; }

        /// <summary>Frontend, model state and scratch, detector: the pipeline without parameters.</summary>
        public long PipelineBufferBytes { get; }

        public long FrontendAndDetectorBytes => PipelineBufferBytes - ModelBufferBytes;

        /// <summary>The capture loop's block of I2S bytes, its samples, the extractor's partial frame.</summary>
        public long CaptureBufferBytes { get; }

        public long PeakRamBytes => ParameterRamBytes + PipelineBufferBytes + CaptureBufferBytes;

        private sealed class NoSink : ICommandSink
        {
            public void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs) { }
        }
    }
}
