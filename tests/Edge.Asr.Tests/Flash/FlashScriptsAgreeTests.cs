using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Flash
{
    /// <summary>
    /// PowerShell is not installable here (not in Debian's repositories), so flash.ps1 cannot be run in CI;
    /// this keeps its lists and nanoff flags identical to flash.sh, which the other tests run.
    /// </summary>
    public class FlashScriptsAgreeTests
    {
        private static string Sh => File.ReadAllText(Path.Combine(RepoLayout.Root, "scripts", "flash.sh"));
        private static string Ps1 => File.ReadAllText(Path.Combine(RepoLayout.Root, "scripts", "flash.ps1"));

        private static string[] Words(string text, string pattern)
        {
            Match m = Regex.Match(text, pattern, RegexOptions.Singleline);
            Assert.True(m.Success, "not found: " + pattern);
            return Regex.Matches(m.Groups[1].Value, @"[A-Z0-9_]+").Select(w => w.Value).ToArray();
        }

        [Fact]
        public void SameTargetsAndBaudRates()
        {
            Assert.Equal(Words(Sh, @"TARGETS = \[(.*?)\]"), Words(Ps1, @"\$targets = @\((.*?)\)"));
            Assert.Equal(Words(Sh, @"BAUDS = \[(.*?)\]"), Words(Ps1, @"\$bauds = @\((.*?)\)"));
            Assert.Equal(9, Words(Sh, @"TARGETS = \[(.*?)\]").Length);
        }

        [Fact]
        public void SameNanoffFlagsOptionsAndMessages()
        {
            string[] shared =
            {
                "--target", "--serialport", "--baud", "--update", "--fwversion", "--deploy", "--image",
                "--config", "--dry-run", "--update-only", "--deploy-only",
                "config file not found: ", "not valid JSON: ", "not valid config: the top level must be a JSON object with fields ",
                "unknown field ", "missing field ", "must be a non-empty string, got ", "has leading/trailing spaces or a line break: ",
                "or a version like 1.12.0.53; got ", "must name the .bin deployment image the build writes; got ",
                " does not exist (build Edge.Asr.nfproj first; --dry-run does not need it)",
                "nanoff not found on PATH; install it with: dotnet tool install -g nanoff (then add ~/.dotnet/tools to PATH)",
                "nanoff failed with exit code ", "--update-only and --deploy-only exclude each other", "--config needs a path",
            };
            foreach (string s in shared)
            {
                Assert.True(Sh.Contains(s, StringComparison.Ordinal), "flash.sh lacks: " + s);
                Assert.True(Ps1.Contains(s, StringComparison.Ordinal), "flash.ps1 lacks: " + s);
            }
            Assert.Contains("nanoff --platform esp32 --target", Sh);
            Assert.Contains("@('--platform', 'esp32', '--target'", Ps1);
        }
    }
}
