using System.IO;
using System.Linq;
using System.Text.Json;
using Edge.Asr.Sim.Eval;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// Streams people can act on (issue 13): every false accept and every missed keyword listed
    /// (file, time, label, confidence) in the result, the JSON and the text; the DET curve per
    /// command with its keys pinned; the false-accept rate with its hours and a 95 % Poisson interval.
    /// </summary>
    public sealed class StreamListsAndDetTests
    {
        // long.wav: yes spoken and labelled (a hit); no spoken but labelled "lights on" (a false accept and a miss);
        // lights on spoken, unlabelled (a false accept); "no" labelled at 10 s over silence (a miss).
        // negative.wav: no spoken (a false accept).
        private static (EvalResult Result, string Dir) SmallStreamSet()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "long.wav"), EvalFiles.Stream(12, (500, 1.0, 1.6), (1000, 4.0, 4.6), (2000, 7.0, 7.6)));
            EvalFiles.WriteWav(Path.Combine(dir, "negative.wav"), EvalFiles.Stream(6, (1000, 2.0, 2.6)));
            string csv = Path.Combine(dir, "streams.csv");
            File.WriteAllText(csv, "path,label,start,end\nlong.wav,yes,1.0,1.6\nlong.wav,lights on,4.0,4.6\nlong.wav,no,10.0,10.6\nnegative.wav,,,\n");
            return (new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(EvalManifest.Load(csv)), dir);
        }

        [Fact]
        public void Every_false_accept_and_every_miss_is_listed()
        {
            (EvalResult r, string dir) = SmallStreamSet();
            var falseAccepts = r.FalseAcceptList.ToArray();
            Assert.Equal(new[] { "long.wav", "long.wav", "negative.wav" }, falseAccepts.Select(f => Path.GetFileName(f.Stream.Path)).ToArray());
            Assert.Equal(new[] { "no", "lights on", "no" }, falseAccepts.Select(f => f.Event.Label).ToArray());
            Assert.InRange(falseAccepts[0].Event.TimeSeconds, 4.0, 4.6 + StreamScoring.ToleranceSeconds);
            Assert.InRange(falseAccepts[1].Event.TimeSeconds, 7.0, 7.6 + StreamScoring.ToleranceSeconds);
            Assert.InRange(falseAccepts[2].Event.TimeSeconds, 2.0, 2.6 + StreamScoring.ToleranceSeconds);
            Assert.All(falseAccepts, f => Assert.InRange(f.Event.Confidence, 0.8, 0.9)); // above the 0.8 threshold, at most the tone's 0.9

            var misses = r.MissList.ToArray();
            Assert.Equal(new[] { "lights on", "no" }, misses.Select(m => m.Miss.Keyword.Label).ToArray());
            Assert.Equal(new[] { 4.0, 10.0 }, misses.Select(m => m.Miss.Keyword.StartSeconds).ToArray());
            Assert.All(misses, m => Assert.Equal("long.wav", Path.GetFileName(m.Stream.Path)));
            // "lights on" never rose while a 1000 Hz tone played, and the silent "no" never rose at all.
            Assert.All(misses, m => Assert.InRange(m.Miss.PeakConfidence, 0.0, 0.1));

            using JsonDocument doc = JsonDocument.Parse(EvalJson.Serialize(r));
            JsonElement[] faJson = doc.RootElement.GetProperty("false_accept_list").EnumerateArray().ToArray();
            Assert.Equal(3, faJson.Length);
            Assert.All(faJson, e => Assert.Equal(EvalJson.FalseAcceptKeys, e.EnumerateObject().Select(p => p.Name).ToArray()));
            Assert.Equal(falseAccepts[1].Event.TimeSeconds, faJson[1].GetProperty("time_s").GetDouble());
            Assert.Equal("lights on", faJson[1].GetProperty("label").GetString());
            Assert.Equal(Path.Combine(dir, "long.wav"), faJson[1].GetProperty("file").GetString());
            JsonElement[] missJson = doc.RootElement.GetProperty("miss_list").EnumerateArray().ToArray();
            Assert.Equal(2, missJson.Length);
            Assert.All(missJson, e => Assert.Equal(EvalJson.MissKeys, e.EnumerateObject().Select(p => p.Name).ToArray()));
            Assert.Equal(10.6, missJson[1].GetProperty("end_s").GetDouble());

            var text = new StringWriter();
            EvalText.Write(text, r);
            Assert.Contains("false accepts (file, time, label, confidence)", text.ToString());
            Assert.Contains(Path.Combine(dir, "negative.wav") + "  " + falseAccepts[2].Event.TimeSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s  no  ", text.ToString());
            Assert.Contains(Path.Combine(dir, "long.wav") + "  10.000-10.600 s  no  ", text.ToString());
        }

        [Fact]
        public void The_false_accept_rate_states_its_hours_and_interval_and_that_it_rests_on_seconds()
        {
            (EvalResult r, _) = SmallStreamSet();
            Assert.Equal(18 / 3600.0, r.StreamHours, 12);
            Assert.True(r.RateFromMinutes);
            (double low, double high) = r.FalseAcceptsPerHour95!.Value;
            Assert.Equal(ChiSquared.InvCDF(6, 0.025) / 2 / r.StreamHours, low, 6);
            Assert.Equal(ChiSquared.InvCDF(8, 0.975) / 2 / r.StreamHours, high, 6);
            string line = EvalText.FalseAcceptRate(r);
            Assert.StartsWith("3 (600.00 per hour over 0.005 h of audio; 95 % interval ", line);
            Assert.EndsWith("; from 0.3 minutes of audio: a rough guess, not a measured hourly rate", line);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(112)]
        public void The_poisson_interval_is_the_exact_garwood_interval(int count)
        {
            (double low, double high) = PoissonInterval.Of95(count);
            Assert.Equal(count == 0 ? 0 : ChiSquared.InvCDF(2 * count, 0.025) / 2, low, 6);
            Assert.Equal(ChiSquared.InvCDF(2 * count + 2, 0.975) / 2, high, 6);
        }

        [Fact]
        public void The_det_curve_per_command_has_its_keys_and_follows_the_threshold()
        {
            (EvalResult r, _) = SmallStreamSet();
            Assert.Equal(new[] { "yes", "no", "lights on" }, r.Det.Select(c => c.Label).ToArray());
            Assert.Equal(new[] { 1, 1, 1 }, r.Det.Select(c => c.Positives).ToArray());
            DetCurve no = r.Det[1];
            DetCurve.Point low = no.Points.First(p => p.Threshold == 0.5), high = no.Points.Last();
            Assert.Equal(0.99, high.Threshold);
            // At 0.5 the two "no" tones fire (both false accepts: one under a "lights on" label, one in the negatives) and the labelled silent "no" is missed.
            Assert.Equal(2, low.FalseAccepts);
            Assert.Equal(2 / r.StreamHours, low.FalseAcceptsPerHour!.Value, 9);
            Assert.Equal(1.0, low.MissRate);
            // At 0.99 nothing fires (the tones give 0.9): no false accept, every keyword missed.
            Assert.Equal(0, high.FalseAccepts);
            Assert.Equal(1.0, r.Det[0].Points.Last().MissRate);
            Assert.Equal(0.0, r.Det[0].Points.First(p => p.Threshold == 0.5).MissRate);

            using JsonDocument doc = JsonDocument.Parse(EvalJson.Serialize(r));
            JsonElement det = doc.RootElement.GetProperty("det");
            Assert.Equal(new[] { "yes", "no", "lights on" }, det.EnumerateObject().Select(p => p.Name).ToArray());
            JsonElement yes = det.GetProperty("yes");
            Assert.Equal(EvalJson.DetKeys, yes.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(new[] { "positives", "points" }, EvalJson.DetKeys);
            Assert.Equal(new[] { "threshold", "misses", "miss_rate", "false_accepts", "false_accepts_per_hour" }, EvalJson.DetPointKeys);
            JsonElement[] points = yes.GetProperty("points").EnumerateArray().ToArray();
            Assert.Equal(DetCurve.Thresholds.Length, points.Length);
            Assert.All(points, p => Assert.Equal(EvalJson.DetPointKeys, p.EnumerateObject().Select(q => q.Name).ToArray()));
            Assert.Equal(0.1, points[0].GetProperty("threshold").GetDouble());
        }

        [Fact]
        public void The_report_draws_the_det_chart_and_lists_false_accepts_and_misses()
        {
            (EvalResult r, _) = SmallStreamSet();
            var doc = System.Xml.Linq.XDocument.Parse(Edge.Asr.Sim.Report.EvalHtmlReport.Build(r, "eval streams, model m.easr"));
            System.Xml.Linq.XNamespace svg = "http://www.w3.org/2000/svg", html = "http://www.w3.org/1999/xhtml";
            var chart = doc.Descendants(svg + "svg").Single(e => (string?)e.Attribute("class") == "det-chart");
            Assert.Equal(3, chart.Elements(svg + "polyline").Count(e => (string?)e.Attribute("class") == "det-curve"));
            Assert.Equal(new[] { "false accepts per hour of stream audio", "miss rate (%)" },
                chart.Elements(svg + "text").Where(e => (string?)e.Attribute("class") == "axis-title").Select(e => e.Value).OrderBy(v => v).ToArray());
            var tables = doc.Descendants(html + "table").ToDictionary(t => (string?)t.Attribute("class") ?? "", t => t.Elements(html + "tr").Count() - 1);
            Assert.Equal(3, tables["false-accepts"]);
            Assert.Equal(2, tables["misses"]);
        }
    }
}
