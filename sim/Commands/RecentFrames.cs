using System;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// The most recent frames of one width (log-mel frames, posteriors) in one flat ring of fixed
    /// capacity, so a stream of any length (a live microphone on <c>run -</c>) keeps the same
    /// memory; it counts every frame it was given, kept or not.
    /// </summary>
    public sealed class RecentFrames
    {
        private readonly int _width;
        private readonly int _capacity;
        private readonly short[] _ring;
        private long _total;

        public RecentFrames(int width, int capacity)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
            _width = width;
            _capacity = capacity;
            _ring = new short[checked(width * capacity)];
        }

        /// <summary>Most frames kept.</summary>
        public int Capacity => _capacity;

        /// <summary>Frames given so far.</summary>
        public long Total => _total;

        /// <summary>Frames kept: the last min(Total, Capacity).</summary>
        public int Count => (int)Math.Min(_total, _capacity);

        /// <summary>Index (among all frames given) of the oldest frame kept.</summary>
        public long First => _total - Count;

        /// <summary>True when older frames were dropped.</summary>
        public bool Truncated => _total > _capacity;

        /// <summary>Keeps a copy of frame[0, width), dropping the oldest frame when full.</summary>
        public void Add(short[] frame)
        {
            ArgumentNullException.ThrowIfNull(frame);
            if (frame.Length != _width) throw new ArgumentException("frame has " + frame.Length + " values, expected " + _width);
            Array.Copy(frame, 0, _ring, (int)(_total % _capacity) * _width, _width);
            _total++;
        }

        /// <summary>The kept frames, oldest first (new arrays).</summary>
        public short[][] ToArray()
        {
            var frames = new short[Count][];
            for (int i = 0; i < frames.Length; i++)
            {
                frames[i] = new short[_width];
                Array.Copy(_ring, (int)((First + i) % _capacity) * _width, frames[i], 0, _width);
            }
            return frames;
        }
    }
}
