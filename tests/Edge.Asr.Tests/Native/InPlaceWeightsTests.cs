using System;
using Edge.Asr.Blob;
using Edge.Asr.Ops;
using Edge.Asr.Sim.Native;
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
    }
}
