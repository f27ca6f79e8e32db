using System.Collections.Generic;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>What the detector did on one long stream.</summary>
    public sealed class StreamOutcome
    {
        public StreamOutcome(string path, double seconds, int keywords, int keywordsFound, IReadOnlyList<StreamDetection> detections)
        {
            Path = path;
            Seconds = seconds;
            Keywords = keywords;
            KeywordsFound = keywordsFound;
            Detections = detections;
        }

        public string Path { get; }
        public double Seconds { get; }
        public int Keywords { get; }
        public int KeywordsFound { get; }
        public IReadOnlyList<StreamDetection> Detections { get; }

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
