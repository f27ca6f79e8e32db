using System;
using System.Threading.Tasks;
using Edge.Asr.Frontend;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// The fixed-point log-mel of whole clips, exactly as the device computes it: every clip is
    /// read at 16 kHz, zero-padded at the end or cropped to the samples of a fixed frame count
    /// (400 + 160·(frames − 1); 16000 samples for the default 98 frames), and pushed through a
    /// fresh <see cref="LogMelFrontend"/>.
    /// </summary>
    public static class ClipFeatures
    {
        public const int DefaultFrames = 98;

        /// <summary>Samples that give exactly <paramref name="frames"/> frames.</summary>
        public static int SamplesFor(int frames) => LogMelFrontend.WindowLength + LogMelFrontend.HopLength * (frames - 1);

        /// <summary>What the padding or cropping did to one clip.</summary>
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
        /// at <paramref name="offset"/>. The whole file is read (a truncated WAV is an error even past the crop).
        /// </summary>
        public static Fit Compute(IAudioSource source, LogMelFrontend frontend, int frames, short[] destination, int offset)
        {
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
            // A clip whose own frame count is already `frames` (e.g. 16000 samples for 98) is exact.
            return total < needed ? Fit.Padded : total >= needed + LogMelFrontend.HopLength ? Fit.Cropped : Fit.Exact;
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
                        using IAudioSource source = WavFileSource.Open(paths[i]);
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
                if (e != null) throw new FeatureInputException(e.Message);
            }
            return features;
        }
    }
}
