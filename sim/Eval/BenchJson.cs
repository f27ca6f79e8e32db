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
            "est_device_load_native", "est_device_load_managed", "kernels", "realtime_factor_managed",
            "device_instructions_per_audio_second", "est_device_load_esp32c3", "est_device_load_esp32_derived",
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
                w.WriteString("kernels", f.Kernels);
                w.WriteNumber("realtime_factor_managed", f.RealtimeFactorManaged);
                if (f.DeviceInstructionsPerAudioSecond.HasValue) w.WriteNumber("device_instructions_per_audio_second", f.DeviceInstructionsPerAudioSecond.Value);
                else w.WriteNull("device_instructions_per_audio_second");
                if (f.EstDeviceLoadEsp32C3.HasValue) w.WriteNumber("est_device_load_esp32c3", f.EstDeviceLoadEsp32C3.Value);
                else w.WriteNull("est_device_load_esp32c3");
                if (f.EstDeviceLoadEsp32Derived.HasValue) w.WriteNumber("est_device_load_esp32_derived", f.EstDeviceLoadEsp32Derived.Value);
                else w.WriteNull("est_device_load_esp32_derived");
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
