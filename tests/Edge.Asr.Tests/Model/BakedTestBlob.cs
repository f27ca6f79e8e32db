using System;
using Edge.Asr.Blob;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Model;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Bake;
using Edge.Asr.Tests.Cli;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// A small real blob baked in memory by the bake path (TestExport's config: one conv-only and
    /// one attention block, every kind of tensor), calibrated on the shipped samples. Tests get a copy.
    /// </summary>
    public static class BakedTestBlob
    {
        private static readonly Lazy<byte[]> Baked = new Lazy<byte[]>(() => Baker.Bake(TestExport.Config(), RandomModel.Tensors(TestExport.Config(), 5),
            new FrontendParams(SupportedFrontend.SampleRate, SupportedFrontend.WindowLength, SupportedFrontend.HopLength, SupportedFrontend.FftLength,
                SupportedFrontend.MelChannels, SupportedFrontend.MelLowHz, SupportedFrontend.MelHighHz, SupportedFrontend.LogFormat),
            Baker.DefaultDetector(), BakeCommand.Calibration(CliHarness.RepositoryRoot() + "/samples")).Blob);

        private static readonly Lazy<byte[]> BakedWithInputNorm = new Lazy<byte[]>(() =>
        {
            ModelConfig config = ModelFidelityTests.WithInputNorm(TestExport.Config(), Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift);
            return Baker.Bake(config, RandomModel.Tensors(config, 5),
                new FrontendParams(SupportedFrontend.SampleRate, SupportedFrontend.WindowLength, SupportedFrontend.HopLength, SupportedFrontend.FftLength,
                    SupportedFrontend.MelChannels, SupportedFrontend.MelLowHz, SupportedFrontend.MelHighHz, FrontendParams.LogFormatOf(config.InputNormShift)),
                Baker.DefaultDetector(), BakeCommand.Calibration(CliHarness.RepositoryRoot() + "/samples")).Blob;
        });

        /// <summary>A fresh copy of the blob's bytes.</summary>
        public static byte[] Bytes() => (byte[])Baked.Value.Clone();

        /// <summary>The same model shape with the input norm (log format 2, shift 6), baked the same way: a fresh copy.</summary>
        public static byte[] BytesWithInputNorm() => (byte[])BakedWithInputNorm.Value.Clone();
    }
}
