using System;
using System.IO;
using System.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Tests.Cli;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// A clip's headline decision is what the device does, the detector's first event (issue 13):
    /// samples/yes.wav with 2 s of silence after it is "yes" for the detector while its last
    /// encoder frame hears only silence, and eval counts it among the clips that end long after their sound.
    /// </summary>
    public sealed class DetectorClipDecisionTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        [Fact]
        public void Trailing_silence_does_not_change_the_detector_decision_and_is_warned_about()
        {
            short[] yes;
            using (IAudioSource s = WavFileSource.Open(CliHarness.Sample("yes.wav"))) yes = FirmwareTwin.ReadAll(s);
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "0-as-shipped.wav"), yes);
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "1-trailing-silence.wav"), yes.Concat(new short[2 * 16000]).ToArray());

            EvalResult r = new EvalEngine(RecogniserLoader.Load(DefaultModel), 1).Run(EvalManifest.Load(dir));
            string[] labels = r.Labels;
            ClipOutcome shipped = r.ClipOutcomes[0], padded = r.ClipOutcomes[1];

            Assert.Equal("yes", labels[shipped.Detector.ClassIndex]);
            Assert.Equal("yes", labels[padded.Detector.ClassIndex]);
            Assert.Equal(shipped.Detector.EncoderFrame, padded.Detector.EncoderFrame); // the same event: the silence comes after it
            Assert.Equal("_silence_", labels[padded.Fixed.ClassIndex]);               // the last frame hears only the silence
            Assert.Equal(1.0, r.Accuracy);
            Assert.Equal(0.5, r.LastFrame.Accuracy);
            Assert.False(shipped.EndsEarly);
            Assert.True(padded.EndsEarly);
            Assert.Equal(1, r.ClipsEndingEarly);

            var text = new StringWriter();
            EvalText.Write(text, r);
            Assert.Contains("warning:     1 clip(s) end more than 1.0 s after their sound", text.ToString());
        }

        [Fact]
        public void A_word_that_ends_with_its_file_is_heard_in_the_silence_eval_appends()
        {
            // yes.wav's event comes at 0.785 s; cut the file at 0.70 s, after the word but before the event.
            short[] yes;
            using (IAudioSource s = WavFileSource.Open(CliHarness.Sample("yes.wav"))) yes = FirmwareTwin.ReadAll(s);
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "cut.wav"), yes.Take(11200).ToArray());

            EvalResult r = new EvalEngine(RecogniserLoader.Load(DefaultModel), 1).Run(EvalManifest.Load(dir));
            ClipOutcome cut = r.ClipOutcomes[0];

            Assert.Equal("yes", r.Labels[cut.Detector.ClassIndex]);
            long audioEncoderFrames = (11200 / 160) / 4;
            Assert.True(cut.Detector.EncoderFrame >= audioEncoderFrames, "the event fired inside the audio, so this test proves nothing: frame " + cut.Detector.EncoderFrame);
            Assert.Equal(0.7, r.ClipOutcomes[0].Seconds, 9); // the appended silence is not counted as audio
        }

        [Fact]
        public void No_event_is_no_command_which_is_right_for_filler_clips_only()
        {
            string dir = EvalFiles.NewFolder();
            EvalFiles.WriteWav(Path.Combine(dir, "_silence_", "0.wav"), new short[16000]);
            EvalFiles.WriteWav(Path.Combine(dir, "yes", "0.wav"), new short[16000]);
            EvalResult r = new EvalEngine(RecogniserLoader.Load(DefaultModel), 1).Run(EvalManifest.Load(dir));
            Assert.All(r.ClipOutcomes, c => Assert.Equal(ClipDecision.NoCommand, c.Detector.ClassIndex));
            Assert.Equal(0.5, r.Accuracy);
            Assert.Equal(EvalResult.NoCommandLabel, r.Detector.Labels[0]);
            Assert.Equal(1, r.Detector.Confusion[0][0]);                                   // silence: no command, right
            Assert.Equal(1, r.Detector.Confusion[Array.IndexOf(r.Detector.Labels, "yes")][0]); // yes: no command, a miss
        }
    }
}
