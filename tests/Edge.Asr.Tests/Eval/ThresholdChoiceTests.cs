using System.Collections.Generic;
using Edge.Asr.Sim.Eval;
using Xunit;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>
    /// How the threshold sweep picks one command's threshold from its curve: the lowest grid value at or above
    /// the floor within the false-accept share, among those that keep --keep-recall of the floor's val recall;
    /// else the fewest false accepts among those. The curve is cmd3-m's "athena" on its tuning hour.
    /// </summary>
    public sealed class ThresholdChoiceTests
    {
        private static readonly List<ThresholdSweep.Point> Athena = new List<ThresholdSweep.Point>
        {
            P(0.30, 19, 0.9267), P(0.50, 17, 0.92), P(0.60, 7, 0.9067), P(0.65, 4, 0.88), P(0.70, 4, 0.8867),
            P(0.80, 4, 0.8267), P(0.85, 4, 0.7933), P(0.90, 1, 0.76), P(0.91, 0, 0.74), P(0.95, 0, 0.5933), P(0.99, 0, 0.04),
        };

        private static ThresholdSweep.Point P(double t, int fa, double recall) => new ThresholdSweep.Point(t, fa, fa, recall);

        [Fact]
        public void KeepingNinetyPercentOfRecallMissesTheTargetAndTakesTheFewestFalseAccepts()
        {
            double t = ThresholdSweep.ChooseThreshold(Athena, 0.5, 0.9, 0.5 / 3, out bool met);
            Assert.False(met);
            Assert.Equal(0.65, t); // 0.85 and above keep less than 0.9 x 92 %; of the rest 0.65 is the lowest with 4
        }

        [Fact]
        public void KeepingLessLetsTheTargetWin()
        {
            double t = ThresholdSweep.ChooseThreshold(Athena, 0.5, 0.6, 0.5 / 3, out bool met);
            Assert.True(met);
            Assert.Equal(0.91, t); // the lowest with no false accept, and 74 % >= 0.6 x 92 %
            Assert.Equal(0.91, ThresholdSweep.ChooseThreshold(Athena, 0.5, 0.0, 0.5 / 3, out _));
        }

        [Fact]
        public void NothingBelowTheFloor()
        {
            double t = ThresholdSweep.ChooseThreshold(Athena, 0.5, 0.9, 100, out bool met);
            Assert.True(met);
            Assert.Equal(0.5, t); // 0.30 is within any share but under the floor
        }

        [Theory]
        [InlineData(-0.1)]
        [InlineData(1.01)]
        [InlineData(double.NaN)]
        public void AShareOutsideZeroToOneIsRefused(double keep)
        {
            Assert.Throws<EvalInputException>(() => ThresholdSweep.CheckKeepRecall(keep));
        }
    }
}
