using System.Linq;
using System.Text.Json;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// train.py's encoder context (--encoder-context): the clip is encoded after pool frames as if both were one
    /// stream, the input norm still running through the whole context, and the frame targets of the context's
    /// encoder frames say "no command" while the clip's targets keep their place after them.
    /// </summary>
    public sealed class EncoderContextTests
    {
        private const string Probe = @"
import json, sys, numpy as np, torch
sys.path.insert(0, sys.argv[1])
import model as m, train, frame_targets as ft
torch.manual_seed(3)
rng = np.random.default_rng(5)
c = m.smoke_config(['_silence_', '_unknown_', 'go'])
c.input_norm_shift = m.INPUT_NORM_SHIFT
net = m.KwsConformer(c).eval()
ctx = m.features_to_input(rng.integers(-900, 900, (2, 128, 40)).astype(np.int16) + 700)
mel = m.features_to_input(rng.integers(-900, 900, (2, 60, 40)).astype(np.int16))
out = {}
with torch.no_grad():
    got = net.encode(mel, ctx[:, -64:], 64)
    one_stream = net.encode(torch.cat([ctx[:, -64:], mel], dim=1))
    out['frames'] = [got.shape[1], net.encode(mel).shape[1]]
    out['stream_diff'] = float((got - one_stream).abs().max())
    # a longer context: the norm runs through all 128 frames, the encoder hears the last 64 and the clip
    normed = m.running_mean_subtract(torch.cat([ctx, mel], dim=1), c.input_norm_shift)[:, 64:]
    x = net.subsampling(normed)
    for b in net.blocks:
        x = b(x)
    out['norm_diff'] = float((net.encode(mel, ctx, 64) - x).abs().max())
    out['fresh_diff'] = float((net.encode(mel, ctx, 64)[:, 16:] - net.encode(mel)).abs().max())
    clip, frames = net.clip_and_frame_logits(mel, ctx, 64)
    out['logit_frames'] = frames.shape[1]
    out['clip_diff'] = float((clip - net(mel, ctx, 64)).abs().max())
spans = np.array([[4800, 12800], [-1, -1]])
plain = ft.frame_kinds(spans, [True, False], np.array([3, 0]), 150, 38)
after = ft.frame_kinds(spans, [True, False], np.array([3, 0]) + 64, 150 + 64, 38 + 16)
out['plain'] = plain.tolist(); out['after'] = after.tolist()
errors = []
for bad in (['--encoder-context', '6'], ['--encoder-context', '-4']):
    try:
        train.parse_args(['--train', 'a.npy', '--val', 'b.npy', '--out', 'o'] + bad); errors.append('accepted')
    except SystemExit as e:
        errors.append(e.code)
out['errors'] = errors
print(json.dumps(out))
";

        private static readonly System.Lazy<JsonElement> Probed = new System.Lazy<JsonElement>(() => Python.ProbeJson(Probe));

        private static double D(string name) => Probed.Value.GetProperty(name).GetDouble();

        private static int[] Row(string name, int i) => Probed.Value.GetProperty(name)[i].EnumerateArray().Select(e => e.GetInt32()).ToArray();

        [Fact]
        public void TheClipIsEncodedAsTheContinuationOfTheContext()
        {
            int[] frames = Probed.Value.GetProperty("frames").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(new[] { 31, 15 }, frames);              // 64 context frames add 16 encoder frames in front
            Assert.True(D("stream_diff") < 1e-5, "context + clip vs one stream: " + D("stream_diff"));
            Assert.True(D("norm_diff") < 1e-5, "the norm must run through the whole context: " + D("norm_diff"));
            Assert.True(D("fresh_diff") > 1e-2, "the context must change what the encoder says about the clip: " + D("fresh_diff"));
            Assert.Equal(31, Probed.Value.GetProperty("logit_frames").GetInt32());
            Assert.True(D("clip_diff") < 1e-6, "clip logits with the context: " + D("clip_diff"));
        }

        [Fact]
        public void ContextFramesSayNoCommandAndTheClipsTargetsKeepTheirPlace()
        {
            int[] plain = Row("plain", 0), after = Row("after", 0);
            Assert.All(after.Take(16), v => Assert.Equal(2, v));
            Assert.Equal(plain, after.Skip(16).ToArray());
            Assert.Contains(1, plain);
            Assert.All(Row("after", 1), v => Assert.Equal(2, v)); // a clip without a command: context and clip alike
        }

        [Fact]
        public void AContextThatIsNotWholeEncoderFramesIsRefused()
        {
            Assert.Equal(new[] { 2, 2 }, Probed.Value.GetProperty("errors").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        }
    }
}
