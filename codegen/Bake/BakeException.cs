using System;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>A bake input the tool refuses: the message is one line naming what is wrong.</summary>
    public sealed class BakeException : Exception
    {
        public BakeException(string message) : base(message)
        {
        }
    }
}
