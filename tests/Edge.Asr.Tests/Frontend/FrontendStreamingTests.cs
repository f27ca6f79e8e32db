using System;
using Edge.Asr.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>Push semantics: same frames whatever the block sizes, frame timing, Reset, misuse.</summary>
    public class FrontendStreamingTests
    {
        private static short[] Signal() => TestSignals.Speech("left right stop go", 20000);

        [Fact]
        public void FramesAreIdenticalWhateverThePushBlockSizes()
        {
            short[] signal = Signal();
            short[][] reference = FrontendRunner.Run(signal, 160);
            Assert.Equal(FloatLogMel.FrameCount(signal.Length), reference.Length);
            foreach (int size in new[] { 1, 7, 160, 399, 400, 401, 4096, signal.Length })
            {
                AssertSameFrames(reference, FrontendRunner.Run(signal, size), "block size " + size);
            }
            var random = new Random(1234);
            AssertSameFrames(reference, FrontendRunner.Run(new LogMelFrontend(), signal, () => random.Next(1, 1000)), "random block sizes");
        }

        [Fact]
        public void FirstFrameAfter400SamplesThenEvery160()
        {
            var frontend = new LogMelFrontend();
            var samples = new short[1000];
            for (int i = 0; i < samples.Length; i++) samples[i] = (short)(i * 37 % 2000 - 1000);
            Assert.Equal(399, frontend.Push(samples, 0, 399));
            Assert.False(frontend.HasFrame);
            Assert.Equal(1, frontend.Push(samples, 399, 601));
            Assert.True(frontend.HasFrame);
            // A ready frame blocks the input until it is read.
            Assert.Equal(0, frontend.Push(samples, 400, 600));
            var frame = new short[45];
            frontend.ReadFrame(frame, 5);
            Assert.False(frontend.HasFrame);
            Assert.Equal(160, frontend.Push(samples, 400, 600));
            Assert.True(frontend.HasFrame);
            Assert.Equal(2, frontend.FramesComputed);
        }

        [Fact]
        public void ReadFrameWithoutAFrameThrows()
        {
            var frontend = new LogMelFrontend();
            Assert.Throws<InvalidOperationException>(() => frontend.ReadFrame(new short[40], 0));
        }

        [Fact]
        public void BadArgumentsAreRefused()
        {
            var frontend = new LogMelFrontend();
            Assert.Throws<ArgumentOutOfRangeException>(() => frontend.Push(new short[10], 5, 6));
            Assert.Throws<ArgumentOutOfRangeException>(() => frontend.Push(new short[10], -1, 2));
            frontend.Push(new short[400], 0, 400);
            Assert.Throws<ArgumentOutOfRangeException>(() => frontend.ReadFrame(new short[40], 1));
        }

        [Fact]
        public void ResetStartsAFreshStream()
        {
            short[] signal = Signal();
            var frontend = new LogMelFrontend();
            FrontendRunner.Run(frontend, TestSignals.WhiteNoise(9, 5000, 0.37), () => 100);
            frontend.Reset();
            Assert.False(frontend.HasFrame);
            AssertSameFrames(FrontendRunner.Run(signal, 160), FrontendRunner.Run(frontend, signal, () => 160), "after Reset");
        }

        private static void AssertSameFrames(short[][] expected, short[][] actual, string what)
        {
            Assert.True(expected.Length == actual.Length, what + ": frame count " + actual.Length + " != " + expected.Length);
            for (int t = 0; t < expected.Length; t++) Assert.True(expected[t].AsSpan().SequenceEqual(actual[t]), what + ": frame " + t + " differs");
        }
    }
}
