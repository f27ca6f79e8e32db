namespace Edge.Asr.Sim.Audio
{
    /// <summary>The sample encodings the WAV reader decodes.</summary>
    public enum SampleEncoding
    {
        /// <summary>8-bit unsigned PCM (128 = silence).</summary>
        PcmUnsigned8,
        /// <summary>16-bit signed little-endian PCM.</summary>
        PcmSigned16,
        /// <summary>24-bit signed little-endian PCM (3 bytes).</summary>
        PcmSigned24,
        /// <summary>32-bit signed little-endian PCM.</summary>
        PcmSigned32,
        /// <summary>32-bit IEEE float, full scale at +/-1.0.</summary>
        Float32,
    }
}
