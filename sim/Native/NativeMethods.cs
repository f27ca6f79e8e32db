using System.Runtime.InteropServices;

namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// The C entry points of native/include/edge_asr_kernels.h (libedgeasr). Arrays are passed as
    /// <c>ref</c> to their first used element: the runtime pins them for the call, no copies.
    /// </summary>
    internal static class NativeMethods
    {
        public const string Library = "edgeasr";

        [DllImport(Library)] public static extern int easr_abi_version();

        [DllImport(Library)] public static extern short easr_requantize(long acc, int multiplier, int shift);

        [DllImport(Library)] public static extern int easr_sigmoid_q15(int x, int fracIn, ref short table);

        [DllImport(Library)]
        public static extern void easr_linear_s8s16(ref short input, int inSize, ref sbyte weights, ref int bias, ref int multipliers,
            ref int shifts, ref short output, int outSize, int relu);

        [DllImport(Library)]
        public static extern void easr_depthwise_conv1d_s8s16(ref short input, ref short history, int oldest, int channels, int kernel,
            ref sbyte weights, ref int bias, ref int multipliers, ref int shifts, ref short output);

        [DllImport(Library)]
        public static extern int easr_layernorm_s16(ref short input, int width, ref short gamma, ref int beta, int fracIn, int outShift,
            long epsQ32, int widthLog2, ref int y, ref int invSqrtTable, ref short output);

        [DllImport(Library)]
        public static extern void easr_softmax_s16(ref short input, int length, int uShift, ref int e, ref int exp2Table,
            ref int reciprocalTable, ref short output);

        [DllImport(Library)]
        public static extern void easr_swish_s16(ref short input, int width, int fracIn, int shift, ref short table, ref short output);

        [DllImport(Library)]
        public static extern void easr_sigmoid_s16(ref short input, int width, int fracIn, ref short table, ref short output);

        [DllImport(Library)]
        public static extern void easr_glu_s16(ref short input, int channels, int fracIn, int shift, ref short table, ref short output);

        [DllImport(Library)]
        public static extern void easr_residual_add_s16(ref short a, ref short b, int width, int shiftA, int shiftB, int shiftOut, ref short output);

        [DllImport(Library)]
        public static extern void easr_subsample_conv1_s8s16(ref short mel2, ref short mel1, ref short mel, int melBins, int bins1, int channels,
            ref sbyte weights, ref int bias, ref int multipliers, ref int shifts, ref short output);

        [DllImport(Library)]
        public static extern void easr_subsample_depthwise_s8s16(ref short older, ref short old, ref short now, int bins1, int bin2, int channels,
            ref sbyte weights, ref int bias, ref int multipliers, ref int shifts, ref short output);

        [DllImport(Library)]
        public static extern int easr_running_mean_subtract_s16(ref short input, ref int means, int channels, int shift, int first, ref short output);

        [DllImport(Library)]
        public static extern void easr_attention_scores_s16(ref short query, ref short keys, int subDim, int headDim, int count,
            int multiplier, int shift, ref short scores);

        [DllImport(Library)]
        public static extern int easr_logmel_frame_s16(ref short window, int windowLength, ref int hann, ref int cosTable, ref int sinTable,
            ref int bitReverse, ref short melStart, ref short melLength, ref short melOffset, ref short melWeights, int channels,
            ref int log2Table, ref int re, ref int im, ref int magnitude, ref short output);

        [DllImport(Library)]
        public static extern void easr_attention_context_s16(ref short probs, int count, ref short values, int subDim, int headDim,
            int contextShift, ref short output);
    }
}
