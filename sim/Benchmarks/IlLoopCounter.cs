using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;

namespace Edge.Asr.Sim.Benchmarks
{
    /// <summary>
    /// Counts the IL instructions of the innermost loop of a compiled method: decodes the method
    /// body's IL, finds every backward branch (a loop's closing jump) and returns the instruction
    /// count of the shortest one, from its target to the branch inclusive. That is what nanoCLR
    /// interprets per iteration (the same IL is deployed: the metadata processor converts it).
    /// </summary>
    public static class IlLoopCounter
    {
        private static readonly Dictionary<short, OpCode> Codes = LoadCodes();

        public static int InnermostLoopInstructions(MethodInfo method)
        {
            ArgumentNullException.ThrowIfNull(method);
            byte[] il = method.GetMethodBody()?.GetILAsByteArray()
                ?? throw new InvalidOperationException(method.Name + " has no IL body");
            var starts = new List<int>();
            var loops = new List<(int From, int To)>();
            int at = 0;
            while (at < il.Length)
            {
                starts.Add(at);
                short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
                OpCode op = Codes[value];
                int next = at + op.Size;
                int operand = OperandBytes(op.OperandType, il, next);
                int end = next + operand;
                if (op.OperandType == OperandType.ShortInlineBrTarget || op.OperandType == OperandType.InlineBrTarget)
                {
                    int offset = op.OperandType == OperandType.ShortInlineBrTarget ? (sbyte)il[next] : BitConverter.ToInt32(il, next);
                    int target = end + offset;
                    if (target <= at) loops.Add((target, at));
                }
                at = end;
            }
            if (loops.Count == 0) throw new InvalidOperationException(method.Name + " has no loop");
            int best = int.MaxValue;
            foreach ((int from, int to) in loops)
            {
                int count = 0;
                foreach (int s in starts) if (s >= from && s <= to) count++;
                best = Math.Min(best, count);
            }
            return best;
        }

        private static int OperandBytes(OperandType type, byte[] il, int at) => type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
            _ => 4,
        };

        private static Dictionary<short, OpCode> LoadCodes()
        {
            var codes = new Dictionary<short, OpCode>();
            foreach (FieldInfo f in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
                if (f.GetValue(null) is OpCode op) codes[op.Value] = op;
            return codes;
        }
    }
}
