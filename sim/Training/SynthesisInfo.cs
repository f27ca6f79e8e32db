using System.IO;
using System.Text.Json;
using Edge.Asr.Frontend;

namespace Edge.Asr.Sim.Training
{
    /// <summary>What training needs from synth.py's synth.json beyond the labels: the clip length.</summary>
    public static class SynthesisInfo
    {
        /// <summary>Log-mel frames of one clip: 400 + 160·(frames − 1) ≤ samples_per_clip.</summary>
        public static int FramesPerClip(string synthJson)
        {
            int samples = Read(synthJson, doc => doc.RootElement.TryGetProperty("samples_per_clip", out JsonElement e) && e.TryGetInt32(out int v) ? v : -1);
            if (samples < LogMelFrontend.WindowLength)
                throw new FeatureInputException(synthJson + ": no valid \"samples_per_clip\" (at least " + LogMelFrontend.WindowLength + ")");
            return FramesIn(samples);
        }

        /// <summary>
        /// Log-mel frames of one stream of the negative pool (synth.py --pool-minutes): all its streams
        /// have the same length, seconds/streams of "negative_streams"."pool"; null when there is no pool.
        /// </summary>
        public static int? FramesPerPoolStream(string synthJson)
        {
            double seconds = Read(synthJson, doc =>
                doc.RootElement.TryGetProperty("negative_streams", out JsonElement sets) && sets.ValueKind == JsonValueKind.Object
                && sets.TryGetProperty("pool", out JsonElement pool) && pool.ValueKind == JsonValueKind.Object
                && pool.TryGetProperty("seconds", out JsonElement s) && pool.TryGetProperty("streams", out JsonElement n)
                && s.TryGetDouble(out double total) && n.TryGetInt32(out int count) && count > 0 ? total / count : -1);
            if (seconds < 0) return null;
            int samples = (int)(seconds * LogMelFrontend.SampleRate);
            if (samples < LogMelFrontend.WindowLength)
                throw new FeatureInputException(synthJson + ": negative pool streams shorter than one frame");
            return FramesIn(samples);
        }

        /// <summary>Whole frames in that many samples: 400 + 160·(frames − 1) ≤ samples.</summary>
        private static int FramesIn(int samples) => (samples - LogMelFrontend.WindowLength) / LogMelFrontend.HopLength + 1;

        private static T Read<T>(string path, System.Func<JsonDocument, T> body)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
                return body(doc);
            }
            catch (JsonException e)
            {
                throw new FeatureInputException(path + ": not valid JSON (" + e.Message + ")");
            }
        }
    }
}
