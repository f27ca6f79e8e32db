using System;
using System.Collections.Generic;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>
    /// Hostile blobs: whatever the damage, Load either throws BlobFormatException or returns a
    /// model equal to the original; never another exception type, never a different model.
    /// Case counts: 4000 + 4000 + 2500 property cases, a deterministic sweep of every field, every truncation length.
    /// </summary>
    public class BlobHostileTests
    {
        private static readonly byte[] Original = BlobSamples.Blob();
        private static readonly ModelBlob OriginalModel = ModelBlob.Load(Original);
        private static readonly List<BlobSamples.Field> Fields = BlobSamples.Fields(Original);
        private static readonly int[] ChunkSizes = { 0, 1, 7, 64, 4096 }; // 0: Load(byte[])

        private readonly ITestOutputHelper _out;

        public BlobHostileTests(ITestOutputHelper output)
        {
            _out = output;
        }

        private sealed class Tally
        {
            public int Accepted;
            public int CrcRejected;
            public int StructureRejected;
            public override string ToString() =>
                $"accepted {Accepted}, rejected by CRC {CrcRejected}, rejected by structure checks {StructureRejected}";
        }

        /// <summary>Loads and classifies; any exception but BlobFormatException escapes and fails the property.</summary>
        private static ModelBlob? TryLoad(byte[] blob, int chunk, Tally tally)
        {
            try
            {
                ModelBlob m = chunk == 0 ? ModelBlob.Load(blob) : ModelBlob.Load(new ChunkedSource(blob, chunk), chunk);
                tally.Accepted++;
                return m;
            }
            catch (BlobFormatException e)
            {
                if (!e.Message.StartsWith("model blob: ", StringComparison.Ordinal))
                    throw new InvalidOperationException("message without prefix: " + e.Message);
                if (e.Message.Contains("CRC mismatch")) tally.CrcRejected++;
                else tally.StructureRejected++;
                return null;
            }
        }

        private static Config Runs(int n) => Config.QuickThrowOnFailure.WithMaxTest(n).WithQuietOnSuccess(true);

        [Fact]
        public void Random_byte_flips_are_refused_or_cancel_out()
        {
            var tally = new Tally();
            Gen<(int At, int Xor)> flip =
                from at in Gen.Choose(0, Original.Length - 1)
                from xor in Gen.Choose(1, 255)
                select (at, xor);
            Gen<((int At, int Xor)[] Flips, int Chunk)> cases =
                from n in Gen.Choose(1, 8)
                from flips in Gen.ArrayOf(flip, n)
                from chunk in Gen.Elements(ChunkSizes)
                select (flips, chunk);

            Check.One(Runs(4000), Prop.ForAll(cases.ToArbitrary(), c =>
            {
                byte[] b = (byte[])Original.Clone();
                foreach (var f in c.Flips) b[f.At] ^= (byte)f.Xor;
                ModelBlob? m = TryLoad(b, c.Chunk, tally);
                // Only flips that cancel each other may load, and then the bytes are the original ones.
                return m == null || (b.AsSpan().SequenceEqual(Original) && BlobAssert.SameContent(OriginalModel, m));
            }));
            _out.WriteLine("byte flips (4000 cases): " + tally);
            Assert.True(tally.CrcRejected > 3000);
        }

        [Fact]
        public void Mutated_fields_are_refused_or_harmless_even_with_a_recomputed_crc()
        {
            var tally = new Tally();
            var accepted = new SortedDictionary<string, int>(StringComparer.Ordinal);
            Gen<uint> value = Gen.OneOf(
                Gen.Elements(0u, 1u, 2u, 3u, 4u, 0xFFu, 0xFFFFu, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 0xFFFFFFFCu,
                    (uint)Original.Length, (uint)Original.Length + 4, BlobFormat.MaxTotalLength + 1u),
                Gen.Choose(int.MinValue, int.MaxValue).Select(v => unchecked((uint)v)),
                Gen.Choose(0, 64).Select(v => (uint)v));
            Gen<(int Field, int Kind, uint Value, bool Reseal, int Chunk)> cases =
                from field in Gen.Choose(0, Fields.Count - 1)
                from kind in Gen.Choose(0, 3) // 0: set, 1: add, 2: subtract, 3: flip one bit
                from v in value
                from reseal in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                from chunk in Gen.Elements(ChunkSizes)
                select (field, kind, v, reseal, chunk);

            Check.One(Runs(4000), Prop.ForAll(cases.ToArbitrary(), c =>
            {
                BlobSamples.Field f = Fields[c.Field];
                byte[] b = (byte[])Original.Clone();
                uint old = 0;
                for (int k = 0; k < f.Size; k++) old |= (uint)b[f.At + k] << (8 * k);
                uint v = c.Kind switch
                {
                    0 => c.Value,
                    1 => old + Math.Max(1u, c.Value % 64),
                    2 => old - Math.Max(1u, c.Value % 64),
                    _ => old ^ (1u << (int)(c.Value % (uint)(8 * f.Size))),
                };
                for (int k = 0; k < f.Size; k++) b[f.At + k] = (byte)(v >> (8 * k));
                if (c.Reseal && f.Name != "crc32") BlobWriter.Seal(b);
                ModelBlob? m = TryLoad(b, c.Chunk, tally);
                bool unchanged = b.AsSpan().SequenceEqual(Original);
                // A structural field has one valid value; value fields may form another valid model.
                if (m != null && !unchanged) accepted[f.Name] = accepted.GetValueOrDefault(f.Name) + 1;
                return m == null || unchanged || !f.Structural || BlobAssert.SameContent(OriginalModel, m);
            }));
            _out.WriteLine("field mutations (4000 cases over " + Fields.Count + " fields): " + tally);
            _out.WriteLine("accepted changed fields: " + string.Join(", ", accepted.Select(kv => kv.Key + " " + kv.Value)));
            Assert.True(tally.StructureRejected > 2000);
        }

        [Fact]
        public void Every_field_with_every_edge_value_is_refused_or_harmless()
        {
            // Deterministic sweep next to the random one: each field gets every edge value and every single-bit flip.
            var tally = new Tally();
            foreach (BlobSamples.Field f in Fields)
            {
                uint old = 0;
                for (int k = 0; k < f.Size; k++) old |= (uint)Original[f.At + k] << (8 * k);
                var values = new List<uint> { 0, 1, 3, 4, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
                    (uint)Original.Length, old + 1, old - 1, old + 4, old - 4 };
                for (int bit = 0; bit < 8 * f.Size; bit++) values.Add(old ^ (1u << bit));
                foreach (uint v in values)
                    foreach (bool reseal in new[] { true, false })
                    {
                        byte[] b = (byte[])Original.Clone();
                        for (int k = 0; k < f.Size; k++) b[f.At + k] = (byte)(v >> (8 * k));
                        if (reseal && f.Name != "crc32") BlobWriter.Seal(b);
                        ModelBlob? m = TryLoad(b, 0, tally);
                        if (m != null && f.Structural && !b.AsSpan().SequenceEqual(Original))
                            Assert.True(BlobAssert.SameContent(OriginalModel, m), "field " + f.Name + " at " + f.At + " = " + v);
                    }
            }
            _out.WriteLine("edge-value sweep over " + Fields.Count + " fields: " + tally);
        }

        [Fact]
        public void Random_bytes_behind_a_valid_crc_never_escape_as_other_errors()
        {
            var tally = new Tally();
            Gen<((int At, int Value)[] Writes, int Chunk)> cases =
                from n in Gen.Choose(1, 8)
                from writes in Gen.ArrayOf(
                    from at in Gen.Choose(0, Original.Length - 1)
                    from value in Gen.Choose(0, 255)
                    select (at, value), n)
                from chunk in Gen.Elements(ChunkSizes)
                select (writes, chunk);

            Check.One(Runs(2500), Prop.ForAll(cases.ToArbitrary(), c =>
            {
                byte[] b = (byte[])Original.Clone();
                foreach (var w in c.Writes) b[w.At] = (byte)w.Value;
                BlobWriter.Seal(b);
                ModelBlob? m = TryLoad(b, c.Chunk, tally);
                if (m != null)
                    for (int i = 0; i < m.TensorCount; i++) BlobAssert.RawData(m, m.Tensor(i)); // data reads stay in bounds
                return true;
            }));
            _out.WriteLine("random bytes with valid CRC (2500 cases): " + tally);
            Assert.True(tally.StructureRejected > 500);
        }

        [Fact]
        public void Every_truncation_is_refused()
        {
            var tally = new Tally();
            for (int length = 0; length < Original.Length; length++)
            {
                byte[] b = Original[..length];
                Assert.Null(TryLoad(b, 0, tally));
                Assert.Null(TryLoad(b, 7, tally));
                // Truncation with the header's length and CRC patched to match: structure checks must still refuse it.
                if (length >= BlobFormat.HeaderSize)
                {
                    BlobSamples.PutU32(b, BlobFormat.OffsetTotalLength, (uint)length);
                    BlobWriter.Seal(b);
                    Assert.Null(TryLoad(b, 0, tally));
                }
            }
            _out.WriteLine("truncations (" + Original.Length + " lengths): " + tally);
            Assert.Equal(0, tally.Accepted);
        }
    }
}
