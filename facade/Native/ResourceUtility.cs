using System;
using System.Resources;
using Edge.Asr.DeviceFacade;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// Access to an application's resources (nanoFramework.ResourceManager 1.2.32, ResourceUtility.cs;
    /// namespace nanoFramework.Runtime.Native, assembly nanoFramework.ResourceManager). On the desktop
    /// the resources are those registered with <see cref="DeviceSimulation.AddResource"/>. Edge cases as
    /// nf-interpreter's native GetObjectInternal (src/nanoFramework.ResourceManager/
    /// nf_system_resourcemanager_System_Resources_ResourceManager.cpp) and the managed ResourceManager.cs
    /// that calls it: the native code gives null for an unknown id, and ResourceManager.GetObjectFromId /
    /// GetObjectChunkFromId turn that into an ArgumentException (no message) once no fallback culture has
    /// it; a chunk starting at or past the end throws IndexOutOfRangeException; a chunk running past the
    /// end is trimmed to it.
    /// </summary>
    public static class ResourceUtility
    {
        /// <summary>The whole resource <paramref name="id"/> of <paramref name="rm"/> (a copy for binary resources).</summary>
        public static object GetObject(ResourceManager rm, Enum id)
        {
            byte[] bytes = DeviceSimulation.Resource(rm, id) ?? throw new ArgumentException();
            return bytes.Clone();
        }

        /// <summary><paramref name="length"/> bytes from <paramref name="offset"/> of binary resource <paramref name="id"/>.</summary>
        public static object GetObject(ResourceManager rm, Enum id, int offset, int length)
        {
            byte[] bytes = DeviceSimulation.Resource(rm, id) ?? throw new ArgumentException();
            // The native code compares as unsigned: a negative offset is "past the end".
            if ((uint)offset >= (uint)bytes.Length)
            {
                throw new IndexOutOfRangeException("offset " + offset + " is past the end of the " + bytes.Length + "-byte resource " + id);
            }
            if (length < 0 || (long)offset + length >= bytes.Length) length = bytes.Length - offset;
            var slice = new byte[length];
            Array.Copy(bytes, offset, slice, 0, length);
            return slice;
        }
    }
}
