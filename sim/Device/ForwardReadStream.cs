using System;
using System.IO;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// A stream that can only be read forwards, like the device's I2S DMA: subclasses supply Read;
    /// length, position, seeking and writing are not supported.
    /// </summary>
    public abstract class ForwardReadStream : Stream
    {
        public sealed override bool CanRead => true;
        public sealed override bool CanSeek => false;
        public sealed override bool CanWrite => false;
        public sealed override long Length => throw new NotSupportedException();
        public sealed override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public sealed override void Flush() { }
        public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public sealed override void SetLength(long value) => throw new NotSupportedException();
        public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
