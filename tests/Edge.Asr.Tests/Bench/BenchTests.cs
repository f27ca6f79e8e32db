using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Edge.Asr.Blob;
using Edge.Asr.Frontend;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Benchmarks;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Bench
{
    /// <summary><c>edge-asr bench</c> on the shipped default model: the JSON's keys and types, and the exact counts behind it.</summary>
    public class BenchTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        private static string Samples => Path.Combine(CliHarness.RepositoryRoot(), "samples");

        private static PipelineCost Cost()
        {
            byte[] bytes = File.ReadAllBytes(DefaultModel);
            return new PipelineCost(ModelBlob.Load(bytes), bytes.Length);
        }

        [Fact]
        public void JsonHasExactlyTheDocumentedKeysTypesAndExactFigures()
        {
            var output = new StringWriter();
            Assert.Equal(ExitCodes.Success, new BenchCommand(output).Execute(DefaultModel, Samples, json: true, precise: false));
            using JsonDocument doc = JsonDocument.Parse(output.ToString());
            JsonElement root = doc.RootElement;
            Assert.Equal(BenchJson.Keys, root.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.All(root.EnumerateObject().Where(p => p.Name != "kernels"), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
            Assert.Equal("managed", root.GetProperty("kernels").GetString());
            Assert.Equal(root.GetProperty("realtime_factor_managed").GetDouble(), root.GetProperty("realtime_factor").GetDouble());
            // Measured under qemu (test.sh installs the rv32 tools): an exact count, and the loads derived from it.
            long instructions = root.GetProperty("device_instructions_per_audio_second").GetInt64();
            Assert.InRange(instructions, 1_000_000, 1_000_000_000);
            Assert.Equal(instructions / 160e6, root.GetProperty("est_device_load_esp32c3").GetDouble());
            Assert.Equal(instructions / 240e6, root.GetProperty("est_device_load_esp32_derived").GetDouble());
            foreach (string integer in new[] { "macs_per_audio_second", "weights_bytes", "flash_bytes", "peak_ram_bytes" })
                Assert.True(root.GetProperty(integer).TryGetInt64(out _), integer + " is an integer");
            Assert.InRange(root.GetProperty("realtime_factor").GetDouble(), 1e-6, 1.0);

            PipelineCost cost = Cost();
            Assert.Equal(cost.MacsPerSecond, root.GetProperty("macs_per_audio_second").GetInt64());
            Assert.Equal(new FileInfo(DefaultModel).Length, root.GetProperty("flash_bytes").GetInt64());
            Assert.Equal(cost.TensorBytes, root.GetProperty("weights_bytes").GetInt64());
            Assert.Equal(cost.PeakRamBytes, root.GetProperty("peak_ram_bytes").GetInt64());
            var load = new DeviceLoadEstimate(cost.MacsPerSecond + cost.FrontendLookupsPerSecond);
            Assert.Equal(load.NativeLoad, root.GetProperty("est_device_load_native").GetDouble());
            Assert.Equal(load.ManagedLoad, root.GetProperty("est_device_load_managed").GetDouble());
        }

        [Fact]
        public void MacsAreModelCostPlusFrontendCostExactly()
        {
            ModelBlob blob = ModelBlob.Load(File.ReadAllBytes(DefaultModel));
            PipelineCost cost = Cost();
            long model = ModelCost.MacsPerEncoderFrame(blob.Config) * 25;
            long frontend = (long)FrontendCost.MultipliesPerFrame * 100;
            Assert.Equal(model + frontend, cost.MacsPerSecond);
            Assert.Equal(BlobModelLoader.BuildModel(blob).MacsPerEncoderFrame * 25, cost.ModelMacsPerSecond);
            Assert.Equal(2_347_300, cost.MacsPerSecond); // the default model: 76,260 MACs per encoder frame, 4,408 per mel frame
            Assert.Equal((long)FrontendCost.TableLookupsPerFrame * 100, cost.FrontendLookupsPerSecond);
        }

        [Fact]
        public void PeakRamIsParametersStateScratchAndAudioBuffers()
        {
            ModelBlob blob = ModelBlob.Load(File.ReadAllBytes(DefaultModel));
            PipelineCost cost = Cost();
            Assert.Equal(cost.ParameterRamBytes + cost.PipelineBufferBytes + cost.CaptureBufferBytes, cost.PeakRamBytes);
            Assert.Equal(BlobModelLoader.BuildModel(blob).StateBytes, cost.ModelStateBytes);
            // DevKit INMP441: 32-bit stereo I2S frames (8 bytes): 1600 × 8 bytes read, 1600 samples, one partial frame.
            Assert.Equal(1600 * 8 + 1600 * 2 + 8, cost.CaptureBufferBytes);
            // The frontend's own arrays (window, frame; FFT re, im, bit-reverse) are inside the pipeline's count.
            long frontendArrays = 400 * 2 + 40 * 2 + 3 * 256 * 4;
            Assert.True(cost.FrontendAndDetectorBytes >= frontendArrays, cost.FrontendAndDetectorBytes + " < " + frontendArrays);
            // The tensors stay in the blob (flash): the weights in RAM are the window the managed kernels read them through.
            Assert.Equal(Edge.Asr.Weights.WeightWindow.BytesFor(blob.Config), cost.ParameterRamBytes);
            Assert.Equal(1_984L, cost.ParameterRamBytes); // of 77,792 tensor bytes: 2.6 %
            Assert.Equal(77_792L, cost.TensorBytes);
            Assert.Equal(35_400L, cost.PeakRamBytes);
        }

        [Fact]
        public void IlLoopCounterFindsTheInnermostLoop()
        {
            MethodInfo twoLoops = typeof(BenchTests).GetMethod(nameof(NestedLoops), BindingFlags.NonPublic | BindingFlags.Static)!;
            MethodInfo linear = typeof(Linear).GetMethod("Compute")!;   // the managed kernel loop (Process calls the seam)
            int inner = IlLoopCounter.InnermostLoopInstructions(twoLoops);
            // s += a[i] * b[i]; i++; i < n: loads, two ldelem, mul, add, store, increment, compare-branch.
            Assert.InRange(inner, 12, 20);
            Assert.InRange(IlLoopCounter.InnermostLoopInstructions(linear), 12, 40);
        }

        private static long NestedLoops(short[] a, short[] b, int n, int m)
        {
            long total = 0;
            for (int j = 0; j < m; j++)
            {
                long s = 0;
                for (int i = 0; i < n; i++) s += a[i] * b[i];
                total += s >> j;
            }
            return total;
        }
    }
}
