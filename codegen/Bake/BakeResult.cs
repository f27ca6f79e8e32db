using System;
using System.Collections.Generic;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>One row of the size table: a tensor of the blob.</summary>
    public sealed record SizeRow(string Name, string DType, int[] Shape, int Bytes);

    /// <summary>
    /// What a bake produced: the blob bytes, the quantised parameters they hold, the blob loaded
    /// back, and the size figures (docs/bake.md "Size table", "RAM accounting").
    /// </summary>
    public sealed class BakeResult
    {
        public BakeResult(byte[] blob, ModelParameters parameters, ModelBlob loaded)
        {
            Blob = blob;
            Parameters = parameters;
            Loaded = loaded;
            var rows = new List<SizeRow>();
            for (int i = 0; i < loaded.TensorCount; i++)
            {
                BlobTensor t = loaded.Tensor(i);
                rows.Add(new SizeRow(t.Name, BlobFormat.DTypeName(t.DataType), t.Shape(), t.ByteLength));
                TensorBytes += t.ByteLength;
                if (t.DataType == BlobFormat.DTypeInt8) Int8WeightBytes += t.ByteLength;
            }
            Rows = rows;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var model = new ConformerModel(parameters);
            ModelAllocatedBytes = (int)(GC.GetAllocatedBytesForCurrentThread() - before);
            StateBytes = model.StateBytes;
        }

        public byte[] Blob { get; }
        public ModelParameters Parameters { get; }
        public ModelBlob Loaded { get; }
        /// <summary>Tensors in blob order (sorted by name).</summary>
        public IReadOnlyList<SizeRow> Rows { get; }
        /// <summary>Bytes of every int8 tensor (the weights).</summary>
        public int Int8WeightBytes { get; }
        /// <summary>Bytes of all tensor data.</summary>
        public int TensorBytes { get; }
        /// <summary>Flash bytes: the blob's length.</summary>
        public int FlashBytes => Blob.Length;
        /// <summary>Streaming state of the model (ConformerModel.StateBytes).</summary>
        public int StateBytes { get; }
        /// <summary>
        /// RAM the loaded parameters take: BlobModelLoader copies every tensor out of the blob
        /// (= TensorBytes of the model's tensors, array headers not counted).
        /// </summary>
        public int ParameterRamBytes => TensorBytes;
        /// <summary>
        /// Bytes <c>new ConformerModel(parameters)</c> allocates, measured on .NET: the streaming
        /// state, every activation buffer and the op objects, with .NET's object headers.
        /// </summary>
        public int ModelAllocatedBytes { get; }
        /// <summary>Engine RAM: the loaded parameters plus what the model allocates.</summary>
        public int EngineRamBytes => ParameterRamBytes + ModelAllocatedBytes;
    }
}
