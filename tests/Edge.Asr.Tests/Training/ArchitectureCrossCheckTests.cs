using System;
using System.IO;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Codegen.Export;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Sim.Training;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// The C# float reference model, loaded from train.py's export, reproduces PyTorch's logits
    /// (dump_logits.py, float64) on the same frontend features: every encoder frame, every class,
    /// max abs difference ≤ 1e-4. This is what ties training to the engine's graph.
    /// </summary>
    public class ArchitectureCrossCheckTests : IClassFixture<TrainingSmokeFixture>
    {
        private const double Tolerance = 1e-4;
        private readonly TrainingSmokeFixture _f;
        private readonly ITestOutputHelper _output;

        public ArchitectureCrossCheckTests(TrainingSmokeFixture fixture, ITestOutputHelper output)
        {
            _f = fixture;
            _output = output;
        }

        [Fact]
        public void FloatReferenceReproducesPyTorchLogits()
        {
            Compare(_f.Export, _f.Logits, "");
        }

        /// <summary>The same weights read as a model with the input's running-mean subtraction (log format 2): both sides apply it.</summary>
        [Fact]
        public void FloatReferenceReproducesPyTorchLogitsWithTheInputNorm()
        {
            string folder = Path.Combine(_f.Temp, "norm-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(_f.Export, TrainingExport.TensorsFile), Path.Combine(folder, TrainingExport.TensorsFile));
            string config = File.ReadAllText(Path.Combine(_f.Export, TrainingExport.ConfigFile));
            string plain = "\"" + TrainingExport.LogFormatName + "\"";
            Assert.Contains(plain, config);
            File.WriteAllText(Path.Combine(folder, TrainingExport.ConfigFile), config.Replace(plain, "\"" + TrainingExport.LogFormatMinusRunningMeanName + "\""));
            Assert.Equal(6, TrainingExport.Read(folder).Config.InputNormShift);
            string logits = Path.Combine(folder, "logits.npy");
            Python.Ok("dump_logits.py", "--export", folder, "--features", _f.Val, "--out", logits);
            Compare(folder, logits, " with the input norm");
        }

        private void Compare(string exportFolder, string logitsPath, string what)
        {
            TrainingExport export = TrainingExport.Read(exportFolder);
            var model = new FloatModel(export.Config, ExportTensors.Read(export));
            NpyArray features = NpyArray.Read(_f.Val);     // [clips, frames, 40] int16 Q8
            NpyArray logits = NpyArray.Read(logitsPath);    // [clips, encoderFrames, classes] float64
            int clips = features.Shape[0], frames = features.Shape[1], mels = features.Shape[2];
            int encoderFrames = logits.Shape[1], classes = logits.Shape[2];
            Assert.Equal(clips, logits.Shape[0]);
            Assert.Equal(export.Labels.Length, classes);

            double worst = 0;
            for (int c = 0; c < clips; c++)
            {
                var mel = new short[frames][];
                for (int t = 0; t < frames; t++)
                {
                    mel[t] = new short[mels];
                    for (int m = 0; m < mels; m++) mel[t][m] = (short)features.Values[((long)c * frames + t) * mels + m];
                }
                var trace = model.Run(FloatModel.InputFromFrontend(mel))["classifier"];
                Assert.Equal(encoderFrames, trace.Count);
                for (int e = 0; e < encoderFrames; e++)
                    for (int k = 0; k < classes; k++)
                        worst = Math.Max(worst, Math.Abs(trace[e][k] - logits.Values[((long)c * encoderFrames + e) * classes + k]));
            }
            _output.WriteLine("C# float reference vs PyTorch" + what + ": " + clips + " clips x " + encoderFrames + " encoder frames x " + classes
                + " classes, max abs logit difference " + worst.ToString("E2", System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(worst <= Tolerance, "max abs logit difference " + worst + " > " + Tolerance);
        }
    }
}
