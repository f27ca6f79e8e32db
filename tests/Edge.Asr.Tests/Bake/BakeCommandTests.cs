using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Model;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Bake
{
    /// <summary>
    /// edge-asr bake end to end: the size table, byte-identical outputs, the nanoFramework resource,
    /// and one clear line with exit code 1 for every broken input.
    /// </summary>
    public sealed class BakeCommandTests : IDisposable
    {
        private readonly string _temp = Path.Combine(Path.GetTempPath(), "edge-asr-bakecli-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        }

        private static string Samples => Path.Combine(RepoPaths.Root(), "samples");

        private string Export(string name, Action<SortedDictionary<string, TestExport.Tensor>>? tensors = null, Func<string, string>? config = null,
            ModelConfig? model = null) =>
            TestExport.Write(Path.Combine(_temp, name), model ?? TestExport.Config(), 5, tensors, config);

        private CliHarness.Result Bake(string export, string? calib = null, string? outPath = null, params string[] more) =>
            CliHarness.InProcess(new[] { "bake", export, "--calib", calib ?? Samples, "--out", outPath ?? Path.Combine(_temp, "out", "m.easr") }.Concat(more).ToArray());

        [Fact]
        public void Prints_the_size_table_and_writes_a_loadable_blob()
        {
            string outPath = Path.Combine(_temp, "out", "m.easr");
            var r = Bake(Export("ok"), null, outPath, "--verbose");
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal("", r.Stderr);
            byte[] blob = File.ReadAllBytes(outPath);
            ModelBlob m = ModelBlob.Load(blob);
            BakeResult expected = Baker.Bake(Path.Combine(_temp, "ok"), BakeCommand.Calibration(Samples));
            Assert.Equal(expected.Blob, blob);

            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("bake: ", lines[0]);
            Assert.Contains("(" + blob.Length + " bytes, " + m.TensorCount + " tensors)", lines[0]);
            Assert.Contains("calibration: 3 clips", lines[0]);
            Assert.Matches(@"^tensor +  dtype  shape +  bytes$", lines[1]);
            for (int i = 0; i < m.TensorCount; i++)
            {
                BlobTensor t = m.Tensor(i);
                string[] cells = lines[2 + i].Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray();
                Assert.Equal(new[] { t.Name, BlobFormat.DTypeName(t.DataType), t.ShapeText(), t.ByteLength.ToString() }, cells);
            }
            string totals = string.Join("\n", lines.Skip(2 + m.TensorCount));
            Assert.Contains("int8 weight bytes:  " + expected.Int8WeightBytes, totals);
            Assert.Contains("flash bytes:        " + blob.Length + " (the blob)", totals);
            Assert.Contains("engine RAM bytes:   " + expected.EngineRamBytes + " = parameters " + expected.ParameterRamBytes
                + " + streaming state " + expected.StateBytes + " + scratch " + expected.ScratchBytes, totals);
            Assert.DoesNotContain("resource:", totals); // no --resource
        }

        [Fact]
        public void Without_verbose_the_tensor_table_is_left_out()
        {
            var r = Bake(Export("quiet"), outPath: Path.Combine(_temp, "quiet.easr"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("bake: ", lines[0]);
            Assert.StartsWith("int8 weight bytes:", lines[1]);
            Assert.Equal(5, lines.Length);
        }

        [Fact]
        public void An_output_path_that_cannot_be_written_is_refused_before_the_work()
        {
            string export = Export("unwritable");
            string blocker = Path.Combine(_temp, "blocker");
            File.WriteAllText(blocker, "a file where the output folder should be");
            var r = Bake(export, outPath: Path.Combine(blocker, "m.easr"));
            Assert.Equal(1, r.ExitCode);
            Assert.StartsWith("edge-asr: cannot write " + Path.Combine(blocker, "m.easr") + ": ", Assert.Single(r.StderrLines));
            Assert.Equal("", r.Stdout); // nothing baked or printed
            r = Bake(export, outPath: _temp);
            Assert.Equal("edge-asr: cannot write " + _temp + ": it is a folder", Assert.Single(r.StderrLines));
        }

        [Fact]
        public void Two_bakes_of_the_same_inputs_are_byte_identical_and_features_npy_calibrates_like_the_wavs()
        {
            string export = Export("same");
            string a = Path.Combine(_temp, "a.easr"), b = Path.Combine(_temp, "b.easr"), c = Path.Combine(_temp, "c.easr");
            Assert.Equal(0, Bake(export, outPath: a).ExitCode);
            Assert.Equal(0, Bake(export, outPath: b).ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

            // The same clips as an edge-asr features .npy (98 frames = 1 s each) give the same blob.
            string features = Path.Combine(_temp, "calib.npy");
            string classes = Path.Combine(_temp, "classes");
            foreach (string wav in Directory.GetFiles(Samples, "*.wav"))
            {
                Directory.CreateDirectory(Path.Combine(classes, "x"));
                File.Copy(wav, Path.Combine(classes, "x", Path.GetFileName(wav)));
            }
            var f = CliHarness.InProcess("features", classes, "--out", features, "--jobs", "1");
            Assert.True(f.ExitCode == 0, f.Stderr);
            Assert.Equal(0, Bake(export, calib: features, outPath: c).ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(c));
        }

        [Fact]
        public void Writes_the_nanoFramework_resource_only_with_resource()
        {
            // A repository copy with just the device project: bake into its weights/ folder.
            // Its project starts without the resource items (as before the first bake): the bake adds them.
            string repo = Path.Combine(_temp, "repo");
            Directory.CreateDirectory(Path.Combine(repo, "weights"));
            var bare = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root(), "Edge.Asr.nfproj"));
            bare.Descendants().Where(e => e.Name.LocalName == "EmbeddedResource"
                || (e.Name.LocalName == "Compile" && ((string)e.Attribute("Include")!).StartsWith(@"firmware\Resources\", StringComparison.Ordinal)))
                .ToList().ForEach(e => e.Remove());
            bare.Descendants().Where(e => e.Name.LocalName == "ItemGroup" && !e.HasElements).ToList().ForEach(e => e.Remove());
            bare.Save(Path.Combine(repo, "Edge.Asr.nfproj"));
            Assert.DoesNotContain("ModelResources", File.ReadAllText(Path.Combine(repo, "Edge.Asr.nfproj")));
            // Into weights/ without --resource: the firmware's embedded model is not touched.
            var r = Bake(Export("res"), outPath: Path.Combine(repo, "weights", "small.easr"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.DoesNotContain("ModelResources", File.ReadAllText(Path.Combine(repo, "Edge.Asr.nfproj")));
            Assert.False(Directory.Exists(Path.Combine(repo, "firmware")));
            r = Bake(Path.Combine(_temp, "res"), null, Path.Combine(repo, "weights", "small.easr"), "--resource");
            Assert.True(r.ExitCode == 0, r.Stderr);
            string designer = Path.Combine(repo, "firmware", "Resources", "ModelResources.Designer.cs");
            Assert.Equal(NanoResource.Designer(), File.ReadAllText(designer));
            Assert.Contains("internal enum BinaryResources : short", NanoResource.Designer());
            Assert.Contains("Model = " + NanoResource.ResourceId("Model") + ",", NanoResource.Designer());
            byte[] designerBytes = File.ReadAllBytes(designer);
            string resx = File.ReadAllText(Path.Combine(repo, "firmware", "Resources", "ModelResources.resx"));
            Assert.Contains("<data name=\"Model\" type=\"System.Resources.ResXFileRef, System.Windows.Forms\">", resx);
            Assert.Contains(@"<value>..\..\weights\small.easr;System.Byte[], mscorlib</value>", resx);
            System.Xml.Linq.XDocument.Parse(resx);
            string project = File.ReadAllText(Path.Combine(repo, "Edge.Asr.nfproj"));
            var doc = System.Xml.Linq.XDocument.Parse(project);
            var item = doc.Descendants().Single(e => e.Name.LocalName == "EmbeddedResource");
            Assert.Equal(@"firmware\Resources\ModelResources.resx", (string)item.Attribute("Include")!);
            Assert.Equal("nFResXFileCodeGenerator", item.Elements().Single(e => e.Name.LocalName == "Generator").Value);
            var compiled = doc.Descendants().Single(e => e.Name.LocalName == "Compile" && (string)e.Attribute("Include")! == @"firmware\Resources\ModelResources.Designer.cs");
            Assert.Equal("ModelResources.resx", compiled.Elements().Single(e => e.Name.LocalName == "DependentUpon").Value);
            Assert.Equal("True", compiled.Elements().Single(e => e.Name.LocalName == "AutoGen").Value);
            Assert.Contains("resource: ", r.Stdout);
            Assert.Contains("(\"Model\", id " + NanoResource.ResourceId("Model") + ")", r.Stdout);

            // A second bake rewrites the resx and leaves the project as it is; --no-resource touches nothing.
            Assert.Equal(0, Bake(Path.Combine(_temp, "res"), null, Path.Combine(repo, "weights", "small.easr"), "--resource").ExitCode);
            Assert.Equal(project, File.ReadAllText(Path.Combine(repo, "Edge.Asr.nfproj")));
            Assert.Equal(designerBytes, File.ReadAllBytes(designer));
            File.Delete(Path.Combine(repo, "firmware", "Resources", "ModelResources.resx"));
            Assert.Equal(0, Bake(Path.Combine(_temp, "res"), null, Path.Combine(repo, "weights", "small.easr"), "--no-resource").ExitCode);
            Assert.False(File.Exists(Path.Combine(repo, "firmware", "Resources", "ModelResources.resx")));
        }

        [Fact]
        public void Resource_ids_are_the_nanoFramework_generators()
        {
            // nanoframework/Samples ManagedResources/Resources.Designer.cs: String1 = 1228, String2 = 1225.
            Assert.Equal(1228, NanoResource.ResourceId("String1"));
            Assert.Equal(1225, NanoResource.ResourceId("String2"));
            Assert.Equal(30387, NanoResource.ResourceId("Model")); // docs/bake.md
        }

        public static IEnumerable<object[]> BrokenExports()
        {
            static Func<string, string> Replace(string from, string to) => json =>
            {
                Assert.Contains(from, json);
                return json.Replace(from, to);
            };
            yield return new object[] { "missing tensor", (Action<SortedDictionary<string, TestExport.Tensor>>)(t => t.Remove("blocks.1.attn.q.weight")), null!,
                "model.safetensors: missing tensor 'blocks.1.attn.q.weight' (the config needs 68)" };
            yield return new object[] { "extra tensor", (Action<SortedDictionary<string, TestExport.Tensor>>)(t => t["blocks.2.norm.weight"] = new TestExport.Tensor(new[] { 16 }, new float[16])), null!,
                "model.safetensors: unexpected tensor 'blocks.2.norm.weight' (not part of the model the config describes)" };
            yield return new object[] { "wrong shape", (Action<SortedDictionary<string, TestExport.Tensor>>)(t => t["blocks.0.conv.depthwise.weight"] = new TestExport.Tensor(new[] { 16, 1, 4 }, new float[64])), null!,
                "model.safetensors: tensor 'blocks.0.conv.depthwise.weight' has shape [16, 1, 4], the config needs [16, 1, 5]" };
            yield return new object[] { "NaN", (Action<SortedDictionary<string, TestExport.Tensor>>)(t => t["subsampling.out.weight"].Data[3] = float.NaN), null!,
                "model.safetensors: tensor 'subsampling.out.weight' holds NaN at element 3 of 1280" };
            yield return new object[] { "Inf", (Action<SortedDictionary<string, TestExport.Tensor>>)(t => t["classifier.bias"].Data[1] = float.NegativeInfinity), null!,
                "model.safetensors: tensor 'classifier.bias' holds -Inf at element 1 of 4" };
            yield return new object[] { "fold 3", null!, Replace("\"fold\": 2", "\"fold\": 3"),
                "config.json model: unsupported architecture: ModelConfig: fold must be 1, 2 or 4, got 3" };
            yield return new object[] { "D not divisible", null!, Replace("\"heads\": 2", "\"heads\": 3"),
                "config.json model: unsupported architecture: ModelConfig: dim/fold = 8 is not divisible by heads 3" };
            yield return new object[] { "label count", null!, Replace("\"no\"", "\"no\",\n    \"maybe\""),
                "'classifier.bias' has shape [4], the config needs [5]" }; // 5 labels, a 4-class classifier
            yield return new object[] { "layer norm eps", null!, Replace("\"layerNormEps\": 1E-05", "\"layerNormEps\": 0.001"),
                "config.json model: layerNormEps 0.001 is not supported (the engine's LayerNorm uses 1e-05)" };
            yield return new object[] { "frontend", null!, Replace("\"mel_high_hz\": 7600", "\"mel_high_hz\": 8000"),
                "config.json frontend: model blob: unsupported frontend parameter mel_high_hz = 8000 (the engine supports 7600)" };
        }

        [Theory]
        [MemberData(nameof(BrokenExports))]
        public void Broken_export_is_one_line_and_exit_code_1(string name, Action<SortedDictionary<string, TestExport.Tensor>>? tensors,
            Func<string, string>? config, string expected)
        {
            string export = Export("broken-" + name.Replace(' ', '-'), tensors, config);
            string outPath = Path.Combine(_temp, "never", "m.easr");
            var r = Bake(export, outPath: outPath);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Single(r.StderrLines);
            Assert.StartsWith("edge-asr: ", r.Stderr);
            Assert.EndsWith(expected, r.Stderr.TrimEnd());
            Assert.False(File.Exists(outPath));
        }

        [Fact]
        public void Classifier_rows_must_match_the_labels()
        {
            // Five labels in the config, a four-class classifier in the tensors.
            var five = new ModelConfig(40, 8, 16, 2, 2, 2, 5, new[] { false, true }, 6, 10, new[] { "_silence_", "_unknown_", "yes", "no", "up" });
            string export = Export("classes", t => t["classifier.weight"] = new TestExport.Tensor(new[] { 4, 16 }, new float[64]), model: five);
            var r = Bake(export);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.EndsWith("tensor 'classifier.weight' has shape [4, 16], the config needs [5, 16]", r.Stderr.TrimEnd());
        }

        [Fact]
        public void Missing_files_and_corrupt_safetensors_are_one_line_and_exit_code_1()
        {
            string export = Export("files");
            File.Delete(Path.Combine(export, "config.json"));
            var r = Bake(export);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.EndsWith("config.json: not found", r.Stderr.TrimEnd());

            export = Export("corrupt");
            string st = Path.Combine(export, "model.safetensors");
            byte[] bytes = File.ReadAllBytes(st);
            File.WriteAllBytes(st, bytes[..(bytes.Length - 10)]);
            r = Bake(export);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.Contains("model.safetensors", r.Stderr);

            r = Bake(Path.Combine(_temp, "nowhere"));
            Assert.Equal(1, r.ExitCode);
            Assert.EndsWith("nowhere: not a folder (expected a training export with config.json and model.safetensors)", r.Stderr.TrimEnd());

            string outside = Path.Combine(_temp, "outside", "m.easr");
            r = Bake(Export("outside"), null, outside, "--resource");
            Assert.Equal(1, r.ExitCode);
            Assert.EndsWith("--resource: no Edge.Asr.nfproj at or above " + outside, r.Stderr.TrimEnd());
            Assert.False(File.Exists(outside));

            r = Bake(Export("nocalib"), calib: Path.Combine(_temp, "empty-calib"));
            Assert.Equal(1, r.ExitCode);
            Assert.EndsWith("empty-calib: calibration input not found (a folder of .wav files or a features .npy)", r.Stderr.TrimEnd());
        }
    }
}
