"""Print and handwriting at any scale: paragraphs of glyph text, Latin-like words, signatures,
pen marks. Glyphs and lines come from samples.marks; this adds sizes, colours and layout."""

from __future__ import annotations

import math

import numpy as np

from samples.marks import digits_line, glyph, text_line
from samples.raster import fill_rect, ink, stroke_path


def latin_line(img, rng, x: int, y: int, max_width: int, size: int, color) -> int:
    """Words of narrow letters with x-height bodies and some ascenders/descenders (for letters and
    domain names, so not every page is CJK-looking). `size` is the cap height."""
    xh = max(4, int(size * 0.62))
    lw = max(3, int(size * 0.5))
    t = max(1, size // 8)
    cx, end = x, x + max_width
    while cx + lw * 3 < end:
        for _ in range(int(rng.integers(2, 10))):
            if cx + lw > end:
                break
            top = y + size - xh
            kind = rng.random()
            if kind < 0.2:  # ascender
                fill_rect(img, cx, y, cx + t, y + size, color)
            elif kind < 0.3:  # descender
                fill_rect(img, cx, top, cx + t, y + size + xh // 2, color)
            else:
                fill_rect(img, cx, top, cx + t, y + size, color)
            if rng.random() < 0.7:  # bowl or arch
                fill_rect(img, cx, top, cx + lw - t, top + t, color)
                fill_rect(img, cx + lw - t - 1, top, cx + lw - 1, y + size, color)
            if rng.random() < 0.4:
                fill_rect(img, cx, y + size - t, cx + lw - t, y + size, color)
            cx += lw + max(1, t)
        cx += lw
    return cx


def paragraph(img, rng, x: int, y: int, width: int, lines: int, size: int, leading: float, color,
              latin: bool = False, indent: bool = True) -> int:
    """`lines` lines of text, first indented, last ragged; returns the y below the paragraph."""
    for i in range(lines):
        ind = 2 * int(size * 1.2) if indent and i == 0 else 0
        w = width - ind
        if i == lines - 1:
            w = int(w * rng.uniform(0.25, 0.8))
        if latin:
            latin_line(img, rng, x + ind, y, w, size, color)
        else:
            text_line(img, rng, x + ind, y, w, size, color, gap=float(rng.uniform(0.12, 0.3)))
        y += int(size * leading)
    return y


def centred_title(img, rng, cy: int, chars: int, size: int, color, weight: int = 0, spacing: float = 1.15) -> tuple[int, int]:
    """A row of big glyphs centred on the page; returns its x extent."""
    step = int(size * spacing)
    x0 = (img.shape[1] - (chars - 1) * step - size) // 2
    for i in range(chars):
        glyph(img, rng, x0 + i * step, cy, size, color, weight=weight or max(2, size // 7))
    return x0, x0 + (chars - 1) * step + size


def label_value(img, rng, x: int, y: int, labels: int, size: int, label_color, value_w: int, color, gap: int) -> None:
    """A form row: a short label ("名称：") and a value run after it."""
    for i in range(labels):
        glyph(img, rng, x + i * int(size * 1.1), y, size, label_color)
    text_line(img, rng, x + labels * int(size * 1.1) + gap, y, value_w, size, color, punct=False)


def digits(img, rng, x, y, count, h, color) -> None:
    digits_line(img, rng, x, y, count, h, color)


INKS = {"black": (28, 28, 36), "blue": (30, 55, 150), "red": (200, 35, 45)}


def _local_stroke(img, xs, ys, radius: float, color, strength: float = 1.0) -> None:
    """stroke_path on just the bounding box of the path (it allocates a full-size mask)."""
    pad = int(radius) + 3
    x0, y0 = int(max(0, xs.min() - pad)), int(max(0, ys.min() - pad))
    x1 = int(min(img.shape[1], xs.max() + pad))
    y1 = int(min(img.shape[0], ys.max() + pad))
    if x0 >= x1 or y0 >= y1:
        return
    m = stroke_path(y1 - y0, x1 - x0, xs - x0, ys - y0, radius)
    ink(img, m * strength, color, x0, y0)


def signature(img, rng, x: int, y: int, length: int, height: int, color, pen: float) -> None:
    """A cursive scrawl with a flourish, in any ink; after samples.marks.signature, with uneven
    pen speed, a drifting baseline and a varying loop size so it is not a regular wave."""
    n = 700
    t = np.linspace(0, 1, n)
    tw = t + 0.04 * np.sin(2 * math.pi * rng.uniform(1, 3) * t + rng.uniform(0, 6))  # pen speed
    xs = x + length * tw
    ys = y + np.cumsum(rng.normal(0, height * 0.012, n))  # drifting baseline
    env = 0.5 + 0.5 * np.abs(np.sin(math.pi * (rng.uniform(0.8, 2.2) * t + rng.uniform(0, 1))))
    for _ in range(int(rng.integers(2, 4))):
        f, ph = rng.uniform(2.5, 8), rng.uniform(0, 2 * math.pi)
        amp = rng.uniform(0.15, 0.35) * height
        xs = xs + amp * rng.uniform(0.4, 0.9) * np.cos(2 * math.pi * f * t + ph)
        ys = ys + amp * env * np.sin(2 * math.pi * f * t + ph * 1.3)
    ys = ys - rng.uniform(0.1, 0.35) * height * t
    _local_stroke(img, xs, ys, pen, color, rng.uniform(0.8, 1.0))
    if rng.random() < 0.75:
        t2 = np.linspace(0, 1, 160)
        fx = x - 10 + (length + 40) * t2
        fy = y + 0.6 * height + rng.uniform(0.05, 0.3) * height * np.sin(math.pi * t2) - 0.3 * height * t2
        _local_stroke(img, fx, fy, pen * 0.8, color, 0.9)


def handwritten_line(img, rng, x: int, y: int, length: int, height: int, color, pen: float) -> None:
    """A line of joined handwriting (an annotation): small loops drifting along a baseline."""
    n = max(200, length * 2)
    t = np.linspace(0, 1, n)
    f = length / (height * 0.7)
    xs = x + length * t + height * 0.25 * np.cos(2 * math.pi * f * t)
    ys = y + height * 0.35 * np.sin(2 * math.pi * f * t) * (0.6 + 0.4 * np.sin(2 * math.pi * 3.3 * t)) \
        + rng.uniform(-0.15, 0.15) * height * t
    _local_stroke(img, xs, ys, pen, color)


def underline(img, rng, x0: int, x1: int, y: int, color, pen: float) -> None:
    """A pen underline: slightly wavy and rising, not ruler-straight."""
    n = max(50, (x1 - x0) // 2)
    t = np.linspace(0, 1, n)
    xs = x0 + (x1 - x0) * t
    ys = y + rng.uniform(-4, 4) * t + 1.5 * np.sin(2 * math.pi * rng.uniform(1, 3) * t)
    _local_stroke(img, xs, ys, pen, color)


def pen_circle(img, rng, cx: int, cy: int, rx: int, ry: int, color, pen: float) -> None:
    """A hand-drawn loop around a word: open, a bit more than one turn, wobbly."""
    t = np.linspace(0, 2 * math.pi * 1.12, 300) + rng.uniform(0, 2 * math.pi)
    wob = 1 + 0.06 * np.sin(3 * t + rng.uniform(0, 6))
    xs = cx + rx * wob * np.cos(t)
    ys = cy + ry * wob * np.sin(t) + np.linspace(0, ry * 0.15, 300)
    _local_stroke(img, xs, ys, pen, color)


def tick(img, rng, x: int, y: int, size: int, color, pen: float) -> None:
    xs = np.array([x, x + size * 0.35, x + size])
    ys = np.array([y + size * 0.5, y + size, y])
    _local_stroke(img, xs, ys, pen, color)
