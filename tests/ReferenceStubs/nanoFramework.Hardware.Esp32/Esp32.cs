// nanoFramework.Hardware.Esp32 1.6.42: nanoFramework.Hardware.Esp32/Configuration.cs,
// DeviceTypePins.cs (the I2S members of DeviceFunction), HighResTimer.cs (tag v1.6.42).
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public extern Configuration();
        public static extern void SetPinFunction(int pin, DeviceFunction value);
    }

    public enum DeviceFunction
    {
        I2S1_MCK = 0x060100,
        I2S1_BCK = 0x060101,
        I2S1_WS = 0x060102,
        I2S1_DATA_OUT = 0x060103,
        I2S1_MDATA_IN = 0x060104,
        I2S2_MCK = 0x060200,
        I2S2_BCK = 0x060201,
        I2S2_WS = 0x060202,
        I2S2_DATA_OUT = 0x060203,
        I2S2_MDATA_IN = 0x060204,
    }

    public class HighResTimer
    {
        private extern HighResTimer();
        public static extern ulong GetCurrent();
    }
}
