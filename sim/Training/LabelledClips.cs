using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// The clips to turn into features, each with its label and where it was listed (for error
    /// messages): from a clip manifest CSV (eval's reader, <see cref="EvalManifest"/>) or from a
    /// folder with one sub-folder of .wav files per label.
    /// </summary>
    public sealed class LabelledClips
    {
        private LabelledClips(string[] paths, string[] labels, string[] origins)
        {
            Paths = paths;
            Labels = labels;
            Origins = origins;
        }

        /// <summary>The WAV paths, as found on disk (manifest paths joined to the manifest's folder).</summary>
        public string[] Paths { get; }
        public string[] Labels { get; }
        /// <summary>Where each clip was listed: "manifest.csv line 5" or the WAV path.</summary>
        public string[] Origins { get; }
        public int Count => Paths.Length;

        /// <summary>A manifest file or a folder-per-label directory.</summary>
        public static LabelledClips Load(string input)
        {
            if (Directory.Exists(input)) return FromFolders(input);
            if (!File.Exists(input)) throw new FeatureInputException(input + ": no such manifest file or folder");
            return FromManifest(input);
        }

        /// <summary>
        /// A clip manifest, read by eval's reader (<see cref="EvalManifest.FromCsv"/>: RFC 4180, header
        /// path,label, paths relative to the manifest's folder or the folder above it as synth.py writes
        /// them), so features and eval accept and refuse the same files with the same messages.
        /// </summary>
        public static LabelledClips FromManifest(string manifest)
        {
            EvalManifest parsed;
            try
            {
                parsed = EvalManifest.FromCsv(manifest, File.ReadAllText(manifest));
            }
            catch (EvalInputException e)
            {
                throw new FeatureInputException(e.Message);
            }
            if (parsed.Streams.Count > 0)
                throw new FeatureInputException(manifest + " line 1: a stream manifest (start and end columns); features need clips (path,label)");
            var paths = new string[parsed.Clips.Count];
            var labels = new string[paths.Length];
            var origins = new string[paths.Length];
            for (int i = 0; i < paths.Length; i++)
            {
                paths[i] = parsed.Clips[i].Path;
                labels[i] = parsed.Clips[i].Label;
                origins[i] = parsed.Clips[i].Where;
            }
            return new LabelledClips(paths, labels, origins);
        }

        /// <summary>Every *.wav of every sub-folder; the sub-folder's name is the label. Ordinal order of folders and files.</summary>
        public static LabelledClips FromFolders(string root)
        {
            var paths = new List<string>();
            var labels = new List<string>();
            string[] folders = Directory.GetDirectories(root);
            Array.Sort(folders, StringComparer.Ordinal);
            foreach (string folder in folders)
            {
                string[] wavs = Directory.GetFiles(folder, "*.wav");
                Array.Sort(wavs, StringComparer.Ordinal);
                foreach (string wav in wavs)
                {
                    paths.Add(wav);
                    labels.Add(Path.GetFileName(folder));
                }
            }
            if (paths.Count == 0) throw new FeatureInputException(root + ": no .wav files in label sub-folders (expected " + Path.Combine(root, "<label>", "<clip>.wav") + ")");
            return new LabelledClips(paths.ToArray(), labels.ToArray(), paths.ToArray());
        }
    }
}
