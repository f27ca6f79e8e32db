using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Device;
using Edge.Asr.Sim.Training;
using Edge.Asr.Sim.Views;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// The edge-asr command line. Every failure is one line on stderr, "edge-asr: &lt;message&gt;",
    /// with the exit codes of <see cref="ExitCodes"/>; never a stack trace.
    /// </summary>
    public static class EdgeAsrCli
    {
        /// <summary>
        /// Runs edge-asr with the given arguments and streams; returns the exit code.
        /// <paramref name="stop"/> ends a run early (Ctrl+C), which still reports what it heard.
        /// </summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> openStdin, CancellationToken stop = default)
        {
            RootCommand root = Build(stdout, stderr, openStdin, stop);
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // Most specific first: an unrecognised word explains a missing command.
                var messages = new System.Collections.Generic.List<string>();
                foreach (var error in parsed.Errors)
                {
                    if (error.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) messages.Insert(0, error.Message);
                    else messages.Add(error.Message);
                }
                stderr.WriteLine("edge-asr: " + OneLine(string.Join(" ", messages)) + " (see 'edge-asr --help')");
                return ExitCodes.Usage;
            }
            try
            {
                return parsed.Invoke(new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null, // Ctrl+C is the host's (Program's) business
                });
            }
            catch (Edge.Asr.Sim.Eval.EvalInputException e)
            {
                stderr.WriteLine("edge-asr: " + OneLine(e.Message));
                return ExitCodes.BadInput;
            }
            catch (AudioFormatException e)
            {
                stderr.WriteLine("edge-asr: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Edge.Asr.Codegen.Bake.BakeException e)
            {
                stderr.WriteLine("edge-asr: " + OneLine(e.Message));
                return ExitCodes.BadInput;
            }
            catch (TrainException e)
            {
                stderr.WriteLine("edge-asr: train: " + OneLine(e.Message));
                return e.ExitCode;
            }
            catch (FeatureInputException e)
            {
                stderr.WriteLine("edge-asr: " + OneLine(e.Message));
                return ExitCodes.BadInput;
            }
            catch (Exception e)
            {
                stderr.WriteLine("edge-asr: internal error: " + e.GetType().Name + ": " + OneLine(e.Message));
                return ExitCodes.InternalError;
            }
        }

        private static RootCommand Build(TextWriter stdout, TextWriter stderr, Func<Stream> openStdin, CancellationToken stop)
        {
            var input = new Argument<string>("input")
            {
                Description = "a WAV file (PCM 8/16/24/32-bit or float 32, any channels, 8-192 kHz), or - for raw 16 kHz mono s16le PCM on stdin",
            };
            var runModel = new Option<string>("--model")
            {
                Description = "the model blob (.easr) to recognise commands with; default " + SimulatedDevice.DefaultModelPath + " when it exists",
            };
            var threshold = new Option<string>("--threshold")
            {
                Description = "detection threshold for every command, a probability 0 < T <= 1, instead of the model's own",
            };
            var runJson = new Option<bool>("--json") { Description = "print the stable JSON of docs/simulator.md (input, model, detections) instead of the text report" };
            var runReport = new Option<string>("--report") { Description = "also write a self-contained HTML report (spectrogram, posteriors, detections) to this file" };
            var run = new Command("run", "Stream audio through the simulated device (firmware capture loop, engine, detector) and print what it hears.");
            run.Add(input);
            run.Add(runModel);
            run.Add(threshold);
            run.Add(runJson);
            run.Add(runReport);
            var runKernels = KernelsOption();
            run.Add(runKernels);
            run.SetAction(result =>
            {
                Edge.Asr.Ops.IOpKernels? kernels = ChooseKernels(result.GetValue(runKernels), stderr);
                if (kernels == null) return ExitCodes.Usage;
                string path = result.GetValue(input)!;
                string? thresholdText = result.GetValue(threshold);
                double? t = thresholdText == null ? null : RunOptions.ParseThreshold(thresholdText);
                if (thresholdText != null && (t == null || RunOptions.ThresholdError(t.Value) != null))
                {
                    stderr.WriteLine("edge-asr: --threshold must be a probability greater than 0 and at most 1, got '" + thresholdText + "'");
                    return ExitCodes.Usage;
                }
                var options = new RunOptions(t, result.GetValue(runJson), result.GetValue(runReport));
                SimulatedDevice? device;
                try
                {
                    device = SimulatedDevice.Open(result.GetValue(runModel), kernels);
                }
                catch (Edge.Asr.Blob.BlobFormatException e)
                {
                    stderr.WriteLine("edge-asr: " + OneLine(e.Message));
                    return ExitCodes.BadInput;
                }
                if (device == null && (options.Threshold.HasValue || options.Json || options.ReportPath != null))
                {
                    stderr.WriteLine("edge-asr: no model: --threshold, --json and --report need one (" + SimulatedDevice.DefaultModelPath
                        + " not found; name one with --model)");
                    return ExitCodes.BadInput;
                }
                if (options.ReportPath != null && OutputPath.Problem(options.ReportPath) is string unwritable)
                {
                    stderr.WriteLine("edge-asr: " + unwritable); // before the audio is read: a live stream is not lost
                    return ExitCodes.BadInput;
                }
                using IAudioSource source = AudioSources.Open(path, openStdin);
                return new RunCommand(stdout, stop).Execute(source, TerminalInfo.Width(), TerminalInfo.ColourWanted(), device, options);
            });

            var precise = new Option<bool>("--precise")
            {
                Description = "measure with BenchmarkDotNet (slower, with statistics) instead of a quick timed loop",
            };
            var benchModel = new Option<string>("--model") { Description = "the model blob (.easr); default " + SimulatedDevice.DefaultModelPath };
            var benchJson = new Option<bool>("--json") { Description = "print the stable JSON of docs/simulator.md instead of the text report" };
            var bench = new Command("bench", "Print what the pipeline costs: real-time factor on one thread, time per stage, exact MACs, bytes, RAM and the estimated ESP32 load.");
            bench.Add(precise);
            bench.Add(benchModel);
            bench.Add(benchJson);
            var benchKernels = KernelsOption();
            bench.Add(benchKernels);
            bench.SetAction(result =>
            {
                Edge.Asr.Ops.IOpKernels? kernels = ChooseKernels(result.GetValue(benchKernels), stderr);
                if (kernels == null) return ExitCodes.Usage;
                SimulatedDevice? device;
                try
                {
                    device = SimulatedDevice.Open(result.GetValue(benchModel));
                }
                catch (Edge.Asr.Blob.BlobFormatException e)
                {
                    stderr.WriteLine("edge-asr: " + OneLine(e.Message));
                    return ExitCodes.BadInput;
                }
                if (device == null)
                {
                    stderr.WriteLine("edge-asr: no model: " + SimulatedDevice.DefaultModelPath + " not found (name one with --model)");
                    return ExitCodes.BadInput;
                }
                string? samples = BenchCommand.FindSamples(device.Path);
                if (samples == null)
                {
                    stderr.WriteLine("edge-asr: bench: the shipped samples/ folder was not found (run from the repository root)");
                    return ExitCodes.BadInput;
                }
                return new BenchCommand(stdout).Execute(device.Path, samples, result.GetValue(benchJson), result.GetValue(precise), kernels);
            });

            var features = FeaturesCommand.Build(stdout);

            var root = new RootCommand("edge-asr: the desktop simulator of Edge.Asr, on-device speech-command recognition.");
            root.Add(run);
            root.Add(bench);
            root.Add(features);
            root.Add(GoldenCommand.Build(stdout));
            root.Add(EvalCommandLine(stdout, stderr, stop));
            root.Add(BakeCommand.Build(stdout));
            root.Add(TrainCommand.Build(stdout, stop));
            root.Add(ThresholdsCommand.Build(stdout, stop));
            root.Add(FuzzBlobCommand.Build(stdout));
            return root;
        }

        private static Option<string> KernelsOption() => new Option<string>("--kernels")
        {
            Description = "native (the C twin in native/, default when its library loads) or managed (the C# reference); both give the same bits",
        };

        /// <summary>The kernels of --kernels; null after writing one line for a bad or unmet choice; a fallback is one line on stderr.</summary>
        private static Edge.Asr.Ops.IOpKernels? ChooseKernels(string? option, TextWriter stderr)
        {
            Edge.Asr.Ops.IOpKernels? kernels = Native.KernelChoice.Resolve(option, out string? notice, out string? error);
            if (error != null) stderr.WriteLine("edge-asr: " + error);
            if (notice != null) stderr.WriteLine(notice);
            return kernels;
        }

        private static Command EvalCommandLine(TextWriter stdout, TextWriter stderr, CancellationToken stop)
        {
            var input = new Argument<string[]>("input")
            {
                Description = "a folder with one sub-folder of WAV clips per label, or a CSV manifest (path,label or path,label,start,end); "
                    + "several are evaluated as one (clips and negative streams together give the DET curves)",
                Arity = ArgumentArity.OneOrMore,
            };
            var model = new Option<string>("--model") { Description = "the model blob (.easr); default " + Edge.Asr.Sim.Eval.RecogniserLoader.DefaultModelPath };
            var json = new Option<bool>("--json") { Description = "print the stable JSON of docs/simulator.md instead of tables" };
            var report = new Option<string>("--report") { Description = "also write a self-contained HTML report to this file" };
            var eval = new Command("eval", "Measure accuracy, per-class precision/recall, fixed vs float agreement, and false accepts per hour.");
            eval.Add(input);
            eval.Add(model);
            eval.Add(json);
            eval.Add(report);
            var threshold = new Option<double?>("--threshold") { Description = "one detection threshold for every command (0-1) instead of the blob's own, for the stream results" };
            eval.Add(threshold);
            var kernelsOption = KernelsOption();
            eval.Add(kernelsOption);
            eval.SetAction(result =>
            {
                Edge.Asr.Ops.IOpKernels? kernels = ChooseKernels(result.GetValue(kernelsOption), stderr);
                if (kernels == null) return ExitCodes.Usage;
                // The bar goes to the console's stderr, and only when that is a terminal: --json output stays clean.
                bool bar = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
                return new EvalCommand(stdout, stderr, bar, stop).Execute(result.GetValue(input)!, result.GetValue(model), result.GetValue(json), result.GetValue(report), kernels, result.GetValue(threshold));
            });
            return eval;
        }

        private static string OneLine(string s) => s.Replace('\r', ' ').Replace('\n', ' ');
    }
}
