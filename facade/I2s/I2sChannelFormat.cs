namespace System.Device.I2s
{
    /// <summary>Which channels are transferred, values as in nanoFramework.System.Device.I2s 1.0.28.</summary>
    public enum I2sChannelFormat
    {
        /// <summary>Both channels, right then left.</summary>
        RightLeft = 0x00,
        /// <summary>The right channel in both slots.</summary>
        AllRight = 0x01,
        /// <summary>The left channel in both slots.</summary>
        AllLeft = 0x02,
        /// <summary>Only the right channel.</summary>
        OnlyRight = 0x03,
        /// <summary>Only the left channel.</summary>
        OnlyLeft = 0x04,
    }
}
