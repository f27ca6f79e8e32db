using System;
using Edge.Asr.Blob;
using Edge.Asr.Model;
using Edge.Asr.Ops;

namespace Edge.Asr.Weights
{
    /// <summary>
    /// Where a built model's weights are read from while it runs: a blob source (the flash resource on
    /// the device, a byte array on the desktop) and the op kernels. Kernels that address the blob in
    /// place (<see cref="IBlobWeightKernels"/>) get byte offsets; the others get the tensors read into
    /// the one small <see cref="WeightWindow"/> just before each call, a Linear a chunk of rows at a
    /// time (each output row is independent, so the bits are those of one whole call).
    /// One store per model: its window is not shared between threads.
    /// </summary>
    public sealed class TensorStore
    {
        private readonly IBlobSource source;
        private readonly IOpKernels kernels;
        private readonly bool inPlace;                 // the kernels are IBlobWeightKernels that address the source
        private readonly WeightWindow window;

        /// <summary>The tensors of a <paramref name="config"/> model in <paramref name="source"/>, run by <paramref name="kernels"/>.</summary>
        public TensorStore(IBlobSource source, ModelConfig config, IOpKernels kernels)
            : this(source, new WeightWindow(config), kernels)
        {
        }

        /// <summary>The tensors in <paramref name="source"/>, run by <paramref name="kernels"/>, read through <paramref name="window"/> when not in place.</summary>
        public TensorStore(IBlobSource source, WeightWindow window, IOpKernels kernels)
        {
            if (source == null) throw new ArgumentException("TensorStore: source is required");
            if (window == null) throw new ArgumentException("TensorStore: window is required");
            if (kernels == null) throw new ArgumentException("TensorStore: kernels are required");
            this.source = source;
            this.kernels = kernels;
            inPlace = kernels is IBlobWeightKernels && ((IBlobWeightKernels)kernels).ReadsInPlace(source);
            this.window = window;
        }

        /// <summary>The bytes the tensors are read from.</summary>
        public IBlobSource Source { get { return source; } }

        /// <summary>The kernels the ops run on.</summary>
        public IOpKernels Kernels { get { return kernels; } }

        /// <summary>True when the kernels read the weights in place (no window reads).</summary>
        public bool InPlace { get { return inPlace; } }

        /// <summary>The RAM window the weights pass through when the kernels do not read in place.</summary>
        public WeightWindow Window { get { return window; } }

        /// <summary>Checks a per-channel requantiser stored at the two offsets (Requantizer.Validate's rules), through the window.</summary>
        public void ValidateRequantizer(int multipliersAt, int shiftsAt, int channels, string owner)
        {
            int per = window.Bias.Length;
            for (int c0 = 0; c0 < channels; c0 += per)
            {
                int n = channels - c0 < per ? channels - c0 : per;
                window.LoadInt32(source, multipliersAt + 4 * c0, n, window.Multipliers);
                window.LoadInt32(source, shiftsAt + 4 * c0, n, window.Shifts);
                Requantizer.Validate(window.Multipliers, window.Shifts, n, c0, owner);
            }
        }

        /// <summary>A Linear (IOpKernels.LinearS8S16) with its tensors at the given blob offsets.</summary>
        public void Linear(short[] input, int inOffset, int inputSize, int weightsAt, int biasAt, int multipliersAt, int shiftsAt,
            short[] output, int outOffset, int outputSize, bool relu)
        {
            if (inPlace)
            {
                ((IBlobWeightKernels)kernels).LinearS8S16(source, input, inOffset, inputSize, weightsAt, biasAt, multipliersAt, shiftsAt, output, outOffset, outputSize, relu);
                return;
            }
            int rows = window.RowsFor(inputSize);
            for (int o = 0; o < outputSize; o += rows)
            {
                int r = outputSize - o < rows ? outputSize - o : rows;
                window.LoadInt8(source, weightsAt + o * inputSize, r * inputSize);
                window.LoadInt32(source, biasAt + 4 * o, r, window.Bias);
                window.LoadInt32(source, multipliersAt + 4 * o, r, window.Multipliers);
                window.LoadInt32(source, shiftsAt + 4 * o, r, window.Shifts);
                kernels.LinearS8S16(input, inOffset, inputSize, window.Int8, window.Bias, window.Multipliers, window.Shifts,
                    output, outOffset + o, r, relu);
            }
        }

        /// <summary>A causal depthwise conv frame (IOpKernels.DepthwiseConv1dS8S16) with its tensors at blob offsets.</summary>
        public void DepthwiseConv1d(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset)
        {
            if (inPlace)
            {
                ((IBlobWeightKernels)kernels).DepthwiseConv1dS8S16(source, input, inOffset, history, oldest, channels, kernel, weightsAt, biasAt, multipliersAt, shiftsAt,
                    output, outOffset);
                return;
            }
            LoadChannels(weightsAt, channels * kernel, biasAt, multipliersAt, shiftsAt, channels);
            kernels.DepthwiseConv1dS8S16(input, inOffset, history, oldest, channels, kernel, window.Int8, window.Bias, window.Multipliers,
                window.Shifts, output, outOffset);
        }

        /// <summary>A LayerNorm row (IOpKernels.LayerNormS16) with γ and β at blob offsets.</summary>
        public void LayerNorm(short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            if (inPlace)
            {
                ((IBlobWeightKernels)kernels).LayerNormS16(source, input, inOffset, width, gammaAt, betaAt, fracIn, outShift, epsQ32, widthLog2, scratch, output, outOffset);
                return;
            }
            window.LoadInt16(source, gammaAt, width);
            window.LoadInt32(source, betaAt, width, window.Bias);
            kernels.LayerNormS16(input, inOffset, width, window.Int16, window.Bias, fracIn, outShift, epsQ32, widthLog2, scratch, output, outOffset);
        }

        /// <summary>Subsampling stage 1 (IOpKernels.SubsampleConv1S8S16) with its tensors at blob offsets.</summary>
        public void SubsampleConv1(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
        {
            if (inPlace)
            {
                ((IBlobWeightKernels)kernels).SubsampleConv1S8S16(source, mel2, mel1, mel, melOffset, melBins, bins1, channels, weightsAt, biasAt, multipliersAt, shiftsAt, output);
                return;
            }
            LoadChannels(weightsAt, 9 * channels, biasAt, multipliersAt, shiftsAt, channels);
            kernels.SubsampleConv1S8S16(mel2, mel1, mel, melOffset, melBins, bins1, channels, window.Int8, window.Bias, window.Multipliers,
                window.Shifts, output);
        }

        /// <summary>Subsampling stage 2's depthwise conv of one bin (IOpKernels.SubsampleDepthwiseS8S16) with its tensors at blob offsets.</summary>
        public void SubsampleDepthwise(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
        {
            if (inPlace)
            {
                ((IBlobWeightKernels)kernels).SubsampleDepthwiseS8S16(source, older, old, now, bins1, bin2, channels, weightsAt, biasAt, multipliersAt, shiftsAt, output);
                return;
            }
            LoadChannels(weightsAt, 9 * channels, biasAt, multipliersAt, shiftsAt, channels);
            kernels.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, channels, window.Int8, window.Bias, window.Multipliers, window.Shifts, output);
        }

        private void LoadChannels(int weightsAt, int weights, int biasAt, int multipliersAt, int shiftsAt, int channels)
        {
            window.LoadInt8(source, weightsAt, weights);
            window.LoadInt32(source, biasAt, channels, window.Bias);
            window.LoadInt32(source, multipliersAt, channels, window.Multipliers);
            window.LoadInt32(source, shiftsAt, channels, window.Shifts);
        }
    }
}
