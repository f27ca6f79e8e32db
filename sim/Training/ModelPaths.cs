using System;
using System.IO;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Sim.Commands;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// The files of one model named by <c>--out weights/NAME</c>: the blob NAME.easr, the training
    /// export NAME/ beside it (where eval finds the float reference) and NAME-eval.{txt,json,html}.
    /// </summary>
    public sealed class ModelPaths
    {
        private ModelPaths(string stem)
        {
            Name = Path.GetFileName(stem);
            Blob = stem + ".easr";
            Export = stem;
            EvalText = stem + "-eval.txt";
            EvalJson = stem + "-eval.json";
            EvalHtml = stem + "-eval.html";
        }

        public string Name { get; }
        public string Blob { get; }
        public string Export { get; }
        public string EvalText { get; }
        public string EvalJson { get; }
        public string EvalHtml { get; }

        private string[] Files => new[] { Blob, EvalText, EvalJson, EvalHtml };

        /// <summary>weights/NAME (a trailing .easr or separator is dropped).</summary>
        public static ModelPaths For(string outPath)
        {
            string p = outPath.TrimEnd('/', Path.DirectorySeparatorChar);
            if (p.EndsWith(".easr", StringComparison.OrdinalIgnoreCase)) p = p.Substring(0, p.Length - 5);
            if (Path.GetFileName(p).Length == 0) throw new TrainException("--out: name the model, e.g. weights/lights (got '" + outPath + "')", ExitCodes.Usage);
            return new ModelPaths(Path.GetFullPath(p));
        }

        /// <summary>Refuses to replace a model without --force, and a folder that cannot be written.</summary>
        public void CheckWritable(bool force)
        {
            if (!force)
            {
                foreach (string f in new[] { Blob, Export })
                    if (File.Exists(f) || Directory.Exists(f))
                        throw new TrainException("--out: " + f + " exists (use --force to replace the model " + Name + ")", ExitCodes.BadInput);
            }
            string folder = Path.GetDirectoryName(Blob)!;
            string probe = Path.Combine(folder, "." + Name + ".write-test-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new TrainException("--out: cannot write in " + folder + ": " + e.Message, ExitCodes.BadInput);
            }
        }

        /// <summary>
        /// Copies a finished model (built as <paramref name="staged"/>) into place, replacing the old
        /// one (the caller checked --force). With <paramref name="resource"/> the firmware embeds it
        /// too; returns the resx path then, else null.
        /// </summary>
        public string? Install(ModelPaths staged, bool force, bool resource)
        {
            if (Directory.Exists(Export))
            {
                if (!force) throw new TrainException("--out: " + Export + " appeared while training (use --force to replace it)", ExitCodes.BadInput);
                Directory.Delete(Export, true);
            }
            Directory.CreateDirectory(Export);
            foreach (string f in Directory.GetFiles(staged.Export))
                File.Copy(f, Path.Combine(Export, Path.GetFileName(f)), true);
            string[] from = staged.Files, to = Files;
            for (int i = 0; i < from.Length; i++) File.Copy(from[i], to[i], true);
            if (!resource) return null;
            string root = NanoResource.FindRepoRoot(Blob)!;
            return NanoResource.Write(root, Blob);
        }
    }
}
