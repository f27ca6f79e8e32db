using System.Collections.Generic;
using System.IO;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Flash
{
    /// <summary>A missing, malformed or wrong nanoff.config is one clear line on stderr naming the file and field.</summary>
    public class FlashConfigErrorTests
    {
        private static readonly Dictionary<string, string> Good = new Dictionary<string, string>
        {
            ["target"] = "\"ESP32_PSRAM_REV3\"",
            ["serialPort"] = "\"COM5\"",
            ["baud"] = "1500000",
            ["firmwareVersion"] = "\"latest\"",
            ["image"] = "\"App.bin\"",
        };

        /// <summary>The good config with one field replaced (or removed when <paramref name="json"/> is null).</summary>
        private static string[] With(string field, string? json)
        {
            var members = new List<string>();
            foreach (KeyValuePair<string, string> kv in Good)
            {
                if (kv.Key != field) members.Add("\"" + kv.Key + "\": " + kv.Value);
                else if (json != null) members.Add("\"" + kv.Key + "\": " + json);
            }
            return members.ToArray();
        }

        private static void AssertOneError(CliHarness.Result r, string expected, int exitCode = 1)
        {
            Assert.Equal("", r.Stdout);
            Assert.Equal(expected, Assert.Single(r.StderrLines));
            Assert.Equal(exitCode, r.ExitCode);
        }

        [Fact]
        public void TheGoodConfigPasses()
        {
            using var flash = new FlashScript();
            CliHarness.Result r = flash.Run(null, "--config", flash.Config(With("", null)), "--dry-run");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(2, r.StdoutLines.Length);
        }

        [Fact]
        public void MissingConfigFile()
        {
            using var flash = new FlashScript();
            string path = Path.Combine(flash.Folder, "absent.config");
            AssertOneError(flash.Run(null, "--config", path, "--dry-run"), "flash.sh: config file not found: " + path);
        }

        // Python words its JSON errors differently across versions: the test pins the prefix and the position.
        [Theory]
        [InlineData("{\"target\": \"ESP32_REV3\",", "line 1 column 25")]
        [InlineData("", "line 1 column 1")]
        [InlineData("{\"baud\": 1500000} trailing", "line 1 column 19")]
        [InlineData("{\n  \"baud\": 1500000\n  \"image\": \"a.bin\"\n}", "line 3 column 3")]
        public void MalformedJson(string text, string position)
        {
            using var flash = new FlashScript();
            string path = flash.Write("nanoff.config", text);
            CliHarness.Result r = flash.Run(null, "--config", path, "--dry-run");
            Assert.Equal("", r.Stdout);
            string line = Assert.Single(r.StderrLines);
            Assert.StartsWith("flash.sh: " + path + ": not valid JSON: ", line);
            Assert.EndsWith(" at " + position, line);
            Assert.Equal(1, r.ExitCode);
        }

        [Fact]
        public void TopLevelMustBeAnObject()
        {
            using var flash = new FlashScript();
            string path = flash.Write("nanoff.config", "[1, 2]");
            AssertOneError(flash.Run(null, "--config", path, "--dry-run"),
                "flash.sh: " + path + ": not valid config: the top level must be a JSON object with fields target, serialPort, baud, firmwareVersion, image");
        }

        [Theory]
        [InlineData("target")]
        [InlineData("serialPort")]
        [InlineData("baud")]
        [InlineData("firmwareVersion")]
        [InlineData("image")]
        public void MissingField(string field)
        {
            using var flash = new FlashScript();
            string path = flash.Config(With(field, null));
            AssertOneError(flash.Run(null, "--config", path, "--dry-run"), "flash.sh: " + path + ": missing field \"" + field + "\"");
        }

        [Fact]
        public void UnknownFieldIsATypo()
        {
            using var flash = new FlashScript();
            var members = new List<string>(With("", null)) { "\"baudrate\": 921600" };
            string path = flash.Config(members.ToArray());
            AssertOneError(flash.Run(null, "--config", path, "--dry-run"),
                "flash.sh: " + path + ": unknown field \"baudrate\" (the fields are target, serialPort, baud, firmwareVersion, image)");
        }

        [Theory]
        [InlineData("target", "\"ESP32_S3\"", "field \"target\" must be one of ESP32_PSRAM_REV0, ESP32_PSRAM_REV3, ESP32_REV0, ESP32_REV3, ESP32_S3_QUAD, ESP32_S3_OCTAL, ESP32_C3, ESP32_C6_THREAD, ESP32_P4; got \"ESP32_S3\"")]
        [InlineData("target", "\"esp32_psram_rev0\"", "field \"target\" must be one of ESP32_PSRAM_REV0, ESP32_PSRAM_REV3, ESP32_REV0, ESP32_REV3, ESP32_S3_QUAD, ESP32_S3_OCTAL, ESP32_C3, ESP32_C6_THREAD, ESP32_P4; got \"esp32_psram_rev0\"")]
        [InlineData("target", "3", "field \"target\" must be a non-empty string, got 3")]
        [InlineData("serialPort", "\"\"", "field \"serialPort\" must be a non-empty string, got \"\"")]
        [InlineData("serialPort", "\"   \"", "field \"serialPort\" must be a non-empty string, got \"   \"")]
        [InlineData("serialPort", "null", "field \"serialPort\" must be a non-empty string, got null")]
        [InlineData("serialPort", "\" COM5\"", "field \"serialPort\" has leading/trailing spaces or a line break: \" COM5\"")]
        [InlineData("baud", "\"1500000\"", "field \"baud\" must be one of 115200, 230400, 460800, 921600, 1500000, 2000000; got \"1500000\"")]
        [InlineData("baud", "1500000.5", "field \"baud\" must be one of 115200, 230400, 460800, 921600, 1500000, 2000000; got 1500000.5")]
        [InlineData("baud", "0", "field \"baud\" must be one of 115200, 230400, 460800, 921600, 1500000, 2000000; got 0")]
        [InlineData("baud", "-115200", "field \"baud\" must be one of 115200, 230400, 460800, 921600, 1500000, 2000000; got -115200")]
        [InlineData("baud", "9600", "field \"baud\" must be one of 115200, 230400, 460800, 921600, 1500000, 2000000; got 9600")]
        [InlineData("baud", "true", "field \"baud\" must be one of 115200, 230400, 460800, 921600, 1500000, 2000000; got true")]
        [InlineData("firmwareVersion", "\"1.12\"", "field \"firmwareVersion\" must be \"latest\" or a version like 1.12.0.53; got \"1.12\"")]
        [InlineData("firmwareVersion", "\"v1.12.0.53\"", "field \"firmwareVersion\" must be \"latest\" or a version like 1.12.0.53; got \"v1.12.0.53\"")]
        [InlineData("firmwareVersion", "\"Latest\"", "field \"firmwareVersion\" must be \"latest\" or a version like 1.12.0.53; got \"Latest\"")]
        [InlineData("firmwareVersion", "\"\"", "field \"firmwareVersion\" must be a non-empty string, got \"\"")]
        [InlineData("image", "\"bin/Release/Edge.Asr.pe\"", "field \"image\" must name the .bin deployment image the build writes; got \"bin/Release/Edge.Asr.pe\"")]
        [InlineData("image", "[\"a.bin\"]", "field \"image\" must be a non-empty string, got [\"a.bin\"]")]
        public void BadValueNamesTheField(string field, string json, string message)
        {
            using var flash = new FlashScript();
            string path = flash.Config(With(field, json));
            AssertOneError(flash.Run(null, "--config", path, "--dry-run"), "flash.sh: " + path + ": " + message);
        }

        [Fact]
        public void MissingImageIsAnErrorUnlessDryRunOrUpdateOnly()
        {
            using var flash = new FlashScript();
            string path = flash.Config(With("", null));
            string bin = flash.InstallFakeNanoff(0, 0);
            string image = Path.Combine(flash.Folder, "App.bin");

            AssertOneError(flash.Run(bin, "--config", path),
                "flash.sh: " + path + ": field \"image\": " + image + " does not exist (build Edge.Asr.nfproj first; --dry-run does not need it)");
            Assert.Empty(flash.LoggedCalls());

            CliHarness.Result updateOnly = flash.Run(bin, "--config", path, "--update-only");
            Assert.Equal(0, updateOnly.ExitCode);
            Assert.Single(flash.LoggedCalls());
        }

        [Theory]
        [InlineData(new[] { "--flash" }, "flash.sh: unknown option '--flash' (usage: scripts/flash.sh [--config PATH] [--dry-run] [--update-only | --deploy-only])")]
        [InlineData(new[] { "--dry-run", "--config" }, "flash.sh: --config needs a path")]
        [InlineData(new[] { "--update-only", "--deploy-only", "--dry-run" }, "flash.sh: --update-only and --deploy-only exclude each other")]
        public void BadCommandLine(string[] args, string message)
        {
            using var flash = new FlashScript();
            AssertOneError(flash.Run(null, args), message, exitCode: 2);
        }
    }
}
