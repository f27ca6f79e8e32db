using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Edge.Asr.Codegen.Export
{
    /// <summary>One tensor of a safetensors file: dtype, shape and where its bytes are.</summary>
    public sealed class SafeTensorEntry
    {
        public SafeTensorEntry(string name, string dtype, int[] shape, long begin, long end)
        {
            Name = name;
            DType = dtype;
            Shape = shape;
            Begin = begin;
            End = end;
        }

        public string Name { get; }
        /// <summary>"F32", "F64", "I16", "I32", "I64".</summary>
        public string DType { get; }
        public int[] Shape { get; }
        /// <summary>Byte offsets relative to the start of the data section.</summary>
        public long Begin { get; }
        public long End { get; }

        public long Count
        {
            get
            {
                long n = 1;
                foreach (int s in Shape) n *= s;
                return n;
            }
        }
    }

    /// <summary>
    /// Reads a safetensors file (the training export): an 8-byte little-endian header length N,
    /// N bytes of UTF-8 JSON {name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__"},
    /// then the little-endian C-order data. Every entry is checked: known dtype, non-negative shape,
    /// byte count = element count × dtype size, offsets inside the data and not overlapping.
    /// </summary>
    public sealed class SafeTensors
    {
        private readonly byte[] _data;
        private readonly Dictionary<string, SafeTensorEntry> _entries;

        private SafeTensors(string source, byte[] data, Dictionary<string, SafeTensorEntry> entries, Dictionary<string, string> metadata)
        {
            Source = source;
            _data = data;
            _entries = entries;
            Metadata = metadata;
        }

        public string Source { get; }
        public IReadOnlyDictionary<string, string> Metadata { get; }
        public IEnumerable<SafeTensorEntry> Entries => _entries.Values;
        public bool Contains(string name) => _entries.ContainsKey(name);

        public static int DTypeSize(string dtype) => dtype switch
        {
            "F32" => 4,
            "F64" => 8,
            "I16" => 2,
            "I32" => 4,
            "I64" => 8,
            _ => 0,
        };

        public static SafeTensors Read(string path) => Parse(File.ReadAllBytes(path), path);

        public static SafeTensors Parse(byte[] file, string source)
        {
            if (file.Length < 8) throw new InvalidDataException(source + ": too short for a safetensors file");
            ulong n = BinaryPrimitives.ReadUInt64LittleEndian(file);
            if (n < 2 || n > (ulong)(file.Length - 8)) throw new InvalidDataException(source + ": header length " + n + " does not fit the file of " + file.Length + " bytes");
            var data = new byte[file.Length - 8 - (long)n];
            Array.Copy(file, 8 + (long)n, data, 0, data.Length);
            var entries = new Dictionary<string, SafeTensorEntry>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(Encoding.UTF8.GetString(file, 8, (int)n));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(source + ": header is not valid JSON (" + e.Message + ")");
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidDataException(source + ": header is not a JSON object");
                foreach (JsonProperty p in doc.RootElement.EnumerateObject())
                {
                    if (p.Name == "__metadata__")
                    {
                        foreach (JsonProperty m in p.Value.EnumerateObject()) metadata[m.Name] = m.Value.ToString();
                        continue;
                    }
                    entries.Add(p.Name, Entry(source, p.Name, p.Value, data.Length));
                }
            }
            CheckNoOverlap(source, entries);
            return new SafeTensors(source, data, entries, metadata);
        }

        private static SafeTensorEntry Entry(string source, string name, JsonElement e, long dataLength)
        {
            string where = source + ": tensor '" + name + "'";
            if (e.ValueKind != JsonValueKind.Object
                || !e.TryGetProperty("dtype", out JsonElement dtype) || dtype.ValueKind != JsonValueKind.String
                || !e.TryGetProperty("shape", out JsonElement shape) || shape.ValueKind != JsonValueKind.Array
                || !e.TryGetProperty("data_offsets", out JsonElement offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
                throw new InvalidDataException(where + ": needs dtype, shape and data_offsets [begin, end]");
            string type = dtype.GetString()!;
            if (DTypeSize(type) == 0) throw new InvalidDataException(where + ": unsupported dtype " + type);
            var dims = new List<int>();
            foreach (JsonElement d in shape.EnumerateArray())
            {
                if (!d.TryGetInt32(out int v) || v < 0) throw new InvalidDataException(where + ": bad shape " + shape);
                dims.Add(v);
            }
            if (!offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < begin || end > dataLength)
                throw new InvalidDataException(where + ": data_offsets " + offsets + " outside the " + dataLength + " data bytes");
            var entry = new SafeTensorEntry(name, type, dims.ToArray(), begin, end);
            if (entry.Count * DTypeSize(type) != end - begin)
                throw new InvalidDataException(where + ": shape [" + string.Join(",", entry.Shape) + "] " + type + " needs " + entry.Count * DTypeSize(type) + " bytes, data_offsets give " + (end - begin));
            return entry;
        }

        private static void CheckNoOverlap(string source, Dictionary<string, SafeTensorEntry> entries)
        {
            var sorted = new List<SafeTensorEntry>(entries.Values);
            sorted.Sort((a, b) => a.Begin.CompareTo(b.Begin));
            for (int i = 1; i < sorted.Count; i++)
                if (sorted[i].Begin < sorted[i - 1].End)
                    throw new InvalidDataException(source + ": tensors '" + sorted[i - 1].Name + "' and '" + sorted[i].Name + "' overlap");
        }

        public SafeTensorEntry Entry(string name)
        {
            if (!_entries.TryGetValue(name, out SafeTensorEntry? e)) throw new InvalidDataException(Source + ": tensor '" + name + "' is missing");
            return e;
        }

        /// <summary>A float tensor's values as doubles (exact for F32 and F64).</summary>
        public double[] Doubles(string name)
        {
            SafeTensorEntry e = Entry(name);
            var values = new double[e.Count];
            ReadOnlySpan<byte> bytes = _data.AsSpan((int)e.Begin, (int)(e.End - e.Begin));
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = e.DType switch
                {
                    "F32" => BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i)),
                    "F64" => BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(8 * i)),
                    _ => throw new InvalidDataException(Source + ": tensor '" + name + "' is " + e.DType + ", not a float tensor"),
                };
            }
            return values;
        }
    }
}
