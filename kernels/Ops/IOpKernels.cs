namespace Edge.Asr.Ops
{
    /// <summary>
    /// The seam between the ops and their inner loops: stateless integer kernels, every buffer
    /// passed by the caller, named after CMSIS-NN (op, then weight and activation types).
    /// <see cref="ManagedKernels"/> is the C# reference; the native twin (native/, C99) is reached
    /// through this same interface: on the desktop by P/Invoke (sim/Native), on the device by the
    /// nanoFramework interop class (kernels/Interop). Both must give the
    /// same bits as the reference.
    /// </summary>
    public interface IOpKernels
    {
        /// <summary>What runs the loops: "managed" or "native".</summary>
        string Name { get; }

        /// <summary>output[outOffset + o] = requant(Σ W[o][i]·input[inOffset + i] + bias[o]), ReLU if asked.</summary>
        void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
            short[] output, int outOffset, int outputSize, bool relu);

        /// <summary>One frame of a causal depthwise conv; history is the ring of K−1 frames, oldest its oldest slot.</summary>
        void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset);

        /// <summary>LayerNorm of one row (see <see cref="LayerNorm"/>); scratch holds width ints.</summary>
        void LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
            int widthLog2, int[] scratch, short[] output, int outOffset);

        /// <summary>Softmax of length values to Q15; scratch holds length ints.</summary>
        void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, short[] output, int outOffset);

        /// <summary>x·σ(x) element-wise, rounded by shift (fracIn + 15 − fracOut).</summary>
        void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset);

        /// <summary>σ(x) element-wise to Q15 (saturated at 32767).</summary>
        void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset);

        /// <summary>a·σ(b) over [a | b] of 2·channels values, rounded by shift.</summary>
        void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset);

        /// <summary>sat16(round((a &lt;&lt; shiftA) + (b &lt;&lt; shiftB), shiftOut)) element-wise.</summary>
        void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut,
            short[] output, int outOffset);

        /// <summary>Subsampling stage 1: 3×3 conv 1 → C over (mel2, mel1, mel), stride 2 in frequency, ReLU; output [bins1][C].</summary>
        void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output);

        /// <summary>Subsampling stage 2 for output bin bin2: depthwise 3×3 over (older, old, now) [bins1][C], stride 2 in frequency; output [C].</summary>
        void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
            sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output);

        /// <summary>
        /// The model's input norm over one frame of channels values (see <see cref="Edge.Asr.Ops.RunningMeanSubtractS16"/>):
        /// means (one int per channel, the caller's state) set from the frame when first, else moved 2^−shift of the way to it;
        /// output = input − mean. Refuses a shift outside [1, 8].
        /// </summary>
        void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset);

        /// <summary>scores[s] = requant(Σ_i query[qOffset + i]·keys[kOffset + s·subDim + i]) for s &lt; count.</summary>
        void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim, int count,
            int multiplier, int shift, short[] scores);

        /// <summary>output[outOffset + i] = sat16(scale(Σ_s probs[s]·values[vOffset + s·subDim + i], contextShift)) for i &lt; headDim.</summary>
        void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim, int contextShift,
            short[] output, int outOffset);
    }
}
