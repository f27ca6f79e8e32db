using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Edge.Asr.Interop;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The interop glue compiled and run on the desktop against a STAND-IN of the nanoCLR declarations it uses
    /// (native/nanoframework/standin/nanoclr_standin.h: signatures mirrored from nf-interpreter, behaviour the harness's
    /// own) and a stub class header generated here from NativeKernels the way the metadata processor maps types. This
    /// catches syntax and type errors and checks the glue's own logic (MapResource, the registered flash blob, range
    /// checks); it is not the firmware build, which needs nf-interpreter and ESP-IDF (docs/device.md).
    /// </summary>
    public class GlueStandInTests
    {
        private static readonly string Interop = Path.Combine(RepoRoot.Path, "native", "nanoframework");

        [Fact]
        public void The_glue_compiles_against_the_stand_in_and_its_harness_passes()
        {
            string dir = Path.Combine(Path.GetTempPath(), "edge-asr-glue-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllText(Path.Combine(dir, "Edge_Asr_Native.h"),
                    "// stand-in for the generated assembly header\n#include \"nanoclr_standin.h\"\n");
                File.WriteAllText(Path.Combine(dir, "Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.h"), ClassHeader());
                string glue = Path.Combine(Interop, "InteropAssemblies", "Edge.Asr.Native", "Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.cpp");
                string harness = Path.Combine(Interop, "standin", "glue_harness.cpp");
                string include = Path.Combine(RepoRoot.Path, "native", "include");
                string[] kernels = Directory.GetFiles(Path.Combine(RepoRoot.Path, "native", "src"), "*.c");
                string exe = Path.Combine(dir, "glue_harness");

                // The C kernels as C99, the glue and harness as C++11 (nf-interpreter builds its C++ as C++11 or later).
                var objects = new StringBuilder();
                foreach (string c in kernels)
                {
                    string o = Path.Combine(dir, Path.GetFileNameWithoutExtension(c) + ".o");
                    Run("gcc", "-std=c99 -O1 -Wall -Wextra -Werror -c -I\"" + include + "\" \"" + c + "\" -o \"" + o + "\"");
                    objects.Append(" \"").Append(o).Append('"');
                }
                Run("g++", "-std=c++11 -O1 -Wall -Wextra -Werror -I\"" + dir + "\" -I\"" + Path.Combine(Interop, "standin") + "\" -I\"" + include
                    + "\" \"" + glue + "\" \"" + harness + "\"" + objects + " -o \"" + exe + "\"");
                string output = Run(exe, "");
                Assert.Matches(@"^glue stand-in: \d+ checks, 0 failed\s*$", output);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        // The class header the metadata processor would write for NativeKernels (its SkeletonTemplates' ClassHeaderTemplate
        // and ToNativeTypeAsString: int -> signed int, short -> int16_t, long -> int64_t, string -> const char*,
        // T[] -> CLR_RT_TypedArray_T), in the namespace the glue opens.
        private static string ClassHeader()
        {
            var h = new StringBuilder("// stand-in for the generated class header\nnamespace Edge_Asr_Native { namespace Edge_Asr { namespace Interop {\n"
                + "struct NativeKernels\n{\n");
            foreach (MethodInfo m in typeof(NativeKernels).GetMethods(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.Name))
            {
                string ps = string.Concat(m.GetParameters().Select(p => NativeType(p.ParameterType) + " " + p.Name + ", "));
                h.Append("    static ").Append(NativeType(m.ReturnType)).Append(' ').Append(m.Name).Append("( ").Append(ps).Append("HRESULT &hr );\n");
            }
            return h.Append("};\n} } }\n").ToString();
        }

        private static string NativeType(Type t)
        {
            if (t == typeof(void)) return "void";
            if (t == typeof(bool)) return "bool";
            if (t == typeof(short)) return "int16_t";
            if (t == typeof(int)) return "signed int";
            if (t == typeof(long)) return "int64_t";
            if (t == typeof(string)) return "const char*";
            if (t == typeof(byte[])) return "CLR_RT_TypedArray_UINT8";
            if (t == typeof(sbyte[])) return "CLR_RT_TypedArray_INT8";
            if (t == typeof(short[])) return "CLR_RT_TypedArray_INT16";
            if (t == typeof(int[])) return "CLR_RT_TypedArray_INT32";
            if (t == typeof(long[])) return "CLR_RT_TypedArray_INT64";
            throw new ArgumentException("no interop mapping for " + t);
        }

        private static string Run(string file, string arguments)
        {
            var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
            using Process p = Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, file + " " + arguments + " exited " + p.ExitCode + ":\n" + stdout + stderr);
            return stdout;
        }
    }
}
