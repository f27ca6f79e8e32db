namespace System.Device.I2s
{
    /// <summary>
    /// I2S bus settings with the defaults of nanoFramework.System.Device.I2s 1.0.28
    /// (44.1 kHz, Pdm, 16-bit, RightLeft, I2S format, 10000-byte buffer).
    /// </summary>
    public sealed class I2sConnectionSettings
    {
        /// <summary>Settings for bus <paramref name="busId"/> (1 or 2 on ESP32).</summary>
        public I2sConnectionSettings(int busId)
        {
            BusId = busId;
        }

        /// <summary>The I2S peripheral number.</summary>
        public int BusId { get; set; } = 1;

        /// <summary>Bus role and direction.</summary>
        public I2sMode Mode { get; set; } = I2sMode.Pdm;

        /// <summary>Bits per slot.</summary>
        public I2sBitsPerSample BitsPerSample { get; set; } = I2sBitsPerSample.Bit16;

        /// <summary>Which channels are transferred.</summary>
        public I2sChannelFormat ChannelFormat { get; set; } = I2sChannelFormat.RightLeft;

        /// <summary>Frame format on the wire.</summary>
        public I2sCommunicationFormat CommunicationFormat { get; set; } = I2sCommunicationFormat.I2S;

        /// <summary>Sample rate in Hz.</summary>
        public int SampleRate { get; set; } = 44_100;

        /// <summary>Driver buffer size in bytes.</summary>
        public int BufferSize { get; set; } = 10000;
    }
}
