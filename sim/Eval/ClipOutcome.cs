namespace Edge.Asr.Sim.Eval
{
    /// <summary>What the engine decided for one labelled clip.</summary>
    public sealed class ClipOutcome
    {
        public ClipOutcome(string path, int trueClass, ClipDecision detector, ClipDecision fixedDecision, ClipDecision? floatDecision,
            double seconds, bool endsEarly, short[][]? posteriorsQ15 = null)
        {
            PosteriorsQ15 = posteriorsQ15;
            Path = path;
            TrueClass = trueClass;
            Detector = detector;
            Fixed = fixedDecision;
            Float = floatDecision;
            Seconds = seconds;
            EndsEarly = endsEarly;
        }

        public string Path { get; }
        public int TrueClass { get; }

        /// <summary>What the device would say: the detector's first event on the fixed-point posteriors (none: <see cref="ClipDecision.NoCommand"/>).</summary>
        public ClipDecision Detector { get; }

        /// <summary>The fixed-point last-frame classification.</summary>
        public ClipDecision Fixed { get; }

        /// <summary>The float reference's last-frame classification; null without a float reference.</summary>
        public ClipDecision? Float { get; }

        public double Seconds { get; }

        /// <summary>The fixed-point posteriors per encoder frame, the silence after the clip included (for the DET curve's replays of the detector); null when not kept.</summary>
        public short[][]? PosteriorsQ15 { get; }

        /// <summary>The clip's sound ends long before the clip does (<see cref="SpeechEnd"/>).</summary>
        public bool EndsEarly { get; }
    }
}
