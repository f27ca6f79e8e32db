using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Xunit;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>
    /// docs/blob-format.md is checked against the code: its tables are parsed and compared with
    /// BlobFormat's constants and with the bytes of a blob the writer produced.
    /// </summary>
    public class BlobSpecDocTests
    {
        private static readonly byte[] Blob = BlobSamples.Writer(detector: BlobSamples.Detector(
            Enumerable.Range(0, 12).Select(c => 30000 - c).ToArray())).Write();
        private static readonly ModelBlob Model = ModelBlob.Load(Blob);
        private readonly Xunit.Abstractions.ITestOutputHelper _out;

        public BlobSpecDocTests(Xunit.Abstractions.ITestOutputHelper output)
        {
            _out = output;
        }

        private static string DocPath()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Edge.Asr.sln"))) dir = Path.GetDirectoryName(dir);
            Assert.NotNull(dir);
            return Path.Combine(dir!, "docs", "blob-format.md");
        }

        private static readonly string[] Doc = File.ReadAllLines(DocPath());

        /// <summary>Rows of the first table after the heading, as column name → cell text (backticks removed).</summary>
        private static List<Dictionary<string, string>> Table(string heading)
        {
            int h = Array.FindIndex(Doc, l => l.Trim() == heading);
            Assert.True(h >= 0, "heading not found: " + heading);
            int start = Array.FindIndex(Doc, h + 1, l => l.StartsWith('|'));
            string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim().Replace("`", "")).ToArray();
            string[] columns = Cells(Doc[start]);
            var rows = new List<Dictionary<string, string>>();
            for (int i = start + 2; i < Doc.Length && Doc[i].StartsWith('|'); i++)
            {
                string[] cells = Cells(Doc[i]);
                Assert.Equal(columns.Length, cells.Length);
                rows.Add(columns.Zip(cells).ToDictionary(p => p.First, p => p.Second));
            }
            Assert.NotEmpty(rows);
            return rows;
        }

        private static uint ReadLe(byte[] b, int at, int size)
        {
            uint v = 0;
            for (int k = 0; k < size; k++) v |= (uint)b[at + k] << (8 * k);
            return v;
        }

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

        [Fact]
        public void Header_table_matches_the_constants_and_a_written_blob()
        {
            var rows = Table("## Header");
            var offsets = new Dictionary<string, int>
            {
                ["magic"] = BlobFormat.OffsetMagic, ["major_version"] = BlobFormat.OffsetMajorVersion,
                ["minor_version"] = BlobFormat.OffsetMinorVersion, ["header_size"] = BlobFormat.OffsetHeaderSize,
                ["total_length"] = BlobFormat.OffsetTotalLength, ["section_count"] = BlobFormat.OffsetSectionCount,
                ["crc32"] = BlobFormat.OffsetCrc32,
            };
            Assert.Equal(offsets.Keys.OrderBy(k => k), rows.Select(r => r["Field"]).OrderBy(k => k));
            int next = 0;
            var doc = new Dictionary<string, uint>();
            foreach (var r in rows)
            {
                int at = int.Parse(r["Offset"]), size = int.Parse(r["Size"]);
                Assert.Equal(next, at); // contiguous, in order
                Assert.Equal(offsets[r["Field"]], at);
                next = at + size;
                doc[r["Field"]] = ReadLe(Blob, at, size);
            }
            Assert.Equal(BlobFormat.HeaderSize, next);
            Assert.Contains("24 bytes", string.Join("\n", Doc));

            Assert.Equal("EASR", Encoding.ASCII.GetString(Blob, int.Parse(rows.Single(r => r["Field"] == "magic")["Offset"]), 4));
            Assert.Equal(BlobFormat.Magic, doc["magic"]);
            Assert.Equal(1u, doc["major_version"]);
            Assert.Equal(0u, doc["minor_version"]);
            Assert.Equal(24u, doc["header_size"]);
            Assert.Equal((uint)Blob.Length, doc["total_length"]);
            Assert.Equal(6u, doc["section_count"]);
            // CRC coverage as documented: [0, 20) then [24, total_length).
            int crcAt = offsets["crc32"];
            byte[] covered = Blob[..crcAt].Concat(Blob[(crcAt + 4)..]).ToArray();
            var crc = new Crc32();
            crc.Update(covered, 0, covered.Length);
            Assert.Equal(crc.Value, doc["crc32"]);
            Assert.Contains("bytes `[0, 20)` followed by bytes `[24, total_length)`", string.Join("\n", Doc));
        }

        [Fact]
        public void Directory_and_section_type_tables_match_a_written_blob()
        {
            var entry = Table("## Section directory");
            Assert.Equal(new[] { "type", "offset", "length" }, entry.Select(r => r["Field"]));
            Assert.Equal(new[] { BlobFormat.EntryOffsetType, BlobFormat.EntryOffsetOffset, BlobFormat.EntryOffsetLength },
                entry.Select(r => int.Parse(r["Offset"])));
            Assert.Equal(BlobFormat.DirectoryEntrySize, entry.Sum(r => int.Parse(r["Size"])));

            var types = Table("### Section types");
            Assert.Equal(BlobFormat.SectionTypeCount, types.Count);
            foreach (var r in types) Assert.Equal(r["Name"], BlobFormat.SectionName(int.Parse(r["Type"])));

            // Walk the written directory with the documented layout: canonical packing, all six types.
            int count = (int)ReadLe(Blob, BlobFormat.OffsetSectionCount, 4);
            long expected = BlobFormat.Align(BlobFormat.HeaderSize + BlobFormat.DirectoryEntrySize * count);
            var seen = new List<int>();
            for (int i = 0; i < count; i++)
            {
                int e = BlobFormat.HeaderSize + BlobFormat.DirectoryEntrySize * i;
                int Get(string f) => (int)ReadLe(Blob, e + int.Parse(entry.Single(r => r["Field"] == f)["Offset"]), 4);
                Assert.Equal(expected, Get("offset"));
                expected = BlobFormat.Align(Get("offset") + Get("length"));
                seen.Add(Get("type"));
                if (i == count - 1) Assert.Equal(Blob.Length, Get("offset") + Get("length"));
            }
            Assert.Equal(types.Select(r => int.Parse(r["Type"])), seen);
        }

        [Theory]
        [InlineData("### Config fields (section 1)", typeof(ConfigFields), BlobFormat.SectionConfig)]
        [InlineData("### Frontend fields (section 3)", typeof(FrontendParams), BlobFormat.SectionFrontend)]
        [InlineData("### Detector fields (section 4)", typeof(DetectorDefaults), BlobFormat.SectionDetector)]
        public void Field_tables_match_the_field_indices_and_a_written_blob(string heading, Type type, int section)
        {
            var rows = Table(heading);
            object value = section switch
            {
                BlobFormat.SectionConfig => Model.Config,
                BlobFormat.SectionFrontend => Model.Frontend,
                _ => Model.Detector,
            };
            int start = BlobSamples.SectionOffset(Blob, section);
            Assert.Equal((uint)rows.Count, ReadLe(Blob, start, 4)); // field_count
            Assert.Equal(rows.Count, (int)type.GetField("FieldCount")!.GetValue(null)!);
            for (int i = 0; i < rows.Count; i++)
            {
                string name = rows[i]["Field"];
                Assert.Equal(i, int.Parse(rows[i]["Index"]));
                Assert.Equal(i, (int)type.GetField("Field" + Pascal(name))!.GetValue(null)!);
                int stored = (int)ReadLe(Blob, start + 4 + 4 * i, 4);
                // The config's values are Edge.Asr.Model.ModelConfig properties; the attention flags are a mask.
                object expected = section == BlobFormat.SectionConfig && name == "attention_mask"
                    ? Enumerable.Range(0, Model.Config.Blocks).Sum(b => Model.Config.HasAttention(b) ? 1 << b : 0)
                    : value.GetType().GetProperty(Pascal(name))!.GetValue(value)!;
                Assert.Equal(expected, stored);
            }
            if (section == BlobFormat.SectionDetector)
            {
                int at = start + 4 + 4 * rows.Count;
                Assert.Equal(12u, ReadLe(Blob, at, 4));
                Assert.Equal(Model.Detector.ClassThresholdsQ15(), Enumerable.Range(0, 12).Select(c => (int)ReadLe(Blob, at + 4 + 4 * c, 4)));
            }
        }

        [Fact]
        public void Frontend_table_lists_the_supported_values()
        {
            var rows = Table("### Frontend fields (section 3)").ToDictionary(r => r["Field"], r => r["Supported"]);
            Assert.Equal(SupportedFrontend.SampleRate.ToString(), rows["sample_rate"]);
            Assert.Equal(SupportedFrontend.WindowLength.ToString(), rows["window_length"]);
            Assert.Equal(SupportedFrontend.HopLength.ToString(), rows["hop_length"]);
            Assert.Equal(SupportedFrontend.FftLength.ToString(), rows["fft_length"]);
            Assert.Equal(SupportedFrontend.MelChannels.ToString(), rows["mel_channels"]);
            Assert.Equal(SupportedFrontend.LogFormat + ", " + FrontendParams.LogFormatInt16Log2Q8MinusRunningMean, rows["log_format"]);
        }

        [Fact]
        public void Tensor_entry_table_walks_every_written_entry()
        {
            var rows = Table("## Tensor table (section 5)");
            int at = BlobSamples.SectionOffset(Blob, BlobFormat.SectionTensorTable);
            int end = at + BlobSamples.SectionLength(Blob, BlobFormat.SectionTensorTable);
            Assert.Equal((uint)Model.TensorCount, ReadLe(Blob, at, 4));
            at += 4;
            for (int i = 0; i < Model.TensorCount; i++)
            {
                BlobTensor t = Model.Tensor(i);
                var values = new Dictionary<string, object>();
                foreach (var r in rows)
                {
                    string field = r["Field"], size = r["Size"];
                    int n = size switch
                    {
                        "name_length" => (int)(uint)values["name_length"],
                        "4 × rank" => 4 * (int)(uint)values["rank"],
                        _ => int.Parse(size),
                    };
                    values[field] = field == "name" ? Encoding.UTF8.GetString(Blob, at, n)
                        : field == "dims" ? Enumerable.Range(0, n / 4).Select(k => (int)ReadLe(Blob, at + 4 * k, 4)).ToArray()
                        : ReadLe(Blob, at, n);
                    at += n;
                }
                Assert.Equal(t.Name, values["name"]);
                Assert.Equal((uint)t.DataType, values["dtype"]);
                Assert.Equal((uint)t.Rank, values["rank"]);
                Assert.Equal(t.ChannelAxis < 0 ? 255u : (uint)t.ChannelAxis, values["channel_axis"]);
                Assert.Equal(0u, values["reserved"]);
                Assert.Equal(t.Shape(), (int[])values["dims"]);
                Assert.Equal(t.ZeroPoint, (int)(uint)values["zero_point"]);
                Assert.Equal(t.ScaleMultiplier, (int)(uint)values["scale_multiplier"]);
                Assert.Equal(t.ScaleShift, (int)(uint)values["scale_shift"]);
                Assert.Equal(t.MultiplierTensor, (int)(uint)values["multiplier_tensor"]);
                Assert.Equal(t.ShiftTensor, (int)(uint)values["shift_tensor"]);
                Assert.Equal(t.DataOffset, (int)(uint)values["data_offset"]);
                Assert.Equal(t.ByteLength, (int)(uint)values["byte_length"]);
            }
            Assert.Equal(end, at);
        }

        [Fact]
        public void Data_type_and_limit_tables_match_the_constants()
        {
            foreach (var r in Table("### Data types"))
            {
                int code = int.Parse(r["Code"]);
                Assert.Equal(r["Name"], BlobFormat.DTypeName(code));
                Assert.Equal(int.Parse(r["Element bytes"]), BlobFormat.ElementSize(code));
            }
            var limits = Table("## Limits").ToDictionary(r => r["Limit"], r => int.Parse(r["Value"]));
            Assert.Equal(BlobFormat.MaxTotalLength, limits["total_length"]);
            Assert.Equal(BlobFormat.MaxHeaderSize, limits["header_size"]);
            Assert.Equal(BlobFormat.MaxSections, limits["section_count"]);
            Assert.Equal(BlobFormat.MaxFields, limits["field_count"]);
            Assert.Equal(BlobFormat.MaxLabels, limits["label_count"]);
            Assert.Equal(BlobFormat.MaxLabelBytes, limits["label bytes"]);
            Assert.Equal(BlobFormat.MaxTensors, limits["tensor_count"]);
            Assert.Equal(BlobFormat.MaxNameBytes, limits["name bytes"]);
            Assert.Equal(BlobFormat.MaxRank, limits["rank"]);
        }

        [Fact]
        public void Every_message_hostile_blobs_produce_is_documented()
        {
            // Templates of the error table: "<...>" stands for any value.
            var templates = Table("## Reader errors")
                .SelectMany(r => r["Message after model blob: "].Split(" / "))
                .Select(m => new Regex("^model blob: " + string.Join(".*?", Regex.Split(m, "<[^>]*>").Select(Regex.Escape)) + "$"))
                .ToList();
            var messages = new SortedSet<string>(StringComparer.Ordinal);
            void Collect(byte[] b)
            {
                try { ModelBlob.Load(b); }
                catch (BlobFormatException e) { messages.Add(e.Message); }
            }

            var rng = new Random(11);
            List<BlobSamples.Field> fields = BlobSamples.Fields(Blob);
            uint[] specials = { 0, 1, 2, 3, 255, 256, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)Blob.Length };
            for (int trial = 0; trial < 6000; trial++)
            {
                byte[] b = (byte[])Blob.Clone();
                BlobSamples.Field f = fields[rng.Next(fields.Count)];
                uint v = rng.Next(3) switch
                {
                    0 => specials[rng.Next(specials.Length)],
                    1 => ReadLe(b, f.At, f.Size) + (uint)rng.Next(-8, 9),
                    _ => (uint)rng.Next(),
                };
                for (int k = 0; k < f.Size; k++) b[f.At + k] = (byte)(v >> (8 * k));
                if (rng.Next(4) != 0) BlobWriter.Seal(b);
                Collect(b);
            }
            for (int length = 0; length < Blob.Length; length += 7) Collect(Blob[..length]);
            foreach (string m in messages)
                Assert.True(templates.Any(t => t.IsMatch(m)), "undocumented message: " + m);
            Assert.True(messages.Count > 100, "only " + messages.Count + " distinct messages");
            int used = templates.Count(t => messages.Any(t.IsMatch));
            _out.WriteLine(messages.Count + " distinct messages, all documented; they use " + used + " of the "
                + templates.Count + " documented templates");
        }
    }
}
