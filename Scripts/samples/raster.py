"""PNG input, resizing and drawing primitives on float RGB arrays."""

from __future__ import annotations

import math
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

from .settings import *  # noqa: F401,F403

# ----------------------------------------------------------------------------------------------
# PNG input: one decoder for the sample generator and the document set. Non-interlaced, bit depth
# 1 to 8, grey, grey+alpha, RGB, RGBA or palette (the corpus pages are 1-bit palette and 8-bit grey).

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type → samples per pixel


def _png_chunks(path: Path) -> tuple[tuple, np.ndarray | None, bytes]:
    """The IHDR fields, the palette (None without PLTE) and the joined IDAT data."""
    data = path.read_bytes()
    if data[:8] != _PNG_SIGNATURE:
        raise ValueError(f"{path}: not a PNG")
    pos, header, plte, idat = 8, None, None, bytearray()
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif ctype == b"PLTE":
            plte = np.frombuffer(body, dtype=np.uint8).reshape(-1, 3)
        elif ctype == b"IDAT":
            idat += body
        elif ctype == b"IEND":
            break
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    return header, plte, bytes(idat)


def _unfilter(raw: bytes, height: int, stride: int, bpp: int) -> np.ndarray:
    """Undo PNG row filters. Sub and Up are vectorised; Average and Paeth run per byte (the
    corpus pages are 1-bit, so their rows are short, and callers cache decoded pictures)."""
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
            cur = _unfilter_sub(line, bpp)
        else:
            cur = _unfilter_average_paeth(ftype, line, prev, bpp)
        out[y] = cur
        prev = cur
    return out


def _unfilter_sub(line: np.ndarray, bpp: int) -> np.ndarray:
    """Sub: a running sum per byte lane (padded to whole pixels when bits don't fill a byte)."""
    stride = len(line)
    pad = (-stride) % bpp
    lanes = np.concatenate([line, np.zeros(pad, np.int32)]).reshape(-1, bpp)
    return (np.cumsum(lanes, axis=0) & 0xFF).reshape(-1)[:stride]


def _unfilter_average_paeth(ftype: int, line: np.ndarray, prev: np.ndarray, bpp: int) -> np.ndarray:
    """Average (3) and Paeth (4) depend on the byte just decoded to the left: a plain loop."""
    if ftype not in (3, 4):
        raise ValueError(f"bad PNG filter {ftype}")
    lv, pv = line.tolist(), prev.tolist()
    cl = [0] * len(lv)
    for i in range(len(lv)):
        a = cl[i - bpp] if i >= bpp else 0
        b = pv[i]
        if ftype == 3:
            cl[i] = (lv[i] + ((a + b) >> 1)) & 0xFF
        else:
            c = pv[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            cl[i] = (lv[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    return np.array(cl, dtype=np.int32)


def _unpack(rows: np.ndarray, width: int, depth: int, channels: int) -> np.ndarray:
    """Unfiltered rows as H×W×channels sample values (depths below 8 pack several per byte)."""
    if depth == 8:
        return rows.reshape(len(rows), width, channels)
    bits = np.unpackbits(rows, axis=1)[:, :width * depth].reshape(len(rows), width, depth)
    weights = (1 << np.arange(depth - 1, -1, -1)).astype(np.uint8)
    return (bits * weights).sum(axis=2).astype(np.uint8)[:, :, None]


def read_png(path: Path, grey: bool = False) -> Image:
    """A PNG as float RGB (alpha dropped). grey=True gives a grey-palette picture (the 1-bit
    scans) as one channel: a third of the work for callers that only need brightness."""
    (width, height, depth, colour, _comp, _filt, interlace), plte, idat = _png_chunks(path)
    if depth not in (1, 2, 4, 8) or colour not in _CHANNELS or interlace:
        raise ValueError(f"{path}: unsupported PNG layout (depth {depth}, colour {colour}, interlace {interlace})")
    channels = _CHANNELS[colour]
    stride = (width * channels * depth + 7) // 8
    rows = _unfilter(zlib.decompress(idat), height, stride, max(1, channels * depth // 8))
    samples = _unpack(rows, width, depth, channels)
    if colour == 3:
        if grey:
            return plte[:, 0].astype(np.float32)[samples[:, :, 0]][:, :, None]
        return plte[samples[:, :, 0]].astype(np.float32)
    if colour in (0, 4):
        level = samples[:, :, :1].astype(np.float32) * (255.0 / ((1 << depth) - 1))
        return np.repeat(level, 3, axis=2)
    return samples[:, :, :3].astype(np.float32)


def read_png_rgb(path: Path) -> Image:
    """A PNG as float RGB; the sample generator's name for read_png."""
    return read_png(path)


# ----------------------------------------------------------------------------------------------
# Resampling: separable weight matrices (area average when shrinking, bilinear when enlarging)


def _axis_weights(n_in: int, n_out: int) -> np.ndarray:
    w = np.zeros((n_out, n_in), dtype=np.float32)
    if n_out <= n_in:
        s = n_in / n_out
        lo = np.arange(n_out)[:, None] * s
        hi = lo + s
        j = np.arange(n_in)[None, :]
        overlap = np.clip(np.minimum(hi, j + 1) - np.maximum(lo, j), 0, None)
        w[:] = overlap / s
    else:
        x = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
        x = np.clip(x, 0, n_in - 1)
        x0 = np.floor(x).astype(int)
        x1 = np.minimum(x0 + 1, n_in - 1)
        f = (x - x0).astype(np.float32)
        rows = np.arange(n_out)
        np.add.at(w, (rows, x0), 1 - f)
        np.add.at(w, (rows, x1), f)
    return w


def resize(img: Image, width: int, height: int) -> Image:
    wy = _axis_weights(img.shape[0], height)
    wx = _axis_weights(img.shape[1], width)
    out = np.empty((height, width, img.shape[2]), dtype=np.float32)
    for c in range(img.shape[2]):
        out[:, :, c] = wy @ img[:, :, c] @ wx.T
    return out


# ----------------------------------------------------------------------------------------------
# Drawing primitives (all in place on float32 RGB arrays)


def rgb(*c: float) -> np.ndarray:
    return np.array(c, dtype=np.float32)


def fill_rect(img: Image, x0: int, y0: int, x1: int, y1: int, color) -> None:
    h, w = img.shape[:2]
    x0, x1 = max(0, int(x0)), min(w, int(x1))
    y0, y1 = max(0, int(y0)), min(h, int(y1))
    if x0 < x1 and y0 < y1:
        img[y0:y1, x0:x1] = color


def rect_outline(img: Image, x0, y0, x1, y1, t, color) -> None:
    fill_rect(img, x0, y0, x1, y0 + t, color)
    fill_rect(img, x0, y1 - t, x1, y1, color)
    fill_rect(img, x0, y0, x0 + t, y1, color)
    fill_rect(img, x1 - t, y0, x1, y1, color)


def blend(img: Image, mask: np.ndarray, color, x0: int = 0, y0: int = 0) -> None:
    """Paint `color` through a 0..1 mask whose top-left corner is at (x0, y0)."""
    h, w = img.shape[:2]
    mh, mw = mask.shape
    ax0, ay0 = max(0, x0), max(0, y0)
    ax1, ay1 = min(w, x0 + mw), min(h, y0 + mh)
    if ax0 >= ax1 or ay0 >= ay1:
        return
    m = mask[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0, None]
    region = img[ay0:ay1, ax0:ax1]
    region *= 1 - m
    region += m * np.asarray(color, dtype=np.float32)


def ink(img: Image, mask: np.ndarray, color, x0: int = 0, y0: int = 0) -> None:
    """Multiply-blend (like ink or a stamp over what is already on the paper)."""
    h, w = img.shape[:2]
    mh, mw = mask.shape
    ax0, ay0 = max(0, x0), max(0, y0)
    ax1, ay1 = min(w, x0 + mw), min(h, y0 + mh)
    m = mask[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0, None]
    factor = 1 - m * (1 - np.asarray(color, dtype=np.float32) / 255.0)
    img[ay0:ay1, ax0:ax1] *= factor


def grid(h: int, w: int):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return yy, xx


def disc_mask(r: float, inner: float = 0.0) -> np.ndarray:
    n = int(math.ceil(r)) + 1
    yy, xx = grid(2 * n + 1, 2 * n + 1)
    d = np.hypot(xx - n, yy - n)
    m = np.clip(r + 0.5 - d, 0, 1)
    if inner > 0:
        m *= np.clip(d - inner + 0.5, 0, 1)
    return m


def polygon_mask(h: int, w: int, pts) -> np.ndarray:
    """Even-odd fill of a polygon given in mask coordinates."""
    yy, xx = grid(h, w)
    xx += 0.5
    yy += 0.5
    inside = np.zeros((h, w), dtype=bool)
    n = len(pts)
    for i in range(n):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % n]
        if y1 == y2:
            continue
        cond = (yy >= min(y1, y2)) & (yy < max(y1, y2))
        xcross = x1 + (yy - y1) * (x2 - x1) / (y2 - y1)
        inside ^= cond & (xx < xcross)
    return inside.astype(np.float32)


def star_points(cx: float, cy: float, r_out: float, r_in: float, rot: float = -math.pi / 2):
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = rot + k * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def stroke_path(h: int, w: int, xs: np.ndarray, ys: np.ndarray, radius: float) -> np.ndarray:
    """Mask of a thick path through the points (xs, ys), sampled densely enough to be continuous."""
    mask = np.zeros((h, w), dtype=np.float32)
    pts_x, pts_y = [], []
    for i in range(len(xs) - 1):
        seg = max(1, int(math.hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i]) * 2))
        t = np.arange(seg) / seg
        pts_x.append(xs[i] + (xs[i + 1] - xs[i]) * t)
        pts_y.append(ys[i] + (ys[i + 1] - ys[i]) * t)
    px = np.round(np.concatenate(pts_x)).astype(int)
    py = np.round(np.concatenate(pts_y)).astype(int)
    ri = int(math.ceil(radius))
    for dy in range(-ri, ri + 1):
        for dx in range(-ri, ri + 1):
            if dx * dx + dy * dy > radius * radius + 0.5:
                continue
            x = px + dx
            y = py + dy
            ok = (x >= 0) & (x < w) & (y >= 0) & (y < h)
            mask[y[ok], x[ok]] = 1.0
    return mask


def blur3(img: Image, passes: int = 1) -> Image:
    """Binomial [1 2 1] blur in both directions, `passes` times (a scanner's or lens's softness)."""
    for _ in range(passes):
        p = np.pad(img, ((1, 1), (1, 1), (0, 0)), mode="edge")
        v = (p[:-2] + 2 * p[1:-1] + p[2:]) / 4
        img = (v[:, :-2] + 2 * v[:, 1:-1] + v[:, 2:]) / 4
    return img


def add_noise(img: Image, rng: np.random.Generator, sigma: float) -> Image:
    """Grain on the brightness only (colour noise costs JPEG bytes and no realism)."""
    h, w = img.shape[:2]
    return img + rng.normal(0, sigma, (h, w, 1)).astype(np.float32)


def smooth_field(rng: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Low-frequency noise in -1..1: random values on a coarse grid, bilinearly enlarged."""
    gh = max(2, int(round(cells * h / max(h, w))) + 1)
    gw = max(2, int(round(cells * w / max(h, w))) + 1)
    coarse = rng.uniform(-1, 1, (gh, gw, 1)).astype(np.float32)
    return resize(coarse, w, h)[:, :, 0]


