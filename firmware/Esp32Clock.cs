using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace Edge.Asr.Firmware
{
    /// <summary>The ESP32 high-resolution timer (µs) and Thread.Sleep.</summary>
    public sealed class Esp32Clock : IDeviceClock
    {
        /// <summary>HighResTimer.GetCurrent(): microseconds since boot (fits a long for 292 000 years).</summary>
        public long NowMicroseconds()
        {
            return (long)HighResTimer.GetCurrent();
        }

        /// <summary>Thread.Sleep.</summary>
        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
