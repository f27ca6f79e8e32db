using System;

namespace Edge.Asr.Ops
{
    /// <summary>
    /// Checks the per-output-channel requantisation parameters shared by the ops that accumulate
    /// int8 × int16 products: multiplier in [2^30, 2^31), shift in [1, 62].
    /// </summary>
    public static class Requantizer
    {
        public static void Validate(int[] multipliers, int[] shifts, int channels, string owner)
        {
            if (multipliers == null || shifts == null) throw new ArgumentException(owner + ": multipliers and shifts are required");
            if (multipliers.Length != channels || shifts.Length != channels)
                throw new ArgumentException(owner + ": expected " + channels.ToString() + " multipliers and shifts");
            for (int i = 0; i < channels; i++)
            {
                if (multipliers[i] < (1 << 30)) throw new ArgumentOutOfRangeException("multipliers", owner + ": multiplier " + i.ToString() + " below 2^30");
                if (shifts[i] < 1 || shifts[i] > 62) throw new ArgumentOutOfRangeException("shifts", owner + ": shift " + i.ToString() + " outside [1, 62]");
            }
        }

        /// <summary>The same rules for channels first .. first+count−1, held in multipliers[0 ..] and shifts[0 ..] (a window of them).</summary>
        public static void Validate(int[] multipliers, int[] shifts, int count, int first, string owner)
        {
            for (int i = 0; i < count; i++)
            {
                int c = first + i;
                if (multipliers[i] < (1 << 30)) throw new ArgumentOutOfRangeException("multipliers", owner + ": multiplier " + c.ToString() + " below 2^30");
                if (shifts[i] < 1 || shifts[i] > 62) throw new ArgumentOutOfRangeException("shifts", owner + ": shift " + c.ToString() + " outside [1, 62]");
            }
        }
    }
}
