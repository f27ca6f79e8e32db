using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary><c>--kernels native|managed</c>: the same output either way, a clear line for a bad value.</summary>
    public class KernelsOptionTests
    {
        [Fact]
        public void RunPrintsTheSameOnNativeAndManagedKernels()
        {
            NativeKernelsFixture.Kernels();
            string model = System.IO.Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");
            CliHarness.Result native = CliHarness.InProcess("run", "--json", "--model", model, "--kernels", "native", CliHarness.Sample("commands.wav"));
            CliHarness.Result managed = CliHarness.InProcess("run", "--json", "--model", model, "--kernels", "managed", CliHarness.Sample("commands.wav"));

            Assert.Equal(ExitCodes.Success, native.ExitCode);
            Assert.Equal(ExitCodes.Success, managed.ExitCode);
            Assert.Contains("\"detections\"", managed.Stdout);
            Assert.Equal(managed.Stdout, native.Stdout);
            Assert.Equal("", native.Stderr);
        }

        [Fact]
        public void AnUnknownKernelsValueIsAUsageErrorInOneLine()
        {
            CliHarness.Result r = CliHarness.InProcess("eval", "--kernels", "fast", "nowhere.csv");

            Assert.Equal(ExitCodes.Usage, r.ExitCode);
            Assert.Equal(new[] { "edge-asr: --kernels must be native or managed, got 'fast'" }, r.StderrLines);
            Assert.Equal("", r.Stdout);
        }
    }
}
