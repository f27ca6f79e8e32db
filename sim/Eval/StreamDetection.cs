namespace Edge.Asr.Sim.Eval
{
    /// <summary>A command event the detector fired in a stream, and whether it matched a labelled keyword.</summary>
    public sealed class StreamDetection
    {
        public StreamDetection(int classIndex, string label, double confidence, long encoderFrame, bool matched)
        {
            ClassIndex = classIndex;
            Label = label;
            Confidence = confidence;
            EncoderFrame = encoderFrame;
            Matched = matched;
        }

        public int ClassIndex { get; }
        public string Label { get; }

        /// <summary>Smoothed posterior of the class when the event fired, 0..1.</summary>
        public double Confidence { get; }

        /// <summary>0-based encoder frame of the event.</summary>
        public long EncoderFrame { get; }

        /// <summary>Seconds from the start of the stream to the end of the audio the event's frame saw.</summary>
        public double TimeSeconds => StreamScoring.EncoderFrameEndSeconds(EncoderFrame);

        /// <summary>True when it matched a labelled keyword; false: a false accept.</summary>
        public bool Matched { get; }
    }
}
