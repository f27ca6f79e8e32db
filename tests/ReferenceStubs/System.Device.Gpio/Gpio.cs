// nanoFramework.System.Device.Gpio 1.1.62: System.Device.Gpio/GpioController.cs, GpioPin.cs,
// PinMode.cs, PinNumberingScheme.cs, PinValue.cs (tag v1.1.62).
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public extern GpioController();
        public extern GpioController(PinNumberingScheme numberingScheme);
        public extern PinNumberingScheme NumberingScheme { get; }
        public extern GpioPin OpenPin(int pinNumber);
        public extern GpioPin OpenPin(int pinNumber, PinMode mode);
        public extern void ClosePin(int pinNumber);
        public extern bool IsPinOpen(int pinNumber);
        public extern PinMode GetPinMode(int pinNumber);
        public extern void SetPinMode(int pinNumber, PinMode mode);
        public extern PinValue Read(int pinNumber);
        public extern void Write(int pinNumber, PinValue value);
        public extern void Dispose();
    }

    public sealed class GpioPin : IDisposable
    {
        internal extern GpioPin();
        public extern int PinNumber { get; }
        public extern PinMode GetPinMode();
        public extern bool IsPinModeSupported(PinMode pinMode);
        public extern void SetPinMode(PinMode value);
        public extern PinValue Read();
        public extern void Write(PinValue value);
        public extern void Toggle();
        public extern void Dispose();
    }

    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    public enum PinNumberingScheme
    {
        Logical,
        Board,
    }

    public readonly struct PinValue
    {
        public static extern PinValue High { get; }
        public static extern PinValue Low { get; }
        public static extern implicit operator PinValue(int value);
        public static extern implicit operator PinValue(bool value);
        public static extern explicit operator byte(PinValue value);
        public static extern explicit operator int(PinValue value);
        public static extern explicit operator bool(PinValue value);
        public extern bool Equals(PinValue other);
        public override extern bool Equals(object obj);
        public static extern bool operator ==(PinValue a, PinValue b);
        public static extern bool operator !=(PinValue a, PinValue b);
        public override extern int GetHashCode();
        public override extern string ToString();
    }
}
