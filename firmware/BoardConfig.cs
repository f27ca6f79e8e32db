using System;

namespace Edge.Asr.Firmware
{
    /// <summary>
    /// What differs between boards: the microphone's I2S pins, the LED pin, the gain shift applied to
    /// the microphone's samples and which I2S slot it talks in. The presets match docs/device.md.
    /// </summary>
    public sealed class BoardConfig
    {
        private readonly string _name;
        private readonly MicrophonePins _pins;
        private readonly int _ledPin;
        private readonly int _gainShift;
        private readonly bool _microphoneOnRight;

        /// <summary>A board: its name, microphone pins, LED GPIO, gain shift (0..16) and microphone slot.</summary>
        public BoardConfig(string name, MicrophonePins pins, int ledPin, int gainShift, bool microphoneOnRight)
        {
            if (name == null || name.Length == 0) throw new ArgumentException("board name is empty", "name");
            if (ledPin < 0) throw new ArgumentOutOfRangeException("ledPin", "LED pin is negative: " + ledPin.ToString());
            if (gainShift < 0 || gainShift > I2sSampleExtractor.MaxGainShift)
            {
                throw new ArgumentOutOfRangeException("gainShift",
                    "gain shift must be 0.." + I2sSampleExtractor.MaxGainShift.ToString() + ", got " + gainShift.ToString());
            }
            _name = name;
            _pins = pins;
            _ledPin = ledPin;
            _gainShift = gainShift;
            _microphoneOnRight = microphoneOnRight;
        }

        /// <summary>
        /// ESP32 DevKit (WROOM/WROVER) + INMP441: SCK→GPIO32, WS→GPIO25, SD→GPIO33, L/R to GND (left
        /// slot), on-board LED GPIO2. Gain shift 2 (×4, +12 dB): the INMP441 reads −26 dBFS at 94 dB SPL,
        /// so speech at arm's length (about 65 dB SPL) arrives near −55 dBFS; +12 dB lifts it while a
        /// shout at 94 dB SPL still stays below full scale (−14 dBFS).
        /// </summary>
        public static BoardConfig DevKitInmp441()
        {
            return new BoardConfig("ESP32 DevKit + INMP441", new MicrophonePins(32, 25, 33), 2, 2, false);
        }

        /// <summary>
        /// ESP32-S3 DevKitC + INMP441: SCK→GPIO4, WS→GPIO5, SD→GPIO6, L/R to GND, LED GPIO21
        /// (an external LED with a resistor; the board's RGB LED is a WS2812, not a plain GPIO). Gain shift 2.
        /// </summary>
        public static BoardConfig Esp32S3()
        {
            return new BoardConfig("ESP32-S3 + INMP441", new MicrophonePins(4, 5, 6), 21, 2, false);
        }

        /// <summary>Name printed in the start-up banner.</summary>
        public string Name { get { return _name; } }

        /// <summary>The microphone's bit clock, word select and data GPIOs.</summary>
        public MicrophonePins Pins { get { return _pins; } }

        /// <summary>GPIO of the LED that blinks on a command (driven high = on).</summary>
        public int LedPin { get { return _ledPin; } }

        /// <summary>Gain 2^GainShift applied while extracting 16-bit samples (saturating).</summary>
        public int GainShift { get { return _gainShift; } }

        /// <summary>True when the microphone's L/R pin is tied high (it sends in the right slot).</summary>
        public bool MicrophoneOnRight { get { return _microphoneOnRight; } }
    }
}
