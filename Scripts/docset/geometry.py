"""Homographies: where the page lands in the frame, warping it there, and what stays visible."""

from __future__ import annotations

import math

import numpy as np

from .pixels import resize


def homography(src, dst) -> np.ndarray:
    """3×3 matrix taking the four src points to the four dst points."""
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    h = np.linalg.solve(np.array(a, float), np.array(b, float))
    return np.append(h, 1.0).reshape(3, 3)


def apply(hm: np.ndarray, pts) -> np.ndarray:
    p = np.asarray(pts, float)
    q = np.c_[p, np.ones(len(p))] @ hm.T
    return q[:, :2] / q[:, 2:3]


def translate(dx: float, dy: float) -> np.ndarray:
    return np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], float)


def page_quad(w: int, h: int, cx: float, cy: float, width: float, angle_deg: float,
              tilt_deg: float = 0.0, tilt_axis_deg: float = 0.0, distance: float = 2.0) -> np.ndarray:
    """Corners (TL, TR, BR, BL) of a w×h page seen by a pinhole camera: the page is tipped by
    tilt_deg about an in-plane axis at tilt_axis_deg (which picks the edge that recedes
    and looks shorter), viewed from `distance` page widths, then turned by angle_deg in the image and
    scaled so it shows about `width` px wide, centred at (cx, cy)."""
    p = np.array([[-w, -h], [w, -h], [w, h], [-w, h]], float) / (2 * w)
    t, ax = math.radians(tilt_deg), math.radians(tilt_axis_deg)
    a = np.array([math.cos(ax), math.sin(ax), 0.0])
    k = np.array([[0, -a[2], a[1]], [a[2], 0, -a[0]], [-a[1], a[0], 0]])
    rot3 = np.eye(3) + math.sin(t) * k + (1 - math.cos(t)) * k @ k  # Rodrigues
    p3 = np.c_[p, np.zeros(4)] @ rot3.T
    proj = p3[:, :2] * (distance / (distance + p3[:, 2:3]))
    proj *= width / ((np.linalg.norm(proj[1] - proj[0]) + np.linalg.norm(proj[2] - proj[3])) / 2)
    r = math.radians(angle_deg)
    rot = np.array([[math.cos(r), -math.sin(r)], [math.sin(r), math.cos(r)]])
    return proj @ rot.T + [cx, cy]


def corners(w: int, h: int) -> np.ndarray:
    return np.array([[0, 0], [w, 0], [w, h], [0, h]], float)


def warp(src: np.ndarray, hm: np.ndarray, out_w: int, out_h: int):
    """Sample src (H×W×C) into an out_h×out_w frame through hm (src → frame coordinates).
    Returns (pixels, alpha) restricted to the quad's bounding box: (x0, y0, pixels, alpha).
    Bilinear; the caller shrinks src first when it lands much smaller (so text does not alias)."""
    sh, sw = src.shape[:2]
    q = apply(hm, corners(sw, sh))
    x0 = max(0, int(math.floor(q[:, 0].min())) - 1)
    x1 = min(out_w, int(math.ceil(q[:, 0].max())) + 2)
    y0 = max(0, int(math.floor(q[:, 1].min())) - 1)
    y1 = min(out_h, int(math.ceil(q[:, 1].max())) + 2)
    if x0 >= x1 or y0 >= y1:
        return 0, 0, np.zeros((0, 0, src.shape[2]), np.float32), np.zeros((0, 0), np.float32)
    inv = np.linalg.inv(hm).astype(np.float32)
    affine = abs(inv[2, 0]) < 1e-12 and abs(inv[2, 1]) < 1e-12
    c = src.shape[2]
    flat = src.reshape(-1, c)
    out = np.empty((y1 - y0, x1 - x0, c), np.float32)
    alpha = np.empty((y1 - y0, x1 - x0), np.float32)
    xs = np.arange(x0, x1, dtype=np.float32)[None, :] + 0.5
    step = 192
    for ys in range(y0, y1, step):
        ye = min(y1, ys + step)
        yy = np.arange(ys, ye, dtype=np.float32)[:, None] + 0.5
        u = inv[0, 0] * xs + (inv[0, 1] * yy + inv[0, 2])
        v = inv[1, 0] * xs + (inv[1, 1] * yy + inv[1, 2])
        if not affine:
            den = inv[2, 0] * xs + (inv[2, 1] * yy + inv[2, 2])
            u /= den
            v /= den
        # coverage: a one-pixel soft edge in source units (about a pixel in the frame)
        a = np.minimum(np.minimum(u, sw - u), np.minimum(v, sh - v))
        a += 0.5
        np.clip(a, 0, 1, out=a)
        u -= 0.5
        v -= 0.5
        np.clip(u, 0, sw - 1.001, out=u)
        np.clip(v, 0, sh - 1.001, out=v)
        iu = u.astype(np.int32)
        iv = v.astype(np.int32)
        du = (u - iu)[:, :, None]
        dv = (v - iv)[:, :, None]
        idx = iv * sw + iu
        # np.take is several times faster than fancy indexing for row gathers
        top = np.take(flat, idx, axis=0)
        p = np.take(flat, idx + 1, axis=0)
        p -= top
        p *= du
        top += p
        bot = np.take(flat, idx + sw, axis=0)
        p = np.take(flat, idx + sw + 1, axis=0)
        p -= bot
        p *= du
        bot += p
        bot -= top
        bot *= dv
        top += bot
        out[ys - y0:ye - y0] = top
        alpha[ys - y0:ye - y0] = a
    return x0, y0, out, alpha


def shrink_for(src: np.ndarray, quad: np.ndarray, oversample: float = 1.15):
    """Shrink src when the quad shows it much smaller, so bilinear warping samples an
    anti-aliased page. Returns (src, factor) with factor = new size / old size."""
    sh, sw = src.shape[:2]
    edges = [np.linalg.norm(quad[(i + 1) % 4] - quad[i]) for i in range(4)]
    scale = max(edges[0] / sw, edges[2] / sw, edges[1] / sh, edges[3] / sh)
    f = min(1.0, scale * oversample)
    if f > 0.9:
        return src, 1.0
    nw, nh = max(2, round(sw * f)), max(2, round(sh * f))
    return resize(src, nw, nh), nw / sw


def outside_by(quad: np.ndarray, w: int, h: int) -> float:
    """How far (px) the quad's worst corner lies outside the frame (≤ 0: fully inside)."""
    return float(max((-quad[:, 0]).max(), (quad[:, 0] - w).max(), (-quad[:, 1]).max(), (quad[:, 1] - h).max()))


def visible_fraction(points: np.ndarray, hm: np.ndarray, w: int, h: int) -> float:
    """Share of the given page points (e.g. seal ink pixels) that land inside the frame."""
    if len(points) == 0:
        return 0.0
    p = apply(hm, points)
    inside = (p[:, 0] >= 0) & (p[:, 0] < w) & (p[:, 1] >= 0) & (p[:, 1] < h)
    return float(inside.mean())
