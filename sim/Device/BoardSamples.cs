using System;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Device
{
    /// <summary>An audio source as a board's pipeline receives it (<see cref="BoardExtraction"/>: gain and clipping).</summary>
    public sealed class BoardSamples : IAudioSource
    {
        private readonly IAudioSource _inner;
        private readonly BoardExtraction _extraction;

        public BoardSamples(IAudioSource microphone, BoardConfig board)
        {
            _inner = microphone ?? throw new ArgumentNullException(nameof(microphone));
            _extraction = new BoardExtraction(board);
        }

        public AudioDescription Description => _inner.Description;

        public int Read(short[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            if (n > 0) _extraction.Apply(buffer, offset, n);
            return n;
        }

        public void Dispose() => _inner.Dispose();
    }
}
