using System;
using System.Collections.Generic;
using Edge.Asr.Attention;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Frontend;
using Edge.Asr.Model;
using Edge.Asr.Tests.Frontend;
using Edge.Asr.Tests.Ops;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Model
{
    /// <summary>Streaming equals whole-clip bit for bit; the attention cache honours the left context exactly; nothing allocates per frame.</summary>
    public class StreamingTests
    {
        private readonly ITestOutputHelper output;
        public StreamingTests(ITestOutputHelper output) { this.output = output; }

        private static readonly Lazy<ModelParameters> Small = new Lazy<ModelParameters>(() => Quantized(ModelFidelityTests.Config(2, new[] { false, true, true }), 900));

        private static ModelParameters Quantized(ModelConfig config, int seed)
        {
            return ModelQuantizer.Quantize(config, RandomModel.Tensors(config, seed), SpeechClips.Float(SpeechClips.Calibration));
        }

        private static void AssertSame(FixedRun a, FixedRun b)
        {
            Assert.Equal(a.Logits.Count, b.Logits.Count);
            for (int t = 0; t < a.Logits.Count; t++)
            {
                Assert.Equal(a.Logits[t], b.Logits[t]);
                Assert.Equal(a.Posteriors[t], b.Posteriors[t]);
                for (int k = 0; k < a.Blocks.Length; k++) Assert.Equal(a.Blocks[k][t], b.Blocks[k][t]);
            }
        }

        [Fact]
        public void AudioPushedInAnyChunkingGivesTheSameBits()
        {
            var p = Small.Value;
            var speech = TestSignals.Speech("left right stop", 12000);
            FixedRun? first = null;
            var rng = new Random(5);
            foreach (var chunking in new Func<int>[] { () => speech.Length, () => 1, () => 160, () => 1 + rng.Next(700) })
            {
                var frontend = new LogMelFrontend();
                var model = new ConformerModel(p);
                var runs = new FixedRun { Blocks = new List<short[]>[p.Config.Blocks] };
                for (int b = 0; b < runs.Blocks.Length; b++) runs.Blocks[b] = new List<short[]>();
                var mel = new short[LogMelFrontend.MelChannels];
                int at = 0;
                while (at < speech.Length)
                {
                    int n = Math.Min(chunking(), speech.Length - at);
                    int done = 0;
                    while (done < n)
                    {
                        done += frontend.Push(speech, at + done, n - done);
                        if (!frontend.HasFrame) continue;
                        frontend.ReadFrame(mel, 0);
                        if (!model.Process(mel, 0)) continue;
                        runs.Logits.Add((short[])model.Logits.Clone());
                        runs.Posteriors.Add((short[])model.Posteriors.Clone());
                        for (int b = 0; b < runs.Blocks.Length; b++) runs.Blocks[b].Add((short[])model.BlockOutput(b).Clone());
                    }
                    at += n;
                }
                if (first == null) first = runs; else AssertSame(first, runs);
            }
            output.WriteLine("4 chunkings (whole clip, 1, 160, random 1..700 samples): " + first!.Logits.Count + " encoder frames, identical bits");
            Assert.True(first.Logits.Count > 20);
        }

        [Fact]
        public void ResetGivesTheSameBitsAsAFreshModel()
        {
            var p = Small.Value;
            var clip = SpeechClips.Evaluation[0];
            var model = new ConformerModel(p);
            var a = ModelRunner.Run(model, SpeechClips.Evaluation[1]);
            model.Reset();
            var b = ModelRunner.Run(model, clip);
            AssertSame(ModelRunner.Run(new ConformerModel(p), clip), b);
        }

        /// <summary>
        /// Whole-clip computation with the token-level causal mask: the output of frame t computed
        /// by a fresh attention that sees only frames t−L .. t equals the streaming output (ring
        /// buffer wrapped many times), bit for bit.
        /// </summary>
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void AttentionStreamingEqualsWindowedWholeClip(int fold)
        {
            var config = new ModelConfig(40, 8, 32, 2, fold, 1, 3, new[] { true }, 5, 4, new[] { "a", "b" });
            var p = Quantized(config, 910 + fold);
            var rng = new Random(fold);
            int frames = 40, d = config.Dim;
            var x = new short[frames][];
            for (int t = 0; t < frames; t++) { x[t] = new short[d]; for (int i = 0; i < d; i++) x[t][i] = (short)rng.Next(-12000, 12000); }
            var streaming = LayerFactory.Attention(p, "blocks.0.attn");
            var y = new short[d];
            for (int t = 0; t < frames; t++)
            {
                streaming.Process(x[t], 0, y, 0);
                var window = LayerFactory.Attention(p, "blocks.0.attn");
                var w = new short[d];
                for (int s = Math.Max(0, t - config.LeftContext); s <= t; s++) window.Process(x[s], 0, w, 0);
                Assert.Equal(w, y);
            }
        }

        /// <summary>
        /// A change to one mel frame moves the last block's output exactly up to the model's reach:
        /// subsampling (that frame feeds encoder frames e0, e0+1), then per block K−1 frames of
        /// depthwise conv plus L frames of attention. Beyond that, bit-identical; at the edge, different.
        /// </summary>
        [Theory]
        [InlineData(2)]
        [InlineData(4)]
        public void LeftContextBoundsTheReachOfAnInputChangeExactly(int fold)
        {
            var config = new ModelConfig(40, 16, 32, 2, fold, 2, 3, new[] { false, true, true }, 4, 4, new[] { "a", "b", "c" });
            var p = Quantized(config, 920 + fold);
            var clip = SpeechClips.Evaluation[0];
            int e0 = 4;
            var changed = new short[clip.Length][];
            for (int t = 0; t < clip.Length; t++) changed[t] = (short[])clip[t].Clone();
            for (int i = 0; i < changed[4 * e0].Length; i++) changed[4 * e0][i] = (short)(changed[4 * e0][i] ^ 0x0300);
            var a = ModelRunner.Run(new ConformerModel(p), clip);
            var b = ModelRunner.Run(new ConformerModel(p), changed);
            int last = config.Blocks - 1;
            int reach = e0 + 1;
            for (int k = 0; k < config.Blocks; k++) reach += config.ConvKernel - 1 + (config.HasAttention(k) ? config.LeftContext : 0);
            Assert.True(reach + 5 < a.Logits.Count, "clip too short for the test");
            for (int t = 0; t < e0; t++) Assert.Equal(a.Blocks[last][t], b.Blocks[last][t]);
            Assert.NotEqual(a.Blocks[last][e0], b.Blocks[last][e0]);
            for (int t = reach + 1; t < a.Logits.Count; t++) Assert.Equal(a.Blocks[last][t], b.Blocks[last][t]);
            // Within reach the change is still there through the last attention's window: its
            // oldest frames lie beyond what the convolutions alone could carry it.
            int lastDiff = -1;
            for (int t = e0; t <= reach; t++) if (!Equal(a.Blocks[last][t], b.Blocks[last][t])) lastDiff = t;
            int convOnlyReach = e0 + 1 + config.Blocks * (config.ConvKernel - 1) + config.LeftContext;
            Assert.True(lastDiff > convOnlyReach, "last difference at " + lastDiff);
            output.WriteLine("F=" + fold + ": mel frame " + (4 * e0) + " changed → last block output differs from encoder frame " + e0 + " to " + lastDiff + " (reach " + reach + "), identical from " + (reach + 1));
        }

        private static bool Equal(short[] a, short[] b)
        {
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }

        /// <summary>The attention op alone: a changed frame s changes the output of frame s+L and no later frame.</summary>
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void AttentionSeesExactlyLeftContextFrames(int fold)
        {
            var config = new ModelConfig(40, 8, 32, 2, fold, 1, 3, new[] { true }, 5, 4, new[] { "a", "b" });
            var p = Quantized(config, 930 + fold);
            var rng = new Random(10 + fold);
            int frames = 20, d = config.Dim, s0 = 6, l = config.LeftContext;
            var x = new short[frames][];
            for (int t = 0; t < frames; t++) { x[t] = new short[d]; for (int i = 0; i < d; i++) x[t][i] = (short)rng.Next(-8000, 8000); }
            var changed = new short[frames][];
            for (int t = 0; t < frames; t++) changed[t] = (short[])x[t].Clone();
            for (int i = 0; i < d; i++) changed[s0][i] = (short)(-x[s0][i] + (i % 2 == 0 ? 6000 : -6000));
            var a = LayerFactory.Attention(p, "blocks.0.attn");
            var b = LayerFactory.Attention(p, "blocks.0.attn");
            var ya = new short[d]; var yb = new short[d];
            for (int t = 0; t < frames; t++)
            {
                a.Process(x[t], 0, ya, 0);
                b.Process(changed[t], 0, yb, 0);
                if (t < s0 || t > s0 + l) Assert.Equal(ya, yb);
                else if (t == s0 || t == s0 + l) Assert.NotEqual(ya, yb);
            }
        }

        [Fact]
        public void ProcessAllocatesNothing()
        {
            var model = new ConformerModel(Small.Value);
            var clip = SpeechClips.Evaluation[0];
            for (int t = 0; t < 200 && t < clip.Length; t++) model.Process(clip[t], 0);     // fill every cache
            int at = 0;
            long bytes = Alloc.Measure(() => { model.Process(clip[at % clip.Length], 0); at++; }, 400);
            Assert.Equal(0, bytes);
        }
    }
}
