using System;
using System.Collections.Generic;
using System.Text;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Blob
{
    /// <summary>A section a later minor version might add: written as given, skipped by 1.0 readers.</summary>
    public sealed record RawSection(int Type, byte[] Payload);

    /// <summary>
    /// Writes a model blob (docs/blob-format.md) from its parts: the config section is the model
    /// config's fields (ConfigFields); the labels are written as given (normally config's labels). Output is deterministic: the
    /// same input gives the same bytes (tensors are sorted by UTF-8 name bytes, padding is
    /// zero). The writer lays out the structure; meaning (ranges, label count, classifier
    /// shape, supported frontend) is checked by ModelBlob.Load, which the bake tool runs on
    /// every blob it writes.
    /// </summary>
    public sealed class BlobWriter
    {
        private readonly ModelConfig _config;
        private readonly string[] _labels;
        private readonly FrontendParams _frontend;
        private readonly DetectorDefaults _detector;
        private readonly List<BlobTensorSpec> _tensors;

        public BlobWriter(ModelConfig config, IReadOnlyList<string> labels, FrontendParams frontend,
            DetectorDefaults detector, IReadOnlyList<BlobTensorSpec> tensors)
        {
            if (FrontendParams.InputNormShiftOf(frontend.LogFormat) != config.InputNormShift)
                throw new ArgumentException("the frontend's log format " + frontend.LogFormat + " does not state the model's input norm shift "
                    + config.InputNormShift + " (log format " + FrontendParams.LogFormatOf(config.InputNormShift) + " does)");
            _config = config;
            _labels = new List<string>(labels).ToArray();
            _frontend = frontend;
            _detector = detector;
            _tensors = new List<BlobTensorSpec>(tensors);
        }

        // Forward-compatibility knobs: what a writer of a later minor version would emit.
        /// <summary>Minor version written into the header.</summary>
        public int MinorVersion { get; init; } = BlobFormat.MinorVersion;
        /// <summary>Fields appended after the 1.0 config fields.</summary>
        public int[] ExtraConfigFields { get; init; } = Array.Empty<int>();
        /// <summary>Fields appended after the 1.0 frontend fields.</summary>
        public int[] ExtraFrontendFields { get; init; } = Array.Empty<int>();
        /// <summary>Fields appended after the 1.0 detector fields.</summary>
        public int[] ExtraDetectorFields { get; init; } = Array.Empty<int>();
        /// <summary>Zero bytes appended to the fixed header (a multiple of 4).</summary>
        public int ExtraHeaderBytes { get; init; }
        /// <summary>Sections of types 1.0 does not define, written after the detector section.</summary>
        public IReadOnlyList<RawSection> ExtraSections { get; init; } = Array.Empty<RawSection>();

        /// <summary>The blob bytes.</summary>
        public byte[] Write()
        {
            if (ExtraHeaderBytes < 0 || ExtraHeaderBytes % BlobFormat.Alignment != 0)
                throw new ArgumentException("ExtraHeaderBytes must be a non-negative multiple of 4");
            List<BlobTensorSpec> tensors = SortedTensors();

            var sections = new List<(int Type, byte[] Payload)>
            {
                (BlobFormat.SectionConfig, FieldList(ConfigFields.ToFields(_config), ExtraConfigFields)),
                (BlobFormat.SectionLabels, LabelsSection()),
                (BlobFormat.SectionFrontend, FieldList(_frontend.ToFields(), ExtraFrontendFields)),
                (BlobFormat.SectionDetector, DetectorSection()),
            };
            foreach (RawSection extra in ExtraSections) sections.Add((extra.Type, extra.Payload));
            int tableIndex = sections.Count;
            sections.Add((BlobFormat.SectionTensorTable, new byte[TableLength(tensors)]));
            sections.Add((BlobFormat.SectionTensorData, Array.Empty<byte>()));

            int headerSize = BlobFormat.HeaderSize + ExtraHeaderBytes;
            int directoryEnd = headerSize + BlobFormat.DirectoryEntrySize * sections.Count;
            // Tensor data placement is known once the sections before it are laid out.
            int[] offsets = new int[sections.Count];
            long at = directoryEnd;
            for (int i = 0; i < sections.Count - 1; i++)
            {
                at = BlobFormat.Align(at);
                offsets[i] = checked((int)at);
                at += sections[i].Payload.Length;
            }
            int dataStart = checked((int)BlobFormat.Align(at));
            offsets[^1] = dataStart;
            (byte[] data, int[] dataOffsets) = DataSection(tensors, dataStart);
            sections[^1] = (BlobFormat.SectionTensorData, data);
            sections[tableIndex] = (BlobFormat.SectionTensorTable, TableSection(tensors, dataOffsets));

            long total = (long)dataStart + data.Length;
            if (total > BlobFormat.MaxTotalLength)
                throw new ArgumentException("blob of " + total + " bytes exceeds the format limit of "
                    + BlobFormat.MaxTotalLength);
            byte[] blob = new byte[total];
            LittleEndian.PutU32(blob, BlobFormat.OffsetMagic, BlobFormat.Magic);
            LittleEndian.PutU16(blob, BlobFormat.OffsetMajorVersion, BlobFormat.MajorVersion);
            LittleEndian.PutU16(blob, BlobFormat.OffsetMinorVersion, MinorVersion);
            LittleEndian.PutI32(blob, BlobFormat.OffsetHeaderSize, headerSize);
            LittleEndian.PutI32(blob, BlobFormat.OffsetTotalLength, (int)total);
            LittleEndian.PutI32(blob, BlobFormat.OffsetSectionCount, sections.Count);
            for (int i = 0; i < sections.Count; i++)
            {
                int entry = headerSize + BlobFormat.DirectoryEntrySize * i;
                LittleEndian.PutI32(blob, entry + BlobFormat.EntryOffsetType, sections[i].Type);
                LittleEndian.PutI32(blob, entry + BlobFormat.EntryOffsetOffset, offsets[i]);
                LittleEndian.PutI32(blob, entry + BlobFormat.EntryOffsetLength, sections[i].Payload.Length);
                Array.Copy(sections[i].Payload, 0, blob, offsets[i], sections[i].Payload.Length);
            }
            Seal(blob);
            return blob;
        }

        /// <summary>The CRC-32 of a blob as the format defines it: every byte except the CRC field.</summary>
        public static uint ComputeCrc(byte[] blob)
        {
            var crc = new Crc32();
            crc.Update(blob, 0, BlobFormat.OffsetCrc32);
            crc.Update(blob, BlobFormat.OffsetCrc32 + 4, blob.Length - (BlobFormat.OffsetCrc32 + 4));
            return crc.Value;
        }

        /// <summary>Stores the CRC of the blob into its CRC field.</summary>
        public static void Seal(byte[] blob)
        {
            LittleEndian.PutU32(blob, BlobFormat.OffsetCrc32, ComputeCrc(blob));
        }

        /// <summary>Ordinal comparison of UTF-8 name bytes: the order of the tensor table.</summary>
        public static int CompareNames(string a, string b)
        {
            byte[] x = Encoding.UTF8.GetBytes(a);
            byte[] y = Encoding.UTF8.GetBytes(b);
            int n = Math.Min(x.Length, y.Length);
            for (int i = 0; i < n; i++)
                if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
            return x.Length.CompareTo(y.Length);
        }

        private List<BlobTensorSpec> SortedTensors()
        {
            var sorted = new List<BlobTensorSpec>(_tensors);
            sorted.Sort((a, b) => CompareNames(a.Name, b.Name));
            for (int i = 0; i < sorted.Count; i++)
            {
                sorted[i].CheckConsistent();
                if (i > 0 && CompareNames(sorted[i - 1].Name, sorted[i].Name) == 0)
                    throw new ArgumentException("duplicate tensor name '" + sorted[i].Name + "'");
            }
            return sorted;
        }

        private static byte[] FieldList(int[] fields, int[] extra)
        {
            byte[] b = new byte[4 + 4 * (fields.Length + extra.Length)];
            LittleEndian.PutI32(b, 0, fields.Length + extra.Length);
            for (int i = 0; i < fields.Length; i++) LittleEndian.PutI32(b, 4 + 4 * i, fields[i]);
            for (int i = 0; i < extra.Length; i++) LittleEndian.PutI32(b, 4 + 4 * (fields.Length + i), extra[i]);
            return b;
        }

        private byte[] DetectorSection()
        {
            int[] fields = { _detector.SmoothingFrames, _detector.ThresholdQ15, _detector.RefractoryMs };
            byte[] head = FieldList(fields, ExtraDetectorFields);
            byte[] thresholds = FieldList(_detector.ClassThresholdsQ15(), Array.Empty<int>());
            byte[] b = new byte[head.Length + thresholds.Length];
            head.CopyTo(b, 0);
            thresholds.CopyTo(b, head.Length);
            return b;
        }

        private byte[] LabelsSection()
        {
            var b = new List<byte>();
            AddI32(b, _labels.Length);
            foreach (string label in _labels)
            {
                byte[] utf8 = Encoding.UTF8.GetBytes(label);
                if (utf8.Length > ushort.MaxValue) throw new ArgumentException("label too long: " + label);
                b.Add((byte)utf8.Length);
                b.Add((byte)(utf8.Length >> 8));
                b.AddRange(utf8);
            }
            return b.ToArray();
        }

        private static int EntryLength(BlobTensorSpec t)
        {
            return 2 + Encoding.UTF8.GetByteCount(t.Name) + 4 + 4 * t.Shape.Length + 5 * 4 + 8;
        }

        private static int TableLength(List<BlobTensorSpec> tensors)
        {
            int n = 4;
            foreach (BlobTensorSpec t in tensors) n += EntryLength(t);
            return n;
        }

        private static (byte[] Data, int[] Offsets) DataSection(List<BlobTensorSpec> tensors, int dataStart)
        {
            var offsets = new int[tensors.Count];
            long at = dataStart;
            for (int i = 0; i < tensors.Count; i++)
            {
                at = BlobFormat.Align(at);
                offsets[i] = checked((int)at);
                at += tensors[i].Data.Length;
            }
            byte[] data = new byte[at - dataStart];
            for (int i = 0; i < tensors.Count; i++)
                Array.Copy(tensors[i].Data, 0, data, offsets[i] - dataStart, tensors[i].Data.Length);
            return (data, offsets);
        }

        private static byte[] TableSection(List<BlobTensorSpec> tensors, int[] dataOffsets)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < tensors.Count; i++) index[tensors[i].Name] = i;
            var b = new List<byte>();
            AddI32(b, tensors.Count);
            for (int i = 0; i < tensors.Count; i++)
            {
                BlobTensorSpec t = tensors[i];
                byte[] name = Encoding.UTF8.GetBytes(t.Name);
                b.Add((byte)name.Length);
                b.Add((byte)(name.Length >> 8));
                b.AddRange(name);
                b.Add((byte)t.DataType);
                b.Add((byte)t.Shape.Length);
                b.Add((byte)(t.ChannelAxis < 0 ? BlobFormat.NoChannelAxis : t.ChannelAxis));
                b.Add(0); // reserved
                foreach (int d in t.Shape) AddI32(b, d);
                AddI32(b, t.ZeroPoint);
                AddI32(b, t.ScaleMultiplier);
                AddI32(b, t.ScaleShift);
                AddI32(b, Resolve(index, t, t.MultiplierTensor));
                AddI32(b, Resolve(index, t, t.ShiftTensor));
                AddI32(b, dataOffsets[i]);
                AddI32(b, t.Data.Length);
            }
            return b.ToArray();
        }

        private static int Resolve(Dictionary<string, int> index, BlobTensorSpec t, string? name)
        {
            if (t.ChannelAxis < 0 || name == null) return BlobFormat.NoTensor;
            if (!index.TryGetValue(name, out int i))
                throw new ArgumentException("tensor '" + t.Name + "' references missing tensor '" + name + "'");
            return i;
        }

        private static void AddI32(List<byte> b, int v)
        {
            b.Add((byte)v);
            b.Add((byte)(v >> 8));
            b.Add((byte)(v >> 16));
            b.Add((byte)(v >> 24));
        }
    }
}
