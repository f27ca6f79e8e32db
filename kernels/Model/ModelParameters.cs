using System;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

namespace Edge.Asr.Model
{
    /// <summary>
    /// A quantised model: its config and a flat list of named integer tensors (names and layout in
    /// docs/model.md), looked up by linear search (a few hundred names, only at construction).
    /// This is what the flash blob serialises and what <see cref="ConformerModel"/> is built from.
    /// </summary>
    public sealed class ModelParameters
    {
        private readonly ModelConfig config;
        private QuantizedTensor[] tensors;
        private int count;
        private IOpKernels kernels = ManagedKernels.Instance;
        // Array mode: packed on first use (a one-slot array: empty until then); blob mode: the blob's.
        private readonly TensorDirectory[] directory = new TensorDirectory[1];
        private int packedCount = -1;          // tensors in the packed directory (array mode)
        private readonly bool inBlob;

        public ModelParameters(ModelConfig config)
        {
            if (config == null) throw new ArgumentException("ModelParameters: config is required");
            this.config = config;
            this.tensors = new QuantizedTensor[64];
        }

        /// <summary>Parameters that stay in a blob: the ops read them there through <paramref name="tensors"/>; no arrays.</summary>
        public ModelParameters(ModelConfig config, TensorDirectory tensors)
        {
            if (config == null) throw new ArgumentException("ModelParameters: config is required");
            if (tensors == null) throw new ArgumentException("ModelParameters: tensors are required");
            this.config = config;
            this.tensors = new QuantizedTensor[0];
            this.directory[0] = tensors;
            this.inBlob = true;
        }

        public ModelConfig Config { get { return config; } }

        /// <summary>Where the tensors lie for the ops: the blob's, or (for arrays) all of them packed once into one byte array.</summary>
        public TensorDirectory Tensors
        {
            get
            {
                if (!inBlob && (directory[0] == null || packedCount != count))
                {
                    directory[0] = TensorDirectory.Pack(this);
                    packedCount = count;
                }
                return directory[0];
            }
        }

        /// <summary>The kernels the ops built from these parameters run on (the managed reference unless set).</summary>
        public IOpKernels Kernels { get { return kernels; } }

        /// <summary>Chooses the kernels for the ops built after this call.</summary>
        public void UseKernels(IOpKernels value)
        {
            if (value == null) throw new ArgumentException("ModelParameters: kernels are required");
            kernels = value;
        }
        public int Count { get { return count; } }
        public QuantizedTensor At(int index) { return tensors[index]; }

        /// <summary>Adds a tensor; a name may appear once.</summary>
        public void Add(QuantizedTensor tensor)
        {
            if (tensor == null) throw new ArgumentException("ModelParameters: tensor is null");
            if (inBlob) throw new InvalidOperationException("ModelParameters: these parameters stay in a blob; tensors cannot be added");
            if (IndexOf(tensor.Name) >= 0) throw new ArgumentException("ModelParameters: tensor '" + tensor.Name + "' added twice");
            if (count == tensors.Length)
            {
                QuantizedTensor[] grown = new QuantizedTensor[tensors.Length * 2];
                Array.Copy(tensors, 0, grown, 0, count);
                tensors = grown;
            }
            tensors[count++] = tensor;
        }

        public int IndexOf(string name)
        {
            for (int i = 0; i < count; i++) if (tensors[i].Name == name) return i;
            return -1;
        }

        private QuantizedTensor Get(string name, int elementBytes, int length)
        {
            int at = IndexOf(name);
            if (at < 0) throw new ArgumentException("ModelParameters: tensor '" + name + "' is missing");
            QuantizedTensor t = tensors[at];
            if (t.ElementBytes != elementBytes) throw new ArgumentException("ModelParameters: tensor '" + name + "' must have " + elementBytes.ToString() + "-byte elements, has " + t.ElementBytes.ToString());
            if (length >= 0 && t.Length != length) throw new ArgumentException("ModelParameters: tensor '" + name + "' must have " + length.ToString() + " elements, has " + t.Length.ToString());
            return t;
        }

        public sbyte[] Int8(string name, int length) { return Get(name, 1, length).Int8; }
        public short[] Int16(string name, int length) { return Get(name, 2, length).Int16; }
        public int[] Int32(string name, int length) { return Get(name, 4, length).Int32; }
        /// <summary>A scalar stored as a one-element int32 tensor.</summary>
        public int Scalar(string name) { return inBlob ? directory[0].Scalar(name) : Get(name, 4, 1).Int32[0]; }
    }
}
