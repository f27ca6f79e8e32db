using System;
using Edge.Asr.Blob;

namespace Edge.Asr.Tests.Model
{
    /// <summary>A blob source (not a byte-array one, so no kernel reads it in place) that counts and bounds its reads, as a flash resource would be read.</summary>
    public sealed class CountingBlobSource : IBlobSource
    {
        private readonly byte[] _bytes;

        public CountingBlobSource(byte[] bytes) => _bytes = bytes;

        public int Length => _bytes.Length;
        public long Reads { get; private set; }
        public long BytesRead { get; private set; }
        public int LargestRead { get; private set; }

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            if (offset < 0 || count < 0 || offset > _bytes.Length - count) throw new ArgumentOutOfRangeException(nameof(offset), "read outside the blob");
            Array.Copy(_bytes, offset, buffer, bufferOffset, count);
            Reads++;
            BytesRead += count;
            LargestRead = Math.Max(LargestRead, count);
        }
    }
}
