#!/usr/bin/python3
"""Which real recordings a model misses, by signal: recall per quartile of each clip's SNR, level and
high-frequency content, and per label (issue 12 item 4: would a noise-robust frontend help?).

  /usr/bin/python3 scripts/frontend-study/miss_by_signal.py MANIFEST.csv EVAL.txt

MANIFEST.csv: the keyword stream manifest given to `edge-asr eval` (path,label,...); EVAL.txt: that
eval's text output, whose "missed keywords" list names the missed files.
- SNR: 95th minus 10th percentile of the 25 ms frame energies (dB), a noise floor estimate.
- level: 95th percentile frame energy (dB re 1 LSB^2).
- HF: energy above 4 kHz against 0.3-4 kHz (dB): band limits of cheap microphones and codecs.
"""
import collections
import csv
import sys
import wave

import numpy as np


def missed_files(report):
    text = open(report, encoding="utf-8").read()
    if "missed keywords" not in text:
        return set()
    lines = text.split("missed keywords", 1)[1].splitlines()[1:]
    return {line.split()[0] for line in lines if line.strip().endswith(tuple("0123456789")) and ".wav" in line}


def measures(path):
    with wave.open(path) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(float)
        rate = w.getframerate()
    energy = np.array([np.mean(x[i:i + 400] ** 2) + 1e-3 for i in range(0, len(x) - 400, 160)])
    db = 10 * np.log10(energy)
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    f = np.fft.rfftfreq(len(x), 1.0 / rate)
    hf = 10 * np.log10(spectrum[f > 4000].sum() / spectrum[(f > 300) & (f < 4000)].sum() + 1e-12)
    return np.percentile(db, 95) - np.percentile(db, 10), np.percentile(db, 95), hf


def main(manifest, report):
    missed = missed_files(report)
    rows = list(csv.DictReader(open(manifest, newline="", encoding="utf-8")))
    hit = np.array([r["path"] not in missed for r in rows])
    values = np.array([measures(r["path"]) for r in rows])
    print("%d clips, %d missed (%s)" % (len(rows), (~hit).sum(), report))
    for i, name in enumerate(("SNR dB", "level dB", "HF dB")):
        edges = np.percentile(values[:, i], [0, 25, 50, 75, 100])
        cells = []
        for q in range(4):
            sel = (values[:, i] >= edges[q]) & ((values[:, i] < edges[q + 1]) if q < 3 else True)
            cells.append("%.1f..%.1f: %.1f %%" % (edges[q], edges[q + 1], 100.0 * hit[sel].mean()))
        print("%-9s recall by quartile  %s" % (name, " | ".join(cells)))
    low_hf = values[:, 2] < np.percentile(values[:, 2], 25)
    by_label = collections.defaultdict(list)
    for r, h, lo in zip(rows, hit, low_hf):
        by_label[r["label"]].append((h, lo))
    for label, v in by_label.items():
        v = np.array(v)
        lo = v[:, 1].astype(bool)
        print("%-9s %3d clips, recall %.1f %%; in the lowest HF quartile %d clips, recall %s" % (
            label, len(v), 100.0 * v[:, 0].mean(), lo.sum(), "%.1f %%" % (100.0 * v[lo, 0].mean()) if lo.any() else "-"))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
