namespace Edge.Asr.Blob
{
    /// <summary>
    /// One tensor entry of a blob: its name, type, shape, quantisation and where its data lies.
    /// Quantisation: real = (q − ZeroPoint) · ScaleMultiplier · 2^−ScaleShift, or, when
    /// ChannelAxis ≥ 0, with the multiplier and shift of each channel along that axis taken from
    /// the int32 tensors MultiplierTensor and ShiftTensor (indices into the blob's tensor table).
    /// The data is read with ModelBlob.ReadInt8/ReadUInt8/ReadInt16/ReadInt32, or used in place
    /// at DataOffset when the whole blob is in memory.
    /// </summary>
    public sealed class BlobTensor
    {
        private readonly int[] _shape;

        internal BlobTensor(int index, string name, int dataType, int[] shape, int elementCount, int zeroPoint,
            int scaleMultiplier, int scaleShift, int channelAxis, int multiplierTensor, int shiftTensor,
            int dataOffset, int byteLength)
        {
            Index = index;
            Name = name;
            DataType = dataType;
            _shape = shape;
            ElementCount = elementCount;
            ZeroPoint = zeroPoint;
            ScaleMultiplier = scaleMultiplier;
            ScaleShift = scaleShift;
            ChannelAxis = channelAxis;
            MultiplierTensor = multiplierTensor;
            ShiftTensor = shiftTensor;
            DataOffset = dataOffset;
            ByteLength = byteLength;
        }

        /// <summary>Position in the blob's tensor table (tables are sorted by name).</summary>
        public int Index { get; private set; }
        /// <summary>Unique name.</summary>
        public string Name { get; private set; }
        /// <summary>BlobFormat.DType* code.</summary>
        public int DataType { get; private set; }
        /// <summary>Number of dimensions.</summary>
        public int Rank { get { return _shape.Length; } }
        /// <summary>Product of the dimensions.</summary>
        public int ElementCount { get; private set; }
        /// <summary>Zero point of the per-tensor quantisation.</summary>
        public int ZeroPoint { get; private set; }
        /// <summary>Per-tensor scale multiplier (unused when ChannelAxis ≥ 0).</summary>
        public int ScaleMultiplier { get; private set; }
        /// <summary>Per-tensor scale shift (unused when ChannelAxis ≥ 0).</summary>
        public int ScaleShift { get; private set; }
        /// <summary>Axis of per-channel quantisation, or -1 for per-tensor.</summary>
        public int ChannelAxis { get; private set; }
        /// <summary>Index of the int32 per-channel multiplier tensor, or -1.</summary>
        public int MultiplierTensor { get; private set; }
        /// <summary>Index of the int32 per-channel shift tensor, or -1.</summary>
        public int ShiftTensor { get; private set; }
        /// <summary>Offset of the first data byte from the start of the blob (a multiple of 4).</summary>
        public int DataOffset { get; private set; }
        /// <summary>Data bytes = ElementCount × element size.</summary>
        public int ByteLength { get; private set; }

        /// <summary>Dimension <paramref name="axis"/>.</summary>
        public int Dim(int axis)
        {
            return _shape[axis];
        }

        /// <summary>The dimensions (a copy).</summary>
        public int[] Shape()
        {
            int[] copy = new int[_shape.Length];
            for (int i = 0; i < copy.Length; i++) copy[i] = _shape[i];
            return copy;
        }

        /// <summary>The shape as text, e.g. "[12, 64]".</summary>
        public string ShapeText()
        {
            return ShapeToText(_shape);
        }

        /// <summary>A shape as text, e.g. "[12, 64]".</summary>
        public static string ShapeToText(int[] shape)
        {
            string s = "[";
            for (int i = 0; i < shape.Length; i++)
                s += (i == 0 ? "" : ", ") + shape[i].ToString();
            return s + "]";
        }
    }
}
