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
        /// <summary>
        /// The baked blob: resource "Model" of the application, its length taken from the blob header
        /// on first use (inside start-up's error printing, so a bad resource is a "model blob: " line).
        /// </summary>
        public static IBlobSource Source()
        {
            return new ResourceBlobSource(ModelResources.ResourceManager, ModelResources.BinaryResources.Model);
        }
    }
}
