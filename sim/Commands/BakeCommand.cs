using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Training;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr bake &lt;export-dir&gt; --calib &lt;wav dir | features .npy&gt; --out weights/&lt;name&gt;.easr</c>:
    /// training export → quantised, checksummed model blob (+ the nanoFramework resource that embeds
    /// it), with a size table (docs/bake.md). The calibration log-mel is computed here by the
    /// project's own frontend (codegen does not read audio).
    /// </summary>
    public sealed class BakeCommand
    {
        private readonly TextWriter _output;

        public BakeCommand(TextWriter output)
        {
            _output = output;
        }

        /// <summary>The "bake" command with its arguments, for <see cref="EdgeAsrCli"/>.</summary>
        public static Command Build(TextWriter stdout)
        {
            var export = new Argument<string>("export") { Description = "training export folder: config.json + model.safetensors (training/train.py)" };
            var calib = new Option<string>("--calib") { Description = "calibration audio: a folder of .wav files (searched recursively, 1 s each: zero-padded or cropped) or an int16 features .npy [clips, frames, 40] from `edge-asr features`", Required = true };
            var output = new Option<string>("--out") { Description = "the blob to write, e.g. weights/<name>.easr", Required = true };
            var resource = new Option<bool>("--resource") { Description = "also make the blob the firmware's embedded model: write firmware/Resources/ModelResources.resx and its Edge.Asr.nfproj entry" };
            var noResource = new Option<bool>("--no-resource") { Description = "do not write the nanoFramework resource (the default; kept for scripts)" };
            var verbose = new Option<bool>("--verbose") { Description = "also print the table of every tensor (name, dtype, shape, bytes)" };
            var command = new Command("bake", "Quantise a training export into a model blob for the device and print its size.");
            command.Add(export);
            command.Add(calib);
            command.Add(output);
            command.Add(resource);
            command.Add(noResource);
            command.Add(verbose);
            command.SetAction(result => new BakeCommand(stdout).Execute(result.GetValue(export)!, result.GetValue(calib)!, result.GetValue(output)!,
                result.GetValue(resource), result.GetValue(noResource), result.GetValue(verbose)));
            return command;
        }

        /// <summary>Runs the bake; returns the exit code. Bad inputs throw BakeException (or the feature/audio input errors).</summary>
        public int Execute(string exportFolder, string calibration, string outPath, bool resource, bool noResource, bool verbose = false)
        {
            if (resource && noResource) throw new BakeException("--resource and --no-resource exclude each other");
            if (!Directory.Exists(exportFolder)) throw new BakeException(exportFolder + ": not a folder (expected a training export with config.json and model.safetensors)");
            string? root = NanoResource.FindRepoRoot(outPath);
            if (resource && root == null) throw new BakeException("--resource: no " + NanoResource.ProjectFile + " at or above " + outPath);
            CheckWritable(outPath);
            var clock = Stopwatch.StartNew();
            List<double[][]> clips = Calibration(calibration);
            BakeResult r = Baker.Bake(exportFolder, clips);
            string? folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            try
            {
                if (folder != null) Directory.CreateDirectory(folder);
                File.WriteAllBytes(outPath, r.Blob);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new BakeException("cannot write " + outPath + ": " + e.Message);
            }
            // Only --resource replaces the firmware's embedded model: a blob written to weights/ is not flashed by accident.
            string? resx = resource ? NanoResource.Write(root!, outPath) : null;
            double seconds = clock.Elapsed.TotalSeconds;
            Report(r, exportFolder, outPath, clips.Count, calibration, resx, seconds, verbose);
            return ExitCodes.Success;
        }

        /// <summary>Refuses, before any work, an output path that cannot be written (no folder can be made there, a folder in its place, no permission).</summary>
        public static void CheckWritable(string outPath)
        {
            if (OutputPath.Problem(outPath) is string problem) throw new BakeException(problem);
        }

        /// <summary>Calibration clips in log2 units (Q8 / 256) from a wav folder or a features .npy.</summary>
        public static List<double[][]> Calibration(string path)
        {
            var clips = new List<double[][]>();
            if (Directory.Exists(path))
            {
                string[] wavs = Directory.GetFiles(path, "*.wav", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal).ToArray();
                if (wavs.Length == 0) throw new BakeException(path + ": no .wav files for calibration");
                int frames = ClipFeatures.DefaultFrames, mel = LogMelFrontend.MelChannels;
                short[] q8 = ClipFeatures.ComputeAll(wavs, frames, Math.Max(1, Environment.ProcessorCount), new ClipFeatures.Fit[wavs.Length]);
                for (int c = 0; c < wavs.Length; c++) clips.Add(Clip(q8, c * frames * mel, frames, mel));
                return clips;
            }
            if (!File.Exists(path)) throw new BakeException(path + ": calibration input not found (a folder of .wav files or a features .npy)");
            NpyArray a;
            try
            {
                a = NpyArray.Read(path);
            }
            catch (InvalidDataException e)
            {
                throw new BakeException(e.Message);
            }
            if (a.Descr != "<i2" || a.Shape.Length != 3 || a.Shape[2] != LogMelFrontend.MelChannels || a.Shape[0] < 1 || a.Shape[1] < 1)
                throw new BakeException(path + ": expected int16 features [clips, frames, " + LogMelFrontend.MelChannels + "] from `edge-asr features`, got "
                    + a.Descr + " [" + string.Join(", ", a.Shape) + "]");
            int n = a.Shape[0], f = a.Shape[1], m = a.Shape[2];
            for (int c = 0; c < n; c++)
            {
                var clip = new double[f][];
                for (int t = 0; t < f; t++)
                {
                    clip[t] = new double[m];
                    for (int k = 0; k < m; k++) clip[t][k] = a.Values[((long)c * f + t) * m + k] / 256.0;
                }
                clips.Add(clip);
            }
            return clips;
        }

        private static double[][] Clip(short[] q8, int offset, int frames, int mel)
        {
            var clip = new double[frames][];
            for (int t = 0; t < frames; t++)
            {
                clip[t] = new double[mel];
                for (int k = 0; k < mel; k++) clip[t][k] = q8[offset + t * mel + k] / 256.0;
            }
            return clip;
        }

        private void Report(BakeResult r, string export, string outPath, int clips, string calibration, string? resx, double seconds, bool verbose)
        {
            CultureInfo ci = CultureInfo.InvariantCulture;
            string N(long v) => v.ToString(ci);
            int nameWidth = Math.Max(6, r.Rows.Max(x => x.Name.Length));
            int shapeWidth = Math.Max(5, r.Rows.Max(x => ExportTensors.Shape(x.Shape).Length));
            _output.WriteLine("bake: " + export + " -> " + outPath + " (" + N(r.FlashBytes) + " bytes, " + N(r.Rows.Count) + " tensors) in "
                + seconds.ToString("0.00", ci) + " s; calibration: " + N(clips) + " clips from " + calibration);
            if (verbose)
            {
                _output.WriteLine("tensor".PadRight(nameWidth) + "  dtype  " + "shape".PadRight(shapeWidth) + "  " + "bytes".PadLeft(7));
                foreach (SizeRow row in r.Rows)
                    _output.WriteLine(row.Name.PadRight(nameWidth) + "  " + row.DType.PadRight(5) + "  " + ExportTensors.Shape(row.Shape).PadRight(shapeWidth)
                        + "  " + N(row.Bytes).PadLeft(7));
            }
            _output.WriteLine("int8 weight bytes:  " + N(r.Int8WeightBytes));
            _output.WriteLine("tensor data bytes:  " + N(r.TensorBytes));
            _output.WriteLine("flash bytes:        " + N(r.FlashBytes) + " (the blob)");
            _output.WriteLine("engine RAM bytes:   " + N(r.EngineRamBytes) + " = parameters " + N(r.ParameterRamBytes) + " + streaming state "
                + N(r.StateBytes) + " + scratch " + N(r.ScratchBytes) + " (integer arrays; object headers not counted)");
            if (resx != null)
                _output.WriteLine("resource: " + resx + " (\"" + NanoResource.ResourceName + "\", id " + N(NanoResource.ResourceId(NanoResource.ResourceName))
                    + "), embedded by " + NanoResource.ProjectFile);
        }
    }
}
