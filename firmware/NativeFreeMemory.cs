namespace Edge.Asr.Firmware
{
    /// <summary>Free heap from nanoFramework.Runtime.Native.GC.Run, which collects and returns the free bytes.</summary>
    public sealed class NativeFreeMemory : IFreeMemory
    {
        private readonly bool _compact;

        /// <summary><paramref name="compactHeap"/>: also compact (slower; used once at start-up).</summary>
        public NativeFreeMemory(bool compactHeap)
        {
            _compact = compactHeap;
        }

        /// <summary>Runs the collector and returns the free bytes it reports.</summary>
        public long FreeBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(_compact);
        }
    }
}
