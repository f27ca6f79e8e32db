using Edge.Asr.DeviceFacade;

namespace System.Device.Gpio
{
    /// <summary>An open GPIO pin (nanoFramework.System.Device.Gpio 1.1.62, GpioPin.cs, without events); the desktop records writes.</summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly int _pinNumber;
        private PinMode _pinMode = PinMode.Input;
        private bool _disposed;

        internal GpioPin(int pinNumber)
        {
            _pinNumber = pinNumber;
        }

        /// <summary>The pin's number.</summary>
        public int PinNumber => _pinNumber;

        /// <summary>The pin's current mode.</summary>
        public PinMode GetPinMode() => _pinMode;

        /// <summary>Every mode is supported by the simulated pin.</summary>
        public bool IsPinModeSupported(PinMode pinMode)
        {
            ThrowIfDisposed();
            return true;
        }

        /// <summary>Changes the pin's mode.</summary>
        public void SetPinMode(PinMode value)
        {
            ThrowIfDisposed();
            _pinMode = value;
        }

        /// <summary>The pin's level.</summary>
        public PinValue Read()
        {
            ThrowIfDisposed();
            return DeviceSimulation.GpioLevel(_pinNumber) ? PinValue.High : PinValue.Low;
        }

        /// <summary>Drives the pin to <paramref name="value"/>.</summary>
        public void Write(PinValue value)
        {
            ThrowIfDisposed();
            DeviceSimulation.RecordGpioWrite(_pinNumber, (bool)value);
        }

        /// <summary>Inverts the pin's level.</summary>
        public void Toggle()
        {
            ThrowIfDisposed();
            DeviceSimulation.RecordGpioWrite(_pinNumber, !DeviceSimulation.GpioLevel(_pinNumber));
        }

        /// <summary>Releases the pin; later use throws ObjectDisposedException, as on the device.</summary>
        public void Dispose()
        {
            _disposed = true;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(GpioPin));
        }
    }
}
