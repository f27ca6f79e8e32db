using System;
using System.IO;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary><c>edge-asr run</c> shows the frontend's real log-mel frames, and <c>bench</c> its real costs.</summary>
    // `run` drives the firmware twin, whose simulated board is process-wide state (DeviceSimulation).
    [Collection(DeviceSimulationCollection.Name)]
    public class FrontendViewTests
    {
        [Fact]
        public void RunCollectsTheFramesTheFrontendComputesOnTheFile()
        {
            string yes = CliHarness.Sample("yes.wav");
            short[] pcm = Pcm16(CliHarness.PcmOf(yes));

            // The frontend driven directly, in one push loop, on what the DevKit board hands the pipeline
            // (its I2S extraction's gain x4, saturating; the view shows what the model sees), is the reference.
            for (int i = 0; i < pcm.Length; i++) pcm[i] = (short)System.Math.Clamp(pcm[i] * 4, short.MinValue, short.MaxValue);
            var frontend = new LogMelFrontend();
            var expected = new System.Collections.Generic.List<short[]>();
            for (int at = 0; at < pcm.Length;)
            {
                at += frontend.Push(pcm, at, pcm.Length - at);
                if (!frontend.HasFrame) continue;
                var frame = new short[LogMelFrontend.MelChannels];
                frontend.ReadFrame(frame, 0);
                expected.Add(frame);
            }

            var command = new RunCommand(TextWriter.Null);
            using (var source = Edge.Asr.Sim.Audio.AudioSources.Open(yes, () => Stream.Null))
                command.Process(source);

            Assert.Equal(141, expected.Count); // 1 + (22815 - 400) / 160
            Assert.Equal(expected.Count, command.Frames.Count);
            for (int f = 0; f < expected.Count; f++) Assert.Equal(expected[f], command.Frames[f]);
        }

        [Fact]
        public void RunPrintsTheLogMelSummaryAndSpectrogram()
        {
            CliHarness.Result r = CliHarness.InProcess("run", CliHarness.Sample("yes.wav"));
            Assert.Equal(ExitCodes.Success, r.ExitCode);
            Assert.Contains("log-mel:   141 frames x 40 bands (20-7600 Hz)", r.Stdout);
            Assert.Contains("141 frames of 10 ms", r.Stdout);
            Assert.Contains("\u2588", r.Stdout); // the loudest cells are drawn full
        }

        [Fact]
        public void RunOnAudioShorterThanOneWindowSaysSo()
        {
            byte[] pcm = new byte[2 * 399];
            CliHarness.Result r = CliHarness.InProcess(pcm, "run", "-");
            Assert.Equal(ExitCodes.Success, r.ExitCode);
            Assert.Contains("log-mel:   no frame (shorter than one 25 ms window)", r.Stdout);
        }

        [Fact]
        public void BenchPrintsTheFrontendOperationCounts()
        {
            string model = System.IO.Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");
            CliHarness.Result r = CliHarness.InProcess("bench", "--model", model);
            Assert.True(r.ExitCode == ExitCodes.Success, r.Stderr);
            string expected = FrontendCost.MultipliesPerFrame.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            string perSecond = (FrontendCost.MultipliesPerFrame * 100L).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("multiplies", r.Stdout);
            Assert.Contains(expected, r.Stdout);
            Assert.Contains(perSecond, r.Stdout);
            Assert.Contains("real-time factor", r.Stdout);
            Assert.Contains("frontend     ", r.Stdout);
        }

        private static short[] Pcm16(byte[] bytes)
        {
            var samples = new short[bytes.Length / 2];
            for (int i = 0; i < samples.Length; i++) samples[i] = (short)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
            return samples;
        }
    }
}
