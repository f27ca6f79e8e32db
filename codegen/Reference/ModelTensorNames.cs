using System.Collections.Generic;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Reference
{
    /// <summary>The float tensors (PyTorch state_dict names and shapes) a config needs; docs/model.md lists them.</summary>
    public static class ModelTensorNames
    {
        public static IEnumerable<(string Name, int[] Shape)> Float(ModelConfig c)
        {
            int ch = c.SubsamplingChannels, d = c.Dim, h = c.FfnHidden, sd = c.SubDim;
            foreach (var t in Conv("subsampling.conv1", ch, 1, 3, 3)) yield return t;
            foreach (var t in Conv("subsampling.dw", ch, 1, 3, 3)) yield return t;
            foreach (var t in Conv("subsampling.pw", ch, ch, 1, 1)) yield return t;
            foreach (var t in Linear("subsampling.out", ch * c.SubsampledBins, d)) yield return t;
            for (int b = 0; b < c.Blocks; b++)
            {
                string p = "blocks." + b;
                foreach (var t in Ffn(p + ".ffn1", d, h)) yield return t;
                if (c.HasAttention(b))
                {
                    foreach (var t in Norm(p + ".attn.norm", d)) yield return t;
                    foreach (var proj in new[] { "q", "k", "v", "out" })
                        foreach (var t in Linear(p + ".attn." + proj, sd, sd)) yield return t;
                }
                foreach (var t in Norm(p + ".conv.norm", d)) yield return t;
                foreach (var t in Linear(p + ".conv.pointwise1", d, 2 * d)) yield return t;
                foreach (var t in Conv(p + ".conv.depthwise", d, 1, c.ConvKernel)) yield return t;
                foreach (var t in Norm(p + ".conv.dw_norm", d)) yield return t;
                foreach (var t in Linear(p + ".conv.pointwise2", d, d)) yield return t;
                foreach (var t in Ffn(p + ".ffn2", d, h)) yield return t;
                foreach (var t in Norm(p + ".norm", d)) yield return t;
            }
            foreach (var t in Linear("classifier", d, c.Classes)) yield return t;
        }

        private static IEnumerable<(string, int[])> Conv(string name, int outputs, params int[] rest)
        {
            var shape = new int[rest.Length + 1];
            shape[0] = outputs;
            rest.CopyTo(shape, 1);
            yield return (name + ".weight", shape);
            yield return (name + ".bias", new[] { outputs });
        }

        private static IEnumerable<(string, int[])> Linear(string name, int inputs, int outputs)
        {
            yield return (name + ".weight", new[] { outputs, inputs });
            yield return (name + ".bias", new[] { outputs });
        }

        private static IEnumerable<(string, int[])> Norm(string name, int width)
        {
            yield return (name + ".weight", new[] { width });
            yield return (name + ".bias", new[] { width });
        }

        private static IEnumerable<(string, int[])> Ffn(string name, int d, int h)
        {
            foreach (var t in Norm(name + ".norm", d)) yield return t;
            foreach (var t in Linear(name + ".linear1", d, h)) yield return t;
            foreach (var t in Linear(name + ".linear2", h, d)) yield return t;
        }
    }
}
