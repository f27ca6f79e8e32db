using Edge.Asr.Model;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// Parses and validates a blob from a source (docs/blob-format.md). Order: header sanity,
    /// CRC over the whole content (streamed in chunks), section directory, then each section.
    /// Every check compares in long or against remaining bytes first, so no hostile value can
    /// overflow, index out of range, allocate more than the blob holds, or loop long.
    /// </summary>
    internal sealed class BlobReader
    {
        private readonly IBlobSource _source;
        private readonly BlobCursor _c;
        private readonly int[] _sectionOffset = new int[BlobFormat.SectionTypeCount + 1];
        private readonly int[] _sectionLength = new int[BlobFormat.SectionTypeCount + 1];
        private readonly bool[] _sectionSeen = new bool[BlobFormat.SectionTypeCount + 1];
        private int _total;
        private string _lastSection = "";
        private bool _newerMinor;
        private string _version = "";

        public int Major;
        public int Minor;
        /// <summary>The architecture, built once the labels are read (ConfigFields); a placeholder until Read.</summary>
        public ModelConfig Config = DefaultModelConfig.Small();
        private int[] _configFields = new int[ConfigFields.FieldCount];
        public string[] Labels = new string[0];
        public FrontendParams Frontend = new FrontendParams(0, 0, 0, 0, 0, 0, 0, 0);
        public DetectorDefaults Detector = new DetectorDefaults(0, 0, 0, new int[0]);
        public BlobTensor[] Tensors = new BlobTensor[0];

        public BlobReader(IBlobSource source, int chunkSize)
        {
            _source = source;
            _c = new BlobCursor(source, chunkSize);
        }

        /// <summary>Reads everything; throws BlobFormatException on the first problem.</summary>
        public void Read()
        {
            ReadHeaderAndCheckCrc();
            ReadConfig();
            ReadFrontend();
            ReadLabels();
            ReadDetector();
            ReadTensorTable();
            CheckClassifier();
        }

        private void ReadHeaderAndCheckCrc()
        {
            int length = _source.Length;
            if (length < BlobFormat.HeaderSize)
                throw new BlobFormatException("truncated: " + length.ToString() + " bytes, the header alone needs "
                    + BlobFormat.HeaderSize.ToString());
            _c.Begin(0, BlobFormat.HeaderSize, "header");
            uint magic = _c.ReadU32();
            if (magic != BlobFormat.Magic)
                throw new BlobFormatException("bad magic (expected 'EASR' = 45 41 53 52, got " + Hex.Byte((int)magic)
                    + " " + Hex.Byte((int)(magic >> 8)) + " " + Hex.Byte((int)(magic >> 16)) + " "
                    + Hex.Byte((int)(magic >> 24)) + ")");
            Major = _c.ReadU16();
            Minor = _c.ReadU16();
            _version = Major.ToString() + "." + Minor.ToString();
            string mine = BlobFormat.MajorVersion.ToString() + "." + BlobFormat.MinorVersion.ToString();
            if (Major > BlobFormat.MajorVersion)
                throw new BlobFormatException("format version " + _version + " is newer than this reader ("
                    + mine + "); update the engine");
            if (Major < BlobFormat.MajorVersion)
                throw new BlobFormatException("format version " + _version + " is not supported (this reader reads "
                    + BlobFormat.MajorVersion.ToString() + ".x)");
            _newerMinor = Minor > BlobFormat.MinorVersion;

            uint headerSize = _c.ReadU32();
            uint total = _c.ReadU32();
            uint sectionCount = _c.ReadU32();
            uint storedCrc = _c.ReadU32();
            if (total > BlobFormat.MaxTotalLength)
                throw new BlobFormatException("total length " + ((long)total).ToString() + " exceeds the limit of "
                    + BlobFormat.MaxTotalLength.ToString() + " bytes");
            if (total > (uint)length)
                throw new BlobFormatException("truncated: the header says " + ((long)total).ToString()
                    + " bytes, the source has " + length.ToString());
            if (total < (uint)length)
                throw new BlobFormatException("length mismatch: the header says " + ((long)total).ToString()
                    + " bytes, the source has " + length.ToString());
            _total = (int)total;
            bool headerOk = _newerMinor
                ? headerSize >= BlobFormat.HeaderSize && headerSize <= BlobFormat.MaxHeaderSize && headerSize % BlobFormat.Alignment == 0
                : headerSize == BlobFormat.HeaderSize;
            if (!headerOk)
                throw new BlobFormatException("header size " + ((long)headerSize).ToString() + " is invalid for version "
                    + _version + " (expected " + BlobFormat.HeaderSize.ToString() + ")");
            if (sectionCount > BlobFormat.MaxSections)
                throw new BlobFormatException("section count " + ((long)sectionCount).ToString() + " exceeds the limit of "
                    + BlobFormat.MaxSections.ToString());
            long directoryEnd = headerSize + (long)BlobFormat.DirectoryEntrySize * sectionCount;
            if (directoryEnd > _total)
                throw new BlobFormatException("truncated: the section directory ends at " + directoryEnd.ToString()
                    + ", beyond the blob length " + _total.ToString());

            // CRC over every byte except the CRC field itself: [0, 20) then [24, total).
            Crc32 crc = new Crc32();
            _c.Begin(0, BlobFormat.OffsetCrc32, "header");
            _c.Checksum(crc, BlobFormat.OffsetCrc32);
            _c.Begin(BlobFormat.OffsetCrc32 + 4, _total, "blob");
            _c.Checksum(crc, _total - (BlobFormat.OffsetCrc32 + 4));
            if (crc.Value != storedCrc)
                throw new BlobFormatException("CRC mismatch (expected " + Hex.U32(storedCrc) + ", got "
                    + Hex.U32(crc.Value) + ")");

            ReadDirectory((int)headerSize, (int)sectionCount, (int)directoryEnd);
        }

        private void ReadDirectory(int headerSize, int count, int directoryEnd)
        {
            int[] type = new int[count];
            uint[] rawType = new uint[count];
            int[] offset = new int[count];
            int[] length = new int[count];
            _c.Begin(headerSize, directoryEnd, "section directory");
            for (int i = 0; i < count; i++)
            {
                uint t = _c.ReadU32();
                uint o = _c.ReadU32();
                uint l = _c.ReadU32();
                rawType[i] = t;
                string name = "section " + i.ToString() + " (" + SectionLabel(t) + ")";
                if ((long)o + l > _total)
                    throw new BlobFormatException(name + " at offset " + ((long)o).ToString() + " with length "
                        + ((long)l).ToString() + " lies outside the blob (" + _total.ToString() + " bytes)");
                type[i] = t > BlobFormat.SectionTypeCount ? -1 : (int)t; // -1: unknown type
                offset[i] = (int)o;
                length[i] = (int)l;
            }

            // Sections are packed in directory order, each at the next multiple of 4, padding zero.
            long expected = BlobFormat.Align(directoryEnd);
            int previousEnd = directoryEnd;
            for (int i = 0; i < count; i++)
            {
                string name = "section " + i.ToString() + " (" + SectionLabel(rawType[i]) + ")";
                if (offset[i] != expected)
                    throw new BlobFormatException(name + " starts at offset " + offset[i].ToString() + ", expected "
                        + expected.ToString() + " (sections are packed in order, 4-byte aligned)");
                CheckZeroPadding(previousEnd, offset[i]);
                previousEnd = offset[i] + length[i];
                expected = BlobFormat.Align(previousEnd);

                int t = type[i];
                if (t >= 1 && t <= BlobFormat.SectionTypeCount)
                {
                    if (_sectionSeen[t])
                        throw new BlobFormatException("duplicate " + BlobFormat.SectionName(t) + " section");
                    _sectionSeen[t] = true;
                    _sectionOffset[t] = offset[i];
                    _sectionLength[t] = length[i];
                }
                else if (!_newerMinor)
                {
                    throw new BlobFormatException("unknown " + name + " in version " + _version);
                }
            }
            if (previousEnd != _total)
                throw new BlobFormatException("the blob has " + (_total - previousEnd).ToString()
                    + " bytes after the last section");
            for (int t = 1; t <= BlobFormat.SectionTypeCount; t++)
                if (!_sectionSeen[t])
                    throw new BlobFormatException("missing " + BlobFormat.SectionName(t) + " section");
        }

        private static string SectionLabel(uint type)
        {
            return type >= 1 && type <= BlobFormat.SectionTypeCount
                ? BlobFormat.SectionName((int)type)
                : "type " + ((long)type).ToString();
        }

        private void CheckZeroPadding(int from, int to)
        {
            _c.Begin(from, to, "padding");
            for (int p = from; p < to; p++)
                if (_c.ReadU8() != 0)
                    throw new BlobFormatException("nonzero padding byte at offset " + p.ToString());
        }

        private void BeginSection(int type)
        {
            _lastSection = BlobFormat.SectionName(type) + " section";
            _c.Begin(_sectionOffset[type], _sectionOffset[type] + _sectionLength[type],
                BlobFormat.SectionName(type) + " section");
        }

        // Reads a counted int32 field list: at least `known` fields; more only from a newer minor version.
        private int[] ReadFields(int type, int known, bool exactLength)
        {
            BeginSection(type);
            string what = BlobFormat.SectionName(type) + " section";
            uint count = _c.ReadU32();
            if (count > BlobFormat.MaxFields)
                throw new BlobFormatException(what + " has " + ((long)count).ToString() + " fields, the limit is "
                    + BlobFormat.MaxFields.ToString());
            int n = (int)count;
            if (n < known)
                throw new BlobFormatException(what + " has " + n.ToString() + " fields, version "
                    + BlobFormat.MajorVersion.ToString() + "." + BlobFormat.MinorVersion.ToString() + " needs " + known.ToString());
            if (n > known && !_newerMinor)
                throw new BlobFormatException(what + " has " + n.ToString() + " fields, version " + _version
                    + " defines " + known.ToString());
            if (exactLength && _sectionLength[type] != 4 + 4 * n)
                throw new BlobFormatException(what + " is " + _sectionLength[type].ToString() + " bytes, its "
                    + n.ToString() + " fields need " + (4 + 4 * n).ToString());
            _c.Need(4 * n);
            int[] fields = new int[known];
            for (int i = 0; i < n; i++)
            {
                int v = _c.ReadI32();
                if (i < known) fields[i] = v; // later fields belong to a newer minor version
            }
            return fields;
        }

        private void ReadConfig()
        {
            int[] f = ReadFields(BlobFormat.SectionConfig, ConfigFields.FieldCount, true);
            ConfigFields.Validate(f);
            _configFields = f;
        }

        private void ReadFrontend()
        {
            int[] f = ReadFields(BlobFormat.SectionFrontend, FrontendParams.FieldCount, true);
            Frontend = new FrontendParams(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
            SupportedFrontend.Validate(Frontend);
            if (_configFields[ConfigFields.FieldMelBins] != Frontend.MelChannels)
                throw new BlobFormatException("config field mel_bins = " + _configFields[ConfigFields.FieldMelBins].ToString()
                    + " but the frontend has mel_channels = " + Frontend.MelChannels.ToString());
        }

        private void ReadDetector()
        {
            int[] f = ReadFields(BlobFormat.SectionDetector, DetectorDefaults.FieldCount, false);
            uint count = _c.ReadU32();
            if (count > BlobFormat.MaxLabels)
                throw new BlobFormatException("detector has " + ((long)count).ToString()
                    + " class thresholds, the limit is " + BlobFormat.MaxLabels.ToString());
            _c.Need(4 * (int)count);
            int[] thresholds = new int[(int)count];
            for (int i = 0; i < thresholds.Length; i++) thresholds[i] = _c.ReadI32();
            ExpectSectionEnd();
            Detector = new DetectorDefaults(f[0], f[1], f[2], thresholds);
            Detector.Validate(Config.Classes);
        }

        private void ExpectSectionEnd()
        {
            if (_c.Remaining != 0)
                throw new BlobFormatException(_lastSection + " has " + _c.Remaining.ToString() + " trailing bytes");
        }

        private void ReadLabels()
        {
            BeginSection(BlobFormat.SectionLabels);
            uint count = _c.ReadU32();
            if (count > BlobFormat.MaxLabels)
                throw new BlobFormatException(((long)count).ToString() + " labels exceed the limit of "
                    + BlobFormat.MaxLabels.ToString());
            int n = (int)count;
            int classes = _configFields[ConfigFields.FieldClasses];
            if (n != classes)
                throw new BlobFormatException(n.ToString() + " labels but the config has " + classes.ToString()
                    + " classes");
            _c.Need(3 * n); // each label: u16 length and at least one byte
            string[] labels = new string[n];
            byte[] bytes = new byte[BlobFormat.MaxLabelBytes];
            for (int i = 0; i < n; i++)
            {
                int len = _c.ReadU16();
                if (len == 0)
                    throw new BlobFormatException("label " + i.ToString() + " is empty");
                if (len > BlobFormat.MaxLabelBytes)
                    throw new BlobFormatException("label " + i.ToString() + " is " + len.ToString()
                        + " bytes, the limit is " + BlobFormat.MaxLabelBytes.ToString());
                _c.ReadBytes(bytes, 0, len);
                labels[i] = Utf8.Decode(bytes, 0, len, "label " + i.ToString());
                for (int j = 0; j < i; j++)
                    if (labels[j] == labels[i])
                        throw new BlobFormatException("duplicate label '" + labels[i] + "' (labels " + j.ToString()
                            + " and " + i.ToString() + ")");
            }
            ExpectSectionEnd();
            Labels = labels;
            Config = ConfigFields.Build(_configFields, labels, FrontendParams.InputNormShiftOf(Frontend.LogFormat));
        }

        private void ReadTensorTable()
        {
            BeginSection(BlobFormat.SectionTensorTable);
            uint count = _c.ReadU32();
            if (count > BlobFormat.MaxTensors)
                throw new BlobFormatException("tensor table has " + ((long)count).ToString() + " tensors, the limit is "
                    + BlobFormat.MaxTensors.ToString());
            int n = (int)count;
            _c.Need(MinEntryBytes * n);
            BlobTensor[] tensors = new BlobTensor[n];
            byte[] name = new byte[BlobFormat.MaxNameBytes];
            byte[] previous = new byte[BlobFormat.MaxNameBytes];
            int previousLength = -1;
            int dataStart = _sectionOffset[BlobFormat.SectionTensorData];
            int dataEnd = dataStart + _sectionLength[BlobFormat.SectionTensorData];
            long nextData = dataStart;
            for (int i = 0; i < n; i++)
            {
                int nameLength = _c.ReadU16();
                if (nameLength == 0 || nameLength > BlobFormat.MaxNameBytes)
                    throw new BlobFormatException("tensor " + i.ToString() + " name length " + nameLength.ToString()
                        + " is out of range [1, " + BlobFormat.MaxNameBytes.ToString() + "]");
                _c.ReadBytes(name, 0, nameLength);
                string text = Utf8.Decode(name, 0, nameLength, "tensor " + i.ToString() + " name");
                int order = CompareBytes(previous, previousLength, name, nameLength);
                if (order == 0)
                    throw new BlobFormatException("duplicate tensor name '" + text + "'");
                if (order > 0)
                    throw new BlobFormatException("tensor '" + text + "' is out of order (the table is sorted by name bytes)");
                byte[] swap = previous;
                previous = name;
                name = swap;
                previousLength = nameLength;

                BlobTensor t = ReadEntry(i, n, text, dataStart, dataEnd, nextData);
                nextData = BlobFormat.Align((long)t.DataOffset + t.ByteLength);
                tensors[i] = t;
            }
            ExpectSectionEnd();
            int lastEnd = n == 0 ? dataStart : tensors[n - 1].DataOffset + tensors[n - 1].ByteLength;
            if (lastEnd != dataEnd)
                throw new BlobFormatException("tensor data section has " + (dataEnd - lastEnd).ToString()
                    + " bytes after the last tensor");
            int from = dataStart;
            for (int i = 0; i < n; i++)
            {
                CheckZeroPadding(from, tensors[i].DataOffset);
                from = tensors[i].DataOffset + tensors[i].ByteLength;
            }
            for (int i = 0; i < n; i++) CheckChannelTensors(tensors, i);
            Tensors = tensors;
        }

        // name length, 1 name byte, dtype/rank/axis/reserved, 1 dim, 5 quantisation ints, offset, length
        private const int MinEntryBytes = 2 + 1 + 4 + 4 + 20 + 8;

        private BlobTensor ReadEntry(int i, int count, string name, int dataStart, int dataEnd, long nextData)
        {
            string what = "tensor '" + name + "'";
            int dtype = _c.ReadU8();
            int rank = _c.ReadU8();
            int axis = _c.ReadU8();
            int reserved = _c.ReadU8();
            int size = BlobFormat.ElementSize(dtype);
            if (size == 0)
                throw new BlobFormatException(what + " has unsupported dtype " + dtype.ToString());
            if (rank < 1 || rank > BlobFormat.MaxRank)
                throw new BlobFormatException(what + " has rank " + rank.ToString() + ", supported 1.."
                    + BlobFormat.MaxRank.ToString());
            if (reserved != 0)
                throw new BlobFormatException(what + " has nonzero reserved byte " + reserved.ToString());
            int[] shape = new int[rank];
            long elements = 1;
            for (int d = 0; d < rank; d++)
            {
                uint dim = _c.ReadU32();
                if (dim < 1 || dim > BlobFormat.MaxTotalLength)
                    throw new BlobFormatException(what + " dimension " + d.ToString() + " = " + ((long)dim).ToString()
                        + " is out of range [1, " + BlobFormat.MaxTotalLength.ToString() + "]");
                shape[d] = (int)dim;
                elements *= dim;
                if (elements > BlobFormat.MaxTotalLength)
                    throw new BlobFormatException(what + " has more than " + BlobFormat.MaxTotalLength.ToString() + " elements");
            }
            int zeroPoint = _c.ReadI32();
            int multiplier = _c.ReadI32();
            int shift = _c.ReadI32();
            int multiplierTensor = _c.ReadI32();
            int shiftTensor = _c.ReadI32();
            uint offset = _c.ReadU32();
            uint length = _c.ReadU32();

            string shapeText = BlobTensor.ShapeToText(shape);
            if (length != elements * size)
                throw new BlobFormatException(what + " shape " + shapeText + " of " + BlobFormat.DTypeName(dtype)
                    + " needs " + (elements * size).ToString() + " bytes, the entry says " + ((long)length).ToString());
            if (offset % BlobFormat.Alignment != 0)
                throw new BlobFormatException(what + " data offset " + ((long)offset).ToString() + " is not a multiple of "
                    + BlobFormat.Alignment.ToString());
            if (offset < (uint)dataStart || (long)offset + length > dataEnd)
                throw new BlobFormatException(what + " data [" + ((long)offset).ToString() + ", "
                    + ((long)offset + length).ToString() + ") lies outside the tensor data section ["
                    + dataStart.ToString() + ", " + dataEnd.ToString() + ")");
            if (offset != nextData)
                throw new BlobFormatException(what + " data offset " + ((long)offset).ToString() + ", expected "
                    + nextData.ToString() + " (tensor data is packed in table order, 4-byte aligned)");

            CheckZeroPoint(what, dtype, zeroPoint);
            if (shift < -63 || shift > 63)
                throw new BlobFormatException(what + " scale shift " + shift.ToString() + " is out of range [-63, 63]");
            int channelAxis = -1;
            if (axis == BlobFormat.NoChannelAxis)
            {
                if (multiplierTensor != BlobFormat.NoTensor || shiftTensor != BlobFormat.NoTensor)
                    throw new BlobFormatException(what + " is quantised per tensor but references per-channel tensors");
            }
            else
            {
                if (axis >= rank)
                    throw new BlobFormatException(what + " channel axis " + axis.ToString() + " is not below its rank "
                        + rank.ToString());
                CheckReference(what, "multiplier", multiplierTensor, i, count);
                CheckReference(what, "shift", shiftTensor, i, count);
                channelAxis = axis;
            }
            return new BlobTensor(i, name, dtype, shape, (int)elements, zeroPoint, multiplier, shift, channelAxis,
                multiplierTensor, shiftTensor, (int)offset, (int)length);
        }

        private static void CheckZeroPoint(string what, int dtype, int zeroPoint)
        {
            int lo = int.MinValue;
            int hi = int.MaxValue;
            if (dtype == BlobFormat.DTypeInt8) { lo = -128; hi = 127; }
            else if (dtype == BlobFormat.DTypeUInt8) { lo = 0; hi = 255; }
            else if (dtype == BlobFormat.DTypeInt16) { lo = -32768; hi = 32767; }
            if (zeroPoint < lo || zeroPoint > hi)
                throw new BlobFormatException(what + " zero point " + zeroPoint.ToString() + " is out of range for "
                    + BlobFormat.DTypeName(dtype));
        }

        private static void CheckReference(string what, string role, int index, int self, int count)
        {
            if (index < 0 || index >= count || index == self)
                throw new BlobFormatException(what + " " + role + " tensor index " + index.ToString()
                    + " does not name another tensor of the table");
        }

        // A per-channel tensor's multiplier and shift tensors: int32, rank 1, one value per channel, per-tensor themselves.
        private static void CheckChannelTensors(BlobTensor[] tensors, int i)
        {
            BlobTensor t = tensors[i];
            if (t.ChannelAxis < 0) return;
            int channels = t.Dim(t.ChannelAxis);
            CheckChannelTensor(t, tensors[t.MultiplierTensor], "multiplier", channels);
            CheckChannelTensor(t, tensors[t.ShiftTensor], "shift", channels);
        }

        private static void CheckChannelTensor(BlobTensor t, BlobTensor p, string role, int channels)
        {
            if (p.DataType != BlobFormat.DTypeInt32 || p.Rank != 1 || p.Dim(0) != channels || p.ChannelAxis >= 0)
                throw new BlobFormatException("tensor '" + t.Name + "' " + role + " tensor '" + p.Name + "' is "
                    + BlobFormat.DTypeName(p.DataType) + " " + p.ShapeText() + ", expected per-tensor int32 ["
                    + channels.ToString() + "]");
        }

        // Ordinal comparison of UTF-8 name bytes; a missing previous name (length -1) sorts first.
        private static int CompareBytes(byte[] a, int aLength, byte[] b, int bLength)
        {
            if (aLength < 0) return -1;
            int n = aLength < bLength ? aLength : bLength;
            for (int k = 0; k < n; k++)
                if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
            return aLength == bLength ? 0 : (aLength < bLength ? -1 : 1);
        }

        private void CheckClassifier()
        {
            int w = IndexOf(BlobFormat.ClassifierWeight);
            if (w < 0) throw new BlobFormatException("missing tensor '" + BlobFormat.ClassifierWeight + "'");
            BlobTensor weight = Tensors[w];
            if (weight.Rank == 2 && weight.Dim(0) != Labels.Length)
                throw new BlobFormatException("the classifier has " + weight.Dim(0).ToString() + " classes (tensor '"
                    + weight.Name + "' " + weight.ShapeText() + ") but there are " + Labels.Length.ToString() + " labels");
            int[] ws = new int[2];
            ws[0] = Config.Classes;
            ws[1] = Config.Dim;
            ModelBlob.Expect(weight, BlobFormat.DTypeInt8, ws);
            int b = IndexOf(BlobFormat.ClassifierBias);
            if (b < 0) throw new BlobFormatException("missing tensor '" + BlobFormat.ClassifierBias + "'");
            int[] bs = new int[1];
            bs[0] = Config.Classes;
            ModelBlob.Expect(Tensors[b], BlobFormat.DTypeInt32, bs);
        }

        public int IndexOf(string name)
        {
            for (int i = 0; i < Tensors.Length; i++)
                if (Tensors[i].Name == name) return i;
            return -1;
        }
    }
}
