using System;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Processing load: microseconds spent processing over microseconds of 16 kHz audio processed,
    /// accumulated over a status period, in integer arithmetic (100% = just real time).
    /// </summary>
    public sealed class LoadMeter
    {
        /// <summary>Audio samples per second.</summary>
        public const int SampleRate = 16000;

        private long _busyMicroseconds;
        private long _samples;

        /// <summary>Microseconds of processing since the last Restart.</summary>
        public long BusyMicroseconds { get { return _busyMicroseconds; } }

        /// <summary>Samples processed since the last Restart.</summary>
        public long Samples { get { return _samples; } }

        /// <summary>Adds one block: <paramref name="samples"/> samples that took <paramref name="busyMicroseconds"/> µs.</summary>
        public void Add(long busyMicroseconds, int samples)
        {
            if (busyMicroseconds < 0) throw new ArgumentOutOfRangeException("busyMicroseconds", "negative: " + busyMicroseconds.ToString());
            if (samples < 0) throw new ArgumentOutOfRangeException("samples", "negative: " + samples.ToString());
            _busyMicroseconds += busyMicroseconds;
            _samples += samples;
        }

        /// <summary>
        /// Load in tenths of a percent, rounded half up: busy µs · 1000 / audio µs, where audio µs =
        /// samples · 10^6 / 16000; i.e. busy · 16 / samples. 0 when no audio was processed.
        /// </summary>
        public long LoadTenthsOfPercent
        {
            get
            {
                if (_samples == 0) return 0;
                return (_busyMicroseconds * 16 * 2 + _samples) / (_samples * 2);
            }
        }

        /// <summary>Starts a new period.</summary>
        public void Restart()
        {
            _busyMicroseconds = 0;
            _samples = 0;
        }
    }
}
