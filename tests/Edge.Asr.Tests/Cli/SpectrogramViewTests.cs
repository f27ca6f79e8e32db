using System;
using Edge.Asr.Sim.Views;
using Xunit;

namespace Edge.Asr.Tests.Cli
{
    public sealed class SpectrogramViewTests
    {
        private static short[][] Frames(int count, Func<int, int, int> value)
        {
            var frames = new short[count][];
            for (int f = 0; f < count; f++)
            {
                frames[f] = new short[40];
                for (int b = 0; b < 40; b++) frames[f][b] = (short)value(f, b);
            }
            return frames;
        }

        [Fact]
        public void ToneBandLightsItsRowOnly()
        {
            // A steady tone in mel band 21 at log2 energy 20 (Q8 5120), silence elsewhere.
            short[][] frames = Frames(100, (f, b) => b == 21 ? 5120 : 0);
            var view = new SpectrogramView();
            int[][] levels = view.Levels(frames, 200);
            Assert.Equal(10, levels.Length);
            for (int r = 0; r < 10; r++)
            {
                Assert.Equal(100, levels[r].Length);
                // Bands 20-23 are picture row 5 from the bottom: row index 10 - 1 - 5 = 4 from the top.
                foreach (int level in levels[r]) Assert.Equal(r == 4 ? 4 : 0, level);
            }
            string[] lines = view.Render(frames, 200, colour: false);
            Assert.Equal("20-23 " + new string('\u2588', 100), lines[4]);
            Assert.Equal("36-39", lines[0]);
            Assert.DoesNotContain("\u001b", string.Concat(lines));
        }

        [Fact]
        public void SilenceIsBlank()
        {
            string[] lines = new SpectrogramView().Render(Frames(300, (f, b) => 0), 80, colour: true);
            for (int r = 0; r < 10; r++)
            {
                Assert.Equal(5, lines[r].Length); // only the band label is left after trimming
                Assert.Equal(-1, lines[r].IndexOfAny("\u2591\u2592\u2593\u2588".ToCharArray()));
                Assert.DoesNotContain("\u001b", lines[r]);
            }
            Assert.StartsWith("      300 frames of 10 ms (3.00 s)", lines[10]);
        }

        [Fact]
        public void ShadesFollowDistanceBelowTheLoudestValue()
        {
            // Bands 0-3 loudest (8000), bands 4-7 10 log2 units lower, bands 8-11 25 units lower (below the 20-unit range).
            short[][] frames = Frames(10, (f, b) => b < 4 ? 8000 : b < 8 ? 8000 - 2560 : b < 12 ? 8000 - 6400 : 0);
            int[][] levels = new SpectrogramView().Levels(frames, 10);
            Assert.Equal(4, levels[9][0]);
            Assert.Equal(2, levels[8][0]);
            Assert.Equal(0, levels[7][0]);
        }

        [Fact]
        public void TimeIsCompressedToTheWidthKeepingShortEvents()
        {
            // 1000 frames into 50 columns; one loud frame at 517 must show in column 25 only.
            short[][] frames = Frames(1000, (f, b) => f == 517 && b == 0 ? 4000 : 0);
            int[][] levels = new SpectrogramView().Levels(frames, 50);
            Assert.Equal(50, levels[9].Length);
            for (int c = 0; c < 50; c++) Assert.Equal(c == 25 ? 4 : 0, levels[9][c]);
        }

        [Fact]
        public void ColourUsesAnsiCodesAndResets()
        {
            string[] lines = new SpectrogramView().Render(Frames(5, (f, b) => b == 0 ? 3000 : 0), 80, colour: true);
            Assert.Contains("\u001b[38;5;226m", lines[9]);
            Assert.EndsWith("\u001b[0m", lines[9]);
        }
    }
}
