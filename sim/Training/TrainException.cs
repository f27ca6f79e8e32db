using System;

namespace Edge.Asr.Sim.Training
{
    /// <summary>A failure of <c>edge-asr train</c>: one line for stderr and the exit code to end with.</summary>
    public sealed class TrainException : Exception
    {
        public TrainException(string message, int exitCode) : base(message)
        {
            ExitCode = exitCode;
        }

        public int ExitCode { get; }
    }
}
