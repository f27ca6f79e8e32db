using System.Threading;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>Items (clips and streams) done so far; workers count up, a progress bar polls.</summary>
    public sealed class EvalProgress
    {
        private int _done;

        public int Total { get; internal set; }

        public int Done => Volatile.Read(ref _done);

        internal void Step() => Interlocked.Increment(ref _done);
    }
}
