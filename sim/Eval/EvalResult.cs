using System.Collections.Generic;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The metrics of one evaluation (docs/simulator.md): clip scores as the device decides
    /// (detector) and by the last frame, fixed-point vs float top-1 agreement, and for streams
    /// keyword recall and false accepts per hour.
    /// </summary>
    public sealed class EvalResult
    {
        private const double SecondsPerHour = 3600.0;

        /// <summary>The detector-level label of clips on which no command fired (and of every filler clip's truth).</summary>
        public const string NoCommandLabel = "(no command)";

        public EvalResult(string[] labels, IReadOnlyList<ClipOutcome> clips, IReadOnlyList<StreamOutcome> streams,
            IReadOnlyList<DetCurve>? det = null)
        {
            Det = det ?? new List<DetCurve>();
            Labels = labels;
            ClipOutcomes = clips;
            StreamOutcomes = streams;
            // The detector's labels: "(no command)" for the fillers and silence, then the commands in model order.
            var detectorLabels = new List<string> { NoCommandLabel };
            var detectorIndex = new int[labels.Length];
            for (int c = 0; c < labels.Length; c++)
            {
                if (LabelFolders.IsFiller(labels[c])) continue;
                detectorIndex[c] = detectorLabels.Count;
                detectorLabels.Add(labels[c]);
            }
            var byDetector = new List<(int, int)>();
            var byLastFrame = new List<(int, int)>();
            int agree = 0, compared = 0;
            foreach (ClipOutcome c in clips)
            {
                int decided = c.Detector.ClassIndex;
                byDetector.Add((detectorIndex[c.TrueClass], decided == ClipDecision.NoCommand ? 0 : detectorIndex[decided]));
                byLastFrame.Add((c.TrueClass, c.Fixed.ClassIndex));
                if (c.Float.HasValue)
                {
                    compared++;
                    if (c.Float.Value.ClassIndex == c.Fixed.ClassIndex) agree++;
                }
                if (c.EndsEarly) ClipsEndingEarly++;
                ClipSeconds += c.Seconds;
            }
            Detector = new ClipScores(detectorLabels.ToArray(), byDetector);
            LastFrame = new ClipScores(labels, byLastFrame);
            AgreementFixedFloat = compared == 0 || compared != clips.Count ? null : agree / (double)compared;
            foreach (StreamOutcome s in streams)
            {
                StreamSeconds += s.Seconds;
                Keywords += s.Keywords;
                KeywordsFound += s.KeywordsFound;
                FalseAccepts += s.FalseAccepts;
            }
            KeywordRecall = Keywords == 0 ? null : KeywordsFound / (double)Keywords;
            FalseAcceptsPerHour = StreamSeconds > 0 ? FalseAccepts / (StreamSeconds / SecondsPerHour) : null;
            if (StreamSeconds > 0)
            {
                (double low, double high) = PoissonInterval.Of95(FalseAccepts);
                FalseAcceptsPerHour95 = (low / StreamHours, high / StreamHours);
            }
        }

        /// <summary>Below an hour of stream audio a false-accept rate is an extrapolation from minutes, and says so.</summary>
        public const double RateFromMinutesBelowHours = 1.0;

        /// <summary>Hours of stream audio behind <see cref="FalseAcceptsPerHour"/>.</summary>
        public double StreamHours => StreamSeconds / SecondsPerHour;

        /// <summary>The exact Poisson 95 % interval of the false-accept rate; null without stream audio.</summary>
        public (double Low, double High)? FalseAcceptsPerHour95 { get; }

        /// <summary>True when the rate rests on less than an hour of audio.</summary>
        public bool RateFromMinutes => StreamSeconds > 0 && StreamHours < RateFromMinutesBelowHours;

        /// <summary>Per command: miss rate against false accepts per hour over a threshold grid (empty when not computed).</summary>
        public IReadOnlyList<DetCurve> Det { get; }

        /// <summary>Every false accept of every stream, in stream then time order.</summary>
        public IEnumerable<(StreamOutcome Stream, StreamDetection Event)> FalseAcceptList
        {
            get
            {
                foreach (StreamOutcome s in StreamOutcomes)
                    foreach (StreamDetection d in s.Detections)
                        if (!d.Matched) yield return (s, d);
            }
        }

        /// <summary>Every missed keyword of every stream, in stream then start order.</summary>
        public IEnumerable<(StreamOutcome Stream, StreamMiss Miss)> MissList
        {
            get
            {
                foreach (StreamOutcome s in StreamOutcomes)
                    foreach (StreamMiss m in s.Misses) yield return (s, m);
            }
        }

        /// <summary>The headline: clips decided as the device would (the detector's first event; none = no command).</summary>
        public ClipScores Detector { get; }

        /// <summary>The secondary figure: the top class of each clip's last encoder frame, in model label order.</summary>
        public ClipScores LastFrame { get; }

        /// <summary>Detector-level accuracy (the headline); null without clips.</summary>
        public double? Accuracy => Detector.Accuracy;

        /// <summary>Clips whose sound ends more than <see cref="SpeechEnd.LongSeconds"/> before their end.</summary>
        public int ClipsEndingEarly { get; }

        /// <summary>Model labels; every matrix and per-class list is in this order.</summary>
        public string[] Labels { get; }

        public IReadOnlyList<ClipOutcome> ClipOutcomes { get; }
        public IReadOnlyList<StreamOutcome> StreamOutcomes { get; }

        /// <summary>Clips where the fixed-point and float last-frame classes are the same ÷ clips; null without clips or float reference.</summary>
        public double? AgreementFixedFloat { get; }

        public int Clips => ClipOutcomes.Count;
        public int Streams => StreamOutcomes.Count;
        public double ClipSeconds { get; }
        public double StreamSeconds { get; }

        /// <summary>All audio evaluated: clips and streams.</summary>
        public double AudioSeconds => ClipSeconds + StreamSeconds;

        /// <summary>Labelled keywords in all streams and how many the detector found.</summary>
        public int Keywords { get; }
        public int KeywordsFound { get; }

        /// <summary>KeywordsFound ÷ Keywords; null without labelled keywords.</summary>
        public double? KeywordRecall { get; }

        /// <summary>Detector events that matched no keyword.</summary>
        public int FalseAccepts { get; }

        /// <summary>FalseAccepts ÷ stream hours (all stream audio, keyword time included); null without stream audio.</summary>
        public double? FalseAcceptsPerHour { get; }
    }
}
