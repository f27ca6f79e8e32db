using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Training
{
    /// <summary>A test that needs GnuSpeech: skipped, with the reason, when scripts/setup-voices.sh has not installed it
    /// (./test.sh runs that script, so CI always runs these tests).</summary>
    public sealed class GnuSpeechFactAttribute : FactAttribute
    {
        public GnuSpeechFactAttribute()
        {
            if (!GnuSpeech.Installed) Skip = "GnuSpeech is not installed: run scripts/setup-voices.sh (./test.sh does)";
        }
    }

    public static class GnuSpeech
    {
        public static string Folder => Path.Combine(RepoLayout.Root, "training", "gnuspeech");

        public static bool Installed =>
            File.Exists(Path.Combine(Folder, "node_modules", "@echogarden", "gnuspeech-wasm", "package.json")) && OnPath("node");

        private static bool OnPath(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, tool)));
    }

    /// <summary>
    /// Renders through voices.py's own command for each GnuSpeech preset ("computer") and for the male preset at the
    /// three tract lengths training uses ("father"), once for all tests, and measures them in numpy.
    /// </summary>
    public sealed class GnuSpeechFixture : IDisposable
    {
        private const string Probe = @"
import json, os, subprocess, sys, wave
import numpy as np
sys.path.insert(0, sys.argv[1])
import voices as V
out_dir = sys.argv[2]
RATE = 16000

def render(name, preset, tract, pitch, text):
    path = os.path.join(out_dir, name + '.wav')
    cmd = V.tts_command({'engine': 'gnuspeech', 'voice': preset, 'tract': tract, 'pitch': pitch}, text, path)
    r = subprocess.run(cmd, capture_output=True)
    if r.returncode != 0:
        sys.exit('render failed: ' + r.stderr.decode())
    with wave.open(path) as w:
        return path, np.frombuffer(w.readframes(w.getnframes()), '<i2') / 32768.0

def loud_frames(x, n):
    # frames of n samples every 10 ms within 10 dB of the loudest
    f = np.lib.stride_tricks.sliding_window_view(x, n)[::160]
    e = (f ** 2).sum(1)
    return f[e > e.max() * 0.1]

def speech(x):
    # seconds of 10 ms frames within 35 dB of the loudest one, and their RMS in dBFS
    f = x[: len(x) // 160 * 160].reshape(-1, 160)
    e = np.sqrt((f ** 2).mean(1))
    loud = e > e.max() * 10 ** (-35 / 20)
    return float(loud.sum() * 0.01), float(20 * np.log10(np.sqrt((f[loud] ** 2).mean())))

def f0(x):
    # median pitch of the loud 40 ms frames: autocorrelation peak between 60 and 500 Hz
    lo, hi = RATE // 500, RATE // 60
    ps = []
    for s in loud_frames(x, 640):
        c = np.correlate(s, s, 'full')[639:]
        ps.append(RATE / (lo + int(np.argmax(c[lo:hi]))))
    return float(np.median(ps))

def bands(x):
    # level-normalised long-term spectrum of the loud frames in 24 log bands, 100-7000 Hz (dB)
    p = np.mean(np.abs(np.fft.rfft(loud_frames(x, 512) * np.hanning(512), axis=1)) ** 2, axis=0)
    f = np.fft.rfftfreq(512, 1 / RATE)
    e = np.geomspace(100, 7000, 25)
    b = 10 * np.log10(np.array([p[(f >= a) & (f < c)].sum() for a, c in zip(e[:-1], e[1:])]) + 1e-20)
    return b - b.mean()

def formants(x):
    # the first three peaks above 200 Hz of the cepstrally smoothed spectrum of the loud frames
    p = np.mean(np.abs(np.fft.rfft(loud_frames(x, 1024) * np.hanning(1024), axis=1)) ** 2, axis=0)
    c = np.fft.irfft(np.log(p + 1e-12))
    c[30:-30] = 0
    env = np.fft.rfft(c).real
    f = np.fft.rfftfreq(1024, 1 / RATE)
    return [float(f[i]) for i in range(1, len(env) - 1) if env[i] > env[i - 1] and env[i] > env[i + 1] and f[i] > 200][:3]

res = {'presets': {}}
spectra = {}
for preset, (tract, pitch) in V.GNUSPEECH_PRESETS.items():
    path, x = render(preset, preset, tract, pitch, 'computer')
    secs, level = speech(x)
    spectra[preset] = bands(x)
    res['presets'][preset] = {'path': path, 'speech_seconds': secs, 'speech_rms_dbfs': level, 'f0_hz': f0(x),
                              'full_scale': int((np.abs(x) >= 32767 / 32768).sum())}
names = list(spectra)
res['distances_db'] = {a + '/' + b: float(np.sqrt(np.mean((spectra[a] - spectra[b]) ** 2)))
                       for i, a in enumerate(names) for b in names[i + 1:]}
tract, pitch = V.GNUSPEECH_PRESETS['male']
res['male_formants_by_tract'] = [formants(render('male_%d' % i, 'male', round(tract * k, 2), pitch, 'father')[1])
                                 for i, k in enumerate(V.GNUSPEECH_TRACT_SCALES)]
res['tract_scales'] = V.GNUSPEECH_TRACT_SCALES
again, _ = render('male_again', 'male', tract, pitch, 'computer')
res['same_voice_same_bytes'] = open(again, 'rb').read() == open(res['presets']['male']['path'], 'rb').read()
print(json.dumps(res))
";

        private readonly Lazy<JsonElement> _result;

        public string Temp { get; }

        public GnuSpeechFixture()
        {
            Temp = Path.Combine(Path.GetTempPath(), "edge-asr-gnuspeech-" + Guid.NewGuid().ToString("N"));
            _result = new Lazy<JsonElement>(Measure);
        }

        /// <summary>The probe's measurements, rendered on first use (never when every test is skipped).</summary>
        public JsonElement Result => _result.Value;

        private JsonElement Measure()
        {
            Directory.CreateDirectory(Temp);
            var psi = new ProcessStartInfo(SynthRunner.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-c", Probe, Path.Combine(RepoLayout.Root, "training"), Temp }) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + SynthRunner.Python);
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException("GnuSpeech probe failed: " + stderr.Result);
            return JsonDocument.Parse(stdout).RootElement.Clone();
        }

        public void Dispose()
        {
            try { if (Directory.Exists(Temp)) Directory.Delete(Temp, true); } catch (IOException) { }
        }
    }

    public sealed class GnuSpeechVoiceTests : IClassFixture<GnuSpeechFixture>
    {
        private static readonly string[] Presets = { "male", "female", "large_child", "small_child" };
        private readonly GnuSpeechFixture _f;

        public GnuSpeechVoiceTests(GnuSpeechFixture f) { _f = f; }

        [GnuSpeechFact]
        public void EveryPresetSaysAKnownWordAsAudible16kMonoSpeechOfSaneLength()
        {
            JsonElement presets = _f.Result.GetProperty("presets");
            Assert.Equal(Presets, presets.EnumerateObject().Select(p => p.Name));
            foreach (JsonProperty p in presets.EnumerateObject())
            {
                short[] samples = WavPcm16.ReadMono16k(p.Value.GetProperty("path").GetString()!);
                // "computer" is about half a second of speech; the file holds it with GnuSpeech's short pauses.
                Assert.InRange(samples.Length, 8000, 40000);
                Assert.InRange(p.Value.GetProperty("speech_seconds").GetDouble(), 0.3, 1.0);
                Assert.True(p.Value.GetProperty("speech_rms_dbfs").GetDouble() > -25, p.Name + " is nearly silent");
                Assert.Equal(0, p.Value.GetProperty("full_scale").GetInt32());
            }
        }

        [GnuSpeechFact]
        public void PresetsAreDistinctSpeakersInPitchAndSpectrum()
        {
            JsonElement presets = _f.Result.GetProperty("presets");
            double[] f0 = Presets.Select(p => presets.GetProperty(p).GetProperty("f0_hz").GetDouble()).ToArray();
            for (int i = 1; i < f0.Length; i++)
                Assert.True(f0[i] > f0[i - 1], Presets[i] + " F0 " + f0[i] + " Hz is not above " + Presets[i - 1] + "'s " + f0[i - 1]);
            Assert.InRange(f0[0], 70, 140);
            Assert.InRange(f0[3], 230, 400);
            // Level-normalised long-term spectra: every pair of presets differs by at least 2 dB RMS over 24 bands
            // (measured 3.4 dB for male/female, the closest pair; re-seeding one voice's intonation moves it about 1 dB).
            foreach (JsonProperty d in _f.Result.GetProperty("distances_db").EnumerateObject())
                Assert.True(d.Value.GetDouble() >= 2.0, d.Name + ": spectra differ by only " + d.Value.GetDouble() + " dB");
        }

        [GnuSpeechFact]
        public void ALongerVocalTractLowersTheFormants()
        {
            // F2 and F3 of "father" for the male preset at tract scales 0.92, 1, 1.08: each longer tract resonates
            // lower (F1, near 600 Hz, moves by only 2-3 FFT bins, so it is not asserted).
            var byTract = _f.Result.GetProperty("male_formants_by_tract").EnumerateArray()
                .Select(f => f.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
            Assert.Equal(3, byTract.Length);
            foreach (int k in new[] { 1, 2 })
            {
                for (int i = 1; i < byTract.Length; i++)
                    Assert.True(byTract[i][k] < byTract[i - 1][k], "F" + (k + 1) + " " + string.Join("/", byTract.Select(f => f[k])));
                Assert.True(byTract[2][k] < 0.95 * byTract[0][k], "F" + (k + 1) + " moves less than 5 %");
            }
        }

        [GnuSpeechFact]
        public void TheSameVoiceAndTextGiveTheSameBytes()
        {
            Assert.True(_f.Result.GetProperty("same_voice_same_bytes").GetBoolean());
        }

        [GnuSpeechFact]
        public void BadArgumentsGiveOneLineErrors()
        {
            string outWav = Path.Combine(Path.GetTempPath(), "edge-asr-gnuspeech-bad-" + Guid.NewGuid().ToString("N") + ".wav");
            foreach (var (why, args) in new[] {
                ("unknown preset", new[] { "--preset", "robot", "--out", outWav, "hello" }),
                ("no --out", new[] { "--preset", "male", "hello" }),
                ("tract not a number", new[] { "--preset", "male", "--tract", "long", "--out", outWav, "hello" }),
                ("no text", new[] { "--preset", "male", "--out", outWav, " " }) })
            {
                var (code, stderr) = Node(args);
                Assert.True(code != 0, why + ": exit code 0");
                string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(lines.Length == 1, why + ": " + stderr);
                Assert.StartsWith("gnuspeech: error: ", lines[0]);
                Assert.False(File.Exists(outWav), why + ": wrote a file");
            }
        }

        [Fact]
        public void AMissingInstallIsOneLineNamingTheSetupScript()
        {
            string absent = Path.Combine(Path.GetTempPath(), "edge-asr-no-gnuspeech-" + Guid.NewGuid().ToString("N"));
            var (code, stdout, stderr) = Python.RunCode("import sys; sys.path.insert(0, sys.argv[1]); import voices; print(voices.gnuspeech_problem(" + JsonSerializer.Serialize(absent) + "))");
            Assert.True(code == 0, stderr);
            string line = stdout.Trim();
            Assert.DoesNotContain('\n', line);
            Assert.StartsWith("GnuSpeech: ", line);
            Assert.Contains("scripts/setup-voices.sh", line);
        }

        private static (int Code, string Stderr) Node(string[] args)
        {
            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(GnuSpeech.Folder, "render.mjs"));
            foreach (string a in args) psi.ArgumentList.Add(a);
            using Process p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start node");
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stderr.Result);
        }
    }
}
