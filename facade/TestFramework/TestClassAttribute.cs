using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Desktop stand-in for nanoFramework.TestFramework's TestClassAttribute (TestFrameworkShared/TestClassAttribute.cs,
    /// v3.0.77): marks a class whose [TestMethod]s the unit test launcher runs. The real virtual
    /// GetTestMethodAttribute is not provided.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
}
