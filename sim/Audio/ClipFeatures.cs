using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Device;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// The fixed-point log-mel frames of audio files as the device computes them, the one reader of
    /// clips for eval, the threshold sweep, `features` (training) and bake calibration: every file is
    /// read at 16 kHz and goes through <see cref="DeviceSamples"/> (the board's gain and clipping,
    /// whole capture blocks) into the frontend. An instance reads whole files (one per worker thread:
    /// it reuses its frontend and buffer); <see cref="ComputeAll"/> makes the fixed-size clips of training.
    /// </summary>
    public sealed class ClipFeatures
    {
        /// <summary>Frames per training clip by default: 98 (16000 samples).</summary>
        public const int DefaultFrames = 98;

        private const int BlockSamples = 1600;

        private readonly LogMelFrontend _frontend = new LogMelFrontend();
        private readonly short[] _block = new short[BlockSamples];

        /// <summary>Samples (16 kHz) of the last file read, without the block padding.</summary>
        public long SampleCount { get; private set; }

        /// <summary>The last file's length in seconds at 16 kHz.</summary>
        public double Seconds => SampleCount / (double)IAudioSource.OutputSampleRate;

        /// <summary>Log-mel frames [frame][40] (log2, Q8) of the whole file; throws AudioFormatException on bad audio.</summary>
        public short[][] Read(string path)
        {
            using DeviceSamples source = DeviceSamples.OpenFile(path);
            return Read(source);
        }

        /// <summary>Log-mel frames of the device's samples.</summary>
        public short[][] Read(DeviceSamples source) => Read(source, 0);

        /// <summary>
        /// Log-mel frames of the whole file followed by <paramref name="silenceAfterSamples"/> samples of
        /// digital silence: the device keeps listening after a recording ends, so a word at the very end
        /// of a file can still be detected. <see cref="AudioFrames"/> counts the frames before the silence.
        /// </summary>
        public short[][] Read(string path, int silenceAfterSamples)
        {
            using DeviceSamples source = DeviceSamples.OpenFile(path);
            return Read(source, silenceAfterSamples);
        }

        /// <summary>Frames of the last file read before the silence appended after it.</summary>
        public int AudioFrames { get; private set; }

        private short[][] Read(DeviceSamples source, int silenceAfterSamples)
        {
            ArgumentNullException.ThrowIfNull(source);
            if (silenceAfterSamples < 0) throw new ArgumentOutOfRangeException(nameof(silenceAfterSamples));
            _frontend.Reset();
            var frames = new List<short[]>();
            int n;
            while ((n = source.Read(_block, 0, _block.Length)) > 0) FrontendFrames.Push(_frontend, _block, 0, n, frames);
            SampleCount = source.AudioSamples;
            AudioFrames = frames.Count;
            Array.Clear(_block);
            for (int left = silenceAfterSamples; left > 0; left -= _block.Length)
                FrontendFrames.Push(_frontend, _block, 0, Math.Min(left, _block.Length), frames);
            return frames.ToArray();
        }

        /// <summary>Samples that give exactly <paramref name="frames"/> frames.</summary>
        public static int SamplesFor(int frames) => LogMelFrontend.WindowLength + LogMelFrontend.HopLength * (frames - 1);

        /// <summary>What the padding or cropping to a fixed frame count did to one clip.</summary>
        public enum Fit
        {
            /// <summary>The clip gives exactly the frame count by itself.</summary>
            Exact,
            /// <summary>Shorter: zeros were appended.</summary>
            Padded,
            /// <summary>Long enough for at least one frame more: the end was dropped.</summary>
            Cropped,
        }

        /// <summary>
        /// Computes <paramref name="frames"/> × 40 values of one clip into <paramref name="destination"/>
        /// at <paramref name="offset"/>: the device's samples zero-padded at the end or cropped to
        /// <see cref="SamplesFor"/> (400 + 160·(frames − 1)), through a fresh frontend. The whole file
        /// is read (a truncated WAV is an error even past the crop).
        /// </summary>
        public static Fit Compute(DeviceSamples source, LogMelFrontend frontend, int frames, short[] destination, int offset)
        {
            ArgumentNullException.ThrowIfNull(source);
            int needed = SamplesFor(frames);
            var samples = new short[needed];
            var scratch = new short[4096];
            long total = 0;
            int n;
            while ((n = source.Read(scratch, 0, scratch.Length)) > 0)
            {
                if (total < needed) Array.Copy(scratch, 0, samples, (int)total, (int)Math.Min(n, needed - total));
                total += n;
            }
            frontend.Reset();
            int at = 0, frame = 0;
            while (at < needed)
            {
                at += frontend.Push(samples, at, needed - at);
                if (frontend.HasFrame) frontend.ReadFrame(destination, offset + LogMelFrontend.MelChannels * frame++);
            }
            if (frame != frames) throw new InvalidOperationException("frontend gave " + frame + " frames for " + needed + " samples, expected " + frames);
            // Padding and cropping are judged on the audio itself, not on the capture blocks' silence after it.
            long audio = source.AudioSamples;
            return audio < needed ? Fit.Padded : audio >= needed + LogMelFrontend.HopLength ? Fit.Cropped : Fit.Exact;
        }

        /// <summary>
        /// All clips, in order, as one C-order [clips, frames, 40] array, computed on
        /// <paramref name="jobs"/> threads. Output order and values do not depend on the thread count.
        /// The first bad clip (lowest index) is reported, so errors are deterministic too.
        /// </summary>
        public static short[] ComputeAll(string[] paths, int frames, int jobs, Fit[] fits)
        {
            int stride = frames * LogMelFrontend.MelChannels;
            var features = new short[(long)paths.Length * stride];
            var errors = new Exception?[paths.Length];
            Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs },
                () => new LogMelFrontend(),
                (i, state, frontend) =>
                {
                    try
                    {
                        using DeviceSamples source = DeviceSamples.OpenFile(paths[i]);
                        fits[i] = Compute(source, frontend, frames, features, i * stride);
                    }
                    catch (Exception e) when (e is AudioFormatException || e is System.IO.IOException)
                    {
                        errors[i] = e;
                    }
                    return frontend;
                },
                frontend => { });
            foreach (Exception? e in errors)
            {
                if (e is AudioFormatException a) throw new AudioFormatException(a.InputName, a.Problem);
                if (e != null) throw new Edge.Asr.Sim.Training.FeatureInputException(e.Message);
            }
            return features;
        }
    }
}
