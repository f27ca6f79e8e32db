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
    /// <summary>
    /// Runs training/synth.py --smoke twice with every voice and a minute of negative streams (seed 1,
    /// --jobs 2 and --jobs 1) and a multi-word run with the free voices, once for all tests.
    /// </summary>
    public sealed class SynthesisFixture : IDisposable
    {
        public static readonly string[] DefaultCommands = { "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go" };
        public static readonly string[] HeldOutAccents = { "en-029", "en-gb-scotland" };
        /// <summary>Samples of one clip: 1.5 s at 16 kHz (synth.py's default --clip-seconds).</summary>
        public const int ClipSamples = 24000;

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
            SynthRunner.Ok("--smoke", "--seed", "1", "--jobs", "2", "--voices", "all", "--negative-minutes", "1", "--pool-minutes", "1", "--out", RunA);
            SynthRunner.Ok("--smoke", "--seed", "1", "--jobs", "1", "--voices", "all", "--negative-minutes", "1", "--pool-minutes", "1", "--out", RunB);
            // Commands from a file: one per line, comments and blank lines allowed.
            string words = Path.Combine(Temp, "commands.txt");
            File.WriteAllText(words, "# my commands\nlights on\n\nLights  Off\nstart\n");
            SynthRunner.Ok("--smoke", "--seed", "3", "--splits", "train", "--voices", "free", "--words", words, "--out", MultiWord);
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
        public void EveryClipIs16kMono16BitOneAndAHalfSeconds()
        {
            string[] wavs = ClipFiles(_f.RunA).Select(p => Path.Combine(_f.RunA, p)).ToArray();
            Assert.True(wavs.Length >= 13 * 7, "expected the smoke set, found " + wavs.Length + " WAVs");
            foreach (string wav in wavs)
            {
                short[] samples = WavPcm16.ReadMono16k(wav);
                Assert.Equal(SynthesisFixture.ClipSamples, samples.Length);
            }
        }

        [Fact]
        public void NegativeStreamsAreMinuteLongAndListedWithoutKeywords()
        {
            foreach (string set in new[] { "tune", "test" })
            {
                string folder = Path.Combine(_f.RunA, "negatives", set);
                string[] lines = File.ReadAllLines(Path.Combine(folder, "streams.csv"));
                Assert.Equal("path,label,start,end", lines[0]);
                Assert.Single(lines.Skip(1));
                foreach (string line in lines.Skip(1))
                {
                    string[] c = line.Split(',');
                    Assert.Equal(new[] { "", "", "" }, c.Skip(1));
                    short[] samples = WavPcm16.ReadMono16k(Path.Combine(folder, c[0]));
                    Assert.Equal(60 * 16000, samples.Length);
                    // running speech, not silence: most seconds carry sound well above the noise floor
                    int loud = Enumerable.Range(0, 60).Count(sec => samples.Skip(sec * 16000).Take(16000).Max(v => Math.Abs((int)v)) > 300);
                    Assert.True(loud >= 40, set + ": only " + loud + " of 60 seconds carry sound");
                }
            }
        }

        [Fact]
        public void NegativePoolIsAStreamInTrainingVoicesListedAsUnknownForFeatures()
        {
            string folder = Path.Combine(_f.RunA, "negatives", "pool");
            string[] lines = File.ReadAllLines(Path.Combine(folder, "manifest.csv"));
            Assert.Equal(new[] { "path,label", "stream_000.wav,_unknown_" }, lines);
            Assert.Equal(60 * 16000, WavPcm16.ReadMono16k(Path.Combine(folder, "stream_000.wav")).Length);
            using JsonDocument info = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.RunA, "synth.json")));
            JsonElement pool = info.RootElement.GetProperty("negative_streams").GetProperty("pool");
            Assert.Equal("training voices", pool.GetProperty("voices").GetString());
            Assert.Equal("training windows", pool.GetProperty("use").GetString());
            Assert.Equal(60, pool.GetProperty("seconds").GetInt32());
            // never the held-out voices' sentences: the pool draws on the training half like the tuning streams
            Assert.Equal("held-out false accepts", info.RootElement.GetProperty("negative_streams").GetProperty("test").GetProperty("use").GetString());
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
            Assert.Equal(ClipFiles(_f.RunA).ToHashSet(), listed);
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
        public void TheTargetWordEndsInTheLastHalfSecondWithCarrierWordsAroundIt()
        {
            int checkedClips = 0, withCarrier = 0;
            foreach (string split in Splits)
            {
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => Kind(r) == "command"))
                {
                    string[] span = Aug(r)["target"].Split('-');
                    int start = int.Parse(span[0], System.Globalization.CultureInfo.InvariantCulture);
                    int end = int.Parse(span[1], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(start >= 0 && start < end, r.Path + ": " + r.Augmentation);
                    // 20-450 ms before the clip's end: inside the model's pooled last second.
                    int before = SynthesisFixture.ClipSamples - end;
                    Assert.True(before >= 320 && before <= 7200, r.Path + ": target ends " + before + " samples before the end");
                    Assert.True(end - start <= 15200, r.Path + ": target longer than 0.95 s");
                    Assert.Contains(" " + r.Label + " ", " " + r.Text + " ");
                    if (r.Text != r.Label) withCarrier++;
                    short[] s = WavPcm16.ReadMono16k(Path.Combine(_f.RunA, r.Path));
                    Assert.True(Rms(s, start, end) > 0, r.Path + ": the target span is silent");
                    checkedClips++;
                }
            }
            Assert.True(checkedClips >= 20, "only " + checkedClips + " command clips");
            Assert.True(withCarrier >= 3, "only " + withCarrier + " command clips with carrier words");
        }

        [Fact]
        public void NoSpeechClipSitsInDigitalSilence()
        {
            foreach (string split in Splits)
            {
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => r.Label != "_silence_"))
                {
                    short[] s = WavPcm16.ReadMono16k(Path.Combine(_f.RunA, r.Path));
                    int zeros = s.Count(v => v == 0);
                    Assert.True(zeros < s.Length / 4, r.Path + ": " + zeros + " zero samples (" + r.Augmentation + ")");
                }
            }
        }

        [Fact]
        public void UnknownClipsMixSentencesNearMissesPartialsAndWords()
        {
            var kinds = new HashSet<string>();
            foreach (string split in new[] { "train", "val" })
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => r.Label == "_unknown_")) kinds.Add(Kind(r));
            foreach (string split in Splits)
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => Kind(r) == "sentence"))
                    Assert.Empty(r.Text.Split(' ').Intersect(SynthesisFixture.DefaultCommands));
            Assert.Contains("sentence", kinds);
            Assert.Contains("word", kinds);
            Assert.True(kinds.Contains("near-miss") || kinds.Contains("partial"), "kinds: " + string.Join(",", kinds));
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
                foreach (ManifestRow r in rows)
                {
                    Assert.Contains(r.Engine, new[] { "espeak-ng", "flite", "rhvoice", "pico", "festival", "gnuspeech" });
                    string voice = r.Voice.Split(' ')[0];
                    Assert.DoesNotContain(voice.Split('+')[0], SynthesisFixture.HeldOutAccents);
                    Assert.DoesNotContain(voice, ReservedVoices);
                }
            }
            var families = Manifest(_f.RunA, "train").Concat(Manifest(_f.RunA, "val")).Where(r => r.Engine != "none")
                .Select(r => r.Engine == "espeak-ng" && r.Voice.StartsWith("mb-", StringComparison.Ordinal) ? "mbrola" : r.Engine).ToHashSet();
            Assert.True(families.Count >= 4, "--voices all used only " + string.Join(",", families));
        }

        /// <summary>Festival's test voices and their speakers in other engines (flite kal/slt, RHVoice slt).</summary>
        private static readonly string[] ReservedVoices = { "kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts", "kal", "kal16", "slt" };

        [Fact]
        public void FreeVoicesAreOnlyThoseALicenceLetsAUserShip()
        {
            foreach (ManifestRow r in Manifest(_f.MultiWord, "train").Where(r => r.Engine != "none"))
            {
                Assert.Contains(r.Engine, new[] { "espeak-ng", "flite", "rhvoice", "gnuspeech" });
                string voice = r.Voice.Split(' ')[0];
                Assert.False(voice.StartsWith("mb-", StringComparison.Ordinal), "MBROLA voice in a free set: " + r.Voice);
                if (r.Engine == "rhvoice") Assert.Contains(voice, new[] { "alan", "bdl", "clb" });
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
                foreach (ManifestRow r in Manifest(_f.RunA, split).Where(r => r.Label == "_unknown_" && Kind(r) == "word"))
                    Assert.Contains(r.Text.Split(' '), w => unknown.Contains(w));
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
            Assert.All(rows.Where(r => r.Label == "lights on"), r => Assert.Contains("lights on", r.Text));
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

        private static string Kind(ManifestRow r) => Aug(r)["kind"];

        private static Dictionary<string, string> Aug(ManifestRow r) => r.Augmentation.Split(';').Select(a => a.Split('='))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First().Length > 1 ? g.First()[1] : "");

        private static double Rms(short[] s, int from, int to)
        {
            double sum = 0;
            for (int i = from; i < to; i++) sum += (double)s[i] * s[i];
            return Math.Sqrt(sum / Math.Max(1, to - from));
        }

        /// <summary>The clips' WAVs (relative, '/'), without the negative streams.</summary>
        private static IEnumerable<string> ClipFiles(string root) => Directory.GetFiles(root, "*.wav", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Where(p => !p.StartsWith("negatives/", StringComparison.Ordinal));

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
