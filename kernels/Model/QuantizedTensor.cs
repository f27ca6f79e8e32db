using System;

namespace Edge.Asr.Model
{
    /// <summary>
    /// One named integer tensor of a quantised model: exactly one of Int8, Int16, Int32 holds the data (the others are empty).
    /// Scalars (fraction bits, score requantisers) are Int32 tensors of length 1.
    /// </summary>
    public sealed class QuantizedTensor
    {
        private readonly string name;
        private readonly sbyte[] int8;
        private readonly short[] int16;
        private readonly int[] int32;

        private readonly int elementBytes;

        private QuantizedTensor(string name, int elementBytes, sbyte[] int8, short[] int16, int[] int32)
        {
            if (name == null || name.Length == 0) throw new ArgumentException("QuantizedTensor: a name is required");
            this.name = name;
            this.elementBytes = elementBytes;
            this.int8 = int8;
            this.int16 = int16;
            this.int32 = int32;
        }

        public static QuantizedTensor OfInt8(string name, sbyte[] data)
        {
            if (data == null) throw new ArgumentException("QuantizedTensor " + name + ": data is null");
            return new QuantizedTensor(name, 1, data, new short[0], new int[0]);
        }

        public static QuantizedTensor OfInt16(string name, short[] data)
        {
            if (data == null) throw new ArgumentException("QuantizedTensor " + name + ": data is null");
            return new QuantizedTensor(name, 2, new sbyte[0], data, new int[0]);
        }

        public static QuantizedTensor OfInt32(string name, int[] data)
        {
            if (data == null) throw new ArgumentException("QuantizedTensor " + name + ": data is null");
            return new QuantizedTensor(name, 4, new sbyte[0], new short[0], data);
        }

        public string Name { get { return name; } }
        /// <summary>Element size in bytes: 1, 2 or 4.</summary>
        public int ElementBytes { get { return elementBytes; } }
        public int Length { get { return elementBytes == 1 ? int8.Length : elementBytes == 2 ? int16.Length : int32.Length; } }
        public sbyte[] Int8 { get { return int8; } }
        public short[] Int16 { get { return int16; } }
        public int[] Int32 { get { return int32; } }
    }
}
