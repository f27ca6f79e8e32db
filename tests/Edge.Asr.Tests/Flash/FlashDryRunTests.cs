using System.IO;
using Edge.Asr.Tests.NfProj;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Flash
{
    /// <summary>scripts/flash.sh --dry-run prints exactly the nanoff calls nanoff.config describes.</summary>
    public class FlashDryRunTests
    {
        private const string Target = "\"target\": \"ESP32_S3_QUAD\"";
        private const string Port = "\"serialPort\": \"/dev/ttyACM1\"";
        private const string Baud = "\"baud\": 921600";
        private const string Latest = "\"firmwareVersion\": \"latest\"";
        private const string Image = "\"image\": \"out/App.bin\"";

        [Fact]
        public void CheckedInConfigGivesUpdateThenDeploy()
        {
            using var flash = new FlashScript();
            string image = Path.Combine(RepoLayout.Root, "bin", "Release", "Edge.Asr.bin");

            CliHarness.Result r = flash.Run(null, "--dry-run");

            Assert.Equal("", r.Stderr);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new[]
            {
                "nanoff --platform esp32 --target ESP32_PSRAM_REV0 --serialport /dev/ttyUSB0 --baud 1500000 --update",
                "nanoff --platform esp32 --target ESP32_PSRAM_REV0 --serialport /dev/ttyUSB0 --baud 1500000 --deploy --image " + image,
            }, r.StdoutLines);
        }

        [Fact]
        public void PinnedFirmwareVersionAddsFwversionAndTheImageIsResolvedAgainstTheConfigFolder()
        {
            using var flash = new FlashScript();
            string config = flash.Config(Target, Port, Baud, "\"firmwareVersion\": \"1.12.0.53\"", Image);

            CliHarness.Result r = flash.Run(null, "--config", config, "--dry-run");

            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new[]
            {
                "nanoff --platform esp32 --target ESP32_S3_QUAD --serialport /dev/ttyACM1 --baud 921600 --update --fwversion 1.12.0.53",
                "nanoff --platform esp32 --target ESP32_S3_QUAD --serialport /dev/ttyACM1 --baud 921600 --deploy --image " + Path.Combine(flash.Folder, "out", "App.bin"),
            }, r.StdoutLines);
        }

        [Fact]
        public void UpdateOnlyAndDeployOnlyPrintOneCommand()
        {
            using var flash = new FlashScript();
            string config = flash.Config(Target, Port, Baud, Latest, Image);

            CliHarness.Result update = flash.Run(null, "--dry-run", "--update-only", "--config", config);
            CliHarness.Result deploy = flash.Run(null, "--deploy-only", "--config", config, "--dry-run");

            Assert.Equal(0, update.ExitCode);
            Assert.Equal(new[] { "nanoff --platform esp32 --target ESP32_S3_QUAD --serialport /dev/ttyACM1 --baud 921600 --update" }, update.StdoutLines);
            Assert.Equal(0, deploy.ExitCode);
            Assert.Equal(new[] { "nanoff --platform esp32 --target ESP32_S3_QUAD --serialport /dev/ttyACM1 --baud 921600 --deploy --image " + Path.Combine(flash.Folder, "out", "App.bin") }, deploy.StdoutLines);
        }

        [Fact]
        public void WordsWithSpacesAreQuotedAsTheShellNeedsThem()
        {
            using var flash = new FlashScript();
            string config = flash.Config("\"target\": \"ESP32_C3\"", "\"serialPort\": \"COM5\"", "\"baud\": 115200", Latest, "\"image\": \"my app/it's.bin\"");

            CliHarness.Result r = flash.Run(null, "--config", config, "--dry-run", "--deploy-only");

            Assert.Equal(0, r.ExitCode);
            string quoted = "'" + Path.Combine(flash.Folder, "my app", "it'\\''s.bin") + "'";
            Assert.Equal(new[] { "nanoff --platform esp32 --target ESP32_C3 --serialport COM5 --baud 115200 --deploy --image " + quoted }, r.StdoutLines);
        }

        [Fact]
        public void RunsUpdateThenDeployWithTheExactArguments()
        {
            using var flash = new FlashScript();
            flash.Write("out/App.bin", "image");
            string config = flash.Config(Target, Port, Baud, "\"firmwareVersion\": \"1.12.0.53\"", Image);
            string bin = flash.InstallFakeNanoff(0, 0);

            CliHarness.Result r = flash.Run(bin, "--config", config);

            Assert.Equal("", r.Stderr);
            Assert.Equal(0, r.ExitCode);
            string common = "--platform esp32 --target ESP32_S3_QUAD --serialport /dev/ttyACM1 --baud 921600 ";
            Assert.Equal(new[]
            {
                (common + "--update --fwversion 1.12.0.53").Split(' '),
                (common + "--deploy --image").Split(' ').Append(Path.Combine(flash.Folder, "out", "App.bin")),
            }, flash.LoggedCalls());
        }

        [Fact]
        public void StopsAtTheFirstFailingNanoffCallWithItsExitCode()
        {
            using var flash = new FlashScript();
            flash.Write("out/App.bin", "image");
            string config = flash.Config(Target, Port, Baud, Latest, Image);
            string bin = flash.InstallFakeNanoff(7, 0);

            CliHarness.Result r = flash.Run(bin, "--config", config);

            Assert.Equal(7, r.ExitCode);
            Assert.Single(flash.LoggedCalls());
            Assert.Contains("--update", flash.LoggedCalls()[0]);
            Assert.Equal("flash.sh: nanoff failed with exit code 7: nanoff --platform esp32 --target ESP32_S3_QUAD --serialport /dev/ttyACM1 --baud 921600 --update",
                Assert.Single(r.StderrLines));
        }

        [Fact]
        public void MissingNanoffSaysHowToInstallIt()
        {
            using var flash = new FlashScript();
            flash.Write("out/App.bin", "image");
            string config = flash.Config(Target, Port, Baud, Latest, Image);

            CliHarness.Result r = flash.Run(null, "--config", config);

            Assert.Equal(3, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Equal("flash.sh: nanoff not found on PATH; install it with: dotnet tool install -g nanoff (then add ~/.dotnet/tools to PATH)",
                Assert.Single(r.StderrLines));
        }
    }

    internal static class ArrayAppend
    {
        public static string[] Append(this string[] words, string last)
        {
            var all = new string[words.Length + 1];
            words.CopyTo(all, 0);
            all[words.Length] = last;
            return all;
        }
    }
}
