using System;
using System.IO;
using Edge.Asr.Tests.Eval;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>
    /// scripts/stream-recall.py: command clips joined into one stream and run as the device does; a clip counts as
    /// heard only when its own label is detected in it (a "yes" in a clip labelled "no" is another detection), and
    /// --negatives adds the false accepts per hour on command-free streams. Runs this build's edge-asr.dll (EDGE_ASR)
    /// on three copies of samples/yes.wav with the shipped model, which hears all three in a row.
    /// </summary>
    public sealed class StreamRecallScriptTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "edge-asr-stream-recall-" + Guid.NewGuid().ToString("N"));

        public StreamRecallScriptTests()
        {
            Directory.CreateDirectory(Path.Combine(_dir, "data", "test"));
            Directory.CreateDirectory(Path.Combine(_dir, "data", "clips"));
            foreach (string c in new[] { "a", "b", "c" }) File.Copy(CliHarness.Sample("yes.wav"), Path.Combine(_dir, "data", "clips", c + ".wav"));
            File.WriteAllText(Path.Combine(_dir, "data", "test", "manifest.csv"),
                "path,label\nclips/a.wav,yes\nclips/b.wav,yes\nclips/c.wav,no\nclips/a.wav,_unknown_\n");
            EvalFiles.WriteWav(Path.Combine(_dir, "quiet.wav"), new short[32000]);
            File.WriteAllText(Path.Combine(_dir, "streams.csv"), "path,label,start,end\nquiet.wav,,,\n");
        }

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
            CliHarness.RunScriptWithThisBuild("stream-recall.py", args);

        [Fact]
        public void HeardWordsOtherDetectionsAndFalseAcceptsAreCounted()
        {
            string model = Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");
            var r = Run("--negatives", Path.Combine(_dir, "streams.csv"), Path.Combine(_dir, "data", "test", "manifest.csv"), Path.Combine(_dir, "out"), model);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(model + ": 2 of 3 command clips heard in 1 streams (66.7 %), 1 other detections; "
                + "0 false accepts in 0.001 h of negatives (0.00 per hour)", r.Stdout.Trim());
            Assert.True(File.Exists(Path.Combine(_dir, "out", "s000.wav")));
        }

        [Fact]
        public void MissingNegativesAreNamed()
        {
            var r = Run("--negatives", Path.Combine(_dir, "none.csv"), Path.Combine(_dir, "data", "test", "manifest.csv"), Path.Combine(_dir, "out"), "m.easr");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Equal("stream-recall: " + Path.Combine(_dir, "none.csv") + ": no such file", r.Stderr.Trim());
        }
    }
}
