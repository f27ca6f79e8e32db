using System;
using System.Collections.Generic;
using System.IO;
using Edge.Asr.Tests.Eval;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>
    /// scripts/float-recall.py: a training export's float model over this build's log-mel (EDGE_ASR) with the device's
    /// detector rules. The shipped default's export hears samples/yes.wav in the two clips labelled yes, not in the one
    /// labelled no; a yes.wav among the negatives is a false accept, digital silence is none.
    /// </summary>
    public sealed class FloatRecallScriptTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "edge-asr-float-recall-" + Guid.NewGuid().ToString("N"));

        public FloatRecallScriptTests()
        {
            Directory.CreateDirectory(Path.Combine(_dir, "clips"));
            foreach (string c in new[] { "a", "b", "c" }) File.Copy(CliHarness.Sample("yes.wav"), Path.Combine(_dir, "clips", c + ".wav"));
            File.WriteAllText(Path.Combine(_dir, "keywords.csv"), "path,label\nclips/a.wav,yes\nclips/b.wav,yes\nclips/c.wav,no\nclips/a.wav,_unknown_\n");
            EvalFiles.WriteWav(Path.Combine(_dir, "quiet.wav"), new short[32000]);
            File.WriteAllText(Path.Combine(_dir, "negatives.csv"), "path,label,start,end\nquiet.wav,,,\nclips/a.wav,,,\n");
        }

        public void Dispose()
        {
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }

        private (int ExitCode, string Stdout, string Stderr) Run(string keywords, params string[] exports)
        {
            var args = new List<string> { "--keywords", keywords, "--negatives", Path.Combine(_dir, "negatives.csv"), "--work", Path.Combine(_dir, "work") };
            args.AddRange(exports);
            return CliHarness.RunScriptWithThisBuild("float-recall.py", args.ToArray());
        }

        [Fact]
        public void HeardWordsAndFalseAcceptsAreCountedAtEveryThreshold()
        {
            string export = Path.Combine(CliHarness.RepositoryRoot(), "weights", "default");
            var r = Run(Path.Combine(_dir, "keywords.csv"), export);
            Assert.True(r.ExitCode == 0, r.Stderr);
            string[] lines = r.Stdout.Trim().Split('\n');
            Assert.StartsWith("keywords: 3 in ", lines[0]);
            Assert.Contains("; negatives: 2 streams, ", lines[0]);
            Assert.Equal(export + " (int16 log2 Q8 minus running mean 2^-6)", lines[2]);
            // One false accept (the yes among the negatives) in 2 s of silence plus yes.wav's length.
            double hours = (2.0 + CliHarness.PcmOf(CliHarness.Sample("yes.wav")).Length / 32000.0) / 3600.0;
            Assert.Equal(13, lines.Length - 4);
            Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, "     0.50    2/  3 =  66.7 %              1  {0,8:F2}", 1 / hours), lines[4]);
        }

        [Fact]
        public void MissingManifestAndExportAreNamed()
        {
            var r = Run(Path.Combine(_dir, "none.csv"), "x");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Equal("float-recall: " + Path.Combine(_dir, "none.csv") + ": no such file", r.Stderr.Trim());
            r = Run(Path.Combine(_dir, "keywords.csv"), Path.Combine(_dir, "nothing"));
            Assert.NotEqual(0, r.ExitCode);
            Assert.Equal("float-recall: " + Path.Combine(_dir, "nothing") + ": no config.json (a training export folder)", r.Stderr.Trim());
        }
    }
}
