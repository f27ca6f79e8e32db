using System;
using System.IO;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Tests.Bake;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// eval with many workers over one real blob (issue 16, item 1): every worker builds its model
    /// from the same loaded ModelBlob at the same time, so a blob with shared read state races.
    /// The JSON of 8 workers must be the bytes of 1 worker, run after run.
    /// </summary>
    public sealed class EvalParallelTests
    {
        [Fact]
        public void Eight_workers_give_the_json_of_one_worker_in_twenty_runs()
        {
            string folder = EvalFiles.NewFolder();
            string export = TestExport.Write(Path.Combine(folder, "m"), TestExport.Config());
            BakeResult baked = Baker.Bake(export, BakeCommand.Calibration(CliHarness.RepositoryRoot() + "/samples"));
            string blob = Path.Combine(folder, "m.easr");
            File.WriteAllBytes(blob, baked.Blob);
            string clips = Path.Combine(folder, "clips");
            // Eight short clips: one per worker, so every worker builds its model while the others do.
            for (int i = 0; i < 8; i++)
                EvalFiles.WriteWav(Path.Combine(clips, i % 2 == 0 ? "yes" : "no", i + ".wav"), EvalFiles.Tone(300 + 100 * i, 0.3));
            EvalManifest manifest = EvalManifest.Load(clips);
            Func<IRecogniser> recognisers = RecogniserLoader.Load(blob);

            string expected = Json(manifest, recognisers, 1);
            for (int run = 0; run < 20; run++)
                Assert.Equal(expected, Json(manifest, recognisers, 8));
        }

        private static string Json(EvalManifest manifest, Func<IRecogniser> recognisers, int workers)
        {
            var stdout = new StringWriter();
            int code = new EvalCommand(stdout, new StringWriter(), false).Execute(manifest, recognisers, true, null, workers);
            Assert.Equal(ExitCodes.Success, code);
            return stdout.ToString();
        }
    }
}
