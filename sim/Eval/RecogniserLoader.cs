using System;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Codegen.Export;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Ops;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Turns <c>--model PATH</c> into recognisers. Loading errors are one line: a missing file
    /// names it and says how to make one, a bad blob is the blob reader's own "model blob: …".
    /// </summary>
    public static class RecogniserLoader
    {
        /// <summary>The blob eval uses without --model (relative to the working folder).</summary>
        public const string DefaultModelPath = "weights/default.easr";

        /// <summary>Validates the blob at <paramref name="path"/> and returns a factory of recognisers over it.</summary>
        public static Func<IRecogniser> Load(string? path) => Load(path, DefaultModelPath);

        /// <summary>As <see cref="Load(string?)"/>, the recognisers' engines running on <paramref name="kernels"/>.</summary>
        public static Func<IRecogniser> Load(string? path, IOpKernels kernels) => Load(path, DefaultModelPath, kernels);

        /// <summary>As <see cref="Load(string?)"/> with another default blob when <paramref name="path"/> is null.</summary>
        public static Func<IRecogniser> Load(string? path, string defaultPath) => Load(path, defaultPath, ManagedKernels.Instance);

        /// <summary>As <see cref="Load(string?, string)"/>, the recognisers' engines running on <paramref name="kernels"/>.</summary>
        public static Func<IRecogniser> Load(string? path, string defaultPath, IOpKernels kernels)
        {
            string file = path ?? defaultPath;
            if (!File.Exists(file))
            {
                throw new EvalInputException(path == null
                    ? "no model: " + defaultPath + " not found (train and bake one, or name one with --model; see docs/simulator.md)"
                    : "model blob: " + file + ": no such file");
            }
            ModelBlob blob;
            try
            {
                blob = ModelBlob.Load(File.ReadAllBytes(file));
            }
            catch (BlobFormatException e)
            {
                string detail = e.Message.StartsWith(BlobFormatException.Prefix, StringComparison.Ordinal) ? e.Message.Substring(BlobFormatException.Prefix.Length) : e.Message;
                throw new EvalInputException(BlobFormatException.Prefix + file + ": " + detail);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new EvalInputException("model blob: " + file + ": cannot read: " + e.Message);
            }
            try
            {
                BlobModelLoader.BuildModel(blob); // refuse a blob whose tensors don't build a model, once, up front
            }
            catch (BlobFormatException e)
            {
                throw new EvalInputException(BlobFormatException.Prefix + file + ": " + e.Message.Substring(BlobFormatException.Prefix.Length));
            }
            FloatModel? reference = LoadReference(ReferenceFolder(file), blob);
            return () => new BlobRecogniser(blob, reference, kernels);
        }

        /// <summary>The training export a blob was baked from: weights/NAME.easr ↔ weights/NAME/ (config.json + model.safetensors).</summary>
        public static string ReferenceFolder(string blobPath) =>
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(blobPath)) ?? ".", Path.GetFileNameWithoutExtension(blobPath));

        /// <summary>The float reference model from the export beside the blob, or null when there is none.</summary>
        private static FloatModel? LoadReference(string folder, ModelBlob blob)
        {
            if (!File.Exists(Path.Combine(folder, TrainingExport.ConfigFile))) return null;
            try
            {
                TrainingExport export = TrainingExport.Read(folder);
                if (export.Labels.Length != blob.LabelCount)
                    throw new EvalInputException("float reference " + folder + ": " + export.Labels.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + " labels, the blob has " + blob.LabelCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return new FloatModel(export.Config, ExportTensors.Read(export));
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is BakeException)
            {
                throw new EvalInputException("float reference " + folder + ": " + e.Message);
            }
        }
    }
}
