using System;
using System.IO;

namespace Edge.Asr.Tests.Eval
{
    /// <summary>Temporary folders and 16 kHz mono 16-bit WAV files for eval tests.</summary>
    public static class EvalFiles
    {
        public const int Rate = 16000;

        public static string NewFolder()
        {
            // One level below a private folder: a manifest's paths fall back to the folder above it
            // (synth.py's layout), which must not be the shared temp folder where anything may lie
            // (a stray /tmp/x.wav once turned a "file not found" test into a "no model" one).
            string dir = Path.Combine(Path.GetTempPath(), "edge-asr-eval-" + Guid.NewGuid().ToString("N"), "case");
            Directory.CreateDirectory(dir);
            return dir;
        }

        public static void WriteWav(string path, short[] samples)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var w = new BinaryWriter(File.Create(path));
            w.Write("RIFF"u8.ToArray());
            w.Write(36 + 2 * samples.Length);
            w.Write("WAVEfmt "u8.ToArray());
            w.Write(16);
            w.Write((short)1);
            w.Write((short)1);
            w.Write(Rate);
            w.Write(Rate * 2);
            w.Write((short)2);
            w.Write((short)16);
            w.Write("data"u8.ToArray());
            w.Write(2 * samples.Length);
            foreach (short s in samples) w.Write(s);
        }

        /// <summary>A sine of <paramref name="hz"/> at amplitude 8000 (or silence for hz 0).</summary>
        public static short[] Tone(double hz, double seconds)
        {
            var x = new short[(int)Math.Round(seconds * Rate)];
            if (hz > 0)
            {
                for (int i = 0; i < x.Length; i++) x[i] = (short)Math.Round(8000 * Math.Sin(2 * Math.PI * hz * i / Rate));
            }
            return x;
        }

        /// <summary>Silence of <paramref name="seconds"/> with tones written into it at the given intervals.</summary>
        public static short[] Stream(double seconds, params (double Hz, double Start, double End)[] tones)
        {
            var x = new short[(int)Math.Round(seconds * Rate)];
            foreach (var (hz, start, end) in tones)
            {
                short[] t = Tone(hz, end - start);
                Array.Copy(t, 0, x, (int)Math.Round(start * Rate), t.Length);
            }
            return x;
        }
    }
}
