using System;
using System.IO;
using System.Text;
using Edge.Asr.Codegen.Export;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    public class SafeTensorsTests
    {
        /// <summary>A safetensors file: 8-byte little-endian header length, the JSON header, the data.</summary>
        private static byte[] File(string header, byte[] data)
        {
            byte[] h = Encoding.UTF8.GetBytes(header);
            var b = new byte[8 + h.Length + data.Length];
            BitConverter.GetBytes((ulong)h.Length).CopyTo(b, 0);
            h.CopyTo(b, 8);
            data.CopyTo(b, 8 + h.Length);
            return b;
        }

        private static byte[] Floats(params float[] v)
        {
            var b = new byte[4 * v.Length];
            for (int i = 0; i < v.Length; i++) BitConverter.GetBytes(v[i]).CopyTo(b, 4 * i);
            return b;
        }

        [Fact]
        public void ReadsShapesDTypesValuesAndMetadata()
        {
            byte[] data = new byte[4 * 6 + 8];
            Floats(1.5f, -2f, 0.25f, 3f, 4f, 5f).CopyTo(data, 0);
            BitConverter.GetBytes(-0.125).CopyTo(data, 24);
            var s = SafeTensors.Parse(File("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[24,32]},\"__metadata__\":{\"format\":\"pt\"}}  ", data), "t");
            Assert.Equal(new[] { 2, 3 }, s.Entry("w").Shape);
            Assert.Equal(new double[] { 1.5, -2, 0.25, 3, 4, 5 }, s.Doubles("w"));
            Assert.Equal(new[] { -0.125 }, s.Doubles("b"));
            Assert.Equal("pt", s.Metadata["format"]);
            Assert.False(s.Contains("__metadata__"));
        }

        [Theory]
        [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 24, "needs 24 bytes, data_offsets give 20")]
        [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", 20, "outside the 20 data bytes")]
        [InlineData("{\"w\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4, "unsupported dtype BF16")]
        [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4, "bad shape")]
        [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, "needs dtype, shape and data_offsets")]
        [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "overlap")]
        [InlineData("{\"w\":", 4, "not valid JSON")]
        [InlineData("[1,2]", 4, "not a JSON object")]
        public void BadFilesAreRefusedWithAMessage(string header, int dataBytes, string expected)
        {
            var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Parse(File(header, new byte[dataBytes]), "m.safetensors"));
            Assert.StartsWith("m.safetensors: ", e.Message);
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void HeaderLengthBeyondTheFileIsRefused()
        {
            byte[] b = File("{}", new byte[0]);
            BitConverter.GetBytes(1000UL).CopyTo(b, 0);
            Assert.Contains("does not fit the file", Assert.Throws<InvalidDataException>(() => SafeTensors.Parse(b, "x")).Message);
            Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => SafeTensors.Parse(new byte[5], "x")).Message);
        }

        [Fact]
        public void MissingTensorIsNamed()
        {
            var s = SafeTensors.Parse(File("{}", new byte[0]), "x");
            Assert.Equal("x: tensor 'classifier.weight' is missing", Assert.Throws<InvalidDataException>(() => s.Entry("classifier.weight")).Message);
        }
    }
}
