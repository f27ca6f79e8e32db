using System.Collections.Generic;
using Edge.Asr.Frontend;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>The device's streaming frontend loop on the desktop: push samples, take each log-mel frame as it completes.</summary>
    public static class FrontendFrames
    {
        /// <summary>Pushes samples[offset, offset + count) and appends each completed frame (a new array of 40 values, Q8) to <paramref name="frames"/>.</summary>
        public static void Push(LogMelFrontend frontend, short[] samples, int offset, int count, List<short[]> frames)
        {
            int at = offset, end = offset + count;
            while (at < end)
            {
                at += frontend.Push(samples, at, end - at);
                if (frontend.HasFrame)
                {
                    var frame = new short[LogMelFrontend.MelChannels];
                    frontend.ReadFrame(frame, 0);
                    frames.Add(frame);
                }
            }
        }
    }
}
