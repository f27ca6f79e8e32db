using System;
using System.IO;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Audio;
using Edge.Asr.Sim.Training;
using Edge.Asr.Tests.Audio;
using Edge.Asr.Tests.Cli;

namespace Edge.Asr.Tests.Training
{
    /// <summary>
    /// Real speech clips for the features command: the repository's samples (yes.wav, stop.wav at
    /// their own rates, commands.wav several seconds long, so cropped) and a 0.5 s piece of yes
    /// (padded), listed in a manifest with paths relative to its folder.
    /// </summary>
    public sealed class FeaturesTestSet
    {
        public static readonly string[] Files = { "clips/yes.wav", "clips/stop.wav", "clips/commands.wav", "clips/half.wav" };
        public static readonly string[] Labels = { "yes", "stop", "yes", "yes" };

        public FeaturesTestSet()
        {
            Folder = AudioTestIo.NewTempDirectory();
            Directory.CreateDirectory(Path.Combine(Folder, "clips"));
            foreach (string name in new[] { "yes.wav", "stop.wav", "commands.wav" })
                File.Copy(CliHarness.Sample(name), Path.Combine(Folder, "clips", name));
            short[] yes = AudioTestIo.ReadWavFile(CliHarness.Sample("yes.wav"));
            var half = new short[8000];
            Array.Copy(yes, 0, half, 0, half.Length);
            File.WriteAllBytes(Path.Combine(Folder, "clips", "half.wav"), new WavBuilder().Riff("RIFF", "WAVE").Fmt(1, 1, 16000, 16).Data(WavBuilder.S16(half)).Build());
            Manifest = Write("manifest.csv", "path,label,text\n" + Row(0) + ",\"quoted, with comma\"\n" + Row(1) + ",b\n" + Row(2) + ",c\n" + Row(3) + ",d\n");
        }

        public string Folder { get; }
        public string Manifest { get; }

        private static string Row(int i) => Files[i] + "," + Labels[i];

        public string Write(string name, string text)
        {
            string path = Path.Combine(Folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        public string Out(string name) => Path.Combine(Folder, "out", name);

        /// <summary>The frames the device computes for one clip: 16 kHz samples with the board's gain, zero-padded or cropped to the samples of <paramref name="frames"/>, through a fresh frontend.</summary>
        public static short[][] Expected(string wav, int frames)
        {
            short[] samples = AudioTestIo.ReadWavFile(wav);
            // What the DevKit board hands the pipeline: its I2S extraction's gain x4 (shift 2), saturated.
            for (int i = 0; i < samples.Length; i++) samples[i] = (short)Math.Clamp(samples[i] * 4, short.MinValue, short.MaxValue);
            var fitted = new short[LogMelFrontend.WindowLength + LogMelFrontend.HopLength * (frames - 1)];
            Array.Copy(samples, 0, fitted, 0, Math.Min(samples.Length, fitted.Length));
            var frontend = new LogMelFrontend();
            var result = new short[frames][];
            int at = 0, f = 0;
            while (at < fitted.Length)
            {
                at += frontend.Push(fitted, at, fitted.Length - at);
                if (frontend.HasFrame)
                {
                    result[f] = new short[LogMelFrontend.MelChannels];
                    frontend.ReadFrame(result[f++], 0);
                }
            }
            if (f != frames) throw new InvalidOperationException("expected " + frames + " frames, got " + f);
            return result;
        }

        public static int SampleCount(string wav)
        {
            using IAudioSource s = WavFileSource.Open(wav);
            return AudioTestIo.ReadAll(s).Length;
        }
    }
}
