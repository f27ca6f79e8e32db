using Edge.Asr.Model;
using nanoFramework.TestFramework;

namespace Edge.Asr.DeviceTests
{
    /// <summary>
    /// On the device, the engine gives exactly the outputs the desktop gave: the golden tiny model's
    /// blob (GoldenVectors.EngineModelBlob, written by `./edge-asr golden`) is read by the kernels' blob
    /// reader and run on the golden frontend frames; the subsampling output, every block's output,
    /// the logits and the posteriors of every encoder step must match bit for bit.
    /// </summary>
    [TestClass]
    public class EngineGoldenTests
    {
        [TestMethod]
        public void LogitsAndPosteriorsMatchTheDesktop()
        {
            EngineGoldenRun run = EngineGoldenCheck.Run(EngineGoldenCheck.Build(GoldenVectors.EngineModelBlob),
                GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);
            Expect(run, "logits", GoldenVectors.EngineLogits, run.Logits, GoldenVectors.EngineClasses);
            Expect(run, "posteriors", GoldenVectors.EnginePosteriors, run.Posteriors, GoldenVectors.EngineClasses);
        }

        [TestMethod]
        public void SubsamplingAndBlockOutputsMatchTheDesktop()
        {
            EngineGoldenRun run = EngineGoldenCheck.Run(EngineGoldenCheck.Build(GoldenVectors.EngineModelBlob),
                GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);
            Expect(run, "subsampling output", GoldenVectors.EngineEncoderInput, run.EncoderInput, GoldenVectors.EngineDim);
            Expect(run, "block outputs", GoldenVectors.EngineBlockOutputs, run.BlockOutputs, GoldenVectors.EngineBlocks * GoldenVectors.EngineDim);
        }

        [TestMethod]
        public void AResetModelGivesTheSameOutputsAgain()
        {
            ConformerModel model = EngineGoldenCheck.Build(GoldenVectors.EngineModelBlob);
            EngineGoldenCheck.Run(model, GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);
            model.Reset();
            EngineGoldenRun again = EngineGoldenCheck.Run(model, GoldenVectors.FrontendFrames, GoldenVectors.FrontendChannels);
            Expect(again, "logits after Reset", GoldenVectors.EngineLogits, again.Logits, GoldenVectors.EngineClasses);
            Expect(again, "block outputs after Reset", GoldenVectors.EngineBlockOutputs, again.BlockOutputs, GoldenVectors.EngineBlocks * GoldenVectors.EngineDim);
        }

        private static void Expect(EngineGoldenRun run, string what, short[] expected, short[] actual, int perStep)
        {
            string mismatch = EngineGoldenCheck.Compare(what, expected, actual, perStep);
            OutputHelper.WriteLine("engine, " + what + ": " + run.Steps.ToString() + " steps, " + actual.Length.ToString() + " values, "
                + (mismatch.Length == 0 ? "all equal" : mismatch));
            Assert.AreEqual(GoldenVectors.EngineSteps, run.Steps);
            Assert.IsTrue(mismatch.Length == 0, mismatch);
            CollectionAssert.AreEqual(expected, actual);
        }
    }
}
