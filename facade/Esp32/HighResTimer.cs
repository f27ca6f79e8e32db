using System.Diagnostics;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// The ESP32 high-resolution timer (nanoFramework.Hardware.Esp32 1.6.42, HighResTimer.cs):
    /// only its clock, GetCurrent, which the firmware uses for timing. On the desktop it counts
    /// microseconds since the process started, from Stopwatch.
    /// </summary>
    public class HighResTimer
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        private HighResTimer()
        {
        }

        /// <summary>Microseconds since start-up.</summary>
        public static ulong GetCurrent()
        {
            long ticks = Clock.ElapsedTicks;
            return (ulong)(ticks / Stopwatch.Frequency * 1_000_000 + ticks % Stopwatch.Frequency * 1_000_000 / Stopwatch.Frequency);
        }
    }
}
