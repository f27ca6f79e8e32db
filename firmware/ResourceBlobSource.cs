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
        private int _length;

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

        /// <summary>
        /// The resource <paramref name="id"/> of <paramref name="resources"/>, its length taken from the
        /// blob header's total_length field (docs/blob-format.md) on first use, so nothing but the
        /// resource id is needed. A resource too short for the header, or a length out of range, is a
        /// BlobFormatException then (inside ModelBlob.Load, so start-up prints it as "model blob: ...");
        /// a wrong length is refused by the reader (a read past the resource's end, or the CRC).
        /// </summary>
        public ResourceBlobSource(ResourceManager resources, Enum id)
        {
            if (resources == null) throw new ArgumentException("resource manager is null", "resources");
            if (id == null) throw new ArgumentException("resource id is null", "id");
            _resources = resources;
            _id = id;
            _length = -1;
        }

        /// <summary>Bytes in the blob.</summary>
        public int Length
        {
            get
            {
                if (_length < 0) _length = LengthFromHeader();
                return _length;
            }
        }

        private int LengthFromHeader()
        {
            int lengthEnd = BlobFormat.OffsetTotalLength + 4;
            byte[] head = Slice(0, lengthEnd);
            if (head == null || head.Length != lengthEnd)
            {
                throw new BlobFormatException("the model resource is not a binary resource of at least " + lengthEnd.ToString() + " bytes");
            }
            int at = BlobFormat.OffsetTotalLength;
            uint total = (uint)(head[at] | (head[at + 1] << 8) | (head[at + 2] << 16) | (head[at + 3] << 24));
            if (total < (uint)BlobFormat.HeaderSize || total > (uint)BlobFormat.MaxTotalLength)
            {
                throw new BlobFormatException("total length " + total.ToString() + " in the model resource's header is outside "
                    + BlobFormat.HeaderSize.ToString() + ".." + BlobFormat.MaxTotalLength.ToString());
            }
            return (int)total;
        }

        /// <summary>
        /// Bytes offset..offset+count of the resource (fewer at its end), or null when it is not binary. The
        /// device throws ArgumentException (no message) for an id the build does not hold and
        /// InvalidOperationException for a chunk of a string resource: both become a BlobFormatException.
        /// </summary>
        private byte[] Slice(int offset, int count)
        {
            try
            {
                return ResourceUtility.GetObject(_resources, _id, offset, count) as byte[];
            }
            catch (Exception e)
            {
                if (e is OutOfMemoryException || e is IndexOutOfRangeException) throw;
                throw new BlobFormatException("the model resource is not in this build or is not a binary resource ("
                    + ExceptionText.Of(e) + "): bake the model with --resource and rebuild");
            }
        }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="offset"/> of the resource into the buffer.</summary>
        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (buffer == null) throw new ArgumentException("buffer is null", "buffer");
            int length = Length;
            if (offset < 0 || count < 0 || offset > length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "bytes " + offset.ToString() + ".." + (offset + count).ToString()
                    + " are outside the " + length.ToString() + "-byte model resource");
            }
            if (bufferOffset < 0 || bufferOffset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("bufferOffset", count.ToString() + " bytes from " + bufferOffset.ToString()
                    + " do not fit a buffer of " + buffer.Length.ToString());
            }
            if (count == 0) return;
            byte[] slice = Slice(offset, count);
            if (slice == null || slice.Length != count)
            {
                throw new InvalidOperationException("model resource: asked for " + count.ToString() + " bytes at " + offset.ToString()
                    + ", got " + (slice == null ? "nothing" : slice.Length.ToString() + " bytes") + " (is it a binary resource of "
                    + length.ToString() + " bytes?)");
            }
            Array.Copy(slice, 0, buffer, bufferOffset, count);
        }
    }
}
