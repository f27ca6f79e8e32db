namespace Edge.Asr.Sim.Eval
{
    /// <summary>A labelled keyword no detector event matched, and how close its label came.</summary>
    public sealed class StreamMiss
    {
        public StreamMiss(KeywordSpan keyword, double peakConfidence)
        {
            Keyword = keyword;
            PeakConfidence = peakConfidence;
        }

        public KeywordSpan Keyword { get; }

        /// <summary>The highest smoothed posterior of the keyword's label from its start to its end + the matching tolerance, 0..1.</summary>
        public double PeakConfidence { get; }
    }
}
