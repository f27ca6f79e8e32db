using System;
using Edge.Asr.Blob;
using Edge.Asr.firmware.Resources;
using Edge.Asr.Model;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The firmware's two links to the baked model, kept in this one file: the blob resource
    /// (firmware/Resources/ModelResources.resx and its generated class ModelResources, both written
    /// by the bake tool, read in slices through <see cref="ResourceBlobSource"/>) and the blob →
    /// ModelParameters loader.
    /// </summary>
    public static class FirmwareModel
    {
        /// <summary>
        /// The baked blob: resource "Model" of the application, its length taken from the blob header
        /// on first use (inside start-up's error printing, so a bad resource is a "model blob: " line).
        /// </summary>
        public static IBlobSource Source()
        {
            return new ResourceBlobSource(ModelResources.ResourceManager, ModelResources.BinaryResources.Model);
        }

        /// <summary>The blob → model loader: every tensor the config needs, checked by name, type and shape.</summary>
        public static IModelLoader Loader()
        {
            return new BlobLoader();
        }

        private sealed class BlobLoader : IModelLoader
        {
            public ModelParameters Load(ModelBlob blob)
            {
                return BlobModelLoader.Load(blob);
            }
        }
    }
}
