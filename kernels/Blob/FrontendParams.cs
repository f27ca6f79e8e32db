namespace Edge.Asr.Blob
{
    /// <summary>
    /// Frontend parameters the model was trained with, stored in the frontend section as a
    /// counted list of int32 fields in the order of the Field* indices.
    /// </summary>
    public sealed class FrontendParams
    {
        public const int FieldSampleRate = 0;
        public const int FieldWindowLength = 1;
        public const int FieldHopLength = 2;
        public const int FieldFftLength = 3;
        public const int FieldMelChannels = 4;
        public const int FieldMelLowHz = 5;
        public const int FieldMelHighHz = 6;
        public const int FieldLogFormat = 7;
        /// <summary>Number of fields version 1.0 defines.</summary>
        public const int FieldCount = 8;

        /// <summary>Log format id: int16 log2 of the mel energy in Q8.</summary>
        public const int LogFormatInt16Log2Q8 = 1;

        /// <summary>
        /// Log format id: as format 1, then each channel's running mean (smoothing 2^−6) subtracted before the model
        /// (Ops.RunningMeanSubtractS16). A reader that knows only format 1 refuses it rather than feed the model other features.
        /// </summary>
        public const int LogFormatInt16Log2Q8MinusRunningMean = 2;

        /// <summary>The model input's running-mean shift a log format states (0: none).</summary>
        public static int InputNormShiftOf(int logFormat)
        {
            return logFormat == LogFormatInt16Log2Q8MinusRunningMean ? Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift : 0;
        }

        /// <summary>The log format of a model whose input norm shift is <paramref name="inputNormShift"/>; -1 if no format states it.</summary>
        public static int LogFormatOf(int inputNormShift)
        {
            if (inputNormShift == 0) return LogFormatInt16Log2Q8;
            if (inputNormShift == Edge.Asr.Ops.RunningMeanSubtractS16.DefaultShift) return LogFormatInt16Log2Q8MinusRunningMean;
            return -1;
        }

        private readonly int[] _f;

        /// <summary>Parameters from their values.</summary>
        public FrontendParams(int sampleRate, int windowLength, int hopLength, int fftLength, int melChannels,
            int melLowHz, int melHighHz, int logFormat)
        {
            _f = new int[FieldCount];
            _f[FieldSampleRate] = sampleRate;
            _f[FieldWindowLength] = windowLength;
            _f[FieldHopLength] = hopLength;
            _f[FieldFftLength] = fftLength;
            _f[FieldMelChannels] = melChannels;
            _f[FieldMelLowHz] = melLowHz;
            _f[FieldMelHighHz] = melHighHz;
            _f[FieldLogFormat] = logFormat;
        }

        /// <summary>Samples per second.</summary>
        public int SampleRate { get { return _f[FieldSampleRate]; } }
        /// <summary>Analysis window in samples.</summary>
        public int WindowLength { get { return _f[FieldWindowLength]; } }
        /// <summary>Hop between frames in samples.</summary>
        public int HopLength { get { return _f[FieldHopLength]; } }
        /// <summary>FFT length in samples.</summary>
        public int FftLength { get { return _f[FieldFftLength]; } }
        /// <summary>Mel filterbank channels.</summary>
        public int MelChannels { get { return _f[FieldMelChannels]; } }
        /// <summary>Lowest mel filter edge in Hz.</summary>
        public int MelLowHz { get { return _f[FieldMelLowHz]; } }
        /// <summary>Highest mel filter edge in Hz.</summary>
        public int MelHighHz { get { return _f[FieldMelHighHz]; } }
        /// <summary>Id of the log feature format (LogFormat* constants).</summary>
        public int LogFormat { get { return _f[FieldLogFormat]; } }

        /// <summary>The fields in stored order (a copy).</summary>
        public int[] ToFields()
        {
            int[] copy = new int[FieldCount];
            for (int i = 0; i < FieldCount; i++) copy[i] = _f[i];
            return copy;
        }
    }
}
