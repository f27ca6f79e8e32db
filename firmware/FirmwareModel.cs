using System;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The firmware's two links to the baked model, kept in this one file: the blob resource
    /// (firmware/Resources/ModelResources.resx, written by the bake tool, read in slices through
    /// <see cref="ResourceBlobSource"/>) and the blob → ModelParameters loader. Until a model is
    /// baked into the resource, Source() is null and start-up prints
    /// "model blob: no model blob in this build" and stops.
    /// </summary>
    public static class FirmwareModel
    {
        /// <summary>
        /// The baked blob. Wiring once the generated resource class exists:
        /// <c>return new ResourceBlobSource(ModelResources.ResourceManager, ModelResources.BinaryResources.Model);</c>
        /// (the length comes from the blob header on first use, inside start-up's error printing).
        /// </summary>
        public static IBlobSource Source()
        {
            return null;
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
