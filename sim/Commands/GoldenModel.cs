using System;
using System.Collections.Generic;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// The tiny model of the engine golden vectors (tests/NFUnitTest/GoldenVectors.cs): a small
    /// ModelConfig with one convolution-only and one attention block, float weights from a fixed
    /// integer LCG seed (no System.Random, whose sequence .NET does not promise), quantised and written
    /// by the real bake path (Baker.Bake: ModelQuantizer, QuantizedLayout, BlobWriter, load-back),
    /// calibrated on the golden frontend frames. Same code, same bytes.
    /// </summary>
    public static class GoldenModel
    {
        /// <summary>The LCG seed of the float weights.</summary>
        public const ulong Seed = 20_261_122;

        /// <summary>
        /// 40 mel, C = 4, D = 8, H = 1, F = 2, FFN ×2, K = 3, blocks {conv-only, attention}, L = 3, W = 3,
        /// 3 classes: every kind of layer, with a left context and pooling window shorter than the
        /// golden run (7 encoder frames) so the streaming caches wrap.
        /// </summary>
        public static ModelConfig Config()
        {
            return new ModelConfig(40, 4, 8, 1, 2, 2, 3, new[] { false, true }, 3, 3, new[] { "_silence_", "yes", "no" });
        }

        /// <summary>The baked blob, calibrated on <paramref name="frontendFrames"/> (one clip of Q8 log-mel frames, 40 values each).</summary>
        public static byte[] Blob(short[] frontendFrames)
        {
            ModelConfig config = Config();
            int channels = config.MelBins;
            var clip = new double[frontendFrames.Length / channels][];
            for (int t = 0; t < clip.Length; t++)
            {
                clip[t] = new double[channels];
                for (int k = 0; k < channels; k++) clip[t][k] = frontendFrames[t * channels + k] / 256.0;
            }
            var frontend = new FrontendParams(SupportedFrontend.SampleRate, SupportedFrontend.WindowLength, SupportedFrontend.HopLength,
                SupportedFrontend.FftLength, SupportedFrontend.MelChannels, SupportedFrontend.MelLowHz, SupportedFrontend.MelHighHz,
                SupportedFrontend.LogFormat);
            return Baker.Bake(config, Weights(config, Seed), frontend, Baker.DefaultDetector(), new List<double[][]> { clip }).Blob;
        }

        /// <summary>
        /// Float weights at the scales a trained model starts from: Xavier-uniform weights (conv
        /// receptive field included), biases uniform ±1/√fan_in, LayerNorm γ in 1 ± 0.2 and β in ±0.1.
        /// </summary>
        public static FloatTensors Weights(ModelConfig config, ulong seed)
        {
            ulong state = seed;
            double Uniform()
            {
                state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
                return 2 * ((state >> 11) * (1.0 / (1UL << 53))) - 1; // [-1, 1)
            }

            var fanIn = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, shape) in ModelTensorNames.Float(config))
            {
                if (name.EndsWith(".weight", StringComparison.Ordinal) && shape.Length >= 2)
                {
                    int n = 1;
                    for (int i = 1; i < shape.Length; i++) n *= shape[i];
                    fanIn[name.Substring(0, name.Length - ".weight".Length)] = n;
                }
            }
            var tensors = new FloatTensors();
            foreach (var (name, shape) in ModelTensorNames.Float(config))
            {
                int count = 1;
                foreach (int s in shape) count *= s;
                var data = new double[count];
                bool norm = name.Contains("norm", StringComparison.Ordinal) && shape.Length == 1;
                string owner = name.Substring(0, name.LastIndexOf('.'));
                if (norm && name.EndsWith(".weight", StringComparison.Ordinal))
                {
                    for (int i = 0; i < count; i++) data[i] = 1 + 0.2 * Uniform();
                }
                else if (norm)
                {
                    for (int i = 0; i < count; i++) data[i] = 0.1 * Uniform();
                }
                else if (name.EndsWith(".bias", StringComparison.Ordinal))
                {
                    double bound = 1 / Math.Sqrt(fanIn[owner]);
                    for (int i = 0; i < count; i++) data[i] = bound * Uniform();
                }
                else
                {
                    int receptive = 1;
                    for (int i = 2; i < shape.Length; i++) receptive *= shape[i];
                    double a = Math.Sqrt(6.0 / ((shape[1] + shape[0]) * (double)receptive));
                    for (int i = 0; i < count; i++) data[i] = a * Uniform();
                }
                tensors.Add(name, shape, data);
            }
            return tensors;
        }
    }
}
