using System;

namespace Edge.Asr.Blob
{
    /// <summary>A blob that is already whole in memory.</summary>
    public sealed class ByteArrayBlobSource : IBlobSource
    {
        private readonly byte[] _bytes;

        /// <summary>Wraps the array without copying it.</summary>
        public ByteArrayBlobSource(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentException("bytes must not be null");
            _bytes = bytes;
        }

        /// <summary>The array itself (not a copy), for kernels that read weights in place.</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        /// <inheritdoc />
        public int Length
        {
            get { return _bytes.Length; }
        }

        /// <inheritdoc />
        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (offset < 0 || count < 0 || offset > _bytes.Length - count)
                throw new ArgumentOutOfRangeException("offset", "read outside the blob");
            Array.Copy(_bytes, offset, buffer, bufferOffset, count);
        }
    }
}
