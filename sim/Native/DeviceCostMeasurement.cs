using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Edge.Asr.Blob;
using Edge.Asr.Frontend;
using Edge.Asr.Model;

namespace Edge.Asr.Sim.Native
{
    /// <summary>
    /// Measures what the native kernels cost on an ESP32-C3-class core (frontend frames and model): the engine runs on
    /// <paramref name="audio"/> with a <see cref="KernelTraceRecorder"/>; the kernel calls of the last
    /// second are replayed by native/rv32/replay.c, cross-compiled for rv32imc with the C kernels and
    /// the trace embedded read-only, under qemu-system-riscv32 -icount shift=0, where the
    /// retired-instruction counter (minstret) is read around each kernel call. The replay also checks
    /// every output against the C# reference on the target.
    /// </summary>
    public static class DeviceCostMeasurement
    {
        public const string Compiler = "riscv64-unknown-elf-gcc";
        public const string Emulator = "qemu-system-riscv32";
        public const string March = "rv32imc_zicsr";

        /// <summary>
        /// The C flags of the measured build. -fno-schedule-insns: gcc's scheduling before register
        /// allocation spreads loads (Linear's eight-row loop, the FFT) over more registers than rv32 has
        /// and spills. -funroll-loops: the element loops' counters and pointer steps shared by several
        /// elements (about 0.5M fewer instructions per audio second, for about 17 KB more code). The
        /// firmware build gives the kernel sources the same flags
        /// (native/nanoframework/InteropAssemblies/Edge.Asr.Native/FindINTEROP-Edge.Asr.Native.cmake;
        /// docs/device.md), so the firmware runs what is measured.
        /// </summary>
        public static readonly string[] OptimisationFlags = { "-O2", "-fno-schedule-insns", "-funroll-loops" };

        /// <summary>Both tools on PATH (test.sh installs them: gcc-riscv64-unknown-elf, picolibc-riscv64-unknown-elf, qemu-system-misc).</summary>
        public static string? MissingTool()
        {
            foreach (string tool in new[] { Compiler, Emulator })
                if (!OnPath(tool)) return tool;
            return null;
        }

        /// <summary>
        /// The trace of the kernel calls the engine makes for the mel frames [firstFrame, firstFrame + frames)
        /// of <paramref name="audio"/> (earlier frames warm the streaming state up, unrecorded).
        /// </summary>
        public static byte[] RecordTrace(ModelBlob blob, short[] audio, int firstFrame, int frames)
        {
            var recorder = new KernelTraceRecorder();
            ConformerModel model = BlobModelLoader.BuildModel(blob, recorder);
            var frontend = new LogMelFrontend();
            var mel = new short[LogMelFrontend.MelChannels];
            int frame = 0;
            for (int at = 0; at < audio.Length && frame < firstFrame + frames;)
            {
                at += frontend.Push(audio, at, audio.Length - at);
                if (!frontend.HasFrame) continue;
                frontend.ReadFrame(mel, 0);
                recorder.Recording = frame >= firstFrame;
                // Frame f was computed from samples [f * hop, f * hop + window) whatever the push sizes.
                recorder.LogMelFrame(audio, frame * LogMelFrontend.HopLength, LogMelFrontend.WindowLength, mel);
                model.Process(mel, 0);
                frame++;
            }
            if (frame < firstFrame + frames) throw new ArgumentException("audio too short: " + frame + " mel frames, need " + (firstFrame + frames));
            return recorder.ToArray();
        }

        /// <summary>Cross-compiles the replay with <paramref name="trace"/> and runs it under qemu; throws with the tool's output on failure.</summary>
        public static DeviceCost Measure(byte[] trace, string nativeRoot, TimeSpan timeout)
        {
            string work = Path.Combine(Path.GetTempPath(), "edge-asr-rv32-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            try
            {
                string tracePath = Path.Combine(work, "trace.bin");
                File.WriteAllBytes(tracePath, trace);
                var sources = new List<string>(Directory.GetFiles(Path.Combine(nativeRoot, "src"), "*.c"));
                sources.Sort(StringComparer.Ordinal);
                sources.Add(Path.Combine(nativeRoot, "rv32", "replay.c"));
                sources.Add(Path.Combine(nativeRoot, "rv32", "trace_blob.S"));
                var objects = new List<string>();
                foreach (string source in sources)
                {
                    string obj = Path.Combine(work, Path.GetFileName(source) + ".o");
                    var compile = new List<string> { "-march=" + March, "-mabi=ilp32" };
                    compile.AddRange(OptimisationFlags);
                    compile.AddRange(new[] { "--specs=picolibc.specs",
                        "-I" + Path.Combine(nativeRoot, "include"), "-I" + Path.Combine(nativeRoot, "rv32"),
                        "-DTRACE_FILE=\"" + tracePath + "\"", "-c", source, "-o", obj });
                    Run(Compiler, compile.ToArray(), timeout);
                    objects.Add(obj);
                }
                string elf = Path.Combine(work, "replay.elf");
                // Link against the rv32im multilib (Debian ships none for rv32imc; its code runs on either).
                var link = new List<string> { "-march=rv32im", "-mabi=ilp32", "--specs=picolibc.specs", "--oslib=semihost",
                    "-Wl,--defsym=__flash=0x80000000", "-Wl,--defsym=__flash_size=0x1000000",
                    "-Wl,--defsym=__ram=0x81000000", "-Wl,--defsym=__ram_size=0x400000" };
                link.AddRange(objects);
                link.Add("-o");
                link.Add(elf);
                Run(Compiler, link.ToArray(), timeout);
                string output = Run(Emulator, new[] { "-machine", "virt", "-cpu", "rv32", "-bios", "none", "-nographic", "-monitor", "none",
                    "-serial", "none", "-semihosting-config", "enable=on,target=native", "-icount", "shift=0", "-m", "64M", "-kernel", elf }, timeout);
                return DeviceCost.Parse(output);
            }
            finally
            {
                try { Directory.Delete(work, true); } catch (IOException) { }
            }
        }

        private static string Run(string tool, string[] args, TimeSpan timeout)
        {
            var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args) info.ArgumentList.Add(a);
            using Process p = Process.Start(info) ?? throw new InvalidOperationException(tool + " did not start");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit((int)timeout.TotalMilliseconds))
            {
                p.Kill(true);
                throw new InvalidOperationException(tool + " timed out after " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            }
            string text = stdout.Result + stderr.Result;
            if (p.ExitCode != 0) throw new InvalidOperationException(tool + " failed (exit " + p.ExitCode + "): " + text.Trim());
            return text;
        }

        private static bool OnPath(string tool)
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            if (path == null) return false;
            foreach (string dir in path.Split(Path.PathSeparator))
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, tool))) return true;
            return false;
        }
    }
}
