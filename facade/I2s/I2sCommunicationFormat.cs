namespace System.Device.I2s
{
    /// <summary>Frame format on the wire, values as in nanoFramework.System.Device.I2s 1.0.28.</summary>
    public enum I2sCommunicationFormat
    {
        /// <summary>Philips I2S.</summary>
        I2S = 0x01,
        /// <summary>MSB-justified.</summary>
        Msb = 0x03,
        /// <summary>PCM short frame sync.</summary>
        PcmShort = 0x04,
        /// <summary>PCM long frame sync.</summary>
        PcmLong = 0x0C,
        /// <summary>One past the last format.</summary>
        Max = 0x0D,
    }
}
