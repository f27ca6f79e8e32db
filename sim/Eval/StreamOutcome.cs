using System.Collections.Generic;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>What the detector did on one long stream.</summary>
    public sealed class StreamOutcome
    {
        public StreamOutcome(string path, double seconds, IReadOnlyList<KeywordSpan> keywords, int keywordsFound,
            IReadOnlyList<StreamDetection> detections, IReadOnlyList<StreamMiss> misses, short[][]? posteriorsQ15 = null)
        {
            Path = path;
            Seconds = seconds;
            KeywordSpans = keywords;
            KeywordsFound = keywordsFound;
            Detections = detections;
            Misses = misses;
            PosteriorsQ15 = posteriorsQ15;
        }

        public string Path { get; }
        public double Seconds { get; }
        public IReadOnlyList<KeywordSpan> KeywordSpans { get; }
        public int Keywords => KeywordSpans.Count;
        public int KeywordsFound { get; }
        public IReadOnlyList<StreamDetection> Detections { get; }

        /// <summary>Keywords no event matched.</summary>
        public IReadOnlyList<StreamMiss> Misses { get; }

        /// <summary>The fixed-point posteriors per encoder frame (for the DET curve's replays); null when not kept.</summary>
        public short[][]? PosteriorsQ15 { get; }

        public int FalseAccepts
        {
            get
            {
                int n = 0;
                foreach (StreamDetection d in Detections)
                {
                    if (!d.Matched) n++;
                }
                return n;
            }
        }
    }
}
