using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The stable JSON of <c>edge-asr eval --json</c> (docs/simulator.md): exactly these keys,
    /// snake_case, null where a metric is not defined.
    /// </summary>
    public static class EvalJson
    {
        /// <summary>The top-level keys in the order they are written.</summary>
        public static readonly string[] Keys =
        {
            "accuracy", "per_class", "confusion", "agreement_fixed_float", "false_accepts_per_hour",
            "clips", "audio_seconds", "streams", "stream_seconds", "keywords", "keyword_recall", "false_accepts",
        };

        public static string Serialize(EvalResult r)
        {
            using var buffer = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var w = new Utf8JsonWriter(buffer, options))
            {
                w.WriteStartObject();
                JsonNumbers.Write(w, "accuracy", r.Accuracy);
                w.WriteStartObject("per_class");
                foreach (ClassScore s in r.PerClass)
                {
                    w.WriteStartObject(s.Label);
                    JsonNumbers.Write(w, "precision", s.Precision);
                    JsonNumbers.Write(w, "recall", s.Recall);
                    w.WriteNumber("support", s.Support);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteStartObject("confusion");
                w.WriteStartArray("labels");
                foreach (string label in r.Labels) w.WriteStringValue(label);
                w.WriteEndArray();
                w.WriteStartArray("matrix");
                foreach (int[] row in r.Confusion)
                {
                    w.WriteStartArray();
                    foreach (int count in row) w.WriteNumberValue(count);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                JsonNumbers.Write(w, "agreement_fixed_float", r.AgreementFixedFloat);
                JsonNumbers.Write(w, "false_accepts_per_hour", r.FalseAcceptsPerHour);
                w.WriteNumber("clips", r.Clips);
                w.WriteNumber("audio_seconds", r.AudioSeconds);
                w.WriteNumber("streams", r.Streams);
                w.WriteNumber("stream_seconds", r.StreamSeconds);
                w.WriteNumber("keywords", r.Keywords);
                JsonNumbers.Write(w, "keyword_recall", r.KeywordRecall);
                w.WriteNumber("false_accepts", r.FalseAccepts);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
