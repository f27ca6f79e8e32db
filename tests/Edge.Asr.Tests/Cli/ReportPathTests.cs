using System.IO;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Eval;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>
    /// --report into a folder that does not exist yet: eval and run make the folder; a path that
    /// cannot be written is refused in one line before any work (it once ended in "internal error"
    /// after the whole evaluation).
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class ReportPathTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        [Fact]
        public void Eval_makes_the_missing_report_folder()
        {
            string dir = EvalFiles.NewFolder();
            File.Copy(CliHarness.Sample("yes.wav"), Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "clips", "yes")).FullName, "0.wav"));
            string report = Path.Combine(dir, "new", "deeper", "r.html");
            CliHarness.Result r = CliHarness.InProcess("eval", Path.Combine(dir, "clips"), "--model", DefaultModel, "--report", report);
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            Assert.Contains("confusion-cell", File.ReadAllText(report));
        }

        [Fact]
        public void Run_makes_the_missing_report_folder()
        {
            string report = Path.Combine(EvalFiles.NewFolder(), "new", "r.html");
            CliHarness.Result r = CliHarness.InProcess("run", CliHarness.Sample("yes.wav"), "--model", DefaultModel, "--report", report);
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            Assert.True(File.Exists(report));
        }

        [Theory]
        [InlineData("eval")]
        [InlineData("run")]
        public void An_unwritable_report_is_refused_in_one_line_before_the_work(string command)
        {
            string dir = EvalFiles.NewFolder();
            string blocker = Path.Combine(dir, "a-file");
            File.WriteAllText(blocker, "not a folder");
            string report = Path.Combine(blocker, "r.html"); // a file stands where the folder would go
            CliHarness.Result r = command == "eval"
                ? CliHarness.InProcess("eval", Path.Combine(dir, "missing.csv"), "--model", DefaultModel, "--report", report)
                : CliHarness.InProcess("run", CliHarness.Sample("yes.wav"), "--model", DefaultModel, "--report", report);
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.StartsWith("edge-asr: cannot write " + report + ": ", r.Stderr);
            Assert.Equal("", r.Stdout); // refused before the work: nothing was evaluated or heard
        }
    }
}
