using System.IO;
using Edge.Asr.Sim.Audio;
using Xunit;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>Every bad input gives one exception whose message names the file and the problem.</summary>
    public sealed class WavErrorTests
    {
        [Theory]
        [MemberData(nameof(BadWavInputs.All), MemberType = typeof(BadWavInputs))]
        public void BadFileIsReportedWithItsNameAndProblem(string name, byte[] bytes, string problem)
        {
            string path = AudioTestIo.WriteTemp(name, bytes);
            var e = Assert.Throws<AudioFormatException>(() => AudioTestIo.ReadWavFile(path));
            Assert.Equal(path + ": " + problem, e.Message);
            Assert.Equal(path, e.InputName);
            Assert.DoesNotContain("\n", e.Message);
        }

        [Fact]
        public void MissingFileIsNamed()
        {
            string path = Path.Combine(AudioTestIo.NewTempDirectory(), "x.wav");
            var e = Assert.Throws<AudioFormatException>(() => WavFileSource.Open(path));
            Assert.Equal(path + ": file not found", e.Message);
        }

        [Fact]
        public void DirectoryIsNotAFile()
        {
            string dir = AudioTestIo.NewTempDirectory();
            var e = Assert.Throws<AudioFormatException>(() => WavFileSource.Open(dir));
            Assert.Equal(dir + ": is a directory, not a WAV file", e.Message);
        }
    }
}
