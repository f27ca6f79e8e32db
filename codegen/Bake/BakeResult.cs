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
            var model = new ConformerModel(parameters);
            var weights = new HashSet<object>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < parameters.Count; i++)
            {
                QuantizedTensor t = parameters.At(i);
                weights.Add(t.Int8);
                weights.Add(t.Int16);
                weights.Add(t.Int32);
            }
            ModelBufferBytes = RamCount.ArrayBytes(model, weights);
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
        /// Bytes of the integer arrays the model holds besides its parameters (RamCount): the
        /// streaming state and every scratch buffer; object headers and references not counted.
        /// </summary>
        public int ModelBufferBytes { get; }
        /// <summary>Scratch: the model's buffers that are not streaming state.</summary>
        public int ScratchBytes => ModelBufferBytes - StateBytes;
        /// <summary>Engine RAM: the loaded parameters plus the model's buffers.</summary>
        public int EngineRamBytes => ParameterRamBytes + ModelBufferBytes;
    }
}
