using System.IO;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>edge-asr eval on bad input: one line on stderr, exit 1, no stack trace, nothing on stdout.</summary>
    public sealed class EvalCliTests
    {
        private static void AssertOneLine(CliHarness.Result r, string expected)
        {
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Single(r.StderrLines);
            Assert.Equal("edge-asr: " + expected, r.StderrLines[0]);
        }

        private static string Clips()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "0.wav"), EvalFiles.Tone(500, 1));
            return dir;
        }

        [Fact]
        public void Missing_input()
        {
            string dir = EvalFiles.NewFolder();
            AssertOneLine(CliHarness.InProcess("eval", dir + "/none"), dir + "/none: no such file or folder");
        }

        [Fact]
        public void Unknown_file_type()
        {
            string dir = EvalFiles.NewFolder();
            File.WriteAllText(dir + "/x.wav", "x");
            AssertOneLine(CliHarness.InProcess("eval", dir + "/x.wav"), dir + "/x.wav: not a folder or a .csv manifest");
        }

        [Fact]
        public void Manifest_missing_a_column()
        {
            string dir = EvalFiles.NewFolder();
            File.WriteAllText(dir + "/m.csv", "path\nx.wav\n");
            AssertOneLine(CliHarness.InProcess("eval", dir + "/m.csv"), dir + "/m.csv line 1: header has no 'label' column (need path,label or path,label,start,end)");
        }

        [Fact]
        public void Manifest_naming_a_missing_file()
        {
            string dir = EvalFiles.NewFolder();
            File.WriteAllText(dir + "/m.csv", "path,label\nx.wav,yes\n");
            AssertOneLine(CliHarness.InProcess("eval", dir + "/m.csv"), dir + "/m.csv line 2: file not found: x.wav (looked in " + dir + ")");
        }

        [Fact]
        public void Named_model_that_does_not_exist()
        {
            string dir = Clips();
            AssertOneLine(CliHarness.InProcess("eval", dir, "--model", dir + "/m.easr"), "model blob: " + dir + "/m.easr: no such file");
        }

        [Fact]
        public void Model_that_is_not_a_blob()
        {
            string dir = Clips();
            File.WriteAllText(dir + "/m.easr", "this is not a model blob at all, just some text");
            CliHarness.Result r = CliHarness.InProcess("eval", dir, "--model", dir + "/m.easr", "--json");
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.StartsWith("edge-asr: model blob: " + dir + "/m.easr: ", r.StderrLines[0]);
            Assert.Equal("", r.Stdout);
        }

        [Fact]
        public void A_valid_blob_whose_tensors_build_no_model_is_refused_without_numbers()
        {
            string dir = Clips();
            File.WriteAllBytes(dir + "/m.easr", Edge.Asr.Tests.Blob.BlobSamples.Blob());
            CliHarness.Result r = CliHarness.InProcess("eval", dir, "--model", dir + "/m.easr", "--json");
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Single(r.StderrLines);
            Assert.StartsWith("edge-asr: model blob: " + dir + "/m.easr: ", r.StderrLines[0]);
            Assert.Contains("tensor", r.StderrLines[0]);
        }

        [Fact]
        public void Without_a_model_it_says_so_and_prints_no_numbers()
        {
            string missing = Path.Combine(EvalFiles.NewFolder(), "weights", "default.easr");
            var e = Assert.Throws<EvalInputException>(() => RecogniserLoader.Load(null, missing));
            Assert.Equal("no model: " + missing + " not found (train and bake one, or name one with --model; see docs/simulator.md)", e.Message);
        }
    }
}
