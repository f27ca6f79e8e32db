using System.Collections.Generic;
using Edge.Asr.Firmware;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>Keeps a copy of every encoder frame's posteriors (for the run report) and the latest frame's index.</summary>
    public sealed class PosteriorRecorder : IEncoderFrameObserver
    {
        private readonly List<short[]> _posteriors = new List<short[]>();

        /// <summary>Index of the latest encoder frame; an event reported now fired on it.</summary>
        public long LastFrame { get; private set; } = -1;

        public IReadOnlyList<short[]> Posteriors => _posteriors;

        public void OnEncoderFrame(long encoderFrame, short[] posteriorsQ15, long samples)
        {
            _posteriors.Add((short[])posteriorsQ15.Clone());
            LastFrame = encoderFrame;
        }
    }
}
