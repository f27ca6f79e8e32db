// nanoFramework.TestFramework 3.0.77: source/TestFrameworkShared/TestClassAttribute.cs,
// TestMethodAttribute.cs, source/TestFramework/Assert.cs, Assert.AreEqual.cs, CollectionAssert.cs,
// OutputHelper.cs (tag v3.0.77).
using System;
using System.Collections;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public extern TestClassAttribute();
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
        public extern TestMethodAttribute();
    }

    public sealed class Assert
    {
        private extern Assert();
        public static extern void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "");
        public static extern void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "");
    }

    public sealed class CollectionAssert
    {
        private extern CollectionAssert();
        public static extern void AreEqual(ICollection expected, ICollection actual, string message = "");
    }

    public static class OutputHelper
    {
        public static extern void WriteLine(string message);
    }
}
