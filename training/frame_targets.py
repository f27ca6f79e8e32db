"""Frame-level targets for streaming training (docs/training.md, "Frame loss").

The device scores every encoder frame, but the clip loss trains only a clip's last frame: what the
model says while a word is still to come, or a second after it, is never taught. synth.py records
where each clip's word lies (`target=START-END` in samples, manifest column `augmentation`), so
each encoder frame of a training clip can get a target of its own:

  - before the word starts (nothing of it heard yet) and on every frame of a clip without a
    command (_silence_, _unknown_, negative-pool windows): "no command" (all probability on the
    non-command classes, whichever of them);
  - from the frame that has heard the word's end to FIRE_FRAMES later: the command;
  - while the word is being spoken, and later than FIRE_FRAMES after it: no target.
"""
import csv
import re

import numpy as np

HOP = 160            # samples per log-mel frame (the frontend's hop)
ENCODER_STRIDE = 4   # log-mel frames per encoder frame (subsampling conv1 and dw, stride 2 each)
FIRE_FRAMES = 10     # encoder frames (0.4 s) after the word's end that should hold the command

NONE, COMMAND, NO_COMMAND = 0, 1, 2

_TARGET = re.compile(r"(?:^|;)target=(\d+)-(\d+)(?:;|$)")


def read_word_spans(manifest, clips):
    """[clips, 2] start and end sample of each clip's word (synth.py's target=S-E), -1 -1 where none.
    The manifest's rows are the feature file's clips in order (edge-asr features keeps it)."""
    with open(manifest, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != clips:
        raise ValueError("%s: %d rows for %d feature clips" % (manifest, len(rows), clips))
    spans = np.full((clips, 2), -1, dtype=np.int64)
    for i, row in enumerate(rows):
        found = _TARGET.search(row.get("augmentation") or "")
        if found:
            spans[i] = (int(found.group(1)), int(found.group(2)))
    return spans


def frame_kinds(spans, is_command, shifts, frames_in, encoder_frames):
    """[clips, encoder_frames] of NONE / COMMAND / NO_COMMAND for clips whose log-mel content moved by
    `shifts` frames (time_shift's roll plus stream_start's crop; positive = later). Encoder frame t has
    heard log-mel frames 0..4t; log-mel frame f ends at sample 160 (f + 1)."""
    kinds = np.full((len(spans), encoder_frames), NONE, dtype=np.int64)
    t = np.arange(encoder_frames)
    for i, (start, end) in enumerate(spans):
        if not is_command[i]:
            kinds[i] = NO_COMMAND
            continue
        if start < 0:
            continue
        first_heard = start // HOP + shifts[i]               # log-mel frame holding the word's first sample
        last_heard = -(-end // HOP) - 1 + shifts[i]         # log-mel frame holding its last sample
        if last_heard >= frames_in:
            continue                                         # the word runs past the clip: no frame target
        kinds[i, ENCODER_STRIDE * t < first_heard] = NO_COMMAND
        fire = -(-last_heard // ENCODER_STRIDE)
        kinds[i, (t >= fire) & (t <= fire + FIRE_FRAMES)] = COMMAND
    return kinds
