using System.Collections.Generic;

namespace Edge.Asr.Codegen.Reference
{
    /// <summary>
    /// Every activation of one float-model run, by activation-point name (docs/model.md): the
    /// vectors in the order they were computed (per encoder frame; per (frame, bin) inside the
    /// subsampling; per (frame, sub-token, head) for attention scores).
    /// </summary>
    public sealed class FloatTrace
    {
        private readonly Dictionary<string, List<double[]>> points = new Dictionary<string, List<double[]>>();
        private readonly string? only;

        /// <summary>A trace of every point.</summary>
        public FloatTrace() { }

        /// <summary>A trace that keeps only the point <paramref name="keepOnly"/> (others are not copied): for callers that need one.</summary>
        public FloatTrace(string keepOnly) { only = keepOnly; }

        public IEnumerable<string> Names => points.Keys;

        public void Record(string name, double[] values)
        {
            if (only != null && name != only) return;
            if (!points.TryGetValue(name, out var list)) points[name] = list = new List<double[]>();
            list.Add((double[])values.Clone());
        }

        public IReadOnlyList<double[]> this[string name] => points[name];

        public bool Contains(string name) => points.ContainsKey(name);
    }
}
