using System;
using System.Resources;
using Edge.Asr.DeviceFacade;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// Access to an application's resources (nanoFramework.ResourceManager 1.2.32, ResourceUtility.cs;
    /// namespace nanoFramework.Runtime.Native, assembly nanoFramework.ResourceManager). On the desktop
    /// the resources are those registered with <see cref="DeviceSimulation.AddResource"/>.
    /// </summary>
    public static class ResourceUtility
    {
        /// <summary>The whole resource <paramref name="id"/> of <paramref name="rm"/> (a copy for binary resources).</summary>
        public static object GetObject(ResourceManager rm, Enum id)
        {
            byte[] bytes = DeviceSimulation.Resource(rm, id);
            return bytes.Clone();
        }

        /// <summary><paramref name="length"/> bytes from <paramref name="offset"/> of binary resource <paramref name="id"/>.</summary>
        public static object GetObject(ResourceManager rm, Enum id, int offset, int length)
        {
            byte[] bytes = DeviceSimulation.Resource(rm, id);
            if (offset < 0 || length < 0 || offset > bytes.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "bytes " + offset + ".." + (offset + length)
                    + " are outside the " + bytes.Length + "-byte resource " + id);
            }
            var slice = new byte[length];
            Array.Copy(bytes, offset, slice, 0, length);
            return slice;
        }
    }
}
