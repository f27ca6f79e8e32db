using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Edge.Asr.Tests.NfProj
{
    /// <summary>Finds the repository from the test binary and lists the device-portable sources.</summary>
    public static class RepoLayout
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        /// <summary>The folders whose sources run on the device (linked by Edge.Asr.nfproj).</summary>
        public static readonly string[] DeviceFolders = { "kernels", "firmware" };

        /// <summary>The device unit test project's folder (tests/NFUnitTest/NFUnitTest.nfproj); its sources run on the device too.</summary>
        public const string DeviceTestFolder = "tests/NFUnitTest";

        /// <summary>Every .cs directly in tests/NFUnitTest, repository-relative with forward slashes, sorted ordinally.</summary>
        public static IReadOnlyList<string> DeviceTestSourceFiles()
        {
            var files = new List<string>();
            string dir = Path.Combine(Root, DeviceTestFolder);
            if (!Directory.Exists(dir)) return files;
            foreach (string file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.TopDirectoryOnly))
            {
                files.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
            }
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        /// <summary>The repository root: the first ancestor of the test binary that holds Edge.Asr.sln.</summary>
        public static string Root => RootPath.Value;

        /// <summary>
        /// Every .cs file under kernels/ and firmware/ except build outputs (bin/, obj/), as
        /// repository-relative paths with forward slashes, sorted ordinally.
        /// </summary>
        public static IReadOnlyList<string> DeviceSourceFiles()
        {
            var files = new List<string>();
            foreach (string folder in DeviceFolders)
            {
                string dir = Path.Combine(Root, folder);
                if (!Directory.Exists(dir)) continue;
                foreach (string file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
                    string[] parts = relative.Split('/');
                    if (parts.Any(p => p == "bin" || p == "obj")) continue;
                    files.Add(relative);
                }
            }
            files.Sort(StringComparer.Ordinal);
            return files;
        }

        private static string FindRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null)
            {
                if (File.Exists(Path.Combine(dir, "Edge.Asr.sln"))) return dir;
                dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            }
            throw new InvalidOperationException("Edge.Asr.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
