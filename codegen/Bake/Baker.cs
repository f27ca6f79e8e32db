using System;
using System.Collections.Generic;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Blob;
using Edge.Asr.Codegen.Export;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Codegen.Reference;
using Edge.Asr.Detector;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Bake
{
    /// <summary>
    /// Training export + calibration log-mel → model blob (docs/bake.md): checks the float tensors
    /// (ExportTensors), quantises them with the engine's quantiser (activation scales from the
    /// calibration clips), lays the quantised tensors out with the engine's own list
    /// (QuantizedLayout: names, dtypes, shapes), writes the blob and loads it back as a self-check.
    /// Deterministic: the same inputs give the same bytes (sorted tensors, no timestamps).
    /// </summary>
    public static class Baker
    {
        /// <summary>Detector defaults when config.json has no "detector" object: DetectorSettings' defaults (docs/detector.md).</summary>
        public static DetectorDefaults DefaultDetector() =>
            new DetectorDefaults(DetectorSettings.DefaultSmoothingFrames, DetectorSettings.DefaultThresholdQ15,
                DetectorSettings.DefaultRefractoryFrames * EncoderFrameMs, Array.Empty<int>());

        /// <summary>One encoder frame = 4 hops of 10 ms.</summary>
        public const int EncoderFrameMs = 40;

        /// <summary>Reads and bakes an export folder (config.json + model.safetensors).</summary>
        public static BakeResult Bake(string exportFolder, IReadOnlyList<double[][]> calibrationMel)
        {
            TrainingExport export;
            try
            {
                export = TrainingExport.Read(exportFolder);
            }
            catch (InvalidDataException e)
            {
                throw new BakeException(e.Message);
            }
            return Bake(export, calibrationMel);
        }

        /// <param name="calibrationMel">calibration clips, each [frames][mel] in log2 units (frontend Q8 / 256)</param>
        public static BakeResult Bake(TrainingExport export, IReadOnlyList<double[][]> calibrationMel)
        {
            if (export.Config.Blocks > ConfigFields.MaxBlocks)
                throw new BakeException(export.Folder + ": " + export.Config.Blocks + " blocks, a blob holds at most " + ConfigFields.MaxBlocks);
            FloatTensors floats = ExportTensors.Read(export);
            return Bake(export.Config, floats, export.Frontend, export.Detector ?? DefaultDetector(), calibrationMel);
        }

        /// <summary>
        /// Bakes float tensors already in memory (exactly the names and shapes
        /// ModelTensorNames.Float(config) lists, as ExportTensors.Read returns them): the same quantiser,
        /// layout, writer and load-back as an export folder's bake.
        /// </summary>
        /// <param name="calibrationMel">calibration clips, each [frames][mel] in log2 units (frontend Q8 / 256)</param>
        public static BakeResult Bake(ModelConfig config, FloatTensors floats, FrontendParams frontend, DetectorDefaults detector,
            IReadOnlyList<double[][]> calibrationMel)
        {
            if (config.Blocks > ConfigFields.MaxBlocks)
                throw new BakeException(config.Blocks + " blocks, a blob holds at most " + ConfigFields.MaxBlocks);
            if (calibrationMel.Count == 0) throw new BakeException("no calibration clips");
            foreach (double[][] clip in calibrationMel)
                foreach (double[] frame in clip)
                    if (frame.Length != config.MelBins)
                        throw new BakeException("calibration frames have " + frame.Length + " mel values, the model takes " + config.MelBins);

            ModelParameters parameters;
            try
            {
                parameters = ModelQuantizer.Quantize(config, floats, calibrationMel);
            }
            catch (ArgumentException e)
            {
                throw new BakeException("quantisation failed: " + e.Message);
            }
            List<BlobTensorSpec> specs = Specs(parameters);
            string[] labels = new string[config.Classes];
            for (int c = 0; c < labels.Length; c++) labels[c] = config.Label(c);
            byte[] blob = new BlobWriter(config, labels, frontend, detector, specs).Write();
            ModelBlob loaded;
            try
            {
                loaded = ModelBlob.Load(blob);
            }
            catch (BlobFormatException e)
            {
                throw new BakeException("the written blob does not load: " + e.Message);
            }
            return new BakeResult(blob, parameters, loaded);
        }

        /// <summary>The blob tensors of a quantised model: exactly the QuantizedLayout set, with its shapes.</summary>
        public static List<BlobTensorSpec> Specs(ModelParameters p)
        {
            var layout = new QuantizedLayout(p.Config);
            if (p.Count != layout.Count)
                throw new InvalidOperationException("the quantiser made " + p.Count + " tensors, the layout lists " + layout.Count);
            var specs = new List<BlobTensorSpec>(layout.Count);
            for (int i = 0; i < layout.Count; i++)
            {
                string name = layout.Name(i);
                int at = p.IndexOf(name);
                if (at < 0) throw new InvalidOperationException("the quantiser made no tensor '" + name + "'");
                QuantizedTensor t = p.At(at);
                if (t.ElementBytes != layout.ElementBytes(i) || t.Length != layout.Length(i))
                    throw new InvalidOperationException("tensor '" + name + "': the quantiser made " + t.Length + " × " + t.ElementBytes
                        + " bytes, the layout says " + layout.Length(i) + " × " + layout.ElementBytes(i));
                int[] shape = layout.Shape(i);
                specs.Add(t.ElementBytes switch
                {
                    1 => BlobTensorSpec.Int8(name, shape, t.Int8),
                    2 => BlobTensorSpec.Int16(name, shape, t.Int16),
                    _ => BlobTensorSpec.Int32(name, shape, t.Int32),
                });
            }
            return specs;
        }
    }
}
