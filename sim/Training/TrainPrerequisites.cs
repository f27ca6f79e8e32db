using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// What <c>edge-asr train</c> needs before it starts (so a missing package fails in a second, not
    /// after minutes of synthesis): Debian's python3 with numpy and torch, and the speech tools.
    /// </summary>
    public static class TrainPrerequisites
    {
        public const string Python = "/usr/bin/python3";

        /// <summary>The Debian packages that are missing, empty when all are there.</summary>
        public static List<string> Missing()
        {
            var missing = new List<string>();
            if (!File.Exists(Python)) missing.Add("python3");
            foreach (string tool in new[] { "espeak-ng", "flite", "sox", "festival" })
                if (!File.Exists("/usr/bin/" + tool)) missing.Add(tool);
            if (!Directory.Exists("/usr/share/sounds/freedesktop/stereo")) missing.Add("sound-theme-freedesktop");
            if (File.Exists(Python))
            {
                if (!Imports("numpy")) missing.Add("python3-numpy");
                if (!Imports("torch")) missing.Add("python3-torch");
            }
            return missing;
        }

        private static bool Imports(string module)
        {
            var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("import " + module);
            using Process? p = Process.Start(psi);
            if (p == null) return false;
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
    }
}
