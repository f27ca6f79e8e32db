using System;
using System.Device.I2s;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// Where the microphone's samples sit in the bytes I2sDevice.Read delivers on the ESP32
    /// (Master|Rx; see docs/i2s-layout.md): frames of <see cref="ChannelsPerFrame"/> samples,
    /// each sample the top <see cref="BytesPerSample"/> bytes of its 32-bit slot, little-endian;
    /// stereo frames are left slot then right slot.
    /// </summary>
    public sealed class I2sSampleLayout
    {
        private readonly int _bytesPerSample;
        private readonly int _channelsPerFrame;
        private readonly int _microphoneChannel;

        /// <summary>
        /// bytesPerSample 2, 3 or 4 (Bit16, Bit24, Bit32); channelsPerFrame 1 (mono) or 2 (RightLeft);
        /// microphoneChannel 0 (first = left) or 1 (second = right, stereo only).
        /// </summary>
        public I2sSampleLayout(int bytesPerSample, int channelsPerFrame, int microphoneChannel)
        {
            if (bytesPerSample < 2 || bytesPerSample > 4)
            {
                throw new ArgumentOutOfRangeException("bytesPerSample",
                    "bytes per sample must be 2, 3 or 4 (Bit16, Bit24, Bit32), got " + bytesPerSample.ToString());
            }
            if (channelsPerFrame < 1 || channelsPerFrame > 2)
            {
                throw new ArgumentOutOfRangeException("channelsPerFrame",
                    "channels per frame must be 1 or 2, got " + channelsPerFrame.ToString());
            }
            if (microphoneChannel < 0 || microphoneChannel >= channelsPerFrame)
            {
                throw new ArgumentOutOfRangeException("microphoneChannel",
                    "microphone channel must be 0.." + (channelsPerFrame - 1).ToString() + ", got " + microphoneChannel.ToString());
            }
            _bytesPerSample = bytesPerSample;
            _channelsPerFrame = channelsPerFrame;
            _microphoneChannel = microphoneChannel;
        }

        /// <summary>
        /// The layout Read delivers for these settings: Bit16/Bit24/Bit32 give 2/3/4 bytes per
        /// sample; RightLeft gives stereo frames (the microphone in the left slot unless
        /// <paramref name="microphoneOnRight"/>), every other channel format one sample per frame.
        /// </summary>
        public static I2sSampleLayout FromSettings(I2sConnectionSettings settings, bool microphoneOnRight)
        {
            if (settings == null) throw new ArgumentException("settings is null", "settings");
            int bytes;
            if (settings.BitsPerSample == I2sBitsPerSample.Bit16) bytes = 2;
            else if (settings.BitsPerSample == I2sBitsPerSample.Bit24) bytes = 3;
            else if (settings.BitsPerSample == I2sBitsPerSample.Bit32) bytes = 4;
            else throw new ArgumentException("8-bit I2S samples are not supported (use Bit16, Bit24 or Bit32)", "settings");

            if (settings.ChannelFormat == I2sChannelFormat.RightLeft)
            {
                return new I2sSampleLayout(bytes, 2, microphoneOnRight ? 1 : 0);
            }
            return new I2sSampleLayout(bytes, 1, 0);
        }

        /// <summary>Bytes of one sample (2, 3 or 4).</summary>
        public int BytesPerSample { get { return _bytesPerSample; } }

        /// <summary>Samples per frame (1 mono, 2 stereo).</summary>
        public int ChannelsPerFrame { get { return _channelsPerFrame; } }

        /// <summary>Which sample of a frame is the microphone (0 left/only, 1 right).</summary>
        public int MicrophoneChannel { get { return _microphoneChannel; } }

        /// <summary>Bytes of one frame (one sample period).</summary>
        public int FrameBytes { get { return _bytesPerSample * _channelsPerFrame; } }
    }
}
