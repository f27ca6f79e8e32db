using System;
using System.Device.I2s;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Device;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>The simulated bytes equal what the nanoCLR driver's frame map hands to Read (docs/i2s-layout.md).</summary>
    public class I2sDriverLayoutTests
    {
        [Theory]
        [InlineData(16, false, false)]
        [InlineData(24, false, false)]
        [InlineData(32, false, false)]
        [InlineData(16, true, false)]
        [InlineData(24, true, false)]
        [InlineData(32, true, false)]
        [InlineData(32, true, true)]
        [InlineData(16, true, true)]
        public void SimulatedBytesEqualTheDriverFrameMapOutput(int bits, bool stereo, bool micOnRight)
        {
            var rng = new Random(bits + (stereo ? 1 : 0));
            var s24 = new int[500];
            for (int i = 0; i < s24.Length; i++) s24[i] = rng.Next(SimulatedI2sBytes.Min24, SimulatedI2sBytes.Max24 + 1);
            var mic = new int[s24.Length];
            var silent = new int[s24.Length];
            for (int i = 0; i < s24.Length; i++) mic[i] = SimulatedI2sBytes.SlotWord(s24[i]);

            byte[] driver = micOnRight ? NfDriverFrameMap.Read(silent, mic, bits, stereo) : NfDriverFrameMap.Read(mic, silent, bits, stereo);
            var layout = new I2sSampleLayout(bits / 8, stereo ? 2 : 1, micOnRight ? 1 : 0);
            Assert.Equal(driver, SimulatedI2sBytes.FromSamples24(layout, s24));
        }

        [Fact]
        public void InmpSampleBytesAreLittleEndianTopOfTheSlot()
        {
            // 24-bit sample 0x123456 → slot word 0x12345600 → Bit32 bytes 00 56 34 12, Bit24 56 34 12, Bit16 34 12.
            var b32 = SimulatedI2sBytes.FromSamples24(new I2sSampleLayout(4, 1, 0), new[] { 0x123456 });
            var b24 = SimulatedI2sBytes.FromSamples24(new I2sSampleLayout(3, 1, 0), new[] { 0x123456 });
            var b16 = SimulatedI2sBytes.FromSamples24(new I2sSampleLayout(2, 1, 0), new[] { 0x123456 });
            Assert.Equal(new byte[] { 0x00, 0x56, 0x34, 0x12 }, b32);
            Assert.Equal(new byte[] { 0x56, 0x34, 0x12 }, b24);
            Assert.Equal(new byte[] { 0x34, 0x12 }, b16);
            var stereo = SimulatedI2sBytes.FromSamples24(new I2sSampleLayout(4, 2, 0), new[] { -2 });
            Assert.Equal(new byte[] { 0x00, 0xFE, 0xFF, 0xFF, 0, 0, 0, 0 }, stereo);
        }

        [Theory]
        [InlineData(I2sBitsPerSample.Bit32, I2sChannelFormat.OnlyLeft, false, 4, 1, 0)]
        [InlineData(I2sBitsPerSample.Bit32, I2sChannelFormat.OnlyRight, false, 4, 1, 0)]
        [InlineData(I2sBitsPerSample.Bit16, I2sChannelFormat.AllLeft, false, 2, 1, 0)]
        [InlineData(I2sBitsPerSample.Bit24, I2sChannelFormat.RightLeft, false, 3, 2, 0)]
        [InlineData(I2sBitsPerSample.Bit32, I2sChannelFormat.RightLeft, true, 4, 2, 1)]
        public void LayoutFollowsTheSettingsAsTheDriverDoes(I2sBitsPerSample bits, I2sChannelFormat format, bool right, int bytes, int channels, int mic)
        {
            var settings = new I2sConnectionSettings(1) { BitsPerSample = bits, ChannelFormat = format };
            var layout = I2sSampleLayout.FromSettings(settings, right);
            Assert.Equal(bytes, layout.BytesPerSample);
            Assert.Equal(channels, layout.ChannelsPerFrame);
            Assert.Equal(mic, layout.MicrophoneChannel);
        }

        [Fact]
        public void EightBitSettingsAreRefused()
        {
            var settings = new I2sConnectionSettings(1) { BitsPerSample = I2sBitsPerSample.Bit8 };
            Assert.Contains("8-bit I2S samples are not supported",
                Assert.Throws<ArgumentException>(() => I2sSampleLayout.FromSettings(settings, false)).Message);
        }
    }
}
