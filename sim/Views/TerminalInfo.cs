using System;
using System.IO;

namespace Edge.Asr.Sim.Views
{
    /// <summary>What the views need to know about stdout: colour or plain text, and how wide.</summary>
    public static class TerminalInfo
    {
        /// <summary>ANSI colour only on a real terminal, and not when NO_COLOR is set or TERM is "dumb".</summary>
        public static bool ColourWanted()
        {
            if (Console.IsOutputRedirected) return false;
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))) return false;
            return Environment.GetEnvironmentVariable("TERM") != "dumb";
        }

        /// <summary>The terminal's width in columns; 80 when stdout is not a terminal or the width is unknown.</summary>
        public static int Width()
        {
            if (Console.IsOutputRedirected) return 80;
            try
            {
                int w = Console.WindowWidth;
                return w > 0 ? w : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }
}
