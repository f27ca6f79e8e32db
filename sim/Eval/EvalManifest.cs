using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// What to evaluate, read from a folder per label or a CSV manifest (docs/simulator.md):
    /// <c>path,label[,…]</c> lists clips; <c>path,label,start,end[,…]</c> lists long streams with
    /// their keywords (a row with an empty label and empty times lists negative audio). Every
    /// problem is one <see cref="EvalInputException"/> line naming the row.
    /// </summary>
    public sealed class EvalManifest
    {
        private EvalManifest(string name, IReadOnlyList<LabelledClip> clips, IReadOnlyList<LabelledStream> streams)
        {
            Name = name;
            Clips = clips;
            Streams = streams;
        }

        /// <summary>The folder or manifest as the user named it.</summary>
        public string Name { get; }

        public IReadOnlyList<LabelledClip> Clips { get; }

        public IReadOnlyList<LabelledStream> Streams { get; }

        /// <summary>Reads a folder (one sub-folder per label) or a .csv manifest.</summary>
        public static EvalManifest Load(string path)
        {
            if (Directory.Exists(path)) return FromFolder(path);
            if (!File.Exists(path)) throw new EvalInputException(path + ": no such file or folder");
            if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                throw new EvalInputException(path + ": not a folder or a .csv manifest");
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new EvalInputException(path + ": cannot read: " + e.Message);
            }
            return FromCsv(path, text);
        }

        /// <summary>One evaluation of two manifests: the clips and the streams of both, in order.</summary>
        public static EvalManifest Combine(EvalManifest a, EvalManifest b)
        {
            var clips = new List<LabelledClip>(a.Clips);
            clips.AddRange(b.Clips);
            var streams = new List<LabelledStream>(a.Streams);
            streams.AddRange(b.Streams);
            return new EvalManifest(a.Name + " + " + b.Name, clips, streams);
        }

        /// <summary>Checks every label against the model's; an unknown one names its row and lists the model's labels.</summary>
        public void ValidateLabels(string[] modelLabels)
        {
            var known = new HashSet<string>(modelLabels, StringComparer.Ordinal);
            foreach (LabelledClip c in Clips)
            {
                if (!known.Contains(c.Label)) throw UnknownLabel(c.Where, c.Label, modelLabels);
            }
            foreach (LabelledStream s in Streams)
            {
                foreach (KeywordSpan k in s.Keywords)
                {
                    if (!known.Contains(k.Label)) throw UnknownLabel(k.Where, k.Label, modelLabels);
                    if (LabelFolders.IsFiller(k.Label))
                        throw new EvalInputException(k.Where + ": '" + k.Label + "' is a filler label, never detected; stream keywords must be commands");
                }
            }
        }

        private static EvalInputException UnknownLabel(string where, string label, string[] modelLabels) =>
            new EvalInputException(where + ": unknown label '" + label + "' (the model's labels: " + string.Join(", ", modelLabels) + ")");

        private static EvalManifest FromFolder(string folder)
        {
            var clips = new List<LabelledClip>();
            string[] labelFolders = Directory.GetDirectories(folder);
            Array.Sort(labelFolders, StringComparer.Ordinal);
            foreach (string labelFolder in labelFolders)
            {
                string folderName = System.IO.Path.GetFileName(labelFolder);
                if (folderName.StartsWith('.')) continue;
                string[] files = Directory.GetFiles(labelFolder, "*.wav", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive });
                Array.Sort(files, StringComparer.Ordinal);
                string label = LabelFolders.LabelOf(folderName);
                foreach (string file in files) clips.Add(new LabelledClip(file, label, "folder " + folderName));
            }
            if (clips.Count == 0) throw new EvalInputException(folder + ": no .wav files in label folders (need <folder>/<label>/*.wav)");
            return new EvalManifest(folder, clips, new List<LabelledStream>());
        }

        /// <summary>Parses manifest text; <paramref name="manifestPath"/> names it in messages and anchors relative paths.</summary>
        public static EvalManifest FromCsv(string manifestPath, string text)
        {
            string name = manifestPath;
            List<CsvRows.Row> rows = CsvRows.Parse(text, out string? error);
            if (error != null) throw new EvalInputException(name + " " + error);
            if (rows.Count == 0) throw new EvalInputException(name + ": empty manifest (need a header row path,label)");
            string[] header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            int pathCol = Array.IndexOf(header, "path");
            int labelCol = Array.IndexOf(header, "label");
            int startCol = Array.IndexOf(header, "start");
            int endCol = Array.IndexOf(header, "end");
            if (pathCol < 0 || labelCol < 0)
            {
                string missing = pathCol < 0 && labelCol < 0 ? "'path' and 'label' columns" : pathCol < 0 ? "'path' column" : "'label' column";
                throw new EvalInputException(name + " line 1: header has no " + missing + " (need path,label or path,label,start,end)");
            }
            if ((startCol < 0) != (endCol < 0))
                throw new EvalInputException(name + " line 1: header has " + (startCol < 0 ? "'end' but no 'start'" : "'start' but no 'end'") + " column");
            if (rows.Count == 1) throw new EvalInputException(name + ": no rows after the header");

            string baseFolder = System.IO.Path.GetDirectoryName(manifestPath) ?? "";
            bool streams = startCol >= 0;
            var clips = new List<LabelledClip>();
            var streamOrder = new List<string>();
            var keywords = new Dictionary<string, List<KeywordSpan>>(StringComparer.Ordinal);
            var streamWhere = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int r = 1; r < rows.Count; r++)
            {
                CsvRows.Row row = rows[r];
                string where = name + " line " + row.Line.ToString(CultureInfo.InvariantCulture);
                if (row.Fields.Length != header.Length)
                {
                    throw new EvalInputException(where + ": " + row.Fields.Length.ToString(CultureInfo.InvariantCulture) + " fields, the header has "
                        + header.Length.ToString(CultureInfo.InvariantCulture));
                }
                string relative = row.Fields[pathCol].Trim();
                string label = row.Fields[labelCol].Trim();
                if (relative.Length == 0) throw new EvalInputException(where + ": empty path");
                string file = Resolve(baseFolder, relative, where);
                if (!streams)
                {
                    if (label.Length == 0) throw new EvalInputException(where + ": empty label");
                    clips.Add(new LabelledClip(file, label, where));
                    continue;
                }
                if (!keywords.TryGetValue(file, out List<KeywordSpan>? list))
                {
                    list = new List<KeywordSpan>();
                    keywords.Add(file, list);
                    streamOrder.Add(file);
                    streamWhere.Add(file, where);
                }
                string start = row.Fields[startCol].Trim(), end = row.Fields[endCol].Trim();
                if (label.Length == 0)
                {
                    if (start.Length != 0 || end.Length != 0) throw new EvalInputException(where + ": times without a label (negative audio has an empty label, start and end)");
                    continue;
                }
                double s = Seconds(start, "start", where), e = Seconds(end, "end", where);
                if (e < s) throw new EvalInputException(where + ": end " + end + " is before start " + start);
                list.Add(new KeywordSpan(label, s, e, where));
            }
            var streamList = new List<LabelledStream>();
            foreach (string file in streamOrder)
            {
                List<KeywordSpan> spans = keywords[file];
                // Stable sort by start keeps manifest order among equal starts.
                List<KeywordSpan> sorted = spans.OrderBy(k => k.StartSeconds).ToList();
                streamList.Add(new LabelledStream(file, streamWhere[file], sorted));
            }
            return new EvalManifest(name, clips, streamList);
        }

        // Relative to the manifest's folder; failing that, to the folder above it, because
        // training/synth.py writes OUT/<split>/manifest.csv with paths relative to OUT.
        private static string Resolve(string baseFolder, string relative, string where)
        {
            if (System.IO.Path.IsPathRooted(relative))
            {
                if (File.Exists(relative)) return relative;
                throw new EvalInputException(where + ": file not found: " + relative);
            }
            string first = System.IO.Path.Combine(baseFolder, relative);
            if (File.Exists(first)) return first;
            string parent = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(string.IsNullOrEmpty(baseFolder) ? "." : baseFolder)) ?? "";
            string second = System.IO.Path.Combine(parent, relative);
            if (parent.Length > 0 && File.Exists(second)) return second;
            throw new EvalInputException(where + ": file not found: " + relative + " (looked in " + (baseFolder.Length == 0 ? "." : baseFolder) + ")");
        }

        private static double Seconds(string text, string what, string where)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v) || v < 0)
                throw new EvalInputException(where + ": " + what + " '" + text + "' is not a time in seconds (a number ≥ 0)");
            return v;
        }
    }
}
