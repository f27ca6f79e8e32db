namespace Edge.Asr.Firmware
{
    /// <summary>Time and waiting, behind an interface so tests run the loop without real time.</summary>
    public interface IDeviceClock
    {
        /// <summary>Microseconds since start-up (monotonic).</summary>
        long NowMicroseconds();

        /// <summary>Blocks the calling thread for <paramref name="milliseconds"/> ms.</summary>
        void Sleep(int milliseconds);
    }
}
