using System;
using Edge.Asr.FixedPoint;

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
        private readonly sbyte[] weights;
        private readonly int[] bias;
        private readonly int[] multipliers;
        private readonly int[] shifts;
        private readonly short[] history;   // K−1 frames of C channels, ring
        private int oldest;                 // ring slot of the oldest kept frame
        private readonly IOpKernels kernels;

        public CausalDepthwiseConv1d(int channels, int kernel, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts)
            : this(channels, kernel, weights, bias, multipliers, shifts, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the inner loop run by <paramref name="kernels"/>.</summary>
        public CausalDepthwiseConv1d(int channels, int kernel, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("CausalDepthwiseConv1d: kernels are required");
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "CausalDepthwiseConv1d: channels must be positive");
            if (kernel < 1 || kernel > 256) throw new ArgumentOutOfRangeException("kernel", "CausalDepthwiseConv1d: kernel must be in [1, 256]");
            if (weights == null || weights.Length != channels * kernel) throw new ArgumentException("CausalDepthwiseConv1d: expected " + (channels * kernel).ToString() + " weights");
            if (bias == null || bias.Length != channels) throw new ArgumentException("CausalDepthwiseConv1d: expected " + channels.ToString() + " biases");
            Requantizer.Validate(multipliers, shifts, channels, "CausalDepthwiseConv1d");
            this.channels = channels;
            this.kernel = kernel;
            this.weights = weights;
            this.bias = bias;
            this.multipliers = multipliers;
            this.shifts = shifts;
            this.history = new short[(kernel - 1) * channels];
            this.kernels = kernels;
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
            kernels.DepthwiseConv1dS8S16(input, inOffset, history, oldest, channels, kernel, weights, bias, multipliers, shifts, output, outOffset);
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
