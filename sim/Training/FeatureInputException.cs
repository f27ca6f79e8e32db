using System;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// A bad input to the feature extraction (manifest, folder, class list): the message is one line
    /// that names the file and, for a manifest, the row. The CLI prints it as is.
    /// </summary>
    public sealed class FeatureInputException : Exception
    {
        public FeatureInputException(string message) : base(message) { }
    }
}
