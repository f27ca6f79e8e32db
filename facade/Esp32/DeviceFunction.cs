namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// ESP32 peripheral functions a pin can be routed to. The subset the firmware uses (the I2S
    /// signals), with the numeric values of nanoFramework.Hardware.Esp32 1.6.42 (DeviceTypePins.cs):
    /// device type I2S (6 × 0x10000) + bus index × 0x100 + signal.
    /// </summary>
    public enum DeviceFunction
    {
        /// <summary>I2S1 master clock.</summary>
        I2S1_MCK = 0x060100,
        /// <summary>I2S1 bit clock (BCK / SCK).</summary>
        I2S1_BCK = 0x060101,
        /// <summary>I2S1 word select (WS / LRCK).</summary>
        I2S1_WS = 0x060102,
        /// <summary>I2S1 data out.</summary>
        I2S1_DATA_OUT = 0x060103,
        /// <summary>I2S1 data in (SD from the microphone).</summary>
        I2S1_MDATA_IN = 0x060104,
        /// <summary>I2S2 master clock.</summary>
        I2S2_MCK = 0x060200,
        /// <summary>I2S2 bit clock.</summary>
        I2S2_BCK = 0x060201,
        /// <summary>I2S2 word select.</summary>
        I2S2_WS = 0x060202,
        /// <summary>I2S2 data out.</summary>
        I2S2_DATA_OUT = 0x060203,
        /// <summary>I2S2 data in.</summary>
        I2S2_MDATA_IN = 0x060204,
    }
}
