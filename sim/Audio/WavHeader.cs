namespace Edge.Asr.Sim.Audio
{
    /// <summary>What the RIFF/WAVE chunks say about the audio, and where its data lies.</summary>
    public sealed class WavHeader
    {
        public WavHeader(SampleEncoding encoding, bool extensible, int channels, int sampleRate,
            int bitsPerSample, int blockAlign, long dataOffset, long dataLength)
        {
            Encoding = encoding;
            Extensible = extensible;
            Channels = channels;
            SampleRate = sampleRate;
            BitsPerSample = bitsPerSample;
            BlockAlign = blockAlign;
            DataOffset = dataOffset;
            DataLength = dataLength;
        }

        public SampleEncoding Encoding { get; }

        /// <summary>The fmt chunk was WAVE_FORMAT_EXTENSIBLE (0xFFFE).</summary>
        public bool Extensible { get; }

        public int Channels { get; }
        public int SampleRate { get; }
        public int BitsPerSample { get; }

        /// <summary>Bytes per sample frame (all channels).</summary>
        public int BlockAlign { get; }

        /// <summary>Byte offset of the first sample in the file.</summary>
        public long DataOffset { get; }

        /// <summary>Bytes of sample data; -1 when unknown (a pipe whose data chunk says 0xFFFFFFFF: read to its end).</summary>
        public long DataLength { get; }

        /// <summary>Sample frames, or null when the data length is unknown.</summary>
        public long? FrameCount => DataLength < 0 ? null : DataLength / BlockAlign;

        public string EncodingName => Encoding == SampleEncoding.Float32 ? "IEEE float"
            : Encoding == SampleEncoding.PcmUnsigned8 ? "PCM unsigned" : "PCM signed";
    }
}
