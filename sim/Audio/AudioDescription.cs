using System.Globalization;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>What an audio input really is, before conversion to 16 kHz mono int16.</summary>
    public sealed class AudioDescription
    {
        public AudioDescription(string name, string container, string encoding, int bitsPerSample,
            int sampleRate, int channels, long? frameCount)
        {
            Name = name;
            Container = container;
            Encoding = encoding;
            BitsPerSample = bitsPerSample;
            SampleRate = sampleRate;
            Channels = channels;
            FrameCount = frameCount;
        }

        /// <summary>The input as the user named it ("stdin" for "-").</summary>
        public string Name { get; }

        /// <summary>"WAV", "WAV (extensible)" or "raw".</summary>
        public string Container { get; }

        /// <summary>"PCM unsigned", "PCM signed" or "IEEE float".</summary>
        public string Encoding { get; }

        public int BitsPerSample { get; }

        /// <summary>The input's own sample rate in Hz.</summary>
        public int SampleRate { get; }

        public int Channels { get; }

        /// <summary>Sample frames (one sample per channel) in the input; null when not known in advance (stdin).</summary>
        public long? FrameCount { get; }

        /// <summary>Input duration in seconds; null when not known in advance.</summary>
        public double? DurationSeconds => FrameCount.HasValue ? (double)FrameCount.Value / SampleRate : null;

        /// <summary>One line, e.g. "WAV, PCM signed 16-bit, 44100 Hz, 2 channels".</summary>
        public string Summary()
        {
            string channels = Channels == 1 ? "mono" : Channels == 2 ? "stereo" : Channels.ToString(CultureInfo.InvariantCulture) + " channels";
            return Container + ", " + Encoding + " " + BitsPerSample.ToString(CultureInfo.InvariantCulture) + "-bit, "
                + SampleRate.ToString(CultureInfo.InvariantCulture) + " Hz, " + channels;
        }
    }
}
