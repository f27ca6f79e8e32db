using Edge.Asr.DeviceFacade;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// The nanoCLR garbage collector (nanoFramework.Runtime.Native 1.7.11, GC.cs). On the desktop Run
    /// returns <see cref="DeviceSimulation.FreeMemoryBytes"/>, the free heap the simulated board reports.
    /// </summary>
    public static class GC
    {
        /// <summary>Runs a collection (compacting when <paramref name="compactHeap"/>) and returns the free bytes.</summary>
        public static uint Run(bool compactHeap)
        {
            return DeviceSimulation.FreeMemoryBytes;
        }

        /// <summary>Turns the collector's console messages on or off (nothing to do on the desktop).</summary>
        public static void EnableGCMessages(bool enable)
        {
        }
    }
}
