using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Sim.Report;
using Edge.Asr.Tests.Eval;
using Xunit;

namespace Edge.Asr.Tests.Report
{
    /// <summary>The reports parse as XML, carry the right elements in the right counts, and fetch nothing.</summary>
    public sealed class ReportTests
    {
        private static readonly XNamespace Svg = Xhtml.SvgNamespace;

        private static XDocument Parse(string html)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
            using var reader = XmlReader.Create(new StringReader(html), settings);
            return XDocument.Load(reader);
        }

        private static IEnumerable<XElement> WithClass(XDocument doc, XName name, string cssClass) =>
            doc.Descendants(name).Where(e => (string?)e.Attribute("class") == cssClass);

        private static IEnumerable<XElement> WithClass(XElement root, XName name, string cssClass) =>
            root.Descendants(name).Where(e => (string?)e.Attribute("class") == cssClass);

        private static void AssertSelfContained(string html)
        {
            Assert.Empty(Regex.Matches(html, "(src|href)\\s*=", RegexOptions.IgnoreCase));
            // The only URLs are the XML namespaces of XHTML and SVG.
            foreach (Match m in Regex.Matches(html, "https?://[^\"']*"))
                Assert.Contains(m.Value, new[] { "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml" });
        }

        private static EvalResult Result()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "0.wav"), EvalFiles.Tone(500, 1));
            EvalFiles.WriteWav(Path.Combine(dir, "no", "0.wav"), EvalFiles.Tone(500, 1));
            string csvClips = Path.Combine(dir, "clips.csv");
            File.WriteAllText(csvClips, "path,label\nyes/0.wav,yes\nno/0.wav,no\n");
            EvalResult clips = new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(EvalManifest.Load(csvClips));
            return clips;
        }

        [Fact]
        public void Eval_report_has_the_confusion_matrix_and_per_class_bars()
        {
            EvalResult r = Result();
            string html = EvalHtmlReport.Build(r, "eval <test> & co");
            AssertSelfContained(html);
            XDocument doc = Parse(html);
            int n = ToneRecogniser.DefaultLabels.Length;
            XElement lastFrame = WithClass(doc, Svg + "svg", "last-frame-matrix").Single();
            Assert.Equal(n * n, WithClass(lastFrame, Svg + "rect", "confusion-cell").Count());
            Assert.Equal(new[] { "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0" },
                WithClass(lastFrame, Svg + "text", "count").Select(e => e.Value).ToArray());
            // The headline matrix: "(no command)" and the three commands; both 500 Hz clips fired "yes".
            XElement detector = WithClass(doc, Svg + "svg", "confusion-matrix").Single();
            Assert.Equal(new[] { "0", "0", "0", "0", "0", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0" },
                WithClass(detector, Svg + "text", "count").Select(e => e.Value).ToArray());
            Assert.Equal(20, WithClass(detector, Svg + "rect", "colour-bar").Count());
            Assert.Equal(new[] { "true class", "decided class" }, WithClass(detector, Svg + "text", "axis-title").Select(e => e.Value).OrderByDescending(v => v).ToArray());
            Assert.Equal(4, WithClass(doc, Svg + "rect", "precision-bar").Count());
            Assert.Equal(4, WithClass(doc, Svg + "rect", "recall-bar").Count());
            Assert.Equal("eval <test> & co", doc.Descendants().First(e => e.Name.LocalName == "title").Value);
            Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "section" && (string?)e.Attribute("id") == "summary");
        }

        [Fact]
        public void Run_report_has_spectrogram_one_polyline_per_command_and_one_marker_per_detection()
        {
            string dir = EvalFiles.NewFolder();
            string wav = Path.Combine(dir, "long.wav");
            EvalFiles.WriteWav(wav, EvalFiles.Stream(9, (500, 1.0, 1.6), (1000, 4.0, 4.6), (2000, 7.0, 7.6)));
            ToneRecogniser model = ToneRecogniser.Calibrated();
            short[][] mel = new ClipFeatures().Read(wav);
            short[][] posteriors = model.PosteriorsQ15(mel);
            List<StreamDetection> detections = StreamScoring.Detect(posteriors, model.Labels, model.Detector, new List<KeywordSpan>(), out _);
            Assert.Equal(3, detections.Count);

            string html = RunHtmlReport.Build("run long.wav", mel, posteriors, model.Labels, model.Detector, detections);
            AssertSelfContained(html);
            XDocument doc = Parse(html);
            int columns = System.Math.Min(RunHtmlReport.MaxColumns, mel.Length);
            Assert.Equal(columns * LogMelFrontend.MelChannels, WithClass(doc, Svg + "rect", "mel").Count());
            // Readable charts: axis titles with units on both, a colour bar in log2 energy on the spectrogram.
            XElement spectrogram = WithClass(doc, Svg + "svg", "spectrogram").Single();
            Assert.Equal(20, WithClass(spectrogram, Svg + "rect", "colour-bar").Count());
            Assert.Equal("log2 energy", WithClass(spectrogram, Svg + "text", "colour-bar-title").Single().Value);
            Assert.Equal(new[] { "mel band (20-7600 Hz)", "time from the start of the shown audio (s)" },
                WithClass(spectrogram, Svg + "text", "axis-title").Select(e => e.Value).OrderBy(v => v).ToArray());
            Assert.Equal(new[] { "posterior (0-1)", "time (s)" },
                WithClass(WithClass(doc, Svg + "svg", "posterior-timeline").Single(), Svg + "text", "axis-title").Select(e => e.Value).OrderBy(v => v).ToArray());
            XElement[] lines = WithClass(doc, Svg + "polyline", "posterior").ToArray();
            Assert.Equal(new[] { "yes", "no", "lights on" }, lines.Select(l => l.Element(Svg + "title")!.Value).ToArray());
            Assert.All(lines, l => Assert.Equal(posteriors.Length, ((string)l.Attribute("points")!).Split(' ').Length));
            Assert.Single(WithClass(doc, Svg + "line", "threshold"));
            XElement[] markers = WithClass(doc, Svg + "g", "detection").ToArray();
            Assert.Equal(3, markers.Length);
            Assert.Equal(new[] { "yes", "no", "lights on" },
                markers.Select(m => m.Descendants(Svg + "text").Single().Value.Split(' ').Reverse().Skip(1).Reverse()).Select(w => string.Join(" ", w)).ToArray());
        }
    }
}
