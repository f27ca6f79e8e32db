namespace System.Device.I2s
{
    /// <summary>I2S bus role and direction (flags), values as in nanoFramework.System.Device.I2s 1.0.28.</summary>
    [Flags]
    public enum I2sMode
    {
        /// <summary>The device drives the bit and word clocks.</summary>
        Master = 1 << 0,
        /// <summary>The device follows external clocks.</summary>
        Slave = 1 << 1,
        /// <summary>Transmit.</summary>
        Tx = 1 << 2,
        /// <summary>Receive.</summary>
        Rx = 1 << 3,
        /// <summary>Built-in DAC output.</summary>
        DacBuiltIn = 1 << 4,
        /// <summary>Built-in ADC input.</summary>
        AdcBuiltIn = 1 << 5,
        /// <summary>PDM microphone mode.</summary>
        Pdm = 1 << 6,
    }
}
