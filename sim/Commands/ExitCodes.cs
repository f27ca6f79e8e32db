namespace Edge.Asr.Sim.Commands
{
    /// <summary>The exit codes of edge-asr (documented in docs/audio-input.md).</summary>
    public static class ExitCodes
    {
        public const int Success = 0;

        /// <summary>The input is bad: missing, not WAV, truncated, unsupported encoding, empty.</summary>
        public const int BadInput = 1;

        /// <summary>The command line is wrong: unknown command or option, missing argument.</summary>
        public const int Usage = 2;

        /// <summary>A bug in edge-asr itself (reported in one line, never as a stack trace).</summary>
        public const int InternalError = 3;
    }
}
