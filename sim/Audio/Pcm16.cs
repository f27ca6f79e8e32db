using System;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>Conversions of samples in int16 units to int16: round half away from zero, then saturate.</summary>
    public static class Pcm16
    {
        /// <summary>Rounds and saturates; NaN becomes 0.</summary>
        public static short FromDouble(double x)
        {
            if (double.IsNaN(x)) return 0;
            double r = Math.Round(x, MidpointRounding.AwayFromZero);
            if (r > short.MaxValue) return short.MaxValue;
            if (r < short.MinValue) return short.MinValue;
            return (short)r;
        }
    }
}
