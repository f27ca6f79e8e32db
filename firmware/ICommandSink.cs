namespace Edge.Asr.Firmware
{
    /// <summary>Receives each command the pipeline detects.</summary>
    public interface ICommandSink
    {
        /// <summary>
        /// Class <paramref name="classIndex"/> (<paramref name="label"/>) fired with smoothed posterior
        /// <paramref name="confidenceQ15"/> (0..32768 = 0..1) at <paramref name="timeMs"/> ms of audio
        /// from the start of the stream (the end of the last window the model heard).
        /// </summary>
        void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs);
    }
}
