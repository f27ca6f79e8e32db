using System;
using Edge.Asr.Codegen.Quantization;
using Edge.Asr.Model;
using Edge.Asr.Tests.Model;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>A small random seeded model, quantised like the model tests do, shared by the firmware tests.</summary>
    internal static class FirmwareTestModel
    {
        public static readonly Lazy<ModelParameters> Parameters = new Lazy<ModelParameters>(() =>
        {
            ModelConfig config = ModelFidelityTests.Config(2, new[] { false, true });
            return ModelQuantizer.Quantize(config, RandomModel.Tensors(config, 4242), SpeechClips.Float(SpeechClips.Calibration));
        });

        public static string[] Labels(ConformerModel model)
        {
            var labels = new string[model.Config.Classes];
            for (int c = 0; c < labels.Length; c++) labels[c] = model.Config.Label(c);
            return labels;
        }
    }
}
