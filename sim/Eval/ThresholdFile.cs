using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Asr.Codegen.Bake;
using Edge.Asr.Codegen.Export;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Puts a threshold sweep where the bake and the user find it: the chosen per-class thresholds
    /// into the export's config.json ("detector".class_thresholds_q15, which bake writes into the
    /// blob), and the whole sweep (miss rate and false accepts per hour per threshold) into
    /// thresholds.json beside it.
    /// </summary>
    public static class ThresholdFile
    {
        public const string FileName = "thresholds.json";

        public static void WriteIntoExport(string exportFolder, ThresholdSweep.Result r)
        {
            string configPath = Path.Combine(exportFolder, TrainingExport.ConfigFile);
            JsonNode root = JsonNode.Parse(File.ReadAllText(configPath)) ?? throw new InvalidDataException(configPath + ": empty");
            var defaults = Baker.DefaultDetector();
            var thresholds = new JsonArray();
            foreach (int q in r.ClassThresholdsQ15) thresholds.Add(q);
            root["detector"] = new JsonObject
            {
                ["smoothing_frames"] = defaults.SmoothingFrames,
                ["threshold_q15"] = defaults.ThresholdQ15,
                ["refractory_ms"] = defaults.RefractoryMs,
                ["class_thresholds_q15"] = thresholds,
            };
            var options = new JsonSerializerOptions { WriteIndented = true };
            File.WriteAllText(configPath, root.ToJsonString(options) + "\n");
            File.WriteAllText(Path.Combine(exportFolder, FileName), Json(r).ToJsonString(options) + "\n");
        }

        /// <summary>The sweep as JSON: per command its curve (threshold, false accepts, per hour, recall, miss rate) and the choice.</summary>
        public static JsonObject Json(ThresholdSweep.Result r)
        {
            var commands = new JsonArray();
            foreach (ThresholdSweep.CommandCurve c in r.Commands)
            {
                var points = new JsonArray();
                foreach (ThresholdSweep.Point p in c.Points)
                {
                    points.Add(new JsonObject
                    {
                        ["threshold"] = p.Threshold,
                        ["false_accepts"] = p.FalseAccepts,
                        ["false_accepts_per_hour"] = System.Math.Round(p.FalseAcceptsPerHour, 4),
                        ["recall"] = System.Math.Round(p.Recall, 4),
                        ["miss_rate"] = System.Math.Round(1 - p.Recall, 4),
                    });
                }
                commands.Add(new JsonObject
                {
                    ["label"] = c.Label,
                    ["positives"] = c.Positives,
                    ["chosen_threshold"] = c.Chosen,
                    ["chosen_threshold_q15"] = c.ChosenQ15,
                    ["target_met"] = c.TargetMet,
                    ["curve"] = points,
                });
            }
            return new JsonObject
            {
                ["negative_hours"] = System.Math.Round(r.NegativeHours, 4),
                ["target_false_accepts_per_hour"] = r.TargetFaPerHour,
                ["floor"] = r.Floor,
                ["keep_recall"] = r.KeepRecall,
                ["false_accepts_at_choice"] = r.FalseAcceptsAtChoice,
                ["false_accepts_per_hour_at_choice"] = System.Math.Round(r.FalseAcceptsPerHourAtChoice, 4),
                ["recall_at_choice"] = System.Math.Round(r.RecallAtChoice, 4),
                ["commands"] = commands,
            };
        }

        /// <summary>A few lines for the console: each command's threshold, and what it gives on the tuning data.</summary>
        public static List<string> Lines(ThresholdSweep.Result r)
        {
            CultureInfo ci = CultureInfo.InvariantCulture;
            var lines = new List<string>
            {
                "tuning streams: " + (r.NegativeHours * 60).ToString("0.0", ci) + " min; target " + r.TargetFaPerHour.ToString("0.##", ci)
                    + " false accepts/hour for all commands together, thresholds not below " + r.Floor.ToString("0.00", ci)
                    + " keeping " + (r.KeepRecall * 100).ToString("0", ci) + " % of each command's val recall there",
            };
            foreach (ThresholdSweep.CommandCurve c in r.Commands)
            {
                ThresholdSweep.Point? at = null;
                foreach (ThresholdSweep.Point p in c.Points) if (System.Math.Abs(p.Threshold - c.Chosen) < 1e-9) at = p;
                lines.Add(c.Label + ": threshold " + c.Chosen.ToString("0.00", ci)
                    + (at == null ? "" : " (" + at.FalseAccepts.ToString(ci) + " false accepts alone, val recall " + (at.Recall * 100).ToString("0.0", ci) + " %)")
                    + (c.TargetMet ? "" : "; target missed: the fewest false accepts that keep " + (r.KeepRecall * 100).ToString("0", ci) + " % of its val recall (--keep-recall)"));
            }
            lines.Add("together: " + r.FalseAcceptsAtChoice.ToString(ci) + " false accepts (" + r.FalseAcceptsPerHourAtChoice.ToString("0.00", ci)
                + "/hour) on the tuning streams, val recall " + (r.RecallAtChoice * 100).ToString("0.0", ci) + " %");
            return lines;
        }
    }
}
