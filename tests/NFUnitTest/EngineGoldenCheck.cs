using System;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.DeviceTests
{
    /// <summary>
    /// The engine check the device tests run, free of the test framework so that the desktop tests
    /// compile and run this very file against the same kernels (tests/Edge.Asr.Tests/Golden): the
    /// golden tiny model's blob is read by the kernels' blob reader, built into a ConformerModel and
    /// run on the golden frames; every output is compared exactly.
    /// </summary>
    public static class EngineGoldenCheck
    {
        /// <summary>Reads <paramref name="blob"/> with ModelBlob.Load and builds its model (BlobModelLoader.BuildModel).</summary>
        public static ConformerModel Build(byte[] blob)
        {
            return BlobModelLoader.BuildModel(ModelBlob.Load(blob));
        }

        /// <summary>
        /// Feeds <paramref name="frames"/> (log-mel frames of <paramref name="channels"/> values, Q8) to
        /// <paramref name="model"/> from its current state and records every encoder step's outputs.
        /// Throws InvalidOperationException when the model does not give one step per 4 frames
        /// (frames 0, 4, 8, ...) or its input width is not <paramref name="channels"/>.
        /// </summary>
        public static EngineGoldenRun Run(ConformerModel model, short[] frames, int channels)
        {
            ModelConfig config = model.Config;
            if (config.MelBins != channels) throw new InvalidOperationException("the model takes " + config.MelBins.ToString() + " mel values, the frames have " + channels.ToString());
            int frameCount = frames.Length / channels;
            int steps = (frameCount + 3) / 4;
            int dim = config.Dim, blocks = config.Blocks, classes = config.Classes;
            var run = new EngineGoldenRun(steps, dim, blocks, classes);
            int step = 0;
            for (int f = 0; f < frameCount; f++)
            {
                if (!model.Process(frames, f * channels)) continue;
                if (step == steps) throw new InvalidOperationException("more encoder steps than the " + steps.ToString() + " expected");
                Array.Copy(model.EncoderInput, 0, run.EncoderInput, step * dim, dim);
                for (int b = 0; b < blocks; b++) Array.Copy(model.BlockOutput(b), 0, run.BlockOutputs, (step * blocks + b) * dim, dim);
                Array.Copy(model.Logits, 0, run.Logits, step * classes, classes);
                Array.Copy(model.Posteriors, 0, run.Posteriors, step * classes, classes);
                step++;
            }
            if (step != steps) throw new InvalidOperationException(step.ToString() + " encoder steps, expected " + steps.ToString());
            return run;
        }

        /// <summary>
        /// "" when <paramref name="actual"/> equals <paramref name="expected"/> value for value; otherwise
        /// one line naming <paramref name="what"/>, the first differing step and index within the step
        /// (<paramref name="perStep"/> values per step) with both values, or the lengths.
        /// </summary>
        public static string Compare(string what, short[] expected, short[] actual, int perStep)
        {
            if (expected.Length != actual.Length)
            {
                return what + ": expected " + expected.Length.ToString() + " values, got " + actual.Length.ToString();
            }
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    return what + " step " + (i / perStep).ToString() + " [" + (i % perStep).ToString() + "]: expected "
                        + expected[i].ToString() + ", got " + actual[i].ToString();
                }
            }
            return "";
        }
    }
}
