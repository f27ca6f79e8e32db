using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// Writes NumPy .npy files, format version 1.0, by hand: magic "\x93NUMPY", version 1.0, a
    /// little-endian uint16 header length, a Python-dict header padded with spaces and a newline so
    /// that the data starts at a multiple of 64 bytes, then the raw little-endian C-order data.
    /// </summary>
    public static class NpyWriter
    {
        public static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

        /// <summary>The header dict, e.g. {'descr': '&lt;i2', 'fortran_order': False, 'shape': (3, 98, 40), }.</summary>
        public static string HeaderDict(string descr, int[] shape)
        {
            var s = new StringBuilder();
            s.Append("{'descr': '").Append(descr).Append("', 'fortran_order': False, 'shape': (");
            for (int i = 0; i < shape.Length; i++)
            {
                s.Append(shape[i].ToString(CultureInfo.InvariantCulture));
                if (shape.Length == 1 || i < shape.Length - 1) s.Append(", ");
            }
            return s.Append("), }").ToString();
        }

        /// <summary>The magic, version, length and padded header: the bytes before the data.</summary>
        public static byte[] Preamble(string descr, int[] shape)
        {
            string dict = HeaderDict(descr, shape);
            int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
            int total = (unpadded + 63) / 64 * 64;
            int headerLength = total - Magic.Length - 4;
            if (headerLength > ushort.MaxValue) throw new ArgumentException("npy header too long for format 1.0");
            var bytes = new byte[total];
            Array.Copy(Magic, bytes, Magic.Length);
            bytes[6] = 1;
            bytes[7] = 0;
            bytes[8] = (byte)(headerLength & 0xFF);
            bytes[9] = (byte)(headerLength >> 8);
            int at = 10;
            foreach (char ch in dict) bytes[at++] = (byte)ch;
            while (at < total - 1) bytes[at++] = (byte)' ';
            bytes[total - 1] = (byte)'\n';
            return bytes;
        }

        /// <summary>Writes an int16 array ('&lt;i2') of the given C-order shape.</summary>
        public static void WriteInt16(Stream output, short[] data, int[] shape)
        {
            CheckCount(data.Length, shape);
            byte[] preamble = Preamble("<i2", shape);
            output.Write(preamble, 0, preamble.Length);
            var buffer = new byte[1 << 16];
            int at = 0;
            while (at < data.Length)
            {
                int n = Math.Min(buffer.Length / 2, data.Length - at);
                for (int i = 0; i < n; i++)
                {
                    short v = data[at + i];
                    buffer[2 * i] = (byte)v;
                    buffer[2 * i + 1] = (byte)(v >> 8);
                }
                output.Write(buffer, 0, 2 * n);
                at += n;
            }
        }

        /// <summary>Writes a float32 array ('&lt;f4') of the given C-order shape.</summary>
        public static void WriteFloat32(Stream output, float[] data, int[] shape)
        {
            CheckCount(data.Length, shape);
            byte[] preamble = Preamble("<f4", shape);
            output.Write(preamble, 0, preamble.Length);
            var bytes = new byte[4];
            foreach (float v in data)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes, v);
                output.Write(bytes, 0, 4);
            }
        }

        private static void CheckCount(int count, int[] shape)
        {
            long n = 1;
            foreach (int s in shape)
            {
                if (s < 0) throw new ArgumentException("npy shape has a negative dimension");
                n *= s;
            }
            if (n != count) throw new ArgumentException("npy shape needs " + n.ToString(CultureInfo.InvariantCulture) + " values, got " + count.ToString(CultureInfo.InvariantCulture));
        }
    }
}
