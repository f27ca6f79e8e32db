namespace Edge.Asr.Sim.Eval
{
    /// <summary>
    /// What <c>edge-asr bench --json</c> reports (docs/simulator.md). BenchCommand fills it from a
    /// real model: nothing here has a default value.
    /// </summary>
    public sealed class BenchFigures
    {
        public BenchFigures(double realtimeFactor, long macsPerAudioSecond, long weightsBytes, long flashBytes, long peakRamBytes,
            double estDeviceLoadNative, double estDeviceLoadManaged)
        {
            RealtimeFactor = realtimeFactor;
            MacsPerAudioSecond = macsPerAudioSecond;
            WeightsBytes = weightsBytes;
            FlashBytes = flashBytes;
            PeakRamBytes = peakRamBytes;
            EstDeviceLoadNative = estDeviceLoadNative;
            EstDeviceLoadManaged = estDeviceLoadManaged;
        }

        /// <summary>Desktop processing time ÷ audio time on one thread (0.005: 200× faster than real time).</summary>
        public double RealtimeFactor { get; }

        /// <summary>Multiply-accumulates per second of audio (model + frontend; the detector has none).</summary>
        public long MacsPerAudioSecond { get; }

        /// <summary>Bytes of the quantised weights and biases.</summary>
        public long WeightsBytes { get; }

        /// <summary>Bytes the device needs in flash: the whole blob (weights, tables, header).</summary>
        public long FlashBytes { get; }

        /// <summary>Largest RAM the pipeline holds at once: state, buffers, activations.</summary>
        public long PeakRamBytes { get; }

        /// <summary>Estimated share of one ESP32 core (1.0 = all of it) with native int kernels.</summary>
        public double EstDeviceLoadNative { get; }

        /// <summary>The same estimate for the kernels interpreted as managed code by nanoCLR.</summary>
        public double EstDeviceLoadManaged { get; }

        /// <summary>The kernels <see cref="RealtimeFactor"/> was measured on: "native" or "managed".</summary>
        public string Kernels { get; init; } = "managed";

        /// <summary>The same pipeline's real-time factor on the managed kernels, same run.</summary>
        public double RealtimeFactorManaged { get; init; }

        /// <summary>Retired rv32imc instructions of the native kernels per second of audio (qemu -icount), null when not measured.</summary>
        public long? DeviceInstructionsPerAudioSecond { get; init; }

        /// <summary>Share of one 160 MHz ESP32-C3 core from the measured instructions (1 per cycle).</summary>
        public double? EstDeviceLoadEsp32C3 { get; init; }

        /// <summary>Derived ESP32 (Xtensa, 240 MHz) load: the same instruction count at 1 per cycle.</summary>
        public double? EstDeviceLoadEsp32Derived { get; init; }
    }
}
