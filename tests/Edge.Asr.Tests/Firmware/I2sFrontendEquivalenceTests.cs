using System;
using System.Collections.Generic;
using System.Device.I2s;
using System.IO;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Edge.Asr.Tests.Frontend;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// Issue 8's equivalence at the frontend: samples/yes.wav as simulated INMP441 I2S bytes →
    /// facade I2sDevice.Read(SpanByte) → MicrophoneReader/I2sSampleExtractor → LogMelFrontend gives
    /// exactly the log-mel frames of the plain PCM path.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class I2sFrontendEquivalenceTests
    {
        private static string YesWav => Path.Combine(RepoPaths.Root(), "samples", "yes.wav");

        private static short[] ReadAll(IAudioSource source)
        {
            var all = new List<short>();
            var block = new short[4096];
            int n;
            while ((n = source.Read(block, 0, block.Length)) > 0) for (int i = 0; i < n; i++) all.Add(block[i]);
            return all.ToArray();
        }

        [Theory]
        [InlineData(I2sBitsPerSample.Bit32, I2sChannelFormat.OnlyLeft, 512)]
        [InlineData(I2sBitsPerSample.Bit32, I2sChannelFormat.RightLeft, 160)]
        [InlineData(I2sBitsPerSample.Bit16, I2sChannelFormat.OnlyLeft, 333)]
        [InlineData(I2sBitsPerSample.Bit24, I2sChannelFormat.RightLeft, 1000)]
        public void WavThroughSimulatedI2sGivesTheSameLogMelFramesAsPlainPcm(I2sBitsPerSample bits, I2sChannelFormat format, int samplesPerRead)
        {
            short[] pcm;
            using (var plain = WavFileSource.Open(YesWav)) pcm = ReadAll(plain);
            Assert.True(pcm.Length > 8000, "yes.wav should hold at least half a second, got " + pcm.Length + " samples");

            DeviceSimulation.Reset();
            try
            {
                I2sConnectionSettings settings = MicrophoneConfig.Configure(new MicrophonePins(26, 25, 33));
                settings.BitsPerSample = bits;
                settings.ChannelFormat = format;
                I2sSampleLayout layout = I2sSampleLayout.FromSettings(settings, false);
                using var stream = new SimulatedI2sStream(WavFileSource.Open(YesWav), layout);
                DeviceSimulation.I2sSource = stream;

                using var device = new I2sDevice(settings);
                var reader = new MicrophoneReader(device, layout, 0, samplesPerRead);
                var frontend = new LogMelFrontend();
                var frames = new List<short[]>();
                int samplesRead = 0;
                while (true)
                {
                    int n;
                    try { n = reader.ReadBlock(); }
                    catch (EndOfStreamException) { break; } // the desktop's end of a run: the last partial Read
                    Assert.Equal(samplesPerRead, n);
                    samplesRead += n;
                    FrontendFrames.Push(frontend, reader.Samples, 0, n, frames);
                }

                Assert.Equal(pcm.Length / samplesPerRead * samplesPerRead, samplesRead);
                short[][] expected = FrontendRunner.Run(pcm[..samplesRead], 4096);
                Assert.True(expected.Length > 40, "expected over 40 frames, got " + expected.Length);
                Assert.Equal(expected.Length, frames.Count);
                for (int f = 0; f < expected.Length; f++) Assert.Equal(expected[f], frames[f]);
            }
            finally
            {
                DeviceSimulation.Reset();
            }
        }
    

        [Fact]
        public void ReadBlockAllocatesNothing()
        {
            DeviceSimulation.Reset();
            try
            {
                I2sConnectionSettings settings = MicrophoneConfig.Configure(new MicrophonePins(26, 25, 33));
                I2sSampleLayout layout = I2sSampleLayout.FromSettings(settings, false);
                var pcm = new short[160 * 60];
                for (int i = 0; i < pcm.Length; i++) pcm[i] = (short)(i % 2000 - 1000);
                DeviceSimulation.I2sSource = new MemoryStream(SimulatedI2sBytes.FromPcm16(layout, pcm, 0, pcm.Length));
                using var device = new I2sDevice(settings);
                var reader = new MicrophoneReader(device, layout, 0, 160);
                reader.ReadBlock(); // warm-up
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 50; i++) reader.ReadBlock();
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
                Assert.Equal(pcm[50 * 160], reader.Samples[0]); // the 51st block
            }
            finally
            {
                DeviceSimulation.Reset();
            }
        }
    }
}
