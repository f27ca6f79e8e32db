using System;
using System.IO;
using Edge.Asr.Sim.Audio;
using Xunit;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>Every supported WAV encoding read back from bytes written here, sample by sample.</summary>
    public sealed class WavFileSourceTests
    {
        /// <summary>n / d rounded half away from zero, in integers (independent of the reader's doubles).</summary>
        private static long RoundDiv(long n, long d) => n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);

        private static short Clamp(long x) => (short)Math.Max(short.MinValue, Math.Min(short.MaxValue, x));

        private static int[] RandomInts(int count, int min, int max, int seed)
        {
            var r = new Random(seed);
            var v = new int[count];
            for (int i = 0; i < count; i++) v[i] = r.Next(min, max);
            v[0] = min; v[1] = max - 1; v[2] = 0;
            return v;
        }

        [Fact]
        public void Pcm16MonoAt16kHzIsBitExact()
        {
            int[] v = RandomInts(20000, short.MinValue, short.MaxValue + 1, 1);
            var s = Array.ConvertAll(v, x => (short)x);
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).Data(WavBuilder.S16(s)).Build();
            Assert.Equal(s, AudioTestIo.ReadWav(wav));
            Assert.Equal(s, AudioTestIo.ReadWav(wav, block: 7)); // block size does not matter
        }

        [Fact]
        public void Unsigned8BitScalesBy256()
        {
            var u = new byte[256];
            for (int i = 0; i < 256; i++) u[i] = (byte)i;
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 8).Data(u).Build();
            short[] got = AudioTestIo.ReadWav(wav);
            for (int i = 0; i < 256; i++) Assert.Equal((short)((i - 128) * 256), got[i]);
        }

        [Fact]
        public void Signed24BitRoundsHalfAwayAndSaturates()
        {
            int[] v = RandomInts(5000, -(1 << 23), 1 << 23, 2);
            int[] edges = { 127, 128, -128, -129, 383, 384, -384, (1 << 23) - 1, (1 << 23) - 128, -(1 << 23) };
            Array.Copy(edges, 0, v, 3, edges.Length);
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 24).Data(WavBuilder.S24(v)).Build();
            short[] got = AudioTestIo.ReadWav(wav);
            for (int i = 0; i < v.Length; i++) Assert.Equal(Clamp(RoundDiv(v[i], 256)), got[i]);
            Assert.Equal(32767, got[Array.IndexOf(v, (1 << 23) - 1)]);  // 32767.996 saturates
            Assert.Equal(1, got[Array.IndexOf(v, 128)]);                  // 0.5 rounds away from zero
            Assert.Equal(-1, got[Array.IndexOf(v, -128)]);
        }

        [Fact]
        public void Signed32BitRoundsHalfAwayAndSaturates()
        {
            int[] v = RandomInts(5000, int.MinValue, int.MaxValue, 3);
            int[] edges = { 32767, 32768, -32768, int.MaxValue, int.MinValue, 65536 * 5 + 32768 };
            Array.Copy(edges, 0, v, 3, edges.Length);
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 32).Data(WavBuilder.S32(v)).Build();
            short[] got = AudioTestIo.ReadWav(wav);
            for (int i = 0; i < v.Length; i++) Assert.Equal(Clamp(RoundDiv(v[i], 65536)), got[i]);
        }

        [Fact]
        public void Float32ScalesBy32768RoundsAndSaturates()
        {
            float[] f = { 0f, 1f, -1f, 1.5f, -7f, 0.5f / 32768, -0.5f / 32768, 0.49f / 32768, 0.25f, float.NaN, float.PositiveInfinity, float.NegativeInfinity };
            short[] expected = { 0, 32767, -32768, 32767, -32768, 1, -1, 0, 8192, 0, 32767, -32768 };
            byte[] wav = new WavBuilder().Fmt(3, 1, 16000, 32).Data(WavBuilder.F32(f)).Build();
            Assert.Equal(expected, AudioTestIo.ReadWav(wav));
        }

        [Fact]
        public void ChannelsAreAveragedWithRounding()
        {
            // stereo frames (1,2) (-1,-2) (100,-100) (32767,32767) (-32768,-32767)
            byte[] stereo = new WavBuilder().Fmt(1, 2, 16000, 16)
                .Data(WavBuilder.S16(1, 2, -1, -2, 100, -100, 32767, 32767, -32768, -32767)).Build();
            Assert.Equal(new short[] { 2, -2, 0, 32767, -32768 }, AudioTestIo.ReadWav(stereo));
            // three channels: (1+1+2)/3 = 1.33 -> 1, (2+2+1)/3 = 1.67 -> 2
            byte[] three = new WavBuilder().Fmt(1, 3, 16000, 16).Data(WavBuilder.S16(1, 1, 2, 2, 2, 1)).Build();
            Assert.Equal(new short[] { 1, 2 }, AudioTestIo.ReadWav(three));
            var d = new WavFileSource(new MemoryStream(three), "three.wav").Description;
            Assert.Equal(3, d.Channels);
            Assert.Equal(2, d.FrameCount);
        }

        [Fact]
        public void ExtensiblePcmAndFloatAreRead()
        {
            byte[] pcm = new WavBuilder().ExtensibleFmt(1, 2, 16000, 24).Data(WavBuilder.S24(256, 512, -256 * 300, -256 * 100)).Build();
            Assert.Equal(new short[] { 2, -200 }, AudioTestIo.ReadWav(pcm));
            byte[] flt = new WavBuilder().ExtensibleFmt(3, 1, 16000, 32).Data(WavBuilder.F32(0.5f, -0.25f)).Build();
            Assert.Equal(new short[] { 16384, -8192 }, AudioTestIo.ReadWav(flt));
            using var source = new WavFileSource(new MemoryStream(flt), "x.wav");
            Assert.Equal("WAV (extensible)", source.Description.Container);
            Assert.Equal("IEEE float", source.Description.Encoding);
        }

        [Fact]
        public void UnknownChunksAndOddPaddingAreSkipped()
        {
            byte[] wav = new WavBuilder()
                .Chunk("JUNK", new byte[3])                       // odd size: a pad byte follows
                .Fmt(1, 1, 16000, 16)
                .Chunk("LIST", new byte[] { 1, 2, 3, 4, 5 })       // odd again
                .Chunk("fact", new byte[4])
                .Data(WavBuilder.S16(10, -20, 30))
                .Chunk("id3 ", new byte[7])                         // after data: never read
                .Build();
            Assert.Equal(new short[] { 10, -20, 30 }, AudioTestIo.ReadWav(wav));
        }

        [Fact]
        public void OddSizedFmtChunkIsPadded()
        {
            var fmt = new byte[17];
            Array.Copy(new WavBuilder().Fmt(1, 1, 16000, 16).Build(), 20, fmt, 0, 16);
            byte[] wav = new WavBuilder().Chunk("fmt ", fmt).Data(WavBuilder.S16(7, 8)).Build();
            Assert.Equal(new short[] { 7, 8 }, AudioTestIo.ReadWav(wav));
        }

        [Fact]
        public void UnknownDataSizeReadsToEndOfFile()
        {
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).ChunkDeclaring("data", WavBuilder.S16(1, 2, 3), WavHeaderParser.UnknownDataSize).Build();
            Assert.Equal(new short[] { 1, 2, 3 }, AudioTestIo.ReadWav(wav));
        }

        [Fact]
        public void OtherRatesAreResampledTo16kHz()
        {
            // 0.5 s of a 1 kHz tone at 44.1 kHz, stereo 16-bit, both channels equal.
            double[] tone = ToneFit.Tone(1000, 44100, 22050, 10000);
            var s = new short[2 * tone.Length];
            for (int i = 0; i < tone.Length; i++) s[2 * i] = s[2 * i + 1] = Pcm16.FromDouble(tone[i]);
            byte[] wav = new WavBuilder().Fmt(1, 2, 44100, 16).Data(WavBuilder.S16(s)).Build();
            using var source = new WavFileSource(new MemoryStream(wav), "tone.wav");
            short[] got = AudioTestIo.ReadAll(source, 333);
            Assert.Equal(8000, got.Length);
            Assert.NotNull(source.Resampler);
            double[] y = Array.ConvertAll(got, x => (double)x);
            ToneFit fit = ToneFit.Fit(y, 1000, 6000, 1000, 16000);
            Assert.InRange(20 * Math.Log10(fit.Amplitude / 10000), -0.01, 0.01);
            // int16 rounding in and out: residual stays near the quantisation floor (~0.4 LSB RMS).
            Assert.InRange(fit.ResidualRms, 0, 0.6);
        }

        [Fact]
        public void StopbandToneInA16BitFileIsRejectedEndToEnd()
        {
            double[] tone = ToneFit.Tone(9000, 48000, 48000, 32000);
            var s = Array.ConvertAll(tone, Pcm16.FromDouble);
            byte[] wav = new WavBuilder().Fmt(1, 1, 48000, 16).Data(WavBuilder.S16(s)).Build();
            double[] y = Array.ConvertAll(AudioTestIo.ReadWav(wav), x => (double)x);
            double rejection = -20 * Math.Log10(ToneFit.Rms(y, 1000, y.Length - 2000) / (32000 / Math.Sqrt(2)));
            Assert.True(rejection >= ResamplerTests.StatedStopbandDb, rejection + " dB");
        }
    }
}
