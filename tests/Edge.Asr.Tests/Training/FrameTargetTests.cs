using System.Linq;
using System.Text.Json;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// train.py's frame loss (training/frame_targets.py): which encoder frames of a clip must say
    /// "no command", which must hold the command, and which are left alone, from synth.py's word
    /// position; and the loss term it feeds.
    /// </summary>
    public sealed class FrameTargetTests
    {
        // A command whose word spans samples 4800-12800 (log-mel frames 30-79): frames up to encoder
        // frame 7 (log-mel 0..28 heard) are before it, frame 20 (log-mel 80 > 79) hears its end.
        private const string Probe = @"
import json, sys, os, tempfile, numpy as np, torch
sys.path.insert(0, sys.argv[1])
import frame_targets as ft, train
d = tempfile.mkdtemp(); path = os.path.join(d, 'manifest.csv')
with open(path, 'w') as f:
    f.write('path,label,text,engine,voice,seed,augmentation\n')
    f.write('a.wav,go,go,e,v,1,kind=command;target=4800-12800;peak=-3dBFS\n')
    f.write('b.wav,_unknown_,x,e,v,2,kind=sentence;crop=7\n')
    f.write('c.wav,go,go,e,v,3,kind=command\n')
spans = ft.read_word_spans(path, 3)
out = {'spans': spans.tolist()}
k = ft.frame_kinds(np.array([[4800, 12800]] * 3 + [[-1, -1]] * 2), [True, True, True, False, True],
                   np.array([0, 8, 71, 0, 0]), 150, 38)
out['kinds'] = k.tolist()
try:
    ft.read_word_spans(path, 4); out['count'] = 'accepted'
except ValueError as e:
    out['count'] = str(e)
# the loss: a frame model sure of the right answer costs ~0, sure of the wrong one costs a lot
kinds = np.array([[ft.NO_COMMAND, ft.COMMAND, ft.NONE]])
right = torch.tensor([[[9.0, 0, 0], [0, 0, 9.0], [0, 0, 0]]])
wrong = torch.tensor([[[0, 0, 9.0], [9.0, 0, 0], [0, 0, 0]]])
out['loss_right'] = float(train.frame_loss_term(right, kinds, np.array([2]), [0, 1]))
out['loss_wrong'] = float(train.frame_loss_term(wrong, kinds, np.array([2]), [0, 1]))
print(json.dumps(out))
";

        private static readonly System.Lazy<JsonElement> Probed = new System.Lazy<JsonElement>(() => Python.ProbeJson(Probe));

        private static int[] Row(JsonElement r, int i) => r.GetProperty("kinds")[i].EnumerateArray().Select(e => e.GetInt32()).ToArray();

        [Fact]
        public void WordPositionsComeFromTheManifestInOrder()
        {
            JsonElement r = Probed.Value;
            int[][] spans = r.GetProperty("spans").EnumerateArray().Select(a => a.EnumerateArray().Select(e => e.GetInt32()).ToArray()).ToArray();
            Assert.Equal(new[] { 4800, 12800 }, spans[0]);
            Assert.Equal(new[] { -1, -1 }, spans[1]); // a filler
            Assert.Equal(new[] { -1, -1 }, spans[2]); // a command without a recorded position
            Assert.Contains("3 rows for 4 feature clips", r.GetProperty("count").GetString());
        }

        [Fact]
        public void FramesBeforeTheWordSayNoCommandAndFramesAfterItsEndHoldTheCommand()
        {
            int[] k = Row(Probed.Value, 0);
            Assert.All(k.Take(8), v => Assert.Equal(2, v));           // encoder frames 0-7 heard log-mel 0..28: before the word
            Assert.All(k.Skip(8).Take(12), v => Assert.Equal(0, v));  // 8-19: the word is being spoken
            Assert.All(k.Skip(20).Take(11), v => Assert.Equal(1, v)); // 20-30: its end heard, FIRE_FRAMES = 10 more
            Assert.All(k.Skip(31), v => Assert.Equal(0, v));          // later: no target
        }

        [Fact]
        public void ShiftsMoveTheTargetsAndAWordPastTheClipHasNone()
        {
            JsonElement r = Probed.Value;
            int[] shifted = Row(r, 1); // 8 frames later: 2 encoder frames later
            Assert.Equal(2, shifted[9]);
            Assert.Equal(0, shifted[10]);
            Assert.Equal(0, shifted[21]);
            Assert.Equal(1, shifted[22]);
            Assert.All(Row(r, 2), v => Assert.NotEqual(1, v));        // 71 frames later its end passes log-mel frame 149: never the command
            Assert.All(Row(r, 3), v => Assert.Equal(2, v));           // a clip without a command: every frame
            Assert.All(Row(r, 4), v => Assert.Equal(0, v));           // a command without a position: no frame target
        }

        [Fact]
        public void TheLossRewardsTheRightFrameAnswers()
        {
            JsonElement r = Probed.Value;
            Assert.True(r.GetProperty("loss_right").GetDouble() < 0.01, "right answers cost " + r.GetProperty("loss_right").GetDouble());
            Assert.True(r.GetProperty("loss_wrong").GetDouble() > 5, "wrong answers cost " + r.GetProperty("loss_wrong").GetDouble());
        }
    }
}
