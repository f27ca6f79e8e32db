using System;

namespace Edge.Asr.Model
{
    /// <summary>
    /// The default "small" model for the product targets (int8 weights ≤ 64 KiB, ≤ 5 M MACs per
    /// second of audio); docs/model.md lists its size and cost, which a test recomputes.
    /// </summary>
    public static class DefaultModelConfig
    {
        /// <summary>The default command set of design.md.</summary>
        public static string[] Labels()
        {
            return new string[] { "_silence_", "_unknown_", "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go" };
        }

        /// <summary>40 mel, C = 16, D = 32, H = 2, F = 2, FFN ×2, K = 15, 4 blocks (lowest 2 conv-only), L = 16, W = 25.
        /// C and L were halved from 32 for the ESP32-C3's real-time budget (docs/model.md).</summary>
        public static ModelConfig Small()
        {
            return new ModelConfig(40, 16, 32, 2, 2, 2, 15, new bool[] { false, false, true, true }, 16, 25, Labels());
        }
    }
}
