using System.IO;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Fuzz;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.Model;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>
    /// The audit's kind of testing kept in the suite (issue 16): the seeded mutation fuzzer with a
    /// recomputed CRC, a few thousand cases here; the 100,000-case run is
    /// <c>./edge-asr fuzz-blob</c> (docs/blob-format.md). A crash is any exception but the format error.
    /// </summary>
    public sealed class BlobFuzzTests
    {
        private readonly ITestOutputHelper _out;

        public BlobFuzzTests(ITestOutputHelper output) => _out = output;

        [Fact]
        public void Mutated_blobs_with_a_valid_crc_are_refused_or_build_never_crash()
        {
            BlobFuzzer.Tally t = new BlobFuzzer(BakedTestBlob.Bytes(), FuzzBlobCommand.DefaultSeed).Run(3000);
            _out.WriteLine($"baked test blob, 3000 cases: {t.FormatErrors} format errors, {t.ModelsBuilt} models built, {t.Crashes} crashes");
            Assert.True(t.Crashes == 0, string.Join(" | ", t.FirstCrashes));
            Assert.Equal(3000, t.Attempts);
            Assert.Equal(t.Attempts, t.FormatErrors + t.ModelsBuilt);
            Assert.InRange(t.FormatErrors, 1000, 2900); // the mutations reach the semantic checks, and some are harmless
        }

        [Fact]
        public void The_default_model_survives_a_thousand_cases()
        {
            byte[] blob = File.ReadAllBytes(Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr"));
            BlobFuzzer.Tally t = new BlobFuzzer(blob, FuzzBlobCommand.DefaultSeed).Run(1000);
            _out.WriteLine($"default model, 1000 cases: {t.FormatErrors} format errors, {t.ModelsBuilt} models built, {t.Crashes} crashes");
            Assert.True(t.Crashes == 0, string.Join(" | ", t.FirstCrashes));
        }

        [Fact]
        public void The_same_seed_gives_the_same_figures()
        {
            byte[] blob = BakedTestBlob.Bytes();
            BlobFuzzer.Tally a = new BlobFuzzer(blob, 7).Run(300), b = new BlobFuzzer(blob, 7).Run(300);
            Assert.Equal((a.FormatErrors, a.ModelsBuilt), (b.FormatErrors, b.ModelsBuilt));
        }

        [Fact]
        public void The_command_prints_the_four_figures()
        {
            string model = Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");
            CliHarness.Result r = CliHarness.InProcess("fuzz-blob", "--cases", "50", "--model", model);
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            Assert.Contains("attempts:      50\n", r.Stdout);
            Assert.Contains("format errors: ", r.Stdout);
            Assert.Contains("models built:  ", r.Stdout);
            Assert.Contains("crashes:       0 ", r.Stdout);
        }
    }
}
