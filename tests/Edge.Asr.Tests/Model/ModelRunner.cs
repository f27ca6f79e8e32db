using System.Collections.Generic;
using Edge.Asr.Model;
using Edge.Asr.Tests.Ops.Reference;

namespace Edge.Asr.Tests.Model
{
    /// <summary>Everything the fixed-point model produced on a clip, one row per encoder frame, dequantised.</summary>
    public sealed class FixedRun
    {
        public List<short[]> Logits = new List<short[]>();
        public List<short[]> Posteriors = new List<short[]>();
        public List<short[]> EncoderInput = new List<short[]>();
        public List<short[]>[] Blocks = new List<short[]>[0];
    }

    public static class ModelRunner
    {
        /// <summary>Streams the mel frames one at a time and records every encoder frame's outputs.</summary>
        public static FixedRun Run(ConformerModel model, short[][] mel)
        {
            var run = new FixedRun { Blocks = new List<short[]>[model.Config.Blocks] };
            for (int b = 0; b < run.Blocks.Length; b++) run.Blocks[b] = new List<short[]>();
            foreach (var frame in mel)
            {
                if (!model.Process(frame, 0)) continue;
                run.Logits.Add((short[])model.Logits.Clone());
                run.Posteriors.Add((short[])model.Posteriors.Clone());
                run.EncoderInput.Add((short[])model.EncoderInput.Clone());
                for (int b = 0; b < run.Blocks.Length; b++) run.Blocks[b].Add((short[])model.BlockOutput(b).Clone());
            }
            return run;
        }

        public static double[] Dequantize(List<short[]> rows, int frac)
        {
            var x = new List<double>();
            foreach (var r in rows) x.AddRange(Quant.Dequantize(r, frac));
            return x.ToArray();
        }

        public static double[] Flatten(IReadOnlyList<double[]> rows)
        {
            var x = new List<double>();
            foreach (var r in rows) x.AddRange(r);
            return x.ToArray();
        }
    }
}
