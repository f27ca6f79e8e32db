using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Edge.Asr.Sim.Eval;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>Pins the documented JSON of eval and bench: key set, order and value types.</summary>
    public sealed class EvalJsonTests
    {
        private static EvalResult ClipsOnly()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "0.wav"), EvalFiles.Tone(500, 1));
            EvalFiles.WriteWav(Path.Combine(dir, "lights_on", "0.wav"), EvalFiles.Tone(500, 1));
            return new EvalEngine(() => ToneRecogniser.Calibrated(), 1).Run(EvalManifest.Load(dir));
        }

        private static int[][] Matrix(JsonElement confusion) =>
            confusion.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();

        [Fact]
        public void Eval_json_has_exactly_the_documented_keys_and_types()
        {
            using JsonDocument doc = JsonDocument.Parse(EvalJson.Serialize(ClipsOnly()));
            JsonElement root = doc.RootElement;
            Assert.Equal(new[]
            {
                "accuracy", "per_class", "confusion", "last_frame", "agreement_fixed_float", "clips_ending_early",
                "false_accepts_per_hour", "false_accepts_per_hour_95", "stream_hours", "rate_from_minutes",
                "clips", "audio_seconds", "streams", "stream_seconds", "keywords", "keyword_recall", "false_accepts",
                "false_accept_list", "miss_list", "det",
            }, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(EvalJson.Keys, root.EnumerateObject().Select(p => p.Name).ToArray());

            // The headline: the detector's first event (both clips are 500 Hz tones, so both fire "yes").
            string[] detectorLabels = { "(no command)", "yes", "no", "lights on" };
            Assert.Equal(0.5, root.GetProperty("accuracy").GetDouble());
            JsonElement perClass = root.GetProperty("per_class");
            Assert.Equal(detectorLabels, perClass.EnumerateObject().Select(p => p.Name).ToArray());
            JsonElement yes = perClass.GetProperty("yes");
            Assert.Equal(new[] { "precision", "recall", "support" }, yes.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(0.5, yes.GetProperty("precision").GetDouble());
            Assert.Equal(1.0, yes.GetProperty("recall").GetDouble());
            Assert.Equal(1, yes.GetProperty("support").GetInt32());
            Assert.Equal(JsonValueKind.Null, perClass.GetProperty("no").GetProperty("precision").ValueKind);
            Assert.Equal(JsonValueKind.Null, perClass.GetProperty("no").GetProperty("recall").ValueKind);
            JsonElement confusion = root.GetProperty("confusion");
            Assert.Equal(new[] { "labels", "matrix" }, confusion.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(detectorLabels, confusion.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToArray());
            int[][] matrix = Matrix(confusion);
            Assert.Equal(1, matrix[3][1]); // lights on clip: the detector fired yes
            Assert.Equal(1, matrix[1][1]);

            // The secondary figure: the last encoder frame's top class, in model label order.
            JsonElement lastFrame = root.GetProperty("last_frame");
            Assert.Equal(EvalJson.LastFrameKeys, lastFrame.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(0.5, lastFrame.GetProperty("accuracy").GetDouble());
            Assert.Equal(ToneRecogniser.DefaultLabels, lastFrame.GetProperty("per_class").EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(ToneRecogniser.DefaultLabels, lastFrame.GetProperty("confusion").GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToArray());
            int[][] lastMatrix = Matrix(lastFrame.GetProperty("confusion"));
            Assert.Equal(1, lastMatrix[4][2]); // lights on clip decided yes
            Assert.Equal(1, lastMatrix[2][2]);
            Assert.Equal(0, root.GetProperty("clips_ending_early").GetInt32());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("false_accepts_per_hour_95").ValueKind);
            Assert.Equal(0.0, root.GetProperty("stream_hours").GetDouble());
            Assert.Equal(JsonValueKind.False, root.GetProperty("rate_from_minutes").ValueKind);
            Assert.Empty(root.GetProperty("false_accept_list").EnumerateArray());
            Assert.Empty(root.GetProperty("miss_list").EnumerateArray());

            Assert.Equal(1.0, root.GetProperty("agreement_fixed_float").GetDouble());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("false_accepts_per_hour").ValueKind);
            Assert.Equal(2, root.GetProperty("clips").GetInt32());
            Assert.Equal(2.0, root.GetProperty("audio_seconds").GetDouble());
            Assert.Equal(0, root.GetProperty("streams").GetInt32());
            Assert.Equal(0.0, root.GetProperty("stream_seconds").GetDouble());
            Assert.Equal(0, root.GetProperty("keywords").GetInt32());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("keyword_recall").ValueKind);
            Assert.Equal(0, root.GetProperty("false_accepts").GetInt32());
        }

        [Fact]
        public void Bench_json_has_exactly_the_documented_keys_and_types()
        {
            var figures = new BenchFigures(0.005, 12_345_678, 100_000, 120_000, 64_000, 0.25, 3.5)
            {
                Kernels = "native",
                RealtimeFactorManaged = 0.02,
                DeviceInstructionsPerAudioSecond = 16_000_000,
                EstDeviceLoadEsp32C3 = 0.1,
                EstDeviceLoadEsp32Derived = 0.0667,
            };
            using JsonDocument doc = JsonDocument.Parse(BenchJson.Serialize(figures));
            JsonElement root = doc.RootElement;
            Assert.Equal(new[]
            {
                "realtime_factor", "macs_per_audio_second", "weights_bytes", "flash_bytes", "peak_ram_bytes",
                "est_device_load_native", "est_device_load_managed", "kernels", "realtime_factor_managed",
                "device_instructions_per_audio_second", "est_device_load_esp32c3", "est_device_load_esp32_derived",
            }, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal("native", root.GetProperty("kernels").GetString());
            Assert.Equal(0.02, root.GetProperty("realtime_factor_managed").GetDouble());
            Assert.Equal(16_000_000L, root.GetProperty("device_instructions_per_audio_second").GetInt64());
            Assert.Equal(0.1, root.GetProperty("est_device_load_esp32c3").GetDouble());
            Assert.Equal(0.0667, root.GetProperty("est_device_load_esp32_derived").GetDouble());
            // Not measured (no cross tools): the device keys are null, never a made-up number.
            using JsonDocument unmeasured = JsonDocument.Parse(BenchJson.Serialize(new BenchFigures(0.005, 1, 1, 1, 1, 0.25, 3.5)));
            Assert.Equal(JsonValueKind.Null, unmeasured.RootElement.GetProperty("device_instructions_per_audio_second").ValueKind);
            Assert.Equal(JsonValueKind.Null, unmeasured.RootElement.GetProperty("est_device_load_esp32c3").ValueKind);
            Assert.Equal(BenchJson.Keys, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(0.005, root.GetProperty("realtime_factor").GetDouble());
            Assert.Equal(12_345_678L, root.GetProperty("macs_per_audio_second").GetInt64());
            Assert.Equal(100_000L, root.GetProperty("weights_bytes").GetInt64());
            Assert.Equal(120_000L, root.GetProperty("flash_bytes").GetInt64());
            Assert.Equal(64_000L, root.GetProperty("peak_ram_bytes").GetInt64());
            Assert.Equal(0.25, root.GetProperty("est_device_load_native").GetDouble());
            Assert.Equal(3.5, root.GetProperty("est_device_load_managed").GetDouble());
            Assert.Equal(JsonValueKind.Number, root.GetProperty("macs_per_audio_second").ValueKind);
        }
    }
}
