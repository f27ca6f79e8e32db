using System;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The serial console with its failures isolated: a WriteLine that throws is swallowed, the
    /// lines written during its back-off (<see cref="OutputGuard"/>, on the device clock) are dropped
    /// and counted, and once a write succeeds again the first line says how many were lost. Never
    /// throws, so a failing console cannot stop the capture loop.
    /// </summary>
    public sealed class GuardedLineOutput : ILineOutput
    {
        private readonly ILineOutput _inner;
        private readonly IDeviceClock _clock;
        private readonly OutputGuard _guard = new OutputGuard("serial");
        private long _lost;
        private string _lastError = "";

        public GuardedLineOutput(ILineOutput inner, IDeviceClock clock)
        {
            if (inner == null) throw new ArgumentException("inner is null", "inner");
            if (clock == null) throw new ArgumentException("clock is null", "clock");
            _inner = inner;
            _clock = clock;
        }

        /// <summary>Lines dropped since the last successful write.</summary>
        public long Lost { get { return _lost; } }

        /// <summary>Failed writes since start-up.</summary>
        public long Failures { get { return _guard.Failures; } }

        /// <summary>Writes the line, or drops and counts it while the console is failing.</summary>
        public void WriteLine(string line)
        {
            long nowMs = _clock.NowMicroseconds() / 1000;
            if (!_guard.Ready(nowMs))
            {
                _lost++;
                return;
            }
            try
            {
                if (_lost > 0)
                    _inner.WriteLine("serial: " + _lost.ToString() + " line(s) lost after write failures (" + _lastError + ")");
                _lost = 0;
                _inner.WriteLine(line);
                _guard.Succeeded();
            }
            catch (Exception e)
            {
                _lost++;
                _lastError = OutputGuard.FirstLine(e.Message);
                _guard.Failed(nowMs, e);
            }
        }
    }
}
