namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// Device load from measured instructions per second of audio. ESP32-C3 (rv32imc, 160 MHz):
    /// one instruction per cycle is assumed (its in-order core issues one per cycle; multiplies,
    /// taken branches and flash-cache misses cost more and are not modelled). ESP32 (Xtensa LX6,
    /// 240 MHz): derived, not measured, by assuming the same instruction count at one per cycle.
    /// </summary>
    public static class DeviceLoad
    {
        public const double Esp32C3Hz = 160e6;
        public const double Esp32Hz = 240e6;

        public static double Esp32C3(double instructionsPerSecond) => instructionsPerSecond / Esp32C3Hz;

        public static double Esp32Derived(double instructionsPerSecond) => instructionsPerSecond / Esp32Hz;
    }
}
