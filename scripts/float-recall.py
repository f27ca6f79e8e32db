#!/usr/bin/python3
"""Recall against false accepts per hour of training exports, run in PyTorch float on the engine's own
log-mel with the device's detector rules, at one threshold for every command.

  /usr/bin/python3 scripts/float-recall.py --keywords MANIFEST.csv --negatives STREAMS.csv --work DIR EXPORT...

For a training variant the engine does not compute yet (so no blob, and no `edge-asr eval`): baseline
and variant are compared on the same footing. On cmd3-m it gives what eval gives for its blob: 1
and 5 false accepts in the held-out hour at 0.95 and 0.9, and 192 of 367 real words at 0.95 (eval 193).
EDGE_ASR: another way to start edge-asr (the tests run their own build, `dotnet .../edge-asr.dll`).

- Features: `edge-asr features` of every file with 0.5 s of digital silence appended (as eval does).
- Detector (docs/detector.md, float): mean of the last 5 posteriors (zeros before the start), the
  top class must be a command at >= T, one event per run, 25 frames refractory; an event at encoder
  frame e is at 0.04 e + 0.025 s and matches a keyword of its label with start <= t <= end + 0.5 s.
- Keywords: a manifest of path,label[,start,end] (synth.py's test manifest: its command clips, each
  one stream; a realvoice stream manifest: its rows). Negatives: streams with no keyword.
"""
import argparse
import csv
import os
import shlex
import subprocess
import sys
import wave

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "training"))
import model as m  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99)
SMOOTHING, REFRACTORY, TOLERANCE, PAD_SAMPLES = 5, 25, 0.5, 8000


def fail(message):
    sys.exit("float-recall: " + message)


def read_rows(manifest, keywords):
    """[(wav path, label, start, end)] (start/end None: the whole file); fillers skipped for keywords."""
    if not os.path.isfile(manifest):
        fail("%s: no such file" % manifest)
    rows, base = [], os.path.dirname(os.path.abspath(manifest))
    with open(manifest, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            label = r.get("label") or ""
            if keywords and (label == "" or label.startswith("_")):
                continue
            path = r["path"] if os.path.isabs(r["path"]) else os.path.join(base, r["path"])
            if not os.path.exists(path):        # synth.py's OUT/<split>/manifest.csv: paths relative to OUT
                path = os.path.join(os.path.dirname(base), r["path"])
            start, end = r.get("start") or "", r.get("end") or ""
            rows.append((path, label, float(start) if start else None, float(end) if end else None))
    if not rows:
        fail("%s: no %s rows" % (manifest, "keyword" if keywords else "stream"))
    return rows


def features(rows, work, name):
    """[(int16 [frames, 40], seconds)] of each row's file with the eval's 0.5 s of silence appended."""
    folder = os.path.join(work, name)
    os.makedirs(folder, exist_ok=True)
    lengths = []
    with open(os.path.join(folder, "manifest.csv"), "w", encoding="utf-8") as man:
        man.write("path,label\n")
        for i, (path, _, _, _) in enumerate(rows):
            if not os.path.isfile(path):
                fail("%s: no such file" % path)
            with wave.open(path) as w:
                if (w.getframerate(), w.getnchannels(), w.getsampwidth()) != (16000, 1, 2):
                    fail("%s: %d Hz, %d channels, %d-bit; this study reads 16 kHz mono 16-bit WAV" % (
                        path, w.getframerate(), w.getnchannels(), 8 * w.getsampwidth()))
                pcm = w.readframes(w.getnframes())
            out = os.path.join(folder, "%05d.wav" % i)
            with wave.open(out, "wb") as w:
                w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
                w.writeframes(pcm + bytes(2 * PAD_SAMPLES))
            n = len(pcm) // 2 + PAD_SAMPLES
            lengths.append((1 + (n - 400) // 160, (n - PAD_SAMPLES) / 16000.0))
            man.write("%s,x\n" % out)
    with open(os.path.join(folder, "classes.txt"), "w") as f:
        f.write("x\n")
    npy = os.path.join(folder, "features.npy")
    edge_asr = shlex.split(os.environ.get("EDGE_ASR", "")) or [os.path.join(ROOT, "edge-asr")]
    subprocess.run(edge_asr + ["features", os.path.join(folder, "manifest.csv"), "--out", npy,
                    "--classes", os.path.join(folder, "classes.txt"), "--frames", str(max(t for t, _ in lengths))],
                   check=True, stdout=subprocess.DEVNULL)
    x = np.load(npy)
    return [(x[i, :t], seconds) for i, (t, seconds) in enumerate(lengths)]


def smoothed_posteriors(net, mel):
    """The detector's smoothed posteriors of one stream [frames, classes]: the mean of the last 5 (zeros before the start)."""
    with torch.no_grad():
        logits = net.frame_logits(m.features_to_input(mel[None]))[0]
    post = torch.softmax(logits.double(), dim=-1).numpy()
    c = np.cumsum(np.vstack([np.zeros((1, post.shape[1])), post]), axis=0)
    t = np.arange(len(post))
    return (c[t + 1] - c[np.maximum(t + 1 - SMOOTHING, 0)]) / SMOOTHING


def events(smoothed, is_command, threshold):
    """[(encoder frame, class)] of the float detector over one stream's smoothed posteriors."""
    t = np.arange(len(smoothed))
    top = smoothed.argmax(axis=1)
    ok = is_command[top] & (smoothed[t, top] >= threshold)
    out, last, run, fired = [], -10 ** 9, -1, False
    for e in range(len(smoothed)):
        cand = int(top[e]) if ok[e] else -1
        if cand != run:
            run, fired = cand, False
        if cand >= 0 and not fired and e > last + REFRACTORY:
            out.append((e, cand))
            last, fired = e, True
    return out


def score(labels, streams, smoothed, rows, threshold):
    """(matched keywords, keywords, false accepts) over streams with rows' keywords."""
    is_command = np.array([not l.startswith("_") for l in labels])
    matched = total = false = 0
    for (_, seconds), post, (_, label, start, end) in zip(streams, smoothed, rows):
        keyword = label != ""
        total += keyword
        hit = False
        for e, cls in events(post, is_command, threshold):
            t = 0.04 * e + 0.025
            lo, hi = (start or 0.0), (end if end is not None else seconds) + TOLERANCE
            if keyword and not hit and labels[cls] == label and lo <= t <= hi:
                hit = True
            else:
                false += 1
        matched += hit
    return matched, total, false


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--keywords", required=True, help="manifest of keyword clips or streams")
    p.add_argument("--negatives", required=True, help="stream manifest of command-free audio")
    p.add_argument("--work", required=True, help="folder for padded copies and features")
    p.add_argument("exports", nargs="+", help="training export folders (config.json + model.safetensors)")
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    krows, nrows = read_rows(a.keywords, True), read_rows(a.negatives, False)
    for export in a.exports:
        if not os.path.isfile(os.path.join(export, "config.json")):
            fail("%s: no config.json (a training export folder)" % export)
    kx, nx = features(krows, a.work, "keywords"), features(nrows, a.work, "negatives")
    hours = sum(s for _, s in nx) / 3600.0
    print("keywords: %d in %s; negatives: %d streams, %.3f h in %s" % (len(krows), a.keywords, len(nrows), hours, a.negatives))
    for export in a.exports:
        net, config = m.load_export(export)
        labels = config["labels"]
        print("\n%s (%s)" % (export, config["frontend"]["log_format"]))
        kp, negp = [smoothed_posteriors(net, mel) for mel, _ in kx], [smoothed_posteriors(net, mel) for mel, _ in nx]
        print("threshold  recall            false accepts  per hour")
        for t in THRESHOLDS:
            hit, n, _ = score(labels, kx, kp, krows, t)
            _, _, fa = score(labels, nx, negp, nrows, t)
            print("%9.2f  %3d/%3d = %5.1f %%  %13d  %8.2f" % (t, hit, n, 100.0 * hit / n, fa, fa / hours))
    return 0


if __name__ == "__main__":
    sys.exit(main())
