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
            return (samples - LogMelFrontend.WindowLength) / LogMelFrontend.HopLength + 1;
        }

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
