using System;
using Edge.Asr.Blob;

namespace Edge.Asr.Codegen.Blob
{
    /// <summary>
    /// A tensor to write into a blob: name, dtype, shape, quantisation and its data as
    /// little-endian bytes. Per-channel quantisation names its multiplier and shift tensors;
    /// the writer turns the names into table indices.
    /// </summary>
    public sealed record BlobTensorSpec
    {
        private BlobTensorSpec(string name, int dataType, int[] shape, byte[] data)
        {
            Name = name;
            DataType = dataType;
            Shape = (int[])shape.Clone();
            Data = data;
        }

        public string Name { get; }
        public int DataType { get; }
        public int[] Shape { get; }
        /// <summary>Little-endian element bytes in row-major order.</summary>
        public byte[] Data { get; }
        public int ZeroPoint { get; init; }
        public int ScaleMultiplier { get; init; }
        public int ScaleShift { get; init; }
        /// <summary>Axis of per-channel quantisation, or -1.</summary>
        public int ChannelAxis { get; init; } = -1;
        /// <summary>Name of the int32 [channels] multiplier tensor when ChannelAxis ≥ 0.</summary>
        public string? MultiplierTensor { get; init; }
        /// <summary>Name of the int32 [channels] shift tensor when ChannelAxis ≥ 0.</summary>
        public string? ShiftTensor { get; init; }

        public static BlobTensorSpec Int8(string name, int[] shape, sbyte[] values)
        {
            byte[] data = new byte[values.Length];
            for (int i = 0; i < values.Length; i++) data[i] = unchecked((byte)values[i]);
            return new BlobTensorSpec(name, BlobFormat.DTypeInt8, shape, data);
        }

        public static BlobTensorSpec UInt8(string name, int[] shape, byte[] values)
        {
            return new BlobTensorSpec(name, BlobFormat.DTypeUInt8, shape, (byte[])values.Clone());
        }

        public static BlobTensorSpec Int16(string name, int[] shape, short[] values)
        {
            byte[] data = new byte[values.Length * 2];
            for (int i = 0; i < values.Length; i++)
            {
                data[2 * i] = (byte)values[i];
                data[2 * i + 1] = (byte)(values[i] >> 8);
            }
            return new BlobTensorSpec(name, BlobFormat.DTypeInt16, shape, data);
        }

        public static BlobTensorSpec Int32(string name, int[] shape, int[] values)
        {
            byte[] data = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++) LittleEndian.PutI32(data, 4 * i, values[i]);
            return new BlobTensorSpec(name, BlobFormat.DTypeInt32, shape, data);
        }

        /// <summary>Element count from the shape (checked against the data by the writer).</summary>
        public long ElementCount()
        {
            long n = 1;
            foreach (int d in Shape) n *= d;
            return n;
        }

        internal void CheckConsistent()
        {
            int size = BlobFormat.ElementSize(DataType);
            if (Shape.Length < 1 || Shape.Length > BlobFormat.MaxRank || Array.Exists(Shape, d => d < 1))
                throw new ArgumentException("tensor '" + Name + "': bad shape " + BlobTensor.ShapeToText(Shape));
            if (ElementCount() * size != Data.Length)
                throw new ArgumentException("tensor '" + Name + "': shape " + BlobTensor.ShapeToText(Shape)
                    + " needs " + (ElementCount() * size) + " bytes, data has " + Data.Length);
        }
    }
}
