using System;
using System.IO;
using System.Linq;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Training;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    public class FeaturesCommandTests
    {
        private static CliHarness.Result Features(params string[] args) => CliHarness.InProcess(new[] { "features" }.Concat(args).ToArray());

        [Fact]
        public void WritesTheFrontendFramesOfEveryClipWithLabelsAndClasses()
        {
            var set = new FeaturesTestSet();
            string npy = set.Out("train.npy");
            CliHarness.Result r = Features(set.Manifest, "--out", npy);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("features: 4 clips x 98 frames x 40 int16", r.Stdout);
            Assert.Contains("(1 padded, 3 cropped to 15920 samples)", r.Stdout);   // the samples are 1.4-4.1 s long

            NpyArray a = NpyArray.Read(npy);
            Assert.Equal("<i2", a.Descr);
            Assert.Equal(new[] { 4, 98, 40 }, a.Shape);
            for (int clip = 0; clip < 4; clip++)
            {
                short[][] expected = FeaturesTestSet.Expected(Path.Combine(set.Folder, FeaturesTestSet.Files[clip]), 98);
                for (int t = 0; t < 98; t++)
                    for (int m = 0; m < 40; m++)
                        Assert.Equal(expected[t][m], a.Values[(clip * 98 + t) * 40 + m]);
            }
            // Default class order: the labels seen, ordinal; labels file: one class number per clip.
            Assert.Equal(new[] { "stop", "yes" }, File.ReadAllLines(set.Out("train.classes.txt")));
            Assert.Equal(new[] { "1", "0", "1", "1" }, File.ReadAllLines(set.Out("train.labels.txt")));
        }

        [Fact]
        public void TheClipsReallyAreOfDifferentLengths()
        {
            // Guards the padding/cropping test above: the half clip is shorter and commands.wav longer than 1 s.
            var set = new FeaturesTestSet();
            Assert.Equal(8000, FeaturesTestSet.SampleCount(Path.Combine(set.Folder, "clips/half.wav")));
            Assert.True(FeaturesTestSet.SampleCount(Path.Combine(set.Folder, "clips/commands.wav")) > 32000);
            // The padded frames past the clip's end are digital silence: 0 in every channel.
            NpyArray a = Run(set, "--out", set.Out("f.npy"));
            int lastFrame = 97;
            for (int m = 0; m < 40; m++) Assert.Equal(0, a.Values[(3 * 98 + lastFrame) * 40 + m]);
        }

        [Fact]
        public void NumPyReadsTheFileWithTheSameShapeTypeAndValues()
        {
            SynthRunner.RequireTools();
            var set = new FeaturesTestSet();
            string npy = set.Out("np.npy");
            NpyArray a = Run(set, "--out", npy);
            var r = SynthRunner.Run("-c", "import sys, numpy as np; a = np.load(sys.argv[1]); print(a.dtype.str, a.shape, int(a.astype(np.int64).sum()), int(a[2, 50, 7]))", npy);
            Assert.True(r.ExitCode == 0, r.Stderr);
            long sum = 0;
            foreach (double v in a.Values) sum += (long)v;
            Assert.Equal("<i2 (4, 98, 40) " + sum + " " + a.Values[(2 * 98 + 50) * 40 + 7], r.Stdout.Trim());
        }

        [Fact]
        public void HeaderIsNumPyFormat1WithTheDataAlignedTo64Bytes()
        {
            byte[] pre = NpyWriter.Preamble("<i2", new[] { 4, 98, 40 });
            Assert.Equal(0, pre.Length % 64);
            Assert.Equal(NpyWriter.Magic, pre.Take(6).ToArray());
            Assert.Equal(1, pre[6]);
            Assert.Equal(0, pre[7]);
            Assert.Equal(pre.Length - 10, pre[8] | pre[9] << 8);
            Assert.Equal((byte)'\n', pre[pre.Length - 1]);
            string header = System.Text.Encoding.ASCII.GetString(pre, 10, pre.Length - 10).TrimEnd();
            Assert.Equal("{'descr': '<i2', 'fortran_order': False, 'shape': (4, 98, 40), }", header);
            Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (5, ), }", NpyWriter.HeaderDict("<f4", new[] { 5 }));
        }

        [Fact]
        public void OutputDoesNotDependOnTheThreadCount()
        {
            var set = new FeaturesTestSet();
            Assert.Equal(0, Features(set.Manifest, "--out", set.Out("one.npy"), "--jobs", "1").ExitCode);
            Assert.Equal(0, Features(set.Manifest, "--out", set.Out("two.npy"), "--jobs", "2").ExitCode);
            Assert.Equal(File.ReadAllBytes(set.Out("one.npy")), File.ReadAllBytes(set.Out("two.npy")));
            Assert.Equal(File.ReadAllBytes(set.Out("one.labels.txt")), File.ReadAllBytes(set.Out("two.labels.txt")));
        }

        [Fact]
        public void FramesOptionCropsToThePrefix()
        {
            var set = new FeaturesTestSet();
            NpyArray full = Run(set, "--out", set.Out("full.npy"));
            NpyArray short50 = Run(set, "--out", set.Out("f50.npy"), "--frames", "50");
            Assert.Equal(new[] { 4, 50, 40 }, short50.Shape);
            for (int clip = 0; clip < 4; clip++)
                for (int i = 0; i < 50 * 40; i++)
                    Assert.Equal(full.Values[clip * 98 * 40 + i], short50.Values[clip * 50 * 40 + i]);
        }

        [Fact]
        public void ClassesFromSynthJsonSetTheOrderAndLabelsFileNameIsAnOption()
        {
            var set = new FeaturesTestSet();
            string json = set.Write("synth.json.txt.json", "{\"labels\": [\"_silence_\", \"_unknown_\", \"yes\", \"no\", \"stop\"]}");
            string labels = set.Out("my-labels.txt");
            Assert.Equal(0, Features(set.Manifest, "--out", set.Out("c.npy"), "--classes", json, "--labels", labels).ExitCode);
            Assert.Equal(new[] { "_silence_", "_unknown_", "yes", "no", "stop" }, File.ReadAllLines(set.Out("c.classes.txt")));
            Assert.Equal(new[] { "2", "4", "2", "2" }, File.ReadAllLines(labels));
            string text = set.Write("classes.txt", "yes\nstop\n\n");
            Assert.Equal(0, Features(set.Manifest, "--out", set.Out("d.npy"), "--classes", text).ExitCode);
            Assert.Equal(new[] { "0", "1", "0", "0" }, File.ReadAllLines(set.Out("d.labels.txt")));
        }

        [Fact]
        public void FolderPerLabelInput()
        {
            var set = new FeaturesTestSet();
            string root = Path.Combine(set.Folder, "bylabel");
            Directory.CreateDirectory(Path.Combine(root, "yes"));
            Directory.CreateDirectory(Path.Combine(root, "stop"));
            File.Copy(Path.Combine(set.Folder, "clips/yes.wav"), Path.Combine(root, "yes", "a.wav"));
            File.Copy(Path.Combine(set.Folder, "clips/half.wav"), Path.Combine(root, "yes", "b.wav"));
            File.Copy(Path.Combine(set.Folder, "clips/stop.wav"), Path.Combine(root, "stop", "a.wav"));
            NpyArray a = Run(set, "--out", set.Out("dir.npy"), root);
            Assert.Equal(new[] { 3, 98, 40 }, a.Shape);
            Assert.Equal(new[] { "stop", "yes" }, File.ReadAllLines(set.Out("dir.classes.txt")));
            Assert.Equal(new[] { "0", "1", "1" }, File.ReadAllLines(set.Out("dir.labels.txt")));
            short[][] stop = FeaturesTestSet.Expected(Path.Combine(root, "stop", "a.wav"), 98);
            Assert.Equal(stop[40][10], a.Values[40 * 40 + 10]);
        }

        [Fact]
        public void SynthManifestPathsAreRelativeToTheSynthOutputFolder()
        {
            var set = new FeaturesTestSet();
            // OUT/synth.json + OUT/train/manifest.csv listing train/<label>/<i>.wav, as synth.py writes them.
            string outDir = Path.Combine(set.Folder, "synth");
            Directory.CreateDirectory(Path.Combine(outDir, "train", "yes"));
            File.Copy(Path.Combine(set.Folder, "clips/yes.wav"), Path.Combine(outDir, "train", "yes", "00000.wav"));
            File.WriteAllText(Path.Combine(outDir, "synth.json"), "{\"labels\": [\"_silence_\", \"_unknown_\", \"yes\"]}");
            string manifest = Path.Combine(outDir, "train", "manifest.csv");
            File.WriteAllText(manifest, "path,label,text,engine,voice,seed,augmentation\ntrain/yes/00000.wav,yes,yes,espeak-ng,en-us+m1,1,\n");
            CliHarness.Result r = Features(manifest, "--out", set.Out("s.npy"), "--classes", Path.Combine(outDir, "synth.json"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(new[] { "2" }, File.ReadAllLines(set.Out("s.labels.txt")));
        }

        [Theory]
        [InlineData("", "empty manifest")]
        [InlineData("\n\n", "empty manifest")]
        [InlineData("file,label\nclips/yes.wav,yes\n", "line 1: header has no 'path' column")]
        [InlineData("path,class\nclips/yes.wav,yes\n", "line 1: header has no 'label' column")]
        [InlineData("path,label\n", "no rows after the header")]
        [InlineData("path,text,label\nclips/yes.wav,yes,yes\nclips/stop.wav,stop\n", "line 3: 2 fields, the header has 3")]
        [InlineData("path,label\nclips/yes.wav,\n", "line 2: empty label")]
        [InlineData("path,label\n,yes\n", "line 2: empty path")]
        [InlineData("path,label\n\"clips/yes.wav,yes\n", "line 2: a quoted field never ends")]
        [InlineData("path,label\nclips/yes.wav,yes\nclips/nothere.wav,yes\n", "line 3: file not found: clips/nothere.wav")]
        [InlineData("path,label\nmanifest.csv,yes\n", "manifest.csv: not a WAV file")]
        [InlineData("path,label,start,end\nclips/yes.wav,yes,0,1\n", "line 1: a stream manifest (start and end columns); features need clips (path,label)")]
        public void BadManifestsAreOneLineErrors(string manifest, string expected)
        {
            var set = new FeaturesTestSet();
            string path = set.Write("manifest.csv", manifest);
            CliHarness.Result r = Features(path, "--out", set.Out("bad.npy"));
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.StartsWith("edge-asr: ", r.Stderr);
            Assert.Contains(expected, r.Stderr);
            Assert.False(File.Exists(set.Out("bad.npy")), "no output after an error");
        }

        [Fact]
        public void UnknownLabelNamesTheRowAndTheClassList()
        {
            var set = new FeaturesTestSet();
            string classes = set.Write("classes.txt", "yes\nno\n");
            CliHarness.Result r = Features(set.Manifest, "--out", set.Out("u.npy"), "--classes", classes);
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Equal("edge-asr: " + set.Manifest + " line 3: label 'stop' is not in the class list (" + classes + ")", r.Stderr.TrimEnd());
        }

        [Theory]
        [InlineData("nope", "no such manifest file or folder")]
        [InlineData("emptydir", "no .wav files in label sub-folders")]
        public void MissingInputsAreOneLineErrors(string input, string expected)
        {
            var set = new FeaturesTestSet();
            Directory.CreateDirectory(Path.Combine(set.Folder, "emptydir", "yes"));
            CliHarness.Result r = Features(Path.Combine(set.Folder, input), "--out", set.Out("m.npy"));
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.Contains(expected, r.Stderr);
        }

        [Theory]
        [InlineData("classes.json", "{\"words\": []}", "expected a JSON object with a \"labels\" array")]
        [InlineData("classes.json", "{\"labels\": [", "not valid JSON")]
        [InlineData("classes.txt", "yes\nstop\nyes\n", "class 'yes' is listed twice")]
        [InlineData("classes.txt", "\n", "the class list is empty")]
        public void BadClassListsAreOneLineErrors(string name, string text, string expected)
        {
            var set = new FeaturesTestSet();
            CliHarness.Result r = Features(set.Manifest, "--out", set.Out("k.npy"), "--classes", set.Write(name, text));
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.Contains(expected, r.Stderr);
        }

        [Theory]
        [InlineData("--frames", "0", "--frames must be at least 1, got 0")]
        [InlineData("--jobs", "0", "--jobs must be at least 1, got 0")]
        public void BadCountsAreOneLineErrors(string option, string value, string expected)
        {
            var set = new FeaturesTestSet();
            CliHarness.Result r = Features(set.Manifest, "--out", set.Out("n.npy"), option, value);
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Equal("edge-asr: " + expected, r.Stderr.TrimEnd());
        }

        [Fact]
        public void MissingOutIsAUsageError()
        {
            var set = new FeaturesTestSet();
            CliHarness.Result r = Features(set.Manifest);
            Assert.Equal(ExitCodes.Usage, r.ExitCode);
            Assert.Contains("--out", r.Stderr);
        }

        private static NpyArray Run(FeaturesTestSet set, params string[] args)
        {
            string[] all = args.Length % 2 == 1 ? new[] { args[^1] }.Concat(args.Take(args.Length - 1)).ToArray() : new[] { set.Manifest }.Concat(args).ToArray();
            CliHarness.Result r = Features(all);
            Assert.True(r.ExitCode == 0, r.Stderr);
            return NpyArray.Read(all[Array.IndexOf(all, "--out") + 1]);
        }
    }
}
