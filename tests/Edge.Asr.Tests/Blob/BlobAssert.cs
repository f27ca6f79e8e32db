using System;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Xunit;

namespace Edge.Asr.Tests.Blob
{
    /// <summary>Equality of loaded blobs, field by field and byte by byte of tensor data.</summary>
    internal static class BlobAssert
    {
        /// <summary>Whether two loaded models have the same content (versions aside).</summary>
        public static bool SameContent(ModelBlob a, ModelBlob b)
        {
            if (!Same(ConfigFields.ToFields(a.Config), ConfigFields.ToFields(b.Config))) return false;
            if (!Same(a.Frontend.ToFields(), b.Frontend.ToFields())) return false;
            if (a.Detector.SmoothingFrames != b.Detector.SmoothingFrames || a.Detector.ThresholdQ15 != b.Detector.ThresholdQ15
                || a.Detector.RefractoryMs != b.Detector.RefractoryMs
                || !Same(a.Detector.ClassThresholdsQ15(), b.Detector.ClassThresholdsQ15())) return false;
            if (!a.Labels().AsSpan().SequenceEqual(b.Labels())) return false;
            if (a.TensorCount != b.TensorCount) return false;
            for (int i = 0; i < a.TensorCount; i++)
            {
                BlobTensor x = a.Tensor(i), y = b.Tensor(i);
                if (x.Name != y.Name || x.DataType != y.DataType || !Same(x.Shape(), y.Shape()) || x.ZeroPoint != y.ZeroPoint
                    || x.ScaleMultiplier != y.ScaleMultiplier || x.ScaleShift != y.ScaleShift || x.ChannelAxis != y.ChannelAxis
                    || x.MultiplierTensor != y.MultiplierTensor || x.ShiftTensor != y.ShiftTensor
                    || x.ByteLength != y.ByteLength) return false;
                if (!Same(RawData(a, x), RawData(b, y))) return false;
            }
            return true;
        }

        /// <summary>A tensor's data as int32 values whatever its dtype.</summary>
        public static int[] RawData(ModelBlob m, BlobTensor t) => t.DataType switch
        {
            BlobFormat.DTypeInt8 => Array.ConvertAll(m.ReadInt8(t), v => (int)v),
            BlobFormat.DTypeUInt8 => Array.ConvertAll(m.ReadUInt8(t), v => (int)v),
            BlobFormat.DTypeInt16 => Array.ConvertAll(m.ReadInt16(t), v => (int)v),
            BlobFormat.DTypeInt32 => m.ReadInt32(t),
            _ => throw new InvalidOperationException("dtype " + t.DataType),
        };

        /// <summary>The spec's data as int32 values (little-endian decode of its bytes).</summary>
        public static int[] SpecData(BlobTensorSpec s)
        {
            int size = BlobFormat.ElementSize(s.DataType);
            var v = new int[s.Data.Length / size];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = s.DataType switch
                {
                    BlobFormat.DTypeInt8 => (sbyte)s.Data[i],
                    BlobFormat.DTypeUInt8 => s.Data[i],
                    BlobFormat.DTypeInt16 => (short)(s.Data[2 * i] | s.Data[2 * i + 1] << 8),
                    _ => (int)BlobSamples.U32(s.Data, 4 * i),
                };
            }
            return v;
        }

        public static void Equal(ModelBlob expected, ModelBlob actual)
        {
            Assert.True(SameContent(expected, actual), "loaded models differ");
        }

        private static bool Same(int[] a, int[] b) => a.AsSpan().SequenceEqual(b);

        /// <summary>Load must fail with a BlobFormatException whose message contains every fragment.</summary>
        public static string Fails(byte[] blob, params string[] fragments)
        {
            var e = Assert.Throws<BlobFormatException>(() => ModelBlob.Load(blob));
            Assert.StartsWith("model blob: ", e.Message);
            foreach (string f in fragments) Assert.Contains(f, e.Message);
            return e.Message;
        }
    }
}
