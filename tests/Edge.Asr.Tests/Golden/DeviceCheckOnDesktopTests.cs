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
            Assert.Equal(new[] { typeof(FrontendGoldenTests) }, classes);
            MethodInfo[] methods = typeof(FrontendGoldenTests).GetMethods()
                .Where(m => m.GetCustomAttributes(typeof(TestMethodAttribute), true).Length > 0).ToArray();
            Assert.Equal(3, methods.Length);

            object instance = Activator.CreateInstance(typeof(FrontendGoldenTests))!;
            foreach (MethodInfo method in methods) method.Invoke(instance, null);
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
