using Edge.Asr.DeviceFacade;

namespace System.Device.I2s
{
    /// <summary>
    /// Desktop I2S device with the surface and failure behaviour of nanoFramework.System.Device.I2s 1.0.28
    /// (I2sDevice.cs, and nf-interpreter's ESP32 sys_dev_i2s_native_System_Device_I2s_I2sDevice.cpp):
    /// the constructor installs the bus's driver unless a device already holds it, and throws
    /// ArgumentException when the driver cannot be installed; Read throws ArgumentException when i2s_read
    /// fails (no driver on the bus, or as <see cref="DeviceSimulation.FailingI2sReads"/> says) and otherwise
    /// fills the buffer from <see cref="DeviceSimulation.I2sSource"/>, blocking until full; Dispose and the
    /// finalizer (which runs for a device whose constructor threw too) count the bus's driver down and
    /// uninstall it at zero. Write hands the bytes to <see cref="DeviceSimulation.I2sSink"/>.
    /// </summary>
    public class I2sDevice : IDisposable
    {
        private readonly I2sConnectionSettings _connectionSettings;
        private readonly int _generation;
        private bool _disposed;

        /// <summary>Opens the bus described by <paramref name="settings"/>.</summary>
        public I2sDevice(I2sConnectionSettings settings)
        {
            _connectionSettings = settings;
            _generation = DeviceSimulation.Generation;
            DeviceSimulation.OpenI2s(settings);
        }

        /// <summary>The settings the device was opened with.</summary>
        public I2sConnectionSettings ConnectionSettings => _connectionSettings;

        /// <summary>Blocks until <paramref name="buffer"/> is full of received DMA bytes.</summary>
        public void Read(SpanByte buffer)
        {
            if (!buffer.TryGetSegment(out byte[]? array, out int start, out int length)) return;
            DeviceSimulation.ReadI2s(_connectionSettings.BusId, array, start, length);
        }

        /// <summary>Transmits the bytes of <paramref name="buffer"/>.</summary>
        public void Write(SpanByte buffer)
        {
            if (!buffer.TryGetSegment(out byte[]? array, out int start, out int length)) return;
            DeviceSimulation.WriteI2s(array, start, length);
        }

        /// <summary>Same as the constructor.</summary>
        public static I2sDevice Create(I2sConnectionSettings settings)
        {
            return new I2sDevice(settings);
        }

        /// <summary>Releases the bus: the driver is uninstalled when no other device holds it.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            DeviceSimulation.DisposeI2s(_connectionSettings.BusId, _generation);
            GC.SuppressFinalize(this);
        }

        /// <summary>The real device's finalizer disposes too: a device left to the GC uninstalls the bus's driver.</summary>
        ~I2sDevice()
        {
            if (_disposed || _connectionSettings == null) return;
            _disposed = true;
            DeviceSimulation.DisposeI2s(_connectionSettings.BusId, _generation);
        }
    }
}
