using System.Collections.Generic;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>One labelled clip: its file, its label and where it was listed (for error messages).</summary>
    public sealed class LabelledClip
    {
        public LabelledClip(string path, string label, string where)
        {
            Path = path;
            Label = label;
            Where = where;
        }

        /// <summary>The file, resolved (relative to the working folder or absolute).</summary>
        public string Path { get; }

        public string Label { get; }

        /// <summary>e.g. "clips.csv line 4" or "folder yes".</summary>
        public string Where { get; }
    }

    /// <summary>A spoken keyword inside a long stream: label and its interval in seconds.</summary>
    public sealed class KeywordSpan
    {
        public KeywordSpan(string label, double startSeconds, double endSeconds, string where)
        {
            Label = label;
            StartSeconds = startSeconds;
            EndSeconds = endSeconds;
            Where = where;
        }

        public string Label { get; }
        public double StartSeconds { get; }
        public double EndSeconds { get; }
        public string Where { get; }
    }

    /// <summary>A long stream and its labelled keywords (none: negative audio, every detection is a false accept).</summary>
    public sealed class LabelledStream
    {
        public LabelledStream(string path, string where, IReadOnlyList<KeywordSpan> keywords)
        {
            Path = path;
            Where = where;
            Keywords = keywords;
        }

        public string Path { get; }
        public string Where { get; }

        /// <summary>Keywords sorted by start time.</summary>
        public IReadOnlyList<KeywordSpan> Keywords { get; }
    }
}
