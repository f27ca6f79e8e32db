using Edge.Asr.Blob;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Kernels that read weights in place from a blob in addressable memory (the memory-mapped flash
    /// resource on the device, the blob's byte array on the desktop) instead of from RAM arrays: each
    /// weight argument is a byte offset into the blob (int8 data as is, int16/int32 little-endian,
    /// 4-byte aligned, docs/blob-format.md). Same loops and bits as <see cref="IOpKernels"/>.
    /// </summary>
    public interface IBlobWeightKernels
    {
        /// <summary>True when these kernels can address <paramref name="source"/>'s bytes in place.</summary>
        bool ReadsInPlace(IBlobSource source);

        /// <summary><see cref="IOpKernels.LinearS8S16"/> with the weights at blob offsets.</summary>
        void LinearS8S16(IBlobSource blob, short[] input, int inOffset, int inputSize, int weightsAt, int biasAt, int multipliersAt,
            int shiftsAt, short[] output, int outOffset, int outputSize, bool relu);

        /// <summary><see cref="IOpKernels.DepthwiseConv1dS8S16"/> with the weights at blob offsets.</summary>
        void DepthwiseConv1dS8S16(IBlobSource blob, short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset);

        /// <summary><see cref="IOpKernels.LayerNormS16"/> with γ and β at blob offsets.</summary>
        void LayerNormS16(IBlobSource blob, short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn, int outShift,
            long epsQ32, int widthLog2, int[] scratch, short[] output, int outOffset);

        /// <summary><see cref="IOpKernels.SubsampleConv1S8S16"/> with the weights at blob offsets.</summary>
        void SubsampleConv1S8S16(IBlobSource blob, short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output);

        /// <summary><see cref="IOpKernels.SubsampleDepthwiseS8S16"/> with the weights at blob offsets.</summary>
        void SubsampleDepthwiseS8S16(IBlobSource blob, short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output);
    }
}
