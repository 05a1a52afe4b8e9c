"""Seal impressions in all their variety, and the red marks that are not seals."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from samples.marks import glyph
from samples.raster import fill_rect, ink, polygon_mask, star_points

from .pixels import field, hsv
from .writing import INKS, handwritten_line, pen_circle, signature, tick, underline


@dataclass
class SealStyle:
    radius: int             # horizontal semi-axis, px
    aspect: float = 1.0     # vertical / horizontal semi-axis (< 1: an oval seal)
    hue: float = 355.0      # degrees; red is 345–15, orange-red ~18, magenta-ish ~335
    sat: float = 0.85
    val: float = 0.80
    density: float = 0.9    # how much ink reached the paper (0.3: faded)
    rotation: float = 0.0   # degrees
    star: bool = True       # ring + star; False: ring and text only
    ring: float = 0.07      # ring thickness / radius
    inner_ring: bool = False
    text: bool = True

    def describe(self) -> str:
        shape = "oval" if self.aspect < 0.9 else "round"
        parts = [f"{shape} seal r={self.radius}px", f"hue {self.hue % 360:.0f}°"]
        parts.append("ring+star" if self.star else "ring only")
        if self.density < 0.6:
            parts.append("faded")
        if abs(self.rotation) >= 5:
            parts.append(f"turned {self.rotation:+.0f}°")
        return ", ".join(parts)


def random_style(rng, page_w: int, rel=(0.03, 0.12), oval: bool | None = None, hue=None) -> SealStyle:
    oval = (rng.random() < 0.2) if oval is None else oval
    if hue is None:
        r = rng.random()
        hue = rng.uniform(335, 342) if r < 0.12 else rng.uniform(12, 20) if r < 0.25 else rng.uniform(345, 375)
    return SealStyle(
        radius=int(page_w * rng.uniform(*rel)),
        aspect=float(rng.uniform(0.62, 0.78)) if oval else 1.0,
        hue=float(hue) % 360,
        sat=float(rng.uniform(0.6, 0.95)),
        val=float(rng.uniform(0.68, 0.9)),
        density=float(rng.uniform(0.3, 0.6) if rng.random() < 0.25 else rng.uniform(0.7, 1.0)),
        rotation=float(rng.uniform(-35, 35)),
        star=bool(not oval and rng.random() < 0.75),
        ring=float(rng.uniform(0.045, 0.09)),
        inner_ring=bool(rng.random() < (0.6 if oval else 0.2)),
    )


def _rotated_glyph(rng, size: int, angle: float) -> np.ndarray:
    """One glyph as a small mask, turned by `angle` radians (nearest-neighbour)."""
    g = np.zeros((size, size, 1), np.float32)
    glyph(g, rng, 0, 0, size, np.float32(1.0), weight=max(2, size // 6))
    n = int(size * 1.5) + 2
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) - n / 2
    ca, sa = math.cos(-angle), math.sin(-angle)
    u = (xx * ca - yy * sa + size / 2).round().astype(int)
    v = (xx * sa + yy * ca + size / 2).round().astype(int)
    ok = (u >= 0) & (u < size) & (v >= 0) & (v < size)
    out = np.zeros((n, n), np.float32)
    out[ok] = g[v[ok], u[ok], 0]
    return out


def seal_mask(rng, st: SealStyle) -> np.ndarray:
    """The impression's ink coverage (0..1) in a square patch centred on the seal."""
    rx, ry = st.radius, st.radius * st.aspect
    half = int(st.radius) + 4
    n = 2 * half + 1
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) - half
    rot = math.radians(st.rotation)
    ca, sa = math.cos(rot), math.sin(rot)
    u = xx * ca + yy * sa
    v = -xx * sa + yy * ca
    d = np.sqrt((u / rx) ** 2 + (v / ry) ** 2)
    rm = (rx + ry) / 2
    band = lambda lo, hi: np.clip(0.5 + (hi - d) * rm, 0, 1) * np.clip(0.5 + (d - lo) * rm, 0, 1)
    m = band(1 - st.ring, 1.0)
    if st.inner_ring:
        m = np.maximum(m, band(0.84 - st.ring * 0.3, 0.84))
    if st.star:
        local = np.array(star_points(0, 0, rx * 0.3, rx * 0.12, rot=-math.pi / 2 + rot))
        m = np.maximum(m, polygon_mask(n, n, local + half))
    if st.text:
        gs = max(6, int(rm * 0.2))
        chars = int(np.clip(rm / 9, 8, 16))
        span = math.radians(220 if st.aspect > 0.9 else 250)
        r_text = (1 - st.ring) * 0.78 if not st.inner_ring else 0.66
        for k in range(chars):
            a = -math.pi / 2 - span / 2 + span * k / (chars - 1)  # along the top, left to right
            px, py = rx * r_text * math.cos(a), ry * r_text * math.sin(a)
            gx = px * ca - py * sa + half
            gy = px * sa + py * ca + half
            g = _rotated_glyph(rng, gs, a + math.pi / 2 + rot)
            x0, y0 = int(gx - g.shape[1] / 2), int(gy - g.shape[0] / 2)
            sub = m[max(0, y0):y0 + g.shape[0], max(0, x0):x0 + g.shape[1]]
            gg = g[max(0, -y0):max(0, -y0) + sub.shape[0], max(0, -x0):max(0, -x0) + sub.shape[1]]
            np.maximum(sub, gg, out=sub)
        # a straight row below the centre (a number or "专用章"), turned with the seal
        row = np.zeros((n, n, 1), np.float32)
        cnt = 5 if st.star else 7
        rs = max(5, int(gs * (0.8 if st.star else 0.9)))
        y_row = half + int(ry * (0.45 if st.star else 0.0)) - rs // 2
        for k in range(cnt):
            glyph(row, rng, half - cnt * rs * 1.1 / 2 + k * rs * 1.1, y_row, rs, np.float32(1.0), weight=max(1, rs // 6))
        if st.rotation:
            c, s_ = math.cos(-rot), math.sin(-rot)
            uu = ((xx * c - yy * s_) + half).round().astype(int).clip(0, n - 1)
            vv = ((xx * s_ + yy * c) + half).round().astype(int).clip(0, n - 1)
            row = row[vv, uu]
        m = np.maximum(m, row[:, :, 0])
    # uneven ink: mottled pressure, tiny gaps, one side lighter
    mott = 0.75 + 0.25 * field(rng, n, n, 5)
    gaps = (rng.random((n, n)) > rng.uniform(0.05, 0.2)).astype(np.float32)
    side = rng.uniform(0, 2 * math.pi)
    fall = 1 - 0.3 * np.clip((xx * math.cos(side) + yy * math.sin(side)) / half, 0, 1)
    return np.clip(m * st.density * mott * gaps * fall, 0, 1)


def stamp(img: np.ndarray, seal_cov: np.ndarray, rng, cx: int, cy: int, st: SealStyle) -> None:
    """Press the seal onto the page (multiply blend, like ink) and record its coverage."""
    m = seal_mask(rng, st)
    half = m.shape[0] // 2
    colour = hsv(st.hue, st.sat, st.val)
    ink(img, m, colour, cx - half, cy - half)
    h, w = seal_cov.shape
    x0, y0 = cx - half, cy - half
    ax0, ay0, ax1, ay1 = max(0, x0), max(0, y0), min(w, x0 + m.shape[1]), min(h, y0 + m.shape[0])
    if ax0 < ax1 and ay0 < ay1:
        sub = seal_cov[ay0:ay1, ax0:ax1]
        np.maximum(sub, m[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0], out=sub)


# ----------------------------------------------------------------------------------------------
# Red things that are not seals (hard negatives)


def red(rng) -> np.ndarray:
    return hsv(rng.uniform(348, 372) % 360, rng.uniform(0.7, 0.9), rng.uniform(0.7, 0.85))


def red_logo(img, rng, x: int, y: int, size: int) -> str:
    """A filled red rectangle (or rounded badge) with white letters: a company logo."""
    w = int(size * rng.uniform(1.0, 2.6))
    fill_rect(img, x, y, x + w, y + size, red(rng))
    gs = int(size * 0.55)
    for i in range(max(1, int((w - gs * 0.4) // (gs * 1.2)))):
        glyph(img, rng, x + int(gs * 0.4) + int(i * gs * 1.2), y + (size - gs) // 2, gs, np.array([250, 248, 245], np.float32))
    return "red logo rectangle"


def red_stripe(img, rng, y: int, thickness: int, x0: int = 0, x1: int | None = None) -> str:
    fill_rect(img, x0, y, img.shape[1] if x1 is None else x1, y + thickness, red(rng))
    return "red letterhead stripe"


def red_handwriting(img, rng, x: int, y: int, length: int, height: int) -> str:
    col = red(rng)
    pen = max(1.5, height / 14)
    if rng.random() < 0.5:
        signature(img, rng, x, y, length, height, col, pen)
        return "red-ink signature"
    for k in range(int(rng.integers(1, 3))):
        handwritten_line(img, rng, x, y + k * int(height * 1.6), int(length * rng.uniform(0.6, 1)), height, col, pen)
    return "red handwritten note"


def red_pen_marks(img, rng, spots, size: int) -> str:
    """Underlines, a loop around a word and ticks in red pen at the given (x0, x1, y) text spots."""
    col = red(rng)
    pen = max(1.3, size / 10)
    for k, (x0, x1, y) in enumerate(spots):
        r = rng.random()
        if r < 0.55:
            underline(img, rng, x0, x1, y + int(size * 1.25), col, pen)
        elif r < 0.8:
            pen_circle(img, rng, (x0 + x1) // 2, y + size // 2, (x1 - x0) // 2 + size // 2, int(size * 0.9), col, pen)
        else:
            tick(img, rng, x1 + size // 2, y - size // 4, int(size * 1.3), col, pen)
    return "red pen underlines/loops"


def red_heading_colour(rng) -> np.ndarray:
    return hsv(rng.uniform(350, 368) % 360, rng.uniform(0.75, 0.95), rng.uniform(0.65, 0.82))


__all__ = ["SealStyle", "random_style", "seal_mask", "stamp", "red_logo", "red_stripe", "red_handwriting",
           "red_pen_marks", "red_heading_colour", "INKS"]
