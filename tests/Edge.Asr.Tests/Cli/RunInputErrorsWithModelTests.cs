using System.IO;
using System.Linq;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Audio;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>
    /// Bad input with a model loaded (issue 16, items 4 and 5): the audio then reaches the firmware
    /// twin's capture loop, which must pass the source's own one-line error on (exit 1), not turn it
    /// into an internal error; and WAV paths that are pipes play like files.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class RunInputErrorsWithModelTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        private static void AssertOneLineError(CliHarness.Result r, string line)
        {
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.Equal("edge-asr: " + line, r.StderrLines[0].TrimEnd('\r'));
        }

        [Fact]
        public void Odd_length_raw_stdin_is_a_one_line_error()
        {
            AssertOneLineError(CliHarness.InProcess(new byte[] { 1, 2, 3 }, "run", "-", "--model", DefaultModel),
                "stdin: truncated: raw s16le input ends with an odd byte (3 bytes)");
            AssertOneLineError(CliHarness.InProcess(new byte[3201], "run", "-", "--model", DefaultModel, "--json"),
                "stdin: truncated: raw s16le input ends with an odd byte (3201 bytes)");
        }

        [Theory]
        [MemberData(nameof(BadWavInputs.All), MemberType = typeof(BadWavInputs))]
        public void Every_malformed_wav_is_a_one_line_error(string name, byte[] bytes, string problem)
        {
            string path = AudioTestIo.WriteTemp(name, bytes);
            AssertOneLineError(CliHarness.InProcess("run", path, "--model", DefaultModel), path + ": " + problem);
        }

        [Fact]
        public void A_wav_on_dev_stdin_plays_like_the_file()
        {
            string yes = CliHarness.Sample("yes.wav");
            CliHarness.Result piped = CliHarness.Process(File.ReadAllBytes(yes), "run", "/dev/stdin", "--model", DefaultModel);
            Assert.True(piped.ExitCode == ExitCodes.Success, piped.Stderr);
            CliHarness.Result file = CliHarness.InProcess("run", yes, "--model", DefaultModel);
            string[] Cmd(CliHarness.Result r) => r.StdoutLines.Where(l => l.StartsWith("CMD ")).ToArray();
            Assert.Equal(Cmd(file), Cmd(piped));
            Assert.Single(Cmd(piped));
        }

        [Fact]
        public void A_piped_wav_cut_short_is_a_one_line_error()
        {
            byte[] wav = new WavBuilder().Fmt(1, 1, 16000, 16).ChunkDeclaring("data", new byte[3200], 64000).Build();
            CliHarness.Result r = CliHarness.Process(wav, "run", "/dev/stdin", "--model", DefaultModel);
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Equal(new[] { "edge-asr: /dev/stdin: truncated: data ended after 3200 of 64000 bytes" }, r.StderrLines);
        }
    }
}
