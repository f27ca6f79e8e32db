using System.Collections.Generic;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Sim.Benchmarks;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Bake;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.Model;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// The start-up memory check counts exactly the arrays the firmware then allocates (issue 16,
    /// item 8): PipelineMemory, computed from the blob alone, against RamCount over the integer
    /// arrays of the built pipeline (what bench prints as peak RAM), for models of every shape.
    /// </summary>
    public class StartupMemoryTests
    {
        private static readonly I2sSampleLayout DevKit = I2sSampleLayout.FromSettings(
            MicrophoneConfig.Configure(BoardConfig.DevKitInmp441().Pins), BoardConfig.DevKitInmp441().MicrophoneOnRight);

        private static void AssertCountedExactly(byte[] bytes)
        {
            ModelBlob blob = ModelBlob.Load(bytes);
            var cost = new PipelineCost(blob, bytes.Length); // counts the arrays of a built pipeline
            Assert.Equal(cost.ModelBufferBytes, PipelineMemory.ModelBufferBytes(blob.Config));
            Assert.Equal(cost.ModelStateBytes, PipelineMemory.ModelStateBytes(blob.Config));
            Assert.Equal(cost.FrontendAndDetectorBytes, PipelineMemory.FrontendBytes
                + PipelineMemory.DetectorBytes(blob.LabelCount, Edge.Asr.Detector.DetectorSettings.FromBlob(blob.Detector, blob.LabelCount).SmoothingFrames));
            Assert.Equal(cost.CaptureBufferBytes, PipelineMemory.CaptureBytes(DevKit));
            // The tensors stay in the blob: the weights in RAM are the window they are read through, and the source's slice.
            Assert.Equal(cost.ParameterRamBytes, Edge.Asr.Weights.WeightWindow.BytesFor(blob.Config));
            Assert.Equal(cost.PeakRamBytes, PipelineMemory.Bytes(blob, DevKit));
        }

        [Fact]
        public void The_default_model_is_counted_exactly()
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr"));
            AssertCountedExactly(bytes);
            ModelBlob blob = ModelBlob.Load(bytes);
            // Issue 14 item 5: the weights stay in flash; the default model fits 48 KiB, counted exactly:
            // weight window 1,984 + model state 11,904 (11,744 + the input norm's 160) + model scratch 1,244
            // + frontend and detector 4,260 + capture 16,008.
            Assert.Equal(1_984L, Edge.Asr.Weights.WeightWindow.BytesFor(blob.Config));
            Assert.Equal(11_904L, PipelineMemory.ModelStateBytes(blob.Config));
            Assert.Equal(1_244L, PipelineMemory.ModelScratchBytes(blob.Config));
            Assert.Equal(35_400L, PipelineMemory.Bytes(blob, DevKit));
            Assert.True(PipelineMemory.Bytes(blob, DevKit) <= 49_152);
        }

        [Fact]
        public void A_baked_test_blob_is_counted_exactly()
        {
            AssertCountedExactly(BakedTestBlob.Bytes());
        }

        public static IEnumerable<object[]> Shapes() => new[]
        {
            new object[] { new ModelConfig(40, 4, 8, 1, 1, 1, 1, new[] { true }, 0, 1, TestExport.Labels) },
            new object[] { new ModelConfig(40, 6, 16, 2, 4, 3, 7, new[] { true, false, true }, 9, 13, TestExport.Labels) },
            new object[] { new ModelConfig(40, 3, 12, 3, 2, 2, 3, new[] { false, false }, 4, 25, new[] { "a", "b" }) },
            new object[] { new ModelConfig(40, 4, 8, 1, 1, 1, 1, new[] { true }, 0, 1, TestExport.Labels, Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift) },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void Models_of_other_shapes_are_counted_exactly(ModelConfig config)
        {
            var frontend = new FrontendParams(SupportedFrontend.SampleRate, SupportedFrontend.WindowLength, SupportedFrontend.HopLength,
                SupportedFrontend.FftLength, SupportedFrontend.MelChannels, SupportedFrontend.MelLowHz, SupportedFrontend.MelHighHz,
                FrontendParams.LogFormatOf(config.InputNormShift));
            byte[] blob = Baker.Bake(config, RandomModel.Tensors(config, 3), frontend, Baker.DefaultDetector(),
                BakeCommand.Calibration(CliHarness.RepositoryRoot() + "/samples")).Blob;
            AssertCountedExactly(blob);
        }
    }
}
