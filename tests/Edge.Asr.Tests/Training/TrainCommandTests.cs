using System;
using System.IO;
using System.Text.Json;
using Edge.Asr.Blob;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>One <c>edge-asr train --smoke</c> run, in-process, shared by the tests below.</summary>
    public sealed class TrainCommandFixture : IDisposable
    {
        public TrainCommandFixture()
        {
            SynthRunner.RequireTools();
            Temp = Path.Combine(Path.GetTempPath(), "edge-asr-traincmd-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Temp);
            Out = Path.Combine(Temp, "weights", "lights");
            Work = Path.Combine(Temp, "work");
            Result = CliHarness.InProcess("train", "--words", "lights on,lights off", "--smoke", "--out", Out, "--work", Work, "--jobs", "2");
        }

        public string Temp { get; }
        public string Out { get; }
        public string Work { get; }
        public CliHarness.Result Result { get; }

        public void Dispose()
        {
            try { Directory.Delete(Temp, true); } catch (IOException) { }
        }
    }

    public class TrainCommandTests : IClassFixture<TrainCommandFixture>
    {
        private readonly TrainCommandFixture _f;

        public TrainCommandTests(TrainCommandFixture f)
        {
            _f = f;
        }

        [Fact]
        public void Smoke_run_succeeds_and_prints_every_step_header_and_the_summary()
        {
            Assert.True(_f.Result.ExitCode == 0, _f.Result.Stderr + _f.Result.Stdout);
            Assert.Equal("", _f.Result.Stderr);
            string o = _f.Result.Stdout;
            int at = 0;
            foreach (string header in new[] { "[1/6] synthesis:", "[2/6] features:", "[3/6] training:", "[4/6] bake:", "[5/6] thresholds:", "[6/6] eval:" })
            {
                int next = o.IndexOf(header, at, StringComparison.Ordinal);
                Assert.True(next >= 0, "missing or out of order: " + header + "\n" + o);
                at = next;
            }
            Assert.Contains("      synth.py: ", o);           // the child's own stdout, streamed through with the prefix
            Assert.Contains("      epoch 1 loss ", o);
            Assert.Contains("done: " + _f.Out + ".easr (", o);
            Assert.Contains("held-out accuracy (detector):    ", o);
            Assert.Contains("fixed/float agreement:", o);
            // a step over 2 minutes prints minutes (a loaded machine can take that long even for the smoke run)
            const string took = "[0-9.]+ (s|min)";
            Assert.Matches("time: synthesis " + took + ", features " + took + ", training " + took + ", bake " + took + ", thresholds " + took
                + ", eval " + took + "; total ", o);
        }

        [Fact]
        public void Blob_loads_with_silence_unknown_and_the_commands_in_order()
        {
            ModelBlob blob = ModelBlob.Load(File.ReadAllBytes(_f.Out + ".easr"));
            Assert.Equal(new[] { "_silence_", "_unknown_", "lights on", "lights off" }, blob.Labels());
        }

        [Fact]
        public void The_model_is_trained_with_the_input_norm_and_the_blob_says_so()
        {
            ModelBlob blob = ModelBlob.Load(File.ReadAllBytes(_f.Out + ".easr"));
            Assert.Equal(FrontendParams.LogFormatInt16Log2Q8MinusRunningMean, blob.Frontend.LogFormat);
            Assert.Equal(Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift, blob.Config.InputNormShift);
            using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.Out, "config.json")));
            Assert.Equal(6, config.RootElement.GetProperty("training").GetProperty("input_norm_shift").GetInt32());
        }

        [Fact]
        public void Chosen_thresholds_are_baked_into_the_blob_and_the_sweep_is_kept()
        {
            ModelBlob blob = ModelBlob.Load(File.ReadAllBytes(_f.Out + ".easr"));
            int[] inBlob = blob.Detector.ClassThresholdsQ15();
            Assert.Equal(4, inBlob.Length);
            using JsonDocument sweep = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.Out, ThresholdFile.FileName)));
            JsonElement root = sweep.RootElement;
            Assert.True(root.GetProperty("negative_hours").GetDouble() > 0);
            foreach (JsonElement command in root.GetProperty("commands").EnumerateArray())
            {
                int c = Array.IndexOf(blob.Labels(), command.GetProperty("label").GetString());
                Assert.True(c >= 2, "a command's label: " + command.GetProperty("label").GetString());
                Assert.Equal(command.GetProperty("chosen_threshold_q15").GetInt32(), inBlob[c]);
                Assert.True(inBlob[c] >= Edge.Asr.Sim.Commands.RunOptions.ToQ15(root.GetProperty("floor").GetDouble()), "below the floor: " + inBlob[c]);
                JsonElement first = command.GetProperty("curve")[0];
                foreach (string key in new[] { "threshold", "false_accepts", "false_accepts_per_hour", "recall", "miss_rate" })
                    Assert.True(first.TryGetProperty(key, out _), "curve point without " + key);
            }
            using JsonDocument config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_f.Out, "config.json")));
            int[] inConfig = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(
                config.RootElement.GetProperty("detector").GetProperty("class_thresholds_q15").EnumerateArray(), e => e.GetInt32()));
            Assert.Equal(inConfig, inBlob);
        }

        [Fact]
        public void Thresholds_command_chooses_again_and_bakes_into_a_copy_of_the_model()
        {
            string dir = Path.Combine(_f.Temp, "rethreshold");
            Directory.CreateDirectory(Path.Combine(dir, "lights"));
            foreach (string f in Directory.GetFiles(_f.Out)) File.Copy(f, Path.Combine(dir, "lights", Path.GetFileName(f)));
            string blob = Path.Combine(dir, "lights.easr");
            File.Copy(_f.Out + ".easr", blob);
            string data = Path.Combine(_f.Work, "data");
            CliHarness.Result r = CliHarness.InProcess("thresholds", blob, "--negatives", Path.Combine(data, "negatives", "tune", "streams.csv"),
                "--val", Path.Combine(data, "val", "manifest.csv"), "--calib", Path.Combine(_f.Work, "val.npy"), "--target-fa-per-hour", "1000");
            Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
            Assert.Contains("target 1000 false accepts/hour", r.Stdout);
            using JsonDocument sweep = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "lights", ThresholdFile.FileName)));
            int[] inBlob = ModelBlob.Load(File.ReadAllBytes(blob)).Detector.ClassThresholdsQ15();
            foreach (JsonElement command in sweep.RootElement.GetProperty("commands").EnumerateArray())
            {
                // a target no tuning stream can exceed: every command takes the floor, 0.50
                Assert.Equal(0.5, command.GetProperty("chosen_threshold").GetDouble());
                Assert.Equal(Edge.Asr.Sim.Commands.RunOptions.ToQ15(0.5), inBlob[System.Array.IndexOf(new[] { "_silence_", "_unknown_", "lights on", "lights off" }, command.GetProperty("label").GetString())]);
            }
            Assert.Equal(0.6, sweep.RootElement.GetProperty("keep_recall").GetDouble());
            CliHarness.Result share = CliHarness.InProcess("thresholds", blob, "--negatives", "x.csv", "--val", "y.csv", "--calib", "z.npy", "--keep-recall", "1.5");
            Assert.Equal(1, share.ExitCode);
            Assert.Equal("edge-asr: --keep-recall must be between 0 and 1 (a share of the val recall), not 1.5", Assert.Single(share.StderrLines));
            CliHarness.Result bad = CliHarness.InProcess("thresholds", Path.Combine(dir, "none.easr"), "--negatives", "x.csv", "--val", "y.csv", "--calib", "z.npy");
            Assert.Equal(1, bad.ExitCode);
            Assert.Equal("edge-asr: " + Path.Combine(dir, "none.easr") + ": no training export beside it (" + Path.Combine(dir, "none") + "/config.json)", Assert.Single(bad.StderrLines));
        }

        [Fact]
        public void Eval_counts_false_accepts_on_the_held_out_negative_streams()
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(_f.Out + "-eval.json"));
            Assert.Equal(1, json.RootElement.GetProperty("streams").GetInt32());
            Assert.Equal(60.0, json.RootElement.GetProperty("stream_seconds").GetDouble(), 3);
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("false_accepts_per_hour").ValueKind);
        }

        [Fact]
        public void Export_sits_beside_the_blob_so_eval_finds_the_float_reference()
        {
            Assert.Equal(_f.Out, RecogniserLoader.ReferenceFolder(_f.Out + ".easr"));
            Assert.True(File.Exists(Path.Combine(_f.Out, "config.json")));
            Assert.True(File.Exists(Path.Combine(_f.Out, "model.safetensors")));
        }

        [Fact]
        public void Eval_report_has_the_documented_keys_and_clips_from_the_test_split()
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(_f.Out + "-eval.json"));
            foreach (string key in EvalJson.Keys) Assert.True(json.RootElement.TryGetProperty(key, out _), "missing key " + key);
            Assert.True(json.RootElement.GetProperty("clips").GetInt32() > 0);
            // The float reference was found: agreement is a number, not null.
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("agreement_fixed_float").ValueKind);
            Assert.Contains("accuracy:", File.ReadAllText(_f.Out + "-eval.txt"));
            Assert.Contains("<title>edge-asr train: lights, held-out test split</title>", File.ReadAllText(_f.Out + "-eval.html"));
            int testClips = File.ReadAllLines(Path.Combine(_f.Work, "data", "test", "manifest.csv")).Length - 1;
            Assert.Equal(testClips, json.RootElement.GetProperty("clips").GetInt32());
        }

        [Fact]
        public void Existing_model_is_refused_without_force()
        {
            byte[] before = File.ReadAllBytes(_f.Out + ".easr");
            CliHarness.Result r = CliHarness.InProcess("train", "--words", "lights on,lights off", "--smoke", "--out", _f.Out);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.Equal("edge-asr: train: --out: " + _f.Out + ".easr exists (use --force to replace the model lights)", r.StderrLines[0]);
            Assert.Equal(before, File.ReadAllBytes(_f.Out + ".easr"));
        }

        [Fact]
        public void Non_empty_work_folder_is_refused()
        {
            CliHarness.Result r = CliHarness.InProcess("train", "--words", "a,b", "--smoke", "--out", Path.Combine(_f.Temp, "weights", "other"), "--work", _f.Work);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal("edge-asr: train: --work: " + _f.Work + " is not empty (remove it or choose another folder)", Assert.Single(r.StderrLines));
            Assert.False(File.Exists(Path.Combine(_f.Temp, "weights", "other.easr")));
        }

        [Fact]
        public void Keep_recall_outside_zero_to_one_is_a_usage_error()
        {
            CliHarness.Result r = CliHarness.InProcess("train", "--words", "a,b", "--keep-recall", "1.5", "--out", Path.Combine(_f.Temp, "weights", "keep"));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("edge-asr: train: --keep-recall must be between 0 and 1 (a share of the val recall), not 1.5", Assert.Single(r.StderrLines));
            Assert.False(Directory.Exists(Path.Combine(_f.Temp, "weights", "keep")));
        }

        [Theory]
        [InlineData("")]
        [InlineData(" , ,")]
        public void Empty_word_list_is_a_usage_error(string words)
        {
            CliHarness.Result r = CliHarness.InProcess("train", "--words", words, "--out", Path.Combine(_f.Temp, "weights", "empty"));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("edge-asr: train: --words: the command list is empty", Assert.Single(r.StderrLines));
            Assert.False(Directory.Exists(Path.Combine(_f.Temp, "weights", "empty")));
        }

        [Fact]
        public void Duplicate_word_fails_in_synthesis_with_its_message_on_one_line_and_leaves_no_model()
        {
            string output = Path.Combine(_f.Temp, "weights", "dup");
            CliHarness.Result r = CliHarness.InProcess("train", "--words", "on,off,on", "--smoke", "--out", output);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("edge-asr: train: synthesis failed: synth.py: error: --words: duplicate command 'on'", Assert.Single(r.StderrLines));
            Assert.False(File.Exists(output + ".easr"));
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void Interrupted_run_is_one_line_and_leaves_no_model()
        {
            string output = Path.Combine(_f.Temp, "weights", "stopped");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var stop = new System.Threading.CancellationTokenSource();
            stop.Cancel();
            int code = Edge.Asr.Sim.Commands.EdgeAsrCli.Run(new[] { "train", "--words", "a,b", "--smoke", "--out", output }, stdout, stderr,
                () => new MemoryStream(), stop.Token);
            Assert.Equal(1, code);
            Assert.Equal("edge-asr: train: synthesis interrupted: no model written", stderr.ToString().TrimEnd());
            Assert.False(File.Exists(output + ".easr"));
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void Missing_out_is_a_usage_error()
        {
            CliHarness.Result r = CliHarness.InProcess("train", "--words", "a,b");
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.StderrLines);
        }
    }
}
