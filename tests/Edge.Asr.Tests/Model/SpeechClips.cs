using System;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Tests.Frontend;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// Real frontend features of espeak-ng speech (synthesised once per test run), as espeak-ng
    /// writes it: with digital-zero padding, which the frontend maps to exactly 0 (the hardest
    /// case for the subsampling's bias correction, far below any microphone's noise floor).
    /// </summary>
    public static class SpeechClips
    {
        private static readonly string[] CalibrationTexts =
        {
            "yes no up down", "left right on off", "stop go yes", "turn the lights on please", "go left then stop",
        };
        private static readonly string[] EvaluationTexts = { "down up right now", "off on no go" };

        private static readonly Lazy<short[][][]> calibration = new Lazy<short[][][]>(() => Make(CalibrationTexts, 0.5));
        private static readonly Lazy<short[][][]> evaluation = new Lazy<short[][][]>(() => Make(EvaluationTexts, 0.3));

        /// <summary>Frontend frames (Q8 log2) of the calibration clips.</summary>
        public static short[][][] Calibration => calibration.Value;
        /// <summary>Frontend frames of clips never seen by calibration (other words, other level).</summary>
        public static short[][][] Evaluation => evaluation.Value;

        /// <summary>The evaluation phrases at another level (peak as a fraction of full scale).</summary>
        public static short[][][] EvaluationAt(double peak) => Make(EvaluationTexts, peak);

        public static double[][][] Float(short[][][] clips)
        {
            var x = new double[clips.Length][][];
            for (int i = 0; i < clips.Length; i++) x[i] = FloatModel.InputFromFrontend(clips[i]);
            return x;
        }

        private static short[][][] Make(string[] texts, double peak)
        {
            var clips = new short[texts.Length][][];
            for (int i = 0; i < texts.Length; i++) clips[i] = FrontendRunner.Run(TestSignals.Speech(texts[i], peak * 32767), 160);
            return clips;
        }
    }
}
