using System;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Xunit;

namespace Edge.Asr.Tests.Model
{
    /// <summary>The float reference is causal, honours the left context exactly and folds as docs/model.md says.</summary>
    public class FloatModelTests
    {
        private static double[][] Prefix(double[][] x, int n)
        {
            var p = new double[n][];
            Array.Copy(x, p, n);
            return p;
        }

        [Fact]
        public void WholeClipEqualsEveryPrefix()
        {
            var config = new ModelConfig(40, 8, 16, 2, 2, 2, 3, new[] { false, true }, 3, 4, new[] { "a", "b" });
            var model = new FloatModel(config, RandomModel.Tensors(config, 40));
            var clip = FloatModel.InputFromFrontend(SpeechClips.Evaluation[1]);
            var whole = model.Run(clip)["classifier"];
            foreach (int n in new[] { 1, 2, 5, 17, 40, 81 })
            {
                var part = model.Run(Prefix(clip, n))["classifier"];
                Assert.Equal((n + 3) / 4, part.Count);
                for (int t = 0; t < part.Count; t++) Assert.Equal(whole[t], part[t]);
            }
        }

        [Fact]
        public void AnInputChangeReachesExactlyTheReceptiveField()
        {
            var config = new ModelConfig(40, 8, 16, 2, 4, 2, 3, new[] { true, true }, 3, 4, new[] { "a", "b" });
            var model = new FloatModel(config, RandomModel.Tensors(config, 41));
            var clip = FloatModel.InputFromFrontend(SpeechClips.Evaluation[0]);
            var changed = (double[][])clip.Clone();
            changed[20] = new double[40];                       // mel frame 20 feeds encoder frames 5 and 6
            var a = model.Run(clip)["blocks.1.norm"];
            var b = model.Run(changed)["blocks.1.norm"];
            int reach = 6 + 2 * (config.ConvKernel - 1 + config.LeftContext);
            for (int t = 0; t < a.Count; t++)
            {
                if (t < 5 || t > reach) Assert.Equal(a[t], b[t]);
                if (t == 5 || t == reach) Assert.NotEqual(a[t], b[t]);
            }
        }

        /// <summary>F = 2 with projections that act on one half of the sub-token only equals a hand computation of the folded mask.</summary>
        [Fact]
        public void FoldedAttentionOfTheFirstFrameAveragesItsOwnSubTokens()
        {
            // On the first frame the only keys are the frame's own F sub-tokens; with q = 0 every
            // score is 0, so each query sub-token's context is the mean of the F value sub-tokens.
            var config = new ModelConfig(40, 4, 8, 1, 2, 1, 1, new[] { true }, 2, 1, new[] { "a", "b" });
            var tensors = RandomModel.Tensors(config, 42);
            var zeros = new FloatTensors();
            foreach (var name in tensors.Names)
            {
                var t = tensors.Get(name);
                zeros.Add(name, t.Shape, name.StartsWith("blocks.0.attn.q.") ? new double[t.Data.Length] : t.Data);
            }
            var model = new FloatModel(config, zeros);
            var trace = model.Run(FloatModel.InputFromFrontend(SpeechClips.Evaluation[0]));
            var v = trace["blocks.0.attn.v"][0];
            var ctx = trace["blocks.0.attn.context"][0];
            for (int i = 0; i < 4; i++)
            {
                double mean = (v[i] + v[4 + i]) / 2;
                Assert.Equal(mean, ctx[i], 12);
                Assert.Equal(mean, ctx[4 + i], 12);
            }
        }
    }
}
