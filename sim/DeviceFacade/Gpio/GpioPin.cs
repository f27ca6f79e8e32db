using Edge.Asr.DeviceFacade;

namespace System.Device.Gpio
{
    /// <summary>An open GPIO pin (nanoFramework.System.Device.Gpio 1.1.62, GpioPin.cs, without events); the desktop records writes.</summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly int _pinNumber;
        private PinMode _pinMode = PinMode.Input;

        internal GpioPin(int pinNumber)
        {
            _pinNumber = pinNumber;
        }

        /// <summary>The pin's number.</summary>
        public int PinNumber => _pinNumber;

        /// <summary>The pin's current mode.</summary>
        public PinMode GetPinMode() => _pinMode;

        /// <summary>Every mode is supported by the simulated pin.</summary>
        public bool IsPinModeSupported(PinMode pinMode) => true;

        /// <summary>Changes the pin's mode.</summary>
        public void SetPinMode(PinMode value) => _pinMode = value;

        /// <summary>The pin's level.</summary>
        public PinValue Read() => DeviceSimulation.GpioLevel(_pinNumber) ? PinValue.High : PinValue.Low;

        /// <summary>Drives the pin to <paramref name="value"/>.</summary>
        public void Write(PinValue value) => DeviceSimulation.RecordGpioWrite(_pinNumber, (bool)value);

        /// <summary>Inverts the pin's level.</summary>
        public void Toggle() => DeviceSimulation.RecordGpioWrite(_pinNumber, !DeviceSimulation.GpioLevel(_pinNumber));

        /// <summary>Releases the pin.</summary>
        public void Dispose()
        {
        }
    }
}
