using Edge.Asr.Detector;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The seam between evaluation and a model: log-mel frames of one clip in, one posterior
    /// vector per encoder frame out, for the fixed-point path (what the device runs) and the
    /// float reference path. The engine computes the log-mel frames once per clip with the
    /// project's fixed-point frontend (the model trains on exactly those) and hands the same
    /// frames to both paths. Every call starts from a reset model state, so results depend on
    /// the clip alone. Not thread-safe: the engine creates one instance per worker thread.
    /// </summary>
    public interface IRecogniser
    {
        /// <summary>Class labels in model order (index = posterior index); labels starting with '_' are fillers.</summary>
        string[] Labels { get; }

        /// <summary>How the detector turns posteriors into events (the blob's detector defaults).</summary>
        DetectorSettings Detector { get; }

        /// <summary>
        /// Fixed-point path: <paramref name="melQ8"/>[frame][40] (frontend output, log2 in Q8) →
        /// Q15 posteriors [encoderFrame][class], one row per encoder frame the model produced.
        /// </summary>
        short[][] PosteriorsQ15(short[][] melQ8);

        /// <summary>
        /// Float reference path on the same frames → probabilities [encoderFrame][class];
        /// null when this recogniser has no float reference (agreement is then not reported).
        /// </summary>
        double[][]? ReferenceProbabilities(short[][] melQ8);
    }
}
