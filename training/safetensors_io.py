"""The safetensors format written and read by hand (Debian has no python3-safetensors).

File: 8-byte little-endian unsigned header length N, N bytes of UTF-8 JSON
{name: {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {...}},
padded with spaces to a multiple of 8, then the raw little-endian C-order data; offsets are
relative to the start of the data. Tensors are stored in name order, back to back.
"""
import json
import struct

import numpy as np
import torch

_DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8"), "I16": np.dtype("<i2"), "I32": np.dtype("<i4"),
           "I64": np.dtype("<i8")}
_NAMES = {v: k for k, v in _DTYPES.items()}


def save(tensors, path, metadata=None):
    """tensors: {name: torch tensor or numpy array}; float tensors are stored as F32."""
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        t = tensors[name]
        a = t.detach().cpu().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
        if a.dtype.kind == "f":
            a = a.astype("<f4")
        a = np.ascontiguousarray(a.astype(a.dtype.newbyteorder("<")))
        raw = a.tobytes()
        header[name] = {"dtype": _NAMES[np.dtype(a.dtype.str)], "shape": list(a.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)


def read_header(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        return json.loads(f.read(n).decode("utf-8")), 8 + n


def load(path):
    """{name: torch tensor} of a safetensors file (metadata dropped)."""
    header, start = read_header(path)
    with open(path, "rb") as f:
        data = f.read()[start:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        a = np.frombuffer(data[begin:end], dtype=_DTYPES[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(a.copy())
    return out
