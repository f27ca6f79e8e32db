using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// The ordered class labels: the index of a label is its class number in the labels file and
    /// the model's output. Either given (a text file with one label per line, or a JSON file with a
    /// "labels" array such as synth.json) or, by default, the distinct labels in ordinal order.
    /// </summary>
    public sealed class ClassList
    {
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);

        private ClassList(string[] labels, string source)
        {
            if (labels.Length == 0) throw new FeatureInputException(source + ": the class list is empty");
            for (int i = 0; i < labels.Length; i++)
                if (!_index.TryAdd(labels[i], i)) throw new FeatureInputException(source + ": class '" + labels[i] + "' is listed twice");
            Labels = labels;
            Source = source;
        }

        public string[] Labels { get; }
        /// <summary>Where the list came from (a file path, or "the labels seen").</summary>
        public string Source { get; }

        public static ClassList Distinct(string[] labels)
        {
            var set = new SortedSet<string>(labels, StringComparer.Ordinal);
            return new ClassList(new List<string>(set).ToArray(), "the labels seen");
        }

        public static ClassList FromFile(string path)
        {
            if (!File.Exists(path)) throw new FeatureInputException(path + ": class list file not found");
            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
                    if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("labels", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
                        throw new FeatureInputException(path + ": expected a JSON object with a \"labels\" array");
                    var labels = new List<string>();
                    foreach (JsonElement e in array.EnumerateArray())
                    {
                        if (e.ValueKind != JsonValueKind.String || e.GetString()!.Length == 0) throw new FeatureInputException(path + ": \"labels\" must hold non-empty strings");
                        labels.Add(e.GetString()!);
                    }
                    return new ClassList(labels.ToArray(), path);
                }
                catch (JsonException e)
                {
                    throw new FeatureInputException(path + ": not valid JSON (" + e.Message.Replace('\n', ' ') + ")");
                }
            }
            var lines = new List<string>();
            foreach (string line in File.ReadAllLines(path))
                if (line.Trim().Length > 0) lines.Add(line.Trim());
            return new ClassList(lines.ToArray(), path);
        }

        /// <summary>The class number of every clip; a label outside the list is an error naming the clip's row.</summary>
        public int[] IndicesOf(LabelledClips clips)
        {
            var indices = new int[clips.Count];
            for (int i = 0; i < clips.Count; i++)
            {
                if (!_index.TryGetValue(clips.Labels[i], out indices[i]))
                    throw new FeatureInputException(clips.Origins[i] + ": label '" + clips.Labels[i] + "' is not in the class list (" + Source + ")");
            }
            return indices;
        }
    }
}
