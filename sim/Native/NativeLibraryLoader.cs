using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// Finds native/build/libedgeasr.so (built by test.sh, ./edge-asr or native/build.sh) for the
    /// P/Invoke seam: under EDGE_ASR_HOME, else in the first folder above the running assembly that
    /// holds it. Loads it once per process and checks its ABI version.
    /// </summary>
    public static class NativeLibraryLoader
    {
        public const string FileName = "libedgeasr.so";

        private static readonly object Gate = new object();
        private static bool _resolved;
        private static string? _path;
        private static string _problem = "not searched";

        /// <summary>The library's path, or null with <see cref="Problem"/> saying why it is unusable.</summary>
        public static string? LibraryPath
        {
            get { Resolve(); return _path; }
        }

        public static string Problem
        {
            get { Resolve(); return _problem; }
        }

        public static bool IsAvailable => LibraryPath != null;

        /// <summary>The repository's native/ folder (sources of the C kernels and the rv32 replay), or null.</summary>
        public static string? NativeRoot()
        {
            foreach (string candidate in Candidates())
            {
                string root = Path.GetDirectoryName(Path.GetDirectoryName(candidate)!)!;
                if (File.Exists(Path.Combine(root, "rv32", "replay.c"))) return root;
            }
            return null;
        }

        /// <summary>Where the library is looked for, in order.</summary>
        public static string[] Candidates()
        {
            var list = new System.Collections.Generic.List<string>();
            string? home = Environment.GetEnvironmentVariable("EDGE_ASR_HOME");
            if (!string.IsNullOrEmpty(home)) list.Add(Path.Combine(home, "native", "build", FileName));
            string? dir = AppContext.BaseDirectory;
            while (!string.IsNullOrEmpty(dir))
            {
                list.Add(Path.Combine(dir, "native", "build", FileName));
                dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar));
            }
            return list.ToArray();
        }

        private static void Resolve()
        {
            lock (Gate)
            {
                if (_resolved) return;
                _resolved = true;
                string? found = null;
                foreach (string c in Candidates()) if (File.Exists(c)) { found = c; break; }
                if (found == null)
                {
                    _problem = FileName + " not found (build it with native/build.sh)";
                    return;
                }
                IntPtr handle;
                try
                {
                    handle = NativeLibrary.Load(found);
                }
                catch (Exception e) when (e is DllNotFoundException || e is BadImageFormatException)
                {
                    _problem = found + " does not load: " + e.Message;
                    return;
                }
                NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly,
                    (name, assembly, paths) => name == NativeMethods.Library ? handle : IntPtr.Zero);
                int version = NativeMethods.easr_abi_version();
                if (version != PInvokeKernels.AbiVersion)
                {
                    _problem = found + " has ABI version " + version + ", expected " + PInvokeKernels.AbiVersion + " (rebuild it with native/build.sh)";
                    return;
                }
                _path = found;
            }
        }
    }
}
