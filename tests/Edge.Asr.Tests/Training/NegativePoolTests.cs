using System.Linq;
using System.Text.Json;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// train.py's negative pool: windows are clip-long slices of the streams, never past a stream's
    /// used length, and mining keeps the windows the model finds most command-like.
    /// </summary>
    public sealed class NegativePoolTests
    {
        // Streams whose frames hold their own position (stream k, frame t -> 1000·k + t) so a window
        // tells where it came from; stream 2 is mostly padding. The fake model scores "command" by the
        // input's mean, so the hardest windows are the late ones of the last usable stream.
        private const string Probe = @"
import json, sys, numpy as np, torch, os, tempfile
sys.path.insert(0, sys.argv[1])
import train
pool = np.zeros((3, 400, 4), dtype=np.int16)
for k in range(3):
    for t in range(400):
        pool[k, t, :] = 1000 * k + t + 1
pool[2, 50:, :] = 0
d = tempfile.mkdtemp(); path = os.path.join(d, 'pool.npy'); np.save(path, pool)
p, lengths = train.load_pool(path, 20, 4)
out = {'lengths': [int(v) for v in lengths]}
w = train.pool_windows(p, lengths, 500, 20, np.random.default_rng(1))
starts = [(int(x[0, 0]) - 1) for x in w]
out['contiguous'] = bool(all((np.diff(x[:, 0].astype(np.int64)) == 1).all() for x in w))
out['streams'] = sorted(set(s // 1000 for s in starts))
out['inside'] = bool(all(s % 1000 + 20 <= 400 for s in starts))
class Mean(torch.nn.Module):
    def forward(self, x):
        m = x.mean(dim=(1, 2))
        return torch.stack([torch.zeros_like(m), torch.zeros_like(m), m, -m], dim=1)
net = Mean()
hard = train.hardest_windows(net, p, lengths, 8, 16, 20, np.random.default_rng(2), 1)
rand = train.pool_windows(p, lengths, 8 * 16, 20, np.random.default_rng(2))
means = sorted((float(x.astype(np.float64).mean()) for x in rand), reverse=True)[:8]
out['mined_top'] = bool(sorted((float(x.astype(np.float64).mean()) for x in hard), reverse=True) == means)
out['training_mode_kept'] = bool(net.training)
try:
    train.load_pool(path, 500, 4); out['short'] = 'accepted'
except train.UsageError as e:
    out['short'] = str(e)
try:
    train.load_pool(path, 20, 40); out['mel'] = 'accepted'
except train.UsageError as e:
    out['mel'] = str(e)
print(json.dumps(out))
";

        // One run of the probe (a torch import) serves the three facts; it reads and writes only its own temp folder.
        private static readonly System.Lazy<JsonElement> Probed = new System.Lazy<JsonElement>(() => Python.ProbeJson(Probe));

        private static JsonElement RunProbe() => Probed.Value;

        [Fact]
        public void WindowsAreClipLongSlicesInsideTheUsedPartOfUsableStreams()
        {
            JsonElement r = RunProbe();
            Assert.Equal(new[] { 400, 400, 50 }, r.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt32()).ToArray());
            Assert.True(r.GetProperty("contiguous").GetBoolean(), "a window must be consecutive frames of one stream");
            // stream 2 holds 50 frames: usable (>= 20), drawn from too
            Assert.Equal(new[] { 0, 1, 2 }, r.GetProperty("streams").EnumerateArray().Select(e => e.GetInt32()).ToArray());
            Assert.True(r.GetProperty("inside").GetBoolean(), "a window ran past its stream");
        }

        [Fact]
        public void MiningKeepsTheMostCommandLikeWindowsOfTheCandidates()
        {
            JsonElement r = RunProbe();
            Assert.True(r.GetProperty("mined_top").GetBoolean(), "mining must return the top-scoring candidates");
            Assert.True(r.GetProperty("training_mode_kept").GetBoolean(), "mining must leave the model in training mode");
        }

        [Fact]
        public void PoolsThatCannotServeAClipAreRefused()
        {
            JsonElement r = RunProbe();
            Assert.Contains("no stream holds a whole clip (500 frames)", r.GetProperty("short").GetString());
            Assert.Contains("expected int16 [streams, frames, 40], got int16 [3, 400, 4]", r.GetProperty("mel").GetString());
        }
    }
}
