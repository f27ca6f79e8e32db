using System;
using System.Collections.Generic;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.DeviceFacade;
using Edge.Asr.Firmware;
using Edge.Asr.Interop;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Benchmarks;
using Edge.Asr.Sim.Native;
using Edge.Asr.Tests.Native;
using Edge.Asr.Tests.Portability;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Firmware
{
    /// <summary>
    /// Issue 14 item 5, native path: start-up chooses where the model's tensors are read. The interop seam is faked
    /// (no nanoCLR here): <see cref="FakeMapper"/> stands for the glue's MapResource and <see cref="FlashKernels"/> for
    /// the glue's in-place kernels, which read the bytes the mapper registered when given the mapped resource, as the
    /// glue reads its registered pointer. Native + in place (no copy) > native + RAM copy (warning) > managed.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class WeightPlacementTests
    {
        private static readonly byte[] DefaultBlob = File.ReadAllBytes(Path.Combine(RepoRoot.Path, "weights", "default.easr"));

        private static readonly I2sSampleLayout DevKit = I2sSampleLayout.FromSettings(
            MicrophoneConfig.Configure(BoardConfig.DevKitInmp441().Pins), BoardConfig.DevKitInmp441().MicrophoneOnRight);

        [Fact]
        public void Native_kernels_read_the_mapped_resource_in_place_with_no_copy()
        {
            var mapper = new FakeMapper(DefaultBlob.Length, DefaultBlob);
            var kernels = new FlashKernels(mapper);
            (CaptureLoop? loop, List<string> lines) = Start(kernels, mapper);

            Assert.True(loop != null, string.Join("\n", lines));
            Assert.Equal(new[] { FirmwareModel.ResourceFile }, mapper.Files.ToArray());
            Assert.Equal("Edge.Asr.firmware.Resources.ModelResources.nanoresources", mapper.Files[0]);
            Assert.Equal((short)30387, mapper.Ids[0]);
            Assert.DoesNotContain(lines, l => l.StartsWith("warning:"));
            // The managed kernels' count (no tensor in RAM; the window is allocated in both) + the native frontend's 4 × int[256].
            Assert.StartsWith("memory: " + MemoryCheck.WhatInFlash + " needs 39496 bytes, ", lines[2]);
            Assert.Equal("listening", lines[lines.Count - 1]);
        }

        [Fact]
        public void A_model_on_the_mapped_resource_gives_the_managed_bits()
        {
            var mapper = new FakeMapper(DefaultBlob.Length, DefaultBlob);
            var kernels = new FlashKernels(mapper);
            ModelBlob blob = ModelBlob.Load(new Edge.Asr.Tests.Model.CountingBlobSource(DefaultBlob));
            var output = new Lines();
            IBlobSource placed = WeightPlacement.Place(kernels, blob.Source, mapper, output);
            Assert.IsType<MappedBlobSource>(placed);
            Assert.Empty(output.All);
            Assert.Equal(WeightPlacement.InPlace, WeightPlacement.ModeOf(kernels, placed));
            ModelParameters p = BlobModelLoader.InBlob(blob, placed);
            p.UseKernels(kernels);
            var flash = new ConformerModel(p);
            Assert.True(flash.Store.InPlace);
            ConformerModel managed = BlobModelLoader.BuildModel(blob, ManagedKernels.Instance);
            short[] frames = DeviceTests.GoldenVectors.FrontendFrames;
            int mel = managed.Config.MelBins, steps = 0;
            for (int f = 0; f + mel <= frames.Length; f += mel)
            {
                bool a = managed.Process(frames, f), b = flash.Process(frames, f);
                Assert.Equal(a, b);
                if (!a) continue;
                steps++;
                Assert.Equal(managed.Logits, flash.Logits);
            }
            Assert.True(steps >= 5);
            Assert.True(kernels.FlashCalls > 0);
        }

        [Theory]
        [InlineData(-1, "no loaded assembly holds that resource")]
        [InlineData(-2, "the resource is not binary")]
        [InlineData(-3, "the resource's first byte is not 4-byte aligned")]
        [InlineData(-4, "the resource lies in the managed heap, where it may move")]
        [InlineData(100, "the mapped resource has 100 bytes, the blob {length}")]
        public void A_resource_the_glue_cannot_map_gets_one_ram_copy_and_a_warning(int answer, string why)
        {
            why = why.Replace("{length}", DefaultBlob.Length.ToString());
            var mapper = new FakeMapper(answer, DefaultBlob);
            (CaptureLoop? loop, List<string> lines) = Start(new FlashKernels(mapper), mapper);

            Assert.True(loop != null, string.Join("\n", lines));
            Assert.Equal(WeightPlacement.CopyWarning(why), lines[2]);
            Assert.Equal("warning: the model resource cannot be read in place by the native kernels (" + why
                + "); copying its tensors into RAM (docs/device.md: where the weights are read)", lines[2]);
            Assert.StartsWith("memory: " + MemoryCheck.WhatWithCopy + " needs 117288 bytes, ", lines[3]);
        }

        [Fact]
        public void A_failing_map_call_or_no_mapper_also_falls_back_to_the_copy()
        {
            var throwing = new FakeMapper(0, DefaultBlob) { Throws = true };
            (CaptureLoop? loop, List<string> lines) = Start(new FlashKernels(throwing), throwing);
            Assert.True(loop != null, string.Join("\n", lines));
            Assert.StartsWith("warning: the model resource cannot be read in place by the native kernels (the map call failed (", lines[2]);
            Assert.StartsWith("memory: " + MemoryCheck.WhatWithCopy + " needs 117288 bytes, ", lines[3]);

            var unused = new FakeMapper(DefaultBlob.Length, DefaultBlob);
            (loop, lines) = Start(new FlashKernels(unused), null);
            Assert.True(loop != null, string.Join("\n", lines));
            Assert.Equal(WeightPlacement.CopyWarning("this build has no resource mapper"), lines[2]);
            Assert.Empty(unused.Files);
        }

        [Fact]
        public void Managed_kernels_never_ask_to_map_and_read_through_the_window()
        {
            var mapper = new FakeMapper(DefaultBlob.Length, DefaultBlob);
            (CaptureLoop? loop, List<string> lines) = Start(ManagedKernels.Instance, mapper);
            Assert.True(loop != null, string.Join("\n", lines));
            Assert.Empty(mapper.Files);
            Assert.StartsWith("memory: " + MemoryCheck.What + " needs 35400 bytes, ", lines[2]);
        }

        [Fact]
        public void Kernels_that_already_read_the_source_in_place_need_no_mapping()
        {
            // The desktop's P/Invoke kernels over a byte-array blob: in place, nothing mapped, nothing copied.
            var mapper = new FakeMapper(DefaultBlob.Length, DefaultBlob);
            PInvokeKernels k = NativeKernelsFixture.Kernels();
            var source = new ByteArrayBlobSource(DefaultBlob);
            Assert.Same(source, WeightPlacement.Place(k, source, mapper, new Lines()));
            Assert.Equal(WeightPlacement.InPlace, WeightPlacement.ModeOf(k, source));
            Assert.Empty(mapper.Files);
        }

        [Fact]
        public void The_start_up_count_of_each_placement_is_what_bench_counts_on_the_built_pipelines()
        {
            ModelBlob blob = ModelBlob.Load(new Edge.Asr.Tests.Model.CountingBlobSource(DefaultBlob));
            var cost = new PipelineCost(blob, DefaultBlob.Length);
            Assert.Equal(35_400L, PipelineMemory.Bytes(blob, DevKit, WeightPlacement.Window));
            Assert.Equal(39_496L, PipelineMemory.Bytes(blob, DevKit, WeightPlacement.InPlace));
            Assert.Equal(117_288L, PipelineMemory.Bytes(blob, DevKit, WeightPlacement.RamCopy));
            Assert.Equal(35_400L, cost.PeakRamBytes);
            Assert.Equal(39_496L, cost.PeakRamBytesNativeInFlash);
            Assert.Equal(117_288L, cost.PeakRamBytesNativeCopy);
            Assert.True(cost.PeakRamBytesNativeInFlash <= 49_152);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => PipelineMemory.Bytes(blob, DevKit, 3));
            Assert.Contains("weight placement 3 is not 0, 1 or 2", e.Message);
        }

        [Fact]
        public void The_resource_file_name_is_the_generated_resource_managers()
        {
            string designer = File.ReadAllText(Path.Combine(RepoRoot.Path, "firmware", "Resources", "ModelResources.Designer.cs"));
            Assert.Contains("new System.Resources.ResourceManager(\"" + FirmwareModel.ResourceBaseName + "\", ", designer);
            Assert.Contains("Model = " + FirmwareModel.ResourceId + ",", designer);
        }

        [Fact]
        public void The_glue_problems_are_named()
        {
            Assert.Equal("", InteropKernels.MapProblem(106120));
            Assert.Equal("no resource file name", InteropKernels.MapProblem(-5));
            Assert.Equal("MapResource answered -9", InteropKernels.MapProblem(-9));
            Assert.Equal(3, InteropKernels.AbiVersion);
        }

        private static (CaptureLoop?, List<string>) Start(IOpKernels kernels, IResourceMapper? mapper)
        {
            DeviceSimulation.Reset();
            var lines = new Lines();
            CaptureLoop? loop = DeviceApp.Start(BoardConfig.DevKitInmp441(), FirmwareModel.Source(), lines, new NoClock(), null, kernels, mapper);
            return (loop, lines.All);
        }

        /// <summary>The glue's MapResource: answers what it is told and, when it answers the length, holds the "flash" bytes.</summary>
        private sealed class FakeMapper : IResourceMapper
        {
            private readonly int _answer;
            public readonly byte[] Flash;
            public readonly List<string> Files = new List<string>();
            public readonly List<short> Ids = new List<short>();
            public bool Throws;

            public FakeMapper(int answer, byte[] flash)
            {
                _answer = answer;
                Flash = flash;
            }

            public int MapResource(string resourceFile, short resourceId)
            {
                Files.Add(resourceFile);
                Ids.Add(resourceId);
                if (Throws) throw new InvalidOperationException("no such method in this firmware");
                return _answer;
            }
        }

        /// <summary>
        /// The glue's in-place kernels on the desktop: the C kernels (P/Invoke), reading a mapped resource at the bytes the
        /// mapper registered (the glue's s_flashBlob), and a byte-array blob as itself.
        /// </summary>
        private sealed class FlashKernels : IOpKernels, IBlobWeightKernels
        {
            private readonly PInvokeKernels _c = NativeKernelsFixture.Kernels();
            private readonly FakeMapper _mapper;
            public int FlashCalls;

            public FlashKernels(FakeMapper mapper) => _mapper = mapper;

            private IBlobSource Bytes(IBlobSource blob)
            {
                if (!(blob is MappedBlobSource)) return blob;
                FlashCalls++;
                return new ByteArrayBlobSource(_mapper.Flash);
            }

            public string Name => "native";
            public bool ReadsInPlace(IBlobSource source) => source is ByteArrayBlobSource || source is MappedBlobSource;

            public void LinearS8S16(short[] input, int inOffset, int inputSize, sbyte[] weights, int[] bias, int[] multipliers, int[] shifts,
                short[] output, int outOffset, int outputSize, bool relu)
                => _c.LinearS8S16(input, inOffset, inputSize, weights, bias, multipliers, shifts, output, outOffset, outputSize, relu);
            public void DepthwiseConv1dS8S16(short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
                sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output, int outOffset)
                => _c.DepthwiseConv1dS8S16(input, inOffset, history, oldest, channels, kernel, weights, bias, multipliers, shifts, output, outOffset);
            public void LayerNormS16(short[] input, int inOffset, int width, short[] gamma, int[] beta, int fracIn, int outShift, long epsQ32,
                int widthLog2, int[] scratch, short[] output, int outOffset)
                => _c.LayerNormS16(input, inOffset, width, gamma, beta, fracIn, outShift, epsQ32, widthLog2, scratch, output, outOffset);
            public void SoftmaxS16(short[] input, int inOffset, int length, int uShift, int[] scratch, short[] output, int outOffset)
                => _c.SoftmaxS16(input, inOffset, length, uShift, scratch, output, outOffset);
            public void SwishS16(short[] input, int inOffset, int width, int fracIn, int shift, short[] output, int outOffset)
                => _c.SwishS16(input, inOffset, width, fracIn, shift, output, outOffset);
            public void SigmoidS16(short[] input, int inOffset, int width, int fracIn, short[] output, int outOffset)
                => _c.SigmoidS16(input, inOffset, width, fracIn, output, outOffset);
            public void GluS16(short[] input, int inOffset, int channels, int fracIn, int shift, short[] output, int outOffset)
                => _c.GluS16(input, inOffset, channels, fracIn, shift, output, outOffset);
            public void ResidualAddS16(short[] a, int aOffset, short[] b, int bOffset, int width, int shiftA, int shiftB, int shiftOut,
                short[] output, int outOffset)
                => _c.ResidualAddS16(a, aOffset, b, bOffset, width, shiftA, shiftB, shiftOut, output, outOffset);
            public void SubsampleConv1S8S16(short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1, int channels,
                sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
                => _c.SubsampleConv1S8S16(mel2, mel1, mel, melOffset, melBins, bins1, channels, weights, bias, multipliers, shifts, output);
            public void SubsampleDepthwiseS8S16(short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
                sbyte[] weights, int[] bias, int[] multipliers, int[] shifts, short[] output)
                => _c.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, channels, weights, bias, multipliers, shifts, output);
            public void RunningMeanSubtractS16(short[] input, int inOffset, int[] means, int channels, int shift, bool first, short[] output, int outOffset)
                => _c.RunningMeanSubtractS16(input, inOffset, means, channels, shift, first, output, outOffset);
            public void AttentionScoresS16(short[] query, int qOffset, short[] keys, int kOffset, int subDim, int headDim, int count,
                int multiplier, int shift, short[] scores)
                => _c.AttentionScoresS16(query, qOffset, keys, kOffset, subDim, headDim, count, multiplier, shift, scores);
            public void AttentionContextS16(short[] probs, int count, short[] values, int vOffset, int subDim, int headDim, int contextShift,
                short[] output, int outOffset)
                => _c.AttentionContextS16(probs, count, values, vOffset, subDim, headDim, contextShift, output, outOffset);

            public void LinearS8S16(IBlobSource blob, short[] input, int inOffset, int inputSize, int weightsAt, int biasAt, int multipliersAt,
                int shiftsAt, short[] output, int outOffset, int outputSize, bool relu)
                => _c.LinearS8S16(Bytes(blob), input, inOffset, inputSize, weightsAt, biasAt, multipliersAt, shiftsAt, output, outOffset, outputSize, relu);
            public void DepthwiseConv1dS8S16(IBlobSource blob, short[] input, int inOffset, short[] history, int oldest, int channels, int kernel,
                int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output, int outOffset)
                => _c.DepthwiseConv1dS8S16(Bytes(blob), input, inOffset, history, oldest, channels, kernel, weightsAt, biasAt, multipliersAt, shiftsAt,
                    output, outOffset);
            public void LayerNormS16(IBlobSource blob, short[] input, int inOffset, int width, int gammaAt, int betaAt, int fracIn, int outShift,
                long epsQ32, int widthLog2, int[] scratch, short[] output, int outOffset)
                => _c.LayerNormS16(Bytes(blob), input, inOffset, width, gammaAt, betaAt, fracIn, outShift, epsQ32, widthLog2, scratch, output, outOffset);
            public void SubsampleConv1S8S16(IBlobSource blob, short[] mel2, short[] mel1, short[] mel, int melOffset, int melBins, int bins1,
                int channels, int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
                => _c.SubsampleConv1S8S16(Bytes(blob), mel2, mel1, mel, melOffset, melBins, bins1, channels, weightsAt, biasAt, multipliersAt, shiftsAt, output);
            public void SubsampleDepthwiseS8S16(IBlobSource blob, short[] older, short[] old, short[] now, int bins1, int bin2, int channels,
                int weightsAt, int biasAt, int multipliersAt, int shiftsAt, short[] output)
                => _c.SubsampleDepthwiseS8S16(Bytes(blob), older, old, now, bins1, bin2, channels, weightsAt, biasAt, multipliersAt, shiftsAt, output);
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
