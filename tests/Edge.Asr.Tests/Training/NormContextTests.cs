using System;
using System.Linq;
using System.Text.Json;
using Edge.Asr.Ops;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// train.py's stream context for the input norm: PyTorch's running mean run through context frames and then
    /// the clip gives what the device's RunningMeanSubtractS16 gives on the clip's frames when the context came
    /// first in the same stream (within the op's 1 Q8 unit of its float reference); and stream_context picks pool
    /// windows of the asked length in about 3 of 4 batches, none at 0 frames.
    /// </summary>
    public sealed class NormContextTests
    {
        private const int Context = 50, Frames = 30, Mel = 40;

        // Random Q8 log-mel values; the context 12 dB (1024 Q8 units) louder than the clip, as after a louder talker.
        private const string Probe = @"
import json, sys, numpy as np, torch
sys.path.insert(0, sys.argv[1])
import model as m, train
rng = np.random.default_rng(11)
ctx = (rng.integers(-600, 600, (1, 50, 40)) + 1024).astype(np.int16)
clip = rng.integers(-600, 600, (1, 30, 40)).astype(np.int16)
y = m.running_mean_subtract(m.features_to_input(clip).double(), m.INPUT_NORM_SHIFT, m.features_to_input(ctx).double())
fresh = m.running_mean_subtract(m.features_to_input(clip).double(), m.INPUT_NORM_SHIFT)
pool = rng.integers(-900, 900, (3, 400, 40)).astype(np.int16)
lengths = np.array([400, 200, 100])
r = np.random.default_rng(2)
got = [train.stream_context(np.zeros((8, 148, 40), np.int16), pool, lengths, 128, r) for _ in range(400)]
shapes = sorted({tuple(g.shape) for g in got if g is not None})
print(json.dumps({'ctx': ctx[0].ravel().tolist(), 'clip': clip[0].ravel().tolist(),
                  'y': (y[0] * 256).ravel().tolist(), 'fresh': (fresh[0] * 256).ravel().tolist(),
                  'taken': sum(g is not None for g in got), 'shapes': [list(s) for s in shapes],
                  'off': train.stream_context(np.zeros((8, 148, 40), np.int16), pool, lengths, 0, r) is None}))
";

        private static readonly Lazy<JsonElement> Probed = new Lazy<JsonElement>(() => Python.ProbeJson(Probe));

        private static double[] Values(string name) => Probed.Value.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

        [Fact]
        public void TheContextRunsTheMeanAsTheDeviceDoesInAStream()
        {
            double[] ctx = Values("ctx"), clip = Values("clip"), y = Values("y"), fresh = Values("fresh");
            var means = new int[Mel];
            var input = new short[Mel];
            var output = new short[Mel];
            double worst = 0, freshWorst = 0;
            for (int t = 0; t < Context + Frames; t++)
            {
                for (int c = 0; c < Mel; c++) input[c] = (short)(t < Context ? ctx[t * Mel + c] : clip[(t - Context) * Mel + c]);
                RunningMeanSubtractS16.Process(input, 0, means, Mel, RunningMeanSubtractS16.DefaultShift, t == 0, output, 0);
                if (t < Context) continue;
                for (int c = 0; c < Mel; c++)
                {
                    int i = (t - Context) * Mel + c;
                    worst = Math.Max(worst, Math.Abs(output[c] - y[i]));
                    freshWorst = Math.Max(freshWorst, Math.Abs(output[c] - fresh[i]));
                }
            }
            Assert.True(worst <= 1.0, "PyTorch with context vs the device's stream: " + worst + " Q8 units");
            // Without the context PyTorch starts the mean at the clip: far from what the stream gives (the 12 dB step).
            Assert.True(freshWorst > 100, "a fresh start should differ from the stream: " + freshWorst);
        }

        [Fact]
        public void PoolWindowsOfTheAskedLengthInAboutThreeBatchesOfFour()
        {
            JsonElement r = Probed.Value;
            Assert.InRange(r.GetProperty("taken").GetInt32(), 260, 340); // 400 draws at 3/4: 300 ± 4.6 standard deviations
            Assert.Equal(new[] { 8, 128, 40 }, r.GetProperty("shapes").EnumerateArray().Single().EnumerateArray().Select(e => e.GetInt32()).ToArray());
            Assert.True(r.GetProperty("off").GetBoolean(), "--norm-context 0 must give every clip a fresh start");
        }
    }
}
