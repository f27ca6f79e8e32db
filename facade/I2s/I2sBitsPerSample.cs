namespace System.Device.I2s
{
    /// <summary>Bits per I2S slot, values as in nanoFramework.System.Device.I2s 1.0.28.</summary>
    public enum I2sBitsPerSample
    {
        /// <summary>8-bit slots.</summary>
        Bit8 = 8,
        /// <summary>16-bit slots.</summary>
        Bit16 = 16,
        /// <summary>24-bit slots.</summary>
        Bit24 = 24,
        /// <summary>32-bit slots.</summary>
        Bit32 = 32,
    }
}
