using System.IO;
using System.Linq;
using Edge.Asr.Sim.Eval;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    public sealed class EvalManifestTests
    {
        private static (string Dir, string Csv) Folder(string text, params string[] wavs)
        {
            string dir = EvalFiles.NewFolder();
            foreach (string w in wavs) EvalFiles.WriteWav(Path.Combine(dir, w), EvalFiles.Tone(500, 0.1));
            string csv = Path.Combine(dir, "m.csv");
            File.WriteAllText(csv, text);
            return (dir, csv);
        }

        private static string Error(string text, params string[] wavs)
        {
            var (_, csv) = Folder(text, wavs);
            return Assert.Throws<EvalInputException>(() => EvalManifest.Load(csv)).Message.Replace(csv, "M");
        }

        [Fact]
        public void Clip_manifest_with_extra_columns_quotes_and_crlf()
        {
            var (dir, csv) = Folder("path,label,text,voice\r\na.wav,yes,\"yes, please\",en\r\n\"sub/b.wav\",lights on,\"say \"\"x\"\"\nnext line\",f\r\n", "a.wav", "sub/b.wav");
            EvalManifest m = EvalManifest.Load(csv);
            Assert.Equal(new[] { "yes", "lights on" }, m.Clips.Select(c => c.Label).ToArray());
            Assert.Equal(Path.Combine(dir, "sub/b.wav"), m.Clips[1].Path);
            Assert.Equal(csv + " line 3", m.Clips[1].Where);
            Assert.Empty(m.Streams);
        }

        [Fact]
        public void Synth_manifests_list_paths_relative_to_the_folder_above()
        {
            // training/synth.py: OUT/test/manifest.csv lists test/yes/00000.wav (relative to OUT).
            string root = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(root, "test", "lights_on", "00000.wav"), EvalFiles.Tone(500, 0.1));
            string csv = Path.Combine(root, "test", "manifest.csv");
            File.WriteAllText(csv, "path,label,text,engine,voice,seed,augmentation\ntest/lights_on/00000.wav,lights on,lights on,espeak-ng,en,1,gain=1\n");
            EvalManifest m = EvalManifest.Load(csv);
            Assert.True(File.Exists(m.Clips[0].Path));
            Assert.Equal("lights on", m.Clips[0].Label);
        }

        [Fact]
        public void Folder_names_map_to_labels_like_synth_py()
        {
            string dir = EvalFiles.NewFolder();
            foreach (string f in new[] { "_silence_/1.wav", "lights_on/2.WAV", "yes/3.wav", "yes/notes.txt", ".hidden/4.wav" })
                EvalFiles.WriteWav(Path.Combine(dir, f), EvalFiles.Tone(500, 0.1));
            EvalManifest m = EvalManifest.Load(dir);
            Assert.Equal(new[] { "_silence_", "lights on", "yes" }, m.Clips.Select(c => c.Label).ToArray());
            Assert.Equal("lights_on", LabelFolders.FolderOf("lights on"));
            Assert.Equal("_unknown_", LabelFolders.FolderOf("_unknown_"));
        }

        [Fact]
        public void Stream_manifest_groups_keywords_by_file_and_sorts_them()
        {
            var (_, csv) = Folder("path,label,start,end\nlong.wav,no,5,5.5\nneg.wav,,,\nlong.wav,yes,1.25,1.75\n", "long.wav", "neg.wav");
            EvalManifest m = EvalManifest.Load(csv);
            Assert.Empty(m.Clips);
            Assert.Equal(2, m.Streams.Count);
            Assert.Equal(new[] { "yes", "no" }, m.Streams[0].Keywords.Select(k => k.Label).ToArray());
            Assert.Equal(1.25, m.Streams[0].Keywords[0].StartSeconds);
            Assert.Empty(m.Streams[1].Keywords);
        }

        [Theory]
        [InlineData("path,lbl\na.wav,yes\n", "M line 1: header has no 'label' column (need path,label or path,label,start,end)")]
        [InlineData("file,label\na.wav,yes\n", "M line 1: header has no 'path' column (need path,label or path,label,start,end)")]
        [InlineData("path,label,start\na.wav,yes,1\n", "M line 1: header has 'start' but no 'end' column")]
        [InlineData("", "M: empty manifest (need a header row path,label)")]
        [InlineData("path,label\n", "M: no rows after the header")]
        [InlineData("path,label\na.wav,yes\nb.wav,no\n", "M line 3: file not found: b.wav")]
        [InlineData("path,label\na.wav\n", "M line 2: 1 fields, the header has 2")]
        [InlineData("path,label\na.wav,\n", "M line 2: empty label")]
        [InlineData("path,label\n,yes\n", "M line 2: empty path")]
        [InlineData("path,label\n\"a.wav,yes\n", "M line 2: a quoted field never ends")]
        [InlineData("path,label,start,end\na.wav,yes,2,1\n", "M line 2: end 1 is before start 2")]
        [InlineData("path,label,start,end\na.wav,yes,x,1\n", "M line 2: start 'x' is not a time in seconds (a number ≥ 0)")]
        [InlineData("path,label,start,end\na.wav,yes,,1\n", "M line 2: start '' is not a time in seconds (a number ≥ 0)")]
        [InlineData("path,label,start,end\na.wav,,1,2\n", "M line 2: times without a label (negative audio has an empty label, start and end)")]
        public void Bad_manifests_are_one_line_naming_the_row(string text, string expected)
        {
            string message = Error(text, "a.wav");
            Assert.StartsWith(expected, message);
            Assert.DoesNotContain('\n', message);
        }

        [Fact]
        public void Unknown_files_and_empty_folders_are_refused()
        {
            string dir = EvalFiles.NewFolder();
            string txt = Path.Combine(dir, "list.txt");
            File.WriteAllText(txt, "path,label\n");
            Assert.Equal(txt + ": not a folder or a .csv manifest", Assert.Throws<EvalInputException>(() => EvalManifest.Load(txt)).Message);
            Assert.Equal(dir + "/nothing.csv: no such file or folder", Assert.Throws<EvalInputException>(() => EvalManifest.Load(dir + "/nothing.csv")).Message);
            Directory.CreateDirectory(Path.Combine(dir, "yes"));
            Assert.Equal(dir + ": no .wav files in label folders (need <folder>/<label>/*.wav)", Assert.Throws<EvalInputException>(() => EvalManifest.Load(dir)).Message);
        }
    }
}
