using System;
using System.Text;
using Edge.Asr.Blob;
using Xunit;

namespace Edge.Asr.Tests.Blob
{
    public class Crc32Tests
    {
        // Bit-at-a-time definition of CRC-32/IEEE: the table-driven kernel must agree with it.
        private static uint Reference(byte[] data)
        {
            uint c = 0xFFFFFFFF;
            foreach (byte b in data)
            {
                c ^= b;
                for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (uint)-(int)(c & 1));
            }
            return ~c;
        }

        [Theory]
        [InlineData("", 0x00000000u)]
        [InlineData("123456789", 0xCBF43926u)] // the standard check value of CRC-32/ISO-HDLC
        [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
        public void Known_check_values(string text, uint expected)
        {
            byte[] data = Encoding.ASCII.GetBytes(text);
            var crc = new Crc32();
            crc.Update(data, 0, data.Length);
            Assert.Equal(expected, crc.Value);
        }

        [Fact]
        public void Chunked_updates_equal_one_pass_and_the_bitwise_definition()
        {
            var rng = new Random(7);
            var crc = new Crc32();
            for (int trial = 0; trial < 50; trial++)
            {
                byte[] data = new byte[rng.Next(0, 3000)];
                rng.NextBytes(data);
                crc.Reset();
                int at = 0;
                while (at < data.Length)
                {
                    int n = Math.Min(rng.Next(1, 100), data.Length - at);
                    crc.Update(data, at, n);
                    at += n;
                }
                Assert.Equal(Reference(data), crc.Value);
            }
        }
    }
}
