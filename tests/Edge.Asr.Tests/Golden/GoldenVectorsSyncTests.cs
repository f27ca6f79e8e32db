using System;
using System.IO;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Golden
{
    /// <summary>The checked-in tests/NFUnitTest/GoldenVectors.cs is exactly what `edge-asr golden` writes today.</summary>
    public class GoldenVectorsSyncTests
    {
        private static string CheckedInPath => Path.Combine(RepoLayout.Root, "tests", "NFUnitTest", "GoldenVectors.cs");

        private static string Normalise(string text) => text.Replace("\r\n", "\n");

        [Fact]
        public void CheckedInFileEqualsTheGeneratorOutput()
        {
            string expected = GoldenCommand.Generate();
            string actual = Normalise(File.ReadAllText(CheckedInPath));

            if (actual != expected)
            {
                string[] e = expected.Split('\n');
                string[] a = actual.Split('\n');
                int line = 0;
                while (line < Math.Min(e.Length, a.Length) && e[line] == a[line]) line++;
                Assert.Fail("tests/NFUnitTest/GoldenVectors.cs is out of date with the engine (first difference at line " + (line + 1)
                    + "); regenerate it with: " + GoldenCommand.RegenerateCommand);
            }
        }

        [Fact]
        public void EveryArrayInitializerHoldsUnder64KBOfData()
        {
            // nanoFramework refuses array initializers over 64 KB; the generator refuses to write one.
            var arrays = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(CheckedInPath),
                @"public static readonly (?<type>short|byte)\[\] (?<name>\w+) =\s*\{(?<values>[^}]*)\}");
            Assert.Equal(7, arrays.Count);
            foreach (System.Text.RegularExpressions.Match m in arrays)
            {
                int count = m.Groups["values"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
                int bytes = count * (m.Groups["type"].Value == "short" ? 2 : 1);
                Assert.True(bytes > 0 && bytes <= GoldenCommand.MaxInitializerBytes, m.Groups["name"].Value + ": " + bytes + " bytes");
            }
        }

        [Fact]
        public void TheCommandWritesTheGeneratorOutput()
        {
            string path = Path.Combine(Path.GetTempPath(), "golden-" + Guid.NewGuid().ToString("N") + ".cs");
            try
            {
                CliHarness.Result r = CliHarness.InProcess("golden", "--out", path);

                Assert.Equal("", r.Stderr);
                Assert.Equal(ExitCodes.Success, r.ExitCode);
                Assert.Equal("wrote " + path + ": 4800 samples, 28 frontend frames; engine: " + Edge.Asr.DeviceTests.GoldenVectors.EngineModelBlob.Length
                    + "-byte model blob, 7 encoder steps, " + (7 * 8 + 7 * 2 * 8 + 7 * 3 + 7 * 3) + " output values" + Environment.NewLine, r.Stdout);
                Assert.Equal(GoldenCommand.Generate(), File.ReadAllText(path));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void AnUnwritablePathIsOneLineAndBadInput()
        {
            string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.cs");

            CliHarness.Result r = CliHarness.InProcess("golden", "--out", path);

            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.StartsWith("edge-asr: cannot write " + path + ": ", Assert.Single(r.StderrLines));
        }

        [Fact]
        public void OutIsRequired()
        {
            CliHarness.Result r = CliHarness.InProcess("golden");

            Assert.Equal(ExitCodes.Usage, r.ExitCode);
            Assert.Equal("edge-asr: Option '--out' is required. (see 'edge-asr --help')", Assert.Single(r.StderrLines));
        }
    }
}
