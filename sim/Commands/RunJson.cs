using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>The stable JSON of <c>edge-asr run --json</c> (docs/simulator.md): exactly these keys, in this order.</summary>
    public static class RunJson
    {
        public static readonly string[] Keys = { "input", "model", "threshold", "detections", "encoder_frames", "audio_seconds" };

        public static readonly string[] InputKeys = { "name", "container", "encoding", "bits_per_sample", "sample_rate", "channels", "duration_seconds" };

        public static readonly string[] ModelKeys = { "path", "labels" };

        public static readonly string[] DetectionKeys = { "label", "confidence", "time_s" };

        /// <param name="threshold">the --threshold override, or null for the blob's thresholds.</param>
        public static string Serialize(AudioDescription input, string modelPath, string[] labels, double? threshold,
            IReadOnlyList<StreamDetection> detections, long encoderFrames, double audioSeconds)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteStartObject("input");
                w.WriteString("name", input.Name);
                w.WriteString("container", input.Container);
                w.WriteString("encoding", input.Encoding);
                w.WriteNumber("bits_per_sample", input.BitsPerSample);
                w.WriteNumber("sample_rate", input.SampleRate);
                w.WriteNumber("channels", input.Channels);
                JsonNumbers.Write(w, "duration_seconds", input.DurationSeconds);
                w.WriteEndObject();
                w.WriteStartObject("model");
                w.WriteString("path", modelPath);
                w.WriteStartArray("labels");
                foreach (string l in labels) w.WriteStringValue(l);
                w.WriteEndArray();
                w.WriteEndObject();
                JsonNumbers.Write(w, "threshold", threshold);
                w.WriteStartArray("detections");
                foreach (StreamDetection d in detections)
                {
                    w.WriteStartObject();
                    w.WriteString("label", d.Label);
                    JsonNumbers.Write(w, "confidence", d.Confidence);
                    JsonNumbers.Write(w, "time_s", d.TimeSeconds);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("encoder_frames", encoderFrames);
                JsonNumbers.Write(w, "audio_seconds", audioSeconds);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
