using Edge.Asr.Sim.Native;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The native kernels for the twin tests. test.sh builds native/build/libedgeasr.so before the
    /// tests; without it these tests fail (they never skip), naming what is missing.
    /// </summary>
    public static class NativeKernelsFixture
    {
        public static PInvokeKernels Kernels()
        {
            PInvokeKernels? k = PInvokeKernels.TryCreate();
            Assert.True(k != null, "native kernels unavailable: " + NativeLibraryLoader.Problem);
            return k!;
        }
    }
}
