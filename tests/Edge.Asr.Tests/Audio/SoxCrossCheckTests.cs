using System;
using System.IO;
using Edge.Asr.Sim.Audio;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>WAV files written by sox (an independent implementation) read back by our reader.</summary>
    public sealed class SoxCrossCheckTests : IDisposable
    {
        private readonly ITestOutputHelper _log;
        private readonly string _dir = AudioTestIo.NewTempDirectory();

        public SoxCrossCheckTests(ITestOutputHelper log)
        {
            _log = log;
        }

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string P(string name) => Path.Combine(_dir, name);

        /// <summary>0.5 s of repeatable pink noise, 16 kHz mono 16-bit, and its samples as sox decodes them.</summary>
        private short[] MakeSource()
        {
            AudioTestIo.Sox("-R", "-n", "-r", "16000", "-b", "16", "-c", "1", P("src.wav"), "synth", "0.5", "pinknoise", "gain", "-3");
            AudioTestIo.Sox(P("src.wav"), "-t", "raw", "-e", "signed", "-b", "16", P("src.raw"));
            return AudioTestIo.ReadRawS16(P("src.raw"));
        }

        [Theory]
        [InlineData("s24.wav", new[] { "-b", "24" })]
        [InlineData("s32.wav", new[] { "-b", "32", "-e", "signed" })]
        [InlineData("f32.wav", new[] { "-b", "32", "-e", "floating-point" })]
        [InlineData("stereo.wav", new[] { "-c", "2" })]
        [InlineData("six.wav", new[] { "-c", "6" })]
        [InlineData("s24x4.wav", new[] { "-b", "24", "-c", "4" })]
        public void LosslessConversionsBySoxReadBackExactly(string name, string[] options)
        {
            short[] expected = MakeSource();
            var args = new string[options.Length + 2];
            args[0] = P("src.wav");
            Array.Copy(options, 0, args, 1, options.Length);
            args[^1] = P(name);
            AudioTestIo.Sox(args);
            Assert.Equal(expected, AudioTestIo.ReadWavFile(P("src.wav")));
            Assert.Equal(expected, AudioTestIo.ReadWavFile(P(name)));
        }

        [Fact]
        public void EightBitAgreesWithSoxDecoding()
        {
            MakeSource();
            AudioTestIo.Sox("-D", P("src.wav"), "-b", "8", "-e", "unsigned", P("u8.wav"));
            AudioTestIo.Sox(P("u8.wav"), "-t", "raw", "-e", "signed", "-b", "16", P("u8.raw"));
            Assert.Equal(AudioTestIo.ReadRawS16(P("u8.raw")), AudioTestIo.ReadWavFile(P("u8.wav")));
        }

        [Fact]
        public void TwentyFourBitAgreesWithSoxWithinOneStep()
        {
            AudioTestIo.Sox("-R", "-n", "-r", "16000", "-b", "24", P("n24.wav"), "synth", "0.5", "pinknoise", "gain", "-3");
            AudioTestIo.Sox("-D", P("n24.wav"), "-t", "raw", "-e", "signed", "-b", "16", P("n24.raw"));
            short[] sox = AudioTestIo.ReadRawS16(P("n24.raw"));
            short[] ours = AudioTestIo.ReadWavFile(P("n24.wav"));
            Assert.Equal(sox.Length, ours.Length);
            int differ = 0;
            for (int i = 0; i < sox.Length; i++)
            {
                Assert.InRange(ours[i] - sox[i], -1, 1); // sox and we may break exact halves differently
                if (ours[i] != sox[i]) differ++;
            }
            _log.WriteLine("24-bit -> 16-bit: " + differ + " of " + sox.Length + " samples differ by one step");
        }

        [Theory]
        [InlineData(44100)]
        [InlineData(48000)]
        [InlineData(22050)]
        [InlineData(8000)]
        public void ResampledToneAgreesWithSoxRate(int rate)
        {
            AudioTestIo.Sox("-R", "-n", "-r", rate.ToString(), "-b", "16", P("tone.wav"), "synth", "1", "sine", "1000", "gain", "-6");
            AudioTestIo.Sox("-D", P("tone.wav"), "-t", "raw", "-e", "signed", "-b", "16", P("tone.raw"), "rate", "-v", "16000");
            short[] sox = AudioTestIo.ReadRawS16(P("tone.raw"));
            short[] ours = AudioTestIo.ReadWavFile(P("tone.wav"));
            Assert.Equal(sox.Length, ours.Length);
            // Compare away from the ends, where each filter sees the tone's abrupt start and stop.
            double diff = 0, signal = 0;
            for (int i = 1000; i < sox.Length - 1000; i++)
            {
                double d = ours[i] - sox[i];
                diff += d * d;
                signal += (double)sox[i] * sox[i];
            }
            double snr = 10 * Math.Log10(signal / diff);
            _log.WriteLine(rate + " Hz -> 16 kHz: ours vs sox rate -v, 1 kHz tone: " + snr.ToString("0.0") + " dB");
            Assert.True(snr > 80, "ours differs from sox by " + snr + " dB SNR");
        }
    }
}
