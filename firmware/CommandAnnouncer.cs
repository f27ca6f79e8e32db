using System;
using System.Device.Gpio;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// What the device does on a command: one serial line <c>CMD &lt;label&gt; &lt;confidence&gt; &lt;ms&gt;</c>
    /// and the LED lit for <see cref="BlinkMs"/> ms of audio (switched off by <see cref="Tick"/>,
    /// so the audio loop never waits for it). A LED write that throws is reported on serial and
    /// retried after a back-off in audio time (<see cref="OutputGuard"/>); it never reaches the
    /// pipeline, so recognition goes on with a broken LED.
    /// </summary>
    public sealed class CommandAnnouncer : ICommandSink
    {
        /// <summary>How long the LED stays lit per command, in ms of audio.</summary>
        public const int BlinkMs = 200;

        private readonly ILineOutput _output;
        private readonly GpioPin _led;
        private readonly OutputGuard _ledGuard = new OutputGuard("LED");
        private bool _lit;
        private long _offAtMs;

        /// <summary>Prints to <paramref name="output"/>; blinks <paramref name="led"/> (an output pin) when it is not null.</summary>
        public CommandAnnouncer(ILineOutput output, GpioPin led)
        {
            _output = output;
            _led = led;
        }

        /// <summary>Failed LED writes since start-up.</summary>
        public long LedFailures { get { return _ledGuard.Failures; } }

        /// <summary>Prints the CMD line and lights the LED (unless a failed LED write is backing off).</summary>
        public void OnCommand(int classIndex, string label, int confidenceQ15, long timeMs)
        {
            _output.WriteLine(SerialFormat.CommandLine(label, confidenceQ15, timeMs));
            if (_led == null || !_ledGuard.Ready(timeMs)) return;
            if (!WriteLed(PinValue.High, timeMs)) return;
            _lit = true;
            _offAtMs = timeMs + BlinkMs;
        }

        /// <summary>Switches the LED off once <paramref name="audioMs"/> has passed the blink's end (retrying a failed switch after its back-off).</summary>
        public void Tick(long audioMs)
        {
            if (!_lit || audioMs < _offAtMs || !_ledGuard.Ready(audioMs)) return;
            if (WriteLed(PinValue.Low, audioMs)) _lit = false;
        }

        private bool WriteLed(PinValue value, long nowMs)
        {
            try
            {
                _led.Write(value);
            }
            catch (Exception e)
            {
                _output.WriteLine(_ledGuard.Failed(nowMs, e));
                return false;
            }
            string recovered = _ledGuard.Succeeded();
            if (recovered != null) _output.WriteLine(recovered);
            return true;
        }
    }
}
