using System;
using System.IO;
using System.Linq;
using Edge.Asr.Blob;
using Edge.Asr.DeviceTests;
using Edge.Asr.Frontend;
using Edge.Asr.Ops;
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

        /// <summary>
        /// The kernels whose rv32 build takes other loops than the desktop's (Linear's four rows per
        /// input load; the FFT's and mel sums' 32-bit word arithmetic, EASR_WIDE_HOST in fixed.h), on
        /// seeded random inputs with saturating extremes, replayed on rv32 under qemu: every output
        /// equal to the C# reference. (The desktop build of the same kernels is NativeTwinTests'.)
        /// </summary>
        [Fact]
        public void RandomLinearAndFrontendCallsReplayBitExactOnRv32()
        {
            Assert.True(DeviceCostMeasurement.MissingTool() == null, DeviceCostMeasurement.MissingTool() + " not found (test.sh installs the rv32 tools)");
            var recorder = new KernelTraceRecorder { Recording = true };
            var r = new RandomOpData(41);
            int[] widths = { 16, 32, 64, 320, 511, 512, 7, 100 };
            for (int set = 0; set < 40; set++)
            {
                int n = widths[set % widths.Length], m = r.Int(1, 40);
                var linear = new Linear(n, m, r.Weights(n * m), r.Ints(m, int.MinValue, int.MaxValue), r.Multipliers(m), r.Ints(m, 1, 63),
                    r.Bool(), recorder);
                for (int t = 0; t < 25; t++) linear.Process(r.Activations(n), 0, new short[m], 0);
            }
            // Exact rounding ties (zero inputs: each accumulator is its bias), 44 rows per call.
            for (int t = 0; t < 100; t++)
            {
                int n = t % 2 == 0 ? 32 : 16;
                const int m = 44;
                int[] b = new int[m], mul = new int[m], sh = new int[m];
                for (int o = 0; o < m; o++) (b[o], mul[o], sh[o]) = r.RequantTie();
                new Linear(n, m, r.Weights(n * m), b, mul, sh, r.Bool(), recorder).Process(new short[n], 0, new short[m], 0);
            }
            short[] audio = RandomAudio(new Random(42), 300);
            var frontend = new LogMelFrontend();
            var mel = new short[LogMelFrontend.MelChannels];
            int frame = 0;
            for (int at = 0; at < audio.Length;)
            {
                at += frontend.Push(audio, at, audio.Length - at);
                if (!frontend.HasFrame) continue;
                frontend.ReadFrame(mel, 0);
                recorder.LogMelFrame(audio, frame * LogMelFrontend.HopLength, LogMelFrontend.WindowLength, mel);
                frame++;
            }

            DeviceCost cost = DeviceCostMeasurement.Measure(recorder.ToArray(), NativeRoot, Timeout);

            Assert.Equal(0, cost.Mismatches);
            Assert.Equal(1_000 + 100 + 300, cost.Calls);
            Assert.Contains(cost.Ops, o => o.Name == "logmel_frame" && o.Calls == 300);
        }

        /// <summary>
        /// Every other model op's rv32 build on seeded random calls (the shapes of the default model and others,
        /// saturating extremes, full-range biases and betas, attention rows at and past the int32-sum bounds),
        /// replayed under qemu: every output equal to the C# reference. The desktop build of the same C is
        /// NativeTwinTests'; this covers what the rv32 compiler makes of it.
        /// </summary>
        [Fact]
        public void RandomCallsOfEveryModelOpReplayBitExactOnRv32()
        {
            Assert.True(DeviceCostMeasurement.MissingTool() == null, DeviceCostMeasurement.MissingTool() + " not found (test.sh installs the rv32 tools)");
            var k = new KernelTraceRecorder { Recording = true };
            var r = new RandomOpData(43);
            int calls = 0;
            foreach (int d in new[] { 32, 64, 7, 256 })
                for (int set = 0; set < 4; set++)
                {
                    int[] beta = set % 2 == 0 ? r.Ints(d, -100000, 100000) : r.Ints(d, int.MinValue, int.MaxValue);
                    var ln = new LayerNorm(d, r.Shorts(d), r.Int(0, 15), beta, r.Int(-4, 16), r.Int(-4, 16), r.Int(0, 3) == 0 ? 0 : 42950, k);
                    for (int t = 0; t < 25; t++, calls++)
                    {
                        short[] x = r.Activations(d);
                        if (r.Bool()) x[r.Int(0, d - 1)] = r.Bool() ? short.MaxValue : short.MinValue;
                        ln.Process(x, 0, new short[d], 0);
                    }
                }
            for (int t = 0; t < 400; t++, calls++)
            {
                int n = r.Int(1, 80);
                new Softmax(n, r.Int(-14, 30), k).Process(r.Activations(n), 0, new short[n], 0, n);
            }
            for (int t = 0; t < 300; t++, calls += 3)
            {
                int n = r.Int(1, 64), fi = r.Int(-16, 30), fo = r.Int(-16, 30);
                short[] x = r.Activations(2 * n);
                new Swish(n, fi, fo, k).Process(x, 0, new short[n], 0);
                new Sigmoid(n, fi, k).Process(x, 0, new short[n], 0);
                new Glu(n, fi, fo, k).Process(x, 0, new short[n], 0);
            }
            for (int t = 0; t < 300; t++, calls++)
            {
                int n = r.Int(1, 40), fa = r.Int(-16, 24);
                new ResidualAdd(n, fa, fa + r.Int(-16, 16), fa + r.Int(-16, 16), k).Process(r.Activations(n), 0, r.Activations(n), 0, new short[n], 0);
            }
            foreach ((int ch, int ker) in new[] { (32, 15), (40, 15), (9, 4), (3, 1) })
            {
                int[] b = r.Bool() ? r.Ints(ch, int.MinValue, int.MaxValue) : r.Ints(ch, -(1 << 24), 1 << 24);
                var dw = new CausalDepthwiseConv1d(ch, ker, r.Weights(ch * ker), b, r.Multipliers(ch), r.Ints(ch, 1, 63), k);
                for (int t = 0; t < 40; t++, calls++) dw.Process(r.Activations(ch), 0, new short[ch], 0);
            }
            foreach ((int mel, int ch) in new[] { (40, 32), (9, 8), (40, 5) })
                for (int set = 0; set < 3; set++)
                {
                    int bins1 = (mel - 1) / 2 + 1, bins2 = (bins1 - 1) / 2 + 1;
                    sbyte[] w = r.Weights(9 * ch);
                    int[] b = set == 0 ? r.Ints(ch, int.MinValue, int.MaxValue) : r.Ints(ch, -(1 << 24), 1 << 24);
                    int[] m = r.Multipliers(ch), sh = r.Ints(ch, 1, 63);
                    for (int t = 0; t < 8; t++)
                    {
                        short[] m2 = r.Activations(mel), m1 = r.Activations(mel), m0 = r.Activations(mel);
                        k.SubsampleConv1S8S16(m2, m1, m0, 0, mel, bins1, ch, w, b, m, sh, new short[bins1 * ch]);
                        calls++;
                        short[] older = r.Activations(bins1 * ch), old = r.Activations(bins1 * ch), now = r.Activations(bins1 * ch);
                        for (int bin2 = 0; bin2 < bins2; bin2++, calls++)
                            k.SubsampleDepthwiseS8S16(older, old, now, bins1, bin2, ch, w, b, m, sh, new short[ch]);
                    }
                }
            for (int t = 0; t < 400; t++, calls += 2)
            {
                int head = t % 4 == 0 ? r.Int(1, 16) : 8, sub = head * r.Int(1, 2), n = r.Int(1, 80);
                short[] q = r.Activations(head), keys = r.Activations(n * sub), vals = r.Activations(n * sub);
                if (r.Int(0, 3) == 0) { Array.Fill(keys, short.MinValue); Array.Fill(vals, short.MinValue); }
                var p = new short[n];
                int budget = r.Int(0, 3) == 0 ? r.Int(65530, 65540) : r.Int(0, 65535);
                for (int i = 0; i < n && budget > 0; i++) { p[i] = (short)r.Int(0, Math.Min(budget, 32767)); budget -= p[i]; }
                if (r.Int(0, 9) == 0) p[r.Int(0, n - 1)] = (short)-r.Int(1, 32768);
                k.AttentionScoresS16(q, 0, keys, 0, sub, head, n, r.Multipliers(1)[0], r.Int(1, 62), new short[n]);
                k.AttentionContextS16(p, n, vals, 0, sub, head, r.Int(-16, 62), new short[head], 0);
            }
            // The input norm: streams (the first frame, then its own means; frames of extremes among them) and single calls on
            // means anywhere in their reachable range, every shift 1..8.
            for (int run = 0; run < 20; run++)
            {
                int ch = run % 2 == 0 ? 40 : r.Int(1, 80), shift = 1 + run % RunningMeanSubtractS16.MaxShift;
                var means = new int[ch];
                for (int f = 0; f < 20; f++, calls++)
                {
                    short[] x = r.Activations(ch);
                    if (f % 7 == 3) Array.Fill(x, r.Bool() ? short.MaxValue : short.MinValue);
                    k.RunningMeanSubtractS16(x, 0, means, ch, shift, f == 0, new short[ch], 0);
                }
            }
            for (int t = 0; t < 400; t++, calls++)
            {
                int ch = r.Int(1, 80);
                k.RunningMeanSubtractS16(r.Shorts(ch), 0, NativeTwinTests.ReachableMeans(r, ch), ch, r.Int(1, RunningMeanSubtractS16.MaxShift),
                    r.Int(0, 7) == 0, new short[ch], 0);
            }

            DeviceCost cost = DeviceCostMeasurement.Measure(k.ToArray(), NativeRoot, Timeout);

            Assert.Equal(0, cost.Mismatches);
            Assert.Equal(k.CallCount, cost.Calls);
            foreach (string op in new[] { "layernorm", "softmax", "swish", "sigmoid", "glu", "residual_add", "depthwise_conv1d",
                         "subsample_conv1", "subsample_depthwise", "attention_scores", "attention_context", "running_mean_subtract" })
                Assert.Contains(cost.Ops, o => o.Name == op && o.Calls > 0);
            Assert.Equal(calls, cost.Calls);
            Assert.Contains(cost.Ops, o => o.Name == "running_mean_subtract" && o.Calls == 20 * 20 + 400);
        }

        /// <summary>
        /// A model with the input norm: its trace has exactly one running_mean_subtract call per recorded mel frame (beside the
        /// frame's logmel_frame), counted on rv32 with its outputs and updated means equal to the C# reference's.
        /// </summary>
        [Fact]
        public void AModelWithTheInputNormReplaysItsNormOncePerMelFrame()
        {
            Assert.True(DeviceCostMeasurement.MissingTool() == null, DeviceCostMeasurement.MissingTool() + " not found (test.sh installs the rv32 tools)");
            ModelBlob blob = ModelBlob.Load(Edge.Asr.Tests.Model.BakedTestBlob.BytesWithInputNorm());
            DeviceCost cost = DeviceCostMeasurement.Measure(DeviceCostMeasurement.RecordTrace(blob, GoldenVectors.Audio, 8, 8), NativeRoot, Timeout);

            Assert.Equal(0, cost.Mismatches);
            Assert.Contains(cost.Ops, o => o.Name == "logmel_frame" && o.Calls == 8);
            OpCost norm = Assert.Single(cost.Ops, o => o.Name == "running_mean_subtract");
            Assert.Equal(8, norm.Calls);
            Assert.True(norm.Instructions > 8 * 40, norm.Instructions + " instructions");
        }

        /// <summary>The replay checks the means the norm leaves behind, not only its output: one changed mean in the trace is reported.</summary>
        [Fact]
        public void APlantedDifferenceInTheNormsMeansIsReported()
        {
            Assert.True(DeviceCostMeasurement.MissingTool() == null, DeviceCostMeasurement.MissingTool() + " not found (test.sh installs the rv32 tools)");
            var k = new KernelTraceRecorder { Recording = true };
            var x = new short[] { 1000, -2000, 3000 };
            k.RunningMeanSubtractS16(x, 0, new int[3], 3, 6, true, new short[3], 0);
            byte[] trace = k.ToArray();
            // Skip the header (16 bytes) and the pool (element bytes, count, padded data), then the call's opcode, its input
            // (count, 3 shorts padded to 8 bytes), the means before (count, 3 ints), shift and first, and the count of the means after.
            int at = 16;
            for (int pool = BitConverter.ToInt32(trace, 8); pool > 0; pool--)
                at += 8 + (BitConverter.ToInt32(trace, at) * BitConverter.ToInt32(trace, at + 4) + 3) / 4 * 4;
            Assert.Equal(14, BitConverter.ToInt32(trace, at));
            at += 4 + 4 + 8 + 4 + 12 + 4 + 4 + 4;
            Assert.Equal(1000 * 256, BitConverter.ToInt32(trace, at));   // the first mean after the call: x·2^8
            trace[at] ^= 1;

            var e = Assert.Throws<InvalidOperationException>(() => DeviceCostMeasurement.Measure(trace, NativeRoot, Timeout));
            Assert.Contains("call 0 (running_mean_subtract) means differ from the C# reference", e.Message);
        }

        /// <summary>Audio for <paramref name="frames"/> log-mel frames in segments of silence, noise and tones at any level, and clipping.</summary>
        private static short[] RandomAudio(Random r, int frames)
        {
            var audio = new short[LogMelFrontend.WindowLength + (frames - 1) * LogMelFrontend.HopLength];
            for (int at = 0; at < audio.Length;)
            {
                int length = Math.Min(audio.Length - at, r.Next(160, 2000));
                int kind = r.Next(5), amplitude = 1 << r.Next(0, 16);
                double freq = r.Next(50, 7900) / 16000.0;
                for (int i = 0; i < length; i++)
                {
                    double v = kind switch
                    {
                        0 => 0,
                        1 => r.Next(-amplitude, amplitude),
                        2 => amplitude * Math.Sin(2 * Math.PI * freq * i),
                        3 => r.Next(2) == 0 ? short.MaxValue : short.MinValue,
                        _ => 3 * amplitude * Math.Sin(2 * Math.PI * freq * i),
                    };
                    audio[at + i] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
                }
                at += length;
            }
            return audio;
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
