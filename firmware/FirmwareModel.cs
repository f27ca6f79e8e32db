using System;
using Edge.Asr.Blob;
using Edge.Asr.firmware.Resources;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The firmware's link to the baked model: the blob resource (firmware/Resources/ModelResources.resx
    /// and its generated class ModelResources, both written by the bake tool, read in slices through
    /// <see cref="ResourceBlobSource"/>); <see cref="BlobModelLoader"/> turns the blob into the model.
    /// </summary>
    public static class FirmwareModel
    {
        /// <summary>The base name the generated ModelResources class gives its ResourceManager.</summary>
        public const string ResourceBaseName = "Edge.Asr.firmware.Resources.ModelResources";

        /// <summary>
        /// The resource file nanoCLR holds the model in: the base name with the extension nanoFramework's ResourceManager
        /// looks up (ResourceManager.cs of nanoFramework.ResourceManager: ".nanoresources"), for NativeKernels.MapResource.
        /// </summary>
        public const string ResourceFile = ResourceBaseName + ".nanoresources";

        /// <summary>The model's resource id (ModelResources.BinaryResources.Model).</summary>
        public static readonly short ResourceId = (short)ModelResources.BinaryResources.Model;

        /// <summary>
        /// The baked blob: resource "Model" of the application, its length taken from the blob header
        /// on first use (inside start-up's error printing, so a bad resource is a "model blob: " line).
        /// </summary>
        public static IBlobSource Source()
        {
            try
            {
                return new ResourceBlobSource(ModelResources.ResourceManager, ModelResources.BinaryResources.Model);
            }
            catch (Exception e)
            {
                // On the device the ResourceManager constructor throws ArgumentException when the build holds no
                // resource file of that name (nanoFramework.ResourceManager ResourceManager.cs): start-up then
                // prints "model blob: no model blob in this build" instead of stopping on an unexpected error.
                if (e is OutOfMemoryException) throw;
                return null;
            }
        }
    }
}
