"""Read-only access to ../shared/corpora: decoders for the formats found there, upright pixels."""

from __future__ import annotations

import functools
import json
import struct
import subprocess
from pathlib import Path

import numpy as np

from samples.raster import read_png
from samples.settings import ROOT

CORPORA = ROOT.parent / "shared" / "corpora"

# Head-and-shoulders boxes (x0, y0, x1, y1) in the upright pixels, judged by eye; used for ID
# card portraits and backdrop portraits. Each keeps some hair above and the collar below.
FACE_BOXES = {
    "photos/hivision_test3.jpg": (76, 0, 436, 450),
    "photos/facerec_biden2.jpg": (260, 0, 940, 840),
    "photos/skimage_astronaut.png": (150, 15, 330, 235),
}


def parse_pnm(data: bytes) -> np.ndarray:
    """djpeg's binary PPM (P6) or PGM (P5) output as float RGB. The header is four tokens and
    exactly one whitespace byte; the pixels may start with a byte that looks like whitespace."""
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    magic, w, h = fields[0], int(fields[1]), int(fields[2])
    c = 3 if magic == b"P6" else 1
    a = np.frombuffer(data, dtype=np.uint8, count=w * h * c, offset=pos).reshape(h, w, c).astype(np.float32)
    return np.repeat(a, 3, axis=2) if c == 1 else a


def read_jpeg(path: Path, scale: str | None = None) -> np.ndarray:
    args = ["djpeg", "-pnm"] + (["-scale", scale] if scale else []) + [str(path)]
    return parse_pnm(subprocess.run(args, stdout=subprocess.PIPE, check=True).stdout)


def exif_orientation(path: Path) -> int:
    """The IFD0 Orientation tag of a JPEG's EXIF APP1, or 1."""
    data = path.read_bytes()[:131072]
    i = data.find(b"Exif\x00\x00")
    if i < 0:
        return 1
    t = data[i + 6:]
    e = "<" if t[:2] == b"II" else ">"
    (off,) = struct.unpack(e + "I", t[4:8])
    (n,) = struct.unpack(e + "H", t[off:off + 2])
    for k in range(n):
        tag, _typ, _cnt = struct.unpack(e + "HHI", t[off + 2 + 12 * k:off + 10 + 12 * k])
        if tag == 0x0112:
            return struct.unpack(e + "H", t[off + 10 + 12 * k:off + 12 + 12 * k])[0]
    return 1


def upright(img: np.ndarray, orientation: int) -> np.ndarray:
    """Apply EXIF orientation to the stored pixels (6 = rotate 90° clockwise, as viewers show it)."""
    ops = {1: lambda a: a, 2: lambda a: a[:, ::-1], 3: lambda a: a[::-1, ::-1],
           4: lambda a: a[::-1], 5: lambda a: np.rot90(a[:, ::-1], 1),
           6: lambda a: np.rot90(a, -1), 7: lambda a: np.rot90(a[:, ::-1], -1),
           8: lambda a: np.rot90(a, 1)}
    return np.ascontiguousarray(ops.get(orientation, ops[1])(img))


@functools.lru_cache(maxsize=8)
def _load(rel: str, scale: str | None, grey: bool = False) -> np.ndarray:
    path = CORPORA / rel
    if path.suffix.lower() == ".png":
        img = read_png(path, grey)
    else:
        img = upright(read_jpeg(path, scale), exif_orientation(path))
    img.setflags(write=False)
    return img


def load(rel: str, scale: str | None = None) -> np.ndarray:
    """A corpus picture, upright, as a fresh float RGB array (the cache keeps a read-only copy)."""
    return _load(rel, scale).copy()


def view(rel: str, scale: str | None = None, grey: bool = False) -> np.ndarray:
    """The cached read-only array itself, for callers that only read (no 100 MB copies);
    grey=True gives a grey-palette PNG as one channel."""
    return _load(rel, scale, grey)


def face_crop(rel: str) -> np.ndarray:
    x0, y0, x1, y1 = FACE_BOXES[rel]
    return view(rel)[y0:y1, x0:x1].copy()


def source_licences() -> dict:
    """Per-file licence strings as SOURCES.json states them."""
    return json.loads((CORPORA / "SOURCES.json").read_text(encoding="utf-8"))
