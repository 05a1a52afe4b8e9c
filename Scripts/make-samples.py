#!/usr/bin/env python3
"""Regenerate the generated sample upload folders under Samples/ (APP-1xx-*).

Deterministic: every random choice comes from a fixed seed, nothing depends on the clock, and the
JPEGs are encoded by `cjpeg` (libjpeg-turbo) from PPM, so the same tool versions give the same bytes.

Needs Python 3.11 with numpy, and `cjpeg` on PATH (Debian/Ubuntu: libjpeg-turbo-progs).
The only photographic input is scikit-image's public-domain astronaut picture (NASA), read from
../shared/corpora/photos/skimage_astronaut.png; everything else is drawn here.

Usage: python3 Scripts/make-samples.py [--samples DIR] [--astronaut PNG]

The script deletes and recreates every folder of Samples/ whose name starts with "APP-1" and
touches nothing else (APP-200-… and SOURCES.md stay as they are).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLES = ROOT / "Samples"
DEFAULT_ASTRONAUT = ROOT.parent / "shared" / "corpora" / "photos" / "skimage_astronaut.png"

JPEG_QUALITY = 85
DOC_DPI = 150
# The BMP is refused for its format whatever its size: keep it small (A4's 1:√2 ratio).
BMP_SIZE = (400, 566)
# Grain (standard deviation, 0..255 scale): just enough to keep flat areas from being perfectly flat;
# more would mostly add JPEG bytes, and every "like APP-101" folder holds its own copy.
DOC_NOISE = 0.5
PHOTO_NOISE = 0.8

Image = np.ndarray  # float32, H×W×3, values 0..255


# ----------------------------------------------------------------------------------------------
# PNG input (8-bit RGB / RGBA, non-interlaced)


def read_png_rgb(path: Path) -> Image:
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos = 8
    idat = bytearray()
    width = height = None
    channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        ctype = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            width, height, depth, colour, _comp, _filt, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace != 0:
                raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs are supported")
            channels = 3 if colour == 2 else 4
        elif ctype == b"IDAT":
            idat += body
        elif ctype == b"IEND":
            break
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int32)
    bpp = channels
    for y in range(height):
        row_start = y * (stride + 1)
        ftype = raw[row_start]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=row_start + 1).astype(np.int32)
        if ftype == 0:
            cur = line
        elif ftype == 2:
            cur = (line + prev) & 0xFF
        elif ftype == 1:
            # Sub: a running sum per channel.
            cur = (np.cumsum(line.reshape(width, channels), axis=0) & 0xFF).reshape(-1)
        else:
            cur_list = [0] * stride
            lv = line.tolist()
            pv = prev.tolist()
            for i in range(stride):
                a = cur_list[i - bpp] if i >= bpp else 0
                b = pv[i]
                if ftype == 3:
                    cur_list[i] = (lv[i] + ((a + b) >> 1)) & 0xFF
                elif ftype == 4:
                    c = pv[i - bpp] if i >= bpp else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if (pa <= pb and pa <= pc) else (b if pb <= pc else c)
                    cur_list[i] = (lv[i] + pred) & 0xFF
                else:
                    raise ValueError(f"{path}: bad PNG filter {ftype}")
            cur = np.array(cur_list, dtype=np.int32)
        out[y] = cur
        prev = cur
    img = out.reshape(height, width, channels)[:, :, :3]
    return img.astype(np.float32)


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


# ----------------------------------------------------------------------------------------------
# Fake writing: CJK-looking glyphs made of strokes


def glyph(img: Image, rng: np.random.Generator, x: int, y: int, size: int, color, weight: int = 0) -> None:
    t = weight or max(2, size // 9)
    strokes = rng.integers(3, 7) if size < 40 else rng.integers(5, 9)
    for _ in range(strokes):
        kind = rng.random()
        if kind < 0.5:  # horizontal
            a = rng.integers(0, size // 2)
            b = rng.integers(size // 2, size + 1)
            yy = y + rng.integers(0, size - t + 1)
            fill_rect(img, x + a, yy, x + b, yy + t, color)
        elif kind < 0.85:  # vertical
            a = rng.integers(0, size // 2)
            b = rng.integers(size // 2, size + 1)
            xx = x + rng.integers(0, size - t + 1)
            fill_rect(img, xx, y + a, xx + t, y + b, color)
        else:  # a dot or short slant
            xx = x + rng.integers(0, size - 2 * t + 1)
            yy = y + rng.integers(0, size - 2 * t + 1)
            fill_rect(img, xx, yy, xx + 2 * t, yy + t, color)
            fill_rect(img, xx + t, yy + t, xx + 2 * t, yy + 2 * t, color)


def text_line(img: Image, rng: np.random.Generator, x: int, y: int, max_width: int, size: int,
              color, gap: float = 0.2, punct: bool = True) -> int:
    """Glyphs in runs ("words") separated by punctuation-sized gaps; returns the end x."""
    step = int(size * (1 + gap))
    end = x + max_width
    cx = x
    while cx + size <= end:
        run = int(rng.integers(2, 9))
        for _ in range(run):
            if cx + size > end:
                break
            shade = np.asarray(color, dtype=np.float32) + rng.uniform(-8, 8)
            glyph(img, rng, cx, y, size, shade)
            cx += step
        if punct and cx + size <= end:
            # a comma-like mark and a little space
            fill_rect(img, cx + 2, y + size - 6, cx + 6, y + size, color)
            cx += step // 2 + 4
    return cx


def digits_line(img: Image, rng: np.random.Generator, x: int, y: int, count: int, h: int, color) -> None:
    """Narrow digit-like glyphs (for ID numbers)."""
    w = h // 2
    t = max(2, h // 10)
    for i in range(count):
        gx = x + i * (w + t + 2)
        segs = rng.random(6) < 0.6
        if segs[0]:
            fill_rect(img, gx, y, gx + w, y + t, color)
        if segs[1]:
            fill_rect(img, gx, y + h // 2 - t // 2, gx + w, y + h // 2 + t - t // 2, color)
        if segs[2]:
            fill_rect(img, gx, y + h - t, gx + w, y + h, color)
        if segs[3] or not segs.any():
            fill_rect(img, gx, y, gx + t, y + h // 2, color)
        if segs[4]:
            fill_rect(img, gx + w - t, y, gx + w, y + h // 2, color)
        if segs[5]:
            fill_rect(img, gx, y + h // 2, gx + t, y + h, color)
        fill_rect(img, gx + w - t, y + h // 2, gx + w, y + h, color)  # always: keeps glyphs distinct


# ----------------------------------------------------------------------------------------------
# Composite elements


SEAL_RED = rgb(200, 30, 35)


def red_seal(img: Image, rng: np.random.Generator, cx: int, cy: int, radius: int = 110, ring: int = 10) -> None:
    size = 2 * radius + 8
    off = size // 2
    mask = np.zeros((size, size), dtype=np.float32)
    # ring
    ring_m = disc_mask(radius, radius - ring)
    rm = ring_m.shape[0]
    o = off - rm // 2
    mask[o:o + rm, o:o + rm] = np.maximum(mask[o:o + rm, o:o + rm], ring_m)
    # star
    star = polygon_mask(size, size, star_points(off, off, radius * 0.32, radius * 0.13))
    mask = np.maximum(mask, star)
    # arc "text": small stroke clusters along the upper 240 degrees inside the ring
    chars = 14
    r_text = radius - ring - 22
    for k in range(chars):
        a = math.radians(150 + k * 240 / (chars - 1))
        gx = off + r_text * math.cos(a)
        gy = off + r_text * math.sin(a)
        for _ in range(int(rng.integers(3, 6))):
            dx, dy = rng.uniform(-8, 8, 2)
            w, h = (rng.integers(8, 16), 3) if rng.random() < 0.5 else (3, rng.integers(8, 16))
            x0 = int(gx + dx - w / 2)
            y0 = int(gy + dy - h / 2)
            mask[max(0, y0):y0 + h, max(0, x0):x0 + w] = 1.0
    # a short bottom line of "text" (the seal's number row)
    for k in range(6):
        x0 = off - 45 + k * 16
        y0 = off + int(radius * 0.50)
        mask[y0:y0 + 2, x0:x0 + 9] = 1.0
        mask[y0 + 2:y0 + 12, x0 + 7:x0 + 9] = 1.0
        if k % 2:
            mask[y0 + 10:y0 + 12, x0:x0 + 9] = 1.0
    # uneven ink: speckled gaps and a soft density falloff on one side
    speck = (rng.random((size, size)) > 0.12).astype(np.float32)
    yy, xx = grid(size, size)
    density = 0.80 + 0.18 * np.clip(1 - (xx + yy) / (2 * size), 0, 1)
    mask = mask * speck * density
    ink(img, mask, SEAL_RED, cx - off, cy - off)


def signature(img: Image, rng: np.random.Generator, x: int, y: int, length: int, height: int) -> None:
    n = 900
    t = np.linspace(0, 1, n)
    xs = x + length * t
    ys = y + np.zeros(n)
    for k in range(3):
        f = rng.uniform(4, 9)
        ph = rng.uniform(0, 2 * math.pi)
        amp = rng.uniform(0.18, 0.35) * height
        xs = xs + amp * 0.6 * np.cos(2 * math.pi * f * t + ph)
        ys = ys + amp * np.sin(2 * math.pi * f * t + ph * 1.3)
    ys = ys - 0.25 * height * t  # handwriting rises a little
    h, w = img.shape[:2]
    mask = stroke_path(h, w, xs, ys, 2.2)
    # flourish underneath
    t2 = np.linspace(0, 1, 200)
    fx = x - 10 + (length + 40) * t2
    fy = y + 0.6 * height + 12 * np.sin(math.pi * t2) - 20 * t2
    mask = np.maximum(mask, stroke_path(h, w, fx, fy, 1.8))
    ink(img, mask, rgb(25, 25, 45))


def qr_like(img: Image, rng: np.random.Generator, x: int, y: int, modules: int = 29, px: int = 7) -> None:
    fill_rect(img, x - 2 * px, y - 2 * px, x + (modules + 2) * px, y + (modules + 2) * px, rgb(252, 252, 250))
    bits = rng.random((modules, modules)) < 0.5
    for fx, fy in ((0, 0), (modules - 7, 0), (0, modules - 7)):
        bits[fy:fy + 8 if fy == 0 else fy + 7, fx:fx + 8 if fx == 0 else fx + 7] = False
        bits[fy:fy + 7, fx:fx + 7] = True
        bits[fy + 1:fy + 6, fx + 1:fx + 6] = False
        bits[fy + 2:fy + 5, fx + 2:fx + 5] = True
    big = np.kron(bits, np.ones((px, px), dtype=bool))
    region = img[y:y + big.shape[0], x:x + big.shape[1]]
    region[big] = rgb(20, 20, 22)


def rounded_rect_mask(h: int, w: int, r: float) -> np.ndarray:
    yy, xx = grid(h, w)
    cx = np.clip(xx + 0.5, r, w - r)
    cy = np.clip(yy + 0.5, r, h - r)
    d = np.hypot(xx + 0.5 - cx, yy + 0.5 - cy)
    return np.clip(r - d + 0.5, 0, 1)


# ----------------------------------------------------------------------------------------------
# The documents


def make_statement(seal: bool) -> Image:
    """Authenticity statement (核验单): a scanned A4 page at 150 dpi."""
    rng = np.random.default_rng(1101)
    W, H = 1240, 1754
    paper = rgb(245, 243, 238)
    img = np.empty((H, W, 3), dtype=np.float32)
    img[:] = paper
    shade = smooth_field(rng, H, W, 6)
    img += (shade * 3.0)[:, :, None]
    dark = rgb(35, 35, 38)
    grey = rgb(70, 70, 74)
    margin = 110
    # title, centred, and a dark rule under it
    title_size = 44
    title_chars = 10
    tx = (W - title_chars * int(title_size * 1.15)) // 2
    for i in range(title_chars):
        glyph(img, rng, tx + i * int(title_size * 1.15), 120, title_size, dark, weight=6)
    fill_rect(img, margin, 190, W - margin, 198, rgb(30, 30, 35))
    fill_rect(img, margin, 204, W - margin, 206, rgb(30, 30, 35))
    # body text: ~30 rows around a table
    size = 22
    row_h = 38
    y = 240
    for r in range(12):
        indent = 2 * int(size * 1.2) if r in (0, 6) else 0
        width = W - 2 * margin - indent
        if r in (5, 11):
            width = int(width * rng.uniform(0.35, 0.7))
        text_line(img, rng, margin + indent, y, width, size, grey if r % 4 else dark)
        y += row_h
    # table grid: 8 rows × 4 columns, labels in the first and third column
    y += 20
    t_x0, t_x1 = margin, W - margin
    t_rows, t_rh = 8, 52
    cols = [t_x0, t_x0 + 200, t_x0 + 510, t_x0 + 710, t_x1]
    for i in range(t_rows + 1):
        fill_rect(img, t_x0, y + i * t_rh, t_x1, y + i * t_rh + 3, dark)
    for cx in cols:
        fill_rect(img, cx, y, cx + 3, y + t_rows * t_rh + 3, dark)
    for i in range(t_rows):
        cy = y + i * t_rh + (t_rh - 20) // 2
        for c in range(4):
            cw = cols[c + 1] - cols[c] - 24
            frac = 0.6 if c % 2 == 0 else rng.uniform(0.3, 0.9)
            text_line(img, rng, cols[c] + 12, cy, int(cw * frac), 20, dark if c % 2 == 0 else grey,
                      punct=False)
    y += t_rows * t_rh + 30
    for r in range(7):
        width = W - 2 * margin
        if r in (3, 6):
            width = int(width * rng.uniform(0.3, 0.6))
        text_line(img, rng, margin, y, width, size, grey if r % 3 else dark)
        y += row_h
    # signature block at the bottom right: a label, the signature, a date line
    sy = H - 270
    text_line(img, rng, W - 560, sy, 150, 24, dark, punct=False)
    signature(img, rng, W - 390, sy + 10, 230, 60)
    text_line(img, rng, W - 560, sy + 110, 150, 24, dark, punct=False)
    digits_line(img, rng, W - 390, sy + 110, 10, 26, rgb(30, 30, 60))
    if seal:  # its own generator, so the pages with and without the seal differ only by the seal
        red_seal(img, np.random.default_rng(1102), W - 300, sy + 30)
    # page number
    digits_line(img, rng, W // 2 - 10, H - 80, 1, 20, grey)
    img = blur3(img, 2)
    return add_noise(img, rng, DOC_NOISE)


def make_licence() -> Image:
    """Business licence (营业执照): a landscape certificate scanned at 150 dpi."""
    rng = np.random.default_rng(1202)
    W, H = 1600, 1130
    img = np.empty((H, W, 3), dtype=np.float32)
    img[:] = rgb(250, 244, 226)
    img += (smooth_field(rng, H, W, 5) * 4.0)[:, :, None]
    brown = rgb(140, 92, 45)
    red = rgb(165, 40, 32)
    # ornamental border: thick brown frame, thin red frame, a bead pattern between, corner blocks
    rect_outline(img, 30, 30, W - 30, H - 30, 14, brown)
    rect_outline(img, 58, 58, W - 58, H - 58, 4, red)
    for x in range(70, W - 70, 24):
        fill_rect(img, x, 47, x + 8, 53, brown)
        fill_rect(img, x, H - 53, x + 8, H - 47, brown)
    for y in range(70, H - 70, 24):
        fill_rect(img, 47, y, 53, y + 8, brown)
        fill_rect(img, W - 53, y, W - 47, y + 8, brown)
    for cx, cy in ((58, 58), (W - 58, 58), (58, H - 58), (W - 58, H - 58)):
        d = disc_mask(18)
        blend(img, d, red, cx - d.shape[1] // 2, cy - d.shape[0] // 2)
        d = disc_mask(8)
        blend(img, d, rgb(250, 244, 226), cx - d.shape[1] // 2, cy - d.shape[0] // 2)
    # national emblem at the top centre, then the big dark-red title
    em = disc_mask(38)
    blend(img, em, rgb(200, 35, 30), W // 2 - em.shape[1] // 2, 90)
    st = polygon_mask(80, 80, star_points(40, 40, 22, 9))
    blend(img, st, rgb(250, 205, 60), W // 2 - 40, 90 - 1)
    title = rgb(140, 20, 22)
    t_size = 96
    t_step = 150
    tx = (W - (3 * t_step + t_size)) // 2
    for i in range(4):
        glyph(img, rng, tx + i * t_step, 185, t_size, title, weight=14)
    # serial number row under the title
    digits_line(img, rng, W // 2 - 180, 305, 18, 22, rgb(40, 40, 40))
    # QR-like code at the left
    qr_like(img, rng, 130, 360)
    # ~12 text rows: a label column and a value column
    dark = rgb(30, 30, 32)
    x_label, x_value = 470, 640
    y = 360
    for r in range(12):
        for i in range(4):
            glyph(img, rng, x_label + i * 34, y, 26, dark)
        width = int(rng.uniform(0.45, 0.95) * (W - 120 - x_value))
        if r == 0:
            digits_line(img, rng, x_value, y, 18, 26, dark)
        else:
            text_line(img, rng, x_value, y, width, 26, dark, gap=0.15)
        y += 50
    # issuing authority and date at the bottom right, the seal over it
    text_line(img, rng, W - 520, H - 175, 320, 30, dark, punct=False)
    digits_line(img, rng, W - 470, H - 120, 10, 28, dark)
    red_seal(img, np.random.default_rng(1203), W - 330, H - 150)
    img = blur3(img, 2)
    return add_noise(img, rng, DOC_NOISE)


ID_W, ID_H = 856, 540
TABLE = rgb(104, 84, 68)


def card_base(rng: np.random.Generator):
    """A table surface with an ID card lying on it; returns (image, card x, card y, card w, card h)."""
    img = np.empty((ID_H, ID_W, 3), dtype=np.float32)
    img[:] = TABLE
    grain = smooth_field(rng, ID_H, ID_W, 40)
    img += (grain * 10)[:, :, None] * rgb(1.0, 0.85, 0.7)
    cw, ch = 780, 492
    cx, cy = (ID_W - cw) // 2, (ID_H - ch) // 2
    # a soft shadow under the card
    shadow = rounded_rect_mask(ch, cw, 32)
    ink(img, shadow * 0.45, rgb(60, 60, 60), cx + 6, cy + 8)
    yy, xx = grid(ch, cw)
    t = (xx / cw + yy / ch) / 2
    card = np.empty((ch, cw, 3), dtype=np.float32)
    for c, (a, b) in enumerate(((200, 226), (212, 230), (224, 236))):
        card[:, :, c] = a + (b - a) * t
    # faint guilloche waves, as on the real card
    waves = 0.5 + 0.5 * np.sin(xx / 9.0 + 6 * np.sin(yy / 37.0))
    card -= (waves * 6)[:, :, None] * rgb(0.6, 0.4, 0.1)
    return img, card, cx, cy, cw, ch


def finish_card(img: Image, card: Image, cx: int, cy: int, rng: np.random.Generator) -> Image:
    ch, cw = card.shape[:2]
    m = rounded_rect_mask(ch, cw, 32)[:, :, None]
    region = img[cy:cy + ch, cx:cx + cw]
    region[:] = region * (1 - m) + card * m
    img = blur3(img)
    return add_noise(img, rng, PHOTO_NOISE)


def make_id_front(astronaut: Image) -> Image:
    rng = np.random.default_rng(1303)
    img, card, cx, cy, cw, ch = card_base(rng)
    label = rgb(70, 105, 150)
    black = rgb(20, 20, 24)
    y = 50
    rows = [(2, 3), (2, 1), (2, 8), (2, 12), (0, 12)]
    for labels, chars in rows:
        for i in range(labels):
            glyph(card, rng, 45 + i * 24, y + 2, 20, label, weight=2)
        if chars:
            text_line(card, rng, 120, y, min(chars, 11) * 30, 25, black, gap=0.18, punct=False)
        y += 56 if labels else 44
    # ID number row at the bottom
    for i in range(6):
        glyph(card, rng, 45 + i * 24, ch - 78, 20, label, weight=2)
    digits_line(card, rng, 215, ch - 82, 18, 30, black)
    # portrait from the astronaut picture (head and shoulders)
    face = resize(astronaut[15:235, 150:330], 220, 270)
    px, py = cw - 220 - 48, 60
    card[py:py + 270, px:px + 220] = face * 0.92 + card[py:py + 270, px:px + 220] * 0.08
    return finish_card(img, card, cx, cy, rng)


def make_id_back() -> Image:
    rng = np.random.default_rng(1404)
    img, card, cx, cy, cw, ch = card_base(rng)
    # emblem: red disc with a big yellow star and four small ones, a golden rim
    r = 62
    ex, ey = 60 + r, 45 + r
    rim = disc_mask(r + 6, r)
    blend(card, rim, rgb(220, 175, 60), ex - rim.shape[1] // 2, ey - rim.shape[0] // 2)
    d = disc_mask(r)
    blend(card, d, rgb(205, 32, 32), ex - d.shape[1] // 2, ey - d.shape[0] // 2)
    yellow = rgb(250, 212, 60)
    s = 2 * r
    stars = polygon_mask(s, s, star_points(r - 22, r - 8, 24, 9.5))
    for k in range(4):
        a = math.radians(-60 + k * 40)
        sx = r - 22 + 42 * math.cos(a)
        sy = r - 8 + 42 * math.sin(a)
        stars = np.maximum(stars, polygon_mask(s, s, star_points(sx, sy, 8, 3.2, rot=a + math.pi)))
    blend(card, stars, yellow, ex - r, ey - r)
    # title: two rows of big glyphs to the right of the emblem
    title = rgb(30, 30, 34)
    for i in range(7):
        glyph(card, rng, 260 + i * 62, 70, 48, title, weight=7)
    for i in range(5):
        glyph(card, rng, 230 + i * 90, 160, 64, title, weight=9)
    # two rows at the bottom: issuing authority and validity
    label = rgb(70, 105, 150)
    black = rgb(20, 20, 24)
    for row, y in enumerate((ch - 140, ch - 80)):
        for i in range(4):
            glyph(card, rng, 150 + i * 26, y + 2, 21, label, weight=2)
        if row == 0:
            text_line(card, rng, 280, y, 330, 26, black, punct=False)
        else:
            digits_line(card, rng, 280, y, 10, 28, black)
            fill_rect(card, 280 + 10 * 18 + 4, y + 13, 280 + 10 * 18 + 24, y + 16, black)
            digits_line(card, rng, 280 + 10 * 18 + 30, y, 10, 28, black)
    return finish_card(img, card, cx, cy, rng)


def make_photo(astronaut: Image) -> Image:
    """Administrator photo: the astronaut in front of a blue backdrop cloth."""
    rng = np.random.default_rng(1505)
    W, H = 900, 1200
    yy, xx = grid(H, W)
    img = np.empty((H, W, 3), dtype=np.float32)
    top, bottom = rgb(46, 118, 208), rgb(34, 98, 186)
    t = (yy / H)[:, :, None]
    img[:] = top * (1 - t) + bottom * t
    # light falls off towards the sides
    vignette = 1 - 0.10 * ((xx - W / 2) / (W / 2)) ** 2
    img *= vignette[:, :, None]
    # fabric wrinkles: a few soft diagonal folds plus low-frequency mottling
    folds = np.zeros((H, W), dtype=np.float32)
    for _ in range(6):
        ang = rng.uniform(-0.5, 0.5) + math.pi / 2
        freq = rng.uniform(0.006, 0.02)
        ph = rng.uniform(0, 2 * math.pi)
        folds += np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * freq * 2 * math.pi + ph)
    folds /= 6
    mottle = smooth_field(rng, H, W, 12)
    img *= (1 + 0.05 * folds + 0.03 * mottle)[:, :, None]
    person = resize(astronaut, 700, 700)
    x0, y0 = (W - 700) // 2, H - 700
    img[y0:y0 + 700, x0:x0 + 700] = person
    img = blur3(img)
    return add_noise(img, rng, PHOTO_NOISE)


# ----------------------------------------------------------------------------------------------
# Encoders


def to_u8(img: Image) -> np.ndarray:
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def ppm(img: Image) -> bytes:
    a = to_u8(img)
    return b"P6\n%d %d\n255\n" % (a.shape[1], a.shape[0]) + a.tobytes()


def cjpeg(img: Image, grayscale: bool = False) -> bytes:
    args = ["cjpeg", "-quality", str(JPEG_QUALITY), "-optimize"]
    if grayscale:
        args.append("-grayscale")
    res = subprocess.run(args, input=ppm(img), stdout=subprocess.PIPE, check=True)
    data = res.stdout
    if data[:2] != b"\xff\xd8" or data[2:4] != b"\xff\xe0" or data[6:11] != b"JFIF\x00":
        raise RuntimeError("cjpeg did not write a JFIF APP0 segment first")
    return data


def set_jfif_density(jpeg: bytes, dpi: int) -> bytes:
    """cjpeg has no density switch: patch the JFIF APP0 (units = 1 dots per inch, X = Y = dpi)."""
    b = bytearray(jpeg)
    b[13] = 1
    b[14:16] = struct.pack(">H", dpi)
    b[16:18] = struct.pack(">H", dpi)
    return bytes(b)


def tiff_ifd(entries, base: int, next_ifd: int = 0) -> bytes:
    """One little-endian IFD at file offset `base`, its out-of-line values right after it."""
    entries = sorted(entries, key=lambda e: e[0])
    head = struct.pack("<H", len(entries))
    data = b""
    data_off = base + 2 + 12 * len(entries) + 4
    for tag, typ, count, value in entries:
        if len(value) <= 4:
            head += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\x00")
        else:
            head += struct.pack("<HHII", tag, typ, count, data_off + len(data))
            data += value
            if len(data) % 2:
                data += b"\x00"
    return head + struct.pack("<I", next_ifd) + data


def exif_app1(width: int, height: int, software: str | None = None) -> bytes:
    """Camera EXIF (no dates, so the sample never ages), with the tags `exiftool -validate` wants."""
    ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 2, 3, 4, 5, 7

    def ascii(s: str):
        v = s.encode("ascii") + b"\x00"
        return (ASCII, len(v), v)

    ifd0 = [
        (0x010F, *ascii("Canon")),
        (0x0110, *ascii("Canon EOS 80D")),
        (0x0112, SHORT, 1, struct.pack("<H", 1)),
        (0x011A, RATIONAL, 1, struct.pack("<II", 72, 1)),
        (0x011B, RATIONAL, 1, struct.pack("<II", 72, 1)),
        (0x0128, SHORT, 1, struct.pack("<H", 2)),
        (0x0213, SHORT, 1, struct.pack("<H", 2)),  # YCbCrPositioning: co-sited, as Canon writes
    ]
    if software:
        ifd0.append((0x0131, *ascii(software)))
    # Lay IFD0 out once with a placeholder pointer to learn its size, then point at what follows.
    probe = tiff_ifd(ifd0 + [(0x8769, LONG, 1, struct.pack("<I", 0))], 8)
    exif_off = 8 + len(probe)
    ifd0_bytes = tiff_ifd(ifd0 + [(0x8769, LONG, 1, struct.pack("<I", exif_off))], 8)
    exif_ifd = tiff_ifd([
        (0x9000, UNDEFINED, 4, b"0230"),  # ExifVersion
        (0x9101, UNDEFINED, 4, bytes([1, 2, 3, 0])),  # ComponentsConfiguration: Y Cb Cr
        (0xA000, UNDEFINED, 4, b"0100"),  # FlashpixVersion
        (0xA001, SHORT, 1, struct.pack("<H", 1)),  # ColorSpace: sRGB
        (0xA002, LONG, 1, struct.pack("<I", width)),  # PixelXDimension
        (0xA003, LONG, 1, struct.pack("<I", height)),  # PixelYDimension
    ], exif_off)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0_bytes + exif_ifd
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def with_exif(jpeg: bytes, width: int, height: int, software: str | None = None) -> bytes:
    """A camera-style file: SOI, the EXIF APP1 right after it, and no JFIF APP0."""
    (app0_len,) = struct.unpack(">H", jpeg[4:6])
    rest = jpeg[4 + app0_len:]
    return b"\xff\xd8" + exif_app1(width, height, software) + rest


def bmp24(img: Image, dpi: int = DOC_DPI) -> bytes:
    a = to_u8(img)
    h, w = a.shape[:2]
    row = w * 3
    pad = (4 - row % 4) % 4
    bgr = a[::-1, :, ::-1]  # bottom-up rows, BGR order
    if pad:
        bgr = np.concatenate([bgr.reshape(h, row), np.zeros((h, pad), np.uint8)], axis=1)
    pixels = bgr.tobytes()
    ppm_ = int(round(dpi / 0.0254))
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(pixels), ppm_, ppm_, 0, 0)
    header = b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info))
    return header + info + pixels


# ----------------------------------------------------------------------------------------------
# Identifiers with valid check characters


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_code(body8: str) -> str:
    """GB 11714 organisation code: 8 characters and a check character."""
    weights = [3, 7, 9, 10, 5, 8, 4, 2]
    val = lambda ch: int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10  # noqa: E731
    c = 11 - sum(w * val(ch) for w, ch in zip(weights, body8)) % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))


def uscc(prefix8: str, org_body8: str) -> str:
    """GB 32100 unified social credit code: 17 characters and a check character."""
    body = prefix8 + org_code(org_body8)
    assert len(body) == 17 and all(ch in USCC_CHARS for ch in body), body
    s = sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, USCC_WEIGHTS))
    return body + USCC_CHARS[(31 - s % 31) % 31]


def resident_id(region6: str, birth8: str, seq3: str) -> str:
    """GB 11643 citizen identity number."""
    body = region6 + birth8 + seq3
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(ch) * w for ch, w in zip(body, weights))
    return body + "10X98765432"[s % 11]


# ----------------------------------------------------------------------------------------------
# The applications


def enterprise_form(region: str, address: str, mailing: str | None = None) -> dict:
    return {
        "subject": {
            "type": "enterprise",
            "region": region,
            "name": "杭州示例科技有限公司",
            "document_number": uscc("91330106", "MA2B3C4D"),
            "document_address": address,
            "mailing_address": mailing or address,
        },
        "administrator": {"name": "李明", "id_number": resident_id("330106", "19850312", "123")},
        "websites": [{"name": "示例科技官网", "domains": ["example-tech.cn"], "pre_approval": []}],
    }


ZJ = "浙江省杭州市西湖区文三路100号"
HN = "湖南省长沙市岳麓区麓山南路100号"
SH = "上海市浦东新区世纪大道100号"
BJ = "北京市朝阳区建国路88号"

ENTERPRISE_FILES = [
    ("核验单.jpg", "statement"),
    ("营业执照.jpg", "licence"),
    ("身份证正面.jpg", "id_front"),
    ("身份证反面.jpg", "id_back"),
    ("幕布照片.jpg", "photo"),
]


def like_101(replace: dict | None = None, drop: tuple = ()) -> list:
    replace = replace or {}
    return [(name, replace.get(name, key)) for name, key in ENTERPRISE_FILES if name not in drop]


def applications() -> list:
    zhang = resident_id("110105", "19900307", "215")
    personal = {
        "subject": {
            "type": "individual",
            "region": "Beijing",
            "name": "张三",
            "document_number": zhang,
            "document_address": BJ,
            "mailing_address": BJ,
        },
        "administrator": {"name": "张三", "id_number": zhang},
        "websites": [{"name": "中国新闻在线", "domains": ["zhangsan-news.cn"], "pre_approval": []}],
    }
    return [
        ("APP-101-ready-enterprise", like_101(), enterprise_form("Zhejiang", ZJ)),
        ("APP-102-missing-statement", like_101(drop=("核验单.jpg",)), enterprise_form("Zhejiang", ZJ)),
        ("APP-103-wrong-format", [
            ("statement.bmp", "statement_bmp"),
            ("business_license.jpg", "licence"),
            ("idcard_front.jpg", "id_front"),
            ("idcard_back.jpg", "id_back"),
            ("backdrop_photo.jpg", "photo"),
        ], None),
        ("APP-104-too-small", like_101({"营业执照.jpg": "licence_small"}), enterprise_form("Zhejiang", ZJ)),
        ("APP-105-edited-photo", like_101({"幕布照片.jpg": "photo_edited"}), enterprise_form("Zhejiang", ZJ)),
        ("APP-106-hunan-no-domain-certificate", like_101(), enterprise_form("Hunan", HN)),
        ("APP-107-shanghai-no-photo", like_101(drop=("幕布照片.jpg",)), enterprise_form("Shanghai", SH)),
        ("APP-108-personal-bad-name", [
            ("身份证正面.jpg", "id_front"),
            ("身份证反面.jpg", "id_back"),
            ("核验单.jpg", "statement_personal"),
            ("幕布照片.jpg", "photo"),
        ], personal),
        ("APP-109-address-mismatch", like_101(),
         enterprise_form("Zhejiang", ZJ, mailing="江苏省南京市鼓楼区中山路1号")),
        ("APP-110-pinyin-names-no-form", [
            ("hyd.jpg", "statement"),
            ("yyzz.jpg", "licence"),
            ("sfz_zm.jpg", "id_front"),
            ("sfz_fm.jpg", "id_back"),
            ("mubu.jpg", "photo"),
        ], None),
        ("APP-111-greyscale-licence", like_101({"营业执照.jpg": "licence_grey"}), enterprise_form("Zhejiang", ZJ)),
        ("APP-112-one-id-side", like_101(drop=("身份证反面.jpg",)), enterprise_form("Zhejiang", ZJ)),
    ]


def build_blobs(astronaut: Image) -> dict[str, bytes]:
    blobs: dict[str, bytes] = {}
    statement = make_statement(seal=True)
    blobs["statement"] = set_jfif_density(cjpeg(statement), DOC_DPI)
    blobs["statement_personal"] = set_jfif_density(cjpeg(make_statement(seal=False)), DOC_DPI)
    blobs["statement_bmp"] = bmp24(resize(statement, *BMP_SIZE))
    licence = make_licence()
    blobs["licence"] = set_jfif_density(cjpeg(licence), DOC_DPI)
    blobs["licence_small"] = set_jfif_density(cjpeg(resize(licence, 480, 339)), DOC_DPI)
    blobs["licence_grey"] = set_jfif_density(cjpeg(licence, grayscale=True), DOC_DPI)
    blobs["id_front"] = cjpeg(make_id_front(astronaut))
    blobs["id_back"] = cjpeg(make_id_back())
    photo_img = make_photo(astronaut)
    h, w = photo_img.shape[:2]
    photo = cjpeg(photo_img)
    blobs["photo"] = with_exif(photo, w, h)
    blobs["photo_edited"] = with_exif(photo, w, h, software="Adobe Photoshop 2024 (Windows)")
    for key, data in blobs.items():
        if not 12 * 1024 <= len(data) <= 1536 * 1024:
            raise RuntimeError(f"{key}: {len(data)} bytes is outside 12 KB..1.5 MB")
    return blobs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    ap.add_argument("--astronaut", type=Path, default=DEFAULT_ASTRONAUT)
    args = ap.parse_args()
    samples: Path = args.samples
    if not samples.is_dir():
        print(f"{samples}: not a directory", file=sys.stderr)
        return 2
    astronaut = read_png_rgb(args.astronaut)
    blobs = build_blobs(astronaut)

    for old in sorted(samples.glob("APP-1*")):
        if old.is_dir():
            shutil.rmtree(old)
    for folder, files, form in applications():
        d = samples / folder
        d.mkdir()
        for name, key in files:
            (d / name).write_bytes(blobs[key])
        if form is not None:
            text = json.dumps(form, ensure_ascii=False, indent=2) + "\n"
            (d / "application.json").write_text(text, encoding="utf-8")
        total = sum(p.stat().st_size for p in d.iterdir())
        print(f"{folder}: {len(files)} files, {total / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
