using System.Collections.Generic;
using Edge.Asr.Firmware;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// Keeps a copy of the latest encoder frames' posteriors (for the run report; at most
    /// <see cref="Capacity"/>, so a live stream keeps the same memory) and the latest frame's index.
    /// </summary>
    public sealed class PosteriorRecorder : IEncoderFrameObserver
    {
        private readonly int _capacity;
        private RecentFrames? _posteriors;

        /// <param name="capacity">encoder frames kept (40 ms each); the oldest are dropped beyond it.</param>
        public PosteriorRecorder(int capacity = RunCommand.ReportWindowSeconds * 25)
        {
            _capacity = capacity;
        }

        public int Capacity => _capacity;

        /// <summary>Index of the latest encoder frame; an event reported now fired on it.</summary>
        public long LastFrame { get; private set; } = -1;

        /// <summary>Index of the oldest encoder frame kept.</summary>
        public long FirstKept => _posteriors?.First ?? 0;

        /// <summary>The kept posteriors, oldest first (new arrays).</summary>
        public IReadOnlyList<short[]> Posteriors => _posteriors?.ToArray() ?? new short[0][];

        public void OnEncoderFrame(long encoderFrame, short[] posteriorsQ15, long samples)
        {
            _posteriors ??= new RecentFrames(posteriorsQ15.Length, _capacity);
            _posteriors.Add(posteriorsQ15);
            LastFrame = encoderFrame;
        }
    }
}
