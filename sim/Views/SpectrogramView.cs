using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Edge.Asr.Sim.Views
{
    /// <summary>
    /// A compact terminal picture of log-mel frames: time runs left to right, compressed to the
    /// given width (each column is the loudest of its frames); the 40 mel bands are folded into
    /// a few rows (each cell is the loudest of its bands), lowest band at the bottom. Values are
    /// the frontend's log2 energies in Q8 (round(256·log2 E), 0..32767); a cell is shaded by how
    /// far it is below the loudest value: 4 shades over <see cref="RangeQ8"/> (default 20 log2
    /// units = 60 dB of energy), anything lower is blank. ANSI colour only when asked for
    /// (a terminal); plain shading characters otherwise.
    /// </summary>
    public sealed class SpectrogramView
    {
        public const int MelBands = 40;

        /// <summary>Blank, then four shades from faint to full.</summary>
        public const string Shades = " \u2591\u2592\u2593\u2588";

        /// <summary>ANSI 256-colour foregrounds for shades 1..4: dark blue, teal, orange, yellow.</summary>
        private static readonly int[] ShadeColours = { 0, 25, 37, 214, 226 };

        private const int LabelWidth = 6; // "36-39 "

        public SpectrogramView(int rows = 10, int rangeQ8 = 20 * 256)
        {
            if (rows < 1 || rows > MelBands) throw new ArgumentOutOfRangeException(nameof(rows));
            if (rangeQ8 < 1) throw new ArgumentOutOfRangeException(nameof(rangeQ8));
            Rows = rows;
            RangeQ8 = rangeQ8;
        }

        public int Rows { get; }

        /// <summary>Dynamic range shown, in Q8 log2 units (256 = one doubling of energy, about 3 dB).</summary>
        public int RangeQ8 { get; }

        /// <summary>
        /// The shade level (0 blank .. 4 full) of every cell: [row][column], row 0 the highest bands.
        /// <paramref name="width"/> is the most columns wanted.
        /// </summary>
        public int[][] Levels(short[][] frames, int width)
        {
            int columns = Math.Min(frames.Length, Math.Max(1, width));
            var levels = new int[Rows][];
            for (int r = 0; r < Rows; r++) levels[r] = new int[columns];
            int top = 0;
            foreach (short[] frame in frames)
            {
                if (frame.Length != MelBands) throw new ArgumentException("a frame has " + frame.Length + " values, not " + MelBands, nameof(frames));
                foreach (short v in frame) top = Math.Max(top, (int)v);
            }
            if (top <= 0) return levels; // silence (or nothing): all blank
            int floor = Math.Max(0, top - RangeQ8);
            int span = top - floor;
            for (int c = 0; c < columns; c++)
            {
                int firstFrame = (int)((long)c * frames.Length / columns);
                int endFrame = (int)((long)(c + 1) * frames.Length / columns);
                for (int r = 0; r < Rows; r++)
                {
                    int row = Rows - 1 - r; // row 0 of the picture shows the highest bands
                    int firstBand = row * MelBands / Rows, endBand = (row + 1) * MelBands / Rows;
                    int max = 0;
                    for (int f = firstFrame; f < endFrame; f++)
                        for (int b = firstBand; b < endBand; b++) max = Math.Max(max, (int)frames[f][b]);
                    levels[r][c] = max <= floor ? 0 : Math.Min(4, (int)(((long)(max - floor) * 4 + span - 1) / span));
                }
            }
            return levels;
        }

        /// <summary>The picture as lines: one per row, then a footer line with the time scale.</summary>
        public string[] Render(short[][] frames, int width, bool colour)
        {
            int[][] levels = Levels(frames, width - LabelWidth);
            var lines = new string[Rows + 1];
            for (int r = 0; r < Rows; r++)
            {
                int row = Rows - 1 - r;
                int firstBand = row * MelBands / Rows, lastBand = (row + 1) * MelBands / Rows - 1;
                var line = new StringBuilder();
                line.Append((firstBand.ToString(CultureInfo.InvariantCulture) + "-" + lastBand.ToString(CultureInfo.InvariantCulture)).PadLeft(LabelWidth - 1)).Append(' ');
                int current = 0;
                foreach (int level in levels[r])
                {
                    if (colour && level != 0 && level != current)
                    {
                        line.Append("\u001b[38;5;").Append(ShadeColours[level].ToString(CultureInfo.InvariantCulture)).Append('m');
                        current = level;
                    }
                    line.Append(Shades[level]);
                }
                if (colour && current != 0) line.Append("\u001b[0m");
                lines[r] = line.ToString().TrimEnd(' ');
            }
            int columns = levels[0].Length;
            double seconds = frames.Length / 100.0;
            lines[Rows] = new string(' ', LabelWidth) + frames.Length.ToString(CultureInfo.InvariantCulture) + " frames of 10 ms ("
                + seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s), "
                + (columns == 0 ? "0" : ((double)frames.Length / columns).ToString("0.#", CultureInfo.InvariantCulture)) + " frames per column, "
                + (RangeQ8 * 3.0103 / 256).ToString("0", CultureInfo.InvariantCulture) + " dB shown";
            return lines;
        }

        public void Write(TextWriter output, short[][] frames, int width, bool colour)
        {
            foreach (string line in Render(frames, width, colour)) output.WriteLine(line);
        }
    }
}
