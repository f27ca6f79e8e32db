namespace Edge.Asr.Blob
{
    /// <summary>
    /// The one place that says which frontend parameters the engine runs. The engine's
    /// frontend is fixed; a blob trained with anything else is refused at load.
    /// </summary>
    public static class SupportedFrontend
    {
        public const int SampleRate = 16000;
        public const int WindowLength = 400;
        public const int HopLength = 160;
        public const int FftLength = 512;
        public const int MelChannels = 40;
        public const int LogFormat = FrontendParams.LogFormatInt16Log2Q8;

        /// <summary>Throws BlobFormatException naming the first unsupported parameter.</summary>
        public static void Validate(FrontendParams p)
        {
            Exact("sample_rate", p.SampleRate, SampleRate);
            Exact("window_length", p.WindowLength, WindowLength);
            Exact("hop_length", p.HopLength, HopLength);
            Exact("fft_length", p.FftLength, FftLength);
            Exact("mel_channels", p.MelChannels, MelChannels);
            // The mel band must lie inside [0, Nyquist]; its edges are the model's choice.
            FieldCheck.Range("frontend", "mel_low_hz", p.MelLowHz, 0, SampleRate / 2 - 1);
            FieldCheck.Range("frontend", "mel_high_hz", p.MelHighHz, p.MelLowHz + 1, SampleRate / 2);
            Exact("log_format", p.LogFormat, LogFormat);
        }

        private static void Exact(string field, int value, int supported)
        {
            if (value != supported)
                throw new BlobFormatException("unsupported frontend parameter " + field + " = " + value.ToString()
                    + " (the engine supports " + supported.ToString() + ")");
        }
    }
}
