using System;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// A stream of 16 kHz mono int16 samples, whatever the input was. Sources read their input
    /// in blocks, so an hour of audio never has to sit in memory.
    /// </summary>
    public interface IAudioSource : IDisposable
    {
        /// <summary>The rate of every source's output.</summary>
        const int OutputSampleRate = 16000;

        /// <summary>What the input is (its own format, before conversion).</summary>
        AudioDescription Description { get; }

        /// <summary>
        /// Fills up to <paramref name="count"/> samples; returns how many were written, 0 at the end.
        /// Throws <see cref="AudioFormatException"/> when the input turns out to be bad (e.g. truncated).
        /// </summary>
        int Read(short[] buffer, int offset, int count);
    }
}
