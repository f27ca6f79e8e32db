#!/usr/bin/python3
"""Train the Edge.Asr keyword-spotting Conformer on features from `edge-asr features`.

  /usr/bin/python3 training/train.py --train data/train.npy --val data/val.npy --out runs/kws
  /usr/bin/python3 training/train.py --smoke --train T.npy --val V.npy --out /tmp/smoke   # CI: tiny model, 2 epochs

Inputs: X.npy (int16 [clips, frames, mel], the fixed-point frontend's Q8 log2 values),
X.labels.txt (class number per clip) and X.classes.txt (class names in order) beside it.
Output folder: model.safetensors + config.json (docs/training.md), train_log.txt.
One line per epoch: `epoch N loss X val_acc Y time Zs`. See docs/training.md.
"""
import argparse
import json
import math
import os
import random
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import frame_targets  # noqa: E402
import model as m  # noqa: E402
import safetensors_io  # noqa: E402

FRONTEND = {"sample_rate": 16000, "window_length": 400, "hop_length": 160, "fft_length": 512,
            "mel_channels": 40, "mel_low_hz": 20, "mel_high_hz": 7600, "log_format": "int16 log2 Q8",
            "input_scale": 1.0 / 256.0}


class UsageError(Exception):
    pass


def sibling(npy, suffix):
    return (npy[:-4] if npy.endswith(".npy") else npy) + suffix


def load_split(npy, classes_override=None):
    """Features, class numbers and class names of one split, checked for consistency."""
    for p in (npy, sibling(npy, ".labels.txt"), sibling(npy, ".classes.txt")):
        if not os.path.isfile(p):
            raise UsageError("%s: not found (write it with `edge-asr features ... --out %s`)" % (p, npy))
    x = np.load(npy)
    if x.dtype != np.int16 or x.ndim != 3:
        raise UsageError("%s: expected int16 [clips, frames, mel], got %s %s" % (npy, x.dtype, list(x.shape)))
    y = np.loadtxt(sibling(npy, ".labels.txt"), dtype=np.int64, ndmin=1)
    with open(classes_override or sibling(npy, ".classes.txt"), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    if len(y) != len(x):
        raise UsageError("%s: %d labels for %d clips" % (sibling(npy, ".labels.txt"), len(y), len(x)))
    if len(y) and (y.min() < 0 or y.max() >= len(names)):
        raise UsageError("%s: class numbers must be in [0, %d)" % (sibling(npy, ".labels.txt"), len(names)))
    return x, y, names


def remap(y, names, target, what):
    """Class numbers of one split's list -> numbers in the training list (by name)."""
    index = {n: i for i, n in enumerate(target)}
    missing = [n for n in names if n not in index]
    if missing:
        raise UsageError("%s has classes the training set lacks: %s" % (what, ", ".join(missing)))
    table = np.array([index[n] for n in names], dtype=np.int64)
    return table[y]


def spec_augment(x, rng, time_masks, time_width, freq_masks, freq_width):
    """SpecAugment-style masking in place on a float batch [B, T, mel]: masked cells get the clip's mean."""
    b, t, f = x.shape
    mean = x.mean(dim=(1, 2))
    for i in range(b):
        for _ in range(time_masks):
            w = int(rng.integers(0, time_width + 1))
            s = int(rng.integers(0, max(1, t - w + 1)))
            x[i, s:s + w, :] = mean[i]
        for _ in range(freq_masks):
            w = int(rng.integers(0, freq_width + 1))
            s = int(rng.integers(0, max(1, f - w + 1)))
            x[i, :, s:s + w] = mean[i]
    return x


def mel_warp(x, rng, max_warp):
    """Stretch each clip's mel axis by a factor in [1 - max_warp, 1 + max_warp] (linear interpolation).

    Why: a longer or shorter vocal tract scales every formant by about the same factor; the
    training voices (espeak-ng, flite) cover few tract lengths and held-out voices fall outside
    them. This is vocal tract length perturbation done on the features, so it costs no synthesis.
    """
    if max_warp <= 0:
        return x
    b, t, f = x.shape
    alpha = torch.as_tensor(rng.uniform(1 - max_warp, 1 + max_warp, size=(b, 1)), dtype=torch.float32)
    pos = (torch.arange(f, dtype=torch.float32)[None, :] * alpha).clamp(0, f - 1)
    lo = pos.floor().long()
    hi = (lo + 1).clamp(max=f - 1)
    w = (pos - lo.to(torch.float32))[:, None, :]
    x_lo = x.gather(2, lo[:, None, :].expand(b, t, f))
    x_hi = x.gather(2, hi[:, None, :].expand(b, t, f))
    return x_lo + w * (x_hi - x_lo)


def time_shift(x, rng, max_shift, edge=False):
    """Roll each clip by up to max_shift frames (zeros in, like the frontend's digital silence); returns
    the clips and each one's shift in frames (positive: the content moved later). With edge, frames moved in
    at the start repeat the clip's first frame: a running-mean input norm starts from its first frame, and a
    stream that starts in digital silence is not what the device hears."""
    shifts = np.zeros(x.shape[0], dtype=np.int64)
    if max_shift <= 0:
        return x, shifts
    out = torch.zeros_like(x)
    t = x.shape[1]
    for i in range(x.shape[0]):
        s = int(rng.integers(-max_shift, max_shift + 1))
        shifts[i] = s
        if s >= 0:
            out[i, s:] = x[i, :t - s]
            if edge:
                out[i, :s] = x[i, 0]
        else:
            out[i, :t + s] = x[i, -s:]
    return out, shifts


def stream_start(x, rng, most):
    """Half the batches lose their first 0..most frames (one count per batch, so shapes stay equal).

    Why: every clip has half a second of speech or noise before its word, so the model never heard
    a word right after a fresh start, and missed "yes" in samples/yes.wav (the word 0.2 s in) while
    it heard it with 0.5 s of silence before. A stream starts fresh at boot and every clip eval runs
    starts fresh: cropping the start puts the word there. The targets stay at the clip's end.

    Returns the clips and the number of frames cut.
    """
    if most <= 0 or rng.random() >= 0.5:
        return x, 0
    k = int(rng.integers(0, most + 1))
    return (x[:, k:, :], k) if k < x.shape[1] - 30 else (x, 0)


def stream_context(xb, pool, pool_lengths, frames, rng):
    """What the stream held before each clip in 3 of 4 batches: `frames` frames of the negative pool
    (command-free speech, babble, noise), or without a pool the end of another clip of the batch.

    Why: a clip alone starts the model at its first frame, as at power-on. In a stream the input norm's mean has
    followed the sound before the word, and the encoder's attention, convolutions and pooled window hold it; a model
    trained only on fresh starts heard 49.1 % of held-out command clips one by one but 32.8 % of the same clips
    joined into streams (weights/README.md, session 7). Returns None for a fresh start."""
    if frames <= 0 or rng.random() >= 0.75:
        return None
    if pool is not None:
        return m.features_to_input(pool_windows(pool, pool_lengths, len(xb), frames, rng))
    if xb.shape[1] < frames:
        return None
    return m.features_to_input(np.roll(xb, 1, axis=0)[:, -frames:])


def load_pool(npy, frames, mel):
    """Feature streams of command-free audio [streams, frames, mel] and each stream's length without padding."""
    if not os.path.isfile(npy):
        raise UsageError("%s: not found (features of synth.py --pool-minutes streams)" % npy)
    pool = np.load(npy)
    if pool.dtype != np.int16 or pool.ndim != 3 or pool.shape[2] != mel:
        raise UsageError("%s: expected int16 [streams, frames, %d], got %s %s" % (npy, mel, pool.dtype, list(pool.shape)))
    used = pool.reshape(pool.shape[0], pool.shape[1], -1).any(axis=2)
    lengths = np.array([int(np.nonzero(u)[0][-1]) + 1 if u.any() else 0 for u in used])
    if not (lengths >= frames).any():
        raise UsageError("%s: no stream holds a whole clip (%d frames)" % (npy, frames))
    return pool, lengths


def pool_windows(pool, lengths, count, frames, rng):
    """`count` random clip-long windows of the negative pool, as clips: the model hears running speech
    that holds no command at every offset, not only the few sentences cut into _unknown_ clips."""
    usable = np.nonzero(lengths >= frames)[0]
    out = np.empty((count, frames, pool.shape[2]), dtype=np.int16)
    for i in range(count):
        k = int(usable[rng.integers(0, len(usable))])
        s = int(rng.integers(0, lengths[k] - frames + 1))
        out[i] = pool[k, s:s + frames]
    return out


def hardest_windows(net, pool, lengths, count, candidates, frames, rng, unknown):
    """Of `candidates` x `count` random windows, the `count` the model finds most command-like
    (highest probability outside _silence_/_unknown_): hard negatives, mined as training goes."""
    x = pool_windows(pool, lengths, count * candidates, frames, rng)
    if candidates <= 1:
        return x
    net.eval()
    with torch.no_grad():
        p = torch.softmax(net(m.features_to_input(x)), dim=1)
    net.train()
    p[:, :unknown + 1] = 0
    score = p.max(dim=1).values.numpy()
    return x[np.argsort(-score)[:count]]


def frame_loss_term(frame_logits, kinds, y, non_command):
    """Mean loss of the frames with a target (frame_targets): -log p(command) on COMMAND frames and
    -log p(any non-command class) on NO_COMMAND frames, the two kinds weighted equally (a batch holds
    many more non-command frames)."""
    logp = torch.log_softmax(frame_logits, dim=2)
    kinds = torch.as_tensor(kinds)
    terms = []
    command = kinds == frame_targets.COMMAND
    if bool(command.any()):
        own = logp.gather(2, torch.as_tensor(y)[:, None, None].expand(-1, logp.shape[1], 1)).squeeze(2)
        terms.append(-own[command].mean())
    none = kinds == frame_targets.NO_COMMAND
    if bool(none.any()):
        terms.append(-torch.logsumexp(logp[:, :, non_command], dim=2)[none].mean())
    return sum(terms) / len(terms) if terms else torch.zeros(())


def evaluate(net, x, y, batch):
    net.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for s in range(0, len(x), batch):
            logits = net(m.features_to_input(x[s:s + batch]))
            correct += int((logits.argmax(dim=1) == torch.as_tensor(y[s:s + batch])).sum())
            total += len(logits)
    return correct / max(1, total)


def export(net, c, folder, training_info):
    os.makedirs(folder, exist_ok=True)
    tensors = {k: v.detach().to(torch.float32) for k, v in net.state_dict().items()}
    safetensors_io.save(tensors, os.path.join(folder, "model.safetensors"), {"format": "pt"})
    config = {"format": "edge-asr training export", "version": 1, "model": c.to_json(), "labels": c.labels,
              "frontend": dict(FRONTEND, log_format=m.log_format(c.input_norm_shift)), "training": training_info}
    with open(os.path.join(folder, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Train the Edge.Asr Conformer on edge-asr features.")
    p.add_argument("--train", required=True, help="training features X.npy (with X.labels.txt, X.classes.txt)")
    p.add_argument("--val", required=True, help="validation features Y.npy (early stopping)")
    p.add_argument("--classes", help="class list to use instead of the train split's X.classes.txt")
    p.add_argument("--out", required=True, help="export folder: model.safetensors, config.json, train_log.txt")
    p.add_argument("--epochs", type=int, default=None, help="most epochs (default 40; --smoke 2)")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-3, help="peak AdamW learning rate (warm-up 1 epoch, cosine decay)")
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--dropout", type=float, default=0.0, help="dropout in FFN, attention and conv outputs (training only; costs ~20%% of the CPU time)")
    p.add_argument("--mel-warp", type=float, default=0.12,
                   help="largest mel-axis stretch for vocal tract length perturbation (0 turns it off)")
    p.add_argument("--start-crop", type=int, default=60,
                   help="half the batches lose up to this many leading frames, so words also come right after a fresh start (0 turns it off)")
    p.add_argument("--negative-pool", help="features of command-free streams (edge-asr features of synth.py's negatives/pool) whose random windows join every batch as _unknown_")
    p.add_argument("--pool-fraction", type=float, default=0.25, help="pool windows per batch, as a fraction of --batch")
    p.add_argument("--pool-mining", type=int, default=4,
                   help="draw this many candidate windows per pool window and keep the most command-like (1: random windows)")
    p.add_argument("--frame-loss", type=float, default=0.0,
                   help="weight of the frame-level loss (frame_targets.py; needs --train-manifest): teaches every encoder frame, not only the clip's last")
    p.add_argument("--train-manifest", help="synth.py's manifest of the --train clips, in the same order (word positions for --frame-loss)")
    p.add_argument("--input-norm", action="store_true",
                   help="subtract each mel channel's running mean (smoothing 2^-6) before the model: level and microphone "
                        "become a constant the model never sees (RunningMeanSubtractS16; the blob's log format 2)")
    p.add_argument("--norm-context", type=int, default=128,
                   help="with --input-norm: frames of other sound the norm hears before the clip in 3 of 4 batches (0: every clip a fresh start)")
    p.add_argument("--encoder-context", type=int, default=64,
                   help="log-mel frames (a multiple of 4) of the pool context that the whole encoder hears before the clip, "
                        "not only the input norm; their frames are taught 'no command' (needs --negative-pool; 0: off)")
    p.add_argument("--patience", type=int, default=8, help="stop after this many epochs without a better val accuracy")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float, default=None, help="stop after the epoch that passes this wall time")
    p.add_argument("--model", choices=("default", "smoke"), default=None, help="architecture (default: default; --smoke: smoke)")
    p.add_argument("--smoke", action="store_true", help="CI mode: tiny model, 2 epochs")
    a = p.parse_args(argv)
    if a.epochs is None:
        a.epochs = 2 if a.smoke else 40
    if a.model is None:
        a.model = "smoke" if a.smoke else "default"
    if a.epochs < 1 or a.batch < 1 or a.lr <= 0 or a.patience < 1:
        p.error("--epochs, --batch, --patience must be positive and --lr above 0")
    if not 0 < a.pool_fraction <= 1 or a.pool_mining < 1:
        p.error("--pool-fraction must be in (0, 1] and --pool-mining at least 1")
    if a.encoder_context < 0 or a.encoder_context % 4:
        p.error("--encoder-context must be a multiple of 4 (the encoder's stride) and at least 0")
    if a.frame_loss < 0 or (a.frame_loss > 0 and not a.train_manifest):
        p.error("--frame-loss must be at least 0, and above 0 it needs --train-manifest")
    return a


def main(argv=None):
    a = parse_args(argv)
    torch.set_num_threads(a.threads)
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)

    xt, yt, names = load_split(a.train, a.classes)
    xv, yv, vnames = load_split(a.val)
    yv = remap(yv, vnames, names, a.val)
    if xt.shape[1:] != xv.shape[1:]:
        raise UsageError("train clips are %s but val clips are %s" % (list(xt.shape[1:]), list(xv.shape[1:])))
    if xt.shape[2] != FRONTEND["mel_channels"]:
        raise UsageError("%s: %d mel channels, the frontend has %d" % (a.train, xt.shape[2], FRONTEND["mel_channels"]))
    pool, pool_lengths, unknown, per_batch = None, None, None, 0
    if a.negative_pool:
        if "_unknown_" not in names:
            raise UsageError("--negative-pool needs an _unknown_ class; the classes are %s" % ", ".join(names))
        unknown = names.index("_unknown_")
        if any(n not in ("_silence_", "_unknown_") for n in names[:unknown + 1]):
            raise UsageError("--negative-pool expects _silence_ and _unknown_ before the commands (synth.py's order)")
        pool, pool_lengths = load_pool(a.negative_pool, xt.shape[1], xt.shape[2])
        per_batch = max(1, int(round(a.pool_fraction * a.batch)))
        print("negative pool: %d streams, %.2f h; %d windows per batch (mining 1 of %d)"
              % (len(pool), pool_lengths.sum() / 360000.0, per_batch, a.pool_mining), flush=True)
    spans, non_command = None, [i for i, n in enumerate(names) if n in ("_silence_", "_unknown_")]
    if a.frame_loss > 0:
        if not non_command:
            raise UsageError("--frame-loss needs a _silence_ or _unknown_ class; the classes are %s" % ", ".join(names))
        try:
            spans = frame_targets.read_word_spans(a.train_manifest, len(xt))
        except (OSError, ValueError) as e:
            raise UsageError(str(e))
        is_command_clip = ~np.isin(yt, non_command)
        print("frame loss %.2f: %d of %d command clips with the word's position" % (
            a.frame_loss, int((spans[is_command_clip, 0] >= 0).sum()), int(is_command_clip.sum())), flush=True)
    c = m.smoke_config(names) if a.model == "smoke" else m.default_config(names)
    c.input_norm_shift = m.INPUT_NORM_SHIFT if a.input_norm else 0
    net = m.KwsConformer(c, dropout=a.dropout)
    # The encoder hears pool context only: its frames are command-free, so the frame loss can teach them.
    encoder_context = a.encoder_context if pool is not None else 0
    context_frames = max(a.norm_context if c.input_norm_shift else 0, encoder_context)
    params = sum(p.numel() for p in net.parameters())
    print("train %d clips, val %d clips, %d frames x %d mel, %d classes; model %s, %d parameters"
          % (len(xt), len(xv), xt.shape[1], xt.shape[2], len(names), a.model, params), flush=True)

    opt = torch.optim.AdamW(net.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    steps_per_epoch = max(1, math.ceil(len(xt) / a.batch))
    total_steps, warmup = a.epochs * steps_per_epoch, min(steps_per_epoch, a.epochs * steps_per_epoch // 2)

    def lr_at(step):
        if step < warmup:
            return (step + 1) / warmup
        return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total_steps - warmup)))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_at)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=a.label_smoothing)
    best_acc, best_epoch, best_state, stale = -1.0, 0, None, 0
    start = time.time()
    log = []
    for epoch in range(1, a.epochs + 1):
        t0 = time.time()
        net.train()
        order = rng.permutation(len(xt))
        total_loss, seen = 0.0, 0
        for s in range(0, len(order), a.batch):
            idx = np.sort(order[s:s + a.batch])
            xb, yb = xt[idx], yt[idx]
            sb = spans[idx] if spans is not None else None
            if pool is not None:
                neg = hardest_windows(net, pool, pool_lengths, per_batch, a.pool_mining, xt.shape[1], rng, unknown)
                xb = np.concatenate([xb, neg])
                yb = np.concatenate([yb, np.full(len(neg), unknown, dtype=yb.dtype)])
                if sb is not None:
                    sb = np.concatenate([sb, np.full((len(neg), 2), -1, dtype=sb.dtype)])
            x = m.features_to_input(xb)
            x, cut = stream_start(x, rng, a.start_crop)
            x, shifts = time_shift(x, rng, 10, edge=bool(c.input_norm_shift))
            x = spec_augment(mel_warp(x, rng, a.mel_warp), rng, 2, 10, 2, 6)
            ctx = stream_context(xb, pool, pool_lengths, context_frames, rng)
            enc = encoder_context if ctx is not None else 0
            y = torch.as_tensor(yb)
            if sb is None:
                loss = loss_fn(net(x, ctx, enc), y)
            else:
                clip_logits, frame_logits = net.clip_and_frame_logits(x, ctx, enc)
                kinds = frame_targets.frame_kinds(sb, ~np.isin(yb, non_command), shifts - cut + enc,
                                                  x.shape[1] + enc, frame_logits.shape[1])
                loss = loss_fn(clip_logits, y) + a.frame_loss * frame_loss_term(frame_logits, kinds, yb, non_command)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            sched.step()
            total_loss += float(loss) * len(yb)
            seen += len(yb)
        acc = evaluate(net, xv, yv, 256)
        line = "epoch %d loss %.4f val_acc %.4f time %.1fs" % (epoch, total_loss / seen, acc, time.time() - t0)
        print(line, flush=True)
        log.append(line)
        if acc > best_acc:
            best_acc, best_epoch, stale = acc, epoch, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
        else:
            stale += 1
        if stale >= a.patience:
            print("early stop: no better val_acc for %d epochs" % a.patience, flush=True)
            break
        if a.max_minutes is not None and time.time() - start > 60 * a.max_minutes:
            print("stop: --max-minutes %g reached" % a.max_minutes, flush=True)
            break
    net.load_state_dict(best_state)
    info = {"best_epoch": best_epoch, "val_accuracy": best_acc, "epochs_run": len(log), "train_clips": len(xt),
            "val_clips": len(xv), "frames": int(xt.shape[1]), "seed": a.seed, "batch": a.batch, "lr": a.lr,
            "weight_decay": a.weight_decay, "label_smoothing": a.label_smoothing, "dropout": a.dropout,
            "optimizer": "AdamW", "mel_warp": a.mel_warp, "spec_augment": "2 time masks <= 10 frames, 2 mel masks <= 6 bins, mean fill",
            "time_shift_frames": 10, "input_norm_shift": c.input_norm_shift,
            "norm_context_frames": a.norm_context if c.input_norm_shift else 0, "encoder_context_frames": encoder_context, "start_crop_frames": a.start_crop,
            "frame_loss": None if spans is None else {"weight": a.frame_loss, "fire_frames": frame_targets.FIRE_FRAMES},
            "negative_pool": None if pool is None else {"streams": int(len(pool)), "hours": round(float(pool_lengths.sum()) / 360000.0, 3),
                                                        "windows_per_batch": per_batch, "mining_candidates": a.pool_mining},
            "seconds": round(time.time() - start, 1)}
    export(net, c, a.out, info)
    with open(os.path.join(a.out, "train_log.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(log) + "\n")
    print("best val_acc %.4f at epoch %d; exported %s" % (best_acc, best_epoch, a.out), flush=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except UsageError as e:
        print("train.py: error: %s" % e, file=sys.stderr)
        sys.exit(2)
