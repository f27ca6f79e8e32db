using System;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Tests.Frontend;

namespace Edge.Asr.Tests.Model
{
    /// <summary>Real frontend features of espeak-ng speech (synthesised once per test run).</summary>
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

        public static double[][][] Float(short[][][] clips)
        {
            var x = new double[clips.Length][][];
            for (int i = 0; i < clips.Length; i++) x[i] = FloatModel.InputFromFrontend(clips[i]);
            return x;
        }

        /// <summary>
        /// A microphone's noise floor under the speech: white noise of rms 16 (−66 dBFS), a quiet room
        /// through an INMP441-class microphone. espeak-ng pads its output with digital zeros, which no
        /// microphone produces (the frontend maps them to exactly 0, far below any real floor).
        /// </summary>
        public const double NoiseFloorRms = 16;

        private static short[][][] Make(string[] texts, double peak)
        {
            var clips = new short[texts.Length][][];
            for (int i = 0; i < texts.Length; i++)
            {
                var speech = TestSignals.Speech(texts[i], peak * 32767);
                var noise = TestSignals.WhiteNoise(1000 + i, NoiseFloorRms, speech.Length / (double)TestSignals.Rate);
                var mixed = new double[speech.Length];
                for (int n = 0; n < mixed.Length; n++) mixed[n] = speech[n] + (n < noise.Length ? noise[n] : 0);
                clips[i] = FrontendRunner.Run(TestSignals.Quantise(mixed), 160);
            }
            return clips;
        }
    }
}
