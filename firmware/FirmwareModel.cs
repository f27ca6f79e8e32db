using System;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The firmware's two links to the baked model, kept in this one file: the blob resource
    /// (firmware/Resources/ModelResources.resx, written by the bake tool, read in slices through
    /// <see cref="ResourceBlobSource"/>) and the blob → ModelParameters loader. Until the bake
    /// tool's generated resource class and the loader are part of this build, Source() is null and
    /// start-up prints "model blob: no model blob in this build" and stops.
    /// </summary>
    public static class FirmwareModel
    {
        /// <summary>
        /// The baked blob. Wiring once ModelResources exists:
        /// <c>return new ResourceBlobSource(ModelResources.ResourceManager, ModelResources.BinaryResources.Model, ModelResources.ModelLength);</c>
        /// </summary>
        public static IBlobSource Source()
        {
            return null;
        }

        /// <summary>The blob → model loader (kernels' BlobModelLoader once it is part of this build).</summary>
        public static IModelLoader Loader()
        {
            return new MissingLoader();
        }

        private sealed class MissingLoader : IModelLoader
        {
            public ModelParameters Load(ModelBlob blob)
            {
                throw new BlobFormatException("this build has no blob → model loader linked (firmware/FirmwareModel.cs)");
            }
        }
    }
}
