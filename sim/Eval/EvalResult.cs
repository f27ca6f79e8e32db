using System.Collections.Generic;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// The metrics of one evaluation (docs/simulator.md): clip accuracy, per-class precision and
    /// recall, the confusion matrix [true][predicted] in model label order, fixed-point vs float
    /// top-1 agreement, and for streams keyword recall and false accepts per hour.
    /// </summary>
    public sealed class EvalResult
    {
        private const double SecondsPerHour = 3600.0;

        public EvalResult(string[] labels, IReadOnlyList<ClipOutcome> clips, IReadOnlyList<StreamOutcome> streams)
        {
            Labels = labels;
            ClipOutcomes = clips;
            StreamOutcomes = streams;
            int n = labels.Length;
            Confusion = new int[n][];
            for (int i = 0; i < n; i++) Confusion[i] = new int[n];
            int agree = 0, compared = 0, correct = 0;
            foreach (ClipOutcome c in clips)
            {
                Confusion[c.TrueClass][c.Fixed.ClassIndex]++;
                if (c.TrueClass == c.Fixed.ClassIndex) correct++;
                if (c.Float.HasValue)
                {
                    compared++;
                    if (c.Float.Value.ClassIndex == c.Fixed.ClassIndex) agree++;
                }
                ClipSeconds += c.Seconds;
            }
            Accuracy = clips.Count == 0 ? null : correct / (double)clips.Count;
            AgreementFixedFloat = compared == 0 || compared != clips.Count ? null : agree / (double)compared;
            PerClass = new ClassScore[n];
            for (int c = 0; c < n; c++)
            {
                int predicted = 0, support = 0;
                for (int t = 0; t < n; t++) predicted += Confusion[t][c];
                for (int p = 0; p < n; p++) support += Confusion[c][p];
                int tp = Confusion[c][c];
                PerClass[c] = new ClassScore(labels[c], predicted == 0 ? null : tp / (double)predicted,
                    support == 0 ? null : tp / (double)support, support);
            }
            foreach (StreamOutcome s in streams)
            {
                StreamSeconds += s.Seconds;
                Keywords += s.Keywords;
                KeywordsFound += s.KeywordsFound;
                FalseAccepts += s.FalseAccepts;
            }
            KeywordRecall = Keywords == 0 ? null : KeywordsFound / (double)Keywords;
            FalseAcceptsPerHour = StreamSeconds > 0 ? FalseAccepts / (StreamSeconds / SecondsPerHour) : null;
        }

        /// <summary>Model labels; every matrix and per-class list is in this order.</summary>
        public string[] Labels { get; }

        public IReadOnlyList<ClipOutcome> ClipOutcomes { get; }
        public IReadOnlyList<StreamOutcome> StreamOutcomes { get; }

        /// <summary>Correct fixed-point decisions ÷ clips; null without clips.</summary>
        public double? Accuracy { get; }

        public ClassScore[] PerClass { get; }

        /// <summary>Clip counts [true class][predicted class] of the fixed-point path.</summary>
        public int[][] Confusion { get; }

        /// <summary>Clips where the fixed-point and float top-1 classes are the same ÷ clips; null without clips or float reference.</summary>
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
