using System;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Bad evaluation input (manifest, folder, label, missing file, unusable model): the message
    /// is one line naming where and what, printed by the CLI as "edge-asr: &lt;message&gt;".
    /// </summary>
    public sealed class EvalInputException : Exception
    {
        public EvalInputException(string message)
            : base(message)
        {
        }
    }
}
