using System;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// Sequential little-endian reading of one range of a blob source through a small window,
    /// so a blob is parsed without ever being whole in memory. Every read is bounds-checked
    /// against the range: hostile lengths end in a BlobFormatException, never an index error.
    /// </summary>
    internal sealed class BlobCursor
    {
        private readonly IBlobSource _source;
        private readonly byte[] _window;
        private int _windowStart;
        private int _windowLength;
        private int _pos;
        private int _end;
        private string _what;

        /// <summary>A cursor reading <paramref name="source"/> in slices of at most chunkSize bytes.</summary>
        public BlobCursor(IBlobSource source, int chunkSize)
        {
            _source = source;
            _window = new byte[chunkSize];
            _what = "header";
        }

        /// <summary>Moves to [start, end) of the blob (caller checked 0 ≤ start ≤ end ≤ Length).</summary>
        public void Begin(int start, int end, string what)
        {
            _pos = start;
            _end = end;
            _what = what;
        }

        /// <summary>Absolute offset of the next byte.</summary>
        public int Position { get { return _pos; } }

        /// <summary>Bytes left in the range.</summary>
        public int Remaining { get { return _end - _pos; } }

        /// <summary>Throws unless n more bytes are in the range.</summary>
        public void Need(int n)
        {
            if (n < 0 || _end - _pos < n)
                throw new BlobFormatException(_what + " is truncated: needs " + n.ToString() + " bytes at offset "
                    + _pos.ToString() + ", has " + (_end - _pos).ToString());
        }

        public int ReadU8()
        {
            Need(1);
            return Next();
        }

        public int ReadU16()
        {
            Need(2);
            int b0 = Next();
            return b0 | (Next() << 8);
        }

        public int ReadI32()
        {
            Need(4);
            int b0 = Next();
            int b1 = Next();
            int b2 = Next();
            return b0 | (b1 << 8) | (b2 << 16) | (Next() << 24);
        }

        public uint ReadU32()
        {
            return (uint)ReadI32();
        }

        /// <summary>Copies n bytes of the range into dst[dstOffset..].</summary>
        public void ReadBytes(byte[] dst, int dstOffset, int n)
        {
            Need(n);
            while (n > 0)
            {
                if (_pos < _windowStart || _pos >= _windowStart + _windowLength) Fill();
                int k = _windowStart + _windowLength - _pos;
                if (k > n) k = n;
                Array.Copy(_window, _pos - _windowStart, dst, dstOffset, k);
                _pos += k;
                dstOffset += k;
                n -= k;
            }
        }

        /// <summary>Feeds the rest of the range, n bytes, to a CRC without keeping them.</summary>
        public void Checksum(Crc32 crc, int n)
        {
            Need(n);
            while (n > 0)
            {
                if (_pos < _windowStart || _pos >= _windowStart + _windowLength) Fill();
                int k = _windowStart + _windowLength - _pos;
                if (k > n) k = n;
                crc.Update(_window, _pos - _windowStart, k);
                _pos += k;
                n -= k;
            }
        }

        private int Next()
        {
            if (_pos < _windowStart || _pos >= _windowStart + _windowLength) Fill();
            return _window[_pos++ - _windowStart];
        }

        // Loads the window at the current position, never past the range end.
        private void Fill()
        {
            int k = _end - _pos;
            if (k > _window.Length) k = _window.Length;
            _source.Read(_pos, _window, 0, k);
            _windowStart = _pos;
            _windowLength = k;
        }
    }
}
