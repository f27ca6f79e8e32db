using System.Linq;
using System.Text.Json;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// training/acoustics.py: generated room impulse responses decay as their RT60 says and put
    /// less direct sound in far talkers; microphone responses cut the low end; the same seed gives
    /// the same room. training/synth.py's carrier phrases put the target last and near misses change
    /// only the command's onset.
    /// </summary>
    public sealed class RoomAndMicrophoneTests
    {
        private const string Probe = @"
import json, random, sys, numpy as np
sys.path.insert(0, sys.argv[1])
import acoustics, synth
out = {}
rirs = []
for seed in range(40):
    h, desc = acoustics.room_impulse_response(random.Random(seed))
    rt = float(desc.split('rt')[1].split('@')[0]); d = float(desc.split('@')[1][:-1])
    e = h[1:] ** 2
    # energy in 10 ms blocks after the first 5 ms; the decay from 20 ms to rt/2 in dB
    blk = 160
    n = len(e) // blk
    blocks = np.array([e[i*blk:(i+1)*blk].sum() for i in range(n)])
    a, b = 2, max(3, int(rt / 2 * 100))
    slope = 10 * np.log10((blocks[b] + 1e-20) / (blocks[a] + 1e-20)) / ((b - a) * 0.01)
    rirs.append({'rt': rt, 'd': d, 'first': float(h[0]), 'slope_db_per_s': float(slope),
                 'drr_db': float(10 * np.log10(1.0 / max(e.sum(), 1e-20)))})
out['rirs'] = rirs
h1, _ = acoustics.room_impulse_response(random.Random(7))
h2, _ = acoustics.room_impulse_response(random.Random(7))
out['same_seed_same_room'] = bool(np.array_equal(h1, h2))
g, _ = acoustics.microphone_response(random.Random(3), 1024)
f = np.fft.rfftfreq(1024, 1 / 16000)
out['mic_20hz'] = float(g[1]); out['mic_1khz'] = float(g[np.argmin(abs(f - 1000))])
rng = random.Random(5)
pieces = [synth.carrier(rng, 'lights on') for _ in range(200)]
out['target_always_once'] = all(sum(1 for r, _ in p if r == 'target') == 1 for p in pieces)
out['target_after_befores'] = all([r for r, _ in p].index('target') == sum(1 for r, _ in p if r == 'before') for p in pieces)
out['alone'] = sum(1 for p in pieces if len(p) == 1)
out['near_misses'] = [synth.near_misses('computer', random.Random(s)) for s in range(20)]
print(json.dumps(out))
";

        private static JsonElement RunProbe() => Python.ProbeJson(Probe);

        [Fact]
        public void RoomsDecayAtTheirRt60AndFarTalkersGetLessDirectSound()
        {
            JsonElement r = RunProbe();
            var rooms = r.GetProperty("rirs").EnumerateArray().ToList();
            foreach (JsonElement room in rooms)
            {
                double rt = room.GetProperty("rt").GetDouble();
                Assert.Equal(1.0, room.GetProperty("first").GetDouble());
                Assert.InRange(rt, 0.15, 0.9);
                // -60 dB per RT60 is -60/rt dB per second; the tail's slope must be within a factor 2 of it
                double expected = -60 / rt, slope = room.GetProperty("slope_db_per_s").GetDouble();
                Assert.True(slope < expected / 2.5 && slope > expected * 2.5, "rt " + rt + ": slope " + slope + " dB/s, expected about " + expected);
            }
            double near = rooms.Where(x => x.GetProperty("d").GetDouble() < 0.7).Average(x => x.GetProperty("drr_db").GetDouble());
            double far = rooms.Where(x => x.GetProperty("d").GetDouble() > 2.0).Average(x => x.GetProperty("drr_db").GetDouble());
            Assert.True(near > far + 6, "direct-to-reverberant ratio near " + near + " dB, far " + far + " dB");
            Assert.True(r.GetProperty("same_seed_same_room").GetBoolean());
        }

        [Fact]
        public void MicrophoneResponsesCutTheLowEnd()
        {
            JsonElement r = RunProbe();
            Assert.True(r.GetProperty("mic_20hz").GetDouble() < 0.5 * r.GetProperty("mic_1khz").GetDouble());
        }

        [Fact]
        public void CarrierPhrasesKeepOneTargetAfterTheWordsBeforeIt()
        {
            JsonElement r = RunProbe();
            Assert.True(r.GetProperty("target_always_once").GetBoolean());
            Assert.True(r.GetProperty("target_after_befores").GetBoolean());
            Assert.InRange(r.GetProperty("alone").GetInt32(), 50, 110); // about 40 % alone
            string[] misses = r.GetProperty("near_misses").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.All(misses, m => Assert.NotEqual("computer", m));
            // the onset changes, the rest of the word stays: "computer" -> "?omputer"
            Assert.All(misses, m => Assert.EndsWith("omputer", m));
            Assert.All(misses, m => Assert.False(m.StartsWith("c", System.StringComparison.Ordinal) && m.Length == 8, m));
        }
    }
}
