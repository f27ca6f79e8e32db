using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>Runs training/synth.py --smoke twice (seed 1, --jobs 2 and --jobs 1) and a multi-word run, once for all tests.</summary>
    public sealed class SynthesisFixture : IDisposable
    {
        public static readonly string[] DefaultCommands = { "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go" };
        public static readonly string[] HeldOutAccents = { "en-029", "en-gb-scotland" };

        public string Temp { get; }
        public string RunA { get; }
        public string RunB { get; }
        public string MultiWord { get; }

        public SynthesisFixture()
        {
            SynthRunner.RequireTools();
            Temp = Path.Combine(Path.GetTempPath(), "edge-asr-synth-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Temp);
            RunA = Path.Combine(Temp, "a");
            RunB = Path.Combine(Temp, "b");
            MultiWord = Path.Combine(Temp, "multi");
            SynthRunner.Ok("--smoke", "--seed", "1", "--jobs", "2", "--out", RunA);
            SynthRunner.Ok("--smoke", "--seed", "1", "--jobs", "1", "--out", RunB);
            // Commands from a file: one per line, comments and blank lines allowed.
            string words = Path.Combine(Temp, "commands.txt");
            File.WriteAllText(words, "# my commands\nlights on\n\nLights  Off\nstart\n");
            SynthRunner.Ok("--smoke", "--seed", "3", "--splits", "train", "--words", words, "--out", MultiWord);
        }

        public void Dispose()
        {
            try { Directory.Delete(Temp, true); } catch (IOException) { }
        }
    }

    /// <summary>Runs the synthesis script as a subprocess with Debian's python3.</summary>
    public static class SynthRunner
    {
        public const string Python = "/usr/bin/python3";

        public static string Script => Path.Combine(RepoLayout.Root, "training", "synth.py");

        /// <summary>Fails with a message naming ./test.sh when a tool the script needs is absent.</summary>
        public static void RequireTools()
        {
            var missing = new List<string>();
            if (!File.Exists(Python)) missing.Add(Python);
            foreach (string tool in new[] { "espeak-ng", "flite", "sox", "festival" })
            {
                if (!File.Exists("/usr/bin/" + tool)) missing.Add(tool);
            }
            if (!Directory.Exists("/usr/share/sounds/freedesktop/stereo")) missing.Add("sound-theme-freedesktop");
            if (missing.Count == 0 && Run("-c", "import numpy").ExitCode != 0) missing.Add("python3-numpy");
            if (missing.Count > 0)
                throw new InvalidOperationException("missing " + string.Join(", ", missing) + ": run ./test.sh to install the Debian packages");
        }

        public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
        {
            var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + Python);
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout, stderr.Result);
        }

        public static void Ok(params string[] args)
        {
            var r = Run(new[] { Script }.Concat(args).ToArray());
            if (r.ExitCode != 0)
                throw new InvalidOperationException("synth.py " + string.Join(" ", args) + " exited " + r.ExitCode + ": " + r.Stderr);
        }
    }

    /// <summary>One manifest row.</summary>
    public sealed record ManifestRow(string Split, string Path, string Label, string Text, string Engine, string Voice, string Augmentation);

    public class SynthesisTests : IClassFixture<SynthesisFixture>
    {
        private static readonly string[] Splits = { "train", "val", "test" };
        private readonly SynthesisFixture _f;

        public SynthesisTests(SynthesisFixture f) { _f = f; }

        [Fact]
        public void EveryWavIs16kMono16BitOneSecond()
        {
            string[] wavs = Directory.GetFiles(_f.RunA, "*.wav", SearchOption.AllDirectories);
            Assert.True(wavs.Length >= 13 * 7, "expected the smoke set, found " + wavs.Length + " WAVs");
            foreach (string wav in wavs)
            {
                short[] samples = WavPcm16.ReadMono16k(wav);
                Assert.Equal(16000, samples.Length);
            }
        }

        [Fact]
        public void ManifestRowsMatchFilesAndLabels()
        {
            var expectedLabels = new HashSet<string>(SynthesisFixture.DefaultCommands) { "_silence_", "_unknown_" };
            var listed = new HashSet<string>();
            foreach (string split in Splits)
            {
                List<ManifestRow> rows = Manifest(_f.RunA, split);
                Assert.Equal(expectedLabels, rows.Select(r => r.Label).ToHashSet());
                foreach (ManifestRow r in rows)
                {
                    Assert.StartsWith(split + "/" + r.Label.Replace(' ', '_') + "/", r.Path);
                    Assert.True(listed.Add(r.Path), "listed twice: " + r.Path);
                }
            }
            var files = Directory.GetFiles(_f.RunA, "*.wav", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(_f.RunA, p).Replace('\\', '/')).ToHashSet();
            Assert.Equal(files, listed);
        }

        [Fact]
        public void SpeechClipsHaveSoundAndSilenceClipsHaveNoVoice()
        {
            foreach (string split in Splits)
            {
                foreach (ManifestRow r in Manifest(_f.RunA, split))
                {
                    short[] s = WavPcm16.ReadMono16k(Path.Combine(_f.RunA, r.Path));
                    if (r.Label == "_silence_")
                    {
                        Assert.Equal("none", r.Engine);
                        Assert.Equal("", r.Text);
                        continue;
                    }
                    int peak = s.Max(v => Math.Abs((int)v));
                    Assert.True(peak > 100, r.Path + " peak " + peak);
                }
            }
        }

        [Fact]
        public void CleanSpeechIsPlacedInsideItsWindowWithSilenceAround()
        {
            int checkedClips = 0;
            foreach (string split in Splits)
            {
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => r.Engine != "none"))
                {
                    Dictionary<string, string> aug = r.Augmentation.Split(';').Select(a => a.Split('='))
                        .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
                    int offset = int.Parse(aug["offset"], System.Globalization.CultureInfo.InvariantCulture);
                    int length = int.Parse(aug["length"], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(offset >= 0 && length > 0 && offset + length <= 16000, r.Path + ": " + r.Augmentation);
                    Assert.True(length <= 14400, r.Path + ": speech longer than 0.9 s");
                    if (aug.ContainsKey("noise") || aug.ContainsKey("reverb") || aug.ContainsKey("telephone")) continue;
                    short[] s = WavPcm16.ReadMono16k(Path.Combine(_f.RunA, r.Path));
                    for (int i = 0; i < 16000; i++)
                    {
                        if (i < offset || i >= offset + length) Assert.True(s[i] == 0, r.Path + ": sample " + i + " outside the speech is " + s[i]);
                    }
                    Assert.Contains(s.Skip(offset).Take(length), v => v != 0);
                    checkedClips++;
                }
            }
            Assert.True(checkedClips >= 5, "only " + checkedClips + " clean clips in the smoke set");
        }

        [Fact]
        public void TestSplitUsesOnlyFestivalAndHeldOutAccents()
        {
            List<ManifestRow> test = Manifest(_f.RunA, "test").Where(r => r.Engine != "none").ToList();
            Assert.Contains(test, r => r.Engine == "festival");
            Assert.Contains(test, r => r.Engine == "espeak-ng");
            foreach (ManifestRow r in test)
            {
                bool heldOut = r.Engine == "espeak-ng" && SynthesisFixture.HeldOutAccents.Contains(r.Voice.Split('+')[0]);
                Assert.True(r.Engine == "festival" || heldOut, "test voice " + r.Engine + " " + r.Voice);
            }
        }

        [Fact]
        public void TrainAndValNeverUseFestivalOrHeldOutAccents()
        {
            foreach (string split in new[] { "train", "val" })
            {
                List<ManifestRow> rows = Manifest(_f.RunA, split).Where(r => r.Engine != "none").ToList();
                Assert.Contains(rows, r => r.Engine == "flite");
                foreach (ManifestRow r in rows)
                {
                    Assert.Contains(r.Engine, new[] { "espeak-ng", "flite" });
                    Assert.DoesNotContain(r.Voice.Split('+')[0], SynthesisFixture.HeldOutAccents);
                }
            }
        }

        [Fact]
        public void UnknownWordsExcludeCommands()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.RunA, "synth.json")));
            string[] unknown = doc.RootElement.GetProperty("unknown_words").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.True(unknown.Length >= 150, "only " + unknown.Length + " unknown words");
            Assert.Empty(unknown.Intersect(SynthesisFixture.DefaultCommands));
            // Near misses stay in; true homophones of a command (write/right) are dropped.
            Assert.Contains("yet", unknown);
            Assert.Contains("lift", unknown);
            Assert.DoesNotContain("write", unknown);
            foreach (string split in Splits)
            {
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => r.Label == "_unknown_"))
                    Assert.Contains(r.Text, unknown);
            }
        }

        [Fact]
        public void SameSeedGivesByteIdenticalOutputWhateverTheJobs()
        {
            Dictionary<string, string> a = Hashes(_f.RunA);
            Dictionary<string, string> b = Hashes(_f.RunB);
            Assert.Equal(a.Keys.OrderBy(k => k, StringComparer.Ordinal), b.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var kv in a) Assert.True(kv.Value == b[kv.Key], kv.Key + " differs between runs");
        }

        [Fact]
        public void MultiWordCommandsAreLabelsAndTheirWordsLeaveTheUnknownList()
        {
            List<ManifestRow> rows = Manifest(_f.MultiWord, "train");
            Assert.Equal(new HashSet<string> { "_silence_", "_unknown_", "lights on", "lights off", "start" }, rows.Select(r => r.Label).ToHashSet());
            Assert.All(rows.Where(r => r.Label == "lights on"), r => Assert.Equal("lights on", r.Text));
            Assert.All(rows.Where(r => r.Label == "lights on"), r => Assert.StartsWith("train/lights_on/", r.Path));
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.MultiWord, "synth.json")));
            string[] unknown = doc.RootElement.GetProperty("unknown_words").EnumerateArray().Select(e => e.GetString()!).ToArray();
            string[] excluded = doc.RootElement.GetProperty("unknown_excluded_as_commands").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Contains("start", excluded);
            Assert.Empty(unknown.Intersect(new[] { "lights", "on", "off", "start" }));
            Assert.Contains("one", unknown);
            Assert.False(Directory.Exists(Path.Combine(_f.MultiWord, "test")));
        }

        [Theory]
        [InlineData("empty", "--words", "")]
        [InlineData("duplicate", "--words", "yes,no,yes")]
        [InlineData("not a word", "--words", "yes,n0")]
        [InlineData("bad split", "--splits", "train,dev")]
        public void BadArgumentsGiveOneLineErrorAndNonZeroExit(string why, string option, string value)
        {
            var r = SynthRunner.Run(SynthRunner.Script, "--smoke", "--out", Path.Combine(_f.Temp, "bad"), option, value);
            AssertOneLineError(why, r);
        }

        [Fact]
        public void ExplicitUnknownListContainingACommandIsRefused()
        {
            string list = Path.Combine(_f.Temp, "unknown.txt");
            File.WriteAllText(list, "lamp\nbanana\non\n");
            var r = SynthRunner.Run(SynthRunner.Script, "--smoke", "--words", "lights on,lights off", "--unknown-words", list, "--out", Path.Combine(_f.Temp, "bad2"));
            AssertOneLineError("unknown list holds 'on'", r);
            Assert.Contains("'on'", r.Stderr);
        }

        [Fact]
        public void NonEmptyOutputFolderIsRefused()
        {
            var r = SynthRunner.Run(SynthRunner.Script, "--smoke", "--out", _f.RunA);
            AssertOneLineError("--out not empty", r);
            Assert.Contains("not empty", r.Stderr);
        }

        private static void AssertOneLineError(string why, (int ExitCode, string Stdout, string Stderr) r)
        {
            Assert.True(r.ExitCode != 0, why + ": exit code 0");
            string[] lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, why + ": stderr has " + lines.Length + " lines: " + r.Stderr);
            Assert.StartsWith("synth.py: error: ", lines[0]);
        }

        private static Dictionary<string, string> Hashes(string root)
        {
            var d = new Dictionary<string, string>();
            foreach (string file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
                d[Path.GetRelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            return d;
        }

        private static List<ManifestRow> Manifest(string root, string split)
        {
            string[] lines = File.ReadAllLines(Path.Combine(root, split, "manifest.csv"));
            Assert.Equal("path,label,text,engine,voice,seed,augmentation", lines[0]);
            var rows = new List<ManifestRow>();
            foreach (string line in lines.Skip(1))
            {
                // No field holds a comma or quote (words are letters, apostrophes, hyphens, spaces).
                string[] c = line.Split(',');
                Assert.Equal(7, c.Length);
                rows.Add(new ManifestRow(split, c[0], c[1], c[2], c[3], c[4], c[6]));
            }
            return rows;
        }
    }
}
