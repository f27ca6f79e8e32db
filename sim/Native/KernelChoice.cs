using System;
using Edge.Asr.Ops;

namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// <c>--kernels native|managed</c>: which kernels the engine's ops run on. Without the option
    /// the native twin is used when its library loads, else the managed reference with one line
    /// saying why. Asking for native explicitly when it cannot load is an error.
    /// </summary>
    public static class KernelChoice
    {
        public const string Native = "native";
        public const string Managed = "managed";

        /// <summary>
        /// The kernels for <paramref name="option"/> (null: the default). notice is the one-line
        /// fallback message or null; error is set (and null returned) for a bad or unmet choice.
        /// </summary>
        public static IOpKernels? Resolve(string? option, out string? notice, out string? error)
        {
            notice = null;
            error = null;
            if (option == Managed) return ManagedKernels.Instance;
            if (option != null && option != Native)
            {
                error = "--kernels must be native or managed, got '" + option + "'";
                return null;
            }
            PInvokeKernels? native = PInvokeKernels.TryCreate();
            if (native != null) return native;
            if (option == Native)
            {
                error = "--kernels native: " + NativeLibraryLoader.Problem;
                return null;
            }
            notice = "edge-asr: native kernels unavailable (" + NativeLibraryLoader.Problem + "); running the managed kernels";
            return ManagedKernels.Instance;
        }
    }
}
