using System.Collections.Generic;
using Edge.Asr.Detector;
using Edge.Asr.Frontend;

namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// Runs the command detector over a stream's posteriors and matches its events to the labelled
    /// keywords: an event of label L at time t matches the earliest not yet matched keyword L with
    /// start ≤ t ≤ end + <see cref="ToleranceSeconds"/>; every other event (wrong label, outside
    /// every interval, or a second event on a keyword already matched) is a false accept.
    /// </summary>
    public static class StreamScoring
    {
        /// <summary>How long after a keyword's end its detection may still come (smoothing and pooling lag).</summary>
        public const double ToleranceSeconds = 0.5;

        /// <summary>Log-mel frames per encoder frame (the subsampling's time stride).</summary>
        public const int MelFramesPerEncoderFrame = 4;

        /// <summary>
        /// Encoder frame e is completed by log-mel frame 4e (frames 0, 4, 8, …), whose 25 ms window
        /// ends at sample 4e·160 + 400: t = 0.04·e + 0.025 s.
        /// </summary>
        public static double EncoderFrameEndSeconds(long encoderFrame) =>
            (encoderFrame * MelFramesPerEncoderFrame * LogMelFrontend.HopLength + LogMelFrontend.WindowLength) / (double)LogMelFrontend.SampleRate;

        /// <summary>Events of a fresh detector over <paramref name="posteriorsQ15"/>, matched against <paramref name="keywords"/> (sorted by start).</summary>
        public static List<StreamDetection> Detect(short[][] posteriorsQ15, string[] labels, DetectorSettings settings,
            IReadOnlyList<KeywordSpan> keywords, out int keywordsFound) =>
            Detect(posteriorsQ15, labels, settings, keywords, out keywordsFound, out _);

        /// <summary>
        /// As the other overload, also listing the keywords no event matched, each with the highest
        /// smoothed posterior its label reached within its matching window (how close it came).
        /// </summary>
        public static List<StreamDetection> Detect(short[][] posteriorsQ15, string[] labels, DetectorSettings settings,
            IReadOnlyList<KeywordSpan> keywords, out int keywordsFound, out List<StreamMiss> misses)
        {
            var classOf = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (int c = 0; c < labels.Length; c++) classOf[labels[c]] = c;
            var peakQ15 = new int[keywords.Count];
            var isCommand = new bool[labels.Length];
            for (int c = 0; c < labels.Length; c++) isCommand[c] = !LabelFolders.IsFiller(labels[c]);
            var detector = new CommandDetector(isCommand, settings);
            var matched = new bool[keywords.Count];
            var events = new List<StreamDetection>();
            keywordsFound = 0;
            for (long e = 0; e < posteriorsQ15.Length; e++)
            {
                bool fired = detector.Process(posteriorsQ15[e], 0);
                double now = EncoderFrameEndSeconds(e);
                for (int k = 0; k < keywords.Count; k++)
                {
                    KeywordSpan span = keywords[k];
                    if (now < span.StartSeconds || now > span.EndSeconds + ToleranceSeconds) continue;
                    if (classOf.TryGetValue(span.Label, out int kc) && detector.SmoothedQ15(kc) > peakQ15[k]) peakQ15[k] = detector.SmoothedQ15(kc);
                }
                if (!fired) continue;
                int cls = detector.EventClass;
                double t = EncoderFrameEndSeconds(detector.EventFrame);
                bool hit = false;
                for (int k = 0; k < keywords.Count; k++)
                {
                    KeywordSpan span = keywords[k];
                    if (matched[k] || span.Label != labels[cls]) continue;
                    if (t >= span.StartSeconds && t <= span.EndSeconds + ToleranceSeconds)
                    {
                        matched[k] = true;
                        hit = true;
                        keywordsFound++;
                        break;
                    }
                }
                events.Add(new StreamDetection(cls, labels[cls], detector.EventConfidenceQ15 / 32768.0, detector.EventFrame, hit));
            }
            misses = new List<StreamMiss>();
            for (int k = 0; k < keywords.Count; k++)
            {
                if (!matched[k]) misses.Add(new StreamMiss(keywords[k], peakQ15[k] / 32768.0));
            }
            return events;
        }
    }
}
