namespace System.Device.Gpio
{
    /// <summary>A pin level, High or Low (nanoFramework.System.Device.Gpio 1.1.62, PinValue.cs).</summary>
    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value) => _value = value;

        /// <summary>Logic high.</summary>
        public static PinValue High => new PinValue(1);

        /// <summary>Logic low.</summary>
        public static PinValue Low => new PinValue(0);

        /// <summary>Zero is Low, anything else High.</summary>
        public static implicit operator PinValue(int value) => value == 0 ? Low : High;

        /// <summary>False is Low, true High.</summary>
        public static implicit operator PinValue(bool value) => value ? High : Low;

        /// <summary>1 for High, 0 for Low.</summary>
        public static explicit operator byte(PinValue value) => value._value;

        /// <summary>1 for High, 0 for Low.</summary>
        public static explicit operator int(PinValue value) => value._value;

        /// <summary>True for High.</summary>
        public static explicit operator bool(PinValue value) => value._value != 0;

        /// <summary>Same level.</summary>
        public bool Equals(PinValue other) => other._value == _value;

        /// <summary>Same level.</summary>
        public override bool Equals(object? obj) => obj is PinValue other && Equals(other);

        /// <summary>Same level.</summary>
        public static bool operator ==(PinValue a, PinValue b) => a.Equals(b);

        /// <summary>Different levels.</summary>
        public static bool operator !=(PinValue a, PinValue b) => !a.Equals(b);

        /// <summary>The level as a hash.</summary>
        public override int GetHashCode() => _value.GetHashCode();

        /// <summary>"Low" or "High".</summary>
        public override string ToString() => _value == 0 ? "Low" : "High";
    }
}
