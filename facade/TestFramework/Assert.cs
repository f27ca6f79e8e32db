using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Desktop stand-in for nanoFramework.TestFramework's Assert (TestFramework/Assert.cs and
    /// Assert.AreEqual.cs, v3.0.77): the members the device tests use, same signatures, same
    /// failure messages ("Assert.X failed. ..."), throwing AssertFailedException.
    /// </summary>
    public sealed class Assert
    {
        private Assert()
        {
        }

        /// <summary>Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.</summary>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (expected != actual)
            {
                HandleFail("Assert.AreEqual", "Expected:<" + expected + ">. Actual:<" + actual + ">. " + (message ?? string.Empty));
            }
        }

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                HandleFail("Assert.IsTrue", message);
            }
        }

        internal static void HandleFail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + (message ?? string.Empty));
        }
    }
}
