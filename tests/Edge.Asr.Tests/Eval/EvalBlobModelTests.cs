using System.IO;
using System.Text.Json;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Bake;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>edge-asr eval on a real baked blob: the fixed-point model runs, and the float reference beside it is compared.</summary>
    public sealed class EvalBlobModelTests
    {
        private static string BakedModel(out string folder)
        {
            folder = EvalFiles.NewFolder();
            string export = TestExport.Write(Path.Combine(folder, "m"), TestExport.Config());
            BakeResult baked = Baker.Bake(export, BakeCommand.Calibration(CliHarness.RepositoryRoot() + "/samples"));
            string blob = Path.Combine(folder, "m.easr");
            File.WriteAllBytes(blob, baked.Blob);
            return blob;
        }

        private static string Clips(string folder)
        {
            string clips = Path.Combine(folder, "clips");
            File.Copy(CliHarness.Sample("yes.wav"), Path.Combine(Directory.CreateDirectory(Path.Combine(clips, "yes")).FullName, "0.wav"));
            EvalFiles.WriteWav(Path.Combine(clips, "no", "0.wav"), EvalFiles.Tone(500, 1));
            EvalFiles.WriteWav(Path.Combine(clips, "_silence_", "0.wav"), new short[16000]);
            return clips;
        }

        [Fact]
        public void EvalRunsTheBlobAndComparesItWithTheFloatReferenceBesideIt()
        {
            string blob = BakedModel(out string folder);
            CliHarness.Result r = CliHarness.InProcess("eval", Clips(folder), "--model", blob, "--json");
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            using JsonDocument json = JsonDocument.Parse(r.Stdout);
            JsonElement root = json.RootElement;
            Assert.Equal(3, root.GetProperty("clips").GetInt32());
            double accuracy = root.GetProperty("accuracy").GetDouble();
            Assert.InRange(accuracy, 0, 1);
            // The reference export sits beside the blob (m.easr ↔ m/), so agreement is measured, not null.
            Assert.Equal(JsonValueKind.Number, root.GetProperty("agreement_fixed_float").ValueKind);
            Assert.Equal(4, root.GetProperty("last_frame").GetProperty("confusion").GetProperty("labels").GetArrayLength());
        }

        [Fact]
        public void WithoutTheExportBesideItAgreementIsNull()
        {
            string blob = BakedModel(out string folder);
            Directory.Delete(Path.Combine(folder, "m"), recursive: true);
            CliHarness.Result r = CliHarness.InProcess("eval", Clips(folder), "--model", blob, "--json");
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            using JsonDocument json = JsonDocument.Parse(r.Stdout);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("agreement_fixed_float").ValueKind);
        }
    }
}
