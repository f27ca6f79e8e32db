using System.Collections.Generic;
using Edge.Asr.Codegen.Export;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// The float tensors an export must hold for its config, written from the graph's description
    /// (design.md, docs/model.md): PyTorch names and shapes, Linear weights [out, in].
    /// </summary>
    public static class ExportTensorList
    {
        public static SortedDictionary<string, int[]> Expected(TrainingExport e)
        {
            var c = e.Config;
            int ch = c.SubsamplingChannels, d = c.Dim, h = d * c.FfnMultiplier, sd = d / c.Fold;
            int b1 = (e.MelChannels - 1) / 2 + 1, bins = (b1 - 1) / 2 + 1;
            var t = new SortedDictionary<string, int[]>(System.StringComparer.Ordinal);
            Param(t, "subsampling.conv1", new[] { ch, 1, 3, 3 });
            Param(t, "subsampling.dw", new[] { ch, 1, 3, 3 });
            Param(t, "subsampling.pw", new[] { ch, ch, 1, 1 });
            Param(t, "subsampling.out", new[] { d, ch * bins });
            for (int b = 0; b < c.Blocks; b++)
            {
                string p = "blocks." + b;
                foreach (string ffn in new[] { ".ffn1", ".ffn2" })
                {
                    Param(t, p + ffn + ".norm", new[] { d });
                    Param(t, p + ffn + ".linear1", new[] { h, d });
                    Param(t, p + ffn + ".linear2", new[] { d, h });
                }
                if (e.AttentionBlocks[b])
                {
                    Param(t, p + ".attn.norm", new[] { d });
                    foreach (string proj in new[] { "q", "k", "v", "out" }) Param(t, p + ".attn." + proj, new[] { sd, sd });
                }
                Param(t, p + ".conv.norm", new[] { d });
                Param(t, p + ".conv.pointwise1", new[] { 2 * d, d });
                Param(t, p + ".conv.depthwise", new[] { d, 1, c.ConvKernel });
                Param(t, p + ".conv.dw_norm", new[] { d });
                Param(t, p + ".conv.pointwise2", new[] { d, d });
                Param(t, p + ".norm", new[] { d });
            }
            Param(t, "classifier", new[] { c.Classes, d });
            return t;
        }

        private static void Param(SortedDictionary<string, int[]> t, string name, int[] weight)
        {
            t.Add(name + ".weight", weight);
            t.Add(name + ".bias", new[] { weight[0] });
        }
    }
}
