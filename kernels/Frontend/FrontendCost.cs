namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Integer operations per frame of <see cref="LogMelFrontend"/>, derived from its loop structure
    /// (per-iteration counts × trip counts). Counted: multiplies (a high-word multiply counts one),
    /// adds/subtracts/negations, shifts, bitwise and/or/xor, table reads, leading-zero counts. Not counted:
    /// loop control, index arithmetic, comparisons/selections, array element moves (the 240-sample
    /// Array.Copy of the frame buffer). Exact for frames whose 40 channel energies are all &gt; 0 and whose
    /// block never needs an extra shift (a block shift before a pass or the split adds
    /// <see cref="BlockShiftAdds"/> and so on; a zero energy skips its log: fewer ops).
    /// The counts that read another type's tables are properties, not static readonly fields: nanoCLR
    /// runs static constructors at boot in type-name order, so an initializer reading FrontendTables
    /// would run before FrontendTables has (a NullReferenceException, every field 0).
    /// </summary>
    public static class FrontendCost
    {
        // Trip counts.
        public const int WindowTaps = LogMelFrontend.WindowLength;                            // 400
        public const int PackedPairs = LogMelFrontend.WindowLength / 2;                         // 200 complex inputs from samples
        public const int ComplexPoints = BlockFloatRealFft.ComplexLength;                       // 256 (200 + 56 zeros)
        public const int Passes = BlockFloatRealFft.Passes;                                     // 4 radix-4 passes
        public const int Butterflies = Passes * BlockFloatRealFft.ComplexLength / 4;            // 256
        public const int TrivialButterflies = 64 + 16 + 4 + 1;                                 // j = 0 (W = 1): 85
        public const int TwiddledButterflies = Butterflies - TrivialButterflies;                // 171
        public const int TwiddleGroups = 1 + 4 + 16 + 64;                                       // j loops: 85, 6 twiddles each
        public const int SplitPairs = BlockFloatRealFft.ComplexLength / 2;                      // 128 (bins k and 256 - k)
        public const int Channels = LogMelFrontend.MelChannels;                                 // 40
        public static int MelTaps => FrontendTables.MelWeightsQ15.Length;                       // 468

        // Per iteration of each loop body (see the code they describe).
        public const int TwiddleMultiplies = 12, TwiddleAdds = 12, TwiddleShifts = 30;         // 3 complex products, 4 mulh each
        public const int ButterflyAdds = 24, ButterflyShifts = 16, ButterflyBitwise = 16;       // A..D, 8 rounded outputs, magnitude OR
        public const int SplitMultiplies = 4, SplitAdds = 17, SplitShifts = 6, SplitLookups = 2;
        public const int TapMultiplies = 3, TapAdds = 4, TapShifts = 6, TapBitwise = 4;         // magnitude OR, shift, |X|², weight
        public const int LogMultiplies = 1, LogAdds = 7, LogShifts = 6, LogBitwise = 2, LogLookups = 2;

        /// <summary>What one block shift (before a pass or the split) adds: 512 rounded shifts and a magnitude OR.</summary>
        public const int BlockShiftAdds = 2 * ComplexPoints + 2, BlockShiftShifts = 4 * ComplexPoints, BlockShiftBitwise = 4 * ComplexPoints;

        public static int MultipliesPerFrame =>
            WindowTaps                                      // mulh(x·2^L, hann)
            + TwiddledButterflies * TwiddleMultiplies
            + SplitPairs * SplitMultiplies
            + MelTaps * TapMultiplies
            + Channels * LogMultiplies;                     // interpolation

        public static int AddsPerFrame =>
            2 + WindowTaps + 1                              // bits and shift of the input, rounding, exponent
            + Passes * 4                                    // bits before and after, shift, exponent
            + TwiddledButterflies * (TwiddleAdds + ButterflyAdds) + TrivialButterflies * ButterflyAdds
            + 2 + SplitPairs * SplitAdds                    // split shift decision
            + Channels * 4 + MelTaps * TapAdds              // end, shift, exponent; taps
            + Channels * LogAdds;

        public static int ShiftsPerFrame =>
            WindowTaps + PackedPairs * 6 + ComplexPoints * 2 // input OR; x·2^L, mulh, rounding; block OR
            + Passes * 2                                    // rounding half
            + TwiddledButterflies * (TwiddleShifts + ButterflyShifts) + TrivialButterflies * ButterflyShifts
            + SplitPairs * SplitShifts
            + Channels * 3 + MelTaps * TapShifts            // half, exponent doubling; taps
            + Channels * LogShifts;

        public static int BitwisePerFrame =>
            WindowTaps * 2 + ComplexPoints * 4
            + Butterflies * ButterflyBitwise
            + MelTaps * TapBitwise
            + Channels * LogBitwise;

        public static int TableLookupsPerFrame =>
            WindowTaps                                      // Hann
            + ComplexPoints                                 // bit reversal
            + TwiddleGroups * 6
            + SplitPairs * SplitLookups
            + Channels * 3 + MelTaps                        // start, length, offset; weights
            + Channels * LogLookups;

        public static int LeadingZeroCountsPerFrame => 1 + Passes * 2 + 1 + Channels * 2;
    }
}
