"""What lies around a photographed page or card: desks, cloth, scanner lids, walls."""

from __future__ import annotations

import math

import numpy as np


from .pixels import field, resize

KINDS = ("wood", "dark_wood", "dark_desk", "grey_laminate", "white_desk", "fabric", "beige_desk")


def _fine_noise(rng, h, w, scale: int) -> np.ndarray:
    """Grain at a `scale`-px cell size: random values on a grid, enlarged (cheap texture)."""
    gh, gw = max(2, h // scale + 2), max(2, w // scale + 2)
    coarse = rng.normal(0, 1, (gh, gw, 1)).astype(np.float32)
    return resize(coarse, gw * scale, gh * scale)[:h, :w, 0]


def wood(rng, h, w, base, contrast: float) -> np.ndarray:
    """Planks of grain: stretched noise along the board, warped rings, a seam between planks."""
    horizontal = rng.random() < 0.7
    H, W = (h, w) if horizontal else (w, h)
    yy = np.arange(H, dtype=np.float32)[:, None]
    warp_ = field(rng, H, W, 6) * rng.uniform(20, 60)
    freq = rng.uniform(0.05, 0.12)
    rings = np.sin((yy + warp_) * freq) * 0.5 + 0.5
    streak = resize(rng.normal(0, 1, (H // 3 + 1, max(2, W // 60), 1)).astype(np.float32), W, H)[:, :, 0]
    tex = contrast * (0.55 * rings ** 3 + 0.25 * streak) + 0.15 * contrast * field(rng, H, W, 4)
    plank = int(H / rng.uniform(2.2, 4.5))
    seams = ((yy.astype(int) + int(rng.integers(0, plank))) % plank < 3).astype(np.float32)
    tex = tex - seams * contrast * 1.2
    if not horizontal:
        tex = tex.T
    img = np.empty((h, w, 3), np.float32)
    img[:] = base
    img *= (1 + tex)[:, :, None]
    return img


def surface(rng: np.random.Generator, h: int, w: int, kind: str) -> np.ndarray:
    if kind == "wood":
        return wood(rng, h, w, np.array([rng.uniform(150, 190), rng.uniform(105, 135), rng.uniform(65, 90)], np.float32), 0.22)
    if kind == "dark_wood":
        return wood(rng, h, w, np.array([rng.uniform(70, 95), rng.uniform(45, 60), rng.uniform(30, 40)], np.float32), 0.3)
    img = np.empty((h, w, 3), np.float32)
    if kind == "dark_desk":
        img[:] = rng.uniform(28, 55)
        img += (_fine_noise(rng, h, w, 3) * 2 + field(rng, h, w, 5) * 6)[:, :, None]
    elif kind == "grey_laminate":
        img[:] = np.array([1.0, 1.0, 1.04], np.float32) * rng.uniform(120, 165)
        img += (_fine_noise(rng, h, w, 3) * 2.5 + field(rng, h, w, 3) * 8)[:, :, None]
    elif kind == "white_desk":  # the hard case: little contrast between page and desk
        img[:] = np.array([1.0, 0.99, 0.97], np.float32) * rng.uniform(200, 228)
        img += (_fine_noise(rng, h, w, 3) * 1.5 + field(rng, h, w, 4) * 6)[:, :, None]
    elif kind == "beige_desk":
        img[:] = np.array([rng.uniform(190, 215), rng.uniform(170, 190), rng.uniform(135, 155)], np.float32)
        img += (_fine_noise(rng, h, w, 4) * 3)[:, :, None]
    elif kind == "fabric":  # woven tablecloth: two crossed thread patterns in a colour
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        p = rng.uniform(4, 7)
        weave = np.sin(xx * 2 * math.pi / p) * np.sin(yy * 2 * math.pi / p)
        colour = np.array(rng.choice([[60, 80, 120], [120, 60, 55], [70, 100, 70], [140, 130, 120]]), np.float32)
        img[:] = colour
        img *= (1 + 0.08 * weave + 0.1 * field(rng, h, w, 5))[:, :, None]
    else:
        raise ValueError(kind)
    return img


def scanner_lid(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """The white or light-grey lid a flatbed shows around a page, slightly uneven."""
    img = np.empty((h, w, 3), np.float32)
    img[:] = rng.uniform(215, 250)
    img += (field(rng, h, w, 3) * 4)[:, :, None]
    return img


def drop_shadow(bg: np.ndarray, quad: np.ndarray, dx: float, dy: float, softness: float, strength: float) -> None:
    """Darken the background under a convex quad, offset by (dx, dy), with a soft edge
    `softness` px wide (in place). The inside distance of a convex polygon is the smallest of
    its edges' half-plane distances, so no blur pass is needed."""
    if strength <= 0:
        return
    q = np.asarray(quad, float) + [dx, dy]
    h, w = bg.shape[:2]
    pad = 2 * softness + 2
    x0, x1 = max(0, int(q[:, 0].min() - pad)), min(w, int(q[:, 0].max() + pad) + 1)
    y0, y1 = max(0, int(q[:, 1].min() - pad)), min(h, int(q[:, 1].max() + pad) + 1)
    if x0 >= x1 or y0 >= y1:
        return
    # the soft edge is smooth: evaluate on a 4× coarser grid and enlarge
    q4 = 4
    xs = (np.arange(x0, x1, q4, dtype=np.float32) + q4 / 2)[None, :]
    ys = (np.arange(y0, y1, q4, dtype=np.float32) + q4 / 2)[:, None]
    orient = np.sign(np.cross(q[1] - q[0], q[2] - q[1])) or 1.0
    d = None
    for i in range(4):
        (ax, ay), (bx, by) = q[i], q[(i + 1) % 4]
        nx, ny = -(by - ay) * orient, (bx - ax) * orient  # inward normal
        n = np.hypot(nx, ny)
        di = (xs - ax) * np.float32(nx / n) + (ys - ay) * np.float32(ny / n)
        d = di if d is None else np.minimum(d, di)
    a = np.clip(0.5 + d / np.float32(2 * softness), 0, 1) * np.float32(strength)
    a = resize(a[:, :, None], len(xs[0]) * q4, len(ys) * q4)[:y1 - y0, :x1 - x0, 0]
    bg[y0:y1, x0:x1] *= (1 - a)[:, :, None]
