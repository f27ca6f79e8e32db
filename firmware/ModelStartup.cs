using System;
using Edge.Asr.Blob;
using Edge.Asr.Ops;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Start-up checks of the model: the blob is opened and checked (header, sections, CRC) with
    /// every problem printed as one line starting "model blob: ", and the bytes its tensors will
    /// take in RAM are summed for the memory check.
    /// </summary>
    public static class ModelStartup
    {
        /// <summary>
        /// Opens the blob behind <paramref name="source"/> and prints one line about it; returns null
        /// (after printing why) when it is missing, unreadable or corrupt.
        /// </summary>
        public static ModelBlob OpenBlob(IBlobSource source, ILineOutput output)
        {
            if (output == null) throw new ArgumentException("output is null", "output");
            try
            {
                if (source == null) throw new BlobFormatException("no model blob in this build");
                ModelBlob blob = ModelBlob.Load(source);
                output.WriteLine(BlobFormatException.Prefix + "version " + blob.MajorVersion.ToString() + "." + blob.MinorVersion.ToString()
                    + ", " + source.Length.ToString() + " bytes, " + blob.TensorCount.ToString() + " tensors, "
                    + blob.LabelCount.ToString() + " labels: ok");
                return blob;
            }
            catch (BlobFormatException e)
            {
                output.WriteLine(e.Message);
            }
            catch (Exception e)
            {
                output.WriteLine(BlobFormatException.Prefix + "cannot be read: " + ExceptionText.Of(e));
            }
            return null;
        }

        /// <summary>Bytes of all tensor data in <paramref name="blob"/> (what the weights would take copied into RAM; they stay in flash).</summary>
        public static long TensorBytes(ModelBlob blob)
        {
            if (blob == null) throw new ArgumentException("blob is null", "blob");
            long bytes = 0;
            for (int i = 0; i < blob.TensorCount; i++) bytes += blob.Tensor(i).ByteLength;
            return bytes;
        }

        /// <summary>
        /// True when <paramref name="kernels"/> read a byte-array blob in place but not <paramref name="source"/> (the device's
        /// native kernels and a flash resource they have not mapped, WeightPlacement): the tensors are then copied into RAM once
        /// (BlobModelLoader.InRam), since the weight window would pass every weight through interpreted code each frame. The
        /// managed kernels read the window.
        /// </summary>
        public static bool CopiesWeights(IOpKernels kernels, IBlobSource source)
        {
            if (!(kernels is IBlobWeightKernels)) return false;
            IBlobWeightKernels k = (IBlobWeightKernels)kernels;
            return !k.ReadsInPlace(source) && k.ReadsInPlace(new ByteArrayBlobSource(new byte[4]));
        }

        /// <summary>Which classes are commands: every label not written like a filler ("_silence_", "_unknown_").</summary>
        public static bool[] CommandClasses(string[] labels)
        {
            if (labels == null) throw new ArgumentException("labels is null", "labels");
            bool[] isCommand = new bool[labels.Length];
            for (int c = 0; c < labels.Length; c++) isCommand[c] = !labels[c].StartsWith("_");
            return isCommand;
        }
    }
}
