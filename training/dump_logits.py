#!/usr/bin/python3
"""Write the PyTorch logits of an export for a features file: the other side of the
architecture cross-check (issue 6 item 4, docs/training.md).

  /usr/bin/python3 training/dump_logits.py --export runs/kws --features val.npy --out logits.npy [--clips N]

Runs the exported model in float64 on the first N clips (default all) of an int16 features
.npy and writes float64 '<f8' logits of every encoder frame, [clips, encoder frames, classes]:
frame t is the classifier on the mean of encoder frames max(0, t-W+1) .. t, exactly the
per-frame "classifier" output of the C# float reference (codegen/Reference/FloatModel).
The last frame's logits are the clip logits that training and evaluation use.
"""
import argparse
import os
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as m  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--export", required=True, help="folder with config.json and model.safetensors")
    p.add_argument("--features", required=True, help="int16 [clips, frames, mel] .npy from edge-asr features")
    p.add_argument("--out", required=True, help="float64 logits .npy to write")
    p.add_argument("--clips", type=int, default=None)
    a = p.parse_args(argv)
    torch.set_num_threads(2)
    net, _ = m.load_export(a.export, torch.float64)
    x = np.load(a.features)
    if a.clips is not None:
        x = x[:a.clips]
    with torch.no_grad():
        logits = net.frame_logits(torch.as_tensor(x).to(torch.float64) * m.INPUT_SCALE)
    np.save(a.out, logits.numpy().astype("<f8"))
    print("logits %s -> %s" % (list(logits.shape), a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
