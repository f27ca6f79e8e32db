using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Training;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr features &lt;manifest.csv | dir&gt; --out X.npy</c>: the fixed-point log-mel of every
    /// clip as one int16 .npy [clips, frames, 40], plus the class number of every clip
    /// (X.labels.txt) and the class list (X.classes.txt), so training sees exactly what the device
    /// computes (docs/training.md).
    /// </summary>
    public sealed class FeaturesCommand
    {
        private readonly TextWriter _output;

        public FeaturesCommand(TextWriter output)
        {
            _output = output;
        }

        /// <summary>The "features" command with its arguments, for <see cref="EdgeAsrCli"/>.</summary>
        public static Command Build(TextWriter stdout)
        {
            var input = new Argument<string>("input")
            {
                Description = "a manifest CSV (header row with columns path and label; paths relative to its folder, or to OUT for synth.py's OUT/<split>/manifest.csv) or a folder with one sub-folder of .wav files per label",
            };
            var output = new Option<string>("--out") { Description = "the .npy file to write: int16 [clips, frames, 40]", Required = true };
            var labels = new Option<string>("--labels") { Description = "where to write the class number of every clip, one per line (default: X.labels.txt for --out X.npy; the class list goes to X.classes.txt)" };
            var classes = new Option<string>("--classes") { Description = "the class order: a text file with one label per line or a JSON file with a \"labels\" array (synth.json); default: the labels seen, in ordinal order" };
            var frames = new Option<int>("--frames") { Description = "frames per clip: shorter clips are zero-padded at the end, longer ones cropped", DefaultValueFactory = _ => ClipFeatures.DefaultFrames };
            var jobs = new Option<int>("--jobs") { Description = "threads", DefaultValueFactory = _ => Environment.ProcessorCount };
            var command = new Command("features", "Compute the fixed-point log-mel of every clip into a NumPy .npy file for training.");
            command.Add(input);
            command.Add(output);
            command.Add(labels);
            command.Add(classes);
            command.Add(frames);
            command.Add(jobs);
            command.SetAction(result => new FeaturesCommand(stdout).Execute(result.GetValue(input)!, result.GetValue(output)!,
                result.GetValue(labels), result.GetValue(classes), result.GetValue(frames), result.GetValue(jobs)));
            return command;
        }

        /// <summary>"train.npy" → "train.labels.txt" (the .npy extension, if any, is replaced).</summary>
        public static string SiblingPath(string npyPath, string suffix)
        {
            string stem = npyPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) ? npyPath.Substring(0, npyPath.Length - 4) : npyPath;
            return stem + suffix;
        }

        /// <summary>Runs the extraction; returns the exit code. Bad inputs throw <see cref="FeatureInputException"/> or AudioFormatException.</summary>
        public int Execute(string input, string outPath, string? labelsPath, string? classesPath, int frames, int jobs)
        {
            if (frames < 1) throw new FeatureInputException("--frames must be at least 1, got " + frames.ToString(CultureInfo.InvariantCulture));
            if (jobs < 1) throw new FeatureInputException("--jobs must be at least 1, got " + jobs.ToString(CultureInfo.InvariantCulture));
            var clock = Stopwatch.StartNew();
            LabelledClips clips = LabelledClips.Load(input);
            ClassList classes = classesPath != null ? ClassList.FromFile(classesPath) : ClassList.Distinct(clips.Labels);
            int[] indices = classes.IndicesOf(clips);

            var fits = new ClipFeatures.Fit[clips.Count];
            short[] features = ClipFeatures.ComputeAll(clips.Paths, frames, jobs, fits);

            labelsPath ??= SiblingPath(outPath, ".labels.txt");
            string classesOut = SiblingPath(outPath, ".classes.txt");
            string? folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder != null) Directory.CreateDirectory(folder);
            try
            {
                using (var stream = new FileStream(outPath, FileMode.Create, FileAccess.Write))
                    NpyWriter.WriteInt16(stream, features, new[] { clips.Count, frames, LogMelFrontend.MelChannels });
                File.WriteAllText(labelsPath, Lines(indices));
                File.WriteAllText(classesOut, string.Join("\n", classes.Labels) + "\n");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FeatureInputException("cannot write the features: " + e.Message);
            }

            int padded = 0, cropped = 0;
            foreach (ClipFeatures.Fit f in fits)
            {
                if (f == ClipFeatures.Fit.Padded) padded++;
                if (f == ClipFeatures.Fit.Cropped) cropped++;
            }
            CultureInfo c = CultureInfo.InvariantCulture;
            _output.WriteLine("features: " + clips.Count.ToString(c) + " clips x " + frames.ToString(c) + " frames x "
                + LogMelFrontend.MelChannels.ToString(c) + " int16 -> " + outPath + " (" + padded.ToString(c) + " padded, "
                + cropped.ToString(c) + " cropped to " + ClipFeatures.SamplesFor(frames).ToString(c) + " samples)");
            _output.WriteLine("labels:   " + labelsPath + "; classes (" + classes.Labels.Length.ToString(c) + "): " + classesOut);
            _output.WriteLine("time:     " + clock.Elapsed.TotalSeconds.ToString("0.00", c) + " s on " + jobs.ToString(c) + " threads");
            return ExitCodes.Success;
        }

        private static string Lines(int[] values)
        {
            var s = new StringBuilder();
            foreach (int v in values) s.Append(v.ToString(CultureInfo.InvariantCulture)).Append('\n');
            return s.ToString();
        }
    }
}
