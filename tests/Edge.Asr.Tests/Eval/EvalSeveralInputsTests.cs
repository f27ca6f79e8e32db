using System.IO;
using System.Linq;
using System.Text.Json;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>`eval clips/ negatives.csv`: several inputs are one evaluation, so the DET curves have both a miss rate and a false-accept rate.</summary>
    public sealed class EvalSeveralInputsTests
    {
        [Fact]
        public void Clips_and_negative_streams_in_one_eval_give_full_det_points()
        {
            string dir = EvalFiles.NewFolder();
            File.Copy(CliHarness.Sample("yes.wav"), Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "clips", "yes")).FullName, "0.wav"));
            EvalFiles.WriteWav(Path.Combine(dir, "quiet.wav"), new short[3 * 16000]);
            File.WriteAllText(Path.Combine(dir, "negatives.csv"), "path,label,start,end\nquiet.wav,,,\n");
            string model = Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

            CliHarness.Result r = CliHarness.InProcess("eval", Path.Combine(dir, "clips"), Path.Combine(dir, "negatives.csv"), "--model", model, "--json");
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            using JsonDocument doc = JsonDocument.Parse(r.Stdout);
            JsonElement root = doc.RootElement;
            Assert.Equal(1, root.GetProperty("clips").GetInt32());
            Assert.Equal(1, root.GetProperty("streams").GetInt32());
            Assert.Equal(3.0, root.GetProperty("stream_seconds").GetDouble(), 9);
            Assert.True(root.GetProperty("rate_from_minutes").GetBoolean());
            JsonElement yes = root.GetProperty("det").GetProperty("yes");
            Assert.Equal(1, yes.GetProperty("positives").GetInt32());
            JsonElement[] points = yes.GetProperty("points").EnumerateArray().ToArray();
            Assert.All(points, p => Assert.Equal(JsonValueKind.Number, p.GetProperty("miss_rate").ValueKind));
            Assert.All(points, p => Assert.Equal(JsonValueKind.Number, p.GetProperty("false_accepts_per_hour").ValueKind));
            Assert.Equal(0.0, points.First(p => p.GetProperty("threshold").GetDouble() == 0.5).GetProperty("miss_rate").GetDouble()); // yes.wav is heard at 0.5
            Assert.Equal(0.99, points.Last().GetProperty("threshold").GetDouble());
            Assert.Equal(0.0, points.Last().GetProperty("miss_rate").GetDouble()); // and at 0.99: the default model's smoothed "yes" peaks at 0.991 there (run --threshold 0.99)
        }
    }
}
