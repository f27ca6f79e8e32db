using System;
using System.IO;

namespace Edge.Asr.Tests.Frontend
{
    /// <summary>Finds the repository root (the folder holding Edge.Asr.sln) from the test binaries.</summary>
    internal static class RepoPaths
    {
        public static string Root()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Edge.Asr.sln"))) dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException("Edge.Asr.sln not found above " + AppContext.BaseDirectory);
            return dir.FullName;
        }
    }
}
