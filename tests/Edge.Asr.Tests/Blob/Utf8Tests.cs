using System;
using System.Text;
using Edge.Asr.Blob;
using Xunit;

namespace Edge.Asr.Tests.Blob
{
    public class Utf8Tests
    {
        [Theory]
        [InlineData("yes")]
        [InlineData("café")]
        [InlineData("日本語")]
        [InlineData("🎤 mic")]
        [InlineData("\u007F\u0080\u07FF\u0800\uFFFF")]
        public void Decodes_like_the_desktop_encoder(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            Assert.Equal(text, Utf8.Decode(bytes, 0, bytes.Length, "label 0"));
        }

        [Fact]
        public void Decodes_random_valid_text_like_the_desktop_encoder()
        {
            var rng = new Random(3);
            for (int trial = 0; trial < 500; trial++)
            {
                var sb = new StringBuilder();
                int n = rng.Next(1, 20);
                for (int i = 0; i < n; i++)
                {
                    int cp;
                    do cp = rng.Next(4) switch { 0 => rng.Next(0x80), 1 => rng.Next(0x800), 2 => rng.Next(0x10000), _ => rng.Next(0x110000) };
                    while (cp >= 0xD800 && cp <= 0xDFFF);
                    sb.Append(char.ConvertFromUtf32(cp));
                }
                string s = sb.ToString();
                byte[] bytes = Encoding.UTF8.GetBytes(s);
                Assert.Equal(s, Utf8.Decode(bytes, 0, bytes.Length, "x"));
            }
        }

        [Theory]
        [InlineData(new byte[] { 0x80 }, 0)]                   // stray continuation byte
        [InlineData(new byte[] { 0x61, 0xC3 }, 1)]             // truncated 2-byte sequence
        [InlineData(new byte[] { 0xC0, 0x80 }, 0)]             // overlong NUL
        [InlineData(new byte[] { 0xE0, 0x80, 0xAF }, 0)]       // overlong '/'
        [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)]       // UTF-16 surrogate U+D800
        [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, 0)] // above U+10FFFF
        [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80 }, 0)] // 5-byte lead
        [InlineData(new byte[] { 0x61, 0xE6, 0x97, 0x41 }, 1)] // bad continuation
        public void Refuses_invalid_utf8_naming_the_byte(byte[] bytes, int at)
        {
            var e = Assert.Throws<BlobFormatException>(() => Utf8.Decode(bytes, 0, bytes.Length, "label 3"));
            Assert.Equal("model blob: label 3 is not valid UTF-8 (at byte " + at + ")", e.Message);
        }
    }
}
