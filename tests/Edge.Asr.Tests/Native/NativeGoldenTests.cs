using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.DeviceTests;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The whole engine on the native kernels gives the golden outputs (`edge-asr golden`) bit for
    /// bit, and the shipped default model gives the same logits on native and managed kernels.
    /// </summary>
    public class NativeGoldenTests
    {
        [Fact]
        public void EngineOnNativeKernelsGivesTheGoldenVectors()
        {
            ModelParameters p = BlobModelLoader.Load(ModelBlob.Load(GoldenVectors.EngineModelBlob));
            p.UseKernels(NativeKernelsFixture.Kernels());
            EngineGoldenRun run = EngineGoldenCheck.Run(new ConformerModel(p), GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);

            Assert.Equal("", EngineGoldenCheck.Compare("subsampling output", GoldenVectors.EngineEncoderInput, run.EncoderInput, GoldenVectors.EngineDim));
            Assert.Equal("", EngineGoldenCheck.Compare("block outputs", GoldenVectors.EngineBlockOutputs, run.BlockOutputs, GoldenVectors.EngineBlocks * GoldenVectors.EngineDim));
            Assert.Equal("", EngineGoldenCheck.Compare("logits", GoldenVectors.EngineLogits, run.Logits, GoldenVectors.EngineClasses));
            Assert.Equal("", EngineGoldenCheck.Compare("posteriors", GoldenVectors.EnginePosteriors, run.Posteriors, GoldenVectors.EngineClasses));
        }

        [Fact]
        public void DefaultModelGivesTheSameOutputsOnNativeAndManagedKernels()
        {
            AssertSameOutputs(ModelBlob.Load(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "weights", "default.easr"))));
        }

        /// <summary>A model with the input norm (its running means in C on the native kernels) gives the managed kernels' outputs.</summary>
        [Fact]
        public void AModelWithTheInputNormGivesTheSameOutputsOnNativeAndManagedKernels()
        {
            ModelBlob blob = ModelBlob.Load(Edge.Asr.Tests.Model.BakedTestBlob.BytesWithInputNorm());
            Assert.Equal(RunningMeanSubtractS16.DefaultShift, blob.Config.InputNormShift);
            AssertSameOutputs(blob);
        }

        private static void AssertSameOutputs(ModelBlob blob)
        {
            ConformerModel managed = BlobModelLoader.BuildModel(blob, ManagedKernels.Instance);
            ConformerModel native = BlobModelLoader.BuildModel(blob, NativeKernelsFixture.Kernels());
            // Native: pointers into the blob (as into the flash resource on the device); managed: the weight window.
            Assert.True(native.Store.InPlace);
            Assert.False(managed.Store.InPlace);
            short[] frames = GoldenVectors.FrontendFrames;
            int mel = managed.Config.MelBins, steps = 0;
            for (int repeat = 0; repeat < 3; repeat++)
                for (int f = 0; f + mel <= frames.Length; f += mel)
                {
                    bool a = managed.Process(frames, f), c = native.Process(frames, f);
                    Assert.Equal(a, c);
                    if (!a) continue;
                    steps++;
                    for (int b = 0; b < managed.Config.Blocks; b++) Assert.Equal(managed.BlockOutput(b), native.BlockOutput(b));
                    Assert.Equal(managed.Logits, native.Logits);
                    Assert.Equal(managed.Posteriors, native.Posteriors);
                }
            Assert.True(steps >= 20, steps + " encoder steps");
        }
    }
}
