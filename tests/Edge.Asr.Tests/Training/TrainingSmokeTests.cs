using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Edge.Asr.Codegen.Export;
using Edge.Asr.Sim.Training;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// The whole training pipeline once, end to end and small: synth.py --smoke (train, val) →
    /// edge-asr features (in-process) → train.py --smoke → dump_logits.py.
    /// </summary>
    public sealed class TrainingSmokeFixture : IDisposable
    {
        public TrainingSmokeFixture()
        {
            SynthRunner.RequireTools();
            var torch = SynthRunner.Run("-c", "import torch");
            if (torch.ExitCode != 0) throw new InvalidOperationException("python3-torch is missing: run ./test.sh to install the Debian packages");
            Temp = Path.Combine(Path.GetTempPath(), "edge-asr-train-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Temp);
            string data = Path.Combine(Temp, "data");
            SynthRunner.Ok("--smoke", "--seed", "2", "--splits", "train,val", "--pool-minutes", "1", "--out", data);
            foreach (string split in new[] { "train", "val" })
            {
                CliHarness.Result r = CliHarness.InProcess("features", Path.Combine(data, split, "manifest.csv"), "--out", Path.Combine(Temp, split + ".npy"),
                    "--classes", Path.Combine(data, "synth.json"));
                if (r.ExitCode != 0) throw new InvalidOperationException("edge-asr features failed: " + r.Stderr);
            }
            int poolFrames = SynthesisInfo.FramesPerPoolStream(Path.Combine(data, "synth.json"))
                ?? throw new InvalidOperationException("synth.py --pool-minutes wrote no pool into synth.json");
            CliHarness.Result pool = CliHarness.InProcess("features", Path.Combine(data, "negatives", "pool", "manifest.csv"), "--out", Pool,
                "--classes", Path.Combine(data, "synth.json"), "--frames", poolFrames.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (pool.ExitCode != 0) throw new InvalidOperationException("edge-asr features of the pool failed: " + pool.Stderr);
            Export = Path.Combine(Temp, "export");
            TrainOutput = Python.Ok("train.py", "--smoke", "--train", Train, "--val", Val, "--negative-pool", Pool,
                "--train-manifest", Path.Combine(data, "train", "manifest.csv"), "--frame-loss", "1", "--out", Export, "--seed", "1");
            Logits = Path.Combine(Temp, "logits.npy");
            Python.Ok("dump_logits.py", "--export", Export, "--features", Val, "--out", Logits);
        }

        public string Temp { get; }
        public string Train => Path.Combine(Temp, "train.npy");
        public string Val => Path.Combine(Temp, "val.npy");
        public string Pool => Path.Combine(Temp, "pool.npy");
        public string Export { get; }
        public string Logits { get; }
        public string TrainOutput { get; }

        public void Dispose()
        {
            try { Directory.Delete(Temp, true); } catch (IOException) { }
        }
    }

    /// <summary>Runs a training/ script with Debian's python3 and one BLAS thread.</summary>
    public static class Python
    {
        public static (int ExitCode, string Stdout, string Stderr) Run(string script, params string[] args) =>
            Start(new[] { Path.Combine(RepoLayout.Root, "training", script) }.Concat(args));

        /// <summary>Runs <paramref name="code"/> with `python3 -c`; training/ is argv[1].</summary>
        public static (int ExitCode, string Stdout, string Stderr) RunCode(string code) =>
            Start(new[] { "-c", code, Path.Combine(RepoLayout.Root, "training") });

        /// <summary>Runs a probe script (as <see cref="RunCode"/>) that prints one JSON object, and returns it.</summary>
        public static System.Text.Json.JsonElement ProbeJson(string code)
        {
            var (exitCode, stdout, stderr) = RunCode(code);
            Xunit.Assert.True(exitCode == 0, "python3 (python3-numpy and python3-torch from ./test.sh) failed: " + stderr);
            return System.Text.Json.JsonDocument.Parse(stdout).RootElement.Clone();
        }

        /// <summary>Runs any python3 script with extra environment variables for that child process only.</summary>
        public static (int ExitCode, string Stdout, string Stderr) RunScript(string path, IReadOnlyDictionary<string, string> environment, params string[] args) =>
            Start(new[] { path }.Concat(args), environment);

        private static (int ExitCode, string Stdout, string Stderr) Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
        {
            var psi = new ProcessStartInfo(SynthRunner.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.Environment["OPENBLAS_NUM_THREADS"] = "1";
            if (environment != null) foreach (var e in environment) psi.Environment[e.Key] = e.Value;
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + SynthRunner.Python);
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout, stderr.Result);
        }

        public static string Ok(string script, params string[] args)
        {
            var r = Run(script, args);
            if (r.ExitCode != 0) throw new InvalidOperationException(script + " exited " + r.ExitCode + ": " + r.Stderr);
            return r.Stdout;
        }
    }

    public class TrainingSmokeTests : IClassFixture<TrainingSmokeFixture>
    {
        private readonly TrainingSmokeFixture _f;

        public TrainingSmokeTests(TrainingSmokeFixture f) { _f = f; }

        [Fact]
        public void PrintsOneProgressLinePerEpoch()
        {
            string[] epochs = _f.TrainOutput.Split('\n').Where(l => l.StartsWith("epoch ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(2, epochs.Length);
            for (int i = 0; i < epochs.Length; i++)
                Assert.Matches(new Regex("^epoch " + (i + 1) + @" loss \d+\.\d{4} val_acc [01]\.\d{4} time \d+\.\ds$"), epochs[i]);
            Assert.Contains("best val_acc", _f.TrainOutput);
        }

        [Fact]
        public void TrainsWithWindowsOfTheNegativePoolAndRecordsIt()
        {
            // one 60 s stream: (960000 - 400) / 160 + 1 = 5998 frames, 0.0167 h
            Assert.Contains("negative pool: 1 streams, 0.02 h; 16 windows per batch (mining 1 of 4)", _f.TrainOutput);
            using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.Export, "config.json")));
            System.Text.Json.JsonElement pool = config.RootElement.GetProperty("training").GetProperty("negative_pool");
            Assert.Equal(1, pool.GetProperty("streams").GetInt32());
            Assert.Equal(16, pool.GetProperty("windows_per_batch").GetInt32());
            Assert.Equal(4, pool.GetProperty("mining_candidates").GetInt32());
        }

        [Fact]
        public void TrainsEveryFrameFromTheWordPositionsAndRecordsIt()
        {
            // synth.py records every command clip's word position, so every one gets frame targets
            Match m = Regex.Match(_f.TrainOutput, @"frame loss 1\.00: (\d+) of (\d+) command clips with the word's position");
            Assert.True(m.Success, _f.TrainOutput);
            Assert.True(int.Parse(m.Groups[2].Value) > 0);
            Assert.Equal(m.Groups[2].Value, m.Groups[1].Value);
            using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.Export, "config.json")));
            System.Text.Json.JsonElement frames = config.RootElement.GetProperty("training").GetProperty("frame_loss");
            Assert.Equal(1.0, frames.GetProperty("weight").GetDouble());
            Assert.Equal(10, frames.GetProperty("fire_frames").GetInt32());
        }

        [Fact]
        public void ExportConfigHasTheArchitectureLabelsAndFrontend()
        {
            TrainingExport e = TrainingExport.Read(_f.Export);
            Assert.Equal(new[] { "_silence_", "_unknown_", "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go" }, e.Labels);
            Assert.Equal(File.ReadAllLines(Path.ChangeExtension(_f.Train, null) + ".classes.txt"), e.Labels);
            // train.py's smoke model: C 4, D 8, H 2, F 2, FFN x2, K 3, blocks [conv-only, attention], L 4, W 25.
            Assert.Equal(8, e.Config.Dim);
            Assert.Equal(2, e.Config.Heads);
            Assert.Equal(2, e.Config.Fold);
            Assert.Equal(2, e.Config.FfnMultiplier);
            Assert.Equal(3, e.Config.ConvKernel);
            Assert.Equal(2, e.Config.Blocks);
            Assert.Equal(new[] { false, true }, e.AttentionBlocks);
            Assert.False(e.Config.HasAttention(0));
            Assert.True(e.Config.HasAttention(1));
            Assert.Equal(4, e.Config.LeftContext);
            Assert.Equal(25, e.Config.PoolWindow);
            Assert.Equal(4, e.Config.SubsamplingChannels);
            Assert.Equal(12, e.Config.Classes);
            Assert.Equal(e.Labels, Enumerable.Range(0, e.Config.Classes).Select(e.Config.Label));
            Assert.Equal(40, e.MelChannels);
            Assert.Equal(16000, e.Frontend.SampleRate);
            Assert.Equal(7600, e.Frontend.MelHighHz);
        }

        [Fact]
        public void SafeTensorsHoldExactlyTheGraphsTensorsAsF32()
        {
            TrainingExport e = TrainingExport.Read(_f.Export);
            SortedDictionary<string, int[]> expected = ExportTensorList.Expected(e);
            Assert.Equal(expected.Keys, e.Tensors.Entries.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
            foreach (SafeTensorEntry t in e.Tensors.Entries)
            {
                Assert.True(expected[t.Name].SequenceEqual(t.Shape), t.Name + " has shape [" + string.Join(",", t.Shape) + "], expected [" + string.Join(",", expected[t.Name]) + "]");
                Assert.Equal("F32", t.DType);
            }
            Assert.Equal("pt", e.Tensors.Metadata["format"]);
        }

        [Fact]
        public void CSharpReadsTheSameValuesAsPyTorch()
        {
            TrainingExport e = TrainingExport.Read(_f.Export);
            string code = "import sys; sys.path.insert(0, sys.argv[1]); import safetensors_io as s; t = s.load(sys.argv[2]);"
                + " w = t['blocks.1.attn.q.weight'].double(); c = t['classifier.bias'].double();"
                + " print(repr(float(w.sum())), repr(float(w[1, 2])), repr(float(c[3])))";
            var r = SynthRunner.Run("-c", code, Path.Combine(RepoLayout.Root, "training"), Path.Combine(_f.Export, "model.safetensors"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            double[] q = e.Tensors.Doubles("blocks.1.attn.q.weight");
            double[] bias = e.Tensors.Doubles("classifier.bias");
            string[] py = r.Stdout.Trim().Split(' ');
            Assert.Equal(double.Parse(py[0], System.Globalization.CultureInfo.InvariantCulture), q.Sum(), 12);
            Assert.Equal(double.Parse(py[1], System.Globalization.CultureInfo.InvariantCulture), q[1 * 4 + 2]);
            Assert.Equal(double.Parse(py[2], System.Globalization.CultureInfo.InvariantCulture), bias[3]);
            Assert.Contains(q, v => v != 0);
        }

        [Fact]
        public void LogitDumpCoversEveryValClipAndEncoderFrame()
        {
            NpyArray val = NpyArray.Read(_f.Val);
            NpyArray logits = NpyArray.Read(_f.Logits);
            Assert.Equal("<f8", logits.Descr);
            // 98 frames → 49 → 25 encoder frames (two causal stride-2 stages); 12 classes.
            Assert.Equal(new[] { val.Shape[0], 25, 12 }, logits.Shape);
            Assert.All(logits.Values, v => Assert.True(double.IsFinite(v)));
        }

        [Theory]
        [InlineData("\"melBins\": 40", "\"melBins\": 32", "melBins 32 but the frontend has 40")]
        [InlineData("\"int16 log2 Q8\"", "\"float log\"", "log_format 'float log'")]
        [InlineData("\"mel_high_hz\": 7600", "\"mel_high_hz\": 8000", "unsupported frontend parameter")]
        [InlineData("\"dim\": 8", "\"width\": 8", "integer \"dim\" is missing")]
        [InlineData("\"labels\": [", "\"names\": [", "\"labels\" array is missing")]
        [InlineData("\"_unknown_\",", "\"_silence_\",", "label '_silence_' appears twice")]
        [InlineData("\"attention\": [", "\"attention\": [1, ", "\"attention\" must hold true/false")]
        public void ExportReaderRefusesInconsistentConfigs(string from, string to, string expected)
        {
            string folder = Path.Combine(_f.Temp, "bad-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(_f.Export, TrainingExport.TensorsFile), Path.Combine(folder, TrainingExport.TensorsFile));
            string config = File.ReadAllText(Path.Combine(_f.Export, TrainingExport.ConfigFile));
            Assert.Contains(from, config);
            File.WriteAllText(Path.Combine(folder, TrainingExport.ConfigFile), config.Replace(from, to));
            var e = Assert.Throws<InvalidDataException>(() => TrainingExport.Read(folder));
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void BakeTakesTheTrainedExportAndTheBlobRunsLikeTheInMemoryQuantisedModel()
        {
            // edge-asr bake on train.py's real export, calibrated on the val features it trained with.
            string blobPath = Path.Combine(_f.Temp, "smoke-" + Guid.NewGuid().ToString("N") + ".easr");
            var r = CliHarness.InProcess("bake", _f.Export, "--calib", _f.Val, "--out", blobPath);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Edge.Asr.Blob.ModelBlob blob = Edge.Asr.Blob.ModelBlob.Load(File.ReadAllBytes(blobPath));
            Assert.Equal(TrainingExport.Read(_f.Export).Labels, blob.Labels());

            NpyArray val = NpyArray.Read(_f.Val);
            var calibration = Edge.Asr.Sim.Commands.BakeCommand.Calibration(_f.Val);
            TrainingExport e = TrainingExport.Read(_f.Export);
            var direct = new Edge.Asr.Model.ConformerModel(Edge.Asr.Codegen.Quantization.ModelQuantizer.Quantize(
                e.Config, Edge.Asr.Codegen.Bake.ExportTensors.Read(e), calibration));
            var loaded = new Edge.Asr.Model.ConformerModel(Edge.Asr.Blob.BlobModelLoader.Load(blob));
            int frames = val.Shape[1], mel = val.Shape[2], compared = 0;
            for (int c = 0; c < Math.Min(4, val.Shape[0]); c++)
            {
                direct.Reset();
                loaded.Reset();
                for (int t = 0; t < frames; t++)
                {
                    var frame = new short[mel];
                    for (int k = 0; k < mel; k++) frame[k] = (short)val.Values[((long)c * frames + t) * mel + k];
                    Assert.Equal(direct.Process(frame, 0), loaded.Process(frame, 0));
                    Assert.Equal(direct.Logits, loaded.Logits);
                    Assert.Equal(direct.Posteriors, loaded.Posteriors);
                    compared++;
                }
            }
            Assert.True(compared > 0);
        }

        [Fact]
        public void TrainRefusesFeaturesWithoutTheirLabelsFile()
        {
            string lone = Path.Combine(_f.Temp, "lone.npy");
            File.Copy(_f.Val, lone, true);
            var r = Python.Run("train.py", "--smoke", "--train", lone, "--val", _f.Val, "--out", Path.Combine(_f.Temp, "never"));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("train.py: error: " + Path.Combine(_f.Temp, "lone.labels.txt") + ": not found (write it with `edge-asr features ... --out " + lone + "`)", r.Stderr.Trim());
            Assert.False(Directory.Exists(Path.Combine(_f.Temp, "never")));
        }
    }
}
