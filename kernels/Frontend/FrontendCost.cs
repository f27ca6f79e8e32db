namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Integer operations per frame of <see cref="LogMelFrontend"/>, derived from its loop structure
    /// (per-iteration counts × trip counts). Counted: multiplies, adds/subtracts, shifts, bitwise
    /// and/or/xor, table reads, leading-zero counts. Not counted: loop control, index arithmetic,
    /// comparisons/selections, array element moves (the 240-sample Array.Copy of the frame buffer).
    /// Exact for frames whose 40 channel energies are all &gt; 0 (a zero energy skips its log: fewer ops).
    /// The counts that read another type's tables are properties, not static readonly fields: nanoCLR
    /// runs static constructors at boot in type-name order, so an initializer reading FrontendTables
    /// would run before FrontendTables has (a NullReferenceException, every field 0).
    /// </summary>
    public static class FrontendCost
    {
        // Trip counts.
        public const int WindowTaps = LogMelFrontend.WindowLength;                          // 400
        public const int PackedPairs = LogMelFrontend.WindowLength / 2;                       // 200
        public const int PaddedPairs = BlockFloatRealFft.ComplexLength - PackedPairs;         // 56
        public const int Stages = BlockFloatRealFft.Stages;                                   // 8
        public const int Butterflies = Stages * BlockFloatRealFft.ComplexLength / 2;          // 1024
        public const int TwiddlePairs = BlockFloatRealFft.ComplexLength - 1;                  // 255 = 1+2+...+128
        public const int ScalingDecisions = Stages + 1;                                       // after each stage + before the split
        public const int Channels = LogMelFrontend.MelChannels;                               // 40
        public static int SplitBins => MelLogCompressor.LastBin - MelLogCompressor.FirstBin + 1;
        public static int MelTaps => FrontendTables.MelWeightsQ15.Length;

        // Per iteration of each loop body (see the code they describe).
        public const int ButterflyMultiplies = 4, ButterflyAdds = 12, ButterflyShifts = 10, ButterflyBitwise = 8;
        public const int SplitMultiplies = 6, SplitAdds = 15, SplitShifts = 8, SplitBitwise = 4, SplitLookups = 2;
        public const int LogMultiplies = 1, LogAdds = 7, LogShifts = 6, LogBitwise = 2, LogLookups = 2;

        public static int MultipliesPerFrame =>
            WindowTaps                                  // x·w
            + Butterflies * ButterflyMultiplies
            + SplitBins * SplitMultiplies
            + MelTaps                                   // w·P
            + Channels * LogMultiplies;                 // interpolation

        public static int AddsPerFrame =>
            3 + PackedPairs * 2 + 1                     // normalisation shift, rounding, exponent
            + Butterflies * ButterflyAdds
            + ScalingDecisions * 2 + Stages + 2         // shift decisions, exponent bookkeeping
            + SplitBins * SplitAdds
            + 2 + Channels * 3 + MelTaps * 2            // mel exponent, channel shift, rounding + accumulate
            + Channels * LogAdds;

        public static int ShiftsPerFrame =>
            WindowTaps + 2 + PackedPairs * 4            // magnitude sign, rounding half, scale
            + Stages * 2 + Butterflies * ButterflyShifts
            + 2 + SplitBins * SplitShifts
            + 1 + Channels * 2 + MelTaps
            + Channels * LogShifts;

        public static int BitwisePerFrame =>
            WindowTaps * 2
            + Butterflies * ButterflyBitwise
            + SplitBins * SplitBitwise
            + MelTaps
            + Channels * LogBitwise;

        public static int TableLookupsPerFrame =>
            WindowTaps                                  // Hann
            + PackedPairs + PaddedPairs                 // bit reversal
            + TwiddlePairs * 2
            + SplitBins * SplitLookups
            + Channels * 3 + MelTaps                    // start, length, offset; weights
            + Channels * LogLookups;

        public static int LeadingZeroCountsPerFrame => 1 + ScalingDecisions + Channels * 2;
    }
}
