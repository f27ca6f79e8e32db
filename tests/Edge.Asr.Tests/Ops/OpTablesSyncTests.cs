using System;
using System.IO;
using Edge.Asr.Codegen;
using Xunit;

namespace Edge.Asr.Tests.Ops
{
    public class OpTablesSyncTests
    {
        [Fact]
        public void CheckedInTablesEqualRegeneratedText()
        {
            string path = Path.Combine(RepoRoot.Path, "kernels", "Ops", "OpTables.cs");
            string generated = OpTablesGenerator.Generate();
            if (Environment.GetEnvironmentVariable("EDGE_ASR_REGEN_TABLES") == "1") OpTablesGenerator.Write(path);
            Assert.Equal(generated, File.ReadAllText(path));
        }

        [Fact]
        public void TablesAreSmall()
        {
            Assert.True(Edge.Asr.Ops.OpTables.Exp2NegQ30.Length * 4 <= 2048);
            Assert.True(Edge.Asr.Ops.OpTables.ReciprocalQ30.Length * 4 <= 2048);
            Assert.True(Edge.Asr.Ops.OpTables.InverseSqrtQ30.Length * 4 <= 2048);
            Assert.True(Edge.Asr.Ops.OpTables.SigmoidMinusHalfQ15.Length * 2 <= 2048);
        }
    }
}
