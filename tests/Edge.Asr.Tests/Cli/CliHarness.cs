using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Edge.Asr.Sim.Commands;

namespace Edge.Asr.Tests.Cli
{
    /// <summary>Runs edge-asr in-process (the real entry, captured streams) or as a real process.</summary>
    public static class CliHarness
    {
        /// <summary>A finished run: exit code and both streams (also what FlashScript returns for scripts/flash.sh).</summary>
        public sealed class Result
        {
            public Result(int exitCode, string stdout, string stderr)
            {
                ExitCode = exitCode;
                Stdout = stdout;
                Stderr = stderr;
            }

            public int ExitCode { get; }
            public string Stdout { get; }
            public string Stderr { get; }

            public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        public static Result InProcess(byte[] stdin, params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = EdgeAsrCli.Run(args, stdout, stderr, () => new MemoryStream(stdin));
            return new Result(code, stdout.ToString(), stderr.ToString());
        }

        public static Result InProcess(params string[] args) => InProcess(new byte[0], args);

        /// <summary>Runs the built edge-asr.dll with dotnet, feeding <paramref name="stdin"/>.</summary>
        public static Result Process(byte[] stdin, params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "edge-asr.dll");
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepositoryRoot(),
            };
            psi.ArgumentList.Add(dll);
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = System.Diagnostics.Process.Start(psi)!;
            var stdoutTask = p.StandardOutput.ReadToEndAsync();
            var stderrTask = p.StandardError.ReadToEndAsync();
            p.StandardInput.BaseStream.Write(stdin, 0, stdin.Length);
            p.StandardInput.Close();
            p.WaitForExit();
            return new Result(p.ExitCode, stdoutTask.Result, stderrTask.Result);
        }

        /// <summary>The worktree root (the folder holding Edge.Asr.sln).</summary>
        public static string RepositoryRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Edge.Asr.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("Edge.Asr.sln not found above " + AppContext.BaseDirectory);
        }

        public static string Sample(string name) => Path.Combine(RepositoryRoot(), "samples", name);

        /// <summary>Runs scripts/<paramref name="name"/> with python3; the script's edge-asr (EDGE_ASR) is this build's edge-asr.dll.</summary>
        public static (int ExitCode, string Stdout, string Stderr) RunScriptWithThisBuild(string name, params string[] args) =>
            Edge.Asr.Tests.Training.Python.RunScript(Path.Combine(RepositoryRoot(), "scripts", name),
                new Dictionary<string, string> { ["EDGE_ASR"] = "dotnet '" + Path.Combine(AppContext.BaseDirectory, "edge-asr.dll") + "'" }, args);

        /// <summary>The PCM bytes of a canonical 44-byte-header 16 kHz mono WAV file.</summary>
        public static byte[] PcmOf(string wavPath)
        {
            byte[] all = File.ReadAllBytes(wavPath);
            var pcm = new byte[all.Length - 44];
            Array.Copy(all, 44, pcm, 0, pcm.Length);
            return pcm;
        }
    }
}
