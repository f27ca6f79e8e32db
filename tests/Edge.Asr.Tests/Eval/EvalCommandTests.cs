using System.IO;
using System.Text.Json;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Eval;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>The eval command end to end with the tone test double: table, JSON on a clean stdout, HTML report file.</summary>
    public sealed class EvalCommandTests
    {
        private static EvalManifest Manifest()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "0.wav"), EvalFiles.Tone(500, 1));
            EvalFiles.WriteWav(Path.Combine(dir, "no", "0.wav"), EvalFiles.Tone(1000, 1));
            EvalFiles.WriteWav(Path.Combine(dir, "no", "1.wav"), EvalFiles.Tone(500, 1));
            return EvalManifest.Load(dir);
        }

        [Fact]
        public void Json_is_all_of_stdout_and_the_report_is_written()
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            string report = Path.Combine(EvalFiles.NewFolder(), "r.html");
            int code = new EvalCommand(stdout, stderr, false).Execute(Manifest(), () => ToneRecogniser.Calibrated(), true, report);
            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal("", stderr.ToString());
            using JsonDocument doc = JsonDocument.Parse(stdout.ToString());
            Assert.Equal(2 / 3.0, doc.RootElement.GetProperty("accuracy").GetDouble(), 12);
            Assert.Contains("confusion-cell", File.ReadAllText(report));
        }

        [Fact]
        public void Table_output_names_accuracy_and_every_class()
        {
            var stdout = new StringWriter();
            new EvalCommand(stdout, new StringWriter(), false).Execute(Manifest(), () => ToneRecogniser.Calibrated(), false, null);
            string text = stdout.ToString();
            Assert.Contains("accuracy:    66.7% as the device decides", text);
            Assert.Contains("last frame:  66.7%", text);
            Assert.Contains("fixed=float: 100.0% of clips, same last-frame class", text);
            foreach (string label in ToneRecogniser.DefaultLabels) Assert.Contains("\n" + label + " ", text);
        }

        [Fact]
        public void The_progress_bar_path_gives_the_same_json()
        {
            var plain = new StringWriter();
            var barred = new StringWriter();
            EvalManifest m = Manifest();
            new EvalCommand(plain, new StringWriter(), false).Execute(m, () => ToneRecogniser.Calibrated(), true, null);
            new EvalCommand(barred, new StringWriter(), true).Execute(m, () => ToneRecogniser.Calibrated(), true, null);
            Assert.Equal(plain.ToString(), barred.ToString());
        }

        [Fact]
        public void An_interrupted_eval_prints_no_numbers()
        {
            var stdout = new StringWriter();
            using var stop = new System.Threading.CancellationTokenSource();
            stop.Cancel();
            var e = Assert.Throws<EvalInputException>(() =>
                new EvalCommand(stdout, new StringWriter(), false, stop.Token).Execute(Manifest(), () => ToneRecogniser.Calibrated(), true, null));
            Assert.Equal("eval interrupted before the end: no results", e.Message);
            Assert.Equal("", stdout.ToString());
        }

        [Fact]
        public void An_unwritable_report_is_one_line()
        {
            string folder = EvalFiles.NewFolder();
            var e = Assert.Throws<EvalInputException>(() =>
                new EvalCommand(new StringWriter(), new StringWriter(), false).Execute(Manifest(), () => ToneRecogniser.Calibrated(), true, folder));
            Assert.StartsWith(folder + ": cannot write the report: ", e.Message);
        }
    }
}
