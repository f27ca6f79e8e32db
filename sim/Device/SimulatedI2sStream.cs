using System;
using System.IO;
using Edge.Asr.Firmware;
using Edge.Asr.Sim.Audio;

namespace Edge.Asr.Sim.Device
{
    /// <summary>
    /// A read-only stream of the I2S bytes an INMP441 would produce for the audio of an
    /// <see cref="IAudioSource"/> (16 kHz int16), converted block by block; set it as
    /// <c>DeviceSimulation.I2sSource</c> and the firmware's I2sDevice.Read receives exactly the
    /// device's layout. It ends when the source ends.
    /// </summary>
    public sealed class SimulatedI2sStream : ForwardReadStream
    {
        private const int BlockSamples = 1024;
        private readonly IAudioSource _source;
        private readonly I2sSampleLayout _layout;
        private readonly short[] _pcm = new short[BlockSamples];
        private readonly byte[] _bytes;
        private int _available;
        private int _position;
        private long _produced;
        private bool _ended;

        public SimulatedI2sStream(IAudioSource source, I2sSampleLayout layout)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _layout = layout ?? throw new ArgumentNullException(nameof(layout));
            _bytes = new byte[BlockSamples * layout.FrameBytes];
        }

        /// <summary>Samples converted so far.</summary>
        public long SamplesProduced => _produced;

        public override int Read(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            ArgumentOutOfRangeException.ThrowIfNegative(offset);
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
            if (count == 0) return 0;
            if (_position == _available && !Refill()) return 0;
            int n = Math.Min(count, _available - _position);
            Array.Copy(_bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        private bool Refill()
        {
            if (_ended) return false;
            int samples = _source.Read(_pcm, 0, BlockSamples);
            if (samples <= 0)
            {
                _ended = true;
                return false;
            }
            for (int i = 0; i < samples; i++)
            {
                SimulatedI2sBytes.WriteFrame(_layout, SimulatedI2sBytes.Sample24(_pcm[i]), _bytes, i * _layout.FrameBytes);
            }
            _produced += samples;
            _available = samples * _layout.FrameBytes;
            _position = 0;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _source.Dispose();
            base.Dispose(disposing);
        }
    }
}
