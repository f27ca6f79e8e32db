using System;
using System.IO;
using System.Linq;
using System.Threading;
using Edge.Asr.Sim.Eval;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// The engine on real WAV files through the real reader and frontend, with the tone test double
    /// as the model: every metric is known exactly from how the clips were made.
    /// </summary>
    public sealed class EvalEngineTests
    {
        private const int Silence = 0, Unknown = 1, Yes = 2, No = 3, LightsOn = 4;

        // Folder per label: 11 clips, one "no" clip is really a "yes" tone.
        private static string ClipFolder()
        {
            string dir = EvalFiles.NewFolder();
            for (int i = 0; i < 3; i++) EvalFiles.WriteWav(Path.Combine(dir, "yes", i + ".wav"), EvalFiles.Tone(500, 1));
            for (int i = 0; i < 2; i++) EvalFiles.WriteWav(Path.Combine(dir, "no", i + ".wav"), EvalFiles.Tone(1000, 1));
            EvalFiles.WriteWav(Path.Combine(dir, "no", "2.wav"), EvalFiles.Tone(500, 1));
            for (int i = 0; i < 2; i++) EvalFiles.WriteWav(Path.Combine(dir, "lights_on", i + ".wav"), EvalFiles.Tone(2000, 1));
            for (int i = 0; i < 2; i++) EvalFiles.WriteWav(Path.Combine(dir, "_silence_", i + ".wav"), EvalFiles.Tone(0, 1));
            EvalFiles.WriteWav(Path.Combine(dir, "_unknown_", "0.wav"), EvalFiles.Tone(ToneRecogniser.UnknownHz, 1));
            return dir;
        }

        [Fact]
        public void Clip_metrics_are_exact()
        {
            EvalManifest manifest = EvalManifest.Load(ClipFolder());
            EvalResult r = new EvalEngine(() => ToneRecogniser.Calibrated(No, Yes), 2).Run(manifest);

            Assert.Equal(11, r.Clips);
            Assert.Equal(11.0, r.AudioSeconds, 9);
            Assert.Equal(10 / 11.0, r.LastFrame.Accuracy!.Value, 12);
            int[][] expected =
            {
                new[] { 2, 0, 0, 0, 0 },
                new[] { 0, 1, 0, 0, 0 },
                new[] { 0, 0, 3, 0, 0 },
                new[] { 0, 0, 1, 2, 0 },
                new[] { 0, 0, 0, 0, 2 },
            };
            Assert.Equal(expected, r.LastFrame.Confusion);
            Assert.Equal(0.75, r.LastFrame.PerClass[Yes].Precision!.Value, 12);
            Assert.Equal(1.0, r.LastFrame.PerClass[Yes].Recall!.Value, 12);
            Assert.Equal(1.0, r.LastFrame.PerClass[No].Precision!.Value, 12);
            Assert.Equal(2 / 3.0, r.LastFrame.PerClass[No].Recall!.Value, 12);
            Assert.Equal(3, r.LastFrame.PerClass[No].Support);
            Assert.Equal("lights on", r.LastFrame.PerClass[LightsOn].Label);
            // The float path turns every "no" into "yes": the 2 clips decided "no" disagree.
            Assert.Equal(9 / 11.0, r.AgreementFixedFloat!.Value, 12);
            Assert.Null(r.FalseAcceptsPerHour);
            Assert.Null(r.KeywordRecall);
        }

        [Fact]
        public void Results_do_not_depend_on_worker_count()
        {
            EvalManifest manifest = EvalManifest.Load(ClipFolder());
            string one = EvalJson.Serialize(new EvalEngine(() => ToneRecogniser.Calibrated(No, Yes), 1).Run(manifest));
            string two = EvalJson.Serialize(new EvalEngine(() => ToneRecogniser.Calibrated(No, Yes), 2).Run(manifest));
            string four = EvalJson.Serialize(new EvalEngine(() => ToneRecogniser.Calibrated(No, Yes), 4).Run(manifest));
            Assert.Equal(one, two);
            Assert.Equal(one, four);
        }

        [Fact]
        public void Every_worker_gets_its_own_recogniser()
        {
            EvalManifest manifest = EvalManifest.Load(ClipFolder());
            int created = 0;
            new EvalEngine(() => { Interlocked.Increment(ref created); return ToneRecogniser.Calibrated(); }, 3).Run(manifest);
            Assert.Equal(3, created);
        }

        [Fact]
        public void Streams_give_keyword_recall_and_false_accepts_per_hour()
        {
            string dir = EvalFiles.NewFolder();
            // yes spoken and labelled; no spoken but labelled "lights on"; lights on spoken, unlabelled; "no" labelled, silent.
            EvalFiles.WriteWav(Path.Combine(dir, "long.wav"), EvalFiles.Stream(12, (500, 1.0, 1.6), (1000, 4.0, 4.6), (2000, 7.0, 7.6)));
            EvalFiles.WriteWav(Path.Combine(dir, "negative.wav"), EvalFiles.Stream(6, (1000, 2.0, 2.6)));
            string csv = Path.Combine(dir, "streams.csv");
            File.WriteAllText(csv, "path,label,start,end\nlong.wav,yes,1.0,1.6\nlong.wav,lights on,4.0,4.6\nlong.wav,no,10.0,10.6\nnegative.wav,,,\n");

            EvalResult r = new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(EvalManifest.Load(csv));

            Assert.Equal(0, r.Clips);
            Assert.Null(r.Accuracy);
            Assert.Null(r.AgreementFixedFloat);
            Assert.Equal(2, r.Streams);
            Assert.Equal(18.0, r.StreamSeconds, 9);
            Assert.Equal(3, r.Keywords);
            Assert.Equal(1, r.KeywordsFound);
            Assert.Equal(1 / 3.0, r.KeywordRecall!.Value, 12);
            Assert.Equal(3, r.FalseAccepts);
            Assert.Equal(3 / (18 / 3600.0), r.FalseAcceptsPerHour!.Value, 9);

            StreamDetection[] events = r.StreamOutcomes[0].Detections.ToArray();
            Assert.Equal(new[] { "yes", "no", "lights on" }, events.Select(e => e.Label).ToArray());
            Assert.Equal(new[] { true, false, false }, events.Select(e => e.Matched).ToArray());
            Assert.InRange(events[0].TimeSeconds, 1.0, 1.6);
            Assert.Single(r.StreamOutcomes[1].Detections);
        }

        [Fact]
        public void A_bad_wav_names_its_row()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "a.wav"), EvalFiles.Tone(500, 1));
            File.WriteAllText(Path.Combine(dir, "b.wav"), "not a wav at all");
            string csv = Path.Combine(dir, "m.csv");
            File.WriteAllText(csv, "path,label\na.wav,yes\nb.wav,no\n");
            var e = Assert.Throws<EvalInputException>(() => new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(EvalManifest.Load(csv)));
            Assert.StartsWith(csv + " line 3: ", e.Message);
            Assert.Contains("b.wav", e.Message);
        }

        [Fact]
        public void A_stream_keyword_must_be_a_command()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "a.wav"), EvalFiles.Tone(500, 1));
            string csv = Path.Combine(dir, "s.csv");
            File.WriteAllText(csv, "path,label,start,end\na.wav,_unknown_,0,1\n");
            var e = Assert.Throws<EvalInputException>(() => new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(EvalManifest.Load(csv)));
            Assert.Equal(csv + " line 2: '_unknown_' is a filler label, never detected; stream keywords must be commands", e.Message);
        }

        [Fact]
        public void An_unknown_label_names_its_row_and_lists_the_model_labels()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "a.wav"), EvalFiles.Tone(500, 1));
            string csv = Path.Combine(dir, "m.csv");
            File.WriteAllText(csv, "path,label\na.wav,yes\na.wav,lights_on\n");
            var e = Assert.Throws<EvalInputException>(() => new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(EvalManifest.Load(csv)));
            Assert.Equal(csv + " line 3: unknown label 'lights_on' (the model's labels: _silence_, _unknown_, yes, no, lights on)", e.Message);
        }
    }
}
