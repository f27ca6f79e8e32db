using System.Text.Json;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>Writes numbers the same way everywhere: doubles round-tripped (invariant), null for "not defined".</summary>
    internal static class JsonNumbers
    {
        public static void Write(Utf8JsonWriter w, string name, double? value)
        {
            if (value.HasValue) w.WriteNumber(name, value.Value);
            else w.WriteNull(name);
        }
    }
}
