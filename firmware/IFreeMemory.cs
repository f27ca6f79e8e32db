namespace Edge.Asr.Firmware
{
    /// <summary>The free managed heap.</summary>
    public interface IFreeMemory
    {
        /// <summary>Free bytes after a garbage collection.</summary>
        long FreeBytes();
    }
}
