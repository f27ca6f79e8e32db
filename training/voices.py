"""Text-to-speech voices for synthesis: which engines, which voices, their licences (issue 12).

Every voice belongs to a family with a licence class:
  free  - the licence lets a user ship a model trained on its output commercially (espeak-ng, flite,
          RHVoice alan/bdl/clb, GnuSpeech: GPL-3.0 programs whose computed audio the GPL does not cover)
  all   - usable for research and personal models only (MBROLA databases may not be sold or be part
          of a product that is sold; RHVoice lyubov/evgeniy are CC-BY-NC-ND; Pico's lingware is
          non-free; festival's rab/don need the OALD lexicon, free for non-commercial use only)
docs/data-synthesis.md has the table with sources.

Reserved for evaluation (never in train/val): festival kal_diphone, ked_diphone,
cmu_us_slt_arctic_hts, and the same speakers in other engines (flite kal/kal16/slt, RHVoice slt),
so the held-out split measures speakers the model never heard.
"""
import hashlib
import json
import os
import shutil

# espeak-ng English voices (non-mbrola).  Two accents are held out for the test split.
ESPEAK_TRAIN_ACCENTS = ["en-us", "en-gb", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-us-nyc"]
ESPEAK_HELD_OUT_ACCENTS = ["en-029", "en-gb-scotland"]
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

# flite voices of speakers not reserved for evaluation (kal and slt are festival's test speakers).
FLITE_VOICES = {"awb": (95, 130), "rms": (90, 120)}

# RHVoice English voices: CMU/CSTR ARCTIC speakers (free) and two CC-BY-NC-ND voices.
RHVOICE_FREE = ["alan", "bdl", "clb"]
RHVOICE_NONFREE = ["evgeniy-eng", "lyubov"]
RHVOICE_STEPS = [75, 90, 105, 120]   # rate and pitch, percent

# MBROLA diphone databases through espeak-ng: native English and accented English.
MBROLA_VOICES = ["mb-us1", "mb-us2", "mb-us3", "mb-en1", "mb-de1-en", "mb-de2-en", "mb-de3-en",
                 "mb-de4-en", "mb-de5-en", "mb-de6-en", "mb-fr1-en", "mb-fr4-en", "mb-nl2-en",
                 "mb-pl1-en", "mb-sw1-en", "mb-sw2-en", "mb-hu1-en", "mb-gr2-en", "mb-ro1-en", "mb-af1-en"]

PICO_LANGUAGES = ["en-US", "en-GB"]

# festival voices: training ones (contrib/non-free) and the reserved test ones (main).
FESTIVAL_TRAIN_VOICES = ["rab_diphone", "don_diphone", "us1_mbrola", "us2_mbrola", "us3_mbrola", "en1_mbrola"]
FESTIVAL_TEST_VOICES = ["kal_diphone", "ked_diphone", "cmu_us_slt_arctic_hts"]
FESTIVAL_DIRS = ("/usr/share/festival/voices/english", "/usr/share/festival/voices/us")

RESERVED_SPEAKERS = ["kal", "kal16", "slt", "ked"]

# GnuSpeech (articulatory: a tube model of the vocal tract driven by articulation rules), run by
# training/gnuspeech/render.mjs from the npm package scripts/setup-voices.sh installs there.
# Its presets with their vocal-tract length (cm) and glottal pitch (semitones); "baby" is left out:
# nobody that young speaks commands to a wearable. Each speaker is a preset with its tract scaled
# (formants move as in people of other sizes) and its pitch moved, in steps so renders cache.
GNUSPEECH_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gnuspeech")
GNUSPEECH_PRESETS = {"male": (17.5, -12.0), "female": (15.0, 0.0), "large_child": (12.5, 2.5), "small_child": (10.0, 5.0)}
GNUSPEECH_TRACT_SCALES = [0.92, 1.0, 1.08]
GNUSPEECH_PITCH_STEPS = [-2.0, 0.0, 2.0]


def mbrola_package(voice):
    """Debian package of an espeak-ng mb-* voice: mb-de1-en -> mbrola-de1."""
    return "mbrola-" + voice[3:].split("-")[0]


def families(licence):
    """Training voice families for --voices free|all, each with its share of the clips.

    Shares: espeak-ng is varied by accents x variants x pitch x rate but is one synthesiser, so
    natural-sounding engines (RHVoice, MBROLA, Pico, festival) get most of the weight when present.
    """
    fam = [("espeak-ng", 0.25), ("flite", 0.10), ("rhvoice", 0.25), ("gnuspeech", 0.06)]
    if licence == "all":
        fam += [("mbrola", 0.20), ("pico", 0.08), ("festival", 0.12)]
    return fam


def available(licence):
    """(usable families with weights, missing lines naming the package to install)."""
    missing = []
    usable = []
    for name, weight in families(licence):
        problem = check_family(name, licence)
        if problem:
            missing.append(problem)
        else:
            usable.append((name, weight))
    return usable, missing


def check_family(name, licence):
    if name == "espeak-ng" and shutil.which("espeak-ng") is None:
        return "espeak-ng: apt-get install espeak-ng"
    if name == "flite" and shutil.which("flite") is None:
        return "flite: apt-get install flite"
    if name == "rhvoice":
        if shutil.which("RHVoice-test") is None:
            return "RHVoice: apt-get install rhvoice rhvoice-english (Debian non-free)"
        for v in rhvoice_voices(licence):
            if not os.path.isdir("/usr/share/RHVoice/voices/" + v):
                return "RHVoice voice %s: apt-get install rhvoice-english (Debian non-free)" % v
    if name == "mbrola":
        if shutil.which("mbrola") is None:
            return "MBROLA: apt-get install mbrola %s (Debian contrib/non-free)" % " ".join(
                sorted(set(mbrola_package(v) for v in MBROLA_VOICES)))
        absent = [mbrola_package(v) for v in MBROLA_VOICES if not os.path.isdir("/usr/share/mbrola/" + mbrola_package(v)[7:])]
        if absent:
            return "MBROLA voices: apt-get install %s (Debian non-free)" % " ".join(sorted(set(absent)))
    if name == "pico" and shutil.which("pico2wave") is None:
        return "SVOX Pico: apt-get install libttspico-utils (Debian non-free)"
    if name == "festival":
        if shutil.which("festival") is None:
            return "festival: apt-get install festival"
        for v in FESTIVAL_TRAIN_VOICES:
            if not festival_has(v):
                return "festival voice %s: apt-get install festvox-rablpc16k festvox-don festvox-us1 festvox-us2 festvox-us3 festvox-en1 (Debian contrib)" % v
    if name == "gnuspeech":
        return gnuspeech_problem(GNUSPEECH_DIR)
    return None


def gnuspeech_problem(folder):
    """None when GnuSpeech can run from folder, else one line naming what to install."""
    if shutil.which("node") is None:
        return "GnuSpeech: needs Node.js (apt-get install nodejs npm), then scripts/setup-voices.sh"
    if not os.path.isfile(os.path.join(folder, "node_modules", "@echogarden", "gnuspeech-wasm", "package.json")):
        return "GnuSpeech: run scripts/setup-voices.sh (npm ci in training/gnuspeech installs @echogarden/gnuspeech-wasm)"
    return None


def gnuspeech_version():
    """The installed @echogarden/gnuspeech-wasm version, or None."""
    try:
        with open(os.path.join(GNUSPEECH_DIR, "node_modules", "@echogarden", "gnuspeech-wasm", "package.json")) as f:
            return "@echogarden/gnuspeech-wasm " + json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return None


def gnuspeech_voices():
    """Every GnuSpeech speaker the training split may use: (preset, tract cm, pitch semitones)."""
    return [(p, round(tract * k, 2), pitch + d) for p, (tract, pitch) in GNUSPEECH_PRESETS.items()
            for k in GNUSPEECH_TRACT_SCALES for d in GNUSPEECH_PITCH_STEPS]


def festival_has(voice):
    return any(os.path.isdir(os.path.join(d, voice)) for d in FESTIVAL_DIRS)


def rhvoice_voices(licence):
    return RHVOICE_FREE + (RHVOICE_NONFREE if licence == "all" else [])


def pick_training_voice(rng, usable, licence):
    """A voice for train/val from the usable families (weighted), with its own settings."""
    total = sum(w for _, w in usable)
    r = rng.random() * total
    family = usable[-1][0]
    for name, w in usable:
        if r < w:
            family = name
            break
        r -= w
    if family == "espeak-ng":
        return {"engine": "espeak-ng", "voice": rng.choice(ESPEAK_TRAIN_ACCENTS) + "+" + rng.choice(ESPEAK_VARIANTS),
                "pitch": rng.randint(20, 80), "rate": rng.randint(120, 210)}
    if family == "flite":
        voice = rng.choice(sorted(FLITE_VOICES))
        lo, hi = FLITE_VOICES[voice]
        return {"engine": "flite", "voice": voice, "stretch": round(rng.uniform(0.8, 1.3), 3), "f0": rng.randint(lo, hi)}
    if family == "rhvoice":
        # A few rate/pitch steps, not a continuum: RHVoice-test takes ~0.4 s to load per call, so renders
        # are cached per (voice, settings, text); speed/pitch augmentation adds the fine variation.
        return {"engine": "rhvoice", "voice": rng.choice(rhvoice_voices(licence)),
                "rate": rng.choice(RHVOICE_STEPS), "pitch": rng.choice(RHVOICE_STEPS)}
    if family == "mbrola":
        return {"engine": "espeak-ng", "voice": rng.choice(MBROLA_VOICES),
                "pitch": rng.randint(25, 75), "rate": rng.randint(120, 190)}
    if family == "pico":
        return {"engine": "pico", "voice": rng.choice(PICO_LANGUAGES)}
    if family == "gnuspeech":
        preset, tract, pitch = rng.choice(gnuspeech_voices())
        return {"engine": "gnuspeech", "voice": preset, "tract": tract, "pitch": pitch}
    return {"engine": "festival", "voice": rng.choice(FESTIVAL_TRAIN_VOICES), "stretch": round(rng.uniform(0.85, 1.2), 3)}


def pick_test_voice(rng):
    """Held-out voices: the reserved festival speakers and held-out espeak-ng accents."""
    if rng.random() < 0.5:
        return {"engine": "festival", "voice": rng.choice(FESTIVAL_TEST_VOICES), "stretch": round(rng.uniform(0.85, 1.2), 3)}
    return {"engine": "espeak-ng", "voice": rng.choice(ESPEAK_HELD_OUT_ACCENTS) + "+" + rng.choice(ESPEAK_TEST_VARIANTS),
            "pitch": rng.randint(20, 80), "rate": rng.randint(120, 210)}


def tts_command(voice, text, out_path):
    """The command that speaks text into out_path (festival is batched elsewhere)."""
    e = voice["engine"]
    if e == "espeak-ng":
        return ["espeak-ng", "-v", voice["voice"], "-p", str(voice["pitch"]), "-s", str(voice["rate"]), "-w", out_path, text]
    if e == "flite":
        return ["flite", "-voice", voice["voice"], "--setf", "duration_stretch=%s" % voice["stretch"],
                "--setf", "int_f0_target_mean=%d" % voice["f0"], "-t", text, "-o", out_path]
    if e == "rhvoice":
        return ["RHVoice-test", "-p", voice["voice"], "-r", str(voice["rate"]), "-t", str(voice["pitch"]),
                "-R", "16000", "-o", out_path]
    if e == "pico":
        return ["pico2wave", "-l", voice["voice"], "-w", out_path, text]
    if e == "gnuspeech":
        # GnuSpeech's random intonation, seeded by what is said and by whom: the same piece renders the same.
        seed = int(hashlib.sha256(("%s|%s" % (describe(voice), text)).encode()).hexdigest()[:12], 16)
        return ["node", os.path.join(GNUSPEECH_DIR, "render.mjs"), "--preset", voice["voice"], "--tract", str(voice["tract"]),
                "--pitch", str(voice["pitch"]), "--seed", str(seed), "--out", out_path, text]
    raise ValueError("no direct command for " + e)


def tts_stdin(voice, text):
    """Text on standard input for engines that read it there (RHVoice-test)."""
    return text.encode() if voice["engine"] == "rhvoice" else None


def family_of(voice):
    e, v = voice["engine"], voice.get("voice", "")
    if e == "espeak-ng" and v.startswith("mb-"):
        return "mbrola"
    return e


def describe(v):
    e = v["engine"]
    if e == "espeak-ng":
        return "%s -p %d -s %d" % (v["voice"], v["pitch"], v["rate"])
    if e == "flite":
        return "%s stretch=%s f0=%d" % (v["voice"], v["stretch"], v["f0"])
    if e == "festival":
        return "%s stretch=%s" % (v["voice"], v["stretch"])
    if e == "rhvoice":
        return "%s rate=%d pitch=%d" % (v["voice"], v["rate"], v["pitch"])
    if e == "pico":
        return v["voice"]
    if e == "gnuspeech":
        return "%s tract=%s pitch=%s" % (v["voice"], v["tract"], v["pitch"])
    return ""
