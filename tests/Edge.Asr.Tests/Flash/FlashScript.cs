using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Edge.Asr.Tests.Cli;
using Edge.Asr.Tests.NfProj;

namespace Edge.Asr.Tests.Flash
{
    /// <summary>Runs scripts/flash.sh with bash as a real process, in a scratch folder it deletes afterwards.</summary>
    public sealed class FlashScript : IDisposable
    {
        public FlashScript()
        {
            Folder = Path.Combine(Path.GetTempPath(), "edge-asr-flash-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        /// <summary>The scratch folder (configs, a fake nanoff, its log).</summary>
        public string Folder { get; }

        public static string ScriptPath => Path.Combine(RepoLayout.Root, "scripts", "flash.sh");

        /// <summary>Writes <paramref name="text"/> to a file in the scratch folder and returns its path.</summary>
        public string Write(string name, string text)
        {
            string path = Path.Combine(Folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        /// <summary>A config with the given JSON members (already formatted, e.g. "\"baud\": 921600").</summary>
        public string Config(params string[] members) => Write("nanoff.config", "{\n  " + string.Join(",\n  ", members) + "\n}\n");

        /// <summary>
        /// Installs a fake nanoff in the scratch folder that logs its arguments (one call per line,
        /// one argument per tab-separated field) and exits with <paramref name="exitOnUpdate"/> for an
        /// --update call and <paramref name="exitOnDeploy"/> for a --deploy call.
        /// </summary>
        public string InstallFakeNanoff(int exitOnUpdate, int exitOnDeploy)
        {
            string bin = Path.Combine(Folder, "bin");
            Directory.CreateDirectory(bin);
            string script = "#!/bin/bash\n"
                + "(IFS=$'\\t'; echo \"$*\") >> '" + LogPath + "'\n"
                + "for a in \"$@\"; do\n"
                + "  if [ \"$a\" = --update ]; then exit " + exitOnUpdate + "; fi\n"
                + "  if [ \"$a\" = --deploy ]; then exit " + exitOnDeploy + "; fi\n"
                + "done\n"
                + "exit 0\n";
            string path = Path.Combine(bin, "nanoff");
            File.WriteAllText(path, script);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return bin;
        }

        /// <summary>The fake nanoff's log.</summary>
        public string LogPath => Path.Combine(Folder, "nanoff.log");

        /// <summary>The calls the fake nanoff received, each as its argument list.</summary>
        public string[][] LoggedCalls()
        {
            if (!File.Exists(LogPath)) return new string[0][];
            return Array.ConvertAll(File.ReadAllLines(LogPath), line => line.Split('\t'));
        }

        /// <summary>
        /// Runs the script with <paramref name="args"/>. <paramref name="pathPrefix"/>, when given, goes in
        /// front of a minimal PATH (/usr/bin:/bin) so that only the fake nanoff can be found.
        /// </summary>
        public CliHarness.Result Run(string? pathPrefix, params string[] args)
        {
            var psi = new ProcessStartInfo("bash")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Folder,
            };
            psi.ArgumentList.Add(ScriptPath);
            foreach (string a in args) psi.ArgumentList.Add(a);
            psi.Environment["PATH"] = (pathPrefix == null ? "" : pathPrefix + ":") + "/usr/bin:/bin";
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start bash");
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(true);
                throw new TimeoutException("flash.sh did not finish in 60 s");
            }
            return new CliHarness.Result(p.ExitCode, stdout, stderr.Result);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
