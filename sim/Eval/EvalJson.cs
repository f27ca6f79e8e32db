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
            "accuracy", "per_class", "confusion", "last_frame", "agreement_fixed_float", "clips_ending_early",
            "false_accepts_per_hour", "false_accepts_per_hour_95", "stream_hours", "rate_from_minutes",
            "clips", "audio_seconds", "streams", "stream_seconds", "keywords", "keyword_recall", "false_accepts",
            "false_accept_list", "miss_list", "det",
        };

        /// <summary>The keys of <c>last_frame</c>, of each <c>false_accept_list</c> and <c>miss_list</c> entry, of a DET curve and of its points.</summary>
        public static readonly string[] LastFrameKeys = { "accuracy", "per_class", "confusion" };
        public static readonly string[] FalseAcceptKeys = { "file", "time_s", "label", "confidence" };
        public static readonly string[] MissKeys = { "file", "start_s", "end_s", "label", "confidence" };
        public static readonly string[] DetKeys = { "positives", "points" };
        public static readonly string[] DetPointKeys = { "threshold", "misses", "miss_rate", "false_accepts", "false_accepts_per_hour" };

        public static string Serialize(EvalResult r)
        {
            using var buffer = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var w = new Utf8JsonWriter(buffer, options))
            {
                w.WriteStartObject();
                WriteScores(w, r.Detector);
                w.WriteStartObject("last_frame");
                WriteScores(w, r.LastFrame);
                w.WriteEndObject();
                JsonNumbers.Write(w, "agreement_fixed_float", r.AgreementFixedFloat);
                w.WriteNumber("clips_ending_early", r.ClipsEndingEarly);
                JsonNumbers.Write(w, "false_accepts_per_hour", r.FalseAcceptsPerHour);
                if (r.FalseAcceptsPerHour95 is (double low, double high))
                {
                    w.WriteStartObject("false_accepts_per_hour_95");
                    w.WriteNumber("low", low);
                    w.WriteNumber("high", high);
                    w.WriteEndObject();
                }
                else w.WriteNull("false_accepts_per_hour_95");
                w.WriteNumber("stream_hours", r.StreamHours);
                w.WriteBoolean("rate_from_minutes", r.RateFromMinutes);
                w.WriteNumber("clips", r.Clips);
                w.WriteNumber("audio_seconds", r.AudioSeconds);
                w.WriteNumber("streams", r.Streams);
                w.WriteNumber("stream_seconds", r.StreamSeconds);
                w.WriteNumber("keywords", r.Keywords);
                JsonNumbers.Write(w, "keyword_recall", r.KeywordRecall);
                w.WriteNumber("false_accepts", r.FalseAccepts);
                w.WriteStartArray("false_accept_list");
                foreach ((StreamOutcome s, StreamDetection d) in r.FalseAcceptList)
                {
                    w.WriteStartObject();
                    w.WriteString("file", s.Path);
                    w.WriteNumber("time_s", d.TimeSeconds);
                    w.WriteString("label", d.Label);
                    w.WriteNumber("confidence", d.Confidence);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("miss_list");
                foreach ((StreamOutcome s, StreamMiss m) in r.MissList)
                {
                    w.WriteStartObject();
                    w.WriteString("file", s.Path);
                    w.WriteNumber("start_s", m.Keyword.StartSeconds);
                    w.WriteNumber("end_s", m.Keyword.EndSeconds);
                    w.WriteString("label", m.Keyword.Label);
                    w.WriteNumber("confidence", m.PeakConfidence);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartObject("det");
                foreach (DetCurve curve in r.Det)
                {
                    w.WriteStartObject(curve.Label);
                    w.WriteNumber("positives", curve.Positives);
                    w.WriteStartArray("points");
                    foreach (DetCurve.Point p in curve.Points)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("threshold", p.Threshold);
                        w.WriteNumber("misses", p.Misses);
                        JsonNumbers.Write(w, "miss_rate", p.MissRate);
                        w.WriteNumber("false_accepts", p.FalseAccepts);
                        JsonNumbers.Write(w, "false_accepts_per_hour", p.FalseAcceptsPerHour);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteScores(Utf8JsonWriter w, ClipScores s)
        {
            JsonNumbers.Write(w, "accuracy", s.Accuracy);
            w.WriteStartObject("per_class");
            foreach (ClassScore c in s.PerClass)
            {
                w.WriteStartObject(c.Label);
                JsonNumbers.Write(w, "precision", c.Precision);
                JsonNumbers.Write(w, "recall", c.Recall);
                w.WriteNumber("support", c.Support);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("confusion");
            w.WriteStartArray("labels");
            foreach (string label in s.Labels) w.WriteStringValue(label);
            w.WriteEndArray();
            w.WriteStartArray("matrix");
            foreach (int[] row in s.Confusion)
            {
                w.WriteStartArray();
                foreach (int count in row) w.WriteNumberValue(count);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
