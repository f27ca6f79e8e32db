using System;
using System.Collections.Generic;
using Edge.Asr.Detector;
using Edge.Asr.Tests.Ops;
using Xunit;
using static Edge.Asr.Tests.Detector.PosteriorScript;

namespace Edge.Asr.Tests.Detector
{
    public class CommandDetectorTests
    {
        private static CommandDetector Detector(int window = 5, int threshold = 26214, int refractory = 25, int minRun = 1) =>
            new CommandDetector(IsCommand, Settings(window, threshold, refractory, minRun));

        [Fact]
        public void CleanPulseFiresOnceAtTheFrameTheMeanCrossesTheThreshold()
        {
            // Means of "yes" from frame 20: 6400, 12800, 19200, 25600, 32000 → first ≥ 26214 at frame 24.
            short[][] frames = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(20).Frames;
            var events = Run(Detector(), frames);
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000) }, events);
        }

        [Fact]
        public void PulseShorterThanTheMinimumRunDoesNotFireAndALongerOneDoes()
        {
            // 5-frame pulse: mean ≥ threshold in frame 24 only (frame 25: 4·32000/5 = 25600).
            Assert.Empty(Run(Detector(minRun: 3), new PosteriorScript().Silent(20).Hold(Yes, 32000, 5).Silent(20).Frames));
            // 7-frame pulse: frames 24, 25, 26 above → fires at the third.
            Assert.Equal(new List<(long, int, int)> { (26, Yes, 32000) },
                Run(Detector(minRun: 3), new PosteriorScript().Silent(20).Hold(Yes, 32000, 7).Silent(20).Frames));
        }

        [Fact]
        public void SecondPulseInsideTheRefractoryPeriodIsSuppressed()
        {
            // First event at 24; the second pulse is above threshold in frames 44..49, all ≤ 24 + 25.
            short[][] frames = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(10).Hold(Yes, 32000, 10).Silent(20).Frames;
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000) }, Run(Detector(), frames));
        }

        [Fact]
        public void SecondPulseBeyondTheRefractoryPeriodFiresAgain()
        {
            short[][] frames = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(30).Hold(Yes, 32000, 10).Silent(20).Frames;
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000), (64, Yes, 32000) }, Run(Detector(), frames));
        }

        [Fact]
        public void RefractoryEndsAfterExactlyRFrames()
        {
            // Second pulse above threshold from frame 50 = 24 + 25 + 1: fires there.
            short[][] atEnd = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(16).Hold(No, 32000, 10).Silent(20).Frames;
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000), (50, No, 32000) }, Run(Detector(), atEnd));
            // One frame earlier (above threshold from 49): held back in 49, fires in 50 because its run is still going.
            short[][] early = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(15).Hold(No, 32000, 10).Silent(20).Frames;
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000), (50, No, 32000) }, Run(Detector(), early));
            // Ending in 49: never fires.
            short[][] inside = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(15).Hold(No, 32000, 5).Silent(20).Frames;
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000) }, Run(Detector(), inside));
        }

        [Fact]
        public void HeldCommandFiresOnceEvenWithoutRefractoryAndAgainAfterItsMeanDips()
        {
            Assert.Single(Run(Detector(refractory: 0), new PosteriorScript().Silent(5).Hold(Yes, 32000, 200).Frames));
            // A dip to 20000 for 10 frames pulls the mean under the threshold: the run ends, the return fires again.
            short[][] dip = new PosteriorScript().Silent(5).Hold(Yes, 32000, 20).Hold(Yes, 20000, 10).Hold(Yes, 32000, 20).Frames;
            var events = Run(Detector(refractory: 0), dip);
            Assert.Equal(2, events.Count);
            Assert.Equal((9L, Yes, 32000), events[0]);
            // Means after the dip: 4·20000+32000 = 22400, 24800, 27200 ≥ 26214 at the third frame (35 + 2 = 37).
            Assert.Equal((37L, Yes, 27200), events[1]);
        }

        [Fact]
        public void FillersNeverFire()
        {
            short[][] frames = new PosteriorScript().Hold(Unknown, 32767, 50).Silent(50).Hold(Unknown, 32767, 50).Frames;
            Assert.Empty(Run(Detector(window: 1, threshold: 1, refractory: 0), frames));
            Assert.Empty(Run(CommandDetector.WithLeadingFillers(2, Settings(1, 1, 0, 1)), frames));
        }

        [Fact]
        public void CommandAboveItsThresholdDoesNotFireWhileAFillerIsTheTopClass()
        {
            var p = new short[Classes];
            p[Silence] = 20000;
            p[Yes] = 12767;
            var frames = new[] { p, p, p };
            Assert.Empty(Run(Detector(window: 1, threshold: 10000), frames));
        }

        [Fact]
        public void ExactlyAtThresholdFiresOneBelowDoesNot()
        {
            Assert.Equal(new List<(long, int, int)> { (0, Yes, 26214) },
                Run(Detector(window: 1), new PosteriorScript().Hold(Yes, 26214, 3).Frames));
            Assert.Empty(Run(Detector(window: 1), new PosteriorScript().Hold(Yes, 26213, 3).Frames));
        }

        [Fact]
        public void EachClassUsesItsOwnThreshold()
        {
            var settings = new DetectorSettings(1, new short[] { 32767, 32767, 30000, 20000 }, 0, 1);
            Assert.Empty(Run(new CommandDetector(IsCommand, settings), new PosteriorScript().Hold(Yes, 25000, 10).Frames));
            Assert.Equal(new List<(long, int, int)> { (0, No, 25000) },
                Run(new CommandDetector(IsCommand, settings), new PosteriorScript().Hold(No, 25000, 10).Frames));
        }

        [Fact]
        public void SmoothingEqualsTheRoundedMovingAverageExactly()
        {
            var rng = new Random(7);
            for (int window = 1; window <= 9; window++)
            {
                var detector = Detector(window: window);
                var reference = new FloatReferenceDetector(IsCommand, new[] { 26214, 26214, 26214, 26214 }, window, 25, 1);
                for (int frame = 0; frame < 300; frame++)
                {
                    short[] p = RandomPosteriors(rng);
                    detector.Process(p, 0);
                    reference.Process(p);
                    for (int c = 0; c < Classes; c++)
                    {
                        Assert.Equal((int)Math.Round(reference.LastMeans[c], MidpointRounding.AwayFromZero), detector.SmoothedQ15(c));
                    }
                }
            }
        }

        [Fact]
        public void EventsMatchTheFloatReferenceOnRandomBurstySequences()
        {
            var rng = new Random(11);
            int totalEvents = 0;
            for (int trial = 0; trial < 200; trial++)
            {
                int window = rng.Next(1, 9), refractory = rng.Next(0, 31), minRun = rng.Next(1, 5);
                var thresholds = new short[Classes];
                var thresholdInts = new int[Classes];
                for (int c = 0; c < Classes; c++) thresholdInts[c] = thresholds[c] = (short)rng.Next(12000, 32001);
                var detector = new CommandDetector(IsCommand, new DetectorSettings(window, thresholds, refractory, minRun));
                var reference = new FloatReferenceDetector(IsCommand, thresholdInts, window, refractory, minRun);
                var script = new PosteriorScript();
                for (int segment = 0; segment < 20; segment++) script.Hold(rng.Next(Classes), rng.Next(10000, 32768), rng.Next(1, 16));
                foreach (short[] p in script.Frames)
                {
                    bool fired = detector.Process(p, 0);
                    var expected = reference.Process(p);
                    Assert.Equal(expected.HasValue, fired);
                    if (fired)
                    {
                        totalEvents++;
                        Assert.Equal(expected!.Value.Class, detector.EventClass);
                        Assert.Equal(expected.Value.Confidence, detector.EventConfidenceQ15);
                    }
                }
            }
            Assert.True(totalEvents > 200, "the random sequences should produce events, got " + totalEvents);
        }

        [Fact]
        public void ReadsAtAnOffset()
        {
            var detector = Detector(window: 1);
            var buffer = new short[10];
            buffer[3 + Yes] = 30000;
            Assert.True(detector.Process(buffer, 3));
            Assert.Equal(Yes, detector.EventClass);
        }

        [Fact]
        public void ProcessingAllocatesNothing()
        {
            short[][] frames = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(30).Hold(No, 32000, 10).Frames;
            var detector = Detector(refractory: 3);
            int events = 0;
            long bytes = Alloc.Measure(() =>
            {
                detector.Reset();
                for (int i = 0; i < frames.Length; i++) if (detector.Process(frames[i], 0)) events++;
            });
            Assert.Equal(0, bytes);
            Assert.Equal(51 * 2, events);
        }

        [Fact]
        public void ResetForgetsHistoryAndEvents()
        {
            short[][] frames = new PosteriorScript().Silent(20).Hold(Yes, 32000, 10).Silent(30).Hold(No, 32000, 10).Frames;
            var detector = Detector();
            var first = Run(detector, frames);
            Assert.Equal(70, detector.FramesProcessed);
            detector.Reset();
            Assert.Equal(-1, detector.EventClass);
            Assert.Equal(-1, detector.EventFrame);
            Assert.Equal(0, detector.EventConfidenceQ15);
            Assert.Equal(0, detector.FramesProcessed);
            Assert.Equal(0, detector.SmoothedQ15(Yes));
            Assert.Equal(first, Run(detector, frames));
            Assert.Equal(new List<(long, int, int)> { (24, Yes, 32000), (64, No, 32000) }, first);
        }

        [Fact]
        public void RejectsBadFrames()
        {
            var detector = Detector();
            var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => detector.Process(new short[4], 1));
            Assert.Contains("need 4 posteriors from offset 1 in an array of 4", e1.Message);
            var bad = new short[4];
            bad[2] = -1;
            var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => detector.Process(bad, 0));
            Assert.Contains("posterior of class 2 is negative: -1", e2.Message);
            var e3 = Assert.Throws<ArgumentException>(() => new CommandDetector(new bool[3], Settings(5, 100, 0, 1)));
            Assert.Contains("isCommand has 3 classes but the settings have 4", e3.Message);
        }

        private static short[] RandomPosteriors(Random rng)
        {
            var p = new short[Classes];
            int left = 32767;
            for (int c = 0; c < Classes - 1; c++)
            {
                int v = rng.Next(left + 1);
                p[c] = (short)v;
                left -= v;
            }
            p[Classes - 1] = (short)left;
            return p;
        }
    }
}
