using System;
using System.Collections.Generic;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Edge.Asr.Model;
using Xunit;

namespace Edge.Asr.Tests.Blob
{
    public class BlobRoundTripTests
    {
        [Fact]
        public void Every_field_written_is_read_back()
        {
            var labels = new[] { "_silence_", "_unknown_", "oui", "café", "日本", "🎤 mic", "up", "down", "left", "right", "stop", "go" };
            int[] thresholds = Enumerable.Range(0, 12).Select(c => 20000 + 100 * c).ToArray();
            ModelConfig config = BlobSamples.Config();
            FrontendParams frontend = BlobSamples.Frontend();
            DetectorDefaults detector = BlobSamples.Detector(thresholds);
            List<BlobTensorSpec> tensors = BlobSamples.Tensors();
            byte[] blob = new BlobWriter(config, labels, frontend, detector, tensors).Write();

            ModelBlob m = ModelBlob.Load(blob);

            Assert.Equal(1, m.MajorVersion);
            Assert.Equal(0, m.MinorVersion);
            Assert.Equal(ConfigFields.ToFields(config), ConfigFields.ToFields(m.Config));
            Assert.Equal(32, m.Config.Dim);
            Assert.Equal(2, m.Config.Fold);
            Assert.Equal(40, m.Config.MelBins);
            Assert.Equal(labels, Enumerable.Range(0, m.Config.Classes).Select(m.Config.Label));
            Assert.False(m.Config.HasAttention(0));
            Assert.True(m.Config.HasAttention(1));
            Assert.True(m.Config.HasAttention(2));
            Assert.Equal(frontend.ToFields(), m.Frontend.ToFields());
            Assert.Equal(5, m.Detector.SmoothingFrames);
            Assert.Equal(22938, m.Detector.ThresholdQ15);
            Assert.Equal(800, m.Detector.RefractoryMs);
            Assert.Equal(thresholds, m.Detector.ClassThresholdsQ15());
            Assert.Equal(20300, m.Detector.ThresholdFor(3));
            Assert.Equal(labels, m.Labels());
            Assert.Equal("🎤 mic", m.Label(5));

            Assert.Equal(tensors.Count, m.TensorCount);
            var sorted = tensors.OrderBy(t => t.Name, Comparer<string>.Create(BlobWriter.CompareNames)).ToList();
            for (int i = 0; i < sorted.Count; i++)
            {
                BlobTensorSpec s = sorted[i];
                BlobTensor t = m.Tensor(s.Name);
                Assert.Equal(i, t.Index);
                Assert.Equal(i, m.IndexOf(s.Name));
                Assert.Equal(s.DataType, t.DataType);
                Assert.Equal(s.Shape, t.Shape());
                Assert.Equal(s.ZeroPoint, t.ZeroPoint);
                Assert.Equal(s.ScaleMultiplier, t.ScaleMultiplier);
                Assert.Equal(s.ScaleShift, t.ScaleShift);
                Assert.Equal(s.ChannelAxis, t.ChannelAxis);
                Assert.Equal(s.MultiplierTensor == null ? -1 : m.IndexOf(s.MultiplierTensor), t.MultiplierTensor);
                Assert.Equal(s.ShiftTensor == null ? -1 : m.IndexOf(s.ShiftTensor), t.ShiftTensor);
                Assert.Equal(s.Data.Length, t.ByteLength);
                Assert.Equal(0, t.DataOffset % 4);
                // Zero-copy view and on-demand read agree with what was written.
                Assert.Equal(s.Data, blob.AsSpan(t.DataOffset, t.ByteLength).ToArray());
                Assert.Equal(BlobAssert.SpecData(s), BlobAssert.RawData(m, t));
            }
            BlobTensor w = m.Tensor(BlobFormat.ClassifierWeight);
            Assert.Equal("classifier.weight.multiplier", m.Tensor(w.MultiplierTensor).Name);
            Assert.Equal("classifier.weight.shift", m.Tensor(w.ShiftTensor).Name);
            Assert.Equal(-1, m.IndexOf("no.such.tensor"));
        }

        [Fact]
        public void Log_format_2_carries_the_models_input_norm_and_format_1_none()
        {
            ModelConfig plain = BlobSamples.Config();
            ModelConfig normed = Model.ModelFidelityTests.WithInputNorm(plain, Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift);
            ModelBlob a = ModelBlob.Load(BlobSamples.Writer(config: plain).Write());
            ModelBlob b = ModelBlob.Load(BlobSamples.Writer(config: normed,
                frontend: BlobSamples.Frontend(logFormat: FrontendParams.LogFormatInt16Log2Q8MinusRunningMean)).Write());
            Assert.Equal(0, a.Config.InputNormShift);
            Assert.Equal(FrontendParams.LogFormatInt16Log2Q8, a.Frontend.LogFormat);
            Assert.Equal(6, b.Config.InputNormShift);
            Assert.Equal(FrontendParams.LogFormatInt16Log2Q8MinusRunningMean, b.Frontend.LogFormat);
        }

        [Fact]
        public void A_writer_refuses_a_log_format_that_does_not_state_the_models_input_norm()
        {
            ModelConfig normed = Model.ModelFidelityTests.WithInputNorm(BlobSamples.Config(), Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift);
            var e = Assert.Throws<ArgumentException>(() => BlobSamples.Writer(config: normed));
            Assert.Contains("does not state the model's input norm shift 6 (log format 2 does)", e.Message);
            Assert.Throws<ArgumentException>(() => BlobSamples.Writer(frontend: BlobSamples.Frontend(logFormat: FrontendParams.LogFormatInt16Log2Q8MinusRunningMean)));
        }

        [Fact]
        public void Typed_reads_fill_caller_buffers_and_check_the_dtype()
        {
            ModelBlob m = ModelBlob.Load(BlobSamples.Blob());
            BlobTensor gamma = m.Require("block0.norm.gamma", BlobFormat.DTypeInt16, new[] { BlobSamples.DModel });
            var buffer = new short[BlobSamples.DModel + 3];
            m.ReadInt16(gamma, buffer, 3);
            Assert.Equal(m.ReadInt16(gamma), buffer.Skip(3).ToArray());
            var e = Assert.Throws<BlobFormatException>(() => m.ReadInt8(gamma));
            Assert.Equal("model blob: tensor 'block0.norm.gamma' is int16, read as int8", e.Message);
            e = Assert.Throws<BlobFormatException>(() => m.Require("block0.norm.gamma", BlobFormat.DTypeInt16, new[] { 16, 2 }));
            Assert.Equal("model blob: tensor 'block0.norm.gamma' has shape [32], expected [16, 2]", e.Message);
            e = Assert.Throws<BlobFormatException>(() => m.Tensor("missing"));
            Assert.Equal("model blob: missing tensor 'missing'", e.Message);
        }

        [Fact]
        public void Writing_is_deterministic_and_independent_of_tensor_order()
        {
            byte[] a = BlobSamples.Blob();
            byte[] b = BlobSamples.Blob();
            List<BlobTensorSpec> reversed = BlobSamples.Tensors();
            reversed.Reverse();
            byte[] c = BlobSamples.Writer(tensors: reversed).Write();
            Assert.Equal(a, b);
            Assert.Equal(a, c);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(64)]
        [InlineData(4096)]
        public void Chunked_load_equals_whole_load_and_reads_in_bounded_chunks(int chunk)
        {
            byte[] blob = BlobSamples.Blob();
            ModelBlob whole = ModelBlob.Load(blob);
            var source = new ChunkedSource(blob, chunk);

            ModelBlob chunked = ModelBlob.Load(source, chunk);
            long loadBytes = source.BytesRead;
            BlobAssert.Equal(whole, chunked);

            Assert.True(source.Largest <= chunk);
            // Load streams the blob once for the CRC, then re-reads the header, the metadata and the
            // alignment padding of the tensor data, never the tensor data itself.
            int dataLength = BlobSamples.SectionLength(blob, BlobFormat.SectionTensorData);
            Assert.InRange(loadBytes, blob.Length, 2L * blob.Length - dataLength + BlobFormat.HeaderSize + 3 * whole.TensorCount);
        }

        [Fact]
        public void Blob_of_a_newer_minor_version_is_read_and_its_additions_ignored()
        {
            ModelBlob original = ModelBlob.Load(BlobSamples.Blob());
            var writer = new BlobWriter(BlobSamples.Config(), BlobSamples.DefaultLabels, BlobSamples.Frontend(),
                BlobSamples.Detector(), BlobSamples.Tensors())
            {
                MinorVersion = 3,
                ExtraHeaderBytes = 8,
                ExtraConfigFields = new[] { 7, -1 },
                ExtraFrontendFields = new[] { 99 },
                ExtraDetectorFields = new[] { 1, 2, 3 },
                ExtraSections = new[] { new RawSection(42, new byte[] { 1, 2, 3, 4, 5 }) },
            };
            ModelBlob newer = ModelBlob.Load(writer.Write());
            Assert.Equal(3, newer.MinorVersion);
            BlobAssert.Equal(original, newer);
        }

        [Fact]
        public void Blob_of_the_current_version_may_not_carry_additions()
        {
            var writer = new BlobWriter(BlobSamples.Config(), BlobSamples.DefaultLabels, BlobSamples.Frontend(),
                BlobSamples.Detector(), BlobSamples.Tensors()) { ExtraConfigFields = new[] { 7 } };
            BlobAssert.Fails(writer.Write(), "config section has 13 fields, version 1.0 defines 12");
            writer = new BlobWriter(BlobSamples.Config(), BlobSamples.DefaultLabels, BlobSamples.Frontend(),
                BlobSamples.Detector(), BlobSamples.Tensors()) { ExtraSections = new[] { new RawSection(42, new byte[4]) } };
            BlobAssert.Fails(writer.Write(), "unknown section 4 (type 42) in version 1.0");
            writer = new BlobWriter(BlobSamples.Config(), BlobSamples.DefaultLabels, BlobSamples.Frontend(),
                BlobSamples.Detector(), BlobSamples.Tensors()) { ExtraHeaderBytes = 4 };
            BlobAssert.Fails(writer.Write(), "header size 28 is invalid for version 1.0 (expected 24)");
        }
    }
}
