using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Tests.Audio
{
    /// <summary>Temporary files, whole-source reads and sox runs shared by the audio and CLI tests.</summary>
    public static class AudioTestIo
    {
        /// <summary>This test run's scratch folder; earlier runs' folders older than an hour are removed.</summary>
        private static readonly string RunDirectory = CreateRunDirectory();

        private static string CreateRunDirectory()
        {
            string root = Path.Combine(Path.GetTempPath(), "edge-asr-tests");
            if (Directory.Exists(root))
            {
                foreach (string old in Directory.GetDirectories(root))
                {
                    if (Directory.GetLastWriteTimeUtc(old) > DateTime.UtcNow.AddHours(-1)) continue;
                    try { Directory.Delete(old, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
            }
            string dir = Path.Combine(root, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>A fresh empty directory inside this run's scratch folder.</summary>
        public static string NewTempDirectory()
        {
            string dir = Path.Combine(RunDirectory, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        public static string WriteTemp(string fileName, byte[] bytes)
        {
            string path = Path.Combine(NewTempDirectory(), fileName);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        /// <summary>Reads a source to its end in blocks of <paramref name="block"/> samples.</summary>
        public static short[] ReadAll(IAudioSource source, int block = 1000)
        {
            var all = new List<short>();
            var buffer = new short[block];
            int n;
            while ((n = source.Read(buffer, 0, block)) > 0)
                for (int i = 0; i < n; i++) all.Add(buffer[i]);
            return all.ToArray();
        }

        public static short[] ReadWav(byte[] bytes, int block = 1000)
        {
            using var source = new WavFileSource(new MemoryStream(bytes), "test.wav");
            return ReadAll(source, block);
        }

        public static short[] ReadWavFile(string path)
        {
            using var source = WavFileSource.Open(path);
            return ReadAll(source);
        }

        /// <summary>Runs sox with the arguments; throws with its stderr when it fails.</summary>
        public static void Sox(params string[] args)
        {
            var psi = new ProcessStartInfo("sox") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi)!;
            p.StandardOutput.ReadToEnd();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("sox " + string.Join(" ", args) + " failed: " + err);
        }

        /// <summary>Reads a raw s16le file written by sox.</summary>
        public static short[] ReadRawS16(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            var s = new short[b.Length / 2];
            for (int i = 0; i < s.Length; i++) s[i] = (short)(b[2 * i] | (b[2 * i + 1] << 8));
            return s;
        }
    }
}
