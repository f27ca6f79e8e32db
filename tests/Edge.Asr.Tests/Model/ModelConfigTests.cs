using System;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Xunit;

namespace Edge.Asr.Tests.Model
{
    public class ModelConfigTests
    {
        private static string[] Labels => new[] { "yes", "no" };

        private static void Refused(string expected, Func<ModelConfig> make)
        {
            var e = Assert.Throws<ArgumentException>(() => make());
            Assert.Contains(expected, e.Message);
        }

        [Fact]
        public void InvalidConfigsAreRefusedWithAClearMessage()
        {
            var blocks = new[] { false, true };
            Refused("fold must be 1, 2 or 4, got 3", () => new ModelConfig(40, 8, 48, 2, 3, 2, 5, blocks, 4, 4, Labels));
            Refused("dim 30 is not divisible by fold 4", () => new ModelConfig(40, 8, 30, 2, 4, 2, 5, blocks, 4, 4, Labels));
            Refused("dim/fold = 24 is not divisible by heads 5", () => new ModelConfig(40, 8, 48, 5, 2, 2, 5, blocks, 4, 4, Labels));
            Refused("heads must be positive", () => new ModelConfig(40, 8, 48, 0, 2, 2, 5, blocks, 4, 4, Labels));
            Refused("melBins must be in [3, 256]", () => new ModelConfig(2, 8, 48, 2, 2, 2, 5, blocks, 4, 4, Labels));
            Refused("subsamplingChannels", () => new ModelConfig(40, 0, 48, 2, 2, 2, 5, blocks, 4, 4, Labels));
            Refused("ffnMultiplier", () => new ModelConfig(40, 8, 48, 2, 2, 0, 5, blocks, 4, 4, Labels));
            Refused("convKernel", () => new ModelConfig(40, 8, 48, 2, 2, 2, 0, blocks, 4, 4, Labels));
            Refused("attention must list 1 to 64 blocks", () => new ModelConfig(40, 8, 48, 2, 2, 2, 5, new bool[0], 4, 4, Labels));
            Refused("leftContext", () => new ModelConfig(40, 8, 48, 2, 2, 2, 5, blocks, -1, 4, Labels));
            Refused("poolWindow", () => new ModelConfig(40, 8, 48, 2, 2, 2, 5, blocks, 4, 0, Labels));
            Refused("at least 2 labels", () => new ModelConfig(40, 8, 48, 2, 2, 2, 5, blocks, 4, 4, new[] { "yes" }));
            Refused("label 1 is empty", () => new ModelConfig(40, 8, 48, 2, 2, 2, 5, blocks, 4, 4, new[] { "yes", "" }));
            Refused("label 'yes' appears twice", () => new ModelConfig(40, 8, 48, 2, 2, 2, 5, blocks, 4, 4, new[] { "yes", "no", "yes" }));
        }

        [Fact]
        public void ConfigCopiesItsArrays()
        {
            var blocks = new[] { false, true };
            var labels = new[] { "yes", "no" };
            var c = new ModelConfig(40, 8, 48, 2, 2, 2, 5, blocks, 4, 4, labels);
            blocks[1] = false; labels[0] = "changed";
            Assert.True(c.HasAttention(1));
            Assert.Equal("yes", c.Label(0));
            Assert.Equal(24, c.SubDim);
            Assert.Equal(12, c.HeadDim);
            Assert.Equal(96, c.FfnHidden);
            Assert.Equal(10, c.SubsampledBins);
        }

        /// <summary>Same float model and calibration → the same tensors in the same order (reproducible blobs).</summary>
        [Fact]
        public void QuantisationIsDeterministic()
        {
            var config = new ModelConfig(40, 4, 8, 2, 2, 2, 3, new[] { false, true }, 2, 3, new[] { "a", "b" });
            var calib = SpeechClips.Float(new[] { SpeechClips.Calibration[1] });
            var a = ModelQuantizer.Quantize(config, RandomModel.Tensors(config, 4), calib);
            var b = ModelQuantizer.Quantize(config, RandomModel.Tensors(config, 4), calib);
            Assert.Equal(a.Count, b.Count);
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal(a.At(i).Name, b.At(i).Name);
                Assert.Equal(a.At(i).Int8, b.At(i).Int8);
                Assert.Equal(a.At(i).Int16, b.At(i).Int16);
                Assert.Equal(a.At(i).Int32, b.At(i).Int32);
            }
            Assert.Equal("input.frac", a.At(0).Name);
            Assert.Equal(8, a.Scalar("input.frac"));
        }

        [Fact]
        public void MissingOrMisshapenTensorsAreNamed()
        {
            var config = new ModelConfig(40, 4, 8, 2, 2, 2, 3, new[] { true }, 2, 3, new[] { "a", "b" });
            var tensors = RandomModel.Tensors(config, 3);
            var good = ModelQuantizer.Quantize(config, tensors, SpeechClips.Float(new[] { SpeechClips.Calibration[0] }));
            // Drop one tensor / change one length: the kernel-side constructor names it.
            var missing = new ModelParameters(config);
            var wrong = new ModelParameters(config);
            for (int i = 0; i < good.Count; i++)
            {
                var t = good.At(i);
                if (t.Name != "blocks.0.attn.k.weight") missing.Add(t);
                wrong.Add(t.Name == "blocks.0.conv.depthwise.bias" ? QuantizedTensor.OfInt32(t.Name, new int[7]) : t);
            }
            var e1 = Assert.Throws<ArgumentException>(() => new ConformerModel(missing));
            Assert.Contains("'blocks.0.attn.k.weight' is missing", e1.Message);
            var e2 = Assert.Throws<ArgumentException>(() => new ConformerModel(wrong));
            Assert.Contains("'blocks.0.conv.depthwise.bias' must have 8 elements, has 7", e2.Message);
            var e3 = Assert.Throws<ArgumentException>(() => good.Add(QuantizedTensor.OfInt8("classifier.weight", new sbyte[1])));
            Assert.Contains("added twice", e3.Message);
            // The float side checks shapes too.
            var bad = new FloatTensors();
            foreach (var name in tensors.Names)
            {
                var t = tensors.Get(name);
                if (name == "blocks.0.attn.q.weight") bad.Add(name, new[] { 8, 2 }, t.Data); else bad.Add(name, t.Shape, t.Data);
            }
            var e4 = Assert.Throws<ArgumentException>(() => new FloatModel(config, bad));
            Assert.Contains("'blocks.0.attn.q.weight' has shape [8,2], expected [4,4]", e4.Message);
        }
    }
}
