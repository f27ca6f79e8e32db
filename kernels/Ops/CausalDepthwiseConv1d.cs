using System;
using Edge.Asr.FixedPoint;
using Edge.Asr.Weights;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Causal depthwise 1-D convolution over time, one frame of C channels per call:
    /// y_t[c] = requant(Σ_{k=0}^{K−1} W[c][k] · x_{t−K+1+k}[c] + b[c]), frames before the start are 0.
    /// Weights int8 [c][k] (k = K−1 is the current frame), per-channel requantisation. The last K−1
    /// input frames are kept in a ring, so streaming one frame at a time equals the whole-sequence
    /// convolution bit for bit.
    /// </summary>
    public sealed class CausalDepthwiseConv1d
    {
        private readonly int channels;
        private readonly int kernel;
        private readonly short[] history;   // K−1 frames of C channels, ring
        private int oldest;                 // ring slot of the oldest kept frame
        private readonly TensorStore store;
        private readonly int weightsAt, biasAt, multipliersAt, shiftsAt;

        public CausalDepthwiseConv1d(int channels, int kernel, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts)
            : this(channels, kernel, weights, bias, multipliers, shifts, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the inner loop run by <paramref name="kernels"/> (the arrays are packed into a blob of the op's own).</summary>
        public CausalDepthwiseConv1d(int channels, int kernel, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, IOpKernels kernels)
            : this(channels, kernel, Pack(channels, kernel, weights, bias, multipliers, shifts, kernels))
        {
        }

        private CausalDepthwiseConv1d(int channels, int kernel, TensorPack pack)
            : this(channels, kernel, pack.Store, pack.At(0), pack.At(1), pack.At(2), pack.At(3))
        {
        }

        /// <summary>A depthwise conv whose tensors stay in <paramref name="store"/>'s blob at the given byte offsets.</summary>
        public CausalDepthwiseConv1d(int channels, int kernel, TensorStore store, int weightsAt, int biasAt, int multipliersAt, int shiftsAt)
        {
            if (store == null) throw new ArgumentException("CausalDepthwiseConv1d: a tensor store is required");
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "CausalDepthwiseConv1d: channels must be positive");
            if (kernel < 1 || kernel > 256) throw new ArgumentOutOfRangeException("kernel", "CausalDepthwiseConv1d: kernel must be in [1, 256]");
            store.ValidateRequantizer(multipliersAt, shiftsAt, channels, "CausalDepthwiseConv1d");
            this.channels = channels;
            this.kernel = kernel;
            this.history = new short[(kernel - 1) * channels];
            this.store = store;
            this.weightsAt = weightsAt;
            this.biasAt = biasAt;
            this.multipliersAt = multipliersAt;
            this.shiftsAt = shiftsAt;
        }

        private static TensorPack Pack(int channels, int kernel, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("CausalDepthwiseConv1d: kernels are required");
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "CausalDepthwiseConv1d: channels must be positive");
            if (kernel < 1 || kernel > 256) throw new ArgumentOutOfRangeException("kernel", "CausalDepthwiseConv1d: kernel must be in [1, 256]");
            if (weights == null || weights.Length != channels * kernel) throw new ArgumentException("CausalDepthwiseConv1d: expected " + (channels * kernel).ToString() + " weights");
            if (bias == null || bias.Length != channels) throw new ArgumentException("CausalDepthwiseConv1d: expected " + channels.ToString() + " biases");
            Requantizer.Validate(multipliers, shifts, channels, "CausalDepthwiseConv1d");
            object[] arrays = new object[4];
            arrays[0] = weights; arrays[1] = bias; arrays[2] = multipliers; arrays[3] = shifts;
            return new TensorPack(arrays, kernels, channels * kernel, channels, 0);
        }

        public int Channels { get { return channels; } }
        public int Kernel { get { return kernel; } }

        /// <summary>Multiply-accumulates per frame: C · K.</summary>
        public long MacsPerFrame { get { return (long)channels * kernel; } }

        /// <summary>Bytes of streaming state: (K − 1) frames of C int16.</summary>
        public int StateBytes { get { return history.Length * 2; } }

        /// <summary>Forgets the history (as at the start of a stream).</summary>
        public void Reset()
        {
            Array.Clear(history, 0, history.Length);
            oldest = 0;
        }

        public void Process(short[] input, int inOffset, short[] output, int outOffset)
        {
            store.DepthwiseConv1d(input, inOffset, history, oldest, channels, kernel, weightsAt, biasAt, multipliersAt, shiftsAt, output, outOffset);
            int slots = kernel - 1;
            if (slots > 0)
            {
                Array.Copy(input, inOffset, history, oldest * channels, channels);
                oldest++;
                if (oldest == slots) oldest = 0;
            }
        }

        /// <summary>The reference loop (ManagedKernels): one output frame from the history ring and the input frame.</summary>
        public static void Compute(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset)
        {
            int slots = kernel - 1;
            for (int c = 0; c < channels; c++)
            {
                int wBase = c * kernel;
                int acc = 0;                               // ≤ 256 · 128 · 32768 = 2^30
                int slot = oldest;
                for (int k = 0; k < slots; k++)
                {
                    acc += weights[wBase + k] * history[slot * channels + c];
                    slot++;
                    if (slot == slots) slot = 0;
                }
                acc += weights[wBase + slots] * input[inOffset + c];
                output[outOffset + c] = Fixed.Requantize((long)acc + bias[c], multipliers[c], shifts[c]);
            }
        }
    }
}
