using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// Proves the guard: snippets that would not build or run on nanoFramework 1.x are rejected with
    /// a message naming file, line and symbol (an API the real mscorlib lacks is a compile error there);
    /// plain fixed-point code passes. The offending line of
    /// each rejected snippet carries the marker comment "// <-".
    /// </summary>
    public class GuardSnippetTests : IClassFixture<GuardSnippetTests.Results>
    {
        private const string Marker = "// <-";

        /// <summary>All rejected snippets checked together, and all passing snippets together (two compilations).</summary>
        public sealed class Results
        {
            public Results()
            {
                var guard = new PortabilityGuard(ApiAllowlist.LoadDefault());
                Rejected = guard.Check(RejectedSnippets.Select(s => new CheckedSource(s.Path, s.Text, s.Path.StartsWith("kernels/", StringComparison.Ordinal))));
                Passing = guard.Check(PassingSnippets.Select(s => new CheckedSource(s.Path, s.Text, s.Path.StartsWith("kernels/", StringComparison.Ordinal))));
            }

            public IReadOnlyList<string> Rejected { get; }

            public IReadOnlyList<string> Passing { get; }
        }

        private readonly Results _results;

        public GuardSnippetTests(Results results)
        {
            _results = results;
        }

        private static readonly (string Path, string Text)[] RejectedSnippets =
        {
            ("kernels/Snippets/ListOfInt.cs", Kernel("ListOfInt", "using System.Collections.Generic;", @"
        public static int Count()
        {
            var list = new List<int>(); // <-
            return list.Count;
        }")),
            ("kernels/Snippets/LinqSum.cs", Kernel("LinqSum", "using System.Linq;", @"
        public static int Total(int[] values)
        {
            return values.Sum(); // <-
        }")),
            ("kernels/Snippets/LinqQuery.cs", Kernel("LinqQuery", "using System.Linq;", @"
        public static object Positive(int[] values)
        {
            return from v in values where v > 0 select v; // <-
        }")),
            ("kernels/Snippets/MathExp.cs", Kernel("MathExp", "using System;", @"
        public static int Exp(int x)
        {
            return (int)Math.Exp(x); // <-
        }")),
            ("firmware/Snippets/MathInFirmware.cs", Kernel("MathInFirmware", "using System;", @"
        public static double Exp(double x)
        {
            return Math.Exp(x); // <-
        }")),
            ("kernels/Snippets/FloatField.cs", Kernel("FloatField", "", @"
        private static float _gain; // <-
        public static void Touch() { _gain = 0; }")),
            ("kernels/Snippets/FloatLiteral.cs", Kernel("FloatLiteral", "", @"
        public static int Half(int y)
        {
            return (int)(0.5 * y); // <-
        }")),
            ("kernels/Snippets/SpanOfShort.cs", Kernel("SpanOfShort", "using System;", @"
        public static int Length()
        {
            Span<short> s = new short[4]; // <-
            return s.Length;
        }")),
            ("kernels/Snippets/MultiDim.cs", Kernel("MultiDim", "", @"
        public static int Corner()
        {
            int[,] grid = new int[2, 2]; // <-
            return grid[1, 1];
        }")),
            ("kernels/Snippets/BlockCopy.cs", Kernel("BlockCopy", "using System;", @"
        public static void Copy(short[] a, short[] b)
        {
            Buffer.BlockCopy(a, 0, b, 0, 4); // <-
        }")),
            ("kernels/Snippets/CheckedAdd.cs", Kernel("CheckedAdd", "", @"
        public static int Add(int a, int b)
        {
            return checked(a + b); // <-
        }")),
            ("kernels/Snippets/Interpolation.cs", Kernel("Interpolation", "", @"
        public static string Describe(int n)
        {
            return $""n={n}""; // <-
        }")),
            ("kernels/Snippets/GenericMethod.cs", Kernel("GenericMethod", "", @"
        public static T Pick<T>(T a) // <-
        {
            return a;
        }")),
            ("kernels/Snippets/ArraySort.cs", Kernel("ArraySort", "using System;", @"
        public static void Order(int[] values)
        {
            Array.Sort(values); // <-
        }")),
            ("kernels/Snippets/ArrayResize.cs", Kernel("ArrayResize", "using System;", @"
        public static int[] Grow(int[] values)
        {
            Array.Resize(ref values, 8); // <-
            return values;
        }")),
            ("kernels/Snippets/ConsoleInKernel.cs", Kernel("ConsoleInKernel", "using System;", @"
        public static void Say()
        {
            Console.WriteLine(""hello""); // <-
        }")),
            ("kernels/Snippets/NullableInt.cs", Kernel("NullableInt", "", @"
        public static int Value(int x)
        {
            int? maybe = x; // <-
            return maybe ?? 0;
        }")),
            ("kernels/Snippets/TupleReturn.cs", Kernel("TupleReturn", "", @"
        public static int Sum(int a, int b)
        {
            var pair = (a, b); // <-
            return pair.a + pair.b;
        }")),
            ("kernels/Snippets/ForeachOverString.cs", Kernel("ForeachOverString", "", @"
        public static int Count(string text)
        {
            int n = 0;
            foreach (char c in text) n += c; // <-
            return n;
        }")),
            ("kernels/Snippets/YieldReturn.cs", Kernel("YieldReturn", "using System.Collections;", @"
        public static IEnumerable One()
        {
            yield return 1; // <-
        }")),
            ("kernels/Snippets/RecordType.cs", @"namespace Edge.Asr.Snippets
{
    public record Point(int X, int Y); // <-
}
"),
            ("kernels/Snippets/I2sInKernel.cs", Kernel("I2sInKernel", "using System.Device.I2s; // <-", @"
        public static int Rate()
        {
            return 16000;
        }")),
            ("firmware/Snippets/SimulationInFirmware.cs", Kernel("SimulationInFirmware", "using Edge.Asr.DeviceFacade;", @"
        public static void Clear()
        {
            DeviceSimulation.Reset(); // <-
        }")),
            ("kernels/Snippets/CompileError.cs", Kernel("CompileError", "", @"
        public static int Broken()
        {
            return undefinedName; // <-
        }")),
            ("kernels/Snippets/StaticCrossRead.cs", @"namespace Edge.Asr.Snippets
{
    public static class Costs
    {
        public static readonly int Taps = Tables.Weights.Length; // <-
    }

    public static class Tables
    {
        public static readonly short[] Weights = { 1, 2, 3 };
    }
}
"),
            ("kernels/Snippets/StaticCtorCrossRead.cs", @"namespace Edge.Asr.Snippets
{
    public static class Scales
    {
        public static readonly int First;

        static Scales()
        {
            First = Gains.Value(); // <-
        }
    }

    public static class Gains
    {
        public static int Value() { return 3; }
    }
}
"),
            ("kernels/Snippets/ArrayOver65535Bytes.cs", Kernel("ArrayOver65535Bytes", "", @"
        private static readonly short[] Table = // 32,768 shorts: 65,536 B
        { // <-
            " + string.Join(", ", Enumerable.Repeat("7", 32_768)) + @"
        };
        public static int First() { return Table[0]; }")),
            ("kernels/Snippets/ArraysOver64KiBInAll.cs", Kernel("ArraysOver64KiBInAll", "", @"
        // Alone this is fine; after ArrayOver65535Bytes (same assembly) it passes the 64 KiB shared table.
        private static readonly byte[] Small = { 1, 2, 3, 4 }; // <-
        public static int First() { return Small[0]; }")),
            ("kernels/Snippets/ShiftByParameter.cs", Kernel("ShiftByParameter", "", @"
        public static int Index(int a, int fracIn)
        {
            int fbits = fracIn - 5;
            return a >> fbits; // <-
        }")),
            ("kernels/Snippets/LongShiftPast63.cs", Kernel("LongShiftPast63", "", @"
        public static long Scale(long a)
        {
            int k = 40;
            return a << (k + 30); // <-
        }")),
            ("kernels/Snippets/CatchArgumentException.cs", Kernel("CatchArgumentException", "using System;", @"
        public static int CharAt(string s, int i)
        {
            try
            {
                return s[i];
            }
            catch (ArgumentException) // <-
            {
                return -1;
            }
        }")),
            ("firmware/Snippets/CatchIndexOutOfRange.cs", Kernel("CatchIndexOutOfRange", "using System;", @"
        public static int At(int[] values, int i)
        {
            try
            {
                return values[i];
            }
            catch (IndexOutOfRangeException) // <-
            {
                return 0;
            }
        }")),
        };

        private static readonly (string Path, string Text)[] PassingSnippets =
        {
            ("kernels/Snippets/DeviceBehaviourOk.cs", @"using System;

namespace Edge.Asr.Snippets
{
    public static class Sizes
    {
        public const int Taps = 4;
    }

    public sealed class ModelRefused : Exception
    {
        public ModelRefused(string message) : base(message)
        {
        }
    }

    public static class DeviceBehaviourOk
    {
        // Constants of another type and this type's own statics are safe in a static initializer.
        private static readonly short[] Window = new short[Sizes.Taps];
        private static readonly int WindowBytes = Window.Length * 2;
        private static readonly int[] Masks;

        static DeviceBehaviourOk()
        {
            Masks = new int[Sizes.Taps];
            for (int b = 0; b < Sizes.Taps; b++) Masks[b] = 1 << b;
        }

        public static int Bits(int x, int n, int blocks)
        {
            int mask = 0;
            for (int b = 0; b < blocks && b < 31; b++) mask |= 1 << b;
            long wide = (long)x << n;
            int k = n & 31;
            return mask + (x >> k) + (x << 3) + (int)(wide >> 40) + WindowBytes;
        }

        public static int Build(int width)
        {
            try
            {
                if (width <= 0) throw new ModelRefused(""width "" + width.ToString());
                return width;
            }
            catch (ModelRefused)
            {
                return 0;
            }
            catch (OutOfMemoryException)
            {
                return -1;
            }
            catch (Exception)
            {
                return -2;
            }
        }
    }
}
"),
            ("kernels/Snippets/FixedPointLoop.cs", Kernel("FixedPointLoop", "using System;", @"
        private const int Shift = 15;
        private static readonly short[] Table = { 0, 12540, 23170, 30274, 32767 };
        private readonly int[] _accumulators;

        public FixedPointLoop(int size)
        {
            if (size <= 0) throw new ArgumentOutOfRangeException(""size"", ""size must be positive, got "" + size.ToString());
            _accumulators = new int[size];
        }

        public short Apply(short[] input, sbyte[] weights)
        {
            if (input.Length != weights.Length) throw new ArgumentException(""lengths differ: "" + input.Length + "" vs "" + weights.Length);
            long sum = 0;
            for (int i = 0; i < input.Length; i++)
            {
                sum += (long)input[i] * weights[i];
            }
            Array.Clear(_accumulators, 0, _accumulators.Length);
            _accumulators[0] = unchecked((int)sum);
            short[] copy = new short[input.Length];
            Array.Copy(input, 0, copy, 0, input.Length);
            long rounded = (sum + (1L << (Shift - 1))) >> Shift;
            if (rounded > short.MaxValue) return short.MaxValue;
            if (rounded < short.MinValue) return short.MinValue;
            return (short)(rounded + Table[0]);
        }

        public static int Total(int[] values)
        {
            int total = 0;
            foreach (int v in values) total += v;
            return total;
        }")),
            ("kernels/Snippets/JaggedAndStruct.cs", @"using System;

namespace Edge.Asr.Snippets
{
    public struct Shape
    {
        public int Rows;
        public int Columns;

        public Shape(int rows, int columns)
        {
            Rows = rows;
            Columns = columns;
        }
    }

    public enum Mode
    {
        Fast,
        Exact,
    }

    public interface IKernel
    {
        void Run(short[] input, short[] output);
    }

    public sealed class Jagged : IKernel
    {
        private readonly short[][] _rows;
        private readonly Mode _mode;

        public Jagged(Shape shape, Mode mode)
        {
            _rows = new short[shape.Rows][];
            for (int r = 0; r < shape.Rows; r++) _rows[r] = new short[shape.Columns];
            _mode = mode;
        }

        public void Run(short[] input, short[] output)
        {
            if (output == null) throw new InvalidOperationException(""no output buffer"");
            for (int r = 0; r < _rows.Length; r++)
            {
                output[r] = _mode == Mode.Exact ? _rows[r][0] : input[r];
            }
        }
    }

    public sealed class KernelException : Exception
    {
        public KernelException(string message) : base(message)
        {
        }
    }
}
"),
            ("kernels/Snippets/CommonIdioms.cs", @"using System;

namespace Edge.Asr.Snippets
{
    public abstract class Layer
    {
        public abstract int Width { get; }

        public virtual string Describe() => ""layer of width "" + Width;
    }

    public sealed class Blob : Layer
    {
        public const string Magic = ""EASR"";
        private static readonly sbyte[] Weights = { -128, -1, 0, 1, 127 };
        private readonly byte[] _bytes;

        public Blob(byte[] bytes)
        {
            ArgumentNullException.ThrowIfNull(bytes);
            if (bytes.Length < 8) throw new ArgumentException(""blob too short: "" + bytes.Length + "" bytes"", nameof(bytes));
            _bytes = bytes;
        }

        public override int Width => BitConverter.ToInt32(_bytes, 4);

        public short this[int index] => BitConverter.ToInt16(_bytes, 2 * index);

        public bool HasMagic()
        {
            for (int i = 0; i < Magic.Length; i++)
            {
                if (_bytes[i] != (byte)Magic[i]) return false;
            }
            return true;
        }

        public override string Describe()
        {
            string kind = Width switch
            {
                0 => ""empty"",
                < 64 => ""small"",
                _ => ""large"",
            };
            return base.Describe() + "" ("" + kind + "", first weight "" + Weights[0].ToString() + "", max "" + int.MaxValue.ToString() + "")"";
        }

        public static uint Mix(uint a, ulong b)
        {
            unchecked
            {
                return (a * 2654435761u) ^ (uint)(b >> 7) ^ (uint)long.MaxValue;
            }
        }

        public static object Box(int x) => x is 0 ? null! : (object)x;
    }
}
"),
            ("firmware/Snippets/DeviceLoop.cs", @"using System;
using System.Device.Gpio;
using System.Device.I2s;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace Edge.Asr.Snippets
{
    public static class DeviceLoop
    {
        public static void Run()
        {
            Configuration.SetPinFunction(32, DeviceFunction.I2S1_BCK);
            var settings = new I2sConnectionSettings(1);
            settings.Mode = I2sMode.Master | I2sMode.Rx;
            var buffer = new byte[64];
            using (var mic = new I2sDevice(settings))
            {
                mic.Read(buffer);
                mic.Read(new SpanByte(buffer, 0, 32));
            }
            var gpio = new GpioController();
            GpioPin led = gpio.OpenPin(2, PinMode.Output);
            led.Write(PinValue.High);
            ulong start = HighResTimer.GetCurrent();
            float seconds = (HighResTimer.GetCurrent() - start) / 1000000f;
            Console.WriteLine(""took "" + seconds.ToString());
            Thread.Sleep(10);
        }
    }
}
"),
        };

        /// <summary>A kernel-style class named <paramref name="name"/> in namespace Edge.Asr.Snippets.</summary>
        private static string Kernel(string name, string usings, string body)
        {
            return usings + "\nnamespace Edge.Asr.Snippets\n{\n    public class " + name + "\n    {" + body + "\n    }\n}\n";
        }

        public static IEnumerable<object[]> Rejections()
        {
            yield return new object[] { "kernels/Snippets/ListOfInt.cs", "compile error: CS0246 The type or namespace name 'List<>' could not be found (are you missing a using directive or an assembly reference?)" };
            yield return new object[] { "kernels/Snippets/LinqSum.cs", "compile error: CS1061 'int[]' does not contain a definition for 'Sum' and no accessible extension method 'Sum' accepting a first argument of type 'int[]' could be found (are you missing a using directive or an assembly reference?)" };
            yield return new object[] { "kernels/Snippets/LinqQuery.cs", "LINQ is not allowed: from v in values where v > 0 select v" };
            yield return new object[] { "kernels/Snippets/MathExp.cs", "compile error: CS0103 The name 'Math' does not exist in the current context" };
            yield return new object[] { "firmware/Snippets/MathInFirmware.cs", "compile error: CS0103 The name 'Math' does not exist in the current context" };
            yield return new object[] { "kernels/Snippets/FloatField.cs", "floating point is not allowed in kernels/: System.Single" };
            yield return new object[] { "kernels/Snippets/FloatLiteral.cs", "floating point is not allowed in kernels/: 0.5" };
            yield return new object[] { "kernels/Snippets/SpanOfShort.cs", "compile error: CS0246 The type or namespace name 'Span<>' could not be found (are you missing a using directive or an assembly reference?)" };
            yield return new object[] { "kernels/Snippets/MultiDim.cs", "multidimensional arrays are not allowed: System.Int32[,]" };
            yield return new object[] { "kernels/Snippets/BlockCopy.cs", "compile error: CS0103 The name 'Buffer' does not exist in the current context" };
            yield return new object[] { "kernels/Snippets/CheckedAdd.cs", "checked is not allowed (it never throws on the device): checked(a + b)" };
            yield return new object[] { "kernels/Snippets/Interpolation.cs", "string interpolation is not allowed: $\"n={n}\"" };
            yield return new object[] { "kernels/Snippets/GenericMethod.cs", "generic declarations are not allowed: Pick<T>" };
            yield return new object[] { "kernels/Snippets/ArraySort.cs", "compile error: CS0117 'Array' does not contain a definition for 'Sort'" };
            yield return new object[] { "kernels/Snippets/ArrayResize.cs", "compile error: CS0117 'Array' does not contain a definition for 'Resize'" };
            yield return new object[] { "kernels/Snippets/ConsoleInKernel.cs", "not allowed in kernels/ (firmware only): System.Console::WriteLine(System.String)" };
            yield return new object[] { "kernels/Snippets/NullableInt.cs", "nullable types are not allowed: int?" };
            yield return new object[] { "kernels/Snippets/TupleReturn.cs", "tuples are not allowed: (a, b)" };
            yield return new object[] { "kernels/Snippets/ForeachOverString.cs", "foreach is allowed over arrays only: System.String" };
            yield return new object[] { "kernels/Snippets/YieldReturn.cs", "yield is not allowed: yield" };
            yield return new object[] { "kernels/Snippets/RecordType.cs", "records are not allowed (their generated equality is generic): Point" };
            yield return new object[] { "kernels/Snippets/I2sInKernel.cs", "namespace not allowed in kernels/ (firmware only): System.Device.I2s" };
            yield return new object[] { "firmware/Snippets/SimulationInFirmware.cs", "compile error: CS0103 The name 'DeviceSimulation' does not exist in the current context" };
            yield return new object[] { "kernels/Snippets/StaticCrossRead.cs", DeviceBehaviourRules.StaticInitRule + ": Edge.Asr.Snippets.Tables::Weights" };
            yield return new object[] { "kernels/Snippets/StaticCtorCrossRead.cs", DeviceBehaviourRules.StaticInitRule + ": Edge.Asr.Snippets.Gains::Value()" };
            yield return new object[] { "kernels/Snippets/ArrayOver65535Bytes.cs", DeviceBehaviourRules.ArrayTooLargeRule + ": 65,536 B" };
            yield return new object[] { "kernels/Snippets/ArraysOver64KiBInAll.cs", DeviceBehaviourRules.ArraysTooLargeRule + ": 65,540 B so far" };
            yield return new object[] { "kernels/Snippets/ShiftByParameter.cs", DeviceBehaviourRules.ShiftRule + ": a >> fbits (32-bit operand, count unbounded)" };
            yield return new object[] { "kernels/Snippets/LongShiftPast63.cs", DeviceBehaviourRules.ShiftRule + ": a << (k + 30) (64-bit operand, count [70, 70])" };
            yield return new object[] { "kernels/Snippets/CatchArgumentException.cs", DeviceBehaviourRules.CatchRule + ": System.ArgumentException" };
            yield return new object[] { "firmware/Snippets/CatchIndexOutOfRange.cs", DeviceBehaviourRules.CatchRule + ": System.IndexOutOfRangeException" };
            yield return new object[] { "kernels/Snippets/CompileError.cs", "compile error: CS0103 The name 'undefinedName' does not exist in the current context" };
        }

        [Theory]
        [MemberData(nameof(Rejections))]
        public void RejectsWithFileLineAndSymbol(string path, string expected)
        {
            string text = RejectedSnippets.Single(s => s.Path == path).Text;
            int line = Array.FindIndex(text.Split('\n'), l => l.Contains(Marker, StringComparison.Ordinal)) + 1;
            Assert.True(line > 0, "snippet " + path + " has no marker line");
            string wanted = path + ":" + line + ": " + expected;

            Assert.True(_results.Rejected.Contains(wanted),
                "expected violation\n  " + wanted + "\nbut the guard reported for this file:\n  "
                + string.Join("\n  ", _results.Rejected.Where(v => v.StartsWith(path + ":", StringComparison.Ordinal))));
        }

        [Fact]
        public void EveryRejectedSnippetIsCovered()
        {
            var tested = new HashSet<string>(Rejections().Select(r => (string)r[0]));
            Assert.Equal(RejectedSnippets.Select(s => s.Path).OrderBy(p => p, StringComparer.Ordinal), tested.OrderBy(p => p, StringComparer.Ordinal));
        }

        [Fact]
        public void FirmwareMayUseFloatingPointButNotMath()
        {
            Assert.DoesNotContain(_results.Rejected, v => v.StartsWith("firmware/", StringComparison.Ordinal) && v.Contains("floating point", StringComparison.Ordinal));
            Assert.DoesNotContain(_results.Passing, v => v.StartsWith("firmware/", StringComparison.Ordinal));
        }

        [Fact]
        public void PlainFixedPointCodeAndDeviceApisPass()
        {
            Assert.True(_results.Passing.Count == 0, "unexpected violations:\n" + string.Join("\n", _results.Passing));
        }
    }
}
