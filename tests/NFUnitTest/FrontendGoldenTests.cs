using Edge.Asr.Frontend;
using nanoFramework.TestFramework;

namespace Edge.Asr.DeviceTests
{
    /// <summary>
    /// On the device, the frontend gives exactly the frames the desktop gave for the golden audio
    /// (GoldenVectors.cs, written by `./edge-asr golden`). Any difference is a portability bug:
    /// the kernels are integer-only, so the bits must agree.
    /// </summary>
    [TestClass]
    public class FrontendGoldenTests
    {
        [TestMethod]
        public void FramesMatchTheDesktopPushedOneHopAtATime()
        {
            Check(LogMelFrontend.HopLength);
        }

        [TestMethod]
        public void FramesMatchTheDesktopPushedInOddBlocks()
        {
            Check(37);
        }

        [TestMethod]
        public void FramesMatchTheDesktopPushedAsOneBlock()
        {
            Check(GoldenVectors.AudioLength);
        }

        private static void Check(int blockSize)
        {
            short[] frames = FrontendGoldenCheck.ComputeFrames(GoldenVectors.Audio, blockSize);
            string mismatch = FrontendGoldenCheck.Compare(GoldenVectors.FrontendFrames, frames, GoldenVectors.FrontendChannels);
            OutputHelper.WriteLine("frontend, blocks of " + blockSize.ToString() + " samples: "
                + (frames.Length / GoldenVectors.FrontendChannels).ToString() + " frames, "
                + (mismatch.Length == 0 ? "all equal" : mismatch));
            Assert.AreEqual(GoldenVectors.FrontendFrameCount * GoldenVectors.FrontendChannels, frames.Length);
            Assert.IsTrue(mismatch.Length == 0, mismatch);
            CollectionAssert.AreEqual(GoldenVectors.FrontendFrames, frames);
        }
    }
}
