using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Device;
using Edge.Asr.Sim.Report;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary><c>edge-asr run --threshold / --json / --report</c> on the shipped default model and samples/commands.wav.</summary>
    // `run` drives the firmware twin, whose simulated board is process-wide state (DeviceSimulation).
    [Collection(DeviceSimulationCollection.Name)]
    public class RunOptionsTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        private static string Commands => CliHarness.Sample("commands.wav");

        private static string[] Detections(CliHarness.Result r) =>
            r.Stdout.Split('\n').Where(l => l.StartsWith("CMD ")).Select(l => l.Split(' ')[1]).ToArray();

        [Fact]
        public void JsonHasExactlyTheDocumentedKeysAndTypes()
        {
            CliHarness.Result r = CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--json");
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            using JsonDocument doc = JsonDocument.Parse(r.Stdout); // nothing but the JSON on stdout
            JsonElement root = doc.RootElement;
            Assert.Equal(RunJson.Keys, root.EnumerateObject().Select(p => p.Name).ToArray());
            JsonElement input = root.GetProperty("input");
            Assert.Equal(RunJson.InputKeys, input.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(Commands, input.GetProperty("name").GetString());
            Assert.Equal(16000, input.GetProperty("sample_rate").GetInt32());
            Assert.Equal(1, input.GetProperty("channels").GetInt32());
            Assert.Equal(16, input.GetProperty("bits_per_sample").GetInt32());
            Assert.Equal(66224 / 16000.0, input.GetProperty("duration_seconds").GetDouble());
            JsonElement model = root.GetProperty("model");
            Assert.Equal(RunJson.ModelKeys, model.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(12, model.GetProperty("labels").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("threshold").ValueKind);
            JsonElement[] detections = root.GetProperty("detections").EnumerateArray().ToArray();
            Assert.All(detections, d => Assert.Equal(RunJson.DetectionKeys, d.EnumerateObject().Select(p => p.Name).ToArray()));
            Assert.Equal(new[] { "yes" }, detections.Select(d => d.GetProperty("label").GetString()).ToArray());
            // time_s is the end of the audio the event's encoder frame saw: 0.04·e + 0.025 s.
            Assert.Equal(new[] { 0.785 }, detections.Select(d => d.GetProperty("time_s").GetDouble()).ToArray());
            Assert.All(detections, d => Assert.InRange(d.GetProperty("confidence").GetDouble(), 0.0, 1.0));
            Assert.Equal(105, root.GetProperty("encoder_frames").GetInt64());
            Assert.Equal(66224 / 16000.0, root.GetProperty("audio_seconds").GetDouble());
        }

        [Fact]
        public void JsonTimesAndConfidencesAreTheFirmwaresSerialLines()
        {
            CliHarness.Result text = CliHarness.InProcess("run", Commands, "--model", DefaultModel);
            CliHarness.Result json = CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--json");
            string[] lines = text.Stdout.Split('\n').Where(l => l.StartsWith("CMD ")).ToArray();
            using JsonDocument doc = JsonDocument.Parse(json.Stdout);
            JsonElement[] detections = doc.RootElement.GetProperty("detections").EnumerateArray().ToArray();
            Assert.Equal(lines.Length, detections.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] f = lines[i].Split(' ');
                Assert.Equal(f[1], detections[i].GetProperty("label").GetString());
                Assert.Equal(double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), detections[i].GetProperty("confidence").GetDouble(), 3);
                Assert.Equal(long.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture) / 1000.0, detections[i].GetProperty("time_s").GetDouble());
            }
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("0")]
        [InlineData("-0.1")]
        [InlineData("1.5")]
        [InlineData("NaN")]
        public void ABadThresholdIsOneLine(string threshold)
        {
            CliHarness.Result r = CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--threshold", threshold);
            Assert.Equal(ExitCodes.Usage, r.ExitCode);
            Assert.Equal(new[] { "edge-asr: --threshold must be a probability greater than 0 and at most 1, got '" + threshold + "'" }, r.StderrLines);
            Assert.Equal("", r.Stdout);
        }

        [Fact]
        public void AHighThresholdSilencesTheDetectorAndALowOneHearsMore()
        {
            // Measured on samples/commands.wav with weights/default.easr.
            // The blob's per-command thresholds (chosen by train's sweep on the tuning streams): "yes" alone;
            // 0.9: "yes" still (it peaks above 0.94); 0.995: none; 0.3: "yes" earlier and "off" ("stop" and "go" stay below it).
            Assert.Equal(new[] { "yes" }, Detections(CliHarness.InProcess("run", Commands, "--model", DefaultModel)));
            Assert.Equal(new[] { "yes" }, Detections(CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--threshold", "0.9")));
            CliHarness.Result high = CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--threshold", "0.995");
            Assert.True(high.ExitCode == ExitCodes.Success, high.Stderr);
            Assert.Empty(Detections(high));
            Assert.Contains("threshold: 0.995 for every command (Q15 32604)", high.Stdout);
            Assert.Equal(new[] { "yes", "off" }, Detections(CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--threshold", "0.3")));
            using JsonDocument doc = JsonDocument.Parse(CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--threshold", "0.995", "--json").Stdout);
            Assert.Equal(0.995, doc.RootElement.GetProperty("threshold").GetDouble());
            Assert.Equal(0, doc.RootElement.GetProperty("detections").GetArrayLength());
        }

        [Theory]
        [InlineData(0.99, 32440)]
        [InlineData(1.0, 32767)]
        [InlineData(0.5, 16384)]
        [InlineData(1e-9, 1)]
        public void ThresholdsBecomeQ15(double t, int q15) => Assert.Equal(q15, RunOptions.ToQ15(t));

        [Fact]
        public void ReportHasOnePolylinePerCommandAndOneMarkerPerDetection()
        {
            string dir = Directory.CreateTempSubdirectory("edge-asr-run-report-").FullName;
            string html = Path.Combine(dir, "run.html");
            CliHarness.Result r = CliHarness.InProcess("run", Commands, "--model", DefaultModel, "--report", html);
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            Assert.Contains("report:    " + html, r.Stdout);
            XDocument doc;
            using (XmlReader reader = XmlReader.Create(html, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
                doc = XDocument.Load(reader);
            XNamespace svg = Xhtml.SvgNamespace;
            IEnumerable<XElement> WithClass(XName name, string css) => doc.Descendants(name).Where(e => (string?)e.Attribute("class") == css);
            Assert.Equal(RunHtmlReport.MaxColumns * 40, WithClass(svg + "rect", "mel").Count()); // 412 frames > 400 columns
            XElement[] lines = WithClass(svg + "polyline", "posterior").ToArray();
            Assert.Equal(new[] { "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go" },
                lines.Select(l => l.Element(svg + "title")!.Value).ToArray());
            Assert.All(lines, l => Assert.Equal(105, ((string)l.Attribute("points")!).Split(' ').Length));
            XElement[] markers = WithClass(svg + "g", "detection").ToArray();
            Assert.Equal(new[] { "yes" }, markers.Select(m => m.Descendants(svg + "text").Single().Value.Split(' ')[0]).ToArray());
        }

        [Fact]
        public void TheObserverChangesNothingTheDeviceDoes()
        {
            SimulatedDevice device = SimulatedDevice.Open(DefaultModel)!;
            TwinRun plain, observed;
            using (IAudioSource s = AudioSources.Open(Commands, () => Stream.Null)) plain = device.Run(s, null);
            var recorder = new PosteriorRecorder();
            using (IAudioSource s = AudioSources.Open(Commands, () => Stream.Null)) observed = device.Run(s, null, null, recorder);
            Assert.Equal(plain.Events, observed.Events);
            Assert.Equal(plain.Lines.Where(l => l.StartsWith("CMD ")), observed.Lines.Where(l => l.StartsWith("CMD ")));
            Assert.Equal(plain.EncoderFrames, recorder.Posteriors.Count);
            Assert.Equal(plain.EncoderFrames - 1, recorder.LastFrame);
        }
    }
}
