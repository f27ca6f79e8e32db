using System;
using System.Collections.Generic;
using Edge.Asr.Frontend;

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
                int done = 0;
                while (done < block)
                {
                    done += frontend.Push(signal, at + done, block - done);
                    if (frontend.HasFrame)
                    {
                        var frame = new short[LogMelFrontend.MelChannels];
                        frontend.ReadFrame(frame, 0);
                        frames.Add(frame);
                    }
                }
                at += block;
            }
            return frames.ToArray();
        }

        public static short[][] Run(short[] signal, int blockSize) => Run(new LogMelFrontend(), signal, () => blockSize);
    }
}
