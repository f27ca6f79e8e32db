using System;
using Edge.Asr.FixedPoint;
using Edge.Asr.Weights;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Fully connected layer: int8 weights (row-major [out][in], per-output-channel scale) × int16
    /// activations, int32 bias, exact accumulation (int over blocks of 256 products, then long),
    /// per-output-channel requantisation to int16 with rounding and saturation, optional ReLU.
    /// </summary>
    public sealed class Linear
    {
        private const int Block = 256;   // 256 · 127 · 32768 < 2^31: an int block sum cannot overflow

        private readonly int inputSize;
        private readonly int outputSize;
        private readonly bool relu;
        private readonly TensorStore store;
        private readonly int weightsAt, biasAt, multipliersAt, shiftsAt;

        public Linear(int inputSize, int outputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts)
            : this(inputSize, outputSize, weights, bias, multipliers, shifts, false)
        {
        }

        public Linear(int inputSize, int outputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, bool relu)
            : this(inputSize, outputSize, weights, bias, multipliers, shifts, relu, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructors, with the inner loop run by <paramref name="kernels"/> (the arrays are packed into a blob of the op's own).</summary>
        public Linear(int inputSize, int outputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, bool relu, IOpKernels kernels)
            : this(inputSize, outputSize, Pack(inputSize, outputSize, weights, bias, multipliers, shifts, kernels), relu)
        {
        }

        private Linear(int inputSize, int outputSize, TensorPack pack, bool relu)
            : this(inputSize, outputSize, pack.Store, pack.At(0), pack.At(1), pack.At(2), pack.At(3), relu)
        {
        }

        /// <summary>A Linear whose tensors stay in <paramref name="store"/>'s blob at the given byte offsets (read when it runs).</summary>
        public Linear(int inputSize, int outputSize, TensorStore store, int weightsAt, int biasAt, int multipliersAt, int shiftsAt, bool relu)
        {
            if (store == null) throw new ArgumentException("Linear: a tensor store is required");
            if (inputSize <= 0 || outputSize <= 0) throw new ArgumentOutOfRangeException("inputSize", "Linear: sizes must be positive");
            if (!store.InPlace && store.Window.RowsFor(inputSize) < 1)
                throw new ArgumentException("Linear: a row of " + inputSize.ToString() + " weights does not fit the weight window ("
                    + store.Window.Int8.Length.ToString() + " bytes)");
            store.ValidateRequantizer(multipliersAt, shiftsAt, outputSize, "Linear");
            this.inputSize = inputSize;
            this.outputSize = outputSize;
            this.relu = relu;
            this.store = store;
            this.weightsAt = weightsAt;
            this.biasAt = biasAt;
            this.multipliersAt = multipliersAt;
            this.shiftsAt = shiftsAt;
        }

        private static TensorPack Pack(int inputSize, int outputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("Linear: kernels are required");
            if (inputSize <= 0 || outputSize <= 0) throw new ArgumentOutOfRangeException("inputSize", "Linear: sizes must be positive");
            if (weights == null || weights.Length != inputSize * outputSize) throw new ArgumentException("Linear: expected " + (inputSize * outputSize).ToString() + " weights");
            if (bias == null || bias.Length != outputSize) throw new ArgumentException("Linear: expected " + outputSize.ToString() + " biases");
            Requantizer.Validate(multipliers, shifts, outputSize, "Linear");
            object[] arrays = new object[4];
            arrays[0] = weights; arrays[1] = bias; arrays[2] = multipliers; arrays[3] = shifts;
            int int8 = inputSize > WeightWindow.MinInt8Capacity ? inputSize : WeightWindow.MinInt8Capacity;
            return new TensorPack(arrays, kernels, int8, outputSize, 0);
        }

        public int InputSize { get { return inputSize; } }
        public int OutputSize { get { return outputSize; } }

        /// <summary>Multiply-accumulates per call: in · out.</summary>
        public long MacsPerFrame { get { return (long)inputSize * outputSize; } }

        /// <summary>output[outOffset + o] = requant(Σ W[o][i] · input[inOffset + i] + b[o]).</summary>
        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            store.Linear(input, inOffset, inputSize, weightsAt, biasAt, multipliersAt, shiftsAt, output, outOffset, outputSize, relu);
        }

        /// <summary>The reference loop (ManagedKernels): int sums over blocks of 256 products, then long.</summary>
        public static void Compute(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
            short[] output, int outOffset, int outputSize, bool relu)
        {
            int w = 0;
            for (int o = 0; o < outputSize; o++)
            {
                long acc = bias[o];
                int i = 0;
                while (i < inputSize)
                {
                    int end = i + Block < inputSize ? i + Block : inputSize;
                    int partial = 0;
                    for (; i < end; i++) partial += weights[w++] * input[inOffset + i];
                    acc += partial;
                }
                short y = Fixed.Requantize(acc, multipliers[o], shifts[o]);
                if (relu && y < 0) y = 0;
                output[outOffset + o] = y;
            }
        }
    }
}
