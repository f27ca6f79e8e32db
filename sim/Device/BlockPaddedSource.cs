using System;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// An audio source followed by silence up to a whole number of <paramref name="blockSamples"/>
    /// blocks: the device reads whole blocks and would keep hearing after a recording ends, so the
    /// twin completes the last block with zeros rather than dropping it.
    /// </summary>
    public sealed class BlockPaddedSource : IAudioSource
    {
        private readonly IAudioSource _inner;
        private readonly int _blockSamples;
        private long _delivered;
        private bool _innerEnded;

        public BlockPaddedSource(IAudioSource inner, int blockSamples)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            ArgumentOutOfRangeException.ThrowIfLessThan(blockSamples, 1);
            _blockSamples = blockSamples;
        }

        public AudioDescription Description => _inner.Description;

        /// <summary>Samples delivered so far (audio and padding).</summary>
        public long Delivered => _delivered;

        /// <summary>Samples of the inner source delivered so far (audio without the padding).</summary>
        public long AudioSamples { get; private set; }

        public int Read(short[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            int n = 0;
            if (!_innerEnded)
            {
                n = _inner.Read(buffer, offset, count);
                if (n <= 0)
                {
                    _innerEnded = true;
                    n = 0;
                }
                AudioSamples += n;
            }
            if (_innerEnded)
            {
                int pad = (int)Math.Min(count, (_blockSamples - _delivered % _blockSamples) % _blockSamples);
                Array.Clear(buffer, offset, pad);
                n = pad;
            }
            _delivered += n;
            return n;
        }

        public void Dispose() => _inner.Dispose();
    }
}
