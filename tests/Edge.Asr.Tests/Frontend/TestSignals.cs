using System;
using System.Diagnostics;
using System.IO;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>Deterministic test audio (16 kHz int16): tones, chirps, seeded noise, espeak-ng speech.</summary>
    public static class TestSignals
    {
        public const int Rate = 16000;

        public static short[] Tone(double hz, double amplitude, double seconds)
        {
            var x = new double[(int)(seconds * Rate)];
            for (int n = 0; n < x.Length; n++) x[n] = amplitude * Math.Sin(2 * Math.PI * hz * n / Rate + 0.3);
            return Quantise(x);
        }

        /// <summary>Linear chirp from f0 to f1 Hz.</summary>
        public static short[] Chirp(double f0, double f1, double amplitude, double seconds)
        {
            var x = new double[(int)(seconds * Rate)];
            double rate = (f1 - f0) / seconds;
            for (int n = 0; n < x.Length; n++)
            {
                double t = (double)n / Rate;
                x[n] = amplitude * Math.Sin(2 * Math.PI * (f0 * t + 0.5 * rate * t * t));
            }
            return Quantise(x);
        }

        /// <summary>Gaussian white noise of the given RMS (int16 units).</summary>
        public static short[] WhiteNoise(int seed, double rms, double seconds)
        {
            var random = new Random(seed);
            var x = new double[(int)(seconds * Rate)];
            for (int n = 0; n < x.Length; n++) x[n] = rms * Gaussian(random);
            return Quantise(x);
        }

        /// <summary>Pink (1/f) noise by the Paul Kellet filter on Gaussian white noise, scaled to the given RMS.</summary>
        public static short[] PinkNoise(int seed, double rms, double seconds)
        {
            var random = new Random(seed);
            var x = new double[(int)(seconds * Rate)];
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
            for (int n = 0; n < x.Length; n++)
            {
                double white = Gaussian(random);
                b0 = 0.99886 * b0 + white * 0.0555179;
                b1 = 0.99332 * b1 + white * 0.0750759;
                b2 = 0.96900 * b2 + white * 0.1538520;
                b3 = 0.86650 * b3 + white * 0.3104856;
                b4 = 0.55000 * b4 + white * 0.5329522;
                b5 = -0.7616 * b5 - white * 0.0168980;
                x[n] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
                b6 = white * 0.115926;
            }
            return Quantise(Scale(x, rms / Rms(x)));
        }

        /// <summary>Speech from espeak-ng, converted by sox to 16 kHz mono int16, scaled so its peak is <paramref name="peak"/>.</summary>
        public static short[] Speech(string text, double peak)
        {
            string dir = Path.Combine(Path.GetTempPath(), "edge-asr-frontend-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string raw = Path.Combine(dir, "espeak.wav"), wav = Path.Combine(dir, "speech.wav");
                Run("espeak-ng", new[] { "-w", raw, text });
                Run("sox", new[] { "-R", raw, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", wav });
                short[] pcm = ReadPcm16(File.ReadAllBytes(wav));
                double max = 1;
                foreach (short s in pcm) max = Math.Max(max, Math.Abs((double)s));
                var x = new double[pcm.Length];
                for (int n = 0; n < x.Length; n++) x[n] = pcm[n] * peak / max;
                return Quantise(x);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        /// <summary>Minimal RIFF reader for the mono 16-bit PCM files sox writes (test use only).</summary>
        public static short[] ReadPcm16(byte[] file)
        {
            int at = 12;
            while (at + 8 <= file.Length)
            {
                string id = System.Text.Encoding.ASCII.GetString(file, at, 4);
                int size = BitConverter.ToInt32(file, at + 4);
                if (id == "data")
                {
                    int count = Math.Min(size, file.Length - at - 8) / 2;
                    var pcm = new short[count];
                    for (int i = 0; i < count; i++) pcm[i] = BitConverter.ToInt16(file, at + 8 + 2 * i);
                    return pcm;
                }
                at += 8 + size + (size & 1);
            }
            throw new InvalidDataException("no data chunk");
        }

        public static short[] Quantise(double[] x)
        {
            var q = new short[x.Length];
            for (int n = 0; n < x.Length; n++) q[n] = (short)Math.Clamp(Math.Round(x[n]), short.MinValue, short.MaxValue);
            return q;
        }

        private static double[] Scale(double[] x, double gain)
        {
            for (int n = 0; n < x.Length; n++) x[n] *= gain;
            return x;
        }

        private static double Rms(double[] x)
        {
            double sum = 0;
            foreach (double v in x) sum += v * v;
            return Math.Sqrt(sum / x.Length);
        }

        private static double Gaussian(Random random)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        private static void Run(string program, string[] arguments)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in arguments) info.ArgumentList.Add(a);
            using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
            string err = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException(program + " failed (" + process.ExitCode + "): " + err);
        }
    }
}
