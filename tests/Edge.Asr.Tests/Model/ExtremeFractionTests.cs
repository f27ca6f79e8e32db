using System;
using System.Collections.Generic;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Xunit;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// Fraction fields near ±2^31 (issue 16, item 3): the range checks of the residual add
    /// (fine − coarse), the FFN's fDown + 1 and attention's 15 + fracV − fracContext must not
    /// wrap, so a blob with such a field behind a valid CRC is a format error, never a model.
    /// </summary>
    public sealed class ExtremeFractionTests
    {
        private static readonly int[] Edges = { int.MinValue, int.MinValue + 1, int.MinValue + 15, -(1 << 30), 1 << 30, int.MaxValue - 15, int.MaxValue - 1, int.MaxValue };

        /// <summary>Every scalar fraction field of the blob (".frac", ".weight_frac").</summary>
        private static List<string> FractionFields(ModelBlob blob)
        {
            var names = new List<string>();
            for (int i = 0; i < blob.TensorCount; i++)
            {
                BlobTensor t = blob.Tensor(i);
                if (t.ElementCount == 1 && t.DataType == BlobFormat.DTypeInt32 && (t.Name.EndsWith(".frac", StringComparison.Ordinal)
                    || t.Name.EndsWith(".weight_frac", StringComparison.Ordinal)))
                    names.Add(t.Name);
            }
            return names;
        }

        private static byte[] WithScalar(byte[] original, BlobTensor t, int value)
        {
            byte[] b = (byte[])original.Clone();
            BitConverter.TryWriteBytes(b.AsSpan(t.DataOffset, 4), value);
            BlobWriter.Seal(b);
            return b;
        }

        [Fact]
        public void Every_fraction_field_at_every_extreme_value_is_a_format_error()
        {
            byte[] original = BakedTestBlob.Bytes();
            ModelBlob blob = ModelBlob.Load(original);
            BlobModelLoader.BuildModel(blob); // the unmutated blob builds
            var rng = new Random(16); // seeded: the same values every run
            var accepted = new List<string>();
            List<string> fields = FractionFields(blob);
            Assert.True(fields.Count > 40, "fraction fields found: " + fields.Count);
            foreach (string name in fields)
            {
                var values = new List<int>(Edges);
                for (int k = 0; k < 8; k++)
                {
                    int magnitude = rng.Next(1 << 16, int.MaxValue);
                    values.Add(rng.Next(2) == 0 ? magnitude : -magnitude);
                }
                foreach (int v in values)
                {
                    ModelBlob mutated = ModelBlob.Load(WithScalar(original, blob.Tensor(name), v)); // the CRC is valid
                    try
                    {
                        BlobModelLoader.BuildModel(mutated);
                        accepted.Add(name + " = " + v);
                    }
                    catch (BlobFormatException e)
                    {
                        Assert.StartsWith(BlobFormatException.Prefix, e.Message);
                    }
                }
            }
            Assert.True(accepted.Count == 0, "models built from extreme fractions: " + string.Join(", ", accepted));
        }
    }
}
