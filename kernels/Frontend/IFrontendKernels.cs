namespace Edge.Asr.Frontend
{
    /// <summary>
    /// The frontend's side of the native seam: one log-mel frame from a full window of samples, by
    /// the C twin of LogMelFrontend's managed path (native/src/logmel.c), bit for bit. The tables
    /// (FrontendTables) are passed by the implementation; the scratch arrays by the caller.
    /// </summary>
    public interface IFrontendKernels
    {
        /// <summary>
        /// Writes the 40 log-mel values of window[0 .. windowLength) to output; re, im and magnitude are
        /// scratch (256 ints each); bitReverse holds the 256 bit reversals of 8-bit indices. Returns the
        /// intermediate values that broke their proven bound (BlockFloatRealFft.OverflowCount).
        /// </summary>
        int LogMelFrameS16(short[] window, int windowLength, int[] bitReverse, int[] re, int[] im, int[] magnitude, short[] output);
    }
}
