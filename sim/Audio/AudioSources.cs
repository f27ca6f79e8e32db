using System;
using System.IO;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>Opens what the user named: "-" is raw 16 kHz s16le PCM on stdin, anything else a WAV file.</summary>
    public static class AudioSources
    {
        public const string StdinPath = "-";
        public const string StdinName = "stdin";

        public static IAudioSource Open(string path, Func<Stream> openStdin)
        {
            if (path == StdinPath) return new RawPcmSource(openStdin(), StdinName);
            return WavFileSource.Open(path);
        }
    }
}
