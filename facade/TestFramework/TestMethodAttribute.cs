using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Desktop stand-in for TestFrameworkShared/TestMethodAttribute.cs (v3.0.77): marks a test method.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
