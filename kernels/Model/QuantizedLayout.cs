using System;

namespace Edge.Asr.Model
{
    /// <summary>
    /// Every quantised tensor a config needs (docs/model.md "Quantised parameter set"): name,
    /// element size (1 = int8, 2 = int16, 4 = int32) and shape, in the order the quantiser makes
    /// them. Linear and conv weights are [out, in] (convs flattened as the kernels read them:
    /// [C, 9], [D, K]); biases, multipliers, shifts and norm parameters are [n]; scalars are [1].
    /// The blob loader and the bake tool both use this one list.
    /// </summary>
    public sealed class QuantizedLayout
    {
        private string[] names = new string[64];
        private int[] elementBytes = new int[64];
        private int[][] shapes = new int[64][];
        private int count;

        public QuantizedLayout(ModelConfig config)
        {
            if (config == null) throw new ArgumentException("QuantizedLayout: config is required");
            ModelConfig c = config;
            int ch = c.SubsamplingChannels, d = c.Dim, sd = c.SubDim;
            Scalar("input.frac");
            Linear("subsampling.conv1", 9, ch);
            Linear("subsampling.dw", 9, ch);
            Linear("subsampling.pw", ch, ch);
            Linear("subsampling.out", ch * c.SubsampledBins, d);
            for (int b = 0; b < c.Blocks; b++)
            {
                string p = "blocks." + b.ToString();
                Ffn(p + ".ffn1", d, c.FfnHidden);
                if (c.HasAttention(b))
                {
                    string a = p + ".attn";
                    Norm(a + ".norm", d);
                    Linear(a + ".q", sd, sd);
                    Linear(a + ".k", sd, sd);
                    Linear(a + ".v", sd, sd);
                    Scalar(a + ".scores.frac");
                    Scalar(a + ".scores.multiplier");
                    Scalar(a + ".scores.shift");
                    Scalar(a + ".context.frac");
                    Linear(a + ".out", sd, sd);
                    Scalar(a + ".frac");
                }
                string v = p + ".conv";
                Norm(v + ".norm", d);
                Linear(v + ".pointwise1", d, 2 * d);
                Scalar(v + ".glu.frac");
                Linear(v + ".depthwise", c.ConvKernel, d);
                Norm(v + ".dw_norm", d);
                Scalar(v + ".swish.frac");
                Linear(v + ".pointwise2", d, d);
                Scalar(v + ".frac");
                Ffn(p + ".ffn2", d, c.FfnHidden);
                Norm(p + ".norm", d);
            }
            Linear("classifier", d, c.Classes);
        }

        public int Count { get { return count; } }
        public string Name(int index) { return names[index]; }
        /// <summary>1 (int8), 2 (int16) or 4 (int32).</summary>
        public int ElementBytes(int index) { return elementBytes[index]; }
        /// <summary>The shape of tensor <paramref name="index"/> (a copy).</summary>
        public int[] Shape(int index)
        {
            int[] s = shapes[index];
            int[] copy = new int[s.Length];
            Array.Copy(s, 0, copy, 0, s.Length);
            return copy;
        }

        /// <summary>Element count of tensor <paramref name="index"/>.</summary>
        public int Length(int index)
        {
            int n = 1;
            int[] s = shapes[index];
            for (int i = 0; i < s.Length; i++) n *= s[i];
            return n;
        }

        public int IndexOf(string name)
        {
            for (int i = 0; i < count; i++) if (names[i] == name) return i;
            return -1;
        }

        private void Add(string name, int bytes, int[] shape)
        {
            if (count == names.Length)
            {
                string[] n2 = new string[count * 2];
                int[] e2 = new int[count * 2];
                int[][] s2 = new int[count * 2][];
                Array.Copy(names, 0, n2, 0, count);
                Array.Copy(elementBytes, 0, e2, 0, count);
                Array.Copy(shapes, 0, s2, 0, count);
                names = n2;
                elementBytes = e2;
                shapes = s2;
            }
            names[count] = name;
            elementBytes[count] = bytes;
            shapes[count] = shape;
            count++;
        }

        private static int[] Dims(int n)
        {
            int[] s = new int[1];
            s[0] = n;
            return s;
        }

        private void Scalar(string name) { Add(name, 4, Dims(1)); }

        /// <summary>Linear or conv "name": .frac, .weight int8 [out, in], .bias/.multiplier/.shift int32 [out].</summary>
        private void Linear(string name, int inputs, int outputs)
        {
            Scalar(name + ".frac");
            int[] w = new int[2];
            w[0] = outputs;
            w[1] = inputs;
            Add(name + ".weight", 1, w);
            Add(name + ".bias", 4, Dims(outputs));
            Add(name + ".multiplier", 4, Dims(outputs));
            Add(name + ".shift", 4, Dims(outputs));
        }

        /// <summary>LayerNorm "name": .frac, .weight int16 [w], .weight_frac, .bias int32 [w].</summary>
        private void Norm(string name, int width)
        {
            Scalar(name + ".frac");
            Add(name + ".weight", 2, Dims(width));
            Scalar(name + ".weight_frac");
            Add(name + ".bias", 4, Dims(width));
        }

        private void Ffn(string name, int d, int hidden)
        {
            Norm(name + ".norm", d);
            Linear(name + ".linear1", d, hidden);
            Scalar(name + ".swish.frac");
            Linear(name + ".linear2", hidden, d);
            Scalar(name + ".frac");
        }
    }
}
