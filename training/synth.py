#!/usr/bin/python3
"""Synthesise a keyword-spotting data set from a word list (issue 6, item 1).

Text -> speech with espeak-ng and flite (train/val) or festival and held-out
espeak-ng accents (test), 16 kHz, trimmed, placed at a seeded offset in a 1 s
window, then augmented (noise at 0-20 dB SNR, speed/pitch, reverb, telephone
band, gain).  Every random choice comes from a per-clip seed derived from
(seed, split, label, index), so the result does not depend on --jobs.

Output: OUT/<split>/<label dir>/<id>.wav (16 kHz mono s16, 16000 samples),
OUT/<split>/manifest.csv and OUT/synth.json.  See docs/data-synthesis.md.
"""
import argparse
import csv
import hashlib
import json
import multiprocessing
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import wave

try:
    import numpy as np
except ImportError:
    sys.exit("synth.py: error: missing python3-numpy (run ./test.sh to install it)")

RATE = 16000
WINDOW = RATE                      # exactly 1.000 s
MAX_SPEECH = int(0.9 * RATE)       # longer speech is sped up with sox tempo
SILENCE = "_silence_"
UNKNOWN = "_unknown_"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORDS = "yes,no,up,down,left,right,on,off,stop,go"
DEFAULT_UNKNOWN = os.path.join(HERE, "unknown_words.txt")

# espeak-ng English voices (espeak-ng --voices=en, non-mbrola).  Two accents are
# held out: they appear only in the test split, next to festival.
ESPEAK_TRAIN_ACCENTS = ["en-us", "en-gb", "en-gb-x-rp", "en-gb-x-gbclan",
                        "en-gb-x-gbcwmd", "en-us-nyc"]
ESPEAK_HELD_OUT_ACCENTS = ["en-029", "en-gb-scotland"]
# The test split keeps the first variant list, so held-out figures stay comparable across
# versions of this file; train/val draw from every espeak-ng variant that sounds like a person
# (the robot, "Demonic", "Tweaky" and announcer effects are left out).  More voices is the
# main lever against held-out voices: the training voices are few next to real speakers.
ESPEAK_TEST_VARIANTS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8",
                        "f1", "f2", "f3", "f4", "f5", "klatt2", "klatt3", "croak",
                        "Andy", "Annie", "edward", "linda", "steph", "max", "quincy",
                        "travis", "shelby"]
ESPEAK_VARIANTS = ESPEAK_TEST_VARIANTS + [
    "adam", "Alex", "Alicia", "Andrea", "antonio", "aunty", "belinda", "benjamin", "boris",
    "caleb", "david", "Denis", "Diogo", "ed", "edward2", "Gene", "Gene2", "gustave", "Henrique",
    "Hugo", "iven", "iven2", "iven3", "iven4", "Jacky", "john", "kaukovalta", "Lee", "Marco",
    "Mario", "Michael", "michel", "miguel", "Mike", "Nguyen", "pablo", "paul", "pedro",
    "RicishayMax", "rob", "robert", "steph2", "steph3", "zac", "anika", "grandpa", "grandma",
    "klatt", "klatt4", "klatt5", "klatt6", "norbert", "sandro", "victor", "whisper", "whisperf"]
# flite -lv lists kal awb_time kal16 awb rms slt; awb_time is a clock-only voice.
FLITE_VOICES = {"kal": (95, 125), "kal16": (95, 125), "awb": (95, 130),
                "rms": (90, 120), "slt": (160, 215)}
# Debian festival voices (festvox-kallpc16k, festvox-kdlpc16k, festvox-us-slt-hts).
FESTIVAL_VOICES = ["kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts"]
TRAINING_SPLITS = ("train", "val")

# Recorded event sounds from sound-theme-freedesktop used as "real" backgrounds.
# The audio-channel-* files are excluded: they say "front left" etc.
SOUND_THEME_DIR = "/usr/share/sounds/freedesktop/stereo"
SOUND_THEME_FILES = ["alarm-clock-elapsed", "bell", "camera-shutter", "complete",
                     "device-added", "device-removed", "dialog-error",
                     "dialog-information", "dialog-warning", "message-new-instant",
                     "message", "network-connectivity-established",
                     "network-connectivity-lost", "phone-incoming-call",
                     "phone-outgoing-busy", "phone-outgoing-calling", "power-plug",
                     "power-unplug", "screen-capture", "service-login",
                     "service-logout", "suspend-error", "trash-empty",
                     "window-attention", "window-question"]

WORD_RE = re.compile(r"^[a-z][a-z'\-]*( [a-z][a-z'\-]*)*$")


class UsageError(Exception):
    """A bad argument: reported as one line, exit status 2."""


def fail(message):
    raise UsageError(message)


# ---------------------------------------------------------------- arguments

def parse_word_list(text, what):
    """Comma- or newline-separated words; '#' comments; lower case; validated."""
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for item in line.split(","):
            word = " ".join(item.strip().lower().split())
            if not word:
                continue
            if not WORD_RE.match(word):
                fail("%s: '%s' is not a word or phrase of letters, apostrophes and hyphens" % (what, word))
            words.append(word)
    return words


def read_words_arg(value):
    if os.path.isfile(value):
        with open(value, encoding="utf-8") as f:
            return parse_word_list(f.read(), value)
    return parse_word_list(value.replace(";", ","), "--words")


def conflicts(word, commands):
    """True when an unknown word equals a command or is a word of a multi-word command."""
    for c in commands:
        if word == c or word in c.split(" "):
            return True
    return False


def phonemes(words):
    """espeak-ng en-us phonemes per word (stress marks removed), one call when possible."""
    if not words:
        return []
    out = run(["espeak-ng", "-q", "-x", "-v", "en-us", "--stdin"], stdin="\n".join(words).encode())
    tokens = out.decode().split()
    if len(tokens) != sum(len(w.split(" ")) for w in words):
        tokens = [run(["espeak-ng", "-q", "-x", "-v", "en-us", w]).decode().strip() for w in words]
        return [re.sub(r"[',]", "", t.replace(" ", "")) for t in tokens]
    result, i = [], 0
    for w in words:
        n = len(w.split(" "))
        result.append(re.sub(r"[',]", "", "".join(tokens[i:i + n])))
        i += n
    return result


def parse_args(argv):
    p = argparse.ArgumentParser(description="Synthesise 1 s keyword clips from a word list.")
    p.add_argument("--words", default=DEFAULT_WORDS,
                   help="commands: comma-separated, or a file with one per line (phrases allowed)")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-word", type=int, default=None,
                   help="train clips per command (val and test get 15%% of it each); default 1000, smoke 3")
    p.add_argument("--unknown-words", default=None,
                   help="file of unknown words (default: the shipped unknown_words.txt, commands excluded)")
    p.add_argument("--splits", default="train,val,test")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--smoke", action="store_true", help="a few clips per class, for CI")
    a = p.parse_args(argv)

    a.commands = read_words_arg(a.words)
    if not a.commands:
        fail("--words: the command list is empty")
    seen = set()
    for c in a.commands:
        if c in seen:
            fail("--words: duplicate command '%s'" % c)
        seen.add(c)
    a.splits = [s.strip() for s in a.splits.split(",") if s.strip()]
    if not a.splits or any(s not in ("train", "val", "test") for s in a.splits) or len(set(a.splits)) != len(a.splits):
        fail("--splits: give distinct names from train,val,test")
    if a.jobs < 1:
        fail("--jobs must be at least 1")
    if a.per_word is None:
        a.per_word = 3 if a.smoke else 1000
    if a.per_word < 1:
        fail("--per-word must be at least 1")

    explicit = a.unknown_words is not None
    path = a.unknown_words if explicit else DEFAULT_UNKNOWN
    if not os.path.isfile(path):
        fail("--unknown-words: no such file '%s'" % path)
    if os.path.isdir(a.out) and os.listdir(a.out):
        fail("--out: '%s' is not empty (remove it or choose another folder)" % a.out)
    with open(path, encoding="utf-8") as f:
        unknown = parse_word_list(f.read(), path)
    dedup = []
    for w in unknown:
        if w not in dedup:
            dedup.append(w)
    a.excluded_unknown = []
    kept = []
    for w in dedup:
        if conflicts(w, a.commands):
            if explicit:
                fail("--unknown-words: '%s' is also a command (or a word of one)" % w)
            a.excluded_unknown.append(w)
        else:
            kept.append(w)
    a.unknown_source = os.path.basename(path) if not explicit else path
    a.unknown = kept
    a.unknown_is_default = not explicit
    return a


# ---------------------------------------------------------------- subprocess helpers

def run(cmd, stdin=None):
    r = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (cmd[0], r.returncode, r.stderr.decode(errors="replace").strip()))
    return r.stdout


def sox_file(path, effects):
    """Read any audio file as 16 kHz mono float32 after sox effects (-R: repeatable)."""
    out = run(["sox", "-R", "-D", "-V1", path, "-t", "f32", "-r", str(RATE), "-c", "1", "-"]
              + effects + ["rate", "-v", str(RATE)])
    return np.frombuffer(out, dtype="<f4").astype(np.float64)


def sox_pipe(x, effects):
    """Run float samples (16 kHz mono) through sox effects."""
    out = run(["sox", "-R", "-D", "-V1", "-t", "f32", "-r", str(RATE), "-c", "1", "-",
               "-t", "f32", "-r", str(RATE), "-c", "1", "-"] + effects,
              stdin=x.astype("<f4").tobytes())
    return np.frombuffer(out, dtype="<f4").astype(np.float64)


def tool_version(cmd):
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode(errors="replace")
    except FileNotFoundError:
        return None
    lines = [l.strip() for l in out.splitlines() if l.strip()]
    for l in lines:
        if "version" in l.lower() or "sox" in l.lower() or "espeak" in l.lower():
            return l
    return lines[0] if lines else ""


def require_tools():
    missing = [t for t in ("espeak-ng", "flite", "sox", "festival") if shutil.which(t) is None]
    if missing:
        fail("missing tools: %s (run ./test.sh to install them)" % ", ".join(missing))
    for v in FESTIVAL_VOICES:
        if not any(os.path.isdir(os.path.join("/usr/share/festival/voices", lang, v)) for lang in ("english", "us")):
            fail("missing festival voice %s (run ./test.sh to install it)" % v)
    if not os.path.isdir(SOUND_THEME_DIR):
        fail("missing %s (sound-theme-freedesktop; run ./test.sh to install it)" % SOUND_THEME_DIR)
    try:
        import numpy  # noqa: F401  (imported at the top; this names the package when absent)
    except ImportError:
        fail("missing python3-numpy (run ./test.sh to install it)")


# ---------------------------------------------------------------- seeds and specs

def derive_seed(*parts):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(h[:8], "big")


def label_dir(label):
    return label.replace(" ", "_")


def pick_voice(rng, split):
    """A voice and its settings; festival and held-out accents only in test."""
    if split == "test":
        if rng.random() < 0.5:
            return {"engine": "festival", "voice": rng.choice(FESTIVAL_VOICES),
                    "stretch": round(rng.uniform(0.85, 1.2), 3)}
        accents, variants = ESPEAK_HELD_OUT_ACCENTS, ESPEAK_TEST_VARIANTS
    else:
        if rng.random() < 0.4:
            voice = rng.choice(sorted(FLITE_VOICES))
            lo, hi = FLITE_VOICES[voice]
            return {"engine": "flite", "voice": voice, "stretch": round(rng.uniform(0.8, 1.3), 3),
                    "f0": rng.randint(lo, hi)}
        accents, variants = ESPEAK_TRAIN_ACCENTS, ESPEAK_VARIANTS
    return {"engine": "espeak-ng", "voice": rng.choice(accents) + "+" + rng.choice(variants),
            "pitch": rng.randint(20, 80), "rate": rng.randint(120, 210)}


def pick_augmentation(rng, silence):
    """Seeded augmentation parameters; about 20% of speech clips stay clean."""
    aug = {}
    noises = ["white", "pink", "brown", "hum", "real", "babble"]
    if silence:
        # "zero": exact digital silence (zero-padded files, a muted line), which no noise level gives.
        kind = rng.choice(noises + ["digital", "zero"])
        aug["noise"] = kind
        if kind == "zero":
            return aug
        aug["noise_dbfs"] = round(rng.uniform(-90, -70) if kind == "digital" else rng.uniform(-65, -20), 2)
        if rng.random() < 0.15:
            aug["telephone"] = True
        return aug
    if rng.random() < 0.2:
        aug["peak_dbfs"] = round(rng.uniform(-12, -1), 2)
        return aug
    if rng.random() < 0.7:
        aug["noise"] = rng.choice(noises)
        aug["snr_db"] = round(rng.uniform(0, 20), 2)
    if rng.random() < 0.4:
        aug["speed"] = round(rng.uniform(0.9, 1.1), 3)
    if rng.random() < 0.4:
        aug["pitch_cents"] = rng.randint(-200, 200)
    if rng.random() < 0.25:
        aug["reverb"] = [rng.randint(20, 90), rng.randint(20, 80), rng.randint(30, 100)]
    if rng.random() < 0.15:
        aug["telephone"] = True
    if rng.random() < 0.3:
        aug["peak_dbfs"] = round(rng.uniform(-40, 6), 2)
    else:
        aug["peak_dbfs"] = round(rng.uniform(-12, -1), 2)
    return aug


def split_counts(args, split):
    n = args.per_word if split == "train" else max(2 if args.smoke else 1, int(round(args.per_word * 0.15)))
    counts = {SILENCE: n, UNKNOWN: 2 * n}
    for c in args.commands:
        counts[c] = n
    return counts


def make_specs(args):
    specs = []
    for split in args.splits:
        counts = split_counts(args, split)
        for label in [SILENCE, UNKNOWN] + args.commands:
            for i in range(counts[label]):
                seed = derive_seed(args.seed, split, label, i)
                rng = random.Random(seed)
                spec = {"split": split, "label": label, "index": i, "seed": seed,
                        "path": "%s/%s/%05d.wav" % (split, label_dir(label), i)}
                if label == SILENCE:
                    spec["voice"] = {"engine": "none", "voice": ""}
                    spec["text"] = ""
                else:
                    spec["text"] = rng.choice(args.unknown) if label == UNKNOWN else label
                    spec["voice"] = pick_voice(rng, split)
                spec["aug"] = pick_augmentation(rng, label == SILENCE)
                spec["rng_state"] = rng.getrandbits(64)   # for placement and noise offsets
                if split in TRAINING_SPLITS:
                    assert spec["voice"]["engine"] != "festival", "festival voice in a training split"
                    assert spec["voice"]["voice"].split("+")[0] not in ESPEAK_HELD_OUT_ACCENTS
                specs.append(spec)
    return specs


# ---------------------------------------------------------------- text to speech

def tts_command(voice, text, out_path):
    if voice["engine"] == "espeak-ng":
        return ["espeak-ng", "-v", voice["voice"], "-p", str(voice["pitch"]), "-s", str(voice["rate"]),
                "-w", out_path, text]
    if voice["engine"] == "flite":
        return ["flite", "-voice", voice["voice"], "--setf", "duration_stretch=%s" % voice["stretch"],
                "--setf", "int_f0_target_mean=%d" % voice["f0"], "-t", text, "-o", out_path]
    raise ValueError("no direct command for " + voice["engine"])


def festival_batch(jobs, workdir):
    """Render (voice, stretch, text, path) with one festival process per voice (festival loads slowly)."""
    by_voice = {}
    for voice, stretch, text, path in jobs:
        by_voice.setdefault(voice, []).append((stretch, text, path))
    for voice in sorted(by_voice):
        lines = ["(voice_%s)" % voice]
        for stretch, text, path in by_voice[voice]:
            lines.append("(Parameter.set 'Duration_Stretch %s)" % stretch)
            lines.append('(utt.save.wave (utt.synth (Utterance Text "%s")) "%s" \'riff)' % (text, path))
        script = os.path.join(workdir, "festival_%s.scm" % voice)
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        run(["festival", "-b", script])
        for _, _, path in by_voice[voice]:
            if not os.path.isfile(path):
                raise RuntimeError("festival did not write " + path)


def festival_path(workdir, spec):
    return os.path.join(workdir, "fest_%d.wav" % spec["seed"])


def trim(x):
    """Cut leading/trailing silence: 10 ms frames more than 35 dB below the loudest frame."""
    frame = RATE // 100
    n = len(x) // frame
    if n == 0:
        return x
    rms = np.sqrt(np.mean(x[:n * frame].reshape(n, frame) ** 2, axis=1))
    loud = np.nonzero(rms > rms.max() * 10 ** (-35 / 20))[0]
    if len(loud) == 0:
        return x[:0]
    start = max(0, (loud[0] - 1) * frame)
    end = min(len(x), (loud[-1] + 2) * frame)
    return x[start:end]


def speech(spec, workdir):
    """TTS output at 16 kHz, speed/pitch perturbed, trimmed, at most 0.9 s (and the tempo factor used, if any)."""
    voice, aug = spec["voice"], spec["aug"]
    effects = []
    if "speed" in aug:
        effects += ["speed", str(aug["speed"])]
    if "pitch_cents" in aug:
        effects += ["pitch", str(aug["pitch_cents"])]
    if voice["engine"] == "festival":
        x = sox_file(festival_path(workdir, spec), effects)
    else:
        tmp = os.path.join(workdir, "tts_%d.wav" % spec["seed"])
        run(tts_command(voice, spec["text"], tmp))
        x = sox_file(tmp, effects)
        os.remove(tmp)
    x = trim(x)
    if len(x) == 0:
        raise RuntimeError("no speech from %s for '%s'" % (voice, spec["text"]))
    tempo = None
    if len(x) > MAX_SPEECH:
        tempo = len(x) / MAX_SPEECH
        x = trim(sox_pipe(x, ["tempo", "-s", "%.4f" % tempo]))[:MAX_SPEECH]
    return x, tempo


# ---------------------------------------------------------------- noise

def build_banks(args, workdir):
    """Noise material shared by all clips, made once per run from the seed."""
    secs = 4 if args.smoke else 30
    banks = {}
    for colour in ("white", "pink", "brown"):
        banks[colour] = sox_pipe_from_none(["synth", str(secs), colour + "noise"])
    real = []
    for name in SOUND_THEME_FILES:
        path = os.path.join(SOUND_THEME_DIR, name + ".oga")
        if os.path.isfile(path):
            real.append((name, sox_file(path, ["remix", "-"])))
    if not real:
        fail("no sounds in %s (sound-theme-freedesktop; run ./test.sh to install it)" % SOUND_THEME_DIR)
    banks["real"] = real
    # Babble material: unknown words spoken by training voices (never festival).
    rng = random.Random(derive_seed(args.seed, "babble"))
    babble = []
    for i in range(8 if args.smoke else 40):
        voice = pick_voice(rng, "train")
        tmp = os.path.join(workdir, "babble_%d.wav" % i)
        run(tts_command(voice, rng.choice(args.unknown), tmp))
        babble.append(trim(sox_file(tmp, [])))
    banks["babble"] = babble
    return banks


def sox_pipe_from_none(effects):
    out = run(["sox", "-R", "-D", "-V1", "-n", "-t", "f32", "-r", str(RATE), "-c", "1", "-"] + effects)
    return np.frombuffer(out, dtype="<f4").astype(np.float64)


def noise(kind, rng, banks):
    """One second of noise of the given kind (unit scale), and a description."""
    if kind in ("white", "pink", "brown", "digital"):
        bank = banks["white" if kind == "digital" else kind]
        o = rng.randrange(len(bank) - WINDOW)
        return bank[o:o + WINDOW].copy(), kind
    if kind == "hum":
        f = rng.choice([50, 60])
        t = np.arange(WINDOW) / RATE
        x = np.zeros(WINDOW)
        for h in range(1, 6):
            x += rng.uniform(0.1, 1.0) / h * np.sin(2 * np.pi * f * h * t + rng.uniform(0, 2 * np.pi))
        return x, "hum%d" % f
    if kind == "real":
        name, sound = banks["real"][rng.randrange(len(banks["real"]))]
        reps = 2 + 2 * WINDOW // max(1, len(sound))
        tiled = np.tile(sound, reps)
        o = rng.randrange(len(tiled) - WINDOW)
        return tiled[o:o + WINDOW].copy(), "real:" + name
    if kind == "babble":
        x = np.zeros(WINDOW)
        k = rng.randint(3, 6)
        for _ in range(k):
            u = banks["babble"][rng.randrange(len(banks["babble"]))][:WINDOW]
            o = rng.randrange(-len(u) // 2, WINDOW - len(u) // 2)
            a, b = max(0, o), min(WINDOW, o + len(u))
            x[a:b] += rng.uniform(0.3, 1.0) * u[a - o:b - o]
        return x, "babble%d" % k
    raise ValueError(kind)


def rms(x):
    return float(np.sqrt(np.mean(x * x))) if len(x) else 0.0


# ---------------------------------------------------------------- one clip

def render(spec, workdir, banks):
    rng = random.Random(spec["rng_state"])
    aug = spec["aug"]
    desc = []
    if spec["label"] == SILENCE:
        if aug["noise"] == "zero":
            return finish(np.zeros(WINDOW), None), "noise=zero"
        n, name = noise(aug["noise"], rng, banks)
        level = rms(n)
        x = n * (10 ** (aug["noise_dbfs"] / 20) / level) if level > 0 else n
        desc.append("noise=%s@%.1fdBFS" % (name, aug["noise_dbfs"]))
        if aug.get("telephone"):
            x = fit(sox_pipe(x, ["sinc", "300-3400"]))
            desc.append("telephone")
        return finish(x, None), ";".join(desc)

    s, tempo = speech(spec, workdir)
    if tempo is not None:
        desc.append("fit_tempo=%.3f" % tempo)
    if "speed" in aug:
        desc.append("speed=%s" % aug["speed"])
    if "pitch_cents" in aug:
        desc.append("pitch=%+dc" % aug["pitch_cents"])
    offset = rng.randrange(WINDOW - len(s) + 1)
    x = np.zeros(WINDOW)
    x[offset:offset + len(s)] = s
    desc.append("offset=%d;length=%d" % (offset, len(s)))
    speech_rms = rms(s)
    if "reverb" in aug:
        r = aug["reverb"]
        x = fit(sox_pipe(x, ["reverb", str(r[0]), str(r[1]), str(r[2])]))
        desc.append("reverb=%d/%d/%d" % tuple(r))
    if "noise" in aug:
        n, name = noise(aug["noise"], rng, banks)
        level = rms(n)
        if level > 0:
            x = x + n * (speech_rms / 10 ** (aug["snr_db"] / 20) / level)
        desc.append("noise=%s@%.1fdB" % (name, aug["snr_db"]))
    if aug.get("telephone"):
        x = fit(sox_pipe(x, ["sinc", "300-3400"]))
        desc.append("telephone")
    desc.append("peak=%.1fdBFS" % aug["peak_dbfs"])
    return finish(x, aug["peak_dbfs"]), ";".join(desc)


def fit(x):
    """Exactly one window: crop or zero-pad."""
    if len(x) >= WINDOW:
        return x[:WINDOW]
    return np.concatenate([x, np.zeros(WINDOW - len(x))])


def finish(x, peak_dbfs):
    """Scale to the peak level (above 0 dBFS clips), round and saturate to int16."""
    if peak_dbfs is not None:
        peak = float(np.max(np.abs(x)))
        if peak > 0:
            x = x * (10 ** (peak_dbfs / 20) / peak)
    return np.clip(np.rint(x * 32767.0), -32768, 32767).astype("<i2")


def write_wav(path, samples):
    assert len(samples) == WINDOW
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())


_worker = {}


def work(spec):
    samples, desc = render(spec, _worker["workdir"], _worker["banks"])
    write_wav(os.path.join(_worker["out"], spec["path"]), samples)
    return desc


def voice_name(v):
    if v["engine"] == "espeak-ng":
        return "%s -p %d -s %d" % (v["voice"], v["pitch"], v["rate"])
    if v["engine"] == "flite":
        return "%s stretch=%s f0=%d" % (v["voice"], v["stretch"], v["f0"])
    if v["engine"] == "festival":
        return "%s stretch=%s" % (v["voice"], v["stretch"])
    return ""


def main(argv):
    try:
        return synthesise(argv)
    except UsageError as e:
        print("synth.py: error: %s" % e, file=sys.stderr)
        return 2
    except RuntimeError as e:
        print("synth.py: error: %s" % e, file=sys.stderr)
        return 1


def synthesise(argv):
    t0 = time.time()
    args = parse_args(argv)
    require_tools()
    homophones = []
    if args.unknown_is_default:
        # Drop unknown words that espeak-ng pronounces exactly like a command (write/right).
        cmd_ph = set(phonemes(args.commands))
        ph = phonemes(args.unknown)
        homophones = [w for w, p in zip(args.unknown, ph) if p in cmd_ph]
        args.unknown = [w for w in args.unknown if w not in homophones]
    if len(args.unknown) < 1:
        fail("--unknown-words: no unknown words left after removing the commands")

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    specs = make_specs(args)
    for s in specs:
        os.makedirs(os.path.join(out, os.path.dirname(s["path"])), exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="synth-")
    try:
        fest = [(s["voice"]["voice"], s["voice"]["stretch"], s["text"], festival_path(workdir, s))
                for s in specs if s["voice"]["engine"] == "festival"]
        festival_batch(fest, workdir)
        banks = build_banks(args, workdir)
        _worker.update(workdir=workdir, banks=banks, out=out)
        if args.jobs == 1:
            descs = [work(s) for s in specs]
        else:
            with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
                descs = pool.map(work, specs, chunksize=8)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    counts = {}
    for split in args.splits:
        rows = [(s, d) for s, d in zip(specs, descs) if s["split"] == split]
        with open(os.path.join(out, split, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["path", "label", "text", "engine", "voice", "seed", "augmentation"])
            for s, d in rows:
                w.writerow([s["path"], s["label"], s["text"], s["voice"]["engine"],
                            voice_name(s["voice"]), s["seed"], d])
        counts[split] = {}
        for s, _ in rows:
            counts[split][s["label"]] = counts[split].get(s["label"], 0) + 1

    info = {
        "seed": args.seed, "smoke": args.smoke, "per_word": args.per_word, "splits": args.splits,
        "labels": [SILENCE, UNKNOWN] + args.commands,
        "sample_rate": RATE, "samples_per_clip": WINDOW,
        "unknown_words": args.unknown, "unknown_source": args.unknown_source,
        "unknown_excluded_as_commands": args.excluded_unknown,
        "unknown_excluded_as_homophones": homophones,
        "voices": {"train_val": {"espeak-ng accents": ESPEAK_TRAIN_ACCENTS, "espeak-ng variants": ESPEAK_VARIANTS,
                                 "flite": sorted(FLITE_VOICES)},
                   "test": {"festival": FESTIVAL_VOICES, "espeak-ng held-out accents": ESPEAK_HELD_OUT_ACCENTS,
                            "espeak-ng variants": ESPEAK_TEST_VARIANTS}},
        "real_backgrounds": [n for n, _ in banks["real"]],
        "counts": counts,
        "tools": {"espeak-ng": tool_version(["espeak-ng", "--version"]),
                  "flite": tool_version(["flite", "--version"]),
                  "sox": tool_version(["sox", "--version"]),
                  "festival": tool_version(["festival", "--version"])},
    }
    with open(os.path.join(out, "synth.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1, sort_keys=True)
        f.write("\n")
    total = sum(sum(c.values()) for c in counts.values())
    print("synth.py: %d clips in %s, %.1f s with --jobs %d" % (total, out, time.time() - t0, args.jobs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
