using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>Writes RIFF/WAVE bytes chunk by chunk, including malformed ones, for reader tests.</summary>
    public sealed class WavBuilder
    {
        private readonly List<byte[]> _chunks = new List<byte[]>();
        private string _riff = "RIFF";
        private string _type = "WAVE";
        private int _truncateTo = -1;

        public static readonly byte[] SubtypeGuidTail = { 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71 };

        public WavBuilder Riff(string magic, string type)
        {
            _riff = magic;
            _type = type;
            return this;
        }

        /// <summary>A plain 16-byte fmt chunk; block align and byte rate follow from the other fields unless given.</summary>
        public WavBuilder Fmt(int tag, int channels, int rate, int bits, int blockAlign = -1)
        {
            int align = blockAlign >= 0 ? blockAlign : channels * bits / 8;
            var b = new byte[16];
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0), (ushort)tag);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), (ushort)channels);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)rate);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), (uint)(rate * align));
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), (ushort)align);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), (ushort)bits);
            return Chunk("fmt ", b);
        }

        /// <summary>A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk with the given sub-format tag.</summary>
        public WavBuilder ExtensibleFmt(int subTag, int channels, int rate, int bits)
        {
            int align = channels * bits / 8;
            var b = new byte[40];
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0), 0xFFFE);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), (ushort)channels);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)rate);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), (uint)(rate * align));
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), (ushort)align);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), (ushort)bits);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), channels == 2 ? 3u : 0u);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(24), (ushort)subTag);
            Array.Copy(SubtypeGuidTail, 0, b, 26, 14);
            return Chunk("fmt ", b);
        }

        /// <summary>Any chunk; an odd-sized body gets its pad byte.</summary>
        public WavBuilder Chunk(string id, byte[] body) => ChunkDeclaring(id, body, (uint)body.Length);

        /// <summary>A chunk whose size field says <paramref name="declared"/> whatever the body is.</summary>
        public WavBuilder ChunkDeclaring(string id, byte[] body, uint declared)
        {
            var b = new byte[8 + body.Length + (body.Length & 1)];
            Encoding.ASCII.GetBytes(id, 0, 4, b, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), declared);
            Array.Copy(body, 0, b, 8, body.Length);
            _chunks.Add(b);
            return this;
        }

        public WavBuilder Data(byte[] samples) => Chunk("data", samples);

        /// <summary>Cuts the finished file to this many bytes.</summary>
        public WavBuilder TruncateTo(int length)
        {
            _truncateTo = length;
            return this;
        }

        public byte[] Build()
        {
            var m = new MemoryStream();
            m.Write(Encoding.ASCII.GetBytes(_riff));
            int body = 4;
            foreach (byte[] c in _chunks) body += c.Length;
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body);
            m.Write(size);
            m.Write(Encoding.ASCII.GetBytes(_type));
            foreach (byte[] c in _chunks) m.Write(c);
            byte[] all = m.ToArray();
            if (_truncateTo >= 0) Array.Resize(ref all, _truncateTo);
            return all;
        }

        public static byte[] S16(params short[] s)
        {
            var b = new byte[s.Length * 2];
            for (int i = 0; i < s.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), s[i]);
            return b;
        }

        public static byte[] S24(params int[] s)
        {
            var b = new byte[s.Length * 3];
            for (int i = 0; i < s.Length; i++) { b[3 * i] = (byte)s[i]; b[3 * i + 1] = (byte)(s[i] >> 8); b[3 * i + 2] = (byte)(s[i] >> 16); }
            return b;
        }

        public static byte[] S32(params int[] s)
        {
            var b = new byte[s.Length * 4];
            for (int i = 0; i < s.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4 * i), s[i]);
            return b;
        }

        public static byte[] F32(params float[] s)
        {
            var b = new byte[s.Length * 4];
            for (int i = 0; i < s.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(4 * i), s[i]);
            return b;
        }
    }
}
