using System;
using Edge.Asr.FixedPoint;
using Edge.Asr.Weights;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Depthwise-separable 2-D convolution subsampling, x4 in time, causal, streaming (the layout of
    /// NeMo's "dw_striding" subsampling with causal time padding):
    /// <code>
    /// input  : one frame of F mel values (1 channel) every 10 ms            F = 40
    /// stage 1: conv 3×3 (time × freq), 1 → C, stride 2×2, + ReLU             → F1 = ⌊(F−1)/2⌋+1 = 20 bins × C
    /// stage 2: depthwise 3×3, C → C, stride 2×2 (no activation)              → F2 = ⌊(F1−1)/2⌋+1 = 10 bins × C
    ///          pointwise 1×1, C → C (a Linear per bin) + ReLU
    /// flatten: index c·F2 + f (PyTorch's (C, F) order)                       → C·F2 values
    /// output : Linear C·F2 → D, one vector every 40 ms
    /// </code>
    /// Time is causal: each conv sees frames t−2, t−1, t (zeros before the stream start), as a
    /// PyTorch conv with 2 frames of left padding and stride 2; frequency is padded by 1 on both
    /// sides. Stage 1 fires on input frames 0, 2, 4, …; stage 2 on every second stage-1 output, so
    /// an encoder frame is emitted on input frames 0, 4, 8, … . Conv kernels are int8 [c][kt][kf]
    /// (kt = 0 is the oldest frame, kf = 0 the lower bin), int32 biases, per-channel requantisation.
    /// </summary>
    public sealed class ConvSubsampling
    {
        private readonly int melBins;
        private readonly int channels;
        private readonly int bins1;
        private readonly int bins2;
        private readonly Linear pointwise;
        private readonly Linear output;

        // Streaming state: the two previous input frames and the two previous stage-1 outputs.
        private short[] mel2, mel1;                 // frames t−2, t−1 (F values)
        private short[] s1Older, s1Old, s1Now;      // stage-1 outputs [f1][c]
        private readonly short[] dw;                // depthwise output of one bin (C)
        private readonly short[] arena;             // pointwise output of one bin (C) at pwAt, flat [c·F2 + f] at flatAt
        private readonly int pwAt, flatAt;
        private readonly TensorStore store;
        private readonly int conv1WAt, conv1BAt, conv1MAt, conv1SAt, dwWAt, dwBAt, dwMAt, dwSAt;
        private int inputPhase;                     // input frame index mod 2 (0: stage 1 fires)
        private int stage1Phase;                    // stage-1 output index mod 2 (0: stage 2 fires)

        public ConvSubsampling(int melBins, int channels,
            sbyte[] conv1Weights, int[] conv1Bias, int[] conv1Multipliers, int[] conv1Shifts,
            sbyte[] depthwiseWeights, int[] depthwiseBias, int[] depthwiseMultipliers, int[] depthwiseShifts,
            Linear pointwise, Linear output)
            : this(melBins, channels, conv1Weights, conv1Bias, conv1Multipliers, conv1Shifts,
                depthwiseWeights, depthwiseBias, depthwiseMultipliers, depthwiseShifts, pointwise, output, ManagedKernels.Instance)
        {
        }

        /// <summary>As the other constructor, with the convolution loops run by <paramref name="kernels"/> (the conv arrays are packed into a blob of its own).</summary>
        public ConvSubsampling(int melBins, int channels,
            sbyte[] conv1Weights, int[] conv1Bias, int[] conv1Multipliers, int[] conv1Shifts,
            sbyte[] depthwiseWeights, int[] depthwiseBias, int[] depthwiseMultipliers, int[] depthwiseShifts,
            Linear pointwise, Linear output, IOpKernels kernels)
            : this(melBins, channels, Pack(melBins, channels, conv1Weights, conv1Bias, conv1Multipliers, conv1Shifts,
                depthwiseWeights, depthwiseBias, depthwiseMultipliers, depthwiseShifts, kernels), pointwise, output)
        {
        }

        private ConvSubsampling(int melBins, int channels, TensorPack pack, Linear pointwise, Linear output)
            : this(melBins, channels, pack.Store, pack.At(0), pack.At(1), pack.At(2), pack.At(3), pack.At(4), pack.At(5), pack.At(6), pack.At(7),
                pointwise, output, new short[ScratchShorts(channels, melBins)], 0)
        {
        }

        private static TensorPack Pack(int melBins, int channels,
            sbyte[] conv1Weights, int[] conv1Bias, int[] conv1Multipliers, int[] conv1Shifts,
            sbyte[] depthwiseWeights, int[] depthwiseBias, int[] depthwiseMultipliers, int[] depthwiseShifts, IOpKernels kernels)
        {
            if (kernels == null) throw new ArgumentException("ConvSubsampling: kernels are required");
            if (melBins < 3) throw new ArgumentOutOfRangeException("melBins", "ConvSubsampling: at least 3 mel bins");
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "ConvSubsampling: channels must be positive");
            if (conv1Weights == null || conv1Weights.Length != channels * 9) throw new ArgumentException("ConvSubsampling: expected " + (channels * 9).ToString() + " stage-1 weights");
            if (depthwiseWeights == null || depthwiseWeights.Length != channels * 9) throw new ArgumentException("ConvSubsampling: expected " + (channels * 9).ToString() + " depthwise weights");
            if (conv1Bias == null || conv1Bias.Length != channels || depthwiseBias == null || depthwiseBias.Length != channels)
                throw new ArgumentException("ConvSubsampling: expected " + channels.ToString() + " biases per conv");
            Requantizer.Validate(conv1Multipliers, conv1Shifts, channels, "ConvSubsampling stage 1");
            Requantizer.Validate(depthwiseMultipliers, depthwiseShifts, channels, "ConvSubsampling depthwise");
            object[] arrays = new object[8];
            arrays[0] = conv1Weights; arrays[1] = conv1Bias; arrays[2] = conv1Multipliers; arrays[3] = conv1Shifts;
            arrays[4] = depthwiseWeights; arrays[5] = depthwiseBias; arrays[6] = depthwiseMultipliers; arrays[7] = depthwiseShifts;
            return new TensorPack(arrays, kernels, 9 * channels, channels, 0);
        }

        /// <summary>
        /// Subsampling whose conv tensors stay in <paramref name="store"/>'s blob at the given byte offsets (weights [C, 9],
        /// then bias, multipliers, shifts [C] of stage 1 and of the depthwise conv), its pointwise output and flattened
        /// frame in arena[at .. at + ScratchShorts).
        /// </summary>
        public ConvSubsampling(int melBins, int channels, TensorStore store,
            int conv1WeightsAt, int conv1BiasAt, int conv1MultipliersAt, int conv1ShiftsAt,
            int depthwiseWeightsAt, int depthwiseBiasAt, int depthwiseMultipliersAt, int depthwiseShiftsAt,
            Linear pointwise, Linear output, short[] arena, int at)
        {
            if (store == null) throw new ArgumentException("ConvSubsampling: a tensor store is required");
            if (melBins < 3) throw new ArgumentOutOfRangeException("melBins", "ConvSubsampling: at least 3 mel bins");
            if (channels < 1) throw new ArgumentOutOfRangeException("channels", "ConvSubsampling: channels must be positive");
            store.ValidateRequantizer(conv1MultipliersAt, conv1ShiftsAt, channels, "ConvSubsampling stage 1");
            store.ValidateRequantizer(depthwiseMultipliersAt, depthwiseShiftsAt, channels, "ConvSubsampling depthwise");
            this.bins1 = (melBins - 1) / 2 + 1;
            this.bins2 = (bins1 - 1) / 2 + 1;
            if (pointwise == null || pointwise.InputSize != channels || pointwise.OutputSize != channels) throw new ArgumentException("ConvSubsampling: pointwise must be C → C");
            if (output == null || output.InputSize != channels * bins2) throw new ArgumentException("ConvSubsampling: output layer must take C·F2 = " + (channels * bins2).ToString() + " inputs");
            if (arena == null || at < 0 || at > arena.Length - ScratchShorts(channels, melBins)) throw new ArgumentException("ConvSubsampling: the arena is too small");
            this.melBins = melBins;
            this.channels = channels;
            this.store = store;
            conv1WAt = conv1WeightsAt; conv1BAt = conv1BiasAt; conv1MAt = conv1MultipliersAt; conv1SAt = conv1ShiftsAt;
            dwWAt = depthwiseWeightsAt; dwBAt = depthwiseBiasAt; dwMAt = depthwiseMultipliersAt; dwSAt = depthwiseShiftsAt;
            this.pointwise = pointwise;
            this.output = output;
            mel2 = new short[melBins];
            mel1 = new short[melBins];
            s1Older = new short[bins1 * channels];
            s1Old = new short[bins1 * channels];
            s1Now = new short[bins1 * channels];
            dw = new short[channels];
            this.arena = arena;
            pwAt = at;
            flatAt = at + channels;
        }

        /// <summary>Arena shorts: one bin's pointwise output (C) and the flattened frame (C·F2).</summary>
        public static int ScratchShorts(int channels, int melBins)
        {
            int bins1 = (melBins - 1) / 2 + 1;
            return channels + channels * ((bins1 - 1) / 2 + 1);
        }

        public int MelBins { get { return melBins; } }
        public int Channels { get { return channels; } }
        /// <summary>Frequency bins after stage 1 (20 for 40 mel).</summary>
        public int Bins1 { get { return bins1; } }
        /// <summary>Frequency bins after stage 2 (10 for 40 mel).</summary>
        public int Bins2 { get { return bins2; } }
        /// <summary>Width D of each encoder frame.</summary>
        public int OutputSize { get { return output.OutputSize; } }
        /// <summary>Input frames per encoder frame.</summary>
        public int Stride { get { return 4; } }

        /// <summary>
        /// Multiply-accumulates per encoder frame (4 input frames): stage 1 twice (2 · taps1 · 3 · C),
        /// depthwise taps2 · 3 · C, pointwise F2·C·C, output C·F2·D, where taps1/taps2 count the
        /// (bin, kf) pairs that fall inside the frequency range (padding taps are skipped, not multiplied).
        /// </summary>
        public long MacsPerFrame
        {
            get
            {
                return 2L * InsideTaps(bins1, melBins) * 3 * channels + (long)InsideTaps(bins2, bins1) * 3 * channels
                    + bins2 * pointwise.MacsPerFrame + output.MacsPerFrame;
            }
        }

        /// <summary>Frequency taps of a 3-wide stride-2 conv with padding 1 that fall inside the input.</summary>
        public static int InsideTaps(int outBins, int inBins)
        {
            int n = 0;
            for (int f = 0; f < outBins; f++)
                for (int kf = 0; kf < 3; kf++)
                {
                    int bin = 2 * f - 1 + kf;
                    if (bin >= 0 && bin < inBins) n++;
                }
            return n;
        }

        /// <summary>Bytes of streaming state (two mel frames, three stage-1 outputs).</summary>
        public int StateBytes { get { return 2 * (2 * melBins + 3 * bins1 * channels); } }

        public void Reset()
        {
            Array.Clear(mel2, 0, melBins);
            Array.Clear(mel1, 0, melBins);
            Array.Clear(s1Older, 0, s1Older.Length);
            Array.Clear(s1Old, 0, s1Old.Length);
            Array.Clear(s1Now, 0, s1Now.Length);
            inputPhase = 0;
            stage1Phase = 0;
        }

        /// <summary>
        /// Consumes one mel frame; returns true when it completes an encoder frame, which is then
        /// written to output[outOffset .. outOffset + D).
        /// </summary>
        public bool Process(short[] mel, int melOffset, short[] output, int outOffset)
        {
            bool emitted = false;
            if (inputPhase == 0)
            {
                Stage1(mel, melOffset);
                if (stage1Phase == 0)
                {
                    Stage2();
                    this.output.Process(arena, flatAt, output, outOffset);
                    emitted = true;
                }
                stage1Phase ^= 1;
                short[] t = s1Older; s1Older = s1Old; s1Old = s1Now; s1Now = t;
            }
            inputPhase ^= 1;
            short[] m = mel2; mel2 = mel1; mel1 = m;
            Array.Copy(mel, melOffset, mel1, 0, melBins);
            return emitted;
        }

        /// <summary>3×3 conv, 1 → C, over frames (mel2, mel1, current), stride 2 in frequency, ReLU, into s1Now.</summary>
        private void Stage1(short[] mel, int melOffset)
        {
            store.SubsampleConv1(mel2, mel1, mel, melOffset, melBins, bins1, channels, conv1WAt, conv1BAt, conv1MAt, conv1SAt, s1Now);
        }

        /// <summary>Depthwise 3×3 over (s1Older, s1Old, s1Now), stride 2 in frequency, then pointwise + ReLU, into flat.</summary>
        private void Stage2()
        {
            for (int f = 0; f < bins2; f++)
            {
                store.SubsampleDepthwise(s1Older, s1Old, s1Now, bins1, f, channels, dwWAt, dwBAt, dwMAt, dwSAt, dw);
                pointwise.Process(dw, 0, arena, pwAt);
                for (int c = 0; c < channels; c++) arena[flatAt + c * bins2 + f] = arena[pwAt + c];
            }
        }

        /// <summary>The reference loop of stage 1 (ManagedKernels): output [bins1][C].</summary>
        public static void ComputeStage1(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
            sbyte[] conv1W, int[] conv1B, int[] conv1M, int[] conv1S, short[] s1Now)
        {
            for (int f = 0; f < bins1; f++)
            {
                int centre = 2 * f;
                for (int c = 0; c < channels; c++)
                {
                    int w = c * 9;
                    int acc = 0;
                    for (int kf = 0; kf < 3; kf++)
                    {
                        int bin = centre - 1 + kf;
                        if (bin < 0 || bin >= melBins) continue;
                        acc += conv1W[w + kf] * mel2[bin] + conv1W[w + 3 + kf] * mel1[bin] + conv1W[w + 6 + kf] * mel[melOffset + bin];
                    }
                    short y = Fixed.Requantize((long)acc + conv1B[c], conv1M[c], conv1S[c]);
                    s1Now[f * channels + c] = y < 0 ? (short)0 : y;
                }
            }
        }

        /// <summary>The reference loop of stage 2's depthwise conv for one output bin (ManagedKernels): output [C].</summary>
        public static void ComputeDepthwise(short[] s1Older, short[] s1Old, short[] s1Now, int bins1, int bin2, int channels,
            sbyte[] dwW, int[] dwB, int[] dwM, int[] dwS, short[] dw)
        {
            int centre = 2 * bin2;
            for (int c = 0; c < channels; c++)
            {
                int w = c * 9;
                int acc = 0;
                for (int kf = 0; kf < 3; kf++)
                {
                    int bin = centre - 1 + kf;
                    if (bin < 0 || bin >= bins1) continue;
                    int at = bin * channels + c;
                    acc += dwW[w + kf] * s1Older[at] + dwW[w + 3 + kf] * s1Old[at] + dwW[w + 6 + kf] * s1Now[at];
                }
                dw[c] = Fixed.Requantize((long)acc + dwB[c], dwM[c], dwS[c]);
            }
        }
    }
}
