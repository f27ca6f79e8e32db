using System.Collections.Generic;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Reads a WAV file (any format the simulator accepts, converted to 16 kHz mono int16) and
    /// runs the fixed-point frontend over it: the log-mel frames every recogniser path consumes.
    /// One instance per worker thread (it reuses its frontend and buffer).
    /// </summary>
    public sealed class ClipFeatures
    {
        private const int BlockSamples = 1600;

        private readonly LogMelFrontend _frontend = new LogMelFrontend();
        private readonly short[] _block = new short[BlockSamples];

        /// <summary>Samples (16 kHz) of the last file read.</summary>
        public long SampleCount { get; private set; }

        /// <summary>The last file's length in seconds at 16 kHz.</summary>
        public double Seconds => SampleCount / (double)IAudioSource.OutputSampleRate;

        /// <summary>Log-mel frames [frame][40] (log2, Q8) of the whole file; throws AudioFormatException on bad audio.</summary>
        public short[][] Read(string path)
        {
            using IAudioSource source = WavFileSource.Open(path);
            return Read(source);
        }

        public short[][] Read(IAudioSource source)
        {
            _frontend.Reset();
            var frames = new List<short[]>();
            long samples = 0;
            int n;
            while ((n = source.Read(_block, 0, _block.Length)) > 0)
            {
                samples += n;
                FrontendFrames.Push(_frontend, _block, 0, n, frames);
            }
            SampleCount = samples;
            return frames.ToArray();
        }
    }
}
