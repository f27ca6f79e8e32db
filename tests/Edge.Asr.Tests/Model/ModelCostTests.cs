using System;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Model
{
    /// <summary>Exact multiply-accumulate counts, weight bytes and parameter counts.</summary>
    public class ModelCostTests
    {
        private readonly ITestOutputHelper output;
        public ModelCostTests(ITestOutputHelper output) { this.output = output; }

        /// <summary>40 mel, C=4, D=8, H=2, F=2, FFN×2 (Hd=16), K=3, blocks {conv-only, attention}, L=2, W=3, 3 classes.</summary>
        private static ModelConfig Tiny() => new ModelConfig(40, 4, 8, 2, 2, 2, 3, new[] { false, true }, 2, 3, new[] { "a", "b", "c" });

        private static long Int8Bytes(ModelParameters p)
        {
            long n = 0;
            for (int i = 0; i < p.Count; i++) if (p.At(i).ElementBytes == 1) n += p.At(i).Length;
            return n;
        }

        [Fact]
        public void TinyConfigCostsWhatTheHandCountSays()
        {
            // Subsampling: stage 1 twice 2·59·3·4 = 1416 (59 of the 20×3 frequency taps are inside 40 bins),
            //   depthwise 29·3·4 = 348, pointwise 10·4·4 = 160, output 40·8 = 320          → 2244
            // FFN: LN 4·8 + 8·16 + Swish 2·16 + 16·8 + residual 8 = 328; two per block       →  656
            // Conv: LN 32 + 8·16 + GLU 16 + 3·8 + LN 32 + Swish 16 + 8·8 + residual 8        →  320
            // Block LN 32. Conv-only block 656 + 320 + 32                                      → 1008
            // Attention (d = 4, n = L+1 = 3 frames = 6 keys): LN 32 + 4·2·16 + 2·2·6·4 + 2·2·3·6 + 8 = 336 → block 1344
            // Pool 2·8 + classifier 8·3 + softmax 3·3                                          →   49
            const long hand = 2244 + 1008 + 1344 + 49;
            var config = Tiny();
            Assert.Equal(4645, hand);
            Assert.Equal(hand, ModelCost.MacsPerEncoderFrame(config));
            var p = ModelQuantizer.Quantize(config, RandomModel.Tensors(config, 1), SpeechClips.Float(new[] { SpeechClips.Calibration[0] }));
            var model = new ConformerModel(p);
            Assert.Equal(hand, model.MacsPerEncoderFrame);
            // Before the cache is full: attention sees 1 frame (2 keys): 336 − 2·2·4·4 − 2·2·3·4 = 224.
            Assert.Equal(hand - 112, model.MacsForEncoderFrame(1));
            // Weights: subsampling 36 + 36 + 16 + 320, FFNs 2·2·128, conv 128 + 24 + 64, attention 4·16, classifier 24.
            const long weights = 408 + 512 + 216 + 512 + 216 + 64 + 24;
            Assert.Equal(weights, ModelCost.WeightBytes(config));
            Assert.Equal(weights, Int8Bytes(p));
            long floats = 0;
            foreach (var (_, shape) in ModelTensorNames.Float(config)) { long n = 1; foreach (int s in shape) n *= s; floats += n; }
            Assert.Equal(floats, ModelCost.ParameterCount(config));
        }

        [Fact]
        public void DefaultSmallConfigFitsTheProductTargets()
        {
            var config = DefaultModelConfig.Small();
            long weights = ModelCost.WeightBytes(config), parameters = ModelCost.ParameterCount(config);
            long macsFrame = ModelCost.MacsPerEncoderFrame(config), macsSecond = ModelCost.MacsPerSecond(config);
            long subsampling = ModelCost.SubsamplingMacs(config);
            var p = ModelQuantizer.Quantize(config, RandomModel.Tensors(config, 2), SpeechClips.Float(new[] { SpeechClips.Calibration[0] }));
            var model = new ConformerModel(p);
            long quantizedBytes = 0;
            for (int i = 0; i < p.Count; i++) quantizedBytes += (long)p.At(i).Length * p.At(i).ElementBytes;
            output.WriteLine("default small: parameters " + parameters + ", int8 weight bytes " + weights + ", all quantised tensors " + quantizedBytes
                + " bytes (" + p.Count + " tensors), MACs/encoder frame " + macsFrame + " (subsampling " + subsampling + "), MACs/s " + macsSecond
                + ", streaming state " + model.StateBytes + " bytes");
            Assert.Equal(macsFrame, model.MacsPerEncoderFrame);
            Assert.Equal(weights, Int8Bytes(p));
            Assert.True(weights <= 64 * 1024, "weights " + weights);
            Assert.True(macsSecond <= 5000000, "MACs/s " + macsSecond);
            // The figures docs/model.md quotes.
            Assert.Equal(55072, weights);
            Assert.Equal(57980, parameters);
            Assert.Equal(76260, macsFrame);
            Assert.Equal(1906500, macsSecond);
        }
    }
}
