using System.CommandLine;
using System.IO;
using System.Threading;
using Edge.Asr.Sim.Eval;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// <c>edge-asr thresholds MODEL.easr --negatives streams.csv --val manifest.csv --calib val.npy</c>:
    /// chooses the model's per-command thresholds again (another target rate, more negative audio)
    /// without training: the sweep of `edge-asr train`'s step 5, written into the export beside the
    /// blob (MODEL/config.json, MODEL/thresholds.json), then the blob is baked again with them.
    /// </summary>
    public static class ThresholdsCommand
    {
        /// <summary>--keep-recall, shared with `train` (which runs the same sweep).</summary>
        public static Option<double> KeepRecallOption() => new Option<double>("--keep-recall")
        {
            Description = "share (0-1) of each command's val recall at the 0.50 floor that its threshold must keep: lower lets the target rate win over recall",
            DefaultValueFactory = _ => ThresholdSweep.DefaultKeepRecall,
        };

        public static Command Build(TextWriter stdout, CancellationToken stop)
        {
            var model = new Argument<string>("model") { Description = "the model blob (.easr); its training export must sit beside it (MODEL/ with config.json)" };
            var negatives = new Option<string>("--negatives") { Description = "stream manifest of command-free audio (path,label,start,end with empty labels), e.g. WORK/data/negatives/tune/streams.csv", Required = true };
            var val = new Option<string>("--val") { Description = "clip manifest with the commands and fillers (path,label), e.g. WORK/data/val/manifest.csv", Required = true };
            var calib = new Option<string>("--calib") { Description = "calibration for the re-bake (as edge-asr bake --calib), e.g. WORK/val.npy", Required = true };
            var target = new Option<double>("--target-fa-per-hour") { Description = "false accepts per hour the commands together may have on the negatives", DefaultValueFactory = _ => 0.5 };
            var keep = KeepRecallOption();
            var command = new Command("thresholds", "Choose a model's per-command thresholds from negative streams and val clips, and bake them into its blob.");
            foreach (Symbol s in new Symbol[] { model, negatives, val, calib, target, keep })
            {
                if (s is Argument a) command.Add(a);
                else command.Add((Option)s);
            }
            command.SetAction(result =>
            {
                string blob = result.GetValue(model)!;
                double fa = result.GetValue(target);
                if (!(fa > 0)) throw new EvalInputException("--target-fa-per-hour must be above 0");
                double keepRecall = result.GetValue(keep);
                ThresholdSweep.CheckKeepRecall(keepRecall);
                string export = RecogniserLoader.ReferenceFolder(blob);
                if (!File.Exists(Path.Combine(export, "config.json")))
                    throw new EvalInputException(blob + ": no training export beside it (" + export + "/config.json)");
                BakeCommand.CheckWritable(blob);
                ThresholdSweep.Result r = ThresholdStep.Run(blob, export, result.GetValue(negatives)!, result.GetValue(val)!,
                    new ThresholdSweep.Options { TargetFaPerHour = fa, KeepRecall = keepRecall }, stop);
                foreach (string line in ThresholdFile.Lines(r)) stdout.WriteLine(line);
                new BakeCommand(stdout).Execute(export, result.GetValue(calib)!, blob, false, true);
                stdout.WriteLine("thresholds: " + Path.Combine(export, ThresholdFile.FileName) + "; blob baked again: " + blob);
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
