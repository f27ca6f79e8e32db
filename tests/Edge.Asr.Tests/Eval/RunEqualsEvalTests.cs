using System;
using System.IO;
using System.Linq;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.Portability;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// One pipeline (issue 13): `run` (the firmware's capture loop on simulated I2S bytes, the board's
    /// ×4 gain in its sample extraction) and `eval` (the frontend and model on DeviceSamples) give the
    /// same events, bit for bit, on the same file: loud (the shipped sample, which the board's gain
    /// clips), quiet (no clipping anywhere) and clipped in the file itself.
    /// </summary>
    [Collection(DeviceSimulationCollection.Name)]
    public class RunEqualsEvalTests
    {
        private static string DefaultModel => Path.Combine(CliHarness.RepositoryRoot(), "weights", "default.easr");

        [Theory]
        [InlineData("loud", 1.0)]
        [InlineData("quiet", 0.125)]
        [InlineData("clipped", 4.0)]
        public void RunAndEvalGiveTheSameEvents(string name, double gain)
        {
            short[] shipped;
            using (IAudioSource s = WavFileSource.Open(CliHarness.Sample("commands.wav"))) shipped = FirmwareTwin.ReadAll(s);
            short[] scaled = shipped.Select(v => (short)Math.Clamp(Math.Round(v * gain), short.MinValue, short.MaxValue)).ToArray();
            string dir = EvalFiles.NewFolder();
            string wav = Path.Combine(dir, name + ".wav");
            EvalFiles.WriteWav(wav, scaled);

            SimulatedDevice device = SimulatedDevice.Open(DefaultModel)!;
            TwinRun run;
            using (IAudioSource source = WavFileSource.Open(wav)) run = device.Run(source, null);

            EvalManifest manifest = EvalManifest.FromCsv(Path.Combine(dir, "streams.csv"), "path,label,start,end\n" + name + ".wav,,,\n");
            EvalResult result = new EvalEngine(RecogniserLoader.Load(DefaultModel), workers: 1).Run(manifest);
            var evalEvents = result.StreamOutcomes[0].Detections
                .Select(d => (d.Label, (int)Math.Round(d.Confidence * 32768), (long)Math.Round(d.TimeSeconds * 1000))).ToArray();
            var runEvents = run.Events.Select(e => (e.Label, e.ConfidenceQ15, e.TimeMs)).ToArray();

            Assert.NotEmpty(runEvents); // the comparison must be about something
            Assert.Equal(runEvents, evalEvents);
            Assert.Equal(scaled.Length / 16000.0, result.StreamSeconds, 9); // the block padding is not counted as audio
        }
    }
}
