using System.Diagnostics;
using System.IO;
using Edge.Asr.Sim.Eval;
using Xunit;
using Xunit.Abstractions;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// Measures (never asserts) the eval engine's own cost: 2,000 one-second WAV clips through the
    /// real WAV reader and frontend on 1 and 2 workers with the near-free tone double as the model.
    /// Run: dotnet test -c Release --filter Category=Measure --logger "console;verbosity=detailed"
    /// </summary>
    public sealed class EvalThroughputMeasurement
    {
        private readonly ITestOutputHelper _out;

        public EvalThroughputMeasurement(ITestOutputHelper output) => _out = output;

        [Fact]
        [Trait("Category", "Measure")]
        public void Two_thousand_one_second_clips_on_two_workers()
        {
            const int Clips = 2000;
            string dir = EvalFiles.NewFolder();
            double[] hz = { 500, 1000, 2000, 0 };
            string[] folder = { "yes", "no", "lights_on", "_silence_" };
            for (int i = 0; i < Clips; i++)
                EvalFiles.WriteWav(Path.Combine(dir, folder[i % 4], i.ToString("00000") + ".wav"), EvalFiles.Tone(hz[i % 4], 1));
            EvalManifest manifest = EvalManifest.Load(dir);
            new EvalEngine(() => ToneRecogniser.Calibrated(), 2).Run(manifest); // warm up (JIT, file cache)
            foreach (int workers in new[] { 1, 2 })
            {
                var engine = new EvalEngine(() => ToneRecogniser.Calibrated(), workers);
                var watch = Stopwatch.StartNew();
                EvalResult r = engine.Run(manifest);
                watch.Stop();

                Assert.Equal(1.0, r.Accuracy!.Value);
                double seconds = watch.Elapsed.TotalSeconds;
                _out.WriteLine("eval of " + Clips + " one-second clips on " + workers + " worker(s) (WAV read + frontend + tone double, fixed and float paths): "
                    + seconds.ToString("0.000") + " s, " + (Clips / seconds).ToString("0") + " clips/s; 10,000 clips would take "
                    + (10000 * seconds / Clips).ToString("0.0") + " s");
            }
            Directory.Delete(dir, true);
        }
    }
}
