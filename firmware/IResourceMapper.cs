namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Lets the native kernels address a flash resource in place: the firmware's NativeResourceMapper asks the
    /// Edge.Asr.Native glue (NativeKernels.MapResource); desktop tests fake it.
    /// </summary>
    public interface IResourceMapper
    {
        /// <summary>
        /// Registers binary resource <paramref name="resourceId"/> of resource file <paramref name="resourceFile"/> with the
        /// native kernels and returns its length in bytes, or a negative value saying why it cannot be (InteropKernels.MapProblem).
        /// </summary>
        int MapResource(string resourceFile, short resourceId);
    }
}
