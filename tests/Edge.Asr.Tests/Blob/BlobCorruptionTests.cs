using System;
using System.Collections.Generic;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Xunit;
using static Edge.Asr.Tests.Blob.BlobSamples;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>Each kind of damage gives its own message naming what is wrong.</summary>
    public class BlobCorruptionTests
    {
        private static readonly byte[] Good = BlobSamples.Blob();

        private static byte[] Patched(Action<byte[]> patch, bool reseal = true)
        {
            byte[] b = (byte[])Good.Clone();
            patch(b);
            if (reseal) BlobWriter.Seal(b);
            return b;
        }

        [Fact]
        public void Bad_magic()
        {
            byte[] b = Patched(x => x[1] = (byte)'X', reseal: false);
            Assert.Equal("model blob: bad magic (expected 'EASR' = 45 41 53 52, got 45 58 53 52)", BlobAssert.Fails(b));
        }

        [Fact]
        public void Newer_and_older_major_versions()
        {
            Assert.Equal("model blob: format version 2.0 is newer than this reader (1.0); update the engine",
                BlobAssert.Fails(Patched(x => PutU16(x, BlobFormat.OffsetMajorVersion, 2))));
            Assert.Equal("model blob: format version 0.0 is not supported (this reader reads 1.x)",
                BlobAssert.Fails(Patched(x => PutU16(x, BlobFormat.OffsetMajorVersion, 0))));
        }

        [Fact]
        public void Newer_minor_version_alone_is_accepted()
        {
            ModelBlob m = ModelBlob.Load(Patched(x => PutU16(x, BlobFormat.OffsetMinorVersion, 9)));
            Assert.Equal(9, m.MinorVersion);
            BlobAssert.Equal(ModelBlob.Load(Good), m);
        }

        [Fact]
        public void Crc_mismatch_names_expected_and_computed_values()
        {
            int at = SectionOffset(Good, BlobFormat.SectionTensorData) + 5;
            byte[] b = Patched(x => x[at] ^= 0x10, reseal: false);
            string expected = Hex.U32(U32(Good, BlobFormat.OffsetCrc32));
            string actual = Hex.U32(BlobWriter.ComputeCrc(b));
            Assert.NotEqual(expected, actual);
            Assert.Equal("model blob: CRC mismatch (expected " + expected + ", got " + actual + ")", BlobAssert.Fails(b));
            Assert.Matches("^0x[0-9A-F]{8}$", expected);
        }

        [Fact]
        public void Truncated_and_padded_blobs()
        {
            Assert.Equal("model blob: truncated: 10 bytes, the header alone needs 24", BlobAssert.Fails(Good[..10]));
            Assert.Equal("model blob: truncated: the header says " + Good.Length + " bytes, the source has " + (Good.Length - 1),
                BlobAssert.Fails(Good[..^1]));
            Assert.Equal("model blob: length mismatch: the header says " + Good.Length + " bytes, the source has " + (Good.Length + 4),
                BlobAssert.Fails(Good.Concat(new byte[4]).ToArray()));
            BlobAssert.Fails(Patched(x => PutU32(x, BlobFormat.OffsetTotalLength, 0x7FFFFFFF)),
                "total length 2147483647 exceeds the limit of 16777216 bytes");
        }

        [Fact]
        public void Section_directory_damage()
        {
            int entry0 = BlobFormat.HeaderSize;
            BlobAssert.Fails(Patched(x => PutU32(x, entry0 + 4, 0xFFFFFFF0)),
                "section 0 (config) at offset 4294967280 with length", "lies outside the blob (" + Good.Length + " bytes)");
            BlobAssert.Fails(Patched(x => PutU32(x, entry0 + 8, (uint)Good.Length)), "section 0 (config)", "lies outside the blob");
            BlobAssert.Fails(Patched(x => PutU32(x, entry0 + 4, U32(Good, entry0 + 4) + 4)),
                "section 0 (config) starts at offset", "(sections are packed in order, 4-byte aligned)");
            BlobAssert.Fails(Patched(x => PutU32(x, entry0 + 12, BlobFormat.SectionConfig)), "duplicate config section");
            BlobAssert.Fails(Patched(x => PutU32(x, BlobFormat.OffsetSectionCount, 33)), "section count 33 exceeds the limit of 32");
            BlobAssert.Fails(Patched(x => PutU32(x, BlobFormat.OffsetHeaderSize, 28)), "header size 28 is invalid for version 1.0");
            // A newer minor version may add section types, but the 1.0 ones stay required.
            int last = BlobFormat.HeaderSize + BlobFormat.DirectoryEntrySize * 5;
            BlobAssert.Fails(Patched(x => { PutU32(x, last, 42); PutU16(x, BlobFormat.OffsetMinorVersion, 1); }),
                "missing tensor data section");
        }

        [Fact]
        public void Tensor_data_offset_damage()
        {
            int at = At(Good, "classifier.bias", "data_offset");
            uint offset = U32(Good, at);
            Assert.Equal("model blob: tensor 'classifier.bias' data offset " + (offset + 2) + " is not a multiple of 4",
                BlobAssert.Fails(Patched(x => PutU32(x, at, offset + 2))));
            BlobAssert.Fails(Patched(x => PutU32(x, at, 0x7FFFFFF0)),
                "tensor 'classifier.bias' data [2147483632, ", ") lies outside the tensor data section");
            BlobAssert.Fails(Patched(x => PutU32(x, at, 0)), "tensor 'classifier.bias' data [0, ", "lies outside the tensor data section");
            BlobAssert.Fails(Patched(x => PutU32(x, at, offset + 4)),
                "tensor 'classifier.bias' data offset " + (offset + 4) + ", expected " + offset);
        }

        [Fact]
        public void Shape_and_dtype_damage()
        {
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, "block0.norm.gamma", "dim0"), 33)),
                "model blob: tensor 'block0.norm.gamma' shape [33] of int16 needs 66 bytes, the entry says 64");
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, "block0.norm.gamma", "dim0"), 0)),
                "tensor 'block0.norm.gamma' dimension 0 = 0 is out of range");
            BlobAssert.Fails(Patched(x => x[At(Good, "block0.norm.gamma", "dtype")] = 9),
                "model blob: tensor 'block0.norm.gamma' has unsupported dtype 9");
            BlobAssert.Fails(Patched(x => x[At(Good, "block0.norm.gamma", "rank")] = 5),
                "tensor 'block0.norm.gamma' has rank 5, supported 1..4");
            BlobAssert.Fails(Patched(x => x[At(Good, "block0.norm.gamma", "reserved")] = 1),
                "tensor 'block0.norm.gamma' has nonzero reserved byte 1");
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, "subsampling.conv0.weight", "zero_point"), 200)),
                "tensor 'subsampling.conv0.weight' zero point 200 is out of range for int8");
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, "subsampling.conv0.weight", "scale_shift"), 64)),
                "tensor 'subsampling.conv0.weight' scale shift 64 is out of range [-63, 63]");
        }

        [Fact]
        public void Per_channel_quantisation_damage()
        {
            int weight = ModelBlob.Load(Good).IndexOf(BlobFormat.ClassifierWeight);
            int gamma = ModelBlob.Load(Good).IndexOf("block0.norm.gamma");
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, BlobFormat.ClassifierWeight, "multiplier_tensor"), (uint)weight)),
                "tensor 'classifier.weight' multiplier tensor index " + weight + " does not name another tensor");
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, BlobFormat.ClassifierWeight, "shift_tensor"), (uint)gamma)),
                "tensor 'classifier.weight' shift tensor 'block0.norm.gamma' is int16 [32], expected per-tensor int32 [12]");
            BlobAssert.Fails(Patched(x => x[At(Good, BlobFormat.ClassifierWeight, "channel_axis")] = 2),
                "tensor 'classifier.weight' channel axis 2 is not below its rank 2");
            BlobAssert.Fails(Patched(x => x[At(Good, BlobFormat.ClassifierWeight, "channel_axis")] = 1),
                "tensor 'classifier.weight' multiplier tensor 'classifier.weight.multiplier' is int32 [12], expected per-tensor int32 [32]");
            BlobAssert.Fails(Patched(x => PutU32(x, At(Good, "block0.norm.gamma", "shift_tensor"), 1)),
                "tensor 'block0.norm.gamma' is quantised per tensor but references per-channel tensors");
        }

        [Fact]
        public void Tensor_table_order_and_padding()
        {
            BlobAssert.Fails(Patched(x => x[At(Good, "block1.mhsa.q.weight", "name")] = (byte)'a'),
                "tensor 'alock1.mhsa.q.weight' is out of order (the table is sorted by name bytes)");
            BlobAssert.Fails(Patched(x => x[At(Good, "block0.norm.gamma", "name")] = 0xFF),
                "tensor 0 name is not valid UTF-8 (at byte 0)");
            // block1.mhsa.q.weight is int16 [3, 5]: 30 bytes, then 2 bytes of padding.
            int pad = (int)U32(Good, At(Good, "block1.mhsa.q.weight", "data_offset")) + 30;
            BlobAssert.Fails(Patched(x => x[pad] = 1), "nonzero padding byte at offset " + pad);
        }

        [Fact]
        public void Label_damage()
        {
            var eleven = DefaultLabels[..11];
            BlobAssert.Fails(Writer(labels: eleven).Write(), "model blob: 11 labels but the config has 12 classes");
            BlobAssert.Fails(Writer(labels: eleven, config: Config(11)).Write(),
                "model blob: the classifier has 12 classes (tensor 'classifier.weight' [12, 32]) but there are 11 labels");
            var dup = (string[])DefaultLabels.Clone();
            dup[7] = "yes";
            BlobAssert.Fails(Writer(labels: dup).Write(), "model blob: duplicate label 'yes' (labels 2 and 7)");
            var empty = (string[])DefaultLabels.Clone();
            empty[4] = "";
            BlobAssert.Fails(Writer(labels: empty).Write(), "model blob: label 4 is empty");
            BlobAssert.Fails(Patched(x => x[At(Good, "label3", "label_byte") - 2 + 2] = 0xC3),
                "model blob: label 3 is not valid UTF-8 (at byte 0)");
            BlobAssert.Fails(Patched(x => PutU16(x, At(Good, "label2", "label_length"), 300)),
                "model blob: label 2 is 300 bytes, the limit is 255");
        }

        [Fact]
        public void Unsupported_frontend_parameters()
        {
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(sampleRate: 8000)).Write(),
                "model blob: unsupported frontend parameter sample_rate = 8000 (the engine supports 16000)");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(window: 512)).Write(), "unsupported frontend parameter window_length = 512");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(hop: 320)).Write(), "unsupported frontend parameter hop_length = 320");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(fft: 1024)).Write(), "unsupported frontend parameter fft_length = 1024");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(mels: 64)).Write(), "unsupported frontend parameter mel_channels = 64");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(logFormat: 3)).Write(), "unsupported frontend parameter log_format = 3 (the engine supports 1 or 2)");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(high: 9000)).Write(),
                "model blob: unsupported frontend parameter mel_high_hz = 9000 (the engine supports 7600)");
            BlobAssert.Fails(Writer(frontend: BlobSamples.Frontend(low: 60)).Write(),
                "model blob: unsupported frontend parameter mel_low_hz = 60 (the engine supports 20)");
        }

        [Fact]
        public void Config_and_detector_ranges()
        {
            int config = SectionOffset(Good, BlobFormat.SectionConfig);
            byte[] With(int field, int value) => Patched(x => PutU32(x, config + 4 + 4 * field, (uint)value));
            BlobAssert.Fails(With(ConfigFields.FieldFold, 3), "model blob: config field fold = 3 is not 1, 2 or 4");
            BlobAssert.Fails(With(ConfigFields.FieldDim, 0), "model blob: config field dim = 0 is out of range [2, 1024]");
            BlobAssert.Fails(With(ConfigFields.FieldHeads, 3), "model blob: config dim = 32 is not divisible by heads x fold = 6");
            BlobAssert.Fails(With(ConfigFields.FieldAttentionMask, 0b1000),
                "model blob: config field attention_mask = 0x00000008 flags blocks beyond blocks = 3");
            BlobAssert.Fails(With(ConfigFields.FieldBlocks, 32), "model blob: config field blocks = 32 is out of range [1, 31]");
            BlobAssert.Fails(With(ConfigFields.FieldConvKernel, 65), "model blob: config field conv_kernel = 65 is out of range [1, 64]");
            BlobAssert.Fails(With(ConfigFields.FieldMelBins, 64), "model blob: config field mel_bins = 64 but the frontend has mel_channels = 40");
            BlobAssert.Fails(With(ConfigFields.FieldClasses, 11), "model blob: 12 labels but the config has 11 classes");
            BlobAssert.Fails(Writer(detector: new DetectorDefaults(5, 40000, 800, Array.Empty<int>())).Write(),
                "model blob: detector field threshold_q15 = 40000 is out of range [1, 32767]");
            BlobAssert.Fails(Writer(detector: new DetectorDefaults(5, 0, 800, Array.Empty<int>())).Write(),
                "model blob: detector field threshold_q15 = 0 is out of range [1, 32767]");
            BlobAssert.Fails(Writer(detector: new DetectorDefaults(257, 26214, 800, Array.Empty<int>())).Write(),
                "model blob: detector field smoothing_frames = 257 is out of range [1, 256]");
            BlobAssert.Fails(Writer(detector: BlobSamples.Detector(new[] { 1, 2, 3 })).Write(),
                "model blob: detector has 3 class thresholds but the config has 12 classes");
            BlobAssert.Fails(Patched(x => PutU32(x, SectionOffset(Good, BlobFormat.SectionConfig), 9)),
                "model blob: config section has 9 fields, version 1.0 needs 12");
        }

        [Fact]
        public void Missing_classifier()
        {
            List<BlobTensorSpec> tensors = Tensors().Where(t => t.Name != BlobFormat.ClassifierBias).ToList();
            BlobAssert.Fails(Writer(tensors: tensors).Write(), "model blob: missing tensor 'classifier.bias'");
        }
    }
}
