using System;
using Edge.Asr.Frontend;

namespace Edge.Asr.DeviceTests
{
    /// <summary>
    /// The frontend check the device tests run, free of the test framework so that the desktop tests
    /// compile and run this very file against the same kernels (tests/Edge.Asr.Tests/Golden).
    /// </summary>
    public static class FrontendGoldenCheck
    {
        /// <summary>
        /// Runs a fresh LogMelFrontend over <paramref name="audio"/>, pushed in blocks of
        /// <paramref name="blockSize"/> samples, and returns every frame, one after the other.
        /// Throws InvalidOperationException when the frame count is not 1 + (length - 400) / 160 or
        /// the frontend reports an overflow.
        /// </summary>
        public static short[] ComputeFrames(short[] audio, int blockSize)
        {
            if (blockSize < 1) throw new ArgumentOutOfRangeException("blockSize");
            int channels = LogMelFrontend.MelChannels;
            int expected = audio.Length < LogMelFrontend.WindowLength ? 0 : 1 + (audio.Length - LogMelFrontend.WindowLength) / LogMelFrontend.HopLength;
            var frames = new short[expected * channels];
            var frontend = new LogMelFrontend();
            int made = 0;
            for (int at = 0; at < audio.Length; at += blockSize)
            {
                int block = audio.Length - at < blockSize ? audio.Length - at : blockSize;
                int done = 0;
                while (done < block)
                {
                    done += frontend.Push(audio, at + done, block - done);
                    if (!frontend.HasFrame) continue;
                    if (made == expected) throw new InvalidOperationException("more frames than the " + expected.ToString() + " expected");
                    frontend.ReadFrame(frames, made * channels);
                    made++;
                }
            }
            if (made != expected) throw new InvalidOperationException(made.ToString() + " frames, expected " + expected.ToString());
            if (frontend.OverflowCount != 0) throw new InvalidOperationException("frontend overflow count " + frontend.OverflowCount.ToString());
            return frames;
        }

        /// <summary>
        /// "" when <paramref name="actual"/> equals <paramref name="expected"/> value for value;
        /// otherwise one line naming the first differing frame and channel with both values, or the lengths.
        /// </summary>
        public static string Compare(short[] expected, short[] actual, int channels)
        {
            if (expected.Length != actual.Length)
            {
                return "expected " + expected.Length.ToString() + " values, got " + actual.Length.ToString();
            }
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    return "frame " + (i / channels).ToString() + " channel " + (i % channels).ToString()
                        + ": expected " + expected[i].ToString() + ", got " + actual[i].ToString();
                }
            }
            return "";
        }
    }
}
