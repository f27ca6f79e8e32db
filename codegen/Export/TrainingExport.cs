using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Edge.Asr.Blob;
using Edge.Asr.Model;

namespace Edge.Asr.Codegen.Export
{
    /// <summary>
    /// A training export folder (training/train.py, docs/training.md): config.json with the
    /// architecture ("model", named as the ModelConfig parameters of docs/model.md), the labels
    /// and the frontend parameters (named as the blob's frontend section), and model.safetensors
    /// with the float tensors (PyTorch state_dict names). Reading checks that the fields agree with
    /// each other, that the engine runs the architecture (Edge.Asr.Model.ModelConfig's rules,
    /// LayerNorm ε) and that the frontend is the one the engine runs.
    /// </summary>
    public sealed class TrainingExport
    {
        public const string ConfigFile = "config.json";
        public const string TensorsFile = "model.safetensors";
        public const string LogFormatName = "int16 log2 Q8";
        /// <summary>The log format with the model's input running-mean subtraction (FrontendParams.LogFormatInt16Log2Q8MinusRunningMean).</summary>
        public const string LogFormatMinusRunningMeanName = "int16 log2 Q8 minus running mean 2^-6";

        /// <summary>The blob's log format id of a config.json log_format name.</summary>
        private static int LogFormatId(JsonElement frontend, string where)
        {
            string name = Text(frontend, "log_format", where);
            if (name == LogFormatName) return FrontendParams.LogFormatInt16Log2Q8;
            if (name == LogFormatMinusRunningMeanName) return FrontendParams.LogFormatInt16Log2Q8MinusRunningMean;
            throw new InvalidDataException(where + ": log_format '" + name + "', the engine computes '" + LogFormatName + "' or '" + LogFormatMinusRunningMeanName + "'");
        }

        private TrainingExport(string folder, int melChannels, bool[] attentionBlocks, ModelConfig config, FrontendParams frontend, string[] labels, SafeTensors tensors, DetectorDefaults? detector)
        {
            Detector = detector;
            Folder = folder;
            MelChannels = melChannels;
            AttentionBlocks = attentionBlocks;
            Config = config;
            Frontend = frontend;
            Labels = labels;
            Tensors = tensors;
        }

        public string Folder { get; }
        /// <summary>Mel channels of the model's input (= the frontend's).</summary>
        public int MelChannels { get; }
        /// <summary>Which blocks have self-attention (the others are convolution-only).</summary>
        public bool[] AttentionBlocks { get; }
        /// <summary>The architecture and labels (the engine's config; the blob's config section stores it).</summary>
        public ModelConfig Config { get; }
        public FrontendParams Frontend { get; }
        public string[] Labels { get; }
        public SafeTensors Tensors { get; }
        /// <summary>Detector defaults from an optional "detector" object {smoothing_frames, threshold_q15, refractory_ms, optional class_thresholds_q15 [one per label]}; null when absent.</summary>
        public DetectorDefaults? Detector { get; }

        public static TrainingExport Read(string folder)
        {
            string configPath = Path.Combine(folder, ConfigFile), tensorsPath = Path.Combine(folder, TensorsFile);
            if (!File.Exists(configPath)) throw new InvalidDataException(configPath + ": not found");
            if (!File.Exists(tensorsPath)) throw new InvalidDataException(tensorsPath + ": not found");
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(File.ReadAllText(configPath));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException(configPath + ": not valid JSON (" + e.Message + ")");
            }
            using (doc)
            {
                JsonElement root = doc.RootElement;
                JsonElement model = Object(root, "model", configPath);
                JsonElement frontend = Object(root, "frontend", configPath);
                string where = configPath + " model";
                var attention = new List<bool>();
                foreach (JsonElement a in Array(model, "attention", where))
                {
                    if (a.ValueKind != JsonValueKind.True && a.ValueKind != JsonValueKind.False) throw new InvalidDataException(where + ": \"attention\" must hold true/false, one per block");
                    attention.Add(a.GetBoolean());
                }
                if (attention.Count < 1 || attention.Count > ConfigFields.MaxBlocks) throw new InvalidDataException(where + ": \"attention\" lists " + attention.Count + " blocks, expected 1.." + ConfigFields.MaxBlocks);
                var labels = new List<string>();
                foreach (JsonElement l in Array(root, "labels", configPath))
                {
                    if (l.ValueKind != JsonValueKind.String || l.GetString()!.Length == 0) throw new InvalidDataException(configPath + ": labels must be non-empty strings");
                    if (labels.Contains(l.GetString()!)) throw new InvalidDataException(configPath + ": label '" + l.GetString() + "' appears twice");
                    labels.Add(l.GetString()!);
                }
                if (labels.Count < 2) throw new InvalidDataException(configPath + ": at least 2 labels are required, got " + labels.Count);
                if (model.TryGetProperty("layerNormEps", out JsonElement eps) && (eps.ValueKind != JsonValueKind.Number || eps.GetDouble() != 1e-5))
                    throw new InvalidDataException(where + ": layerNormEps " + eps.GetRawText() + " is not supported (the engine's LayerNorm uses 1e-05)");
                string fwhere = configPath + " frontend";
                int logFormat = LogFormatId(frontend, fwhere);   // it also states the model's input norm
                ModelConfig config;
                try
                {
                    config = new ModelConfig(Int(model, "melBins", where), Int(model, "subsamplingChannels", where), Int(model, "dim", where),
                        Int(model, "heads", where), Int(model, "fold", where), Int(model, "ffnMultiplier", where),
                        Int(model, "convKernel", where), attention.ToArray(), Int(model, "leftContext", where), Int(model, "poolWindow", where),
                        labels.ToArray(), FrontendParams.InputNormShiftOf(logFormat));
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException(where + ": unsupported architecture: " + e.Message);
                }
                var fp = new FrontendParams(Int(frontend, "sample_rate", fwhere), Int(frontend, "window_length", fwhere), Int(frontend, "hop_length", fwhere),
                    Int(frontend, "fft_length", fwhere), Int(frontend, "mel_channels", fwhere), Int(frontend, "mel_low_hz", fwhere),
                    Int(frontend, "mel_high_hz", fwhere), logFormat);
                try
                {
                    SupportedFrontend.Validate(fp);
                }
                catch (Exception e) when (e is BlobFormatException || e is ArgumentException)
                {
                    throw new InvalidDataException(fwhere + ": " + e.Message);
                }
                if (config.MelBins != fp.MelChannels) throw new InvalidDataException(where + ": melBins " + config.MelBins + " but the frontend has " + fp.MelChannels);
                DetectorDefaults? detector = null;
                if (root.TryGetProperty("detector", out JsonElement det))
                {
                    string dwhere = configPath + " detector";
                    if (det.ValueKind != JsonValueKind.Object) throw new InvalidDataException(dwhere + " must be an object");
                    var classThresholds = new List<int>();
                    if (det.TryGetProperty("class_thresholds_q15", out JsonElement ct))
                    {
                        if (ct.ValueKind != JsonValueKind.Array) throw new InvalidDataException(dwhere + ": \"class_thresholds_q15\" must be an array of integers, one per label");
                        foreach (JsonElement t in ct.EnumerateArray())
                        {
                            if (t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out int q)) throw new InvalidDataException(dwhere + ": \"class_thresholds_q15\" must hold integers");
                            classThresholds.Add(q);
                        }
                        if (classThresholds.Count != config.Classes)
                            throw new InvalidDataException(dwhere + ": \"class_thresholds_q15\" has " + classThresholds.Count + " values for " + config.Classes + " labels");
                    }
                    detector = new DetectorDefaults(Int(det, "smoothing_frames", dwhere), Int(det, "threshold_q15", dwhere), Int(det, "refractory_ms", dwhere), classThresholds.ToArray());
                    try
                    {
                        detector.Validate(config.Classes);
                    }
                    catch (BlobFormatException e)
                    {
                        throw new InvalidDataException(dwhere + ": " + e.Message.Substring(BlobFormatException.Prefix.Length));
                    }
                }
                return new TrainingExport(folder, config.MelBins, attention.ToArray(), config, fp, labels.ToArray(), SafeTensors.Read(tensorsPath), detector);
            }
        }

        private static JsonElement Object(JsonElement e, string name, string where)
        {
            if (!e.TryGetProperty(name, out JsonElement v) || v.ValueKind != JsonValueKind.Object) throw new InvalidDataException(where + ": \"" + name + "\" object is missing");
            return v;
        }

        private static JsonElement.ArrayEnumerator Array(JsonElement e, string name, string where)
        {
            if (!e.TryGetProperty(name, out JsonElement v) || v.ValueKind != JsonValueKind.Array) throw new InvalidDataException(where + ": \"" + name + "\" array is missing");
            return v.EnumerateArray();
        }

        private static int Int(JsonElement e, string name, string where)
        {
            if (!e.TryGetProperty(name, out JsonElement v) || !v.TryGetInt32(out int i)) throw new InvalidDataException(where + ": integer \"" + name + "\" is missing");
            return i;
        }

        private static string Text(JsonElement e, string name, string where)
        {
            if (!e.TryGetProperty(name, out JsonElement v) || v.ValueKind != JsonValueKind.String) throw new InvalidDataException(where + ": string \"" + name + "\" is missing");
            return v.GetString()!;
        }
    }
}
