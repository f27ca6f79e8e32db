using System;
using System.Collections.Generic;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>A small but complete model blob: every dtype, ranks 1-4, per-channel quantisation.</summary>
    internal static class BlobSamples
    {
        public static readonly string[] DefaultLabels =
            { "_silence_", "_unknown_", "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go" };

        public const int DModel = 32;

        public static ModelConfig Config(int numClasses = 12) =>
            new ModelConfig(melBins: 40, subsamplingChannels: 8, dim: DModel, heads: 2, fold: 2, ffnMultiplier: 2, convKernel: 7,
                attention: new[] { false, true, true }, leftContext: 16, poolWindow: 25, labels: DefaultLabels[..numClasses]);

        public static FrontendParams Frontend(int sampleRate = 16000, int window = 400, int hop = 160, int fft = 512,
            int mels = 40, int low = 20, int high = 7600, int logFormat = FrontendParams.LogFormatInt16Log2Q8) =>
            new FrontendParams(sampleRate, window, hop, fft, mels, low, high, logFormat);

        public static DetectorDefaults Detector(int[]? classThresholds = null) =>
            new DetectorDefaults(smoothingFrames: 5, thresholdQ15: 22938, refractoryMs: 800,
                classThresholdsQ15: classThresholds ?? Array.Empty<int>());

        public static List<BlobTensorSpec> Tensors(int numClasses = 12, int seed = 1)
        {
            var rng = new Random(seed);
            sbyte[] I8(int n) { var v = new sbyte[n]; for (int i = 0; i < n; i++) v[i] = (sbyte)rng.Next(-128, 128); return v; }
            short[] I16(int n) { var v = new short[n]; for (int i = 0; i < n; i++) v[i] = (short)rng.Next(-32768, 32768); return v; }
            int[] I32(int n, int lo, int hi) { var v = new int[n]; for (int i = 0; i < n; i++) v[i] = rng.Next(lo, hi); return v; }
            byte[] U8(int n) { var v = new byte[n]; rng.NextBytes(v); return v; }

            return new List<BlobTensorSpec>
            {
                BlobTensorSpec.Int8(BlobFormat.ClassifierWeight, new[] { numClasses, DModel }, I8(numClasses * DModel))
                    with { ChannelAxis = 0, MultiplierTensor = "classifier.weight.multiplier", ShiftTensor = "classifier.weight.shift" },
                BlobTensorSpec.Int32("classifier.weight.multiplier", new[] { numClasses }, I32(numClasses, 1 << 29, int.MaxValue)),
                BlobTensorSpec.Int32("classifier.weight.shift", new[] { numClasses }, I32(numClasses, 0, 31)),
                BlobTensorSpec.Int32(BlobFormat.ClassifierBias, new[] { numClasses }, I32(numClasses, int.MinValue, int.MaxValue))
                    with { ScaleMultiplier = 1 << 30, ScaleShift = 40 },
                BlobTensorSpec.Int16("block0.norm.gamma", new[] { DModel }, I16(DModel))
                    with { ScaleMultiplier = 1 << 30, ScaleShift = 44, ZeroPoint = -3 },
                BlobTensorSpec.Int8("subsampling.conv0.weight", new[] { 8, 1, 3, 3 }, I8(72)) with { ScaleMultiplier = 1234567, ScaleShift = 27 },
                BlobTensorSpec.UInt8("lut.sigmoid", new[] { 17 }, U8(17)) with { ZeroPoint = 128, ScaleMultiplier = 1, ScaleShift = 8 },
                BlobTensorSpec.Int16("block1.mhsa.q.weight", new[] { 3, 5 }, I16(15)),
            };
        }

        public static BlobWriter Writer(string[]? labels = null, ModelConfig? config = null, FrontendParams? frontend = null,
            DetectorDefaults? detector = null, List<BlobTensorSpec>? tensors = null) =>
            new BlobWriter(config ?? Config(), labels ?? DefaultLabels, frontend ?? Frontend(), detector ?? Detector(),
                tensors ?? Tensors());

        public static byte[] Blob() => Writer().Write();

        /// <summary>Offsets of a written blob's structure, read straight from its bytes.</summary>
        public static int SectionOffset(byte[] blob, int type)
        {
            int headerSize = (int)U32(blob, BlobFormat.OffsetHeaderSize);
            int count = (int)U32(blob, BlobFormat.OffsetSectionCount);
            for (int i = 0; i < count; i++)
            {
                int e = headerSize + BlobFormat.DirectoryEntrySize * i;
                if (U32(blob, e) == type) return (int)U32(blob, e + 4);
            }
            throw new InvalidOperationException("no section " + type);
        }

        public static int SectionLength(byte[] blob, int type)
        {
            int headerSize = (int)U32(blob, BlobFormat.OffsetHeaderSize);
            int count = (int)U32(blob, BlobFormat.OffsetSectionCount);
            for (int i = 0; i < count; i++)
            {
                int e = headerSize + BlobFormat.DirectoryEntrySize * i;
                if (U32(blob, e) == type) return (int)U32(blob, e + 8);
            }
            throw new InvalidOperationException("no section " + type);
        }

        public static uint U32(byte[] b, int at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
        public static int U16(byte[] b, int at) => b[at] | b[at + 1] << 8;

        public static void PutU32(byte[] b, int at, uint v)
        {
            b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); b[at + 2] = (byte)(v >> 16); b[at + 3] = (byte)(v >> 24);
        }

        public static void PutU16(byte[] b, int at, int v)
        {
            b[at] = (byte)v; b[at + 1] = (byte)(v >> 8);
        }

        /// <summary>A copy with a u32 replaced and the CRC recomputed, so only structure checks can catch it.</summary>
        public static byte[] WithU32(byte[] blob, int at, uint value, bool reseal = true)
        {
            byte[] b = (byte[])blob.Clone();
            PutU32(b, at, value);
            if (reseal) BlobWriter.Seal(b);
            return b;
        }

        /// <summary>A located field of a written blob.</summary>
        public sealed record Field(string Name, int At, int Size, bool Structural, string Owner = "");

        /// <summary>Absolute offset of a tensor entry field (names as in Fields).</summary>
        public static int At(byte[] blob, string tensor, string field) =>
            Fields(blob).Single(f => f.Owner == tensor && f.Name == field).At;

        /// <summary>
        /// Every header, directory, count and length field of a blob, plus the tensor entries'
        /// value fields. Structural fields have one valid value: changing one must be refused.
        /// Value fields (dtype, zero point, shift, per-channel references) may change into another
        /// valid model (int8 and uint8 have the same size), so only the error type is checked.
        /// </summary>
        public static List<Field> Fields(byte[] blob)
        {
            var f = new List<Field>
            {
                new("magic", BlobFormat.OffsetMagic, 4, true),
                new("major_version", BlobFormat.OffsetMajorVersion, 2, true),
                new("minor_version", BlobFormat.OffsetMinorVersion, 2, false), // a newer minor is legal
                new("header_size", BlobFormat.OffsetHeaderSize, 4, true),
                new("total_length", BlobFormat.OffsetTotalLength, 4, true),
                new("section_count", BlobFormat.OffsetSectionCount, 4, true),
                new("crc32", BlobFormat.OffsetCrc32, 4, true),
            };
            int sections = (int)U32(blob, BlobFormat.OffsetSectionCount);
            for (int i = 0; i < sections; i++)
            {
                int e = BlobFormat.HeaderSize + BlobFormat.DirectoryEntrySize * i;
                f.Add(new("section_type", e, 4, true));
                f.Add(new("section_offset", e + 4, 4, true));
                f.Add(new("section_length", e + 8, 4, true));
            }
            f.Add(new("config_field_count", SectionOffset(blob, BlobFormat.SectionConfig), 4, true));
            f.Add(new("frontend_field_count", SectionOffset(blob, BlobFormat.SectionFrontend), 4, true));
            int det = SectionOffset(blob, BlobFormat.SectionDetector);
            f.Add(new("detector_field_count", det, 4, true));
            f.Add(new("class_threshold_count", det + 4 + 4 * (int)U32(blob, det), 4, true));
            int lab = SectionOffset(blob, BlobFormat.SectionLabels);
            f.Add(new("label_count", lab, 4, true));
            int n = (int)U32(blob, lab);
            int at = lab + 4;
            for (int i = 0; i < n; i++)
            {
                f.Add(new("label_length", at, 2, true, "label" + i));
                f.Add(new("label_byte", at + 2, 1, false, "label" + i));
                at += 2 + U16(blob, at);
            }
            at = SectionOffset(blob, BlobFormat.SectionTensorTable);
            n = (int)U32(blob, at);
            f.Add(new("tensor_count", at, 4, true));
            at += 4;
            for (int i = 0; i < n; i++)
            {
                string t = System.Text.Encoding.UTF8.GetString(blob, at + 2, U16(blob, at));
                f.Add(new("name_length", at, 2, true, t));
                f.Add(new("name", at + 2, 1, false, t));
                at += 2 + U16(blob, at);
                f.Add(new("dtype", at, 1, false, t));
                int rank = blob[at + 1];
                f.Add(new("rank", at + 1, 1, true, t));
                f.Add(new("channel_axis", at + 2, 1, true, t));
                f.Add(new("reserved", at + 3, 1, true, t));
                at += 4;
                for (int d = 0; d < rank; d++) f.Add(new("dim" + d, at + 4 * d, 4, true, t));
                at += 4 * rank;
                f.Add(new("zero_point", at, 4, false, t));
                f.Add(new("scale_multiplier", at + 4, 4, false, t));
                f.Add(new("scale_shift", at + 8, 4, false, t));
                f.Add(new("multiplier_tensor", at + 12, 4, false, t));
                f.Add(new("shift_tensor", at + 16, 4, false, t));
                f.Add(new("data_offset", at + 20, 4, true, t));
                f.Add(new("byte_length", at + 24, 4, true, t));
                at += 28;
            }
            return f;
        }
    }
}
