using System;

namespace Edge.Asr.Sim.Audio
{
    /// <summary>
    /// Bad audio input: the message is one line that names the input and the problem,
    /// e.g. "samples/x.wav: not a WAV file (no RIFF header)". The CLI prints it as is.
    /// </summary>
    public sealed class AudioFormatException : Exception
    {
        public AudioFormatException(string inputName, string problem)
            : base(inputName + ": " + problem)
        {
            InputName = inputName;
            Problem = problem;
        }

        /// <summary>The file name as the user gave it ("stdin" for "-").</summary>
        public string InputName { get; }

        /// <summary>The problem alone, without the input name.</summary>
        public string Problem { get; }
    }
}
