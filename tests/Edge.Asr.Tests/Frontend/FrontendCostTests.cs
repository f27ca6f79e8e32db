using Edge.Asr.Frontend;
using Xunit;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>
    /// FrontendCost against a hand derivation from the loop bodies of LogMelFrontend,
    /// BlockFloatRealFft and MelLogCompressor (400-sample window, 8 radix-2 stages of 128
    /// butterflies, 243 split bins 1..243, 468 mel taps, 40 channels).
    /// </summary>
    public class FrontendCostTests
    {
        [Fact]
        public void TripCountsMatchTheTables()
        {
            Assert.Equal(1, MelLogCompressor.FirstBin);
            Assert.Equal(243, MelLogCompressor.LastBin);
            Assert.Equal(243, FrontendCost.SplitBins);
            int taps = 0;
            for (int m = 0; m < 40; m++)
            {
                Assert.Equal(taps, FrontendTables.MelOffset[m]);
                taps += FrontendTables.MelLength[m];
            }
            Assert.Equal(468, taps);
            Assert.Equal(468, FrontendCost.MelTaps);
        }

        [Fact]
        public void OperationCountsPerFrameAreExact()
        {
            // window 400 + butterflies 1024·4 + split 243·6 + mel taps 468 + log interpolation 40
            Assert.Equal(400 + 4096 + 1458 + 468 + 40, FrontendCost.MultipliesPerFrame);
            Assert.Equal(6462, FrontendCost.MultipliesPerFrame);
            // normalise 3 + 200·2 + 1; butterflies 1024·12; 9 shift decisions ·2 + exponent 8 + 2;
            // split 243·15; mel 2 + 40·3 + 468·2; log 40·7
            Assert.Equal(404 + 12288 + 28 + 3645 + 1058 + 280, FrontendCost.AddsPerFrame);
            Assert.Equal(17703, FrontendCost.AddsPerFrame);
            // normalise 400 + 2 + 200·4; stages 8·2 + 1024·10; split 2 + 243·8; mel 1 + 40·2 + 468; log 40·6
            Assert.Equal(1202 + 10256 + 1946 + 549 + 240, FrontendCost.ShiftsPerFrame);
            Assert.Equal(14193, FrontendCost.ShiftsPerFrame);
            // magnitude OR 400·2; butterflies 1024·8; split 243·4; mel OR 468; log masks 40·2
            Assert.Equal(10512, FrontendCost.BitwisePerFrame);
            // Hann 400, bit reversal 256, twiddles 255·2, split twiddles 243·2, mel 40·3 + 468, log table 40·2
            Assert.Equal(400 + 256 + 510 + 486 + 588 + 80, FrontendCost.TableLookupsPerFrame);
            Assert.Equal(2320, FrontendCost.TableLookupsPerFrame);
            // input normalisation 1, 9 scaling decisions, 40 channel shifts, 40 logs
            Assert.Equal(90, FrontendCost.LeadingZeroCountsPerFrame);
        }
    }
}
