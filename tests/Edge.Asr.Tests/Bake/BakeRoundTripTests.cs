using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Codegen.Export;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Model;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Training;
using Edge.Asr.Tests.Blob;
using Edge.Asr.Tests.Frontend;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Bake
{
    /// <summary>
    /// bake → write → load → run equals the in-memory quantised model bit for bit, whole or through
    /// 64-byte chunks; bakes are byte-identical; the blob's tensors are exactly the engine's layout.
    /// </summary>
    public sealed class BakeRoundTripTests : IDisposable
    {
        private readonly string _temp = Path.Combine(Path.GetTempPath(), "edge-asr-bake-" + Guid.NewGuid().ToString("N"));
        private readonly ITestOutputHelper _out;

        public BakeRoundTripTests(ITestOutputHelper output)
        {
            _out = output;
        }

        public void Dispose()
        {
            if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        }

        private static string Samples => Path.Combine(RepoPaths.Root(), "samples");

        private static readonly Lazy<List<double[][]>> Calibration = new(() => BakeCommand.Calibration(Samples));

        /// <summary>Every sample clip through the real frontend, 300 frames (3 s; shorter clips zero-padded).</summary>
        private static readonly Lazy<short[][][]> Evaluation = new(() =>
        {
            string[] wavs = Directory.GetFiles(Samples, "*.wav").OrderBy(f => f, StringComparer.Ordinal).ToArray();
            const int frames = 300, mel = 40;
            short[] all = ClipFeatures.ComputeAll(wavs, frames, 1, new ClipFeatures.Fit[wavs.Length]);
            return Enumerable.Range(0, wavs.Length).Select(c => Enumerable.Range(0, frames)
                .Select(t => all.AsSpan((c * frames + t) * mel, mel).ToArray()).ToArray()).ToArray();
        });

        private static void AssertSameOutputs(ConformerModel expected, ConformerModel actual)
        {
            int encoderFrames = 0;
            foreach (short[][] clip in Evaluation.Value)
            {
                expected.Reset();
                actual.Reset();
                foreach (short[] frame in clip)
                {
                    bool e = expected.Process(frame, 0), a = actual.Process(frame, 0);
                    Assert.Equal(e, a);
                    if (!e) continue;
                    encoderFrames++;
                    Assert.Equal(expected.Logits, actual.Logits);
                    Assert.Equal(expected.Posteriors, actual.Posteriors);
                }
            }
            Assert.Equal(3 * 75, encoderFrames);
        }

        [Fact]
        public void Loaded_blob_runs_bit_for_bit_like_the_in_memory_quantised_model()
        {
            string export = TestExport.Write(Path.Combine(_temp, "export"), TestExport.Config());
            BakeResult r = Baker.Bake(export, Calibration.Value);
            string path = Path.Combine(_temp, "model.easr");
            File.WriteAllBytes(path, r.Blob);

            // The in-memory model: the same export quantised directly, never serialised.
            TrainingExport e = TrainingExport.Read(export);
            ModelParameters direct = ModelQuantizer.Quantize(e.Config, ExportTensors.Read(e), Calibration.Value);
            ModelParameters loaded = BlobModelLoader.Load(ModelBlob.Load(File.ReadAllBytes(path)));

            Assert.Equal(direct.Count, loaded.Count);
            var reference = new ConformerModel(direct);
            AssertSameOutputs(reference, new ConformerModel(loaded));

            // The same through a source that serves at most 64 bytes per read.
            var source = new ChunkedSource(File.ReadAllBytes(path), 64);
            ModelParameters chunked = BlobModelLoader.Load(ModelBlob.Load(source, 64));
            Assert.Equal(64, source.Largest);
            AssertSameOutputs(reference, new ConformerModel(chunked));
        }

        [Fact]
        public void Loaded_config_labels_and_tensors_are_the_exports()
        {
            ModelConfig c = TestExport.Config();
            BakeResult r = Baker.Bake(TestExport.Write(Path.Combine(_temp, "export"), c), Calibration.Value);
            ModelBlob m = ModelBlob.Load(r.Blob);
            Assert.Equal(ConfigFields.ToFields(c), ConfigFields.ToFields(m.Config));
            Assert.Equal(TestExport.Labels, m.Labels());
            Assert.Equal(5, m.Detector.SmoothingFrames);
            Assert.Equal(26214, m.Detector.ThresholdQ15);
            Assert.Equal(1000, m.Detector.RefractoryMs);
            Assert.Equal(0, m.Detector.ClassThresholdCount);
            var layout = new QuantizedLayout(c);
            Assert.Equal(layout.Count, m.TensorCount);
            for (int i = 0; i < layout.Count; i++)
            {
                BlobTensor t = m.Tensor(layout.Name(i));
                Assert.Equal(layout.Shape(i), t.Shape());
                Assert.Equal(layout.ElementBytes(i), BlobFormat.ElementSize(t.DataType));
            }
            ModelParameters p = BlobModelLoader.Load(m);
            for (int i = 0; i < r.Parameters.Count; i++)
            {
                QuantizedTensor want = r.Parameters.At(i), got = p.At(p.IndexOf(want.Name));
                Assert.Equal(want.ElementBytes, got.ElementBytes);
                Assert.Equal(want.Int8, got.Int8);
                Assert.Equal(want.Int16, got.Int16);
                Assert.Equal(want.Int32, got.Int32);
            }
        }

        [Fact]
        public void Same_inputs_give_byte_identical_blobs()
        {
            string a = TestExport.Write(Path.Combine(_temp, "a"), TestExport.Config(), seed: 9);
            string b = TestExport.Write(Path.Combine(_temp, "b"), TestExport.Config(), seed: 9);
            byte[] first = Baker.Bake(a, Calibration.Value).Blob;
            byte[] second = Baker.Bake(b, BakeCommand.Calibration(Samples)).Blob;
            Assert.Equal(first, second);
            string c = TestExport.Write(Path.Combine(_temp, "c"), TestExport.Config(), seed: 10);
            Assert.NotEqual(first, Baker.Bake(c, Calibration.Value).Blob);
        }

        [Fact]
        public void Quantiser_tensors_are_exactly_the_layout_for_the_default_small_model()
        {
            ModelConfig c = DefaultModelConfig.Small();
            BakeResult r = Baker.Bake(TestExport.Write(Path.Combine(_temp, "small"), c), Calibration.Value);
            var layout = new QuantizedLayout(c);
            Assert.Equal(332, layout.Count);
            Assert.Equal(layout.Count, r.Parameters.Count);
            for (int i = 0; i < layout.Count; i++) Assert.True(r.Parameters.IndexOf(layout.Name(i)) >= 0, layout.Name(i));
            // docs/model.md: 77 792 bytes of tensors, 55 072 of them int8 weights.
            Assert.Equal(55072, r.Int8WeightBytes);
            Assert.Equal(77792, r.TensorBytes);
            Assert.Equal(11744, r.StateBytes);
            _out.WriteLine("default small: blob " + r.FlashBytes + " bytes, tensors " + r.TensorBytes + ", int8 " + r.Int8WeightBytes
                + ", state " + r.StateBytes + ", scratch " + r.ScratchBytes + ", engine RAM " + r.EngineRamBytes);
        }

        [Fact]
        public void Loader_names_a_mismatched_or_foreign_tensor()
        {
            ModelConfig c = TestExport.Config();
            BakeResult r = Baker.Bake(TestExport.Write(Path.Combine(_temp, "export"), c), Calibration.Value);
            var specs = Baker.Specs(r.Parameters);
            string[] labels = TestExport.Labels;
            var frontend = r.Loaded.Frontend;
            var detector = r.Loaded.Detector;

            var wrongShape = specs.Select(s => s.Name == "blocks.1.attn.q.weight"
                ? Codegen.Blob.BlobTensorSpec.Int8(s.Name, new[] { 64, 1 }, new sbyte[64]) : s).ToList();
            var blob = ModelBlob.Load(new Codegen.Blob.BlobWriter(c, labels, frontend, detector, wrongShape).Write());
            var e = Assert.Throws<BlobFormatException>(() => BlobModelLoader.Load(blob));
            Assert.Equal("model blob: tensor 'blocks.1.attn.q.weight' has shape [64, 1], expected [8, 8]", e.Message);

            var foreign = specs.Concat(new[] { Codegen.Blob.BlobTensorSpec.Int32("blocks.7.extra", new[] { 1 }, new[] { 3 }) }).ToList();
            blob = ModelBlob.Load(new Codegen.Blob.BlobWriter(c, labels, frontend, detector, foreign).Write());
            e = Assert.Throws<BlobFormatException>(() => BlobModelLoader.Load(blob));
            Assert.Equal("model blob: tensor 'blocks.7.extra' is not part of the model its config describes", e.Message);

            var badFrac = specs.Select(s => s.Name == "input.frac" ? Codegen.Blob.BlobTensorSpec.Int32(s.Name, new[] { 1 }, new[] { 7 }) : s).ToList();
            blob = ModelBlob.Load(new Codegen.Blob.BlobWriter(c, labels, frontend, detector, badFrac).Write());
            BlobModelLoader.Load(blob); // well-formed: every tensor has its dtype and shape
            e = Assert.Throws<BlobFormatException>(() => BlobModelLoader.BuildModel(blob));
            Assert.Equal("model blob: the model refuses its tensors: ConformerModel: input.frac must be 8 (the frontend's Q8), got 7", e.Message);
            Assert.Equal(r.Parameters.Count, BlobModelLoader.Load(r.Loaded).Count);
            BlobModelLoader.BuildModel(r.Loaded);

            var missing = specs.Where(s => s.Name != "blocks.0.conv.depthwise.shift").ToList();
            blob = ModelBlob.Load(new Codegen.Blob.BlobWriter(c, labels, frontend, detector, missing).Write());
            e = Assert.Throws<BlobFormatException>(() => BlobModelLoader.Load(blob));
            Assert.Equal("model blob: missing tensor 'blocks.0.conv.depthwise.shift'", e.Message);
        }

        [Fact]
        public void Ram_count_sums_the_integer_arrays_an_op_holds()
        {
            // MeanPool(C, W): a ring of W × C int16 and C int32 sums, nothing else.
            var pool = new Edge.Asr.Ops.MeanPool(32, 25);
            Assert.Equal(25 * 32 * 2 + 32 * 4, RamCount.ArrayBytes(pool, new HashSet<object>()));
            Assert.Equal(pool.StateBytes, RamCount.ArrayBytes(pool, new HashSet<object>()));
        }

        [Fact]
        public void Damaged_tensor_values_load_or_fail_with_a_blob_error_only()
        {
            // Any value in any tensor of a real baked blob (CRC resealed): the model is built, or the
            // blob is refused with BlobFormatException; never another exception type.
            BakeResult r = Baker.Bake(TestExport.Write(Path.Combine(_temp, "export"), TestExport.Config()), Calibration.Value);
            var rng = new Random(17);
            int refused = 0;
            int[] specials = { 0, 1, -1, 31, 32, 63, 64, -64, 255, 32767, -32768, int.MaxValue, int.MinValue };
            for (int trial = 0; trial < 400; trial++)
            {
                byte[] b = (byte[])r.Blob.Clone();
                BlobTensor t = r.Loaded.Tensor(rng.Next(r.Loaded.TensorCount));
                int size = BlobFormat.ElementSize(t.DataType);
                int at = t.DataOffset + size * rng.Next(t.ElementCount);
                int v = rng.Next(2) == 0 ? specials[rng.Next(specials.Length)] : rng.Next(int.MinValue, int.MaxValue);
                for (int k = 0; k < size; k++) b[at + k] = (byte)(v >> (8 * k));
                Codegen.Blob.BlobWriter.Seal(b);
                try
                {
                    BlobModelLoader.BuildModel(ModelBlob.Load(b));
                }
                catch (BlobFormatException)
                {
                    refused++;
                }
            }
            _out.WriteLine(refused + " of 400 damaged blobs refused");
            Assert.InRange(refused, 1, 399);
        }
    }
}
