using Edge.Asr.Frontend;

namespace Edge.Asr.Blob
{
    /// <summary>
    /// The one place that says which frontend parameters the engine runs. The engine's
    /// frontend is fixed; a blob trained with anything else is refused at load.
    /// </summary>
    public static class SupportedFrontend
    {
        public const int SampleRate = LogMelFrontend.SampleRate;
        public const int WindowLength = LogMelFrontend.WindowLength;
        public const int HopLength = LogMelFrontend.HopLength;
        public const int FftLength = LogMelFrontend.FftLength;
        public const int MelChannels = LogMelFrontend.MelChannels;
        public const int MelLowHz = LogMelFrontend.MelLowHz;
        public const int MelHighHz = LogMelFrontend.MelHighHz;
        /// <summary>The plain log format; the engine also runs LogFormatInt16Log2Q8MinusRunningMean (the model's input norm).</summary>
        public const int LogFormat = FrontendParams.LogFormatInt16Log2Q8;

        /// <summary>Throws BlobFormatException naming the first unsupported parameter.</summary>
        public static void Validate(FrontendParams p)
        {
            Exact("sample_rate", p.SampleRate, SampleRate);
            Exact("window_length", p.WindowLength, WindowLength);
            Exact("hop_length", p.HopLength, HopLength);
            Exact("fft_length", p.FftLength, FftLength);
            Exact("mel_channels", p.MelChannels, MelChannels);
            // The mel band edges are baked into the frontend's tables: a model trained on others would see other features.
            Exact("mel_low_hz", p.MelLowHz, MelLowHz);
            Exact("mel_high_hz", p.MelHighHz, MelHighHz);
            OneOf("log_format", p.LogFormat, LogFormat, FrontendParams.LogFormatInt16Log2Q8MinusRunningMean);
        }

        private static void Exact(string field, int value, int supported)
        {
            if (value != supported) Refuse(field, value, supported.ToString());
        }

        private static void OneOf(string field, int value, int supported, int alsoSupported)
        {
            if (value != supported && value != alsoSupported) Refuse(field, value, supported.ToString() + " or " + alsoSupported.ToString());
        }

        private static void Refuse(string field, int value, string supported)
        {
            throw new BlobFormatException("unsupported frontend parameter " + field + " = " + value.ToString()
                + " (the engine supports " + supported + ")");
        }
    }
}
