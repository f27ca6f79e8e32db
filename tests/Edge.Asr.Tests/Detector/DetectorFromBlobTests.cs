using System;
using Edge.Asr.Blob;
using Edge.Asr.Detector;
using Xunit;

namespace Edge.Asr.Tests.Detector
{
    /// <summary>A blob's detector defaults become the settings the detector runs with.</summary>
    public class DetectorFromBlobTests
    {
        [Fact]
        public void GlobalThresholdAppliesToEveryClass()
        {
            DetectorSettings s = DetectorSettings.FromBlob(new DetectorDefaults(7, 20000, 1000, Array.Empty<int>()), 4);
            Assert.Equal(4, s.ClassCount);
            Assert.Equal(7, s.SmoothingFrames);
            Assert.Equal(25, s.RefractoryFrames); // 1000 ms / 40 ms
            for (int c = 0; c < 4; c++) Assert.Equal(20000, s.ThresholdQ15(c));
        }

        [Fact]
        public void PerClassThresholdsWin()
        {
            DetectorSettings s = DetectorSettings.FromBlob(new DetectorDefaults(5, 20000, 41, new[] { 100, 200, 300 }), 3);
            Assert.Equal(100, s.ThresholdQ15(0));
            Assert.Equal(300, s.ThresholdQ15(2));
            Assert.Equal(2, s.RefractoryFrames); // 41 ms rounds up to 2 frames
        }

        [Fact]
        public void EveryDetectorSectionTheBlobReaderAcceptsIsAcceptedByTheDetector()
        {
            // The reader's range edges are the detector's: both ends load and build settings.
            foreach (int smoothing in new[] { 1, DetectorSettings.MaxSmoothingFrames })
                foreach (int threshold in new[] { 1, 32767 })
                {
                    var d = new DetectorDefaults(smoothing, threshold, 60000, Array.Empty<int>());
                    d.Validate(12);
                    Assert.Equal(threshold, DetectorSettings.FromBlob(d, 12).ThresholdQ15(11));
                }
        }
    }
}
