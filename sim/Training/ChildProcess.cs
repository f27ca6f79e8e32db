using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace Edge.Asr.Sim.Training
{
    /// <summary>
    /// Runs a child process to its end, passing each stdout line through with a prefix as it comes
    /// (progress stays live) and keeping stderr, whose last line names a failure.
    /// </summary>
    public static class ChildProcess
    {
        /// <summary>The exit code and the last non-empty stderr line (empty when there was none).</summary>
        public sealed class Outcome
        {
            public Outcome(int exitCode, string lastError)
            {
                ExitCode = exitCode;
                LastError = lastError;
            }

            public int ExitCode { get; }
            public string LastError { get; }
        }

        public static Outcome Run(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment,
            TextWriter output, string prefix, CancellationToken stop)
        {
            var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args) psi.ArgumentList.Add(a);
            foreach (KeyValuePair<string, string> e in environment) psi.Environment[e.Key] = e.Value;
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + program);
            string lastError = "";
            object gate = new object();
            p.ErrorDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data)) lock (gate) lastError = e.Data.Trim();
            };
            p.BeginErrorReadLine();
            using (stop.Register(() => { try { p.Kill(true); } catch (InvalidOperationException) { } }))
            {
                string? line;
                while ((line = p.StandardOutput.ReadLine()) != null)
                {
                    output.WriteLine(prefix + line);
                    output.Flush();
                }
                p.WaitForExit();
            }
            lock (gate) return new Outcome(p.ExitCode, lastError);
        }
    }
}
