using System;
using System.Device.I2s;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// The capture half of the firmware loop: one blocking I2sDevice.Read of a fixed number of
    /// frames, converted to int16 PCM by an <see cref="I2sSampleExtractor"/>. The buffers are
    /// allocated once; each <see cref="ReadBlock"/> allocates nothing.
    /// </summary>
    public sealed class MicrophoneReader
    {
        private readonly I2sDevice _device;
        private readonly I2sSampleExtractor _extractor;
        private readonly byte[] _bytes;
        private readonly short[] _samples;

        /// <summary>Reads <paramref name="samplesPerRead"/> frames per call from <paramref name="device"/>.</summary>
        public MicrophoneReader(I2sDevice device, I2sSampleLayout layout, int gainShift, int samplesPerRead)
        {
            if (device == null) throw new ArgumentException("device is null", "device");
            if (layout == null) throw new ArgumentException("layout is null", "layout");
            if (samplesPerRead < 1 || samplesPerRead > 16000)
            {
                throw new ArgumentOutOfRangeException("samplesPerRead",
                    "samples per read must be 1..16000, got " + samplesPerRead.ToString());
            }
            _device = device;
            _extractor = new I2sSampleExtractor(layout, gainShift);
            _bytes = new byte[samplesPerRead * layout.FrameBytes];
            _samples = new short[samplesPerRead];
        }

        /// <summary>The PCM of the last block (valid up to the count ReadBlock returned).</summary>
        public short[] Samples { get { return _samples; } }

        /// <summary>Blocks until one block is received; returns the number of samples in <see cref="Samples"/>.</summary>
        public int ReadBlock()
        {
            _device.Read(_bytes);
            return _extractor.Extract(_bytes, 0, _bytes.Length, _samples, 0);
        }
    }
}
