using System.Runtime.CompilerServices;

namespace Edge.Asr.Interop
{
    /// <summary>
    /// The nanoFramework interop class of the native kernels: each method is implemented in C by a
    /// firmware built with the Edge.Asr.Native interop assembly (native/nanoframework, docs/device.md),
    /// which forwards to native/src (the C99 twin the desktop tests compare with the C# reference).
    /// Arrays are passed whole with an offset; the glue checks every range before the C code runs.
    /// Tables are passed by the caller (<see cref="InteropKernels"/>) so C reads the C# tables.
    /// On a firmware without the native assembly a call throws; <see cref="InteropKernels.Unavailable"/>
    /// catches that once at start-up and the engine stays on the managed kernels.
    /// </summary>
    public static class NativeKernels
    {
        /// <summary>
        /// The glue's interop method table version (EASR_INTEROP_VERSION of the C++ glue; 2 since MapResource, 3 since
        /// RunningMeanSubtractS16). The glue
        /// refuses to compile against C kernels of another EASR_ABI_VERSION than the one it is written for.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int AbiVersion();

        /// <summary>
        /// Finds binary resource <paramref name="resourceId"/> of resource file <paramref name="resourceFile"/> (the
        /// ResourceManager's base name + ".nanoresources") in the deployment area as nanoCLR's ResourceManager does, keeps
        /// its address for the ...InBlob methods called with an empty blob array, and returns its length in bytes; a
        /// negative value says why not (InteropKernels.MapProblem): the blob then stays out of the native kernels' reach.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int MapResource(string resourceFile, short resourceId);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers,
            int[] shifts, short[] output, int outOffset, int outputSize, bool relu);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset);

        /// <summary>Returns 0, or −1 when the variance is not positive (the managed op throws there).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift,
            long epsQ32, int widthLog2, int[] scratch, int[] inverseSqrtTable, short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, int[] exp2Table,
            int[] reciprocalTable, short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] sigmoidTable,
            short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] sigmoidTable, short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] sigmoidTable,
            short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB,
            int shiftOut, short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1,
            int channels, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output);

        /// <summary>The model's input norm over one frame; the glue refuses a shift outside [1, 8] (the means are the caller's state).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first,
            short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim,
            int count, int multiplier, int shift, short[] scores);

        /// <summary>One log-mel frame; returns the intermediate values that broke their proven bound.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int LogMelFrameS16(short[] window, int windowLength, int[] bitReverse, int[] re, int[] im,
            int[] magnitude, short[] output, int[] hannTable, int[] cosTable, int[] sinTable, short[] melStartTable, short[] melLengthTable,
            short[] melOffsetTable, short[] melWeightsTable, int[] log2Table);

        // The weight-taking kernels with their tensors at byte offsets of a blob (IBlobWeightKernels): a byte array, or,
        // when the array is empty, the flash resource MapResource found. int8 data as is, int16/int32 little-endian and
        // aligned; the glue checks range and alignment against the array or the resource.

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void LinearS8S16InBlob(byte[] blob, short[] input, int inOffset, int inputSize, int weightsAt, int biasAt,
            int multipliersAt, int shiftsAt, short[] output, int outOffset, int outputSize, bool relu);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void DepthwiseConv1dS8S16InBlob(byte[] blob, short[] input, int inOffset, short[] history, int oldest, int channels,
            int kernel, int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset);

        /// <summary>Returns 0, or −1 when the variance is not positive (the managed op throws there).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int LayerNormS16InBlob(byte[] blob, short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn,
            int outShift, long epsQ32, int widthLog2, int[] scratch, int[] inverseSqrtTable, short[] output, int outOffset);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SubsampleConv1S8S16InBlob(byte[] blob, short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins,
            int bins1, int channels, int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SubsampleDepthwiseS8S16InBlob(byte[] blob, short[] older, short[] old, short[] now, int bins1, int bin2,
            int channels, int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output);

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim,
            int contextShift, short[] output, int outOffset);
    }
}
