"""Marks on paper: glyph "text", seals, signatures, QR-like squares."""

from __future__ import annotations

import math
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

from .settings import *  # noqa: F401,F403
from .raster import *  # noqa: F401,F403

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


