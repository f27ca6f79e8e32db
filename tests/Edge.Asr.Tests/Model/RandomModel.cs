using System;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Edge.Asr.Tests.Ops.Reference;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// Seeded float weights at the scales a trained model starts from: Xavier-uniform weights
    /// (PyTorch fan-in/fan-out, conv receptive field included), biases as PyTorch initialises them
    /// (uniform ±1/√fan_in), LayerNorm γ ≈ 1 and β ≈ 0 with a little noise.
    /// </summary>
    public static class RandomModel
    {
        public static FloatTensors Tensors(ModelConfig config, int seed)
        {
            var rng = new Random(seed);
            var t = new FloatTensors();
            var fanIns = new System.Collections.Generic.Dictionary<string, int>();
            foreach (var (name, shape) in ModelTensorNames.Float(config))
                if (name.EndsWith(".weight") && shape.Length >= 2)
                {
                    int fi = 1;
                    for (int i = 1; i < shape.Length; i++) fi *= shape[i];
                    fanIns[name.Substring(0, name.Length - 7)] = fi;
                }
            foreach (var (name, shape) in ModelTensorNames.Float(config))
            {
                int n = 1;
                foreach (int s in shape) n *= s;
                var data = new double[n];
                bool norm = name.Contains("norm.") || name.EndsWith("norm.weight") || name.EndsWith("norm.bias");
                if (norm && name.EndsWith(".weight")) for (int i = 0; i < n; i++) data[i] = 1 + 0.1 * Data.Gaussian(rng);
                else if (norm) for (int i = 0; i < n; i++) data[i] = 0.05 * Data.Gaussian(rng);
                else if (name.EndsWith(".bias"))
                {
                    double bound = 1 / Math.Sqrt(fanIns[name.Substring(0, name.Length - 5)]);
                    for (int i = 0; i < n; i++) data[i] = bound * (2 * rng.NextDouble() - 1);
                }
                else
                {
                    int receptive = 1;
                    for (int i = 2; i < shape.Length; i++) receptive *= shape[i];
                    double fanIn = shape[1] * receptive, fanOut = shape[0] * receptive;
                    double a = Math.Sqrt(6.0 / (fanIn + fanOut));
                    for (int i = 0; i < n; i++) data[i] = a * (2 * rng.NextDouble() - 1);
                }
                t.Add(name, shape, data);
            }
            return t;
        }
    }
}
