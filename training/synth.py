#!/usr/bin/python3
"""Synthesise a keyword-spotting data set from a word list (issues 6 and 12).

Text -> speech with many engines and voices (training/voices.py; --voices free|all), then
clips as people say words: keywords alone, inside carrier phrases and next to other speech at
random positions; _unknown_ from other words, running sentences, near-miss and partial words;
_silence_ from machine and room noises. Every speech clip goes through a room (generated impulse
responses), a microphone response, a noise floor or background (babble of sentences, fan, hum,
clicks, recorded sounds) and a speaking level from far to close (training/acoustics.py).
Every random choice comes from a per-clip seed derived from (seed, split, label, index), so the
result does not depend on --jobs.

Output: OUT/<split>/<label dir>/<id>.wav (16 kHz mono s16, --clip-seconds long, default 1.5 s),
OUT/<split>/manifest.csv, OUT/synth.json, and with --negative-minutes M also
OUT/negatives/<set>/stream_NNN.wav + streams.csv: minutes of running speech and noise without
any command, for choosing detector thresholds (set "tune": training voices and sentences;
"test": held-out voices and sentences); with --pool-minutes P, OUT/negatives/pool/ in training
voices, whose random windows train the model as _unknown_. See docs/data-synthesis.md.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acoustics  # noqa: E402
import voices as V  # noqa: E402

RATE = 16000
SILENCE = "_silence_"
UNKNOWN = "_unknown_"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORDS = "yes,no,up,down,left,right,on,off,stop,go"
DEFAULT_UNKNOWN = os.path.join(HERE, "unknown_words.txt")
SENTENCES = os.path.join(HERE, "sentences.txt")
TRAINING_SPLITS = ("train", "val")
STREAM_SECONDS = 60

# Words said around a command ("okay, left", "turn it off now"): before and after it.
CARRIER_BEFORE = ["hey", "okay", "ok", "please", "now", "alright", "um", "uh", "so", "and", "then",
                  "can you", "i said", "could you", "just", "yes please", "well", "hmm", "right so",
                  "and now", "let us", "go ahead", "oh", "excuse me", "hello"]
CARRIER_AFTER = ["please", "now", "thanks", "again", "right away", "thank you", "for me", "quickly",
                 "okay", "then", "if you can", "and wait"]

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



def read_sentences(commands):
    """Running-speech sentences with no command word in them (whole words)."""
    with open(SENTENCES, encoding="utf-8") as f:
        lines = [l.split("#", 1)[0].strip().lower() for l in f]
    words = set()
    for c in commands:
        words.update(c.split(" "))
    kept = []
    for l in lines:
        if l and not (set(l.split(" ")) & words):
            kept.append(l)
    return kept


def near_misses(command, rng):
    """A made-up word that starts differently from a command and goes on like it: the onset (the
    consonants before the first vowel) replaced, or one added before a first vowel ("computer" ->
    "lomputer", "amelia" -> "kamelia"). Vowel changes inside the word are not used: synthesizers say
    "computer" and "compoter" nearly alike, and such a "negative" only teaches the model to doubt
    the command itself."""
    vowels = "aeiouy"
    onsets = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "sh", "ch", "st", "pl"]
    word = command.split(" ")[0]
    rest = command[len(word):]
    first_vowel = next((i for i, ch in enumerate(word) if ch in vowels), len(word))
    onset, tail = word[:first_vowel], word[first_vowel:]
    choices = [o for o in onsets if o != onset]
    return rng.choice(choices) + tail + rest


def parse_args(argv):
    p = argparse.ArgumentParser(description="Synthesise keyword clips from a word list.")
    p.add_argument("--words", default=DEFAULT_WORDS,
                   help="commands: comma-separated, or a file with one per line (phrases allowed)")
    p.add_argument("--out", required=True, help="output directory")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-word", type=int, default=None,
                   help="train clips per command (val and test get 15%% of it each); default 1000, smoke 3")
    p.add_argument("--unknown-words", default=None,
                   help="file of unknown words (default: the shipped unknown_words.txt, commands excluded)")
    p.add_argument("--splits", default="train,val,test")
    p.add_argument("--voices", choices=("free", "all"), default="free",
                   help="free: only voices whose licence allows shipping the model commercially; all: also "
                        "MBROLA, Pico, RHVoice lyubov/evgeniy and festival rab/don/mbrola (non-commercial)")
    p.add_argument("--clip-seconds", type=float, default=1.5, help="clip length (the model pools its last 1 s)")
    p.add_argument("--negative-minutes", type=float, default=0.0,
                   help="also write this many minutes of command-free streams per set (tune, test) for thresholds")
    p.add_argument("--pool-minutes", type=float, default=0.0,
                   help="also write this many minutes of command-free streams in training voices into negatives/pool, "
                        "for training on random windows of running speech (train.py --negative-pool)")
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
    if not 1.0 <= a.clip_seconds <= 4.0:
        fail("--clip-seconds must be between 1 and 4")
    if a.negative_minutes < 0:
        fail("--negative-minutes must not be negative")
    if a.pool_minutes < 0:
        fail("--pool-minutes must not be negative")
    a.window = int(round(a.clip_seconds * RATE))

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
    a.sentences = read_sentences(a.commands)
    if len(a.sentences) < 4:
        fail("%s: fewer than 4 sentences without a command word" % SENTENCES)
    return a


def require_tools(args):
    missing = [t for t in ("espeak-ng", "sox", "festival") if shutil.which(t) is None]
    if missing:
        fail("missing tools: %s (run ./test.sh to install them)" % ", ".join(missing))
    if "test" in args.splits:
        for v in V.FESTIVAL_TEST_VOICES:
            if not V.festival_has(v):
                fail("missing festival voice %s (run ./test.sh to install it)" % v)
    if not os.path.isdir(SOUND_THEME_DIR):
        fail("missing %s (sound-theme-freedesktop; run ./test.sh to install it)" % SOUND_THEME_DIR)
    usable, absent = V.available(args.voices)
    for line in absent:
        print("synth.py: voices missing, left out: " + line, file=sys.stderr)
    if not usable:
        fail("no training voices available (run scripts/setup-voices.sh)")
    return usable


# ---------------------------------------------------------------- seeds and specs

def derive_seed(*parts):
    h = hashlib.sha256("|".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(h[:8], "big")


def label_dir(label):
    return label.replace(" ", "_")


def pick_voice(rng, split, args):
    if split == "test":
        return V.pick_test_voice(rng)
    return V.pick_training_voice(rng, args.usable, args.voices)


def sentence_pool(args, split):
    """Train/val speak even-numbered sentences, test (and the test negatives) odd ones."""
    pool = [s for i, s in enumerate(args.sentences) if (i % 2 == 1) == (split == "test")]
    return pool or args.sentences


def pick_pieces(rng, label, split, args):
    """(pieces, kind): the texts spoken in order, the target piece marked, and what sort of clip."""
    if label == UNKNOWN:
        r = rng.random()
        if r < 0.35:
            return [("sentence", rng.choice(sentence_pool(args, split)))], "sentence"
        if r < 0.55:
            kw = rng.choice(args.commands)
            if rng.random() < 0.5:
                return [("partial", kw)], "partial"
            return carrier(rng, near_misses(kw, rng)), "near-miss"
        return carrier(rng, rng.choice(args.unknown)), "word"
    return carrier(rng, label), "command"


def carrier(rng, word):
    """The word alone (40 %) or inside carrier words before and/or after it."""
    pieces = []
    r = rng.random()
    if r >= 0.4:
        if r < 0.8:
            pieces.append(("before", rng.choice(CARRIER_BEFORE)))
        if r >= 0.65 and rng.random() < 0.2:
            pieces.append(("before", rng.choice(CARRIER_BEFORE)))
    pieces.append(("target", word))
    if rng.random() < 0.35:
        pieces.append(("after", rng.choice(CARRIER_AFTER)))
    return pieces


def pick_augmentation(rng, silence):
    """Seeded room, microphone, background and level choices."""
    aug = {}
    if silence:
        kind = rng.choice(["white", "pink", "brown", "hum", "real", "babble", "fan", "clicks", "digital", "zero", "fan"])
        aug["noise"] = kind
        if kind == "zero":
            return aug
        aug["noise_dbfs"] = round(rng.uniform(-90, -70) if kind == "digital" else rng.uniform(-65, -20), 2)
        if rng.random() < 0.5:
            aug["mic"] = True
        return aug
    if rng.random() < 0.4:
        aug["speed"] = round(rng.uniform(0.88, 1.12), 3)
    if rng.random() < 0.4:
        aug["pitch_cents"] = rng.randint(-250, 250)
    if rng.random() < 0.55:
        aug["room"] = True
    if rng.random() < 0.7:
        aug["mic"] = True
    # Background: always a floor (no clip sits in digital silence), often a real background.
    aug["noise"] = rng.choice(["white", "pink", "brown", "hum", "real", "babble", "babble", "fan", "fan", "clicks"])
    aug["snr_db"] = round(rng.uniform(0, 25) if rng.random() < 0.7 else rng.uniform(30, 55), 2)
    if rng.random() < 0.1:
        aug["telephone"] = True
    r = rng.random()
    if r < 0.15:
        aug["peak_dbfs"] = round(rng.uniform(-45, -25), 2)   # far away / quiet talker
    elif r < 0.9:
        aug["peak_dbfs"] = round(rng.uniform(-25, -2), 2)
    else:
        aug["peak_dbfs"] = round(rng.uniform(-2, 6), 2)      # close and loud: clips
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
                    spec["pieces"], spec["kind"] = [], "noise"
                else:
                    spec["pieces"], spec["kind"] = pick_pieces(rng, label, split, args)
                    spec["voice"] = pick_voice(rng, split, args)
                spec["text"] = " ".join(t for _, t in spec["pieces"])
                spec["aug"] = pick_augmentation(rng, label == SILENCE)
                spec["rng_state"] = rng.getrandbits(64)   # for placement and noise offsets
                if split in TRAINING_SPLITS:
                    v = spec["voice"]
                    assert v["voice"] not in V.FESTIVAL_TEST_VOICES, "reserved festival voice in a training split"
                    assert v["voice"].split("+")[0] not in V.ESPEAK_HELD_OUT_ACCENTS
                    assert not (v["engine"] in ("flite", "rhvoice") and v["voice"] in V.RESERVED_SPEAKERS)
                specs.append(spec)
    return specs


# ---------------------------------------------------------------- text to speech

def festival_batch(jobs, workdir):
    """Render (voice, stretch, text, path) with one festival process per voice (festival loads slowly)."""
    by_voice = {}
    for voice, stretch, text, path in jobs:
        if not os.path.isfile(path):
            by_voice.setdefault(voice, {})[path] = (stretch, text)
    for voice in sorted(by_voice):
        lines = ["(voice_%s)" % voice]
        for path, (stretch, text) in sorted(by_voice[voice].items()):
            lines.append("(Parameter.set 'Duration_Stretch %s)" % stretch)
            lines.append('(utt.save.wave (utt.synth (Utterance Text "%s")) "%s" \'riff)' % (text, path))
        script = os.path.join(workdir, "festival_%s.scm" % voice)
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        run(["festival", "-b", script])
        for path in by_voice[voice]:
            if not os.path.isfile(path):
                raise RuntimeError("festival did not write " + path)


def tts_path(workdir, voice, text):
    """A rendered piece is cached by voice settings and text: keywords repeat across clips."""
    key = hashlib.sha256(json.dumps([voice, text], sort_keys=True).encode()).hexdigest()[:24]
    return os.path.join(workdir, "tts_%s.wav" % key)


def tts(voice, text, workdir):
    """Raw TTS output at 16 kHz, trimmed; rendered once per (voice, text)."""
    path = tts_path(workdir, voice, text)
    if not os.path.isfile(path):
        if voice["engine"] == "festival":
            raise RuntimeError("festival piece not pre-rendered: " + text)
        tmp = path + ".%d.tmp.wav" % os.getpid()
        run(V.tts_command(voice, text, tmp), stdin=V.tts_stdin(voice, text))
        os.replace(tmp, path)
    return trim(read_audio(path))


def read_audio(path):
    """A TTS file as 16 kHz mono float: read directly when it already is 16-bit 16 kHz mono, else through sox."""
    with wave.open(path, "rb") as w:
        direct = w.getframerate() == RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        if direct:
            return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
    return sox_file(path, [])


def trim(x):
    """Cut leading/trailing silence: 10 ms frames more than 35 dB below the loudest frame."""
    frame = RATE // 100
    n = len(x) // frame
    if n == 0:
        return x
    rms_ = np.sqrt(np.mean(x[:n * frame].reshape(n, frame) ** 2, axis=1))
    loud = np.nonzero(rms_ > rms_.max() * 10 ** (-35 / 20))[0]
    if len(loud) == 0:
        return x[:0]
    start = max(0, (loud[0] - 1) * frame)
    end = min(len(x), (loud[-1] + 2) * frame)
    return x[start:end]


def perturb(x, aug):
    effects = []
    if "speed" in aug:
        effects += ["speed", str(aug["speed"])]
    if "pitch_cents" in aug:
        effects += ["pitch", str(aug["pitch_cents"])]
    if not effects or len(x) == 0:
        return x
    return sox_pipe(x, effects + ["rate", "-v", str(RATE)])


def fit_length(x, most):
    """Speed speech up (tempo, pitch kept) until it fits in `most` samples."""
    if len(x) <= most:
        return x, None
    tempo = len(x) / most
    return trim(sox_pipe(x, ["tempo", "-s", "%.4f" % tempo]))[:most], tempo


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
    # Babble material: sentences and words spoken by training voices (never the reserved ones).
    rng = random.Random(derive_seed(args.seed, "babble"))
    babble = []
    for i in range(6 if args.smoke else 60):
        voice = V.pick_training_voice(rng, args.usable, args.voices)
        text = rng.choice(args.sentences) if rng.random() < 0.7 else rng.choice(args.unknown)
        if voice["engine"] == "festival":
            voice = V.pick_training_voice(rng, [("espeak-ng", 1.0)], args.voices)
        babble.append(tts(voice, text, workdir))
    banks["babble"] = [b for b in babble if len(b)]
    return banks


def sox_pipe_from_none(effects):
    out = run(["sox", "-R", "-D", "-V1", "-n", "-t", "f32", "-r", str(RATE), "-c", "1", "-"] + effects)
    return np.frombuffer(out, dtype="<f4").astype(np.float64)


def noise(kind, n, rng, banks):
    """n samples of noise of the given kind (unit scale), and a description."""
    if kind in ("white", "pink", "brown", "digital"):
        bank = banks["white" if kind == "digital" else kind]
        reps = 1 + n // len(bank)
        tiled = np.tile(bank, reps + 1)
        o = rng.randrange(len(bank))
        return tiled[o:o + n].copy(), kind
    if kind == "hum":
        return acoustics.hum(n, rng), "hum"
    if kind == "fan":
        return acoustics.fan(n, rng), "fan"
    if kind == "clicks":
        return acoustics.clicks(n, rng), "clicks"
    if kind == "real":
        name, sound = banks["real"][rng.randrange(len(banks["real"]))]
        reps = 2 + 2 * n // max(1, len(sound))
        tiled = np.tile(sound, reps)
        o = rng.randrange(len(tiled) - n)
        return tiled[o:o + n].copy(), "real:" + name
    if kind == "babble":
        x = np.zeros(n)
        k = rng.randint(3, 7)
        for _ in range(k):
            u = banks["babble"][rng.randrange(len(banks["babble"]))]
            o = rng.randrange(-len(u) // 2, max(1, n - len(u) // 2))
            a, b = max(0, o), min(n, o + len(u))
            if b > a:
                x[a:b] += rng.uniform(0.3, 1.0) * u[a - o:b - o]
        return x, "babble%d" % k
    raise ValueError(kind)


def rms(x):
    return float(np.sqrt(np.mean(x * x))) if len(x) else 0.0


# ---------------------------------------------------------------- one clip

def speech_audio(spec, workdir, rng, window):
    """(samples, target start, target end, description) of the spoken pieces laid out in the window.

    The target (the command, the unknown word, the near miss) ends 20-450 ms before the window's
    end, so the model's last 1 s covers it as it would when the detector should decide; carrier
    words sit before and after it with natural gaps; running sentences are cropped anywhere.
    """
    aug = spec["aug"]
    voice = spec["voice"]
    desc = []
    if spec["kind"] == "sentence":
        s = perturb(tts(voice, spec["pieces"][0][1], workdir), aug)
        x = np.zeros(window)
        if len(s) > window:
            o = rng.randrange(len(s) - window + 1)
            x[:] = s[o:o + window]
            desc.append("crop=%d" % o)
            return x, 0, window, desc
        o = rng.randrange(window - len(s) + 1)
        x[o:o + len(s)] = s
        desc.append("offset=%d;length=%d" % (o, len(s)))
        return x, o, o + len(s), desc
    audio = []
    for role, text in spec["pieces"]:
        a = perturb(tts(voice, text, workdir), aug)
        if len(a) == 0:
            raise RuntimeError("no speech from %s for '%s'" % (voice, text))
        if role == "partial":
            cut = max(RATE // 20, int(len(a) * rng.uniform(0.3, 0.65)))
            a = a[:cut] if rng.random() < 0.7 else a[-cut:]
        audio.append((role, a))
    target = [a for role, a in audio if role in ("target", "partial")][0]
    target, tempo = fit_length(target, int(0.95 * RATE))
    if tempo is not None:
        desc.append("fit_tempo=%.3f" % tempo)
    x = np.zeros(window)
    end = window - rng.randint(int(0.02 * RATE), int(0.45 * RATE))
    start = end - len(target)
    if start < 0:
        start, end = 0, len(target)
    x[start:end] = target
    # carrier words before the target, right to left, then after it
    at = start
    before = [a for role, a in audio if role == "before"]
    for a in reversed(before):
        gap = rng.randint(int(0.02 * RATE), int(0.25 * RATE))
        b_end = at - gap
        b_start = b_end - len(a)
        if b_end <= 0:
            break
        lo = max(0, b_start)
        x[lo:b_end] += a[lo - b_start:]
        at = b_start
    after = [a for role, a in audio if role == "after"]
    at = end
    for a in after:
        gap = rng.randint(int(0.03 * RATE), int(0.25 * RATE))
        a_start = at + gap
        if a_start >= window:
            break
        hi = min(window, a_start + len(a))
        x[a_start:hi] += a[:hi - a_start]
        at = a_start + len(a)
    desc.append("target=%d-%d" % (start, end))
    return x, start, end, desc


def render(spec, workdir, banks, window):
    rng = random.Random(spec["rng_state"])
    aug = spec["aug"]
    desc = []
    if spec["label"] == SILENCE:
        if aug["noise"] == "zero":
            return finish(np.zeros(window), None), "noise=zero"
        n, name = noise(aug["noise"], window, rng, banks)
        level = rms(n)
        x = n * (10 ** (aug["noise_dbfs"] / 20) / level) if level > 0 else n
        desc.append("noise=%s@%.1fdBFS" % (name, aug["noise_dbfs"]))
        if aug.get("mic"):
            x, d = acoustics.apply_microphone(x, rng)
            desc.append(d)
        return finish(x, None), ";".join(desc)

    x, start, end, d = speech_audio(spec, workdir, rng, window)
    desc += d
    for k in ("speed", "pitch_cents"):
        if k in aug:
            desc.append("%s=%s" % (k, aug[k]))
    speech_rms = rms(x[start:end])
    if aug.get("room"):
        x, d = acoustics.apply_room(x, rng)
        desc.append(d)
    n, name = noise(aug["noise"], window, rng, banks)
    level = rms(n)
    if level > 0:
        x = x + n * (speech_rms / 10 ** (aug["snr_db"] / 20) / level)
    desc.append("noise=%s@%.1fdB" % (name, aug["snr_db"]))
    if aug.get("mic"):
        x, d = acoustics.apply_microphone(x, rng)
        desc.append(d)
    if aug.get("telephone"):
        x = fit(sox_pipe(x, ["sinc", "300-3400"]), window)
        desc.append("telephone")
    desc.append("peak=%.1fdBFS" % aug["peak_dbfs"])
    return finish(x, aug["peak_dbfs"], floor(rng, len(x))), ";".join(desc)


def floor(rng, n):
    """A microphone's own noise, -80 to -65 dBFS RMS (3-18 LSB): a quiet talker over a gappy background
    (babble between utterances, clicks) must not fall to exact digital zeros the device never gives."""
    nrng = np.random.default_rng(rng.getrandbits(32))
    return nrng.standard_normal(n) * 10 ** (rng.uniform(-80, -65) / 20)


def fit(x, window):
    """Exactly one window: crop or zero-pad."""
    if len(x) >= window:
        return x[:window]
    return np.concatenate([x, np.zeros(window - len(x))])


def finish(x, peak_dbfs, noise_floor=None):
    """Scale to the peak level (above 0 dBFS clips), add the noise floor if any, round and saturate to int16."""
    if peak_dbfs is not None:
        peak = float(np.max(np.abs(x)))
        if peak > 0:
            x = x * (10 ** (peak_dbfs / 20) / peak)
    if noise_floor is not None:
        x = x + noise_floor
    return np.clip(np.rint(x * 32767.0), -32768, 32767).astype("<i2")


def write_wav(path, samples):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())


# ---------------------------------------------------------------- negative streams

def stream_specs(args, set_name, minutes):
    """One spec per 60 s stream: a seeded list of utterances (voice, text) with gaps between them.

    Utterances come from a pool of at most 400 renderings per set (each placed with its own speed,
    room and level), so an hour of streams costs a few hundred TTS calls, not thousands. The training
    set "pool" draws on 1600: the model learns from it, so it should not learn a few hundred phrases.
    """
    n = max(1, int(round(minutes * 60 / STREAM_SECONDS)))
    split = "test" if set_name == "test" else "train"
    prng = random.Random(derive_seed(args.seed, "negatives", set_name, "pool"))
    pool = []
    for _ in range(min(1600 if set_name == "pool" else 400, 40 * n)):
        voice = pick_voice(prng, split, args)
        r = prng.random()
        if set_name == "pool" and r < 0.3:
            # word strings: the training sentences are few, and a model that trains on them learns them
            text = " ".join(prng.choice(args.unknown) for _ in range(prng.randint(3, 7)))
        elif r < 0.6:
            text = prng.choice(sentence_pool(args, split))
        elif r < 0.85:
            text = " ".join(prng.choice(args.unknown) for _ in range(prng.randint(1, 3)))
        else:
            # carrier words with ordinary words, as people talk to each other; no made-up near misses:
            # these streams stand for conversation, where a false accept is a real one
            text = prng.choice(CARRIER_BEFORE) + " " + prng.choice(args.unknown)
        pool.append((voice, text))
    specs = []
    for i in range(n):
        seed = derive_seed(args.seed, "negatives", set_name, i)
        rng = random.Random(seed)
        utterances = []
        t = 0.0
        while t < STREAM_SECONDS:
            voice, text = pool[rng.randrange(len(pool))]
            utterances.append((voice, text))
            t += 0.35 * len(text.split(" ")) + rng.uniform(0.2, 2.5)
        specs.append({"set": set_name, "index": i, "seed": seed, "utterances": utterances,
                      "path": "negatives/%s/stream_%03d.wav" % (set_name, i), "rng_state": rng.getrandbits(64)})
    return specs


def render_stream(spec, workdir, banks):
    """A minute of talk: utterances with pauses, each through its own room and level; a background."""
    rng = random.Random(spec["rng_state"])
    n = STREAM_SECONDS * RATE
    x = np.zeros(n)
    at = rng.randint(0, RATE)
    speech_levels = []
    for voice, text in spec["utterances"]:
        s = tts(voice, text, workdir)
        if len(s) == 0 or at >= n:
            continue
        aug = {}
        if rng.random() < 0.4:
            aug["speed"] = round(rng.uniform(0.9, 1.1), 3)
        s = perturb(s, aug)
        if rng.random() < 0.5:
            s, _ = acoustics.apply_room(np.concatenate([s, np.zeros(RATE // 2)]), rng)
        s = s / max(rms(s), 1e-9) * 10 ** (rng.uniform(-12, 0) / 20)
        end = min(n, at + len(s))
        x[at:end] += s[:end - at]
        speech_levels.append(rms(s))
        at = end + rng.randint(int(0.15 * RATE), int(2.5 * RATE))
    ref = float(np.mean(speech_levels)) if speech_levels else 0.1
    kind = rng.choice(["pink", "brown", "fan", "hum", "babble", "real", "clicks"])
    b, name = noise(kind, n, rng, banks)
    snr = rng.uniform(5, 30)
    if rms(b) > 0:
        x = x + b * (ref / 10 ** (snr / 20) / rms(b))
    if rng.random() < 0.6:
        x, _ = acoustics.apply_microphone(x, rng)
    peak = rng.uniform(-30, -1)
    return finish(x, peak, floor(rng, n)), "background=%s@%.1fdB;peak=%.1fdBFS" % (name, snr, peak)


# ---------------------------------------------------------------- workers

_worker = {}


def work(spec):
    if "utterances" in spec:
        samples, desc = render_stream(spec, _worker["workdir"], _worker["banks"])
    else:
        samples, desc = render(spec, _worker["workdir"], _worker["banks"], _worker["window"])
    write_wav(os.path.join(_worker["out"], spec["path"]), samples)
    return desc


def main(argv):
    try:
        return synthesise(argv)
    except UsageError as e:
        print("synth.py: error: %s" % e, file=sys.stderr)
        return 2
    except RuntimeError as e:
        print("synth.py: error: %s" % e, file=sys.stderr)
        return 1


def festival_jobs(specs, workdir):
    jobs = []
    for s in specs:
        pairs = s["utterances"] if "utterances" in s else [(s["voice"], t) for _, t in s["pieces"]]
        for voice, text in pairs:
            if voice["engine"] == "festival":
                jobs.append((voice["voice"], voice["stretch"], text, tts_path(workdir, voice, text)))
    return jobs


def synthesise(argv):
    t0 = time.time()
    args = parse_args(argv)
    args.usable = require_tools(args)
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
    streams = []
    if args.negative_minutes > 0:
        for set_name in ("tune", "test"):
            streams += stream_specs(args, set_name, args.negative_minutes)
    if args.pool_minutes > 0:
        streams += stream_specs(args, "pool", args.pool_minutes)
    for s in specs + streams:
        os.makedirs(os.path.join(out, os.path.dirname(s["path"])), exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="synth-")
    try:
        festival_batch(festival_jobs(specs + streams, workdir), workdir)
        banks = build_banks(args, workdir)
        _worker.update(workdir=workdir, banks=banks, out=out, window=args.window)
        todo = specs + streams
        if args.jobs == 1:
            descs = [work(s) for s in todo]
        else:
            with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
                descs = pool.map(work, todo, chunksize=8)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    stream_descs = descs[len(specs):]
    descs = descs[:len(specs)]

    counts = {}
    families = {}
    for split in args.splits:
        rows = [(s, d) for s, d in zip(specs, descs) if s["split"] == split]
        with open(os.path.join(out, split, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["path", "label", "text", "engine", "voice", "seed", "augmentation"])
            for s, d in rows:
                w.writerow([s["path"], s["label"], s["text"], s["voice"]["engine"],
                            V.describe(s["voice"]), s["seed"], "kind=%s;%s" % (s["kind"], d)])
        counts[split] = {}
        families[split] = {}
        for s, _ in rows:
            counts[split][s["label"]] = counts[split].get(s["label"], 0) + 1
            if s["label"] != SILENCE:
                fam = V.family_of(s["voice"])
                families[split][fam] = families[split].get(fam, 0) + 1
    stream_info = {}
    for set_name in sorted(set(s["set"] for s in streams)):
        rows = [(s, d) for s, d in zip(streams, stream_descs) if s["set"] == set_name]
        with open(os.path.join(out, "negatives", set_name, "streams.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["path", "label", "start", "end"])
            for s, _ in rows:
                w.writerow([os.path.basename(s["path"]), "", "", ""])
        if set_name == "pool":
            # the pool trains as _unknown_: a clip manifest for `edge-asr features --frames` of whole streams
            with open(os.path.join(out, "negatives", set_name, "manifest.csv"), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["path", "label"])
                for s, _ in rows:
                    w.writerow([os.path.basename(s["path"]), UNKNOWN])
        stream_info[set_name] = {"streams": len(rows), "seconds": len(rows) * STREAM_SECONDS,
                                 "voices": "held-out (test)" if set_name == "test" else "training voices",
                                 "use": {"tune": "thresholds", "test": "held-out false accepts",
                                         "pool": "training windows"}[set_name]}

    info = {
        "seed": args.seed, "smoke": args.smoke, "per_word": args.per_word, "splits": args.splits,
        "labels": [SILENCE, UNKNOWN] + args.commands,
        "sample_rate": RATE, "samples_per_clip": args.window,
        "voices_licence": args.voices,
        "voice_families_used": [f for f, _ in args.usable],
        "unknown_words": args.unknown, "unknown_source": args.unknown_source,
        "unknown_excluded_as_commands": args.excluded_unknown,
        "unknown_excluded_as_homophones": homophones,
        "sentences": len(args.sentences),
        "voices": {"train_val": {"espeak-ng accents": V.ESPEAK_TRAIN_ACCENTS, "espeak-ng variants": V.ESPEAK_VARIANTS,
                                 "flite": sorted(V.FLITE_VOICES), "rhvoice": V.rhvoice_voices(args.voices),
                                 "mbrola": V.MBROLA_VOICES if args.voices == "all" else [],
                                 "pico": V.PICO_LANGUAGES if args.voices == "all" else [],
                                 "festival": V.FESTIVAL_TRAIN_VOICES if args.voices == "all" else [],
                                 "gnuspeech": [V.describe({"engine": "gnuspeech", "voice": p, "tract": t, "pitch": f})
                                               for p, t, f in V.gnuspeech_voices()]},
                   "test": {"festival": V.FESTIVAL_TEST_VOICES, "espeak-ng held-out accents": V.ESPEAK_HELD_OUT_ACCENTS,
                            "espeak-ng variants": V.ESPEAK_TEST_VARIANTS}},
        "real_backgrounds": [n for n, _ in banks["real"]],
        "counts": counts,
        "voice_families": families,
        "negative_streams": stream_info,
        "tools": {"espeak-ng": tool_version(["espeak-ng", "--version"]),
                  "sox": tool_version(["sox", "--version"]),
                  "festival": tool_version(["festival", "--version"]),
                  "gnuspeech": V.gnuspeech_version()},
    }
    with open(os.path.join(out, "synth.json"), "w", encoding="utf-8") as f:
        json.dump(info, f, indent=1, sort_keys=True)
        f.write("\n")
    total = sum(sum(c.values()) for c in counts.values())
    print("synth.py: %d clips%s in %s, %.1f s with --jobs %d (voices: %s)"
          % (total, " and %d negative streams" % len(streams) if streams else "", out, time.time() - t0, args.jobs,
             ", ".join(f for f, _ in args.usable)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
