using System.Device.Gpio;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// What the device does on a command: one serial line <c>CMD &lt;label&gt; &lt;confidence&gt; &lt;ms&gt;</c>
    /// and the LED lit for <see cref="BlinkMs"/> ms of audio (switched off by <see cref="Tick"/>,
    /// so the audio loop never waits for it).
    /// </summary>
    public sealed class CommandAnnouncer : ICommandSink
    {
        /// <summary>How long the LED stays lit per command, in ms of audio.</summary>
        public const int BlinkMs = 200;

        private readonly ILineOutput _output;
        private readonly GpioPin _led;
        private bool _lit;
        private long _offAtMs;

        /// <summary>Prints to <paramref name="output"/>; blinks <paramref name="led"/> (an output pin) when it is not null.</summary>
        public CommandAnnouncer(ILineOutput output, GpioPin led)
        {
            _output = output;
            _led = led;
        }

        /// <summary>Prints the CMD line and lights the LED.</summary>
        public void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs)
        {
            _output.WriteLine(SerialFormat.CommandLine(label, confidenceQ15, timeMs));
            if (_led == null) return;
            _led.Write(PinValue.High);
            _lit = true;
            _offAtMs = timeMs + BlinkMs;
        }

        /// <summary>Switches the LED off once <paramref name="audioMs"/> has passed the blink's end.</summary>
        public void Tick(long audioMs)
        {
            if (!_lit || audioMs < _offAtMs) return;
            _led.Write(PinValue.Low);
            _lit = false;
        }
    }
}
