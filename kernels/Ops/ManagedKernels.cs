using Edge.Asr.Attention;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// The C# reference kernels: each method runs the op's own static loop (Linear.Compute, …),
    /// interpreted by nanoCLR on the device and JIT-compiled on the desktop.
    /// </summary>
    public sealed class ManagedKernels : IOpKernels
    {
        /// <summary>The one instance (the class has no state).</summary>
        public static readonly ManagedKernels Instance = new ManagedKernels();

        private ManagedKernels()
        {
        }

        public string Name { get { return "managed"; } }

        public void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
            short[] output, int outOffset, int outputSize, bool relu)
        {
            Linear.Compute(input, inOffset, inputSize, weights, bias, multipliers, shifts, output, outOffset, outputSize, relu);
        }

        public void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset)
        {
            CausalDepthwiseConv1d.Compute(input, inOffset, history, oldest, channels, kernel, weights, bias, multipliers, shifts, output, outOffset);
        }

        public void LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] scratch, short[] output, int outOffset)
        {
            LayerNorm.Compute(input, inOffset, width, gamma, beta, fracIn, outShift, epsQ32, widthLog2, scratch, output, outOffset);
        }

        public void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, short[] output, int outOffset)
        {
            Softmax.Compute(input, inOffset, length, uShift, scratch, output, outOffset);
        }

        public void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset)
        {
            Swish.Compute(input, inOffset, width, fracIn, shift, output, outOffset);
        }

        public void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset)
        {
            Sigmoid.Compute(input, inOffset, width, fracIn, output, outOffset);
        }

        public void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset)
        {
            Glu.Compute(input, inOffset, channels, fracIn, shift, output, outOffset);
        }

        public void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut,
            short[] output, int outOffset)
        {
            ResidualAdd.Compute(a, aOffset, b, bOffset, width, shiftA, shiftB, shiftOut, output, outOffset);
        }

        public void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            ConvSubsampling.ComputeStage1(mel2, mel1, mel, melOffset, melBins, bins1, channels, weights, bias, multipliers, shifts, output);
        }

        public void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
        {
            ConvSubsampling.ComputeDepthwise(older, old, now, bins1, bin2, channels, weights, bias, multipliers, shifts, output);
        }

        public void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset)
        {
            Edge.Asr.Ops.RunningMeanSubtractS16.CheckShift(shift);   // as the native kernel, which refuses it
            Edge.Asr.Ops.RunningMeanSubtractS16.Process(input, inOffset, means, channels, shift, first, output, outOffset);
        }

        public void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim, int count,
            int multiplier, int shift, short[] scores)
        {
            FoldedAttention.ComputeScores(query, qOffset, keys, kOffset, subDim, headDim, count, multiplier, shift, scores);
        }

        public void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim, int contextShift,
            short[] output, int outOffset)
        {
            FoldedAttention.ComputeContext(probs, count, values, vOffset, subDim, headDim, contextShift, output, outOffset);
        }
    }
}
