using System;
using System.Runtime.CompilerServices;
using Edge.Asr.Blob;
using Edge.Asr.Frontend;
using Edge.Asr.Ops;

namespace Edge.Asr.Interop
{
    /// <summary>
    /// <see cref="IOpKernels"/> on the firmware's native kernels (<see cref="NativeKernels"/>), passing
    /// the C# lookup tables. <see cref="Unavailable"/> probes the firmware once: without the native
    /// assembly (or with another ABI version) it says why. Weights held in a byte-array blob, or in the flash
    /// resource the glue has mapped (<see cref="MappedBlobSource"/>), are read in place by the C kernels
    /// (IBlobWeightKernels: the glue gets the array, or an empty one for the resource, and byte offsets).
    /// </summary>
    public sealed class InteropKernels : IOpKernels, IBlobWeightKernels, IFrontendKernels
    {
        /// <summary>
        /// The interop method table this class is written against (EASR_INTEROP_VERSION of the C++ glue): 2 since
        /// NativeKernels.MapResource and the flash blob (with the frontend kernel's int32 scratch), 3 since
        /// NativeKernels.RunningMeanSubtractS16 (the model's input norm; C kernels' EASR_ABI_VERSION 3). Any change to
        /// NativeKernels' methods bumps it.
        /// </summary>
        public const int AbiVersion = 3;

        /// <summary>The one instance (the class has no state); usable only when <see cref="Unavailable"/> is "".</summary>
        public static readonly InteropKernels Instance = new InteropKernels();

        private InteropKernels()
        {
        }

        /// <summary>"" when the firmware's native kernels can run; otherwise why not (probed by one call).</summary>
        public static string Unavailable()
        {
            int version;
            try
            {
                version = Probe();
            }
            catch (Exception e)
            {
                return "this firmware has no Edge.Asr.Native interop assembly (" + e.Message + ")";
            }
            if (version != AbiVersion)
                return "the firmware's native kernels have ABI version " + version.ToString() + ", this app needs " + AbiVersion.ToString();
            return "";
        }

        // A separate method, so a runtime that cannot bind the internal call fails inside the try above.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Probe()
        {
            return NativeKernels.AbiVersion();
        }

        public string Name { get { return "native"; } }

        public void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
            short[] output, int outOffset, int outputSize, bool relu)
        {
            NativeKernels.LinearS8S16(input, inOffset, inputSize, weights, bias, multipliers, shifts, output, outOffset, outputSize, relu);
        }

        public void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset)
        {
            NativeKernels.DepthwiseConv1dS8S16(input, inOffset, history, oldest, channels, kernel, weights, bias, multipliers, shifts, output, outOffset);
        }

        public void LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            int status = NativeKernels.LayerNormS16(input, inOffset, width, gamma, beta, fracIn, outShift, epsQ32, widthLog2, scratch,
                OpTables.InverseSqrtQ30, output, outOffset);
            if (status != 0) throw new ArgumentOutOfRangeException("x", "x must be positive");
        }

        public void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, short[] output, int outOffset)
        {
            NativeKernels.SoftmaxS16(input, inOffset, length, uShift, scratch, OpTables.Exp2NegQ30, OpTables.ReciprocalQ30, output, outOffset);
        }

        public void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset)
        {
            NativeKernels.SwishS16(input, inOffset, width, fracIn, shift, OpTables.SigmoidMinusHalfQ15, output, outOffset);
        }

        public void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset)
        {
            NativeKernels.SigmoidS16(input, inOffset, width, fracIn, OpTables.SigmoidMinusHalfQ15, output, outOffset);
        }

        public void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset)
        {
            NativeKernels.GluS16(input, inOffset, channels, fracIn, shift, OpTables.SigmoidMinusHalfQ15, output, outOffset);
        }

        public void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut,
            short[] output, int outOffset)
        {
            NativeKernels.ResidualAddS16(a, aOffset, b, bOffset, width, shiftA, shiftB, shiftOut, output, outOffset);
        }

        public void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            NativeKernels.SubsampleConv1S8S16(mel2, mel1, mel, melOffset, melBins, bins1, channels, weights, bias, multipliers, shifts, output);
        }

        public void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            NativeKernels.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, channels, weights, bias, multipliers, shifts, output);
        }

        public void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset)
        {
            Edge.Asr.Ops.RunningMeanSubtractS16.CheckShift(shift);   // the managed kernel's message (the glue refuses it too)
            NativeKernels.RunningMeanSubtractS16(input, inOffset, means, channels, shift, first, output, outOffset);
        }

        public void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim, int count,
            int multiplier, int shift, short[] scores)
        {
            NativeKernels.AttentionScoresS16(query, qOffset, keys, kOffset, subDim, headDim, count, multiplier, shift, scores);
        }

        public int LogMelFrameS16(short[] window, int windowLength, int[] bitReverse, int[] re, int[] im, int[] magnitude, short[] output)
        {
            return NativeKernels.LogMelFrameS16(window, windowLength, bitReverse, re, im, magnitude, output, FrontendTables.HannQ31,
                FrontendTables.CosQ31, FrontendTables.SinQ31, FrontendTables.MelStart, FrontendTables.MelLength, FrontendTables.MelOffset,
                FrontendTables.MelWeightsQ15, FrontendTables.Log2MantissaQ16);
        }

        public void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim, int contextShift,
            short[] output, int outOffset)
        {
            NativeKernels.AttentionContextS16(probs, count, values, vOffset, subDim, headDim, contextShift, output, outOffset);
        }

        /// <summary>"" for a length MapResource returned; otherwise why the resource cannot be read in place.</summary>
        public static string MapProblem(int mapped)
        {
            if (mapped >= 0) return "";
            if (mapped == -1) return "no loaded assembly holds that resource";
            if (mapped == -2) return "the resource is not binary";
            if (mapped == -3) return "the resource's first byte is not 4-byte aligned";
            if (mapped == -4) return "the resource lies in the managed heap, where it may move";
            if (mapped == -5) return "no resource file name";
            return "MapResource answered " + mapped.ToString();
        }

        /// <summary>A blob held as a byte array (the firmware's RAM copy of the tensors) or the mapped flash resource is read in place.</summary>
        public bool ReadsInPlace(IBlobSource source)
        {
            return source is ByteArrayBlobSource || source is MappedBlobSource;
        }

        // The blob array the glue reads: the array itself, or the empty array that stands for the mapped resource.
        private static byte[] BlobBytes(IBlobSource blob)
        {
            if (blob is MappedBlobSource) return MappedBlobSource.InFlash;
            return ((ByteArrayBlobSource)blob).Bytes;
        }

        public void LinearS8S16(IBlobSource blob, short[] input, int inOffset, int inputSize, int weightsAt, int biasAt, int multipliersAt,
            int shiftsAt, short[] output, int outOffset, int outputSize, bool relu)
        {
            NativeKernels.LinearS8S16InBlob(BlobBytes(blob), input, inOffset, inputSize, weightsAt, biasAt, multipliersAt, shiftsAt,
                output, outOffset, outputSize, relu);
        }

        public void DepthwiseConv1dS8S16(IBlobSource blob, short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset)
        {
            NativeKernels.DepthwiseConv1dS8S16InBlob(BlobBytes(blob), input, inOffset, history, oldest, channels, kernel,
                weightsAt, biasAt, multipliersAt, shiftsAt, output, outOffset);
        }

        public void LayerNormS16(IBlobSource blob, short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn, int outShift,
            long epsQ32, int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            int status = NativeKernels.LayerNormS16InBlob(BlobBytes(blob), input, inOffset, width, gammaAt, betaAt, fracIn, outShift,
                epsQ32, widthLog2, scratch, OpTables.InverseSqrtQ30, output, outOffset);
            if (status != 0) throw new ArgumentOutOfRangeException("x", "x must be positive");
        }

        public void SubsampleConv1S8S16(IBlobSource blob, short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
        {
            NativeKernels.SubsampleConv1S8S16InBlob(BlobBytes(blob), mel2, mel1, mel, melOffset, melBins, bins1, channels,
                weightsAt, biasAt, multipliersAt, shiftsAt, output);
        }

        public void SubsampleDepthwiseS8S16(IBlobSource blob, short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
        {
            NativeKernels.SubsampleDepthwiseS8S16InBlob(BlobBytes(blob), older, old, now, bins1, bin2, channels,
                weightsAt, biasAt, multipliersAt, shiftsAt, output);
        }
    }
}
