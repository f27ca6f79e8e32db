namespace Edge.Asr.Sim.Eval
{
    /// <summary>One class's clip scores: precision = TP ÷ clips predicted as it, recall = TP ÷ its clips (support); null when the divisor is 0.</summary>
    public sealed class ClassScore
    {
        public ClassScore(string label, double? precision, double? recall, int support)
        {
            Label = label;
            Precision = precision;
            Recall = recall;
            Support = support;
        }

        public string Label { get; }
        public double? Precision { get; }
        public double? Recall { get; }
        public int Support { get; }
    }
}
