using System;
using System.IO;
using Edge.Asr.Sim.Commands;
using Edge.Asr.Tests.Audio;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>edge-asr run on real files and streams: exit codes, true facts, one-line errors.</summary>
    // `run` drives the firmware twin, whose simulated board is process-wide state (DeviceSimulation).
    [Collection(DeviceSimulationCollection.Name)]
    public sealed class RunCommandTests
    {
        // samples/yes.wav: 16 kHz mono 16-bit, 22815 samples (sox: max 0.570496, min -0.574951, RMS 0.048025).
        private const int YesSamples = 22815;

        private static void AssertOneLineError(CliHarness.Result r, int exitCode, string line)
        {
            Assert.Equal(exitCode, r.ExitCode);
            Assert.Equal("", r.Stdout);
            Assert.Single(r.StderrLines);
            Assert.Equal("edge-asr: " + line, r.StderrLines[0].TrimEnd('\r'));
            Assert.DoesNotContain("   at ", r.Stderr);
        }

        [Fact]
        public void RunOnShippedSamplePrintsTrueFacts()
        {
            string yes = CliHarness.Sample("yes.wav");
            CliHarness.Result r = CliHarness.InProcess("run", yes);
            Assert.Equal(ExitCodes.Success, r.ExitCode);
            Assert.Equal("", r.Stderr);
            Assert.Contains("format:    WAV, PCM signed 16-bit, 16000 Hz, mono", r.Stdout);
            Assert.Contains("length:    22815 sample frames, 1.426 s", r.Stdout);
            Assert.Contains("to 16 kHz: none needed", r.Stdout);
            Assert.Contains("audio:     22815 samples at 16 kHz, 1.426 s", r.Stdout);
            Assert.Contains("frames:    141 (25 ms windows every 10 ms)", r.Stdout);   // 1 + (22815 - 400) / 160

            // Peak and RMS recomputed here from the file's own bytes.
            byte[] pcm = CliHarness.PcmOf(yes);
            Assert.Equal(2 * YesSamples, pcm.Length);
            int peak = 0;
            double squares = 0;
            for (int i = 0; i < YesSamples; i++)
            {
                int s = (short)(pcm[2 * i] | (pcm[2 * i + 1] << 8));
                peak = Math.Max(peak, Math.Abs(s));
                squares += (double)s * s;
            }
            Assert.Equal(18840, peak); // sox: min amplitude -0.574951 = -18840/32768
            string peakDb = (20 * Math.Log10(peak / 32768.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            string rmsDb = (20 * Math.Log10(Math.Sqrt(squares / YesSamples) / 32768.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("peak:      " + peakDb + " dBFS (18840)", r.Stdout);
            Assert.Contains("rms:       " + rmsDb + " dBFS", r.Stdout);
            Assert.Equal("-26.4", rmsDb); // sox: RMS amplitude 0.048025
        }

        [Fact]
        public void RunOnStdinGivesTheSameAudioFacts()
        {
            byte[] pcm = CliHarness.PcmOf(CliHarness.Sample("yes.wav"));
            CliHarness.Result file = CliHarness.InProcess("run", CliHarness.Sample("yes.wav"));
            CliHarness.Result piped = CliHarness.InProcess(pcm, "run", "-");
            Assert.Equal(0, piped.ExitCode);
            Assert.Contains("input:     stdin", piped.Stdout);
            Assert.Contains("format:    raw, PCM signed 16-bit, 16000 Hz, mono", piped.Stdout);
            foreach (string key in new[] { "audio:", "frames:", "peak:", "rms:" })
                Assert.Equal(LineStartingWith(file.Stdout, key), LineStartingWith(piped.Stdout, key));
        }

        [Fact]
        public void ResampledStereoFileSaysWhatWasConverted()
        {
            double[] tone = ToneFit.Tone(440, 44100, 44100, 8000);
            var s = new short[2 * tone.Length];
            for (int i = 0; i < tone.Length; i++) s[2 * i] = s[2 * i + 1] = Sim.Audio.Pcm16.FromDouble(tone[i]);
            string path = AudioTestIo.WriteTemp("tone.wav", new WavBuilder().Fmt(1, 2, 44100, 16).Data(WavBuilder.S16(s)).Build());
            CliHarness.Result r = CliHarness.InProcess("run", path);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("format:    WAV, PCM signed 16-bit, 44100 Hz, stereo", r.Stdout);
            Assert.Contains("to 16 kHz: resampled 44100 Hz -> 16000 Hz, 2 channels averaged to mono", r.Stdout);
            Assert.Contains("audio:     16000 samples at 16 kHz, 1.000 s", r.Stdout);
            // The RMS printed is that of the 16 kHz samples the source delivers; for a 8000-amplitude
            // sine that is -15.24 dBFS, a little less for the filter's ramps at the tone's two ends.
            short[] y = AudioTestIo.ReadWavFile(path);
            double squares = 0;
            foreach (short v in y) squares += (double)v * v;
            double rms = 20 * Math.Log10(Math.Sqrt(squares / y.Length) / 32768);
            Assert.InRange(rms, -15.24 - 0.05, -15.24 + 0.01);
            Assert.Contains("rms:       " + rms.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " dBFS", r.Stdout);
        }

        [Theory]
        [MemberData(nameof(BadWavInputs.All), MemberType = typeof(BadWavInputs))]
        public void BadFileIsOneLineAndExitCodeOne(string name, byte[] bytes, string problem)
        {
            string path = AudioTestIo.WriteTemp(name, bytes);
            AssertOneLineError(CliHarness.InProcess("run", path), ExitCodes.BadInput, path + ": " + problem);
        }

        [Fact]
        public void MissingFileIsOneLine()
        {
            AssertOneLineError(CliHarness.InProcess("run", "no/such/x.wav"), 1, "no/such/x.wav: file not found");
        }

        [Fact]
        public void BadStdinIsOneLine()
        {
            AssertOneLineError(CliHarness.InProcess(new byte[] { 1, 2, 3 }, "run", "-"), 1,
                "stdin: truncated: raw s16le input ends with an odd byte (3 bytes)");
            AssertOneLineError(CliHarness.InProcess(new byte[0], "run", "-"), 1, "stdin: no audio: input is empty");
            AssertOneLineError(CliHarness.InProcess(File.ReadAllBytes(CliHarness.Sample("yes.wav")), "run", "-"), 1,
                "stdin: this is a WAV file, not raw PCM: give its path instead, or pipe raw 16 kHz mono s16le (sox in.wav -t raw -e signed -b 16 -c 1 -r 16000 -)");
        }

        [Theory]
        [InlineData(new string[0], "Required command was not provided.")]
        [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'. Required command was not provided.")]
        [InlineData(new[] { "run" }, "Required argument 'input' missing for command: 'run'.")]
        [InlineData(new[] { "run", "a.wav", "b.wav" }, "Unrecognized command or argument 'b.wav'.")]
        public void UsageErrorsAreOneLineAndExitCodeTwo(string[] args, string message)
        {
            AssertOneLineError(CliHarness.InProcess(args), ExitCodes.Usage, message + " (see 'edge-asr --help')");
        }

        [Fact]
        public void HelpListsTheRunCommand()
        {
            CliHarness.Result r = CliHarness.InProcess("--help");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("run <input>", r.Stdout);
            CliHarness.Result run = CliHarness.InProcess("run", "--help");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("raw 16 kHz mono s16le PCM on stdin", run.Stdout);
        }

        [Fact]
        public void BuiltExecutableRunsFilesAndPipes()
        {
            CliHarness.Result file = CliHarness.Process(new byte[0], "run", "samples/yes.wav");
            Assert.Equal(0, file.ExitCode);
            Assert.Contains("audio:     22815 samples at 16 kHz, 1.426 s", file.Stdout);

            CliHarness.Result piped = CliHarness.Process(CliHarness.PcmOf(CliHarness.Sample("stop.wav")), "run", "-");
            Assert.Equal(0, piped.ExitCode);
            Assert.Contains("audio:     23750 samples at 16 kHz, 1.484 s", piped.Stdout);

            string truncated = AudioTestIo.WriteTemp("cut.wav", new WavBuilder().Fmt(1, 1, 16000, 16).ChunkDeclaring("data", new byte[1200], 64000).Build());
            AssertOneLineError(CliHarness.Process(new byte[0], "run", truncated), 1,
                truncated + ": truncated: data chunk declares 64000 bytes, file has 1200");
            AssertOneLineError(CliHarness.Process(new byte[0], "nonsense"), 2, "Unrecognized command or argument 'nonsense'. Required command was not provided. (see 'edge-asr --help')");
        }

        /// <summary>A source of endless 1 kHz blocks that asks to stop during its third read.</summary>
        private sealed class EndlessToneSource : Sim.Audio.IAudioSource
        {
            private readonly System.Threading.CancellationTokenSource _stop;
            private int _reads;

            public EndlessToneSource(System.Threading.CancellationTokenSource stop) { _stop = stop; }

            public Sim.Audio.AudioDescription Description { get; } =
                new Sim.Audio.AudioDescription("mic", "raw", "PCM signed", 16, 16000, 1, null);

            public int Read(short[] buffer, int offset, int count)
            {
                if (++_reads == 3) _stop.Cancel();
                for (int i = 0; i < count; i++) buffer[offset + i] = (short)(i % 16 < 8 ? 1000 : -1000);
                return count;
            }

            public void Dispose() { }
        }

        [Fact]
        public void StopRequestEndsTheLoopAfterTheCurrentBlockAndStillReports()
        {
            using var stop = new System.Threading.CancellationTokenSource();
            var output = new StringWriter();
            var run = new RunCommand(output, stop.Token);
            Assert.Equal(0, run.Execute(new EndlessToneSource(stop)));
            Assert.True(run.Interrupted);
            Assert.Contains("audio:     4800 samples at 16 kHz, 0.300 s", output.ToString());
            Assert.Contains("stopped:   interrupted before the end of the input", output.ToString());
        }

        private static string LineStartingWith(string text, string prefix)
        {
            foreach (string line in text.Split('\n'))
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            throw new Xunit.Sdk.XunitException("no line starting with " + prefix + " in:\n" + text);
        }
    }
}
