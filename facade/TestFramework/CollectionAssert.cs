using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Desktop stand-in for nanoFramework.TestFramework's CollectionAssert (TestFramework/CollectionAssert.cs,
    /// v3.0.77): AreEqual only, with the real rule (same count, then object.Equals element by element)
    /// and the real reasons.
    /// </summary>
    public sealed class CollectionAssert
    {
        private CollectionAssert()
        {
        }

        /// <summary>Fails unless both collections hold equal elements in the same order and number.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string reason = Difference(expected, actual);
            if (reason.Length != 0)
            {
                Assert.HandleFail("CollectionAssert.AreEqual", message + "(" + reason + ")");
            }
        }

        private static string Difference(ICollection expected, ICollection actual)
        {
            if (ReferenceEquals(expected, actual)) return "";
            if (expected == null || actual == null) return "One of the collections is null.";
            if (expected.Count != actual.Count) return "Different number of elements.";
            IEnumerator e = expected.GetEnumerator();
            IEnumerator a = actual.GetEnumerator();
            for (int index = 0; e.MoveNext() && a.MoveNext(); index++)
            {
                if (!Equals(e.Current, a.Current))
                {
                    return "Element at index " + index + " do not match. Expected:<" + e.Current + ">. Actual:<" + a.Current + ">.";
                }
            }
            return "";
        }
    }
}
