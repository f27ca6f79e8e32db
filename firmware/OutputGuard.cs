using System;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The failure state of one output (the LED, the serial console): after a write throws, the
    /// output is left alone until a back-off has passed (100 ms doubling to 5 s, as for I2S), then
    /// tried again; a success starts the back-off over. Time is whatever the owner counts in ms
    /// (audio ms for the LED, the clock for serial), so recognition never waits for an output.
    /// </summary>
    public sealed class OutputGuard
    {
        private readonly string _name;
        private readonly BackoffSchedule _backoff = new BackoffSchedule();
        private bool _waiting;
        private long _retryAtMs;
        private long _failures;

        /// <summary>A guard for the output called <paramref name="name"/> in its report lines ("LED", "serial").</summary>
        public OutputGuard(string name)
        {
            _name = name;
        }

        /// <summary>Failed writes since start-up.</summary>
        public long Failures { get { return _failures; } }

        /// <summary>Consecutive failures since the last success.</summary>
        public int FailingNow { get { return _backoff.Failures; } }

        /// <summary>True when the output may be written at <paramref name="nowMs"/> (no back-off pending).</summary>
        public bool Ready(long nowMs)
        {
            return !_waiting || nowMs >= _retryAtMs;
        }

        /// <summary>Records a failed write at <paramref name="nowMs"/>; returns the line that reports it.</summary>
        public string Failed(long nowMs, Exception e)
        {
            _failures++;
            int delay = _backoff.NextDelayMs();
            _waiting = true;
            _retryAtMs = nowMs + delay;
            return _name + ": write failed: " + FirstLine(e.Message) + "; retry " + _backoff.Failures.ToString() + " in " + delay.ToString() + " ms";
        }

        /// <summary>The first line of an exception message (a report is one serial line).</summary>
        public static string FirstLine(string message)
        {
            if (message == null) return "";
            int end = message.IndexOf('\n');
            return end < 0 ? message : message.Substring(0, end);
        }

        /// <summary>Records a successful write; returns the line that reports the recovery, or null when nothing had failed.</summary>
        public string Succeeded()
        {
            _waiting = false;
            int failed = _backoff.Failures;
            if (failed == 0) return null;
            _backoff.Succeeded();
            return _name + ": working again after " + failed.ToString() + " failure(s)";
        }
    }
}
