using System;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// A blob source whose bytes native kernels also address directly: the flash resource once the firmware's native
    /// side has found it in the memory-mapped deployment area (NativeKernels.MapResource). Managed reads (the blob
    /// reader, build-time checks, scalars) still go through the wrapped source; the kernels' in-place calls pass
    /// <see cref="InFlash"/>, the empty array the glue takes to mean "the registered resource".
    /// </summary>
    public sealed class MappedBlobSource : IBlobSource
    {
        /// <summary>The empty blob array that stands for the mapped resource in the ...InBlob interop calls.</summary>
        public static readonly byte[] InFlash = new byte[0];

        private readonly IBlobSource _resource;

        /// <summary><paramref name="resource"/>, which the native side mapped at <paramref name="mappedBytes"/> bytes (its length).</summary>
        public MappedBlobSource(IBlobSource resource, int mappedBytes)
        {
            if (resource == null) throw new ArgumentException("resource is null", "resource");
            if (mappedBytes != resource.Length)
                throw new ArgumentException("the mapped resource has " + mappedBytes.ToString() + " bytes, the blob " + resource.Length.ToString(), "mappedBytes");
            _resource = resource;
        }

        /// <summary>The source managed code reads the same bytes through.</summary>
        public IBlobSource Resource { get { return _resource; } }

        /// <inheritdoc />
        public int Length { get { return _resource.Length; } }

        /// <inheritdoc />
        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            _resource.Read(offset, buffer, bufferOffset, count);
        }
    }
}
