#if EDGE_ASR_NATIVE
using Edge.Asr.Interop;

namespace Edge.Asr.Firmware
{
    /// <summary>The firmware's <see cref="IResourceMapper"/>: the Edge.Asr.Native glue finds the resource in the deployment area.</summary>
    public sealed class NativeResourceMapper : IResourceMapper
    {
        /// <inheritdoc />
        public int MapResource(string resourceFile, short resourceId)
        {
            return NativeKernels.MapResource(resourceFile, resourceId);
        }
    }
}
#endif
