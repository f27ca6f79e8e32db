using System;

namespace Edge.Asr.Frontend
{
    /// <summary>
    /// Streaming fixed-point log-mel frontend: 16 kHz int16 in, one frame of 40 int16 values
    /// (round(256·log2 E) clamped to [0, 32767]) out every 160 samples once 400 samples have arrived.
    /// Push any block sizes: the frames are the same bits whatever the split. No allocation after
    /// construction. See docs/frontend.md.
    /// </summary>
    public sealed class LogMelFrontend
    {
        public const int SampleRate = 16000;
        public const int WindowLength = 400;
        public const int HopLength = 160;
        public const int FftLength = 512;
        public const int MelChannels = 40;

        /// <summary>Output values are log2(E) in Q8: value / 2^8 = log2(E).</summary>
        public const int OutputFractionBits = 8;

        /// <summary>Lowest and highest mel band edge in Hz (HTK mel scale, triangles linear in mel).</summary>
        public const int MelLowHz = FrontendTables.MelLowHz;
        public const int MelHighHz = FrontendTables.MelHighHz;

        private readonly short[] _window = new short[WindowLength];
        private readonly short[] _frame = new short[MelChannels];
        private readonly BlockFloatRealFft _fft = new BlockFloatRealFft();
        private readonly MelLogCompressor _mel = new MelLogCompressor();
        private int _filled;
        private bool _hasFrame;
        private long _framesComputed;
        private readonly IFrontendKernels[] _native;   // none: the managed FFT and mel; one: the native twin
        private readonly int[] _nativeRe;
        private readonly int[] _nativeIm;
        private readonly int[] _nativeMagnitude;
        private readonly int[] _bitReverse;
        private int _nativeOverflows;

        public LogMelFrontend()
        {
            _native = new IFrontendKernels[0];
            _nativeRe = new int[0];
            _nativeIm = new int[0];
            _nativeMagnitude = new int[0];
            _bitReverse = new int[0];
        }

        /// <summary>A frontend whose frames are computed by <paramref name="native"/> (the same bits).</summary>
        public LogMelFrontend(IFrontendKernels native)
        {
            if (native == null) throw new ArgumentException("native kernels are null");
            _native = new IFrontendKernels[] { native };
            _nativeRe = new int[BlockFloatRealFft.ComplexLength];
            _nativeIm = new int[BlockFloatRealFft.ComplexLength];
            _nativeMagnitude = new int[BlockFloatRealFft.ComplexLength];
            _bitReverse = new int[BlockFloatRealFft.ComplexLength];
            for (int i = 0; i < _bitReverse.Length; i++) _bitReverse[i] = BlockFloatRealFft.BitReverse8(i);
        }

        /// <summary>True when a frame is ready; Push consumes nothing until it is read.</summary>
        public bool HasFrame { get { return _hasFrame; } }

        /// <summary>Frames computed since construction (Reset does not clear it).</summary>
        public long FramesComputed { get { return _framesComputed; } }

        /// <summary>Intermediate values that broke their proven bound since construction (always 0 unless a proof is wrong).</summary>
        public int OverflowCount { get { return _fft.OverflowCount + _nativeOverflows; } }

        /// <summary>
        /// Consumes samples up to and including the one that completes a frame and returns how many
        /// it consumed (call again with the rest). Returns 0 while a frame is ready and not read.
        /// </summary>
        public int Push(short[] samples, int offset, int count)
        {
            if (samples == null) throw new ArgumentException("samples is null");
            if (offset < 0 || count < 0 || offset > samples.Length - count) throw new ArgumentOutOfRangeException("offset");
            if (_hasFrame) return 0;
            int take = WindowLength - _filled;
            if (take > count) take = count;
            Array.Copy(samples, offset, _window, _filled, take);
            _filled += take;
            if (_filled == WindowLength)
            {
                ComputeFrame();
                Array.Copy(_window, HopLength, _window, 0, WindowLength - HopLength);
                _filled = WindowLength - HopLength;
                _hasFrame = true;
            }
            return take;
        }

        /// <summary>Copies the ready frame's 40 values to destination[destinationOffset..] and clears HasFrame.</summary>
        public void ReadFrame(short[] destination, int destinationOffset)
        {
            if (!_hasFrame) throw new InvalidOperationException("no frame is ready: push more samples first");
            if (destination == null) throw new ArgumentException("destination is null");
            if (destinationOffset < 0 || destinationOffset > destination.Length - MelChannels) throw new ArgumentOutOfRangeException("destinationOffset");
            Array.Copy(_frame, 0, destination, destinationOffset, MelChannels);
            _hasFrame = false;
        }

        /// <summary>Forgets all buffered audio and any unread frame.</summary>
        public void Reset()
        {
            _filled = 0;
            _hasFrame = false;
        }

        private void ComputeFrame()
        {
            if (_native.Length == 1)
            {
                _nativeOverflows += _native[0].LogMelFrameS16(_window, WindowLength, _bitReverse, _nativeRe, _nativeIm, _nativeMagnitude, _frame);
                _framesComputed++;
                return;
            }
            int exponent = _fft.Transform(_window, WindowLength);
            _mel.Compress(_fft.Real, _fft.Imaginary, exponent, _frame);
            _framesComputed++;
        }
    }
}
