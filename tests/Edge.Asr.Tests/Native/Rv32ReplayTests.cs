using System;
using System.IO;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.DeviceTests;
using Edge.Asr.Sim.Native;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The rv32 smoke run (what bench measures, on a small trace): the C kernels cross-compiled for
    /// rv32imc replay the golden tiny model's kernel calls under qemu -icount with every output equal
    /// to the C# reference, and a planted difference in the trace is reported. Needs the tools test.sh
    /// installs (gcc-riscv64-unknown-elf, picolibc-riscv64-unknown-elf, qemu-system-misc).
    /// </summary>
    public class Rv32ReplayTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

        private static string NativeRoot => Path.Combine(RepoRoot.Path, "native");

        private static byte[] GoldenTrace()
        {
            Assert.True(DeviceCostMeasurement.MissingTool() == null, DeviceCostMeasurement.MissingTool() + " not found (test.sh installs the rv32 tools)");
            ModelBlob blob = ModelBlob.Load(GoldenVectors.EngineModelBlob);
            // The golden audio: 28 mel frames; record frames 8..15 (two encoder frames) after a warm-up.
            return DeviceCostMeasurement.RecordTrace(blob, GoldenVectors.Audio, 8, 8);
        }

        [Fact]
        public void GoldenModelKernelsReplayBitExactOnRv32AndAreCounted()
        {
            DeviceCost cost = DeviceCostMeasurement.Measure(GoldenTrace(), NativeRoot, Timeout);

            Assert.Equal(0, cost.Mismatches);
            Assert.True(cost.Calls > 20, cost.Calls + " calls");
            Assert.Equal(cost.Calls, cost.Ops.Sum(o => o.Calls));
            Assert.Equal(cost.Instructions, cost.Ops.Sum(o => o.Instructions));
            Assert.Contains(cost.Ops, o => o.Name == "linear" && o.Instructions > 0);
            Assert.Contains(cost.Ops, o => o.Name == "subsample_conv1");
            Assert.Contains(cost.Ops, o => o.Name == "logmel_frame" && o.Calls == 8);
        }

        [Fact]
        public void APlantedDifferenceInTheTraceIsReported()
        {
            byte[] trace = GoldenTrace();
            // Walk the pool (after the 16-byte header: element bytes, count, padded data) to the first
            // int8 entry, the first weights the engine used, and change every one of them.
            int at = 16;
            while (BitConverter.ToInt32(trace, at) != 1)
                at += 8 + (BitConverter.ToInt32(trace, at) * BitConverter.ToInt32(trace, at + 4) + 3) / 4 * 4;
            int count = BitConverter.ToInt32(trace, at + 4);
            for (int i = 0; i < count; i++) trace[at + 8 + i] ^= 0x55;

            var e = Assert.Throws<InvalidOperationException>(() => DeviceCostMeasurement.Measure(trace, NativeRoot, Timeout));
            Assert.Contains("differs from the C# reference", e.Message);
            Assert.DoesNotContain("mismatches 0", e.Message);
        }
    }
}
