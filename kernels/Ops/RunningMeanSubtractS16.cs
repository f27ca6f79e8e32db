using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Per-channel level normalisation of log-mel frames (PCEN's automatic gain control with log
    /// compression and α = 1): each channel's running mean m of the log2 energy follows
    /// m ← m + (x − m)·2^−shift, and the output is x − m. A level change of the talker or a fixed
    /// microphone response is a constant added to x in the log domain; after a few time constants
    /// (2^shift frames) it is gone from the output, while a word's onsets stay.
    ///
    /// Fixed point: x and y int16 in the frontend's Q8; m int32 with <see cref="MeanFracBits"/>
    /// more fraction bits, so a step smaller than one Q8 unit still moves it. |x·2^8| ≤ 2^23 and m
    /// stays between the inputs' extremes, so d = x·2^8 − m fits 2^24: no int32 overflow. Both
    /// roundings are half away from zero; y saturates. The first frame after a reset sets m = x·2^8.
    /// Each update's rounding (≤ 1/2 of m's unit) decays by (1 − 2^−shift) per frame, so m's error stays
    /// below 2^(shift−1) of its units: ≤ 1/2 Q8 unit for shift ≤ 8, hence the range [1, 8] (time constants up to 2.56 s).
    /// Stateless: the caller owns the means (one int per channel).
    /// </summary>
    public static class RunningMeanSubtractS16
    {
        /// <summary>Fraction bits of the running mean beyond the input's.</summary>
        public const int MeanFracBits = 8;

        /// <summary>The smoothing the blob's log format 2 states: 2^−6, a time constant of 64 frames (0.64 s), longer than a keyword.</summary>
        public const int DefaultShift = 6;

        /// <summary>Largest smoothing shift whose mean stays within half a Q8 unit of exact.</summary>
        public const int MaxShift = 8;

        /// <summary>Refuses a shift outside [1, MaxShift].</summary>
        public static void CheckShift(int shift)
        {
            if (shift < 1 || shift > MaxShift) throw new ArgumentOutOfRangeException("shift", "RunningMeanSubtractS16: shift must be in [1, " + MaxShift.ToString() + "], got " + shift.ToString());
        }

        /// <summary>
        /// Normalises one frame of <paramref name="channels"/> values: updates <paramref name="means"/>
        /// (set from the frame when <paramref name="first"/>) and writes x − m to the output.
        /// </summary>
        public static void Process(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset)
        {
            for (int c = 0; c < channels; c++)
            {
                int scaled = input[inOffset + c] << MeanFracBits;
                int m = first ? scaled : means[c] + Fixed.RoundShift(scaled - means[c], shift);
                means[c] = m;
                output[outOffset + c] = Fixed.Sat16(input[inOffset + c] - Fixed.RoundShift(m, MeanFracBits));
            }
        }
    }
}
