using System;
using Edge.Asr.FixedPoint;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Turns the bytes I2sDevice.Read delivers (layout: <see cref="I2sSampleLayout"/>) into 16 kHz
    /// int16 PCM for the frontend. Each sample is aligned to the top of a 32-bit word w and
    /// becomes Sat16(round(w / 2^(16 − gainShift))), rounding half away from zero: gain shift 0
    /// keeps the top 16 bits (rounded by the rest), each step doubles the gain and saturates
    /// instead of wrapping. Any byte count may be pushed: a partial frame is kept for the next
    /// call. Allocates only in the constructor. See docs/i2s-layout.md.
    /// </summary>
    public sealed class I2sSampleExtractor
    {
        /// <summary>Largest gain shift (16: the 32-bit word itself, saturated).</summary>
        public const int MaxGainShift = 16;

        private readonly int _bytesPerSample;
        private readonly int _frameBytes;
        private readonly int _sampleByteOffset;
        private readonly int _shift;
        private readonly byte[] _partial;
        private int _partialCount;

        /// <summary>Extractor for <paramref name="layout"/> with gain 2^gainShift (0..16).</summary>
        public I2sSampleExtractor(I2sSampleLayout layout, int gainShift)
        {
            if (layout == null) throw new ArgumentException("layout is null", "layout");
            if (gainShift < 0 || gainShift > MaxGainShift)
            {
                throw new ArgumentOutOfRangeException("gainShift",
                    "gain shift must be 0.." + MaxGainShift.ToString() + ", got " + gainShift.ToString());
            }
            _bytesPerSample = layout.BytesPerSample;
            _frameBytes = layout.FrameBytes;
            _sampleByteOffset = layout.MicrophoneChannel * layout.BytesPerSample;
            _shift = 16 - gainShift;
            _partial = new byte[_frameBytes];
        }

        /// <summary>Bytes of one frame (one output sample).</summary>
        public int FrameBytes { get { return _frameBytes; } }

        /// <summary>Bytes of an incomplete frame held from the previous call.</summary>
        public int PendingBytes { get { return _partialCount; } }

        /// <summary>Samples the next Extract of <paramref name="byteCount"/> bytes will write.</summary>
        public int SamplesFor(int byteCount)
        {
            if (byteCount < 0) throw new ArgumentOutOfRangeException("byteCount", "byte count is negative: " + byteCount.ToString());
            return (_partialCount + byteCount) / _frameBytes;
        }

        /// <summary>
        /// Converts <paramref name="count"/> bytes from <paramref name="offset"/> and writes the
        /// complete frames' samples from <paramref name="samplesOffset"/>; returns how many.
        /// </summary>
        public int Extract(byte[] bytes, int offset, int count, short[] samples, int samplesOffset)
        {
            if (bytes == null) throw new ArgumentException("bytes is null", "bytes");
            if (samples == null) throw new ArgumentException("samples is null", "samples");
            if (offset < 0 || count < 0 || offset > bytes.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "bytes " + offset.ToString() + ".." + (offset + count).ToString()
                    + " are outside an array of " + bytes.Length.ToString());
            }
            int needed = SamplesFor(count);
            if (samplesOffset < 0 || samplesOffset > samples.Length - needed)
            {
                throw new ArgumentOutOfRangeException("samplesOffset", needed.ToString() + " samples from "
                    + samplesOffset.ToString() + " do not fit an array of " + samples.Length.ToString());
            }

            int written = 0;
            int at = offset;
            int end = offset + count;
            if (_partialCount > 0)
            {
                int take = _frameBytes - _partialCount;
                if (take > count) take = count;
                Array.Copy(bytes, at, _partial, _partialCount, take);
                _partialCount += take;
                at += take;
                if (_partialCount == _frameBytes)
                {
                    samples[samplesOffset + written] = Convert(_partial, 0);
                    written++;
                    _partialCount = 0;
                }
            }
            while (end - at >= _frameBytes)
            {
                samples[samplesOffset + written] = Convert(bytes, at);
                written++;
                at += _frameBytes;
            }
            if (at < end)
            {
                Array.Copy(bytes, at, _partial, 0, end - at);
                _partialCount = end - at;
            }
            return written;
        }

        /// <summary>Drops a held partial frame (e.g. after the device was restarted).</summary>
        public void Reset()
        {
            _partialCount = 0;
        }

        // The microphone's sample of the frame at frameStart, aligned to the top of an int, rounded and saturated.
        private short Convert(byte[] frame, int frameStart)
        {
            int at = frameStart + _sampleByteOffset;
            int word;
            if (_bytesPerSample == 4)
            {
                word = frame[at] | (frame[at + 1] << 8) | (frame[at + 2] << 16) | (frame[at + 3] << 24);
            }
            else if (_bytesPerSample == 3)
            {
                word = (frame[at] << 8) | (frame[at + 1] << 16) | (frame[at + 2] << 24);
            }
            else
            {
                word = (frame[at] << 16) | (frame[at + 1] << 24);
            }
            return Fixed.Sat16(Fixed.RoundShift((long)word, _shift));
        }
    }
}
