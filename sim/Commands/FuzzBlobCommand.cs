using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Sim.Device;
using Edge.Asr.Sim.Fuzz;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr fuzz-blob [--cases N] [--seed S] [--model X]</c>: the seeded mutation fuzzer
    /// (<see cref="BlobFuzzer"/>) over a model blob; prints attempts, format errors, models built
    /// and crashes, and exits 3 when any case crashed (docs/blob-format.md has the figures).
    /// </summary>
    public static class FuzzBlobCommand
    {
        public const long DefaultCases = 100_000;
        public const ulong DefaultSeed = 16;

        public static Command Build(TextWriter stdout)
        {
            var cases = new Option<long>("--cases") { Description = "number of mutated blobs to try", DefaultValueFactory = _ => DefaultCases };
            var seed = new Option<ulong>("--seed") { Description = "seed of the mutations (the same seed gives the same cases)", DefaultValueFactory = _ => DefaultSeed };
            var model = new Option<string>("--model") { Description = "the blob to mutate; default " + SimulatedDevice.DefaultModelPath };
            var fuzz = new Command("fuzz-blob", "Mutate a model blob (CRC recomputed), load and build each mutant, and count format errors, models built and crashes.");
            fuzz.Add(cases);
            fuzz.Add(seed);
            fuzz.Add(model);
            fuzz.SetAction(result =>
            {
                TextWriter stderr = result.InvocationConfiguration.Error ?? Console.Error;
                long n = result.GetValue(cases);
                if (n < 1)
                {
                    stderr.WriteLine("edge-asr: --cases must be at least 1");
                    return ExitCodes.Usage;
                }
                string path = result.GetValue(model) ?? SimulatedDevice.DefaultModelPath;
                if (!File.Exists(path))
                {
                    stderr.WriteLine("edge-asr: model blob: " + path + ": no such file");
                    return ExitCodes.BadInput;
                }
                BlobFuzzer fuzzer;
                try
                {
                    fuzzer = new BlobFuzzer(File.ReadAllBytes(path), result.GetValue(seed));
                }
                catch (BlobFormatException e)
                {
                    stderr.WriteLine("edge-asr: " + e.Message.Replace('\n', ' '));
                    return ExitCodes.BadInput;
                }
                var clock = Stopwatch.StartNew();
                BlobFuzzer.Tally t = fuzzer.Run(n);
                CultureInfo c = CultureInfo.InvariantCulture;
                stdout.WriteLine("fuzz-blob: " + path + ", seed " + result.GetValue(seed).ToString(c) + ", CRC recomputed after every mutation");
                stdout.WriteLine("attempts:      " + t.Attempts.ToString("N0", c));
                stdout.WriteLine("format errors: " + t.FormatErrors.ToString("N0", c) + "  (BlobFormatException: refused with a 'model blob: ' line)");
                stdout.WriteLine("models built:  " + t.ModelsBuilt.ToString("N0", c) + "  (loaded, built, detector made, 8 mel frames run)");
                stdout.WriteLine("crashes:       " + t.Crashes.ToString("N0", c) + "  (any other exception)");
                foreach (string crash in t.FirstCrashes) stdout.WriteLine("  " + crash);
                stdout.WriteLine("time:          " + clock.Elapsed.TotalSeconds.ToString("0.0", c) + " s");
                return t.Crashes == 0 ? ExitCodes.Success : ExitCodes.InternalError;
            });
            return fuzz;
        }
    }
}
