using System;
using Edge.Asr.Model;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// A validated model blob (docs/blob-format.md): config, labels, frontend parameters,
    /// detector defaults and the tensor table. Tensor data stays in the source and is read on
    /// demand in bounded chunks; the source must not change after Load (its CRC was checked).
    /// Immutable after Load: each data read has its own cursor and chunk window, so several
    /// threads may build models from one blob at once (eval's workers do) when the source allows
    /// concurrent reads, as a byte array does.
    /// </summary>
    public sealed class ModelBlob
    {
        /// <summary>Chunk size Load(IBlobSource) reads with.</summary>
        public const int DefaultChunkSize = 512;
        /// <summary>Largest chunk size Load accepts.</summary>
        public const int MaxChunkSize = 65536;

        private readonly BlobReader _r;
        private readonly IBlobSource _source;
        private readonly int _chunkSize;

        private ModelBlob(BlobReader r, IBlobSource source, int chunkSize)
        {
            _r = r;
            _source = source;
            _chunkSize = chunkSize;
        }

        /// <summary>Loads and validates a whole blob held in memory.</summary>
        public static ModelBlob Load(byte[] blob)
        {
            if (blob == null) throw new ArgumentException("blob must not be null");
            return Load(new ByteArrayBlobSource(blob), DefaultChunkSize);
        }

        /// <summary>Loads and validates a blob read from a source in chunks of DefaultChunkSize bytes.</summary>
        public static ModelBlob Load(IBlobSource source)
        {
            return Load(source, DefaultChunkSize);
        }

        /// <summary>
        /// Loads and validates a blob, never asking the source for more than chunkSize bytes at a
        /// time (the CRC too is computed chunk by chunk). Throws BlobFormatException if the blob is bad.
        /// </summary>
        public static ModelBlob Load(IBlobSource source, int chunkSize)
        {
            if (source == null) throw new ArgumentException("source must not be null");
            if (chunkSize < 1 || chunkSize > MaxChunkSize)
                throw new ArgumentOutOfRangeException("chunkSize", "chunk size must be 1.." + MaxChunkSize.ToString());
            BlobReader r = new BlobReader(source, chunkSize);
            r.Read();
            return new ModelBlob(r, source, chunkSize);
        }

        /// <summary>The bytes the blob was loaded from (tensor data is read from it in place or in slices).</summary>
        public IBlobSource Source { get { return _source; } }

        /// <summary>Format major version of the blob.</summary>
        public int MajorVersion { get { return _r.Major; } }
        /// <summary>Format minor version of the blob (may be newer than BlobFormat.MinorVersion).</summary>
        public int MinorVersion { get { return _r.Minor; } }
        /// <summary>Model architecture.</summary>
        public ModelConfig Config { get { return _r.Config; } }
        /// <summary>Frontend parameters (always the supported ones: Load checks).</summary>
        public FrontendParams Frontend { get { return _r.Frontend; } }
        /// <summary>Detector defaults.</summary>
        public DetectorDefaults Detector { get { return _r.Detector; } }
        /// <summary>Number of classes = number of labels.</summary>
        public int LabelCount { get { return _r.Labels.Length; } }

        /// <summary>Label of class c.</summary>
        public string Label(int c)
        {
            return _r.Labels[c];
        }

        /// <summary>The labels in class order (a copy).</summary>
        public string[] Labels()
        {
            string[] copy = new string[_r.Labels.Length];
            for (int i = 0; i < copy.Length; i++) copy[i] = _r.Labels[i];
            return copy;
        }

        /// <summary>Number of tensors.</summary>
        public int TensorCount { get { return _r.Tensors.Length; } }

        /// <summary>Tensor at table position <paramref name="index"/> (the table is sorted by name).</summary>
        public BlobTensor Tensor(int index)
        {
            return _r.Tensors[index];
        }

        /// <summary>Table position of the tensor called <paramref name="name"/>, or -1.</summary>
        public int IndexOf(string name)
        {
            return _r.IndexOf(name);
        }

        /// <summary>The tensor called <paramref name="name"/>; BlobFormatException if there is none.</summary>
        public BlobTensor Tensor(string name)
        {
            int i = _r.IndexOf(name);
            if (i < 0) throw new BlobFormatException("missing tensor '" + name + "'");
            return _r.Tensors[i];
        }

        /// <summary>
        /// The tensor called <paramref name="name"/>, checked to have the given dtype and shape
        /// (the model graph checks each tensor it uses against the config this way).
        /// </summary>
        public BlobTensor Require(string name, int dtype, int[] shape)
        {
            BlobTensor t = Tensor(name);
            Expect(t, dtype, shape);
            return t;
        }

        /// <summary>Throws BlobFormatException unless t has the dtype and shape.</summary>
        public static void Expect(BlobTensor t, int dtype, int[] shape)
        {
            if (t.DataType != dtype)
                throw new BlobFormatException("tensor '" + t.Name + "' is " + BlobFormat.DTypeName(t.DataType)
                    + ", expected " + BlobFormat.DTypeName(dtype));
            bool same = t.Rank == shape.Length;
            for (int i = 0; same && i < shape.Length; i++) same = t.Dim(i) == shape[i];
            if (!same)
                throw new BlobFormatException("tensor '" + t.Name + "' has shape " + t.ShapeText() + ", expected "
                    + BlobTensor.ShapeToText(shape));
        }

        /// <summary>Data of an int8 tensor.</summary>
        public sbyte[] ReadInt8(BlobTensor t)
        {
            sbyte[] dst = new sbyte[t.ElementCount];
            ReadInt8(t, dst, 0);
            return dst;
        }

        /// <summary>Data of an int8 tensor into dst[dstOffset..].</summary>
        public void ReadInt8(BlobTensor t, sbyte[] dst, int dstOffset)
        {
            BlobCursor data = BeginData(t, BlobFormat.DTypeInt8);
            for (int i = 0; i < t.ElementCount; i++) dst[dstOffset + i] = (sbyte)data.ReadU8();
        }

        /// <summary>Data of a uint8 tensor.</summary>
        public byte[] ReadUInt8(BlobTensor t)
        {
            BlobCursor data = BeginData(t, BlobFormat.DTypeUInt8);
            byte[] dst = new byte[t.ElementCount];
            data.ReadBytes(dst, 0, dst.Length);
            return dst;
        }

        /// <summary>Data of an int16 tensor.</summary>
        public short[] ReadInt16(BlobTensor t)
        {
            short[] dst = new short[t.ElementCount];
            ReadInt16(t, dst, 0);
            return dst;
        }

        /// <summary>Data of an int16 tensor into dst[dstOffset..].</summary>
        public void ReadInt16(BlobTensor t, short[] dst, int dstOffset)
        {
            BlobCursor data = BeginData(t, BlobFormat.DTypeInt16);
            for (int i = 0; i < t.ElementCount; i++) dst[dstOffset + i] = (short)data.ReadU16();
        }

        /// <summary>Data of an int32 tensor.</summary>
        public int[] ReadInt32(BlobTensor t)
        {
            int[] dst = new int[t.ElementCount];
            ReadInt32(t, dst, 0);
            return dst;
        }

        /// <summary>Data of an int32 tensor into dst[dstOffset..].</summary>
        public void ReadInt32(BlobTensor t, int[] dst, int dstOffset)
        {
            BlobCursor data = BeginData(t, BlobFormat.DTypeInt32);
            for (int i = 0; i < t.ElementCount; i++) dst[dstOffset + i] = data.ReadI32();
        }

        // A fresh cursor per read: no read state is shared between reads (or threads).
        private BlobCursor BeginData(BlobTensor t, int dtype)
        {
            if (t.Index < 0 || t.Index >= _r.Tensors.Length || (object)_r.Tensors[t.Index] != (object)t)
                throw new ArgumentException("tensor '" + t.Name + "' is not from this blob");
            if (t.DataType != dtype)
                throw new BlobFormatException("tensor '" + t.Name + "' is " + BlobFormat.DTypeName(t.DataType)
                    + ", read as " + BlobFormat.DTypeName(dtype));
            int chunk = t.ByteLength < _chunkSize ? (t.ByteLength < 1 ? 1 : t.ByteLength) : _chunkSize;
            BlobCursor data = new BlobCursor(_source, chunk);
            data.Begin(t.DataOffset, t.DataOffset + t.ByteLength, "tensor '" + t.Name + "' data");
            return data;
        }
    }
}
