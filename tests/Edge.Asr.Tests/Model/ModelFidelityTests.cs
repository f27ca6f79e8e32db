using System;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// The whole fixed-point model against the double-precision float model on real speech
    /// features it was not calibrated on: every block output ≥ 30 dB, final logits ≥ 25 dB.
    /// </summary>
    public class ModelFidelityTests
    {
        private readonly ITestOutputHelper output;
        public ModelFidelityTests(ITestOutputHelper output) { this.output = output; }

        public static ModelConfig Config(int fold, bool[] attention)
        {
            return new ModelConfig(40, 32, 64, 2, fold, 2, 15, attention, 16, 25, DefaultModelConfig.Labels());
        }

        private void Check(ModelConfig config, int seed, short[][][]? clips = null, string what = "held-out speech")
        {
            var tensors = RandomModel.Tensors(config, seed);
            var parameters = ModelQuantizer.Quantize(config, tensors, SpeechClips.Float(SpeechClips.Calibration));
            var model = new ConformerModel(parameters);
            var floatModel = new FloatModel(config, tensors);
            int frames = 0;
            var blockSig = new double[config.Blocks][]; var blockGot = new double[config.Blocks][];
            double[] logitRef = new double[0], logitGot = new double[0], encRef = new double[0], encGot = new double[0];
            foreach (var clip in clips ?? SpeechClips.Evaluation)
            {
                model.Reset();
                var fixedRun = ModelRunner.Run(model, clip);
                var trace = floatModel.Run(FloatModel.InputFromFrontend(clip));
                Assert.Equal(trace["classifier"].Count, fixedRun.Logits.Count);
                frames += fixedRun.Logits.Count;
                encRef = Concat(encRef, ModelRunner.Flatten(trace["subsampling.out"]));
                encGot = Concat(encGot, ModelRunner.Dequantize(fixedRun.EncoderInput, model.EncoderInputFracBits));
                for (int b = 0; b < config.Blocks; b++)
                {
                    blockSig[b] = Concat(blockSig[b] ?? new double[0], ModelRunner.Flatten(trace["blocks." + b + ".norm"]));
                    blockGot[b] = Concat(blockGot[b] ?? new double[0], ModelRunner.Dequantize(fixedRun.Blocks[b], model.BlockOutputFracBits(b)));
                }
                logitRef = Concat(logitRef, ModelRunner.Flatten(trace["classifier"]));
                logitGot = Concat(logitGot, ModelRunner.Dequantize(fixedRun.Logits, model.LogitsFracBits));
            }
            string att = "";
            for (int b = 0; b < config.Blocks; b++) att += config.HasAttention(b) ? "A" : "c";
            output.WriteLine("config D=" + config.Dim + " H=" + config.Heads + " F=" + config.Fold + " blocks " + att + " L=" + config.LeftContext + ", " + frames + " encoder frames of " + what);
            double enc = Snr.Db(encRef, encGot);
            output.WriteLine("  subsampling output: " + enc.ToString("F2") + " dB");
            Assert.True(enc >= 35, "subsampling SNR " + enc);
            for (int b = 0; b < config.Blocks; b++)
            {
                double s = Snr.Db(blockSig[b], blockGot[b]);
                output.WriteLine("  block " + b + (config.HasAttention(b) ? " (attention)" : " (conv-only)") + " output: " + s.ToString("F2") + " dB");
                Assert.True(s >= 30, "block " + b + " SNR " + s);
            }
            double l = Snr.Db(logitRef, logitGot);
            output.WriteLine("  logits: " + l.ToString("F2") + " dB");
            Assert.True(l >= 25, "logits SNR " + l);
        }

        private static double[] Concat(double[] a, double[] b)
        {
            var r = new double[a.Length + b.Length];
            a.CopyTo(r, 0);
            b.CopyTo(r, a.Length);
            return r;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void BlocksAndLogitsMatchFloat(int fold)
        {
            Check(Config(fold, new[] { false, false, true, true }), 500 + fold);
        }

        [Fact]
        public void AllAttentionBlocksMatchFloat()
        {
            Check(Config(2, new[] { true, true }), 600);
        }

        /// <summary>Calibrated at peak −6 dBFS; the headroom bit and bias correction must carry to other levels.</summary>
        [Theory]
        [InlineData(1.0, "full-scale speech (peak 0 dBFS)")]
        [InlineData(0.01, "quiet speech (peak -40 dBFS)")]
        public void OtherLevelsThanCalibrationMatchFloat(double peak, string what)
        {
            Check(DefaultModelConfig.Small(), 700, SpeechClips.EvaluationAt(peak), what);
        }

        /// <summary>The default config with the input's running-mean subtraction (log format 2), at two levels.</summary>
        [Theory]
        [InlineData(0.5, "speech (peak -6 dBFS)")]
        [InlineData(0.01, "quiet speech (peak -40 dBFS)")]
        public void InputNormMatchesFloat(double peak, string what)
        {
            Check(WithInputNorm(DefaultModelConfig.Small(), RunningMeanSubtractS16.DefaultShift), 710, SpeechClips.EvaluationAt(peak), what);
        }

        public static ModelConfig WithInputNorm(ModelConfig c, int shift)
        {
            var attention = new bool[c.Blocks];
            var labels = new string[c.Classes];
            for (int b = 0; b < c.Blocks; b++) attention[b] = c.HasAttention(b);
            for (int i = 0; i < c.Classes; i++) labels[i] = c.Label(i);
            return new ModelConfig(c.MelBins, c.SubsamplingChannels, c.Dim, c.Heads, c.Fold, c.FfnMultiplier, c.ConvKernel, attention,
                c.LeftContext, c.PoolWindow, labels, shift);
        }

        [Fact]
        public void DefaultSmallConfigMatchesFloat()
        {
            Check(DefaultModelConfig.Small(), 700);
        }
    }
}
