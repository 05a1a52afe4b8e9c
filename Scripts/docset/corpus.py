"""Read-only access to ../shared/corpora: decoders for the formats found there, upright pixels."""

from __future__ import annotations

import functools
import json
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

from samples.settings import ROOT

CORPORA = ROOT.parent / "shared" / "corpora"

# Head-and-shoulders boxes (x0, y0, x1, y1) in the upright pixels, judged by eye; used for ID
# card portraits and backdrop portraits. Each keeps some hair above and the collar below.
FACE_BOXES = {
    "photos/hivision_test3.jpg": (76, 0, 436, 450),
    "photos/facerec_biden2.jpg": (260, 0, 940, 840),
    "photos/skimage_astronaut.png": (150, 15, 330, 235),
}


def _unfilter(raw: bytes, height: int, stride: int, bpp: int) -> np.ndarray:
    """Undo PNG row filters. Sub and Up are vectorised; Average and Paeth run per byte (the
    corpus pages are 1-bit, so their rows are short, and decoded pictures are cached)."""
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        start = y * (stride + 1)
        ftype = raw[start]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=start + 1).astype(np.int32)
        if ftype == 0:
            cur = line
        elif ftype == 2:
            cur = (line + prev) & 0xFF
        elif ftype == 1:
            pad = (-stride) % bpp
            lanes = np.concatenate([line, np.zeros(pad, np.int32)]).reshape(-1, bpp)
            cur = (np.cumsum(lanes, axis=0) & 0xFF).reshape(-1)[:stride]
        else:
            lv, pv = line.tolist(), prev.tolist()
            cl = [0] * stride
            for i in range(stride):
                a = cl[i - bpp] if i >= bpp else 0
                b = pv[i]
                if ftype == 3:
                    cl[i] = (lv[i] + ((a + b) >> 1)) & 0xFF
                elif ftype == 4:
                    c = pv[i - bpp] if i >= bpp else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    cl[i] = (lv[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
                else:
                    raise ValueError(f"bad PNG filter {ftype}")
            cur = np.array(cl, dtype=np.int32)
        out[y] = cur
        prev = cur
    return out


def read_png(path: Path, grey: bool = False) -> np.ndarray:
    """Any non-interlaced PNG of bit depth ≤ 8 (grey, RGB, palette, with or without alpha) as float
    RGB. samples.raster.read_png_rgb reads 8-bit RGB only; the corpus pages are 1-bit palette and
    8-bit grey."""
    data = path.read_bytes()
    pos, idat, plte = 8, bytearray(), None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            w, h, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", body)
            if depth > 8 or interlace:
                raise ValueError(f"{path}: unsupported PNG layout")
        elif ctype == b"PLTE":
            plte = np.frombuffer(body, dtype=np.uint8).reshape(-1, 3)
        elif ctype == b"IDAT":
            idat += body
        elif ctype == b"IEND":
            break
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    stride = (w * channels * depth + 7) // 8
    rows = _unfilter(zlib.decompress(bytes(idat)), h, stride, max(1, channels * depth // 8))
    if depth < 8:
        bits = np.unpackbits(rows, axis=1)[:, :w * depth].reshape(h, w, depth)
        weights = (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8)
        samples = (bits * weights).sum(axis=2).astype(np.uint8)[:, :, None]
    else:
        samples = rows.reshape(h, w, channels)
    if colour == 3:
        if grey:  # grey palettes (the 1-bit scans): one channel, a third of the work
            return plte[:, 0].astype(np.float32)[samples[:, :, 0]][:, :, None]
        return plte[samples[:, :, 0]].astype(np.float32)
    if colour in (0, 4):
        grey = samples[:, :, :1].astype(np.float32) * (255.0 / ((1 << depth) - 1))
        return np.repeat(grey, 3, axis=2)
    return samples[:, :, :3].astype(np.float32)


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
