using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Firmware
{
    /// <summary>Builds the engine's parameters from a checked model blob (the blob → model loader).</summary>
    public interface IModelLoader
    {
        /// <summary>The quantised tensors of <paramref name="blob"/>; throws BlobFormatException naming what is wrong.</summary>
        ModelParameters Load(ModelBlob blob);
    }
}
