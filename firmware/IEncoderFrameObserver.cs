namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Sees the model's posteriors after every encoder frame (desktop reports and tools). The device
    /// sets none; the pipeline's behaviour is the same with or without one.
    /// </summary>
    public interface IEncoderFrameObserver
    {
        /// <summary>
        /// Encoder frame <paramref name="encoderFrame"/> (0-based) produced <paramref name="posteriorsQ15"/>
        /// (the model's own array: copy what you keep) after <paramref name="samples"/> samples.
        /// </summary>
        void OnEncoderFrame(long encoderFrame, short[] posteriorsQ15, long samples);
    }
}
