using System.Device.I2s;
using nanoFramework.Hardware.Esp32;

namespace Edge.Asr.Firmware
{
    /// <summary>The three ESP32 GPIO numbers an I2S microphone is wired to.</summary>
    public struct MicrophonePins
    {
        /// <summary>Bit clock (INMP441 SCK).</summary>
        public int BitClock;

        /// <summary>Word select (INMP441 WS).</summary>
        public int WordSelect;

        /// <summary>Serial data from the microphone (INMP441 SD).</summary>
        public int Data;

        /// <summary>Pins for bit clock, word select and data.</summary>
        public MicrophonePins(int bitClock, int wordSelect, int data)
        {
            BitClock = bitClock;
            WordSelect = wordSelect;
            Data = data;
        }
    }

    /// <summary>
    /// Routes an INMP441-class microphone to I2S1 and describes how to read it: the ESP32 drives
    /// the clocks (Master, Rx) at 16 kHz in Philips I2S format; the microphone sends 24-bit
    /// samples left-justified in 32-bit slots on the left channel (its L/R pin tied low).
    /// Both slots are read (RightLeft) and the extractor keeps the microphone's: the nanoCLR copy
    /// loop assumes two DMA words per frame, which OnlyLeft may break (docs/i2s-layout.md).
    /// </summary>
    public static class MicrophoneConfig
    {
        /// <summary>The I2S peripheral the microphone uses.</summary>
        public const int BusId = 1;

        /// <summary>Audio sample rate in Hz (the model's rate).</summary>
        public const int SampleRate = 16000;

        /// <summary>Gives the pins their I2S1 functions and returns the settings to open the I2sDevice with.</summary>
        public static I2sConnectionSettings Configure(MicrophonePins pins)
        {
            Configuration.SetPinFunction(pins.BitClock, DeviceFunction.I2S1_BCK);
            Configuration.SetPinFunction(pins.WordSelect, DeviceFunction.I2S1_WS);
            Configuration.SetPinFunction(pins.Data, DeviceFunction.I2S1_MDATA_IN);
            return Settings();
        }

        /// <summary>The settings to open the I2sDevice with, without routing any pin (the desktop reads the byte layout from them).</summary>
        public static I2sConnectionSettings Settings()
        {
            var settings = new I2sConnectionSettings(BusId);
            settings.SampleRate = SampleRate;
            settings.Mode = I2sMode.Master | I2sMode.Rx;
            settings.CommunicationFormat = I2sCommunicationFormat.I2S;
            settings.BitsPerSample = I2sBitsPerSample.Bit32;
            settings.ChannelFormat = I2sChannelFormat.RightLeft;
            return settings;
        }
    }
}
