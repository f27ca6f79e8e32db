using System;
using System.Collections.Generic;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Firmware;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Native;
using Edge.Asr.Tests.Ops;
using Edge.Asr.Weights;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The native kernels read weights in place from a blob's bytes (IBlobWeightKernels): a tensor outside the blob or
    /// misaligned is refused in one line before C runs, and a store over any other source reads through the window.
    /// </summary>
    public class InPlaceWeightsTests
    {
        private static readonly short[] Input = { 1, 2, 3, 4 };

        [Fact]
        public void A_tensor_outside_the_blob_is_refused_before_the_native_call()
        {
            PInvokeKernels k = NativeKernelsFixture.Kernels();
            var blob = new ByteArrayBlobSource(new byte[64]);
            var output = new short[2];
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => k.LinearS8S16(blob, Input, 0, 4, 60, 0, 8, 16, output, 0, 2, false));
            Assert.Contains("tensor of 8 x 1 bytes at 60 is outside the blob or misaligned", e.Message);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => k.LinearS8S16(blob, Input, 0, 4, 0, 62, 8, 16, output, 0, 2, false));
            Assert.Contains("at 62", e.Message);
        }

        [Fact]
        public void A_misaligned_int32_tensor_is_refused()
        {
            PInvokeKernels k = NativeKernelsFixture.Kernels();
            var blob = new ByteArrayBlobSource(new byte[64]);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => k.LinearS8S16(blob, Input, 0, 4, 0, 10, 16, 24, new short[2], 0, 2, false));
            Assert.Contains("tensor of 2 x 4 bytes at 10", e.Message);
        }

        [Fact]
        public void Only_a_byte_array_blob_is_read_in_place()
        {
            PInvokeKernels k = NativeKernelsFixture.Kernels();
            Assert.True(k.ReadsInPlace(new ByteArrayBlobSource(new byte[4])));
            Assert.False(k.ReadsInPlace(new Model.CountingBlobSource(new byte[4])));
            Assert.False(new Edge.Asr.Weights.TensorStore(new Model.CountingBlobSource(new byte[4]), new Edge.Asr.Weights.WeightWindow(4, 4, 4), k).InPlace);
        }

        [Fact]
        public void Native_kernels_that_cannot_address_the_source_get_one_ram_copy_of_the_tensors()
        {
            PInvokeKernels k = NativeKernelsFixture.Kernels();
            Assert.True(ModelStartup.CopiesWeights(k, new Model.CountingBlobSource(new byte[4])));    // a flash-like source
            Assert.False(ModelStartup.CopiesWeights(k, new ByteArrayBlobSource(new byte[4])));        // read in place
            Assert.False(ModelStartup.CopiesWeights(ManagedKernels.Instance, new Model.CountingBlobSource(new byte[4])));  // the window

            byte[] bytes = File.ReadAllBytes(Path.Combine(RepoRoot.Path, "weights", "default.easr"));
            ModelBlob blob = ModelBlob.Load(new Model.CountingBlobSource(bytes));
            Assert.Equal(77_792, TensorDirectory.CopyBytes(blob));
            ModelParameters inRam = BlobModelLoader.InRam(blob);
            inRam.UseKernels(k);
            var copied = new ConformerModel(inRam);
            Assert.True(copied.Store.InPlace);
            ConformerModel window = BlobModelLoader.BuildModel(blob, ManagedKernels.Instance);
            short[] frames = DeviceTests.GoldenVectors.FrontendFrames;
            int mel = window.Config.MelBins, steps = 0;
            for (int f = 0; f + mel <= frames.Length; f += mel)
            {
                bool a = window.Process(frames, f), b = copied.Process(frames, f);
                Assert.Equal(a, b);
                if (!a) continue;
                steps++;
                Assert.Equal(window.Logits, copied.Logits);
            }
            Assert.True(steps >= 5);
        }
    }

    /// <summary>The firmware with native kernels that cannot address its flash resource: one RAM copy of the tensors, counted.</summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class NativeStartupMemoryTests
    {
        [Fact]
        public void The_firmware_counts_the_ram_copy_in_its_memory_check()
        {
            DeviceSimulation.Reset();
            var lines = new Lines();
            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), FirmwareModel.Source(), lines, new NoClock(), null, NativeKernelsFixture.Kernels());
            Assert.True(loop != null, string.Join("\n", lines.All));
            // The desktop's P/Invoke kernels cannot address a mapped resource: one warning, then
            // 35,400 (weight window, state, scratch, frontend, detector, capture) + 4,096 of the native frontend + 77,792 bytes of tensors copied once.
            Assert.Equal(WeightPlacement.CopyWarning("the native kernels cannot address a mapped resource"), lines.All[2]);
            Assert.StartsWith("memory: " + MemoryCheck.WhatWithCopy + " needs 117288 bytes, ", lines.All[3]);
        }

        private sealed class Lines : ILineOutput
        {
            public readonly List<string> All = new List<string>();
            public void WriteLine(string line) => All.Add(line);
        }

        private sealed class NoClock : IDeviceClock
        {
            private long _us;
            public long NowMicroseconds() => _us;
            public void Sleep(int milliseconds) => _us += 1000L * milliseconds;
        }
    }
}
