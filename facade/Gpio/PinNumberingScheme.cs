namespace System.Device.Gpio
{
    /// <summary>How pin numbers are interpreted (nanoFramework.System.Device.Gpio 1.1.62).</summary>
    public enum PinNumberingScheme
    {
        /// <summary>The chip's GPIO numbers.</summary>
        Logical,
        /// <summary>The board's header numbers.</summary>
        Board,
    }
}
