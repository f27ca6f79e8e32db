using System;
using Edge.Asr.Blob;
using Edge.Asr.Ops;
#if EDGE_ASR_NATIVE
using Edge.Asr.Interop;
#endif

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Where the model's tensors are read while it runs, chosen at start-up from the kernels and the blob source:
    /// the native kernels read them in place in the flash resource when the glue can map it (no copy); when it
    /// cannot (a serial warning says why) they get one RAM copy; the managed kernels read them a window at a time.
    /// </summary>
    public static class WeightPlacement
    {
        /// <summary>Managed kernels: each op's tensors pass through the small weight window (WeightWindow).</summary>
        public const int Window = 0;

        /// <summary>Native kernels read the tensors where they are: the mapped flash resource (or a byte-array blob).</summary>
        public const int InPlace = 1;

        /// <summary>Native kernels that cannot address the source: the tensors copied once into RAM (BlobModelLoader.InRam).</summary>
        public const int RamCopy = 2;

        /// <summary>The mode <paramref name="kernels"/> run in over <paramref name="source"/> (after <see cref="Place"/>).</summary>
        public static int ModeOf(IOpKernels kernels, IBlobSource source)
        {
            if (!(kernels is IBlobWeightKernels)) return Window;
            if (((IBlobWeightKernels)kernels).ReadsInPlace(source)) return InPlace;
            return ModelStartup.CopiesWeights(kernels, source) ? RamCopy : Window;
        }

        /// <summary>
        /// The source the model is built on: <paramref name="source"/> mapped for native kernels that read a mapped resource in
        /// place (MappedBlobSource), when <paramref name="mapper"/> maps all of it; otherwise <paramref name="source"/> itself,
        /// after one warning line when the native kernels will need a RAM copy instead.
        /// </summary>
        public static IBlobSource Place(IOpKernels kernels, IBlobSource source, IResourceMapper mapper, ILineOutput output)
        {
            if (source == null) throw new ArgumentException("source is null", "source");
            if (output == null) throw new ArgumentException("output is null", "output");
            if (ModeOf(kernels, source) != RamCopy) return source;
            MappedBlobSource mapped = new MappedBlobSource(source, source.Length);
            if (!((IBlobWeightKernels)kernels).ReadsInPlace(mapped))
            {
                output.WriteLine(CopyWarning("the native kernels cannot address a mapped resource"));
                return source;
            }
            string problem = Map(mapper, source.Length);
            if (problem.Length == 0) return mapped;
            output.WriteLine(CopyWarning(problem));
            return source;
        }

        // "" when the mapper registered the model resource at the blob's length; otherwise why not.
        private static string Map(IResourceMapper mapper, int length)
        {
            if (mapper == null) return "this build has no resource mapper";
            int mapped;
            try
            {
                mapped = mapper.MapResource(FirmwareModel.ResourceFile, FirmwareModel.ResourceId);
            }
            catch (Exception e)
            {
                if (e is OutOfMemoryException) throw;
                return "the map call failed (" + ExceptionText.Of(e) + ")";
            }
            if (mapped == length) return "";
            if (mapped >= 0) return "the mapped resource has " + mapped.ToString() + " bytes, the blob " + length.ToString();
#if EDGE_ASR_NATIVE
            return InteropKernels.MapProblem(mapped);
#else
            return "the map call answered " + mapped.ToString();
#endif
        }

        /// <summary>The serial line when the native kernels fall back to a RAM copy of the tensors.</summary>
        public static string CopyWarning(string problem)
        {
            return "warning: the model resource cannot be read in place by the native kernels (" + problem
                + "); copying its tensors into RAM (docs/device.md: where the weights are read)";
        }
    }
}
