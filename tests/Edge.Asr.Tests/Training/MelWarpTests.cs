using System.Linq;
using System.Text.Json;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// train.py's mel-axis stretch (vocal tract length perturbation): off at 0, moves a formant peak
    /// from channel c to c/α for a stretch α, and only interpolates (never leaves the input's range).
    /// </summary>
    public sealed class MelWarpTests
    {
        // A one-hot "formant" at channel 20 of 40; the fake generator returns a fixed stretch.
        private const string Probe = @"
import json, sys, numpy as np, torch
sys.path.insert(0, sys.argv[1])
import train
class Fixed:
    def __init__(self, a): self.a = a
    def uniform(self, lo, hi, size): return np.full(size, self.a)
x = torch.zeros(1, 3, 40); x[:, :, 20] = 1.0
out = {'off': bool(torch.equal(train.mel_warp(x, None, 0.0), x))}
for a in (1.25, 0.8, 1.0):
    out[str(a)] = [round(float(v), 6) for v in train.mel_warp(x, Fixed(a), 0.12)[0, 1]]
r = torch.randn(64, 98, 40, generator=torch.Generator().manual_seed(3))
w = train.mel_warp(r, np.random.default_rng(5), 0.12)
out['inside'] = bool(w.min() >= r.min() and w.max() <= r.max())
out['changed'] = not bool(torch.equal(w, r))
print(json.dumps(out))
";

        private static JsonElement RunProbe() => Python.ProbeJson(Probe);

        private static double[] Row(JsonElement r, string alpha) => r.GetProperty(alpha).EnumerateArray().Select(e => e.GetDouble()).ToArray();

        [Fact]
        public void StretchMovesAPeakToChannelOverAlphaAndStaysInRange()
        {
            JsonElement r = RunProbe();
            Assert.True(r.GetProperty("off").GetBoolean(), "--mel-warp 0 must leave the features unchanged");

            // α = 1.25: channel k reads 1.25·k, so the peak lands on k = 16 alone.
            double[] up = Row(r, "1.25");
            Assert.Equal(1.0, up[16]);
            Assert.Equal(0.0, up.Where((_, k) => k != 16).Sum());

            // α = 0.8: the peak lands on k = 25; k = 24 and 26 read 19.2 and 20.8, a fifth of it each.
            double[] down = Row(r, "0.8");
            Assert.Equal(1.0, down[25]);
            Assert.Equal(0.2, down[24], 5);
            Assert.Equal(0.2, down[26], 5);
            Assert.Equal(0.0, down.Where((_, k) => k < 24 || k > 26).Sum());

            double[] same = Row(r, "1.0");
            Assert.Equal(1.0, same[20]);
            Assert.Equal(1.0, same.Sum());

            Assert.True(r.GetProperty("inside").GetBoolean(), "interpolation must stay within the input's range");
            Assert.True(r.GetProperty("changed").GetBoolean(), "random stretches must change the features");
        }
    }
}
