using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;
using Edge.Asr.Tests.Model;

namespace Edge.Asr.Tests.Bake
{
    /// <summary>
    /// Writes a training export the way training/train.py does (docs/training.md): model.safetensors
    /// (F32, names sorted, compact JSON header padded with spaces to 8 bytes, metadata format=pt) and
    /// config.json (format, version, model fields, labels, frontend), from seeded random weights.
    /// Hooks change the tensors or the config text to make the broken exports the tests need.
    /// </summary>
    public static class TestExport
    {
        public static readonly string[] Labels = { "_silence_", "_unknown_", "yes", "no" };

        /// <summary>A small model: C 8, D 16, H 2, F 2, FFN x2, K 5, blocks [conv-only, attention], L 6, W 10.</summary>
        public static ModelConfig Config() => new ModelConfig(40, 8, 16, 2, 2, 2, 5, new[] { false, true }, 6, 10, Labels);

        public sealed class Tensor
        {
            public Tensor(int[] shape, float[] data) { Shape = shape; Data = data; }
            public int[] Shape { get; set; }
            public float[] Data { get; set; }
        }

        public static string Write(string folder, ModelConfig config, int seed = 5,
            Action<SortedDictionary<string, Tensor>>? editTensors = null, Func<string, string>? editConfig = null)
        {
            Directory.CreateDirectory(folder);
            FloatTensors floats = RandomModel.Tensors(config, seed);
            var tensors = new SortedDictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (string name in floats.Names)
            {
                FloatTensor t = floats.Get(name);
                tensors[name] = new Tensor((int[])t.Shape.Clone(), t.Data.Select(v => (float)v).ToArray());
            }
            editTensors?.Invoke(tensors);
            File.WriteAllBytes(Path.Combine(folder, "model.safetensors"), SafeTensorsBytes(tensors));
            string json = ConfigJson(config);
            File.WriteAllText(Path.Combine(folder, "config.json"), editConfig == null ? json : editConfig(json));
            return folder;
        }

        public static byte[] SafeTensorsBytes(SortedDictionary<string, Tensor> tensors)
        {
            var header = new StringBuilder("{");
            var data = new MemoryStream();
            foreach (var (name, t) in tensors)
            {
                long begin = data.Length;
                foreach (float v in t.Data) data.Write(BitConverter.GetBytes(v));
                if (header.Length > 1) header.Append(',');
                header.Append(JsonSerializer.Serialize(name)).Append(":{\"dtype\":\"F32\",\"shape\":[").Append(string.Join(",", t.Shape))
                    .Append("],\"data_offsets\":[").Append(begin).Append(',').Append(data.Length).Append("]}");
            }
            header.Append(",\"__metadata__\":{\"format\":\"pt\"}}");
            while (header.Length % 8 != 0) header.Append(' ');
            byte[] h = Encoding.UTF8.GetBytes(header.ToString());
            var file = new MemoryStream();
            file.Write(BitConverter.GetBytes((ulong)h.Length));
            file.Write(h);
            data.Position = 0;
            data.CopyTo(file);
            return file.ToArray();
        }

        public static string ConfigJson(ModelConfig c)
        {
            var attention = Enumerable.Range(0, c.Blocks).Select(b => c.HasAttention(b)).ToArray();
            var labels = Enumerable.Range(0, c.Classes).Select(c.Label).ToArray();
            var config = new Dictionary<string, object>
            {
                ["format"] = "edge-asr training export",
                ["version"] = 1,
                ["model"] = new Dictionary<string, object>
                {
                    ["melBins"] = c.MelBins, ["subsamplingChannels"] = c.SubsamplingChannels, ["dim"] = c.Dim,
                    ["heads"] = c.Heads, ["fold"] = c.Fold, ["ffnMultiplier"] = c.FfnMultiplier,
                    ["convKernel"] = c.ConvKernel, ["attention"] = attention, ["leftContext"] = c.LeftContext,
                    ["poolWindow"] = c.PoolWindow, ["layerNormEps"] = 1e-5,
                },
                ["labels"] = labels,
                ["frontend"] = new Dictionary<string, object>
                {
                    ["sample_rate"] = 16000, ["window_length"] = 400, ["hop_length"] = 160, ["fft_length"] = 512,
                    ["mel_channels"] = 40, ["mel_low_hz"] = 20, ["mel_high_hz"] = 7600, ["log_format"] = "int16 log2 Q8",
                    ["input_scale"] = 1.0 / 256.0,
                },
            };
            return JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }) + "\n";
        }
    }
}
