using System.Collections.Generic;
using Edge.Asr.Detector;
using Edge.Asr.Sim.Eval;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    public sealed class StreamScoringTests
    {
        private static readonly string[] Labels = { "_silence_", "go" };

        // 20 frames of silence, then "go": the default detector (5-frame mean ≥ 0.8) fires at frame 24.
        private static short[][] Posteriors()
        {
            var rows = new short[40][];
            for (int e = 0; e < rows.Length; e++) rows[e] = e < 20 ? new short[] { 29491, 3277 } : new short[] { 3277, 29491 };
            return rows;
        }

        [Fact]
        public void Encoder_frame_time_is_the_end_of_its_last_window()
        {
            Assert.Equal(0.025, StreamScoring.EncoderFrameEndSeconds(0), 12);
            Assert.Equal(0.985, StreamScoring.EncoderFrameEndSeconds(24), 12);
        }

        [Theory]
        [InlineData(0.20, 0.49, true)]   // 0.985 ≤ 0.49 + 0.5
        [InlineData(0.20, 0.48, false)]  // 0.985 > 0.48 + 0.5: too late
        [InlineData(0.99, 1.50, false)]  // before the start
        [InlineData(0.98, 1.50, true)]
        public void A_detection_matches_within_start_to_end_plus_tolerance(double start, double end, bool matched)
        {
            var keywords = new List<KeywordSpan> { new KeywordSpan("go", start, end, "t") };
            List<StreamDetection> events = StreamScoring.Detect(Posteriors(), Labels, new DetectorSettings(2), keywords, out int found);
            Assert.Single(events);
            Assert.Equal(24, events[0].EncoderFrame);
            Assert.Equal(matched, events[0].Matched);
            Assert.Equal(matched ? 1 : 0, found);
        }

        [Fact]
        public void A_detection_of_another_label_is_a_false_accept()
        {
            var keywords = new List<KeywordSpan> { new KeywordSpan("_silence_", 0, 2, "t") };
            List<StreamDetection> events = StreamScoring.Detect(Posteriors(), Labels, new DetectorSettings(2), keywords, out int found);
            Assert.False(events[0].Matched);
            Assert.Equal(0, found);
        }
    }
}
