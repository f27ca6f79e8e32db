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
    }
}
