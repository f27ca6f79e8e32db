using System;
using System.Threading;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// Passes a source through unchanged and shows every block read from it to an observer, so
    /// one pass over a stream (stdin cannot be read twice) feeds both the device simulation and
    /// the simulator's own report. Once <c>stop</c> is signalled (Ctrl+C) it reports the end.
    /// </summary>
    public sealed class ObservedAudioSource : IAudioSource
    {
        private readonly IAudioSource _inner;
        private readonly Action<short[], int, int> _observer;
        private readonly CancellationToken _stop;

        public ObservedAudioSource(IAudioSource inner, Action<short[], int, int> observer, CancellationToken stop = default)
        {
            _inner = inner;
            _observer = observer;
            _stop = stop;
        }

        /// <summary>True when a read was refused because stop was signalled.</summary>
        public bool Stopped { get; private set; }

        public AudioDescription Description => _inner.Description;

        public int Read(short[] buffer, int offset, int count)
        {
            if (_stop.IsCancellationRequested)
            {
                Stopped = true;
                return 0;
            }
            int n = _inner.Read(buffer, offset, count);
            if (n > 0) _observer(buffer, offset, n);
            return n;
        }

        public void Dispose() => _inner.Dispose();
    }
}
