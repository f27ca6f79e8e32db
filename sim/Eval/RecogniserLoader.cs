using System;
using System.IO;
using Edge.Asr.Blob;

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

        /// <summary>As <see cref="Load(string?)"/> with another default blob when <paramref name="path"/> is null.</summary>
        public static Func<IRecogniser> Load(string? path, string defaultPath)
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
            // The int16 Conformer graph that runs a blob's tensors is not part of this build yet:
            // refuse clearly rather than evaluate anything else.
            throw new EvalInputException("model blob: " + file + ": valid blob (" + blob.LabelCount.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " labels) but this build has no model graph to run it yet");
        }
    }
}
