using System;
using System.Runtime.CompilerServices;
using Edge.Asr.Blob;
using Edge.Asr.FixedPoint;
using Edge.Asr.Ops;

namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// The desktop side of the native seam: <see cref="IOpKernels"/> on the C twin (libedgeasr) by
    /// P/Invoke. The lookup tables passed are the C# ones (OpTables), so both paths read the same
    /// numbers. On the device the same calls go through the nanoFramework interop class instead.
    /// A model's weights are read in place (IBlobWeightKernels): the C kernels get pointers into the
    /// blob's byte array (pinned for the call), as the device's get pointers into the flash resource.
    /// </summary>
    public sealed class PInvokeKernels : IOpKernels, IBlobWeightKernels, Edge.Asr.Frontend.IFrontendKernels
    {
        /// <summary>EASR_ABI_VERSION of native/include/edge_asr_kernels.h this class is written against.</summary>
        public const int AbiVersion = 3;

        private PInvokeKernels()
        {
        }

        /// <summary>The native kernels, or null when the library is missing or unusable (<see cref="NativeLibraryLoader.Problem"/>).</summary>
        public static PInvokeKernels? TryCreate() => NativeLibraryLoader.IsAvailable ? new PInvokeKernels() : null;

        public string Name => "native";

        /// <summary>Fixed.Requantize in C (for the bit-exactness tests).</summary>
        public static short Requantize(long acc, int multiplier, int shift) => NativeMethods.easr_requantize(acc, multiplier, shift);

        /// <summary>SigmoidLookup.Q15 in C (for the bit-exactness tests).</summary>
        public static int SigmoidQ15(int x, int fracIn) => NativeMethods.easr_sigmoid_q15(x, fracIn, ref OpTables.SigmoidMinusHalfQ15[0]);

        public void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
            short[] output, int outOffset, int outputSize, bool relu)
        {
            Check(input, inOffset, inputSize);
            Check(output, outOffset, outputSize);
            if (weights.Length < inputSize * outputSize || bias.Length < outputSize || multipliers.Length < outputSize || shifts.Length < outputSize)
                throw new ArgumentException("LinearS8S16: parameter arrays too short");
            NativeMethods.easr_linear_s8s16(ref input[inOffset], inputSize, ref weights[0], ref bias[0], ref multipliers[0], ref shifts[0],
                ref output[outOffset], outputSize, relu ? 1 : 0);
        }

        public void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset)
        {
            Check(input, inOffset, channels);
            Check(output, outOffset, channels);
            if (history.Length < (kernel - 1) * channels || oldest < 0 || (kernel > 1 && oldest >= kernel - 1) || weights.Length < channels * kernel
                || bias.Length < channels || multipliers.Length < channels || shifts.Length < channels)
                throw new ArgumentException("DepthwiseConv1dS8S16: state or parameter arrays too short");
            short[] h = history.Length > 0 ? history : input;    // K = 1: no history is read
            NativeMethods.easr_depthwise_conv1d_s8s16(ref input[inOffset], ref h[0], oldest, channels, kernel, ref weights[0], ref bias[0],
                ref multipliers[0], ref shifts[0], ref output[outOffset]);
        }

        public void LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            Check(input, inOffset, width);
            Check(output, outOffset, width);
            if (gamma.Length < width || beta.Length < width || scratch.Length < width) throw new ArgumentException("LayerNormS16: parameter arrays too short");
            int status = NativeMethods.easr_layernorm_s16(ref input[inOffset], width, ref gamma[0], ref beta[0], fracIn, outShift, epsQ32, widthLog2,
                ref scratch[0], ref OpTables.InverseSqrtQ30[0], ref output[outOffset]);
            if (status != 0) throw new ArgumentOutOfRangeException("x", "x must be positive");   // as InverseSqrt.Q30
        }

        public void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, short[] output, int outOffset)
        {
            Check(input, inOffset, length);
            Check(output, outOffset, length);
            if (scratch.Length < length) throw new ArgumentException("SoftmaxS16: scratch too short");
            NativeMethods.easr_softmax_s16(ref input[inOffset], length, uShift, ref scratch[0], ref OpTables.Exp2NegQ30[0],
                ref OpTables.ReciprocalQ30[0], ref output[outOffset]);
        }

        public void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset)
        {
            Check(input, inOffset, width);
            Check(output, outOffset, width);
            NativeMethods.easr_swish_s16(ref input[inOffset], width, fracIn, shift, ref OpTables.SigmoidMinusHalfQ15[0], ref output[outOffset]);
        }

        public void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset)
        {
            Check(input, inOffset, width);
            Check(output, outOffset, width);
            NativeMethods.easr_sigmoid_s16(ref input[inOffset], width, fracIn, ref OpTables.SigmoidMinusHalfQ15[0], ref output[outOffset]);
        }

        public void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset)
        {
            Check(input, inOffset, 2 * channels);
            Check(output, outOffset, channels);
            NativeMethods.easr_glu_s16(ref input[inOffset], channels, fracIn, shift, ref OpTables.SigmoidMinusHalfQ15[0], ref output[outOffset]);
        }

        public void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut,
            short[] output, int outOffset)
        {
            Check(a, aOffset, width);
            Check(b, bOffset, width);
            Check(output, outOffset, width);
            NativeMethods.easr_residual_add_s16(ref a[aOffset], ref b[bOffset], width, shiftA, shiftB, shiftOut, ref output[outOffset]);
        }

        public void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            Check(mel2, 0, melBins);
            Check(mel1, 0, melBins);
            Check(mel, melOffset, melBins);
            Check(output, 0, bins1 * channels);
            if (2 * (bins1 - 1) > melBins || weights.Length < 9 * channels || bias.Length < channels || multipliers.Length < channels || shifts.Length < channels)
                throw new ArgumentException("SubsampleConv1S8S16: sizes do not match");
            NativeMethods.easr_subsample_conv1_s8s16(ref mel2[0], ref mel1[0], ref mel[melOffset], melBins, bins1, channels, ref weights[0], ref bias[0],
                ref multipliers[0], ref shifts[0], ref output[0]);
        }

        public void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            Check(older, 0, bins1 * channels);
            Check(old, 0, bins1 * channels);
            Check(now, 0, bins1 * channels);
            Check(output, 0, channels);
            if (bin2 < 0 || 2 * bin2 > bins1 || weights.Length < 9 * channels || bias.Length < channels || multipliers.Length < channels || shifts.Length < channels)
                throw new ArgumentException("SubsampleDepthwiseS8S16: sizes do not match");
            NativeMethods.easr_subsample_depthwise_s8s16(ref older[0], ref old[0], ref now[0], bins1, bin2, channels, ref weights[0], ref bias[0],
                ref multipliers[0], ref shifts[0], ref output[0]);
        }

        public void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset)
        {
            Edge.Asr.Ops.RunningMeanSubtractS16.CheckShift(shift);   // first, as the managed kernel
            Check(input, inOffset, channels);
            Check(means, 0, channels);
            Check(output, outOffset, channels);
            if (NativeMethods.easr_running_mean_subtract_s16(ref input[inOffset], ref means[0], channels, shift, first ? 1 : 0, ref output[outOffset]) != 0)
                throw new InvalidOperationException("RunningMeanSubtractS16: the native kernel refused shift " + shift);
        }

        public void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim, int count,
            int multiplier, int shift, short[] scores)
        {
            Check(query, qOffset, headDim);
            Check(keys, kOffset, (count - 1) * subDim + headDim);
            Check(scores, 0, count);
            NativeMethods.easr_attention_scores_s16(ref query[qOffset], ref keys[kOffset], subDim, headDim, count, multiplier, shift, ref scores[0]);
        }

        public void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim, int contextShift,
            short[] output, int outOffset)
        {
            Check(probs, 0, count);
            Check(values, vOffset, (count - 1) * subDim + headDim);
            Check(output, outOffset, headDim);
            NativeMethods.easr_attention_context_s16(ref probs[0], count, ref values[vOffset], subDim, headDim, contextShift, ref output[outOffset]);
        }

        public int LogMelFrameS16(short[] window, int windowLength, int[] bitReverse, int[] re, int[] im, int[] magnitude, short[] output)
        {
            const int Complex = Edge.Asr.Frontend.BlockFloatRealFft.ComplexLength;
            if (windowLength < 2 || windowLength > 512 || (windowLength & 1) != 0) throw new ArgumentOutOfRangeException("windowLength", "LogMelFrameS16: window length must be even, 2..512");
            Check(window, 0, windowLength);
            Check(bitReverse, 0, Complex);
            Check(re, 0, Complex);
            Check(im, 0, Complex);
            Check(magnitude, 0, Complex);
            Check(output, 0, Edge.Asr.Frontend.LogMelFrontend.MelChannels);
            Check(Edge.Asr.Frontend.FrontendTables.HannQ31, 0, windowLength);
            return NativeMethods.easr_logmel_frame_s16(ref window[0], windowLength, ref Edge.Asr.Frontend.FrontendTables.HannQ31[0],
                ref Edge.Asr.Frontend.FrontendTables.CosQ31[0], ref Edge.Asr.Frontend.FrontendTables.SinQ31[0], ref bitReverse[0],
                ref Edge.Asr.Frontend.FrontendTables.MelStart[0], ref Edge.Asr.Frontend.FrontendTables.MelLength[0],
                ref Edge.Asr.Frontend.FrontendTables.MelOffset[0], ref Edge.Asr.Frontend.FrontendTables.MelWeightsQ15[0],
                Edge.Asr.Frontend.LogMelFrontend.MelChannels, ref Edge.Asr.Frontend.FrontendTables.Log2MantissaQ16[0],
                ref re[0], ref im[0], ref magnitude[0], ref output[0]);
        }

        public bool ReadsInPlace(IBlobSource source) => source is ByteArrayBlobSource;

        public void LinearS8S16(IBlobSource blob, short[] input, int inOffset, int inputSize, int weightsAt, int biasAt, int multipliersAt,
            int shiftsAt, short[] output, int outOffset, int outputSize, bool relu)
        {
            Check(input, inOffset, inputSize);
            Check(output, outOffset, outputSize);
            byte[] b = Bytes(blob);
            NativeMethods.easr_linear_s8s16(ref input[inOffset], inputSize, ref I8(b, weightsAt, inputSize * outputSize), ref I32(b, biasAt, outputSize),
                ref I32(b, multipliersAt, outputSize), ref I32(b, shiftsAt, outputSize), ref output[outOffset], outputSize, relu ? 1 : 0);
        }

        public void DepthwiseConv1dS8S16(IBlobSource blob, short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset)
        {
            Check(input, inOffset, channels);
            Check(output, outOffset, channels);
            if (history.Length < (kernel - 1) * channels || oldest < 0 || (kernel > 1 && oldest >= kernel - 1))
                throw new ArgumentException("DepthwiseConv1dS8S16: state arrays too short");
            short[] h = history.Length > 0 ? history : input;    // K = 1: no history is read
            byte[] b = Bytes(blob);
            NativeMethods.easr_depthwise_conv1d_s8s16(ref input[inOffset], ref h[0], oldest, channels, kernel, ref I8(b, weightsAt, channels * kernel),
                ref I32(b, biasAt, channels), ref I32(b, multipliersAt, channels), ref I32(b, shiftsAt, channels), ref output[outOffset]);
        }

        public void LayerNormS16(IBlobSource blob, short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn, int outShift,
            long epsQ32, int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            Check(input, inOffset, width);
            Check(output, outOffset, width);
            Check(scratch, 0, width);
            byte[] b = Bytes(blob);
            int status = NativeMethods.easr_layernorm_s16(ref input[inOffset], width, ref I16(b, gammaAt, width), ref I32(b, betaAt, width), fracIn, outShift,
                epsQ32, widthLog2, ref scratch[0], ref OpTables.InverseSqrtQ30[0], ref output[outOffset]);
            if (status != 0) throw new ArgumentOutOfRangeException("x", "x must be positive");   // as InverseSqrt.Q30
        }

        public void SubsampleConv1S8S16(IBlobSource blob, short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
        {
            Check(mel2, 0, melBins);
            Check(mel1, 0, melBins);
            Check(mel, melOffset, melBins);
            Check(output, 0, bins1 * channels);
            if (2 * (bins1 - 1) > melBins) throw new ArgumentException("SubsampleConv1S8S16: sizes do not match");
            byte[] b = Bytes(blob);
            NativeMethods.easr_subsample_conv1_s8s16(ref mel2[0], ref mel1[0], ref mel[melOffset], melBins, bins1, channels, ref I8(b, weightsAt, 9 * channels),
                ref I32(b, biasAt, channels), ref I32(b, multipliersAt, channels), ref I32(b, shiftsAt, channels), ref output[0]);
        }

        public void SubsampleDepthwiseS8S16(IBlobSource blob, short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
        {
            Check(older, 0, bins1 * channels);
            Check(old, 0, bins1 * channels);
            Check(now, 0, bins1 * channels);
            Check(output, 0, channels);
            if (bin2 < 0 || 2 * bin2 > bins1) throw new ArgumentException("SubsampleDepthwiseS8S16: sizes do not match");
            byte[] b = Bytes(blob);
            NativeMethods.easr_subsample_depthwise_s8s16(ref older[0], ref old[0], ref now[0], bins1, bin2, channels, ref I8(b, weightsAt, 9 * channels),
                ref I32(b, biasAt, channels), ref I32(b, multipliersAt, channels), ref I32(b, shiftsAt, channels), ref output[0]);
        }

        private static byte[] Bytes(IBlobSource blob) =>
            (blob as ByteArrayBlobSource ?? throw new ArgumentException("native kernels: weights are read in place only from a byte-array blob")).Bytes;

        // A tensor of n elements at byte offset at of the blob, as the C kernel's element type (bounds and alignment checked).
        private static ref sbyte I8(byte[] b, int at, int n) => ref Unsafe.As<byte, sbyte>(ref b[Tensor(b, at, n, 1)]);
        private static ref short I16(byte[] b, int at, int n) => ref Unsafe.As<byte, short>(ref b[Tensor(b, at, n, 2)]);
        private static ref int I32(byte[] b, int at, int n) => ref Unsafe.As<byte, int>(ref b[Tensor(b, at, n, 4)]);

        private static int Tensor(byte[] b, int at, int n, int size)
        {
            if (n < 1 || at < 0 || at % size != 0 || at > b.Length - (long)n * size)
                throw new ArgumentOutOfRangeException("at", "native kernels: tensor of " + n + " x " + size + " bytes at " + at + " is outside the blob or misaligned");
            return at;
        }

        /// <summary>Native code must never read or write outside an array: checked here, where C cannot.</summary>
        private static void Check(Array a, int offset, int length)
        {
            if (a == null) throw new ArgumentException("native kernels: array is null");
            if (length < 1 || offset < 0 || offset > a.Length - length) throw new ArgumentOutOfRangeException("offset", "native kernels: range outside the array");
        }
    }
}
