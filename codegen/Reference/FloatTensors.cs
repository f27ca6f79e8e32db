using System;
using System.Collections.Generic;

namespace Edge.Asr.Codegen.Reference
{
    /// <summary>One float tensor: PyTorch shape and row-major data.</summary>
    public sealed class FloatTensor
    {
        public FloatTensor(int[] shape, double[] data)
        {
            long n = 1;
            foreach (int s in shape) n *= s;
            if (n != data.Length) throw new ArgumentException("tensor shape [" + string.Join(",", shape) + "] needs " + n + " values, got " + data.Length);
            Shape = shape;
            Data = data;
        }

        public int[] Shape { get; }
        public double[] Data { get; }
    }

    /// <summary>A named set of float tensors (a PyTorch state_dict), names and shapes as in docs/model.md.</summary>
    public sealed class FloatTensors
    {
        private readonly Dictionary<string, FloatTensor> tensors = new Dictionary<string, FloatTensor>();

        public IEnumerable<string> Names => tensors.Keys;

        public void Add(string name, int[] shape, double[] data) => tensors.Add(name, new FloatTensor(shape, data));

        public bool Contains(string name) => tensors.ContainsKey(name);

        public FloatTensor Get(string name)
        {
            if (!tensors.TryGetValue(name, out var t)) throw new ArgumentException("float tensor '" + name + "' is missing");
            return t;
        }

        /// <summary>A tensor's data, checked against the expected shape.</summary>
        public double[] Get(string name, params int[] shape)
        {
            var t = Get(name);
            if (t.Shape.Length != shape.Length) throw new ArgumentException("float tensor '" + name + "' has shape [" + string.Join(",", t.Shape) + "], expected [" + string.Join(",", shape) + "]");
            for (int i = 0; i < shape.Length; i++)
                if (t.Shape[i] != shape[i]) throw new ArgumentException("float tensor '" + name + "' has shape [" + string.Join(",", t.Shape) + "], expected [" + string.Join(",", shape) + "]");
            return t.Data;
        }

        /// <summary>A 2-D [out][in] view of the first dimension against the product of the others.</summary>
        public double[][] Matrix(string name, int outputs, int inputs)
        {
            var t = Get(name);
            if (t.Shape.Length < 1 || t.Shape[0] != outputs || t.Data.Length != (long)outputs * inputs)
                throw new ArgumentException("float tensor '" + name + "' has shape [" + string.Join(",", t.Shape) + "], expected " + outputs + " × " + inputs);
            var m = new double[outputs][];
            for (int o = 0; o < outputs; o++)
            {
                m[o] = new double[inputs];
                Array.Copy(t.Data, (long)o * inputs, m[o], 0, inputs);
            }
            return m;
        }
    }
}
