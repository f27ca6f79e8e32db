using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Sim.Report;
using Edge.Asr.Sim.Training;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr train --words "a,b" --out weights/NAME</c>: synthesis → features → training → bake →
    /// eval in one command (docs/training.md). Everything is built in a work folder and moved beside
    /// --out only when every step passed, so a failed run never leaves half a model behind.
    /// Results: weights/NAME.easr, the export weights/NAME/ (eval's float reference) and
    /// weights/NAME-eval.{txt,json,html} on the held-out test split.
    /// </summary>
    public sealed class TrainCommand
    {
        /// <summary>What the user asked for.</summary>
        public sealed class Options
        {
            public string Words { get; set; } = "";
            public string Out { get; set; } = "";
            public int Seed { get; set; } = 1;
            public int? PerWord { get; set; }
            public double? MaxMinutes { get; set; }
            public int? Epochs { get; set; }
            public bool Smoke { get; set; }
            public string? Work { get; set; }
            public int Jobs { get; set; } = Environment.ProcessorCount;
            public bool Force { get; set; }
            public bool Resource { get; set; }
            public string Voices { get; set; } = "free";
            public double TargetFaPerHour { get; set; } = 0.5;
            public double KeepRecall { get; set; } = ThresholdSweep.DefaultKeepRecall;
            public double? NegativeMinutes { get; set; }
            public double? PoolMinutes { get; set; }
            /// <summary>train.py --input-norm: the model's running-mean input norm (log format 2; the default since cmd3-j).</summary>
            public bool InputNorm { get; set; } = true;
        }

        private readonly TextWriter _output;
        private readonly CancellationToken _stop;
        private readonly List<KeyValuePair<string, double>> _times = new List<KeyValuePair<string, double>>();

        public TrainCommand(TextWriter output, CancellationToken stop = default)
        {
            _output = TextWriter.Synchronized(output); // the synthesis progress timer writes too
            _stop = stop;
        }

        /// <summary>The "train" command with its arguments, for <see cref="EdgeAsrCli"/>.</summary>
        public static Command Build(TextWriter stdout, CancellationToken stop)
        {
            var words = new Option<string>("--words") { Description = "the commands: comma-separated (phrases allowed), or a file with one per line", Required = true };
            var output = new Option<string>("--out") { Description = "the model to make, e.g. weights/NAME: writes NAME.easr, the export NAME/ and NAME-eval.{txt,json,html} there", Required = true };
            var seed = new Option<int>("--seed") { Description = "seed of synthesis and training", DefaultValueFactory = _ => 1 };
            var perWord = new Option<int?>("--per-word") { Description = "training clips per command (synth.py; default 1000, --smoke 3)" };
            var maxMinutes = new Option<double?>("--max-minutes") { Description = "stop training after the epoch that passes this wall time" };
            var epochs = new Option<int?>("--epochs") { Description = "most training epochs (train.py; default 40, --smoke 2)" };
            var smoke = new Option<bool>("--smoke") { Description = "a tiny run for checking the pipeline: a few clips, a tiny model, 2 epochs (seconds; not a usable model)" };
            var work = new Option<string>("--work") { Description = "keep the clips and features in this (new or empty) folder; default: a temporary folder, removed at the end" };
            var jobs = new Option<int>("--jobs") { Description = "processes for synthesis, threads for features", DefaultValueFactory = _ => Environment.ProcessorCount };
            var force = new Option<bool>("--force") { Description = "replace an existing model of that name" };
            var resource = new Option<bool>("--resource") { Description = "also make this model the firmware's embedded model (firmware/Resources/ModelResources.resx)" };
            var voices = new Option<string>("--voices") { Description = "free: only voices whose licence allows shipping the model commercially; all: also non-commercial voices (MBROLA, Pico, RHVoice lyubov/evgeniy, festival rab/don; docs/data-synthesis.md)", DefaultValueFactory = _ => "free" };
            voices.AcceptOnlyFromAmong("free", "all");
            var target = new Option<double>("--target-fa-per-hour") { Description = "choose each command's threshold so the commands together fire at most this often per hour on synthesized negative streams", DefaultValueFactory = _ => 0.5 };
            var keep = ThresholdsCommand.KeepRecallOption();
            var negatives = new Option<double?>("--negative-minutes") { Description = "minutes of command-free streams synthesized for choosing thresholds, and as many for the held-out false-accept rate (default 180: a rate of 1 per hour needs more than one hour to be seen; --smoke 1)" };
            var inputNorm = new Option<bool>("--input-norm") { Description = "subtract each mel channel's running mean before the model (PCEN's gain control in the log domain: level and microphone response leave the input; the blob's log format 2, docs/model.md); --input-norm false trains on the plain log-mel", DefaultValueFactory = _ => true };
            var pool = new Option<double?>("--pool-minutes") { Description = "minutes of command-free streams in training voices whose random windows (the most command-like of several) train the model as _unknown_ (default 120; --smoke 1)" };
            var command = new Command("train", "Make a model from a list of commands: synthesis, features, training, bake and held-out eval in one go.");
            foreach (Option o in new Option[] { words, output, seed, perWord, maxMinutes, epochs, smoke, work, jobs, force, resource, voices, target, keep, negatives, pool, inputNorm }) command.Add(o);
            command.SetAction(result => new TrainCommand(stdout, stop).Execute(new Options
            {
                Words = result.GetValue(words)!,
                Out = result.GetValue(output)!,
                Seed = result.GetValue(seed),
                PerWord = result.GetValue(perWord),
                MaxMinutes = result.GetValue(maxMinutes),
                Epochs = result.GetValue(epochs),
                Smoke = result.GetValue(smoke),
                Work = result.GetValue(work),
                Jobs = result.GetValue(jobs),
                Force = result.GetValue(force),
                Resource = result.GetValue(resource),
                Voices = result.GetValue(voices)!,
                TargetFaPerHour = result.GetValue(target),
                KeepRecall = result.GetValue(keep),
                NegativeMinutes = result.GetValue(negatives),
                PoolMinutes = result.GetValue(pool),
                InputNorm = result.GetValue(inputNorm),
            }));
            return command;
        }

        /// <summary>Runs the five steps; returns the exit code. Failures throw <see cref="TrainException"/>.</summary>
        public int Execute(Options o)
        {
            if (o.Words.Trim().Length == 0 || o.Words.Replace(",", "").Trim().Length == 0)
                throw new TrainException("--words: the command list is empty", ExitCodes.Usage);
            if (o.Jobs < 1) throw new TrainException("--jobs must be at least 1", ExitCodes.Usage);
            if (!(o.TargetFaPerHour > 0)) throw new TrainException("--target-fa-per-hour must be above 0", ExitCodes.Usage);
            string? keepProblem = ThresholdSweep.KeepRecallProblem(o.KeepRecall);
            if (keepProblem != null) throw new TrainException(keepProblem, ExitCodes.Usage);
            if (o.NegativeMinutes != null && !(o.NegativeMinutes.Value > 0)) throw new TrainException("--negative-minutes must be above 0", ExitCodes.Usage);
            if (o.PoolMinutes != null && !(o.PoolMinutes.Value > 0)) throw new TrainException("--pool-minutes must be above 0", ExitCodes.Usage);
            ModelPaths target = ModelPaths.For(o.Out);
            target.CheckWritable(o.Force);
            string root = RepositoryHome.Find()
                ?? throw new TrainException("cannot find the repository (training/synth.py): run edge-asr through ./edge-asr, or set " + RepositoryHome.Variable, ExitCodes.BadInput);
            if (o.Resource && NanoResource.FindRepoRoot(target.Blob) == null)
                throw new TrainException("--resource: " + target.Blob + " is not inside the repository (no " + NanoResource.ProjectFile + " above it)", ExitCodes.Usage);
            List<string> missing = TrainPrerequisites.Missing();
            if (missing.Count > 0)
                throw new TrainException("missing " + string.Join(", ", missing) + " (run ./test.sh to install, or apt-get install " + string.Join(" ", missing) + ")", ExitCodes.BadInput);

            bool ownWork = o.Work == null;
            string work = o.Work != null ? Path.GetFullPath(o.Work) : Path.Combine(Path.GetTempPath(), "edge-asr-train-" + Guid.NewGuid().ToString("N"));
            if (Directory.Exists(work) && Directory.GetFileSystemEntries(work).Length > 0)
                throw new TrainException("--work: " + work + " is not empty (remove it or choose another folder)", ExitCodes.BadInput);
            Directory.CreateDirectory(work);
            var total = Stopwatch.StartNew();
            try
            {
                _output.WriteLine("train: " + target.Name + " from \"" + o.Words + "\"" + (o.Smoke ? " (--smoke)" : "") + "; work folder " + work);
                var staged = ModelPaths.For(Path.Combine(work, "model", target.Name));
                Directory.CreateDirectory(Path.GetDirectoryName(staged.Blob)!);
                string data = Path.Combine(work, "data");
                string trainNpy = Path.Combine(work, "train.npy"), valNpy = Path.Combine(work, "val.npy"), poolNpy = Path.Combine(work, "pool.npy");

                Step(1, "synthesis", "text -> speech clips (train, val; held-out test voices) and command-free streams", () => Synthesis(root, o, data));
                Step(2, "features", "fixed-point log-mel of train, val and the negative pool", () =>
                {
                    string classes = Path.Combine(data, "synth.json");
                    int frames = SynthesisInfo.FramesPerClip(classes);
                    Features(Path.Combine(data, "train", "manifest.csv"), trainNpy, classes, frames, o.Jobs);
                    Features(Path.Combine(data, "val", "manifest.csv"), valNpy, classes, frames, o.Jobs);
                    int poolFrames = SynthesisInfo.FramesPerPoolStream(classes)
                        ?? throw new FeatureInputException(classes + ": no negative pool (synth.py --pool-minutes)");
                    Features(Path.Combine(data, "negatives", "pool", "manifest.csv"), poolNpy, classes, poolFrames, o.Jobs);
                });
                Step(3, "training", "train.py -> float export", () => Training(root, o, trainNpy, valNpy, poolNpy,
                    Path.Combine(data, "train", "manifest.csv"), staged.Export));
                Step(4, "bake", "quantise with the val features as calibration", () => Bake(staged, valNpy));
                ThresholdSweep.Result sweep = null!;
                Step(5, "thresholds", "per-command thresholds from the tuning streams and val clips, baked into the blob", () =>
                {
                    sweep = Thresholds(staged, data, o);
                    Bake(staged, valNpy);
                });
                EvalResult result = null!;
                Step(6, "eval", "the blob on the held-out test split and held-out negative streams", () => result = Evaluate(staged,
                    EvalManifest.Combine(EvalManifest.Load(Path.Combine(data, "test", "manifest.csv")), EvalManifest.Load(Path.Combine(data, "negatives", "test", "streams.csv")))));

                string? resx = target.Install(staged, o.Force, o.Resource);
                Summary(target, result, resx, total.Elapsed.TotalSeconds);
                return ExitCodes.Success;
            }
            finally
            {
                if (ownWork)
                {
                    try { Directory.Delete(work, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
            }
        }

        private void Step(int number, string name, string what, Action body)
        {
            _output.WriteLine("[" + number.ToString(CultureInfo.InvariantCulture) + "/6] " + name + ": " + what);
            _output.Flush();
            var clock = Stopwatch.StartNew();
            try
            {
                body();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new TrainException(name + " interrupted: no model written", ExitCodes.BadInput);
            }
            catch (Exception e) when (e is FeatureInputException || e is BakeException || e is EvalInputException || e is BlobFormatException
                || e is Edge.Asr.Sim.Audio.AudioFormatException || e is IOException || e is UnauthorizedAccessException)
            {
                throw new TrainException(name + " failed: " + e.Message, ExitCodes.BadInput);
            }
            double s = clock.Elapsed.TotalSeconds;
            _times.Add(new KeyValuePair<string, double>(name, s));
            _output.WriteLine("      " + name + " done in " + Seconds(s));
        }

        private void Synthesis(string root, Options o, string data)
        {
            var args = new List<string> { Path.Combine(root, "training", "synth.py"), "--words", o.Words, "--seed", N(o.Seed),
                "--splits", "train,val,test", "--jobs", N(o.Jobs), "--out", data };
            if (o.PerWord != null) { args.Add("--per-word"); args.Add(N(o.PerWord.Value)); }
            if (o.Smoke) args.Add("--smoke");
            args.Add("--voices"); args.Add(o.Voices);
            args.Add("--negative-minutes"); args.Add((o.NegativeMinutes ?? (o.Smoke ? 1 : DefaultNegativeMinutes)).ToString("R", CultureInfo.InvariantCulture));
            args.Add("--pool-minutes"); args.Add((o.PoolMinutes ?? (o.Smoke ? 1 : 120)).ToString("R", CultureInfo.InvariantCulture));
            // synth.py prints one line at its end; count the clips written meanwhile so minutes of it are not silent.
            using var progress = new Timer(_ => _output.WriteLine("      " + WavCount(data).ToString(CultureInfo.InvariantCulture) + " clips so far"),
                null, SynthesisProgressPeriod, SynthesisProgressPeriod);
            Child("synthesis", args, new Dictionary<string, string>());
        }

        private static readonly TimeSpan SynthesisProgressPeriod = TimeSpan.FromSeconds(30);

        private static int WavCount(string folder)
        {
            try
            {
                return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.wav", SearchOption.AllDirectories).Length : 0;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return 0; // a folder that changes under the count: the next tick counts again
            }
        }

        /// <summary>Weight of train.py's frame loss (every encoder frame trained from the word's position; docs/training.md).</summary>
        public const double FrameLoss = 1.0;

        /// <summary>
        /// Minutes of command-free streams for the threshold sweep, and as many held out (180 since session 9: at one hour a
        /// target of 0.5 per hour rests on a count of 0 or 1; 3 h of streams cost about 1 min of synthesis).
        /// </summary>
        public const double DefaultNegativeMinutes = 180;

        private void Training(string root, Options o, string train, string val, string pool, string trainManifest, string export)
        {
            var args = new List<string> { Path.Combine(root, "training", "train.py"), "--train", train, "--val", val, "--negative-pool", pool,
                "--train-manifest", trainManifest, "--frame-loss", FrameLoss.ToString("R", CultureInfo.InvariantCulture),
                "--out", export, "--seed", N(o.Seed) };
            if (o.Smoke) args.Add("--smoke");
            if (o.InputNorm) args.Add("--input-norm");
            if (o.Epochs != null) { args.Add("--epochs"); args.Add(N(o.Epochs.Value)); }
            if (o.MaxMinutes != null) { args.Add("--max-minutes"); args.Add(o.MaxMinutes.Value.ToString("R", CultureInfo.InvariantCulture)); }
            // One BLAS thread: torch's own threads do the work; more oversubscribes the cores (docs/training.md).
            // Passive OpenMP waits: spinning threads slowed epochs 20-40x on a machine busy with other work.
            Child("training", args, new Dictionary<string, string> { ["OPENBLAS_NUM_THREADS"] = "1", ["OMP_WAIT_POLICY"] = "PASSIVE" });
        }

        private void Child(string step, List<string> args, Dictionary<string, string> environment)
        {
            ChildProcess.Outcome r = ChildProcess.Run(TrainPrerequisites.Python, args, environment, _output, "      ", _stop);
            _stop.ThrowIfCancellationRequested();
            if (r.ExitCode != 0)
            {
                string why = r.LastError.Length > 0 ? r.LastError : "exit code " + N(r.ExitCode);
                // synth.py and train.py exit 2 for a bad argument (--words empty or duplicated): a usage error here too.
                throw new TrainException(step + " failed: " + why, r.ExitCode == 2 ? ExitCodes.Usage : ExitCodes.BadInput);
            }
        }

        private void Features(string manifest, string npy, string classes, int frames, int jobs)
        {
            var text = new StringWriter();
            new FeaturesCommand(text).Execute(manifest, npy, null, classes, frames, jobs);
            Indented(text.ToString());
        }

        private void Bake(ModelPaths staged, string calibration)
        {
            var text = new StringWriter();
            // --no-resource: the embedded model is firmware/Resources/ModelResources.resx; only --resource replaces it (after the move).
            new BakeCommand(text).Execute(staged.Export, calibration, staged.Blob, false, true);
            string[] lines = text.ToString().Split('\n');
            _output.WriteLine("      " + lines[0].TrimEnd('\r'));
        }

        /// <summary>Sweeps thresholds on the tuning streams and the val commands, writes them into the export's config.json and the sweep beside it.</summary>
        private ThresholdSweep.Result Thresholds(ModelPaths staged, string data, Options o)
        {
            ThresholdSweep.Result r = ThresholdStep.Run(staged.Blob, staged.Export, Path.Combine(data, "negatives", "tune", "streams.csv"),
                Path.Combine(data, "val", "manifest.csv"), new ThresholdSweep.Options { TargetFaPerHour = o.TargetFaPerHour, KeepRecall = o.KeepRecall, Workers = o.Jobs }, _stop);
            foreach (string line in ThresholdFile.Lines(r)) _output.WriteLine("      " + line);
            return r;
        }

        private EvalResult Evaluate(ModelPaths staged, EvalManifest manifest)
        {
            Func<IRecogniser> recognisers = RecogniserLoader.Load(staged.Blob);
            EvalResult r = new EvalEngine(recognisers).Run(manifest, null, _stop);
            var text = new StringWriter();
            EvalText.Write(text, r);
            File.WriteAllText(staged.EvalText, text.ToString());
            File.WriteAllText(staged.EvalJson, EvalJson.Serialize(r) + "\n");
            File.WriteAllText(staged.EvalHtml, EvalHtmlReport.Build(r, "edge-asr train: " + Path.GetFileName(staged.Export) + ", held-out test split"));
            Indented(text.ToString());
            return r;
        }

        private void Summary(ModelPaths target, EvalResult r, string? resx, double seconds)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("done: " + target.Blob + " (" + new FileInfo(target.Blob).Length.ToString(c) + " bytes), float export " + target.Export);
            _output.WriteLine("  held-out accuracy (detector):    " + Percent(r.Accuracy) + " (last frame " + Percent(r.LastFrame.Accuracy) + ")" + " on " + r.Clips.ToString(c) + " clips");
            _output.WriteLine("  fixed/float agreement:           " + Percent(r.AgreementFixedFloat));
            string? warning = AgreementWarning(r.AgreementFixedFloat, r.Clips);
            if (warning != null) _output.WriteLine("  " + warning);
            _output.WriteLine("  eval report: " + target.EvalText + ", " + target.EvalJson + ", " + target.EvalHtml);
            if (resx != null) _output.WriteLine("  firmware resource: " + resx);
            var times = new List<string>();
            foreach (KeyValuePair<string, double> t in _times) times.Add(t.Key + " " + Seconds(t.Value));
            _output.WriteLine("  time: " + string.Join(", ", times) + "; total " + Seconds(seconds));
        }

        /// <summary>Fixed-vs-float top-1 agreement the baked model should reach (issue 6's target).</summary>
        public const double AgreementTarget = 0.995;

        /// <summary>
        /// A warning line when the int8 model departs from its float export on more held-out clips than
        /// the target allows (null otherwise): it happens for some trainings of the same recipe, so the
        /// user should know before flashing (weights/README.md, seed 1 vs 2).
        /// </summary>
        public static string? AgreementWarning(double? agreement, int clips)
        {
            if (agreement == null || agreement.Value >= AgreementTarget) return null;
            long departs = (long)Math.Round((1 - agreement.Value) * clips);
            return "warning: fixed/float agreement below " + Percent(AgreementTarget) + ": the int8 model picks another class than its float export on "
                + departs.ToString(CultureInfo.InvariantCulture) + " of " + clips.ToString(CultureInfo.InvariantCulture)
                + " held-out clips; another --seed may do better (docs/training.md)";
        }

        private void Indented(string text)
        {
            foreach (string line in text.Split('\n'))
                if (line.Trim().Length > 0) _output.WriteLine("      " + line.TrimEnd('\r'));
        }

        private static string Percent(double? v) => v == null ? "n/a" : (v.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

        private static string Seconds(double s) => s < 120
            ? s.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : (s / 60).ToString("0.0", CultureInfo.InvariantCulture) + " min";

        private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
