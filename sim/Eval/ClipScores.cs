using System.Collections.Generic;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Clip accuracy, per-class precision and recall and the confusion matrix [true][predicted] of
    /// one way of deciding clips, over its own label list (model labels for the last-frame
    /// classification; "(no command)" and the commands for the detector's decision).
    /// </summary>
    public sealed class ClipScores
    {
        /// <summary>Scores of (true, decided) class pairs, both indices into <paramref name="labels"/>.</summary>
        public ClipScores(string[] labels, IReadOnlyList<(int True, int Decided)> decisions)
        {
            Labels = labels;
            int n = labels.Length;
            Confusion = new int[n][];
            for (int i = 0; i < n; i++) Confusion[i] = new int[n];
            int correct = 0;
            foreach ((int t, int d) in decisions)
            {
                Confusion[t][d]++;
                if (t == d) correct++;
            }
            Accuracy = decisions.Count == 0 ? null : correct / (double)decisions.Count;
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
        }

        /// <summary>The labels of every matrix row, column and per-class entry, in order.</summary>
        public string[] Labels { get; }

        /// <summary>Correct decisions ÷ clips; null without clips.</summary>
        public double? Accuracy { get; }

        public ClassScore[] PerClass { get; }

        /// <summary>Clip counts [true class][decided class].</summary>
        public int[][] Confusion { get; }
    }
}
