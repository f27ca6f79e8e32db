using Edge.Asr.DeviceFacade;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>ESP32 pin routing (nanoFramework.Hardware.Esp32 1.6.42, Configuration.cs); the desktop records each call.</summary>
    public class Configuration
    {
        /// <summary>Routes <paramref name="pin"/> to the peripheral signal <paramref name="value"/>.</summary>
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            DeviceSimulation.RecordPinFunction(pin, value);
        }
    }
}
