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

        public ThresholdOverride(IRecogniser inner, int thresholdQ15)
        {
            _inner = inner;
            Detector = DetectorThresholds.Uniform(inner.Detector, thresholdQ15);
        }

        public string[] Labels => _inner.Labels;

        public DetectorSettings Detector { get; }

        public short[][] PosteriorsQ15(short[][] melQ8) => _inner.PosteriorsQ15(melQ8);

        public double[][]? ReferenceProbabilities(short[][] melQ8) => _inner.ReferenceProbabilities(melQ8);
    }
}
