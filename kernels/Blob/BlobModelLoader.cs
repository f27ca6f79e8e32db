using System;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Weights;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// Blob → ModelParameters: reads every tensor the blob's config needs (QuantizedLayout: names,
    /// dtypes, shapes) through the blob's chunked data reads, so <c>new ConformerModel(parameters)</c>
    /// runs from flash. A tensor that is missing, has another dtype or shape, or is not part of the
    /// model is a BlobFormatException naming it. Allocates the tensors once (they are copied to RAM).
    /// </summary>
    public static class BlobModelLoader
    {
        public static ModelParameters Load(ModelBlob blob)
        {
            QuantizedLayout layout = LayoutWithoutStrays(blob);
            ModelParameters p = new ModelParameters(blob.Config);
            for (int i = 0; i < layout.Count; i++)
            {
                string name = layout.Name(i);
                int bytes = layout.ElementBytes(i);
                BlobTensor t = Require(blob, layout, i);
                if (bytes == 1) p.Add(QuantizedTensor.OfInt8(name, blob.ReadInt8(t)));
                else if (bytes == 2) p.Add(QuantizedTensor.OfInt16(name, blob.ReadInt16(t)));
                else p.Add(QuantizedTensor.OfInt32(name, blob.ReadInt32(t)));
            }
            return p;
        }

        /// <summary>
        /// The blob's parameters without copying them (the checks of <see cref="Load"/>: every tensor of the config's
        /// layout with its dtype and shape, none besides, fraction fields in range): the ops read them in the blob.
        /// </summary>
        public static ModelParameters InBlob(ModelBlob blob)
        {
            Check(blob);
            return new ModelParameters(blob.Config, TensorDirectory.OfBlob(blob));
        }

        /// <summary>
        /// As <see cref="InBlob(ModelBlob)"/>, the tensors read through <paramref name="sameBytes"/>, another source of the blob's bytes
        /// (MappedBlobSource: the flash resource the native kernels address in place; nothing is copied).
        /// </summary>
        public static ModelParameters InBlob(ModelBlob blob, IBlobSource sameBytes)
        {
            Check(blob);
            return new ModelParameters(blob.Config, TensorDirectory.OfBlob(blob, sameBytes));
        }

        /// <summary>
        /// As <see cref="InBlob(ModelBlob)"/>, the tensors copied once into one byte array (TensorDirectory.CopyOf): for kernels that read
        /// a byte array in place but not the blob's own source (the device's native kernels and the flash resource).
        /// </summary>
        public static ModelParameters InRam(ModelBlob blob)
        {
            Check(blob);
            return new ModelParameters(blob.Config, TensorDirectory.CopyOf(blob));
        }

        // Load's checks without reading the tensors: the config's layout, dtypes and shapes, fraction fields in range.
        private static void Check(ModelBlob blob)
        {
            QuantizedLayout layout = LayoutWithoutStrays(blob);
            for (int i = 0; i < layout.Count; i++) Require(blob, layout, i);
        }

        // The config's tensor layout, once every tensor of the blob is known to be part of it.
        private static QuantizedLayout LayoutWithoutStrays(ModelBlob blob)
        {
            if (blob == null) throw new BlobFormatException("no blob to load a model from");
            QuantizedLayout layout = new QuantizedLayout(blob.Config);
            for (int i = 0; i < blob.TensorCount; i++)
            {
                BlobTensor t = blob.Tensor(i);
                if (layout.IndexOf(t.Name) < 0)
                    throw new BlobFormatException("tensor '" + t.Name + "' is not part of the model its config describes");
            }
            return layout;
        }

        // Layout entry i in the blob with its dtype and shape; a fraction field also in range.
        private static BlobTensor Require(ModelBlob blob, QuantizedLayout layout, int i)
        {
            string name = layout.Name(i);
            int bytes = layout.ElementBytes(i);
            int dtype = bytes == 1 ? BlobFormat.DTypeInt8 : bytes == 2 ? BlobFormat.DTypeInt16 : BlobFormat.DTypeInt32;
            BlobTensor t = blob.Require(name, dtype, layout.Shape(i));
            if (IsFraction(name)) CheckFraction(blob, t);
            return t;
        }

        // Fraction fields: scalars named *.frac or *.weight_frac.
        private static bool IsFraction(string name)
        {
            return name.EndsWith("frac");
        }

        // Every fraction field, used by an op or not, lies in [−MaxFracBits, MaxFracBits]: no later sum of a few can overflow.
        private static void CheckFraction(ModelBlob blob, BlobTensor t)
        {
            int[] v = blob.ReadInt32(t);
            if (v.Length != 1 || v[0] < -LayerFactory.MaxFracBits || v[0] > LayerFactory.MaxFracBits)
                throw new BlobFormatException("tensor '" + t.Name + "' = " + (v.Length == 1 ? v[0].ToString() : "?")
                    + " fraction bits, outside [-" + LayerFactory.MaxFracBits.ToString() + ", " + LayerFactory.MaxFracBits.ToString() + "]");
        }

        /// <summary>
        /// The runnable model of a blob: Load, then <c>new ConformerModel</c>. Values the ops refuse
        /// (e.g. fraction bits out of range, input.frac other than 8) become a BlobFormatException
        /// too, so a well-formed blob with bad numbers is reported like any other bad blob.
        /// </summary>
        public static ConformerModel BuildModel(ModelBlob blob)
        {
            return BuildModel(blob, ManagedKernels.Instance);
        }

        /// <summary>
        /// As <see cref="BuildModel(ModelBlob)"/>, the ops running on <paramref name="kernels"/>. The tensors are checked as
        /// Load checks them but not copied: the model reads them in the blob's source (in place, or a window at a time).
        /// </summary>
        public static ConformerModel BuildModel(ModelBlob blob, IOpKernels kernels)
        {
            ModelParameters p = InBlob(blob);
            p.UseKernels(kernels);
            try
            {
                return new ConformerModel(p);
            }
            catch (Exception e)
            {
                // Any refusal, not only ArgumentException: the device raises ArgumentOutOfRangeException for
                // faults the desktop reports as other types, so catching by that type differs per platform.
                if (e is OutOfMemoryException || e is BlobFormatException) throw;
                throw new BlobFormatException("the model refuses its tensors: " + e.Message);
            }
        }
    }
}
