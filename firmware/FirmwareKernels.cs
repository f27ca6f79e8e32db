using Edge.Asr.Ops;
#if EDGE_ASR_NATIVE
using Edge.Asr.Interop;
#endif

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Chooses the engine's kernels at start-up: the native ones when the app was built with
    /// NativeKernels=true and the firmware has the Edge.Asr.Native interop assembly (docs/device.md);
    /// otherwise the managed ones with a serial warning, since interpreted kernels cannot keep up
    /// with the microphone on an ESP32.
    /// </summary>
    public static class FirmwareKernels
    {
        public static IOpKernels Select(ILineOutput output)
        {
#if EDGE_ASR_NATIVE
            string problem = InteropKernels.Unavailable();
            if (problem.Length == 0)
            {
                output.WriteLine("kernels: native (Edge.Asr.Native interop)");
                return InteropKernels.Instance;
            }
#else
            string problem = "this app was built without the native kernels (NativeKernels=true)";
#endif
            output.WriteLine(Warning(problem));
            return ManagedKernels.Instance;
        }

        /// <summary>
        /// What lets the native kernels read the model's flash resource in place (WeightPlacement): the glue's
        /// MapResource in a native build, none otherwise (the managed kernels need none).
        /// </summary>
        public static IResourceMapper Mapper()
        {
#if EDGE_ASR_NATIVE
            return new NativeResourceMapper();
#else
            return null;
#endif
        }

        /// <summary>The serial line of the managed fallback.</summary>
        public static string Warning(string problem)
        {
            return "warning: " + problem + "; running the managed kernels, too slow for real time (docs/device.md: custom firmware)";
        }
    }
}
