using System.IO;
using System.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Sim.Device;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>
    /// <c>run</c> on a stream longer than the report window keeps only the window's frames and
    /// posteriors, and the twin only its latest lines (issue 16, item 2): memory does not grow
    /// with the length of a live input. A 1 s window on the 4.1 s commands sample stands in for
    /// the 300 s window on hours of microphone audio.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class RunBoundedMemoryTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        private static string Commands => CliHarness.Sample("commands.wav");

        [Fact]
        public void The_report_keeps_the_last_window_of_log_mel_frames_and_counts_them_all()
        {
            var output = new StringWriter();
            var full = new RunCommand(TextWriter.Null);
            var bounded = new RunCommand(output, windowSeconds: 1);
            using (IAudioSource s = AudioSources.Open(Commands, () => Stream.Null)) full.Process(s);
            using (IAudioSource s = AudioSources.Open(Commands, () => Stream.Null)) bounded.Execute(s);

            Assert.Equal(412, full.Frames.Count); // 1 + (66224 - 400) / 160 rounded down: the whole file fits the 300 s window
            Assert.Equal(412, bounded.FrameCount);
            Assert.Equal(100, bounded.Frames.Count); // 1 s of 10 ms frames
            Assert.Equal(full.Frames.Skip(312), bounded.Frames);
            Assert.Contains("log-mel:   412 frames x 40 bands", output.ToString());
            Assert.Contains("view:      the last 1 s only (from 3.12 s): a long input is not held in memory", output.ToString());
        }

        [Fact]
        public void The_posterior_recorder_keeps_its_capacity_of_frames_and_the_latest_index()
        {
            SimulatedDevice device = SimulatedDevice.Open(DefaultModel)!;
            var recorder = new PosteriorRecorder(capacity: 25);
            TwinRun run;
            using (IAudioSource s = AudioSources.Open(Commands, () => Stream.Null)) run = device.Run(s, null, null, recorder);
            Assert.True(run.EncoderFrames > 100);
            Assert.Equal(25, recorder.Posteriors.Count);
            Assert.Equal(run.EncoderFrames - 1, recorder.LastFrame);
            Assert.Equal(run.EncoderFrames - 25, recorder.FirstKept);
        }

        [Fact]
        public void The_html_report_of_a_long_stream_says_it_shows_the_end()
        {
            string report = Path.Combine(Path.GetTempPath(), "edge-asr-run-" + System.Guid.NewGuid().ToString("N") + ".html");
            SimulatedDevice device = SimulatedDevice.Open(DefaultModel)!;
            using (IAudioSource s = AudioSources.Open(Commands, () => Stream.Null))
                // At 0.3 the default model hears "yes" (0.7 s) and "off" (3.4 s): one inside the last second, one before it.
                new RunCommand(TextWriter.Null, windowSeconds: 1).Execute(s, device: device, options: new RunOptions(0.3, false, report));
            string html = File.ReadAllText(report);
            File.Delete(report);
            Assert.Contains("100 log-mel frames, 25 encoder frames", html);
            Assert.Contains("1 detections (the last 1.02 s of the input, from 3.12 s; 2 detections in all)", html);
        }

        [Fact]
        public void A_twin_run_keeps_only_its_latest_lines()
        {
            var run = new TwinRun();
            for (int i = 0; i < TwinRun.KeptLines + 500; i++) run.AddLine("STATUS " + i);
            Assert.Equal(TwinRun.KeptLines, run.Lines.Count);
            Assert.Equal("STATUS 500", run.Lines[0]);
            Assert.Equal("STATUS " + (TwinRun.KeptLines + 499), run.Lines[^1]);
            Assert.Equal(TwinRun.KeptLines + 500, run.LineCount);
        }
    }
}
