using System;
using System.Resources;
using Edge.Asr.Blob;
using nanoFramework.Runtime.Native;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// A model blob baked into the application as a binary resource, read in slices with
    /// ResourceUtility.GetObject(rm, id, offset, length) so the whole blob never has to fit the heap
    /// (the resource itself stays in memory-mapped flash). <paramref name="id"/> is the generated
    /// resource class's enum value, e.g. ModelResources.BinaryResources.Model.
    /// </summary>
    public sealed class ResourceBlobSource : IBlobSource
    {
        private readonly ResourceManager _resources;
        private readonly Enum _id;
        private readonly int _length;

        /// <summary>The resource <paramref name="id"/> of <paramref name="resources"/>, <paramref name="length"/> bytes long.</summary>
        public ResourceBlobSource(ResourceManager resources, Enum id, int length)
        {
            if (resources == null) throw new ArgumentException("resource manager is null", "resources");
            if (id == null) throw new ArgumentException("resource id is null", "id");
            if (length <= 0) throw new ArgumentOutOfRangeException("length", "resource length must be positive, got " + length.ToString());
            _resources = resources;
            _id = id;
            _length = length;
        }

        /// <summary>Bytes in the blob.</summary>
        public int Length { get { return _length; } }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> of the resource into the buffer.</summary>
        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (buffer == null) throw new ArgumentException("buffer is null", "buffer");
            if (offset < 0 || count < 0 || offset > _length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "bytes " + offset.ToString() + ".." + (offset + count).ToString()
                    + " are outside the " + _length.ToString() + "-byte model resource");
            }
            if (bufferOffset < 0 || bufferOffset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("bufferOffset", count.ToString() + " bytes from " + bufferOffset.ToString()
                    + " do not fit a buffer of " + buffer.Length.ToString());
            }
            if (count == 0) return;
            byte[] slice = ResourceUtility.GetObject(_resources, _id, offset, count) as byte[];
            if (slice == null || slice.Length != count)
            {
                throw new InvalidOperationException("model resource: asked for " + count.ToString() + " bytes at " + offset.ToString()
                    + ", got " + (slice == null ? "nothing" : slice.Length.ToString() + " bytes") + " (is it a binary resource of "
                    + _length.ToString() + " bytes?)");
            }
            Array.Copy(slice, 0, buffer, bufferOffset, count);
        }
    }
}
