namespace Edge.Asr.Firmware
{
    /// <summary>Where the firmware's text lines go (the serial console on the device).</summary>
    public interface ILineOutput
    {
        /// <summary>Writes one line.</summary>
        void WriteLine(string line);
    }
}
