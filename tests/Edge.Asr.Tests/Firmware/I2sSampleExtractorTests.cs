using System;
using System.Collections.Generic;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Device;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    public class I2sSampleExtractorTests
    {
        /// <summary>Every supported layout: Bit16/Bit24/Bit32 × mono, stereo with the microphone left, stereo right.</summary>
        public static IEnumerable<object[]> Layouts()
        {
            foreach (int bytes in new[] { 2, 3, 4 })
            {
                yield return new object[] { bytes, 1, 0 };
                yield return new object[] { bytes, 2, 0 };
                yield return new object[] { bytes, 2, 1 };
            }
        }

        private static short[] TestPcm(int seed, int n)
        {
            var rng = new Random(seed);
            var pcm = new short[n];
            for (int i = 0; i < n; i++) pcm[i] = (short)rng.Next(short.MinValue, short.MaxValue + 1);
            pcm[0] = short.MinValue;
            pcm[1] = short.MaxValue;
            pcm[2] = 0;
            pcm[3] = -1;
            pcm[4] = 1;
            return pcm;
        }

        private static short[] ExtractAll(I2sSampleExtractor extractor, byte[] bytes, Func<int> chunk)
        {
            var output = new List<short>();
            var block = new short[bytes.Length];
            for (int at = 0; at < bytes.Length;)
            {
                int n = Math.Min(chunk(), bytes.Length - at);
                int got = extractor.Extract(bytes, at, n, block, 0);
                for (int i = 0; i < got; i++) output.Add(block[i]);
                at += n;
            }
            return output.ToArray();
        }

        [Theory]
        [MemberData(nameof(Layouts))]
        public void GainShiftZeroInvertsTheSimulatedLayoutExactly(int bytesPerSample, int channels, int micChannel)
        {
            var layout = new I2sSampleLayout(bytesPerSample, channels, micChannel);
            short[] pcm = TestPcm(bytesPerSample * 10 + channels + micChannel, 5000);
            byte[] bytes = SimulatedI2sBytes.FromPcm16(layout, pcm, 0, pcm.Length);
            Assert.Equal(pcm.Length * bytesPerSample * channels, bytes.Length);
            var samples = new short[pcm.Length];
            int n = new I2sSampleExtractor(layout, 0).Extract(bytes, 0, bytes.Length, samples, 0);
            Assert.Equal(pcm.Length, n);
            Assert.Equal(pcm, samples);
        }

        [Theory]
        [MemberData(nameof(Layouts))]
        public void OddChunkingsGiveTheSameSamples(int bytesPerSample, int channels, int micChannel)
        {
            var layout = new I2sSampleLayout(bytesPerSample, channels, micChannel);
            short[] pcm = TestPcm(3, 4001);
            byte[] bytes = SimulatedI2sBytes.FromPcm16(layout, pcm, 0, pcm.Length);
            foreach (int chunk in new[] { 1, 3, 7, 1000 })
            {
                var extractor = new I2sSampleExtractor(layout, 0);
                Assert.Equal(pcm, ExtractAll(extractor, bytes, () => chunk));
                Assert.Equal(0, extractor.PendingBytes);
            }
            var rng = new Random(5);
            Assert.Equal(pcm, ExtractAll(new I2sSampleExtractor(layout, 0), bytes, () => rng.Next(0, 50)));
        }

        [Fact]
        public void PartialFrameIsHeldUntilTheNextCall()
        {
            var layout = new I2sSampleLayout(4, 1, 0);
            byte[] bytes = SimulatedI2sBytes.FromPcm16(layout, new short[] { 1234, -4321 }, 0, 2);
            var extractor = new I2sSampleExtractor(layout, 0);
            var samples = new short[2];
            Assert.Equal(0, extractor.Extract(bytes, 0, 3, samples, 0));
            Assert.Equal(3, extractor.PendingBytes);
            Assert.Equal(1, extractor.SamplesFor(4)); // 3 + 4 = 7 bytes: one frame
            Assert.Equal(2, extractor.SamplesFor(5));
            Assert.Equal(2, extractor.Extract(bytes, 3, 5, samples, 0));
            Assert.Equal(new short[] { 1234, -4321 }, samples);
            extractor.Extract(bytes, 0, 2, samples, 0);
            extractor.Reset();
            Assert.Equal(0, extractor.PendingBytes);
        }

        [Fact]
        public void TwentyFourBitSamplesRoundHalfAwayFromZero()
        {
            var layout = new I2sSampleLayout(4, 1, 0);
            // 100.5 → 101, −99.5 → −100, 100 + 127/256 → 100, −(100 + 129/256) → −101.
            int[] s24 = { (100 << 8) | 0x80, (-100 << 8) | 0x80, (100 << 8) | 0x7F, -((100 << 8) | 0x81) };
            byte[] bytes = SimulatedI2sBytes.FromSamples24(layout, s24);
            var samples = new short[4];
            new I2sSampleExtractor(layout, 0).Extract(bytes, 0, bytes.Length, samples, 0);
            Assert.Equal(new short[] { 101, -100, 100, -101 }, samples);
        }

        [Fact]
        public void GainShiftSaturatesInsteadOfWrapping()
        {
            var layout = new I2sSampleLayout(4, 1, 0);
            int[] s24 = { SimulatedI2sBytes.Max24, SimulatedI2sBytes.Min24, 1 << 21, -(1 << 21), 3 };
            byte[] bytes = SimulatedI2sBytes.FromSamples24(layout, s24);
            var samples = new short[5];
            new I2sSampleExtractor(layout, 2).Extract(bytes, 0, bytes.Length, samples, 0);
            // ×4: full scale saturates; 2^21/2^8·4 = 32768 saturates to 32767, −32768 fits; 3/256·4 = 0.047 → 0.
            Assert.Equal(new short[] { 32767, -32768, 32767, -32768, 0 }, samples);
            new I2sSampleExtractor(layout, 16).Extract(bytes, 0, bytes.Length, samples, 0);
            Assert.Equal(new short[] { 32767, -32768, 32767, -32768, 768 }, samples);
        }

        [Fact]
        public void MatchesTheDoubleReferenceForEveryGainShift()
        {
            var rng = new Random(17);
            var words = new int[3000];
            for (int i = 0; i < words.Length; i++) words[i] = rng.Next(int.MinValue, int.MaxValue) & ~0xFF; // 24-bit sample, low byte 0
            words[0] = int.MinValue;
            words[1] = int.MaxValue & ~0xFF;
            var bytes = new byte[words.Length * 4];
            for (int i = 0; i < words.Length; i++) BitConverter.GetBytes(words[i]).CopyTo(bytes, i * 4);
            var samples = new short[words.Length];
            for (int g = 0; g <= I2sSampleExtractor.MaxGainShift; g++)
            {
                new I2sSampleExtractor(new I2sSampleLayout(4, 1, 0), g).Extract(bytes, 0, bytes.Length, samples, 0);
                for (int i = 0; i < words.Length; i++)
                {
                    double scaled = words[i] / Math.Pow(2, 16 - g);
                    double expected = Math.Clamp(Math.Round(scaled, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
                    Assert.Equal((short)expected, samples[i]);
                }
            }
        }

        [Fact]
        public void ExtractAllocatesNothing()
        {
            var layout = new I2sSampleLayout(4, 2, 0);
            byte[] bytes = SimulatedI2sBytes.FromPcm16(layout, TestPcm(1, 2048), 0, 2048);
            var extractor = new I2sSampleExtractor(layout, 3);
            var samples = new short[2048];
            long allocated = Alloc.Measure(() =>
            {
                for (int at = 0; at < bytes.Length; at += 777) extractor.Extract(bytes, at, Math.Min(777, bytes.Length - at), samples, 0);
            });
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void RejectsBadArguments()
        {
            Assert.Contains("gain shift must be 0..16, got 17",
                Assert.Throws<ArgumentOutOfRangeException>(() => new I2sSampleExtractor(new I2sSampleLayout(4, 1, 0), 17)).Message);
            Assert.Contains("bytes per sample must be 2, 3 or 4 (Bit16, Bit24, Bit32), got 1",
                Assert.Throws<ArgumentOutOfRangeException>(() => new I2sSampleLayout(1, 1, 0)).Message);
            Assert.Contains("microphone channel must be 0..0, got 1",
                Assert.Throws<ArgumentOutOfRangeException>(() => new I2sSampleLayout(4, 1, 1)).Message);
            var extractor = new I2sSampleExtractor(new I2sSampleLayout(4, 1, 0), 0);
            Assert.Contains("2 samples from 0 do not fit an array of 1",
                Assert.Throws<ArgumentOutOfRangeException>(() => extractor.Extract(new byte[8], 0, 8, new short[1], 0)).Message);
            Assert.Contains("bytes 4..12 are outside an array of 8",
                Assert.Throws<ArgumentOutOfRangeException>(() => extractor.Extract(new byte[8], 4, 8, new short[4], 0)).Message);
        }
    }
}
