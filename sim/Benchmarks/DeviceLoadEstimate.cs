using System.Reflection;
using Edge.Asr.Ops;

namespace Edge.Asr.Sim.Benchmarks
{
    /// <summary>
    /// The share of one 240 MHz ESP32 core the pipeline would need, from exact operation counts
    /// and stated assumptions (none of the cycle costs below is measured on a device):
    /// native = (MACs + table look-ups) × cycles per operation; managed = the same operations ×
    /// IL instructions per operation (counted in Linear's compiled inner loop) × cycles per IL
    /// instruction of the nanoCLR interpreter.
    /// </summary>
    public sealed class DeviceLoadEstimate
    {
        public const double CoreHz = 240e6;

        /// <summary>Assumption: Xtensa LX6 with its 16-bit multiply-accumulate, loads and loop overhead.</summary>
        public const double NativeCyclesPerOperation = 2;

        /// <summary>
        /// Assumption: cycles per interpreted IL instruction. The only figure at hand is a pin-toggle
        /// loop at ~160 k iterations/s (≈ 1,500 cycles per iteration of a few IL instructions and a
        /// native call, docs/shared nanoframework.md); plain arithmetic IL is taken as cheaper.
        /// </summary>
        public const double ManagedCyclesPerIlInstruction = 100;

        public DeviceLoadEstimate(long operationsPerSecond)
        {
            OperationsPerSecond = operationsPerSecond;
            MethodInfo process = typeof(Linear).GetMethod("Compute", BindingFlags.Public | BindingFlags.Static)!;
            IlInstructionsPerMac = IlLoopCounter.InnermostLoopInstructions(process);
        }

        /// <summary>MACs plus table look-ups per second of audio.</summary>
        public long OperationsPerSecond { get; }

        /// <summary>IL instructions of one iteration of Linear's inner MAC loop (counted, not assumed).</summary>
        public int IlInstructionsPerMac { get; }

        public double NativeCyclesPerSecond => OperationsPerSecond * NativeCyclesPerOperation;

        public double ManagedCyclesPerSecond => OperationsPerSecond * (double)IlInstructionsPerMac * ManagedCyclesPerIlInstruction;

        public double NativeLoad => NativeCyclesPerSecond / CoreHz;

        public double ManagedLoad => ManagedCyclesPerSecond / CoreHz;
    }
}
