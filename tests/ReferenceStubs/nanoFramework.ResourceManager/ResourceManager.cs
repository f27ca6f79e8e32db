// nanoFramework.ResourceManager 1.2.32: nanoFramework.ResourceManager/ResourceManager.cs and
// ResourceUtility.cs (tag v1.2.32).
using System.Reflection;

namespace System.Resources
{
    public class ResourceManager
    {
        public extern ResourceManager(string baseName, Assembly assembly);
    }
}

namespace nanoFramework.Runtime.Native
{
    public static class ResourceUtility
    {
        public static extern object GetObject(System.Resources.ResourceManager rm, System.Enum id);
        public static extern object GetObject(System.Resources.ResourceManager rm, System.Enum id, int offset, int length);
    }
}
