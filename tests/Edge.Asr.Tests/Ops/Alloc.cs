using System;

namespace Edge.Asr.Tests.Ops
{
    internal static class Alloc
    {
        /// <summary>Bytes allocated on this thread by running the action n times (after one warm-up run).</summary>
        public static long Measure(Action action, int n = 50)
        {
            action();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < n; i++) action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
