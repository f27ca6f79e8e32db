using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Edge.Asr.Sim.Eval;
using Edge.Asr.Sim.Report;
using Spectre.Console;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr eval &lt;dir|manifest.csv&gt; [--model X] [--json] [--report out.html]</c>: reads the
    /// manifest, loads the model, evaluates on all cores and prints a table (or the stable JSON),
    /// optionally writing the HTML report. Bad input is one <see cref="EvalInputException"/> line.
    /// </summary>
    public sealed class EvalCommand
    {
        private readonly TextWriter _stdout;
        private readonly TextWriter _stderr;
        private readonly bool _progressBar;
        private readonly CancellationToken _stop;

        /// <param name="progressBar">draw a Spectre.Console progress bar on the console's stderr (only when it is a terminal).</param>
        public EvalCommand(TextWriter stdout, TextWriter stderr, bool progressBar, CancellationToken stop = default)
        {
            _stdout = stdout;
            _stderr = stderr;
            _progressBar = progressBar;
            _stop = stop;
        }

        /// <summary>Manifest first (its errors need no model), then the model, then the evaluation.</summary>
        public int Execute(string input, string? modelPath, bool json, string? reportPath) =>
            Execute(input, modelPath, json, reportPath, Edge.Asr.Ops.ManagedKernels.Instance);

        /// <summary>As the other overload, the engines running on <paramref name="kernels"/>, with one detection threshold for every command when <paramref name="threshold"/> is given.</summary>
        public int Execute(string input, string? modelPath, bool json, string? reportPath, Edge.Asr.Ops.IOpKernels kernels, double? threshold = null) =>
            Execute(new[] { input }, modelPath, json, reportPath, kernels, threshold);

        /// <summary>As the other overload, over several inputs evaluated as one (their clips and streams in order).</summary>
        public int Execute(string[] inputs, string? modelPath, bool json, string? reportPath, Edge.Asr.Ops.IOpKernels kernels, double? threshold = null)
        {
            if (threshold != null && RunOptions.ThresholdError(threshold.Value) is string error) throw new EvalInputException(error);
            // A report that cannot be written is refused now, not after the evaluation (a missing folder is made).
            if (reportPath != null && OutputPath.Problem(reportPath) is string unwritable) throw new EvalInputException(unwritable);
            EvalManifest manifest = EvalManifest.Load(inputs[0]);
            for (int i = 1; i < inputs.Length; i++) manifest = EvalManifest.Combine(manifest, EvalManifest.Load(inputs[i]));
            Func<IRecogniser> recognisers = RecogniserLoader.Load(modelPath, kernels);
            if (threshold != null)
            {
                Func<IRecogniser> blob = recognisers;
                int q15 = RunOptions.ToQ15(threshold.Value);
                recognisers = () => new ThresholdOverride(blob(), q15);
            }
            return Execute(manifest, recognisers, json, reportPath, modelName: modelPath ?? RecogniserLoader.DefaultModelPath);
        }

        /// <summary>Evaluates <paramref name="manifest"/> with recognisers from <paramref name="createRecogniser"/>.</summary>
        public int Execute(EvalManifest manifest, Func<IRecogniser> createRecogniser, bool json, string? reportPath, int workers = 0, string? modelName = null)
        {
            var engine = new EvalEngine(createRecogniser, workers);
            EvalResult result;
            try
            {
                result = _progressBar ? RunWithProgressBar(engine, manifest) : engine.Run(manifest, null, _stop);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Ctrl+C: metrics of a part of the set would mislead, so none are printed.
                throw new EvalInputException("eval interrupted before the end: no results");
            }
            if (json) _stdout.WriteLine(EvalJson.Serialize(result));
            else EvalText.Write(_stdout, result);
            if (reportPath != null)
            {
                string html = EvalHtmlReport.Build(result, "edge-asr eval: " + manifest.Name + (modelName != null ? ", model " + modelName : ""));
                try
                {
                    File.WriteAllText(reportPath, html);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw new EvalInputException(reportPath + ": cannot write the report: " + e.Message);
                }
            }
            return ExitCodes.Success;
        }

        private EvalResult RunWithProgressBar(EvalEngine engine, EvalManifest manifest)
        {
            var progress = new EvalProgress();
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            EvalResult? result = null;
            console.Progress().AutoClear(true).Start(ctx =>
            {
                ProgressTask bar = ctx.AddTask("eval", maxValue: manifest.Clips.Count + manifest.Streams.Count);
                Task<EvalResult> work = Task.Run(() => engine.Run(manifest, progress, _stop));
                while (!work.Wait(100)) bar.Value = progress.Done;
                bar.Value = progress.Done;
                result = work.GetAwaiter().GetResult();
            });
            return result!;
        }
    }
}
