#!/usr/bin/python3
"""Recall in a stream: held-out command clips joined back to back, as a wearer says one command after another.

usage: scripts/stream-recall.py [--threshold T] [--negatives STREAMS.csv] MANIFEST.csv OUTDIR MODEL.easr [MODEL.easr ...]

MANIFEST is a synth.py manifest (path,label,...; paths relative to its folder's parent, as data/test/manifest.csv).
Its command clips (labels not starting with _) are shuffled with a fixed seed and joined 8 per stream into
OUTDIR/sNNN.wav. Each model then runs over every stream as the device does (`edge-asr run --json`: one stream,
state kept from clip to clip). A clip is heard when a detection of its label falls inside it or within 0.5 s after
its end; every other detection is counted as wrong. --threshold T runs every model at T for every command
instead of its blob's thresholds. --negatives STREAMS.csv also counts each model's false accepts per hour on those
command-free streams (`edge-asr eval`, same thresholds), so two models can be compared at equal false accepts.
`edge-asr eval` runs each clip from a fresh start, so it does not show a model that hears a word after silence but
not after other words.
"""
import csv, json, os, random, shlex, subprocess, sys, wave
import numpy as np

STREAM_CLIPS = 8
LATE_SECONDS = 0.5


def main(argv):
    extra, negatives = [], None
    while argv[:1] in (["--threshold"], ["--negatives"]) and len(argv) > 1:
        if argv[0] == "--threshold":
            extra = argv[:2]
        else:
            negatives = argv[1]
        argv = argv[2:]
    if len(argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    if negatives is not None and not os.path.isfile(negatives):
        sys.exit("stream-recall: %s: no such file" % negatives)
    manifest, out, models = argv[0], argv[1], argv[2:]
    data = os.path.dirname(os.path.dirname(os.path.abspath(manifest)))
    rows = [r for r in csv.DictReader(open(manifest, encoding="utf-8")) if not r["label"].startswith("_")]
    if not rows:
        sys.exit("stream-recall: %s has no command clips" % manifest)
    random.Random(7).shuffle(rows)
    os.makedirs(out, exist_ok=True)
    streams = []
    for s in range(0, len(rows), STREAM_CLIPS):
        pcm, spans, t = [], [], 0
        for r in rows[s:s + STREAM_CLIPS]:
            with wave.open(os.path.join(data, r["path"])) as w:
                if (w.getframerate(), w.getsampwidth(), w.getnchannels()) != (16000, 2, 1):
                    sys.exit("stream-recall: %s is not 16 kHz 16-bit mono" % r["path"])
                x = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
            spans.append((r["label"], t / 16000.0, (t + len(x)) / 16000.0))
            pcm.append(x)
            t += len(x)
        path = os.path.join(out, "s%03d.wav" % (s // STREAM_CLIPS))
        with wave.open(path, "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
            w.writeframes(np.concatenate(pcm).tobytes())
        streams.append((path, spans))
    # EDGE_ASR: another way to start edge-asr (the tests run their own build, `dotnet .../edge-asr.dll`).
    edge_asr = shlex.split(os.environ.get("EDGE_ASR", "")) or [
        os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "edge-asr")]

    def edge_json(command, path, model):
        """`edge-asr COMMAND PATH --model MODEL --json` (at --threshold T when given), parsed; exits on failure."""
        run = subprocess.run(edge_asr + [command, path, "--model", model, "--json"] + extra, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit("stream-recall: edge-asr %s %s failed: %s" % (command, path, run.stderr.strip()))
        return json.loads(run.stdout)

    for model in models:
        heard = wrong = total = 0
        for path, spans in streams:
            got = [False] * len(spans)
            for d in edge_json("run", path, model)["detections"]:
                i = next((i for i, (label, a, b) in enumerate(spans)
                          if not got[i] and label == d["label"] and a <= d["time_s"] <= b + LATE_SECONDS), None)
                if i is None:
                    wrong += 1
                else:
                    got[i] = True
            heard += sum(got)
            total += len(spans)
        line = "%s: %d of %d command clips heard in %d streams (%.1f %%), %d other detections" % (
            model, heard, total, len(streams), 100.0 * heard / total, wrong)
        if negatives is not None:
            r = edge_json("eval", negatives, model)
            line += "; %d false accepts in %.3f h of negatives (%.2f per hour)" % (
                r["false_accepts"], r["stream_hours"], r["false_accepts_per_hour"])
        print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
