using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// The clips to turn into features, each with its label and where it was listed (for error
    /// messages): from a manifest CSV (header row naming at least "path" and "label"; paths
    /// relative to the manifest's folder, see <see cref="PathRoot"/>) or from a folder with one sub-folder of .wav files per label.
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
        /// <summary>Where each clip was listed: "manifest.csv row 5" or the WAV path.</summary>
        public string[] Origins { get; }
        public int Count => Paths.Length;

        /// <summary>A manifest file or a folder-per-label directory.</summary>
        public static LabelledClips Load(string input)
        {
            if (Directory.Exists(input)) return FromFolders(input);
            if (!File.Exists(input)) throw new FeatureInputException(input + ": no such manifest file or folder");
            return FromManifest(input);
        }

        public static LabelledClips FromManifest(string manifest)
        {
            string[] lines = File.ReadAllLines(manifest);
            int first = 0;
            while (first < lines.Length && lines[first].Trim().Length == 0) first++;
            if (first == lines.Length) throw new FeatureInputException(manifest + ": empty manifest (a header row naming the columns path and label is required)");
            string[] header = Csv.Split(lines[first], manifest + " row " + (first + 1).ToString(CultureInfo.InvariantCulture));
            int pathColumn = Array.IndexOf(header, "path"), labelColumn = Array.IndexOf(header, "label");
            if (pathColumn < 0 || labelColumn < 0)
                throw new FeatureInputException(manifest + " row " + (first + 1).ToString(CultureInfo.InvariantCulture)
                    + ": the header must name the columns path and label, got '" + lines[first] + "'");
            int needed = Math.Max(pathColumn, labelColumn) + 1;
            string folder = PathRoot(manifest);
            var paths = new List<string>();
            var labels = new List<string>();
            var origins = new List<string>();
            for (int i = first + 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                string origin = manifest + " row " + (i + 1).ToString(CultureInfo.InvariantCulture);
                string[] fields = Csv.Split(lines[i], origin);
                if (fields.Length < needed)
                    throw new FeatureInputException(origin + ": expected at least " + needed.ToString(CultureInfo.InvariantCulture)
                        + " columns (path and label), got " + fields.Length.ToString(CultureInfo.InvariantCulture));
                string path = fields[pathColumn].Trim(), label = fields[labelColumn].Trim();
                if (path.Length == 0) throw new FeatureInputException(origin + ": empty path");
                if (label.Length == 0) throw new FeatureInputException(origin + ": empty label");
                paths.Add(Path.Combine(folder, path));
                labels.Add(label);
                origins.Add(origin);
            }
            if (paths.Count == 0) throw new FeatureInputException(manifest + ": the manifest lists no clips (only a header row)");
            return new LabelledClips(paths.ToArray(), labels.ToArray(), origins.ToArray());
        }

        /// <summary>
        /// The folder manifest paths are relative to: the manifest's own folder, except in a synth.py
        /// output (OUT/&lt;split&gt;/manifest.csv with OUT/synth.json), whose paths are relative to OUT.
        /// </summary>
        public static string PathRoot(string manifest)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(manifest)) ?? ".";
            string? parent = Path.GetDirectoryName(folder);
            if (parent != null && File.Exists(Path.Combine(parent, "synth.json"))) return parent;
            return folder;
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
