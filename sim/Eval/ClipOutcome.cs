namespace Edge.Asr.Sim.Eval
{
    /// <summary>What the engine decided for one labelled clip.</summary>
    public sealed class ClipOutcome
    {
        public ClipOutcome(string path, int trueClass, ClipDecision fixedDecision, ClipDecision? floatDecision, double seconds)
        {
            Path = path;
            TrueClass = trueClass;
            Fixed = fixedDecision;
            Float = floatDecision;
            Seconds = seconds;
        }

        public string Path { get; }
        public int TrueClass { get; }

        /// <summary>The fixed-point decision (what the device would say).</summary>
        public ClipDecision Fixed { get; }

        /// <summary>The float reference's decision; null without a float reference.</summary>
        public ClipDecision? Float { get; }

        public double Seconds { get; }
    }
}
