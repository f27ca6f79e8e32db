using System;
using System.Linq;
using System.Reflection;
using Edge.Asr.DeviceTests;
using Edge.Asr.Frontend;
using nanoFramework.TestFramework;
using Assert = Xunit.Assert;
using NfAssert = nanoFramework.TestFramework.Assert;
using TestFrameworkShared;
using Xunit;

namespace Edge.Asr.Tests.Golden
{
    /// <summary>
    /// The device tests' own code (tests/NFUnitTest, compiled into this project) run on the desktop
    /// against the real kernels: the check passes on the golden vectors, reports a planted difference,
    /// and the [TestMethod]s pass when invoked the way the nanoFramework unit test launcher does.
    /// </summary>
    public class DeviceCheckOnDesktopTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(37)]
        [InlineData(160)]
        [InlineData(401)]
        [InlineData(4800)]
        public void FramesEqualTheGoldenFramesForAnyBlockSize(int blockSize)
        {
            short[] frames = FrontendGoldenCheck.ComputeFrames(GoldenVectors.Audio, blockSize);

            Assert.Equal(GoldenVectors.FrontendFrames, frames);
            Assert.Equal("", FrontendGoldenCheck.Compare(GoldenVectors.FrontendFrames, frames, GoldenVectors.FrontendChannels));
        }

        [Fact]
        public void GoldenFramesSpanQuietToLoudAndHaveNoSaturatedValue()
        {
            // A check on all-zero or all-saturated frames would prove little.
            short[] f = GoldenVectors.FrontendFrames;
            Assert.True(f.Min() < 3000, "quietest value " + f.Min());
            Assert.True(f.Max() > 9000, "loudest value " + f.Max());
            Assert.DoesNotContain((short)0, f);
            Assert.DoesNotContain(short.MaxValue, f);
            Assert.True(f.Distinct().Count() > 500);
        }

        [Fact]
        public void ComparisonNamesTheFirstDifferingFrameAndChannel()
        {
            short[] frames = (short[])GoldenVectors.FrontendFrames.Clone();
            frames[7 * 40 + 13]++;
            frames[9 * 40 + 2]--;

            string message = FrontendGoldenCheck.Compare(GoldenVectors.FrontendFrames, frames, 40);

            Assert.Equal("frame 7 channel 13: expected " + GoldenVectors.FrontendFrames[293] + ", got " + frames[293], message);
            Assert.Equal("expected 1120 values, got 1080", FrontendGoldenCheck.Compare(GoldenVectors.FrontendFrames, frames.Take(1080).ToArray(), 40));
        }

        [Fact]
        public void ShortAudioGivesNoFramesAndABadBlockSizeThrows()
        {
            Assert.Empty(FrontendGoldenCheck.ComputeFrames(new short[399], 160));
            Assert.Equal(80, FrontendGoldenCheck.ComputeFrames(new short[560], 7).Length);
            Assert.Throws<ArgumentOutOfRangeException>(() => FrontendGoldenCheck.ComputeFrames(new short[400], 0));
        }

        [Fact]
        public void DeviceTestMethodsPassWhenRunLikeTheLauncher()
        {
            // The launcher (UnitTestLauncher/Program.cs) runs every public method carrying [TestMethod]
            // of every class carrying [TestClass]; an exception is a failure.
            Type[] classes = typeof(FrontendGoldenTests).Assembly.GetTypes()
                .Where(t => t.Namespace == "Edge.Asr.DeviceTests" && t.GetCustomAttributes(typeof(TestClassAttribute), true).Length > 0)
                .ToArray();
            Assert.Equal(new[] { typeof(EngineGoldenTests), typeof(FrontendGoldenTests) }, classes.OrderBy(t => t.Name, StringComparer.Ordinal));
            foreach (Type testClass in classes)
            {
                MethodInfo[] methods = testClass.GetMethods()
                    .Where(m => m.GetCustomAttributes(typeof(TestMethodAttribute), true).Length > 0).ToArray();
                Assert.Equal(3, methods.Length);

                object instance = Activator.CreateInstance(testClass)!;
                foreach (MethodInfo method in methods) method.Invoke(instance, null);
            }
        }

        [Fact]
        public void TheEngineCheckGivesEveryGoldenOutput()
        {
            EngineGoldenRun run = EngineGoldenCheck.Run(EngineGoldenCheck.Build(GoldenVectors.EngineModelBlob),
                GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);

            Assert.Equal(GoldenVectors.EngineSteps, run.Steps);
            Assert.Equal((GoldenVectors.FrontendFrameCount + 3) / 4, run.Steps);
            Assert.Equal(GoldenVectors.EngineEncoderInput, run.EncoderInput);
            Assert.Equal(GoldenVectors.EngineBlockOutputs, run.BlockOutputs);
            Assert.Equal(GoldenVectors.EngineLogits, run.Logits);
            Assert.Equal(GoldenVectors.EnginePosteriors, run.Posteriors);
        }

        [Fact]
        public void TheGoldenModelIsTheGeneratorsAndItsOutputsAreNotDegenerate()
        {
            // The blob is what GoldenModel bakes today (the sync test covers the whole file too), and a
            // check on constant, zero or saturated outputs would prove little.
            Assert.Equal(Edge.Asr.Sim.Commands.GoldenModel.Blob(GoldenVectors.FrontendFrames), GoldenVectors.EngineModelBlob);
            Edge.Asr.Model.ModelConfig c = Edge.Asr.Blob.ModelBlob.Load(GoldenVectors.EngineModelBlob).Config;
            Assert.Equal((GoldenVectors.EngineDim, GoldenVectors.EngineBlocks, GoldenVectors.EngineClasses), (c.Dim, c.Blocks, c.Classes));
            Assert.True(c.HasAttention(1) && !c.HasAttention(0), "one convolution-only and one attention block");
            Assert.True(GoldenVectors.EngineSteps > c.LeftContext + 1 && GoldenVectors.EngineSteps > c.PoolWindow, "the run wraps the caches");
            foreach (short[] values in new[] { GoldenVectors.EngineEncoderInput, GoldenVectors.EngineBlockOutputs, GoldenVectors.EngineLogits })
            {
                Assert.True(values.Distinct().Count() > values.Length * 3 / 4, "distinct values " + values.Distinct().Count() + " of " + values.Length);
                Assert.DoesNotContain(short.MaxValue, values);
                Assert.DoesNotContain(short.MinValue, values);
            }
            for (int s = 0; s < GoldenVectors.EngineSteps; s++)
            {
                int sum = 0;
                for (int k = 0; k < GoldenVectors.EngineClasses; k++) sum += GoldenVectors.EnginePosteriors[s * GoldenVectors.EngineClasses + k];
                Assert.InRange(sum, 32768 - GoldenVectors.EngineClasses, 32768 + GoldenVectors.EngineClasses);
            }
        }

        [Fact]
        public void EngineComparisonNamesTheFirstDifferingStepAndIndex()
        {
            short[] logits = (short[])GoldenVectors.EngineLogits.Clone();
            logits[4 * 3 + 2]++;
            short[] blocks = (short[])GoldenVectors.EngineBlockOutputs.Clone();
            blocks[5 * 16 + 9]--;

            Assert.Equal("logits step 4 [2]: expected " + GoldenVectors.EngineLogits[14] + ", got " + logits[14],
                EngineGoldenCheck.Compare("logits", GoldenVectors.EngineLogits, logits, 3));
            Assert.Equal("block outputs step 5 [9]: expected " + GoldenVectors.EngineBlockOutputs[89] + ", got " + blocks[89],
                EngineGoldenCheck.Compare("block outputs", GoldenVectors.EngineBlockOutputs, blocks, 16));
            Assert.Equal("logits: expected 21 values, got 20", EngineGoldenCheck.Compare("logits", GoldenVectors.EngineLogits, logits.Take(20).ToArray(), 3));
            Assert.Equal("", EngineGoldenCheck.Compare("logits", GoldenVectors.EngineLogits, (short[])GoldenVectors.EngineLogits.Clone(), 3));
        }

        [Fact]
        public void AChangedWeightChangesTheOutputsTheCheckCompares()
        {
            // The device check would catch an engine that reads a tensor wrongly: flip one weight byte in
            // the blob (and re-seal its CRC) and the outputs differ from the golden ones.
            byte[] blob = (byte[])GoldenVectors.EngineModelBlob.Clone();
            Edge.Asr.Blob.ModelBlob loaded = Edge.Asr.Blob.ModelBlob.Load(blob);
            Edge.Asr.Blob.BlobTensor t = loaded.Tensor("classifier.weight");
            blob[t.DataOffset] ^= 0x11;
            Edge.Asr.Codegen.Blob.BlobWriter.Seal(blob);
            EngineGoldenRun run = EngineGoldenCheck.Run(EngineGoldenCheck.Build(blob), GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);

            Assert.Equal(GoldenVectors.EngineBlockOutputs, run.BlockOutputs);
            Assert.StartsWith("logits step 0 [", EngineGoldenCheck.Compare("logits", GoldenVectors.EngineLogits, run.Logits, GoldenVectors.EngineClasses));
        }

        [Fact]
        public void FacadeAssertionsFailLikeTheRealOnes()
        {
            AssertFailedException e = Assert.Throws<AssertFailedException>(() => NfAssert.IsTrue(false, "frame 3 channel 1"));
            Assert.Equal("Assert.IsTrue failed. frame 3 channel 1", e.Message);
            e = Assert.Throws<AssertFailedException>(() => NfAssert.AreEqual(1120, 1080));
            Assert.Equal("Assert.AreEqual failed. Expected:<1120>. Actual:<1080>. 1080", e.Message);
            e = Assert.Throws<AssertFailedException>(() => CollectionAssert.AreEqual(new short[] { 1, 2, 3 }, new short[] { 1, 5, 3 }));
            Assert.Equal("CollectionAssert.AreEqual failed. (Element at index 1 do not match. Expected:<2>. Actual:<5>.)", e.Message);
            e = Assert.Throws<AssertFailedException>(() => CollectionAssert.AreEqual(new short[] { 1, 2 }, new short[] { 1, 2, 3 }));
            Assert.Equal("CollectionAssert.AreEqual failed. (Different number of elements.)", e.Message);
            NfAssert.IsTrue(true);
            NfAssert.AreEqual(7, 7);
            CollectionAssert.AreEqual(new short[] { 1, 2 }, new short[] { 1, 2 });
        }
    }
}
