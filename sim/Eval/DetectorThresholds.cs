using Edge.Asr.Detector;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// A model's detector settings with other thresholds: smoothing, refractory period and minimum run
    /// stay the blob's. One place for run's and eval's --threshold, SimulatedDevice and the threshold sweep.
    /// </summary>
    public static class DetectorThresholds
    {
        /// <summary><paramref name="settings"/> with <paramref name="thresholdsQ15"/> (one per class).</summary>
        public static DetectorSettings With(DetectorSettings settings, short[] thresholdsQ15) =>
            new DetectorSettings(settings.SmoothingFrames, thresholdsQ15, settings.RefractoryFrames, settings.MinFramesAboveThreshold);

        /// <summary><paramref name="settings"/> with one threshold, <paramref name="thresholdQ15"/> (1..32767), for every class.</summary>
        public static DetectorSettings Uniform(DetectorSettings settings, int thresholdQ15)
        {
            var thresholds = new short[settings.ClassCount];
            for (int c = 0; c < thresholds.Length; c++) thresholds[c] = checked((short)thresholdQ15);
            return With(settings, thresholds);
        }
    }
}
