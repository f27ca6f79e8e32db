using Edge.Asr.DeviceFacade;

namespace System.Device.Gpio
{
    /// <summary>GPIO access (nanoFramework.System.Device.Gpio 1.1.62, GpioController.cs, without events); the desktop records writes.</summary>
    public sealed class GpioController : IDisposable
    {
        // Open pins are process-wide, as on the device (the real list is static and IsPinOpen is native):
        // they live in DeviceSimulation, cleared by Reset.

        /// <summary>A controller with logical (chip) pin numbers.</summary>
        public GpioController()
        {
        }

        /// <summary>A controller with the given pin numbering.</summary>
        public GpioController(PinNumberingScheme numberingScheme) : this()
        {
            NumberingScheme = numberingScheme;
        }

        /// <summary>How pin numbers are interpreted.</summary>
        public PinNumberingScheme NumberingScheme { get; internal set; }

        /// <summary>Opens <paramref name="pinNumber"/>.</summary>
        public GpioPin OpenPin(int pinNumber)
        {
            var pin = new GpioPin(pinNumber);
            if (!DeviceSimulation.TryOpenGpioPin(pinNumber, pin)) throw new InvalidOperationException();
            return pin;
        }

        /// <summary>Opens <paramref name="pinNumber"/> in <paramref name="mode"/>.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            GpioPin pin = OpenPin(pinNumber);
            pin.SetPinMode(mode);
            return pin;
        }

        /// <summary>Closes open pin <paramref name="pinNumber"/> (InvalidOperationException when it is not open, as on the device).</summary>
        public void ClosePin(int pinNumber)
        {
            Pin(pinNumber).Dispose();
            DeviceSimulation.CloseGpioPin(pinNumber);
        }

        /// <summary>True when <paramref name="pinNumber"/> is open.</summary>
        public bool IsPinOpen(int pinNumber) => DeviceSimulation.OpenGpioPin(pinNumber) != null;

        /// <summary>The mode of open pin <paramref name="pinNumber"/>.</summary>
        public PinMode GetPinMode(int pinNumber) => Pin(pinNumber).GetPinMode();

        /// <summary>Changes the mode of <paramref name="pinNumber"/> (remembered when the pin is open here).</summary>
        public void SetPinMode(int pinNumber, PinMode mode)
        {
            DeviceSimulation.OpenGpioPin(pinNumber)?.SetPinMode(mode);
        }

        /// <summary>The level of <paramref name="pinNumber"/> (a native read on the device: no open pin needed).</summary>
        public PinValue Read(int pinNumber) => DeviceSimulation.GpioLevel(pinNumber) ? PinValue.High : PinValue.Low;

        /// <summary>Drives <paramref name="pinNumber"/> to <paramref name="value"/> (a native write on the device: no open pin needed).</summary>
        public void Write(int pinNumber, PinValue value) => DeviceSimulation.RecordGpioWrite(pinNumber, (bool)value);

        /// <summary>Closes every pin.</summary>
        public void Dispose()
        {
            // The real Dispose disposes every pin of the static list, whichever controller opened it.
            foreach (GpioPin pin in DeviceSimulation.CloseAllGpioPins()) pin.Dispose();
        }

        private GpioPin Pin(int pinNumber)
        {
            return DeviceSimulation.OpenGpioPin(pinNumber) ?? throw new InvalidOperationException();
        }
    }
}
