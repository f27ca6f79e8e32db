using Edge.Asr.DeviceFacade;

namespace System.Device.I2s
{
    /// <summary>
    /// Desktop I2S device with the surface of nanoFramework.System.Device.I2s 1.0.28.
    /// Read fills the buffer from <see cref="DeviceSimulation.I2sSource"/> (blocking until full,
    /// as on the device); Write hands the bytes to <see cref="DeviceSimulation.I2sSink"/>.
    /// </summary>
    public class I2sDevice : IDisposable
    {
        private readonly I2sConnectionSettings _connectionSettings;
        private bool _disposed;

        /// <summary>Opens the bus described by <paramref name="settings"/>.</summary>
        public I2sDevice(I2sConnectionSettings settings)
        {
            _connectionSettings = settings;
            DeviceSimulation.RecordI2sOpened(settings);
        }

        /// <summary>The settings the device was opened with.</summary>
        public I2sConnectionSettings ConnectionSettings => _connectionSettings;

        /// <summary>Blocks until <paramref name="buffer"/> is full of received DMA bytes.</summary>
        public void Read(SpanByte buffer)
        {
            ThrowIfDisposed();
            if (!buffer.TryGetSegment(out byte[]? array, out int start, out int length)) return;
            DeviceSimulation.ReadI2s(array, start, length);
        }

        /// <summary>Transmits the bytes of <paramref name="buffer"/>.</summary>
        public void Write(SpanByte buffer)
        {
            ThrowIfDisposed();
            if (!buffer.TryGetSegment(out byte[]? array, out int start, out int length)) return;
            DeviceSimulation.WriteI2s(array, start, length);
        }

        /// <summary>Same as the constructor.</summary>
        public static I2sDevice Create(I2sConnectionSettings settings)
        {
            return new I2sDevice(settings);
        }

        /// <summary>Releases the bus.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(I2sDevice));
        }
    }
}
