using Edge.Asr.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>
    /// FrontendCost against a hand derivation from the loop bodies of BlockFloatRealFft and
    /// MelLogCompressor (400-sample window packed into 256 complex points, 4 radix-4 passes of 64
    /// butterflies of which 85 have W = 1, a split of 128 bin pairs, 468 mel taps, 40 channels).
    /// </summary>
    public class FrontendCostTests
    {
        [Fact]
        public void TripCountsMatchTheTables()
        {
            Assert.Equal(1, MelLogCompressor.FirstBin);
            Assert.Equal(243, MelLogCompressor.LastBin);
            int taps = 0;
            for (int m = 0; m < 40; m++)
            {
                Assert.Equal(taps, FrontendTables.MelOffset[m]);
                taps += FrontendTables.MelLength[m];
            }
            Assert.Equal(468, taps);
            Assert.Equal(468, FrontendCost.MelTaps);
            // Butterflies with j = 0 per pass: 256 / (4q) for q = 1, 4, 16, 64.
            Assert.Equal(64 + 16 + 4 + 1, FrontendCost.TrivialButterflies);
            Assert.Equal(256 - 85, FrontendCost.TwiddledButterflies);
        }

        [Fact]
        public void OperationCountsPerFrameAreExact()
        {
            // window mulh 400; 171 butterflies · 3 products · 4 mulh; split 128 · 4; taps 468 · 3 (r², i², weight); log 40
            Assert.Equal(400 + 2052 + 512 + 1404 + 40, FrontendCost.MultipliesPerFrame);
            Assert.Equal(4408, FrontendCost.MultipliesPerFrame);
            // window 2 + 400 + 1; passes 4 · 4; butterflies 171 · (12 + 24) + 85 · 24; split 2 + 128 · 17;
            // mel 40 · 4 + 468 · 4; log 40 · 7
            Assert.Equal(403 + 16 + 8196 + 2178 + 2032 + 280, FrontendCost.AddsPerFrame);
            Assert.Equal(13105, FrontendCost.AddsPerFrame);
            // window 400 + 200 · 6 + 256 · 2; passes 4 · 2; butterflies 171 · (30 + 16) + 85 · 16; split 128 · 6;
            // mel 40 · 3 + 468 · 6; log 40 · 6
            Assert.Equal(2112 + 8 + 9226 + 768 + 2928 + 240, FrontendCost.ShiftsPerFrame);
            Assert.Equal(15282, FrontendCost.ShiftsPerFrame);
            // input OR 400 · 2, block OR 256 · 4; butterflies 256 · 16; mel OR 468 · 4; log masks 40 · 2
            Assert.Equal(800 + 1024 + 4096 + 1872 + 80, FrontendCost.BitwisePerFrame);
            Assert.Equal(7872, FrontendCost.BitwisePerFrame);
            // Hann 400, bit reversal 256, twiddles 85 · 6, split 128 · 2, mel 40 · 3 + 468, log table 40 · 2
            Assert.Equal(400 + 256 + 510 + 256 + 588 + 80, FrontendCost.TableLookupsPerFrame);
            Assert.Equal(2090, FrontendCost.TableLookupsPerFrame);
            // input 1, before and after each pass 4 · 2, split 1, 40 channel shifts, 40 logs
            Assert.Equal(90, FrontendCost.LeadingZeroCountsPerFrame);
        }
    }
}
