using System;
using System.IO;
using Edge.Asr.Codegen.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>The checked-in generated tables must be exactly what the generator writes today.</summary>
    public class FrontendTablesSyncTests
    {
        [Fact]
        public void CheckedInTablesMatchGenerator()
        {
            string path = Path.Combine(RepoPaths.Root(), FrontendTableGenerator.RelativePath);
            string expected = FrontendTableGenerator.Generate();
            if (Environment.GetEnvironmentVariable("EDGE_ASR_REGEN") == "1")
            {
                File.WriteAllText(path, expected);
            }
            string actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "";
            Assert.True(expected == actual,
                FrontendTableGenerator.RelativePath + " is out of date: regenerate it with " +
                "EDGE_ASR_REGEN=1 dotnet test Edge.Asr.sln -c Release --filter FullyQualifiedName~FrontendTablesSync");
        }

        [Fact]
        public void DocsListTheGeneratedChannelEdges()
        {
            string docs = File.ReadAllText(Path.Combine(RepoPaths.Root(), "docs", "frontend.md")).Replace("\r\n", "\n");
            Assert.True(docs.Contains(FrontendTableGenerator.ChannelTableMarkdown()),
                "docs/frontend.md must contain the channel table printed by FrontendTableGenerator.ChannelTableMarkdown()");
        }
    }
}
