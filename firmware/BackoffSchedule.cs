namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Delays between attempts to re-open a failing I2S device: 100 ms, doubling each failure, at
    /// most 5 s; a successful read starts again from 100 ms.
    /// </summary>
    public sealed class BackoffSchedule
    {
        /// <summary>First delay in milliseconds.</summary>
        public const int FirstMs = 100;

        /// <summary>Longest delay in milliseconds.</summary>
        public const int MaxMs = 5000;

        private int _nextMs = FirstMs;
        private int _failures;

        /// <summary>Consecutive failures since the last success.</summary>
        public int Failures { get { return _failures; } }

        /// <summary>Records a failure and returns how long to wait before the next attempt.</summary>
        public int NextDelayMs()
        {
            int delay = _nextMs;
            _failures++;
            _nextMs = _nextMs >= MaxMs / 2 ? MaxMs : _nextMs * 2;
            return delay;
        }

        /// <summary>Records a success: the next failure waits <see cref="FirstMs"/> again.</summary>
        public void Succeeded()
        {
            _nextMs = FirstMs;
            _failures = 0;
        }
    }
}
