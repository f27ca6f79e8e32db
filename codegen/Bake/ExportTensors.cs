using System;
using System.Collections.Generic;
using System.Linq;
using Edge.Asr.Codegen.Export;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>
    /// The float tensors of a training export, checked against what the config needs
    /// (ModelTensorNames.Float): every missing, extra or mis-shaped tensor and every NaN or
    /// infinite value is refused with a message naming the tensor.
    /// </summary>
    public static class ExportTensors
    {
        public static FloatTensors Read(TrainingExport export)
        {
            ModelConfig c = export.Config;
            var expected = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var (name, shape) in ModelTensorNames.Float(c)) expected.Add(name, shape);
            var present = export.Tensors.Entries.ToDictionary(e => e.Name, e => e, StringComparer.Ordinal);
            string source = export.Tensors.Source;

            var missing = expected.Keys.Where(n => !present.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
                throw new BakeException(source + ": missing tensor" + (missing.Count > 1 ? "s " : " ") + Quoted(missing)
                    + " (the config needs " + expected.Count + ")");
            var extra = present.Keys.Where(n => !expected.ContainsKey(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (extra.Count > 0)
                throw new BakeException(source + ": unexpected tensor" + (extra.Count > 1 ? "s " : " ") + Quoted(extra)
                    + " (not part of the model the config describes)");

            var tensors = new FloatTensors();
            foreach (var (name, shape) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                SafeTensorEntry e = present[name];
                if (!e.Shape.SequenceEqual(shape))
                    throw new BakeException(source + ": tensor '" + name + "' has shape " + Shape(e.Shape) + ", the config needs " + Shape(shape));
                if (e.DType != "F32" && e.DType != "F64")
                    throw new BakeException(source + ": tensor '" + name + "' is " + e.DType + ", expected F32 or F64");
                double[] values = export.Tensors.Doubles(name);
                for (int i = 0; i < values.Length; i++)
                    if (!double.IsFinite(values[i]))
                        throw new BakeException(source + ": tensor '" + name + "' holds " + Describe(values[i]) + " at element " + i
                            + " of " + values.Length);
                tensors.Add(name, shape, values);
            }
            return tensors;
        }

        private static string Describe(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";

        private static string Quoted(List<string> names) =>
            string.Join(", ", names.Take(5).Select(n => "'" + n + "'")) + (names.Count > 5 ? " and " + (names.Count - 5) + " more" : "");

        public static string Shape(int[] shape) => "[" + string.Join(", ", shape) + "]";
    }
}
