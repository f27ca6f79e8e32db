using System.IO;
using System.Text;
using System.Text.Json;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>The stable JSON of <c>edge-asr bench --json</c> (docs/simulator.md): exactly these keys.</summary>
    public static class BenchJson
    {
        public static readonly string[] Keys =
        {
            "realtime_factor", "macs_per_audio_second", "weights_bytes", "flash_bytes", "peak_ram_bytes",
            "est_device_load_native", "est_device_load_managed",
        };

        public static string Serialize(BenchFigures f)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteNumber("realtime_factor", f.RealtimeFactor);
                w.WriteNumber("macs_per_audio_second", f.MacsPerAudioSecond);
                w.WriteNumber("weights_bytes", f.WeightsBytes);
                w.WriteNumber("flash_bytes", f.FlashBytes);
                w.WriteNumber("peak_ram_bytes", f.PeakRamBytes);
                w.WriteNumber("est_device_load_native", f.EstDeviceLoadNative);
                w.WriteNumber("est_device_load_managed", f.EstDeviceLoadManaged);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
