using System;
using Edge.Asr.Blob;
using Xunit;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>
    /// A source that behaves like the device's resource slices: it serves at most MaxRead bytes
    /// per call (a larger request fails the test) and counts calls and bytes.
    /// </summary>
    internal sealed class ChunkedSource : IBlobSource
    {
        private readonly byte[] _bytes;

        public ChunkedSource(byte[] bytes, int maxRead)
        {
            _bytes = bytes;
            MaxRead = maxRead;
        }

        public int MaxRead { get; }
        public int Calls { get; private set; }
        public long BytesRead { get; private set; }
        public int Largest { get; private set; }

        public int Length => _bytes.Length;

        public void Read(int offset, byte[] buffer, int bufferOffset, int count)
        {
            Assert.InRange(count, 1, MaxRead);
            Assert.InRange(offset, 0, _bytes.Length - count);
            Array.Copy(_bytes, offset, buffer, bufferOffset, count);
            Calls++;
            BytesRead += count;
            Largest = Math.Max(Largest, count);
        }
    }
}
