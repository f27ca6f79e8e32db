using System;
using System.Collections.Generic;
using System.Threading;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Chooses a baked model's thresholds from a negative stream manifest and a val clip manifest
    /// (<see cref="ThresholdSweep"/>) and writes them into its training export
    /// (<see cref="ThresholdFile"/>): the step `edge-asr train` runs, and `edge-asr thresholds` alone.
    /// The caller bakes the export again to put them into the blob.
    /// </summary>
    public static class ThresholdStep
    {
        public static ThresholdSweep.Result Run(string blobPath, string exportFolder, string negativeStreams, string valManifest,
            ThresholdSweep.Options options, CancellationToken stop = default)
        {
            Func<IRecogniser> recognisers = RecogniserLoader.Load(blobPath);
            string[] labels = recognisers().Labels;
            ThresholdSweep.Result r = ThresholdSweep.Run(recognisers, StreamPaths(negativeStreams), Positives(valManifest, labels), options, stop);
            ThresholdFile.WriteIntoExport(exportFolder, r);
            return r;
        }

        private static List<string> StreamPaths(string manifest)
        {
            EvalManifest m = EvalManifest.Load(manifest);
            if (m.Streams.Count == 0) throw new EvalInputException(manifest + ": no streams (need a path,label,start,end manifest of command-free streams)");
            var paths = new List<string>();
            foreach (LabelledStream s in m.Streams)
            {
                if (s.Keywords.Count > 0) throw new EvalInputException(manifest + ": " + s.Path + " holds keywords; threshold tuning needs command-free streams");
                paths.Add(s.Path);
            }
            return paths;
        }

        /// <summary>The manifest's command clips, each followed by one of its filler clips (in order, cycling).</summary>
        private static List<ThresholdSweep.Positive> Positives(string manifest, string[] labels)
        {
            EvalManifest val = EvalManifest.Load(manifest);
            val.ValidateLabels(labels);
            var fillers = new List<string>();
            foreach (LabelledClip c in val.Clips) if (LabelFolders.IsFiller(c.Label)) fillers.Add(c.Path);
            if (fillers.Count == 0) throw new EvalInputException(manifest + ": no _silence_ or _unknown_ clips to play after the commands");
            var positives = new List<ThresholdSweep.Positive>();
            foreach (LabelledClip c in val.Clips)
            {
                if (LabelFolders.IsFiller(c.Label)) continue;
                positives.Add(new ThresholdSweep.Positive(c.Path, Array.IndexOf(labels, c.Label), fillers[positives.Count % fillers.Count]));
            }
            return positives;
        }
    }
}
