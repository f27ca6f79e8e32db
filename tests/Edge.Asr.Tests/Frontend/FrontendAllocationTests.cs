using System;
using Edge.Asr.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Frontend
{
    public class FrontendAllocationTests
    {
        private static int PushAll(LogMelFrontend frontend, short[] signal, short[] frame, int block)
        {
            int frames = 0;
            for (int at = 0; at < signal.Length;)
            {
                at += frontend.Push(signal, at, Math.Min(block, signal.Length - at));
                if (frontend.HasFrame) { frontend.ReadFrame(frame, 0); frames++; }
            }
            return frames;
        }

        [Fact]
        public void PushingTenSecondsAllocatesNothing()
        {
            short[] signal = TestSignals.WhiteNoise(5, 4000, 10.0);
            var frame = new short[LogMelFrontend.MelChannels];
            var frontend = new LogMelFrontend();
            PushAll(frontend, signal, frame, 333); // warm up (JIT)
            frontend.Reset();
            long before = GC.GetAllocatedBytesForCurrentThread();
            int frames = PushAll(frontend, signal, frame, 333);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(998, frames);
            Assert.Equal(0, after - before);
        }
    }
}
