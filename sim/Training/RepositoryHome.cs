using System;
using System.IO;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// The repository root, where training/ lives: EDGE_ASR_HOME (exported by ./edge-asr), else the
    /// first folder holding Edge.Asr.sln above the running assembly.
    /// </summary>
    public static class RepositoryHome
    {
        public const string Variable = "EDGE_ASR_HOME";

        /// <summary>The root, or null when neither the variable nor a solution above the assembly names one.</summary>
        public static string? Find()
        {
            string? home = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrEmpty(home) && File.Exists(Path.Combine(home, "training", "synth.py"))) return Path.GetFullPath(home);
            string? dir = Path.GetDirectoryName(typeof(RepositoryHome).Assembly.Location);
            while (dir != null)
            {
                if (File.Exists(Path.Combine(dir, "Edge.Asr.sln"))) return dir;
                dir = Path.GetDirectoryName(dir);
            }
            return null;
        }
    }
}
