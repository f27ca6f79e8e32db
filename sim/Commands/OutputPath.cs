using System;
using System.IO;

namespace Edge.Asr.Sim.Commands
{
    /// <summary>
    /// Checks an output file before any work (bake's blob, eval's and run's --report): its folder is
    /// created when missing, and a path that still cannot be written is refused in one line.
    /// </summary>
    public static class OutputPath
    {
        /// <summary>Null when <paramref name="path"/> can be written (its folder now exists); else "cannot write PATH: why".</summary>
        public static string? Problem(string path)
        {
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full)) return "cannot write " + path + ": it is a folder";
            bool existed = File.Exists(full);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write)) { }
                if (!existed) File.Delete(full);
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return "cannot write " + path + ": " + e.Message.Replace('\n', ' ');
            }
        }
    }
}
