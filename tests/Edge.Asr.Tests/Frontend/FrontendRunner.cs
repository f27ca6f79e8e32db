using System;
using System.Collections.Generic;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>Drives a LogMelFrontend over a whole signal with a given push block size pattern.</summary>
    public static class FrontendRunner
    {
        public static short[][] Run(LogMelFrontend frontend, short[] signal, Func<int> nextBlockSize)
        {
            var frames = new List<short[]>();
            int at = 0;
            while (at < signal.Length)
            {
                int block = Math.Min(nextBlockSize(), signal.Length - at);
                FrontendFrames.Push(frontend, signal, at, block, frames);
                at += block;
            }
            return frames.ToArray();
        }

        public static short[][] Run(short[] signal, int blockSize) => Run(new LogMelFrontend(), signal, () => blockSize);
    }
}
