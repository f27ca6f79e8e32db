using System;
using System.Linq;
using Edge.Asr.DeviceTests;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Commands;
using Xunit;

namespace Edge.Asr.Tests.Golden
{
    /// <summary>The golden audio is what its documentation says, and the golden arrays fit the device.</summary>
    public class GoldenTestAudioTests
    {
        [Fact]
        public void RotationCoefficientsAreQ30CosAndSinOfTheToneFrequencies()
        {
            for (int t = 0; t < GoldenTestAudio.ToneHz.Length; t++)
            {
                double theta = 2 * Math.PI * GoldenTestAudio.ToneHz[t] / LogMelFrontend.SampleRate;
                Assert.Equal(Math.Round(Math.Cos(theta) * (1 << 30)), GoldenTestAudio.CosQ30[t], 0.0);
                Assert.Equal(Math.Round(Math.Sin(theta) * (1 << 30)), GoldenTestAudio.SinQ30[t], 0.0);
            }
        }

        [Fact]
        public void AudioIsDeterministicAndHasItsThreeParts()
        {
            short[] audio = GoldenTestAudio.Generate();

            Assert.Equal(audio, GoldenTestAudio.Generate());
            Assert.Equal(GoldenVectors.Audio, audio);
            Assert.Equal(GoldenVectors.AudioLength, audio.Length);
            // Near silence first (noise >> 6), then tones with noise, then a stretch clipped at both rails.
            Assert.All(audio.Take(800), s => Assert.InRange(s, -8, 7));
            Assert.True(audio.Skip(800).Take(3000).Max(s => Math.Abs((int)s)) is > 12000 and < 17000);
            Assert.Contains(audio.Skip(3800), s => s == short.MaxValue);
            Assert.Contains(audio.Skip(3800), s => s == short.MinValue);
        }

        [Fact]
        public void TonesAreAtTheirFrequencies()
        {
            // Correlate the middle part with each tone: the fixed-point rotation really makes 440, 1000 and 2750 Hz.
            short[] audio = GoldenTestAudio.Generate();
            double Power(double hz)
            {
                double re = 0, im = 0;
                for (int n = 800; n < 3800; n++)
                {
                    re += audio[n] * Math.Cos(2 * Math.PI * hz * n / 16000);
                    im += audio[n] * Math.Sin(2 * Math.PI * hz * n / 16000);
                }
                return (re * re + im * im) / 3000.0 / 3000.0;
            }
            // Amplitude A gives correlation power (A/2)^2.
            Assert.InRange(Math.Sqrt(Power(440)) * 2, 8900, 9100);
            Assert.InRange(Math.Sqrt(Power(1000)) * 2, 4900, 5100);
            Assert.InRange(Math.Sqrt(Power(2750)) * 2, 2400, 2600);
            Assert.InRange(Math.Sqrt(Power(1700)) * 2, 0, 100);
        }

        [Fact]
        public void EveryGoldenArrayIsFarBelowTheDeviceInitializerLimit()
        {
            // nanoFramework does not support array initializers over 64 KB; keep each well below.
            Assert.True(GoldenVectors.Audio.Length * sizeof(short) < 16 * 1024);
            Assert.True(GoldenVectors.FrontendFrames.Length * sizeof(short) < 16 * 1024);
            Assert.Equal(GoldenVectors.FrontendFrameCount * GoldenVectors.FrontendChannels, GoldenVectors.FrontendFrames.Length);
            Assert.Equal(1 + (GoldenVectors.AudioLength - LogMelFrontend.WindowLength) / LogMelFrontend.HopLength, GoldenVectors.FrontendFrameCount);
            Assert.Equal(LogMelFrontend.MelChannels, GoldenVectors.FrontendChannels);
        }
    }
}
