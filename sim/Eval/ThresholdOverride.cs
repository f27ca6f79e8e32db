using Edge.Asr.Detector;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// A recogniser whose detector uses one threshold for every class instead of the blob's own
    /// (<c>eval --threshold</c>): to see what a model does at another operating point without
    /// re-baking it. The posteriors are the wrapped recogniser's, unchanged.
    /// </summary>
    public sealed class ThresholdOverride : IRecogniser
    {
        private readonly IRecogniser _inner;

        public ThresholdOverride(IRecogniser inner, double threshold)
        {
            _inner = inner;
            DetectorSettings s = inner.Detector;
            var thresholds = new short[s.ClassCount];
            for (int c = 0; c < thresholds.Length; c++) thresholds[c] = (short)ThresholdSweep.ToQ15(threshold);
            Detector = new DetectorSettings(s.SmoothingFrames, thresholds, s.RefractoryFrames, s.MinFramesAboveThreshold);
        }

        public string[] Labels => _inner.Labels;

        public DetectorSettings Detector { get; }

        public short[][] PosteriorsQ15(short[][] melQ8) => _inner.PosteriorsQ15(melQ8);

        public double[][]? ReferenceProbabilities(short[][] melQ8) => _inner.ReferenceProbabilities(melQ8);
    }
}
