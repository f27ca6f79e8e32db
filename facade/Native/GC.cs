using Edge.Asr.DeviceFacade;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// The nanoCLR garbage collector (nanoFramework.Runtime.Native 1.7.11, GC.cs). On the desktop Run
    /// collects (so objects left to the GC reach their finalizers, as on the device) and returns
    /// <see cref="DeviceSimulation.FreeHeapBytes"/>: the simulated board's heap less what this thread allocated.
    /// </summary>
    public static class GC
    {
        /// <summary>Runs a collection (compacting when <paramref name="compactHeap"/>) and returns the free bytes.</summary>
        public static uint Run(bool compactHeap)
        {
            System.GC.Collect();
            return DeviceSimulation.FreeHeapBytes();
        }

        /// <summary>Turns the GC's debug messages on or off (no effect on the desktop).</summary>
        public static void EnableGCMessages(bool enable)
        {
        }
    }
}
