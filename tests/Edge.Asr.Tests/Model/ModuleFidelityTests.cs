using System;
using System.Collections.Generic;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Edge.Asr.Tests.Ops.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// Each op and module of the model on its own: the fixed-point op fed the float model's own
    /// input activation (quantised at its calibrated scale) on held-out speech, its output against
    /// the float output. Threshold 35 dB for every op, the folded attention for F = 1, 2, 4 included.
    /// </summary>
    public class ModuleFidelityTests
    {
        private readonly ITestOutputHelper output;
        public ModuleFidelityTests(ITestOutputHelper output) { this.output = output; }

        private delegate void Op(short[] input, short[] output);

        private double Measure(FloatTrace[] traces, ModelParameters p, string inPoint, string outPoint, Func<int, Op> make, string? inScale = null)
        {
            int fin = p.Scalar((inScale ?? inPoint) + ".frac"), fout = p.Scalar(outPoint + ".frac");
            var reference = new List<double>();
            var got = new List<double>();
            foreach (var trace in traces)
            {
                var op = make(fin);                 // fresh state per clip
                var ins = trace[inPoint];
                var outs = trace[outPoint];
                for (int t = 0; t < ins.Count; t++)
                {
                    var y = new short[outs[t].Length];
                    op(Quant.Activations(ins[t], fin), y);
                    got.AddRange(Quant.Dequantize(y, fout));
                    reference.AddRange(outs[t]);
                }
            }
            return Snr.Db(reference.ToArray(), got.ToArray());
        }

        private void Check(string label, double snr)
        {
            output.WriteLine("  " + label + ": " + snr.ToString("F2") + " dB");
            Assert.True(snr >= 35, label + " SNR " + snr);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void EveryModuleAndTheAttentionOpWithin35Db(int fold)
        {
            var config = ModelFidelityTests.Config(fold, new[] { false, true });
            var tensors = RandomModel.Tensors(config, 800 + fold);
            var p = ModelQuantizer.Quantize(config, tensors, SpeechClips.Float(SpeechClips.Calibration));
            var floatModel = new FloatModel(config, tensors);
            var traces = new FloatTrace[SpeechClips.Evaluation.Length];
            for (int i = 0; i < traces.Length; i++) traces[i] = floatModel.Run(FloatModel.InputFromFrontend(SpeechClips.Evaluation[i]));
            int d = config.Dim, h = config.FfnHidden;
            output.WriteLine("D=" + d + " H=" + config.Heads + " F=" + fold + " L=" + config.LeftContext + " (block 0 conv-only, block 1 attention)");
            for (int b = 0; b < config.Blocks; b++)
            {
                string n = "blocks." + b;
                string before = b == 0 ? "subsampling.out" : "blocks." + (b - 1) + ".norm";
                Check(n + ".ffn1", Measure(traces, p, before, n + ".ffn1", f => { var m = LayerFactory.Ffn(p, n + ".ffn1", d, h, f); return (x, y) => m.Process(x, 0, y, 0); }));
                string convIn = n + ".ffn1";
                if (config.HasAttention(b))
                {
                    Check(n + ".attn.norm", Measure(traces, p, n + ".ffn1", n + ".attn.norm", f => { var m = LayerFactory.LayerNorm(p, n + ".attn.norm", d, f); return (x, y) => m.Process(x, 0, y, 0); }));
                    Check(n + ".attn (FoldedAttention op, F=" + fold + ")", Measure(traces, p, n + ".attn.norm", n + ".attn.out", f => { var m = LayerFactory.Attention(p, n + ".attn"); return (x, y) => m.Process(x, 0, y, 0); }));
                    Check(n + ".attn module (norm, attention, residual)", Measure(traces, p, n + ".ffn1", n + ".attn", f => { var m = new AttentionModule(p, n + ".attn", f); return (x, y) => m.Process(x, 0, y, 0); }));
                    convIn = n + ".attn";
                }
                Check(n + ".conv.pointwise1", Measure(traces, p, n + ".conv.norm", n + ".conv.pointwise1", f => { var m = LayerFactory.Linear(p, n + ".conv.pointwise1", d, 2 * d, false); return (x, y) => m.Process(x, 0, y, 0); }));
                Check(n + ".conv.depthwise", Measure(traces, p, n + ".conv.glu", n + ".conv.depthwise", f => { var m = LayerFactory.Depthwise(p, n + ".conv.depthwise", d, config.ConvKernel); return (x, y) => m.Process(x, 0, y, 0); }));
                Check(n + ".conv.dw_norm", Measure(traces, p, n + ".conv.depthwise", n + ".conv.dw_norm", f => { var m = LayerFactory.LayerNorm(p, n + ".conv.dw_norm", d, f); return (x, y) => m.Process(x, 0, y, 0); }));
                Check(n + ".conv module", Measure(traces, p, convIn, n + ".conv", f => { var m = new ConvModule(p, n + ".conv", d, config.ConvKernel, f); return (x, y) => m.Process(x, 0, y, 0); }));
                Check(n + ".ffn2", Measure(traces, p, n + ".conv", n + ".ffn2", f => { var m = LayerFactory.Ffn(p, n + ".ffn2", d, h, f); return (x, y) => m.Process(x, 0, y, 0); }));
                Check(n + ".norm", Measure(traces, p, n + ".ffn2", n + ".norm", f => { var m = LayerFactory.LayerNorm(p, n + ".norm", d, f); return (x, y) => m.Process(x, 0, y, 0); }));
            }
            Check("classifier", Measure(traces, p, "pool", "classifier", f => { var m = LayerFactory.Linear(p, "classifier", d, config.Classes, false); return (x, y) => m.Process(x, 0, y, 0); },
                "blocks." + (config.Blocks - 1) + ".norm"));     // the mean pool keeps its input's scale
        }
    }
}
