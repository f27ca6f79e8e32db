using System;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Model;
using Edge.Asr.Ops;
using Edge.Asr.Weights;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Model
{
    /// <summary>
    /// Weights read through the window (the managed kernels on a blob that stays in flash) give the bits of the whole
    /// tensors in RAM: a Linear chunked into rows, every op of the default model; reads never exceed WeightWindow.ReadBytes.
    /// </summary>
    public class WeightWindowTests
    {
        [Theory]
        [InlineData(7, 13, 16, 3)]    // 13 outputs in chunks of 2 rows (16 / 7), the last chunk one row
        [InlineData(5, 9, 64, 4)]     // chunks limited by the int window (4 rows)
        [InlineData(300, 3, 300, 8)]  // one row per chunk, rows longer than a read
        public void A_linear_chunked_through_a_small_window_equals_the_whole_call(int inputs, int outputs, int int8Capacity, int intCapacity)
        {
            var rng = new Random(inputs * 31 + outputs);
            var weights = new sbyte[inputs * outputs];
            for (int i = 0; i < weights.Length; i++) weights[i] = (sbyte)rng.Next(-128, 128);
            var bias = new int[outputs];
            var multipliers = new int[outputs];
            var shifts = new int[outputs];
            for (int o = 0; o < outputs; o++) { bias[o] = rng.Next(-100000, 100000); multipliers[o] = rng.Next(1 << 30, int.MaxValue); shifts[o] = rng.Next(8, 24); }
            var input = new short[inputs + 3];
            for (int i = 0; i < input.Length; i++) input[i] = (short)rng.Next(short.MinValue, short.MaxValue + 1);

            var expected = new short[outputs + 2];
            Linear.Compute(input, 3, inputs, weights, bias, multipliers, shifts, expected, 2, outputs, true);

            var pack = new TensorPack(new object[] { weights, bias, multipliers, shifts }, ManagedKernels.Instance, 1, 1, 0);
            byte[] bytes = ((ByteArrayBlobSource)pack.Store.Source).Bytes;
            var source = new CountingBlobSource(bytes);
            var store = new TensorStore(source, new WeightWindow(int8Capacity, intCapacity, 0), ManagedKernels.Instance);
            var linear = new Linear(inputs, outputs, store, pack.At(0), pack.At(1), pack.At(2), pack.At(3), true);
            var actual = new short[outputs + 2];
            linear.Process(input, 3, actual, 2);

            Assert.Equal(expected, actual);
            Assert.InRange(source.LargestRead, 1, WeightWindow.ReadBytes);
        }

        [Fact]
        public void The_default_model_read_through_the_window_from_a_flash_like_source_equals_the_model_in_ram()
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(RepoRoot.Path, "weights", "default.easr"));
            var source = new CountingBlobSource(bytes);
            ModelBlob blob = ModelBlob.Load(source);
            ConformerModel flash = BlobModelLoader.BuildModel(blob);
            Assert.False(flash.Store.InPlace);
            var ram = new ConformerModel(BlobModelLoader.Load(ModelBlob.Load(bytes)));   // the tensors copied into arrays, then packed
            short[] frames = DeviceTests.GoldenVectors.FrontendFrames;
            int mel = flash.Config.MelBins, steps = 0;
            long readsBefore = source.Reads;
            for (int f = 0; f + mel <= frames.Length; f += mel)
            {
                bool a = flash.Process(frames, f), b = ram.Process(frames, f);
                Assert.Equal(a, b);
                if (!a) continue;
                steps++;
                Assert.Equal(ram.Logits, flash.Logits);
                Assert.Equal(ram.Posteriors, flash.Posteriors);
            }
            Assert.True(steps >= 5, steps + " encoder steps");
            Assert.True(source.Reads > readsBefore, "the weights are read from the source while the model runs");
            Assert.InRange(source.LargestRead, 1, WeightWindow.ReadBytes);
        }

        [Fact]
        public void A_linear_whose_row_does_not_fit_the_window_is_refused_when_built()
        {
            var pack = new TensorPack(new object[] { new sbyte[20], new int[2], new[] { 1 << 30, 1 << 30 }, new[] { 8, 8 } }, ManagedKernels.Instance, 1, 1, 0);
            var store = new TensorStore(pack.Store.Source, new WeightWindow(8, 2, 0), ManagedKernels.Instance);
            var e = Assert.Throws<ArgumentException>(() => new Linear(10, 2, store, pack.At(0), pack.At(1), pack.At(2), pack.At(3), false));
            Assert.Equal("Linear: a row of 10 weights does not fit the weight window (8 bytes)", e.Message);
        }

        [Fact]
        public void A_tensor_larger_than_the_window_is_refused()
        {
            var window = new WeightWindow(8, 2, 2);
            var source = new CountingBlobSource(new byte[64]);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => window.LoadInt8(source, 0, 9));
            Assert.Contains("9 int8 values exceed the window", e.Message);
            e = Assert.Throws<ArgumentOutOfRangeException>(() => window.LoadInt32(source, 0, 3, window.Bias));
            Assert.Contains("3 int32 values exceed the window", e.Message);
        }
    }
}
