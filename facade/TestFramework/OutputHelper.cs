using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Desktop stand-in for TestFramework/OutputHelper.cs (v3.0.77): test output goes to the console.</summary>
    public static class OutputHelper
    {
        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
