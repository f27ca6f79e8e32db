using System;
using System.IO;

namespace Edge.Asr.Tests.Ops
{
    /// <summary>Finds the repository root (the folder holding Edge.Asr.sln) from the test binaries.</summary>
    internal static class RepoRoot
    {
        public static string Path
        {
            get
            {
                string? dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(System.IO.Path.Combine(dir, "Edge.Asr.sln")))
                    dir = Directory.GetParent(dir)?.FullName;
                if (dir == null) throw new InvalidOperationException("Edge.Asr.sln not found above " + AppContext.BaseDirectory);
                return dir;
            }
        }
    }
}
