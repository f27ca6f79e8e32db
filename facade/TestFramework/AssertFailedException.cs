using System;

namespace TestFrameworkShared
{
    /// <summary>Desktop stand-in for TestFrameworkShared/AssertFailedException.cs (v3.0.77): what a failed assertion throws.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }

        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        public AssertFailedException()
        {
        }
    }
}
