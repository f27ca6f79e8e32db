using System;
using System.Collections.Generic;
using System.Globalization;

namespace Edge.Asr.Sim.Native
{
    /// <summary>What native/rv32/replay.c printed: retired instructions per op and in total, calls, mismatches.</summary>
    public sealed class DeviceCost
    {
        private DeviceCost(long instructions, int calls, int mismatches, IReadOnlyList<OpCost> ops)
        {
            Instructions = instructions;
            Calls = calls;
            Mismatches = mismatches;
            Ops = ops;
        }

        /// <summary>Instructions retired inside the kernels over the whole trace.</summary>
        public long Instructions { get; }

        public int Calls { get; }

        /// <summary>Kernel outputs on the target that differ from the C# reference (0 when bit-exact).</summary>
        public int Mismatches { get; }

        public IReadOnlyList<OpCost> Ops { get; }

        public static DeviceCost Parse(string output)
        {
            long? instructions = null;
            int? calls = null, mismatches = null;
            var ops = new List<OpCost>();
            foreach (string raw in output.Split('\n'))
            {
                string[] f = raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length == 6 && f[0] == "op" && f[2] == "calls" && f[4] == "instructions")
                    ops.Add(new OpCost(f[1], int.Parse(f[3], CultureInfo.InvariantCulture), long.Parse(f[5], CultureInfo.InvariantCulture)));
                else if (f.Length == 2 && f[0] == "instructions") instructions = long.Parse(f[1], CultureInfo.InvariantCulture);
                else if (f.Length == 2 && f[0] == "calls") calls = int.Parse(f[1], CultureInfo.InvariantCulture);
                else if (f.Length == 2 && f[0] == "mismatches") mismatches = int.Parse(f[1], CultureInfo.InvariantCulture);
            }
            if (instructions == null || calls == null || mismatches == null)
                throw new FormatException("the rv32 replay printed no totals: " + output.Trim());
            return new DeviceCost(instructions.Value, calls.Value, mismatches.Value, ops);
        }
    }

    /// <summary>One op's share: kernel calls and retired instructions.</summary>
    public sealed record OpCost(string Name, int Calls, long Instructions);
}
