using System.IO;
using System.Text.Json;
using Xunit;

namespace Edge.Asr.Tests.NfProj
{
    /// <summary>nanoff.config holds the flashing settings the flash script turns into nanoff arguments.</summary>
    public class NanoffConfigTests
    {
        // The ESP32 targets nanoff knows (docs: shared/nanoframework.md); there is no plain ESP32_S3.
        private static readonly string[] Targets =
        {
            "ESP32_PSRAM_REV0", "ESP32_PSRAM_REV3", "ESP32_REV0", "ESP32_REV3", "ESP32_S3_QUAD",
            "ESP32_S3_OCTAL", "ESP32_C3", "ESP32_C6_THREAD", "ESP32_P4",
        };

        [Fact]
        public void NamesAKnownTargetPortBaudFirmwareAndImage()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoLayout.Root, "nanoff.config")));
            JsonElement root = doc.RootElement;

            Assert.Contains(root.GetProperty("target").GetString(), Targets);
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("serialPort").GetString()));
            Assert.Equal(1500000, root.GetProperty("baud").GetInt32());
            Assert.Matches(@"^(latest|\d+\.\d+\.\d+\.\d+)$", root.GetProperty("firmwareVersion").GetString());
            Assert.EndsWith(".bin", root.GetProperty("image").GetString());
        }
    }
}
