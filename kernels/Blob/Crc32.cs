namespace Edge.Asr.Blob
{
    /// <summary>
    /// CRC-32 of IEEE 802.3 (reflected polynomial 0xEDB88320, initial value and final XOR
    /// 0xFFFFFFFF), table driven. The device has no library for it; the table is computed
    /// from the polynomial at construction instead of being a large initializer.
    /// </summary>
    public sealed class Crc32
    {
        /// <summary>The reflected generator polynomial.</summary>
        public const uint Polynomial = 0xEDB88320u;

        private readonly uint[] _table = new uint[256];
        private uint _state;

        /// <summary>Builds the table and starts an empty checksum.</summary>
        public Crc32()
        {
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                _table[n] = c;
            }
            Reset();
        }

        /// <summary>Starts a new checksum.</summary>
        public void Reset()
        {
            _state = 0xFFFFFFFFu;
        }

        /// <summary>Feeds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            uint c = _state;
            int end = offset + count;
            for (int i = offset; i < end; i++)
                c = _table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            _state = c;
        }

        /// <summary>The checksum of everything fed since the last reset.</summary>
        public uint Value
        {
            get { return _state ^ 0xFFFFFFFFu; }
        }
    }
}
