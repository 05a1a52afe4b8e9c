"""Pixel maths that must stay O(pixels): area resize, box blur, colour conversions."""

from __future__ import annotations

import math

import numpy as np


def _area_axis(img: np.ndarray, n_out: int, axis: int) -> np.ndarray:
    """Shrink one axis by exact area averaging: whole blocks of k samples are averaged by a
    reshape, the fractional rest by a cumulative sum sampled at fractional bounds
    (samples.raster.resize multiplies dense weight matrices: too slow for 3000 px pages)."""
    a = np.moveaxis(img, axis, 0).astype(np.float32, copy=False)
    k = int(a.shape[0] / n_out)
    if k >= 2:  # pre-reduce by whole blocks (a cheap mean), then finish below
        n = a.shape[0] // k * k
        a = a[:n].reshape((n // k, k) + a.shape[1:]).mean(axis=1, dtype=np.float32)
    n_in = a.shape[0]
    if n_in == n_out:
        return np.moveaxis(a, 0, axis)
    c = np.concatenate([np.zeros((1,) + a.shape[1:], np.float32), np.cumsum(a, axis=0, dtype=np.float32)])
    s = n_in / n_out
    bounds = np.arange(n_out + 1) * s
    i = np.minimum(np.floor(bounds).astype(int), n_in - 1)
    f = (bounds - i).astype(np.float32).reshape((-1,) + (1,) * (a.ndim - 1))
    cb = c[i] + f * a[i]
    out = (cb[1:] - cb[:-1]) / s
    return np.moveaxis(out, 0, axis)


def _linear_axis(img: np.ndarray, n_out: int, axis: int) -> np.ndarray:
    n_in = img.shape[axis]
    x = np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0, n_in - 1)
    x0 = np.floor(x).astype(np.intp)
    x1 = np.minimum(x0 + 1, n_in - 1)
    shape = [1] * img.ndim
    shape[axis] = n_out
    f = (x - x0).astype(np.float32).reshape(shape)
    lo = np.take(img, x0, axis=axis)
    hi = np.take(img, x1, axis=axis)
    hi -= lo
    hi *= f
    lo += hi
    return lo


def resize(img: np.ndarray, width: int, height: int) -> np.ndarray:
    """Area average when shrinking, bilinear when enlarging, per axis."""
    h, w = img.shape[:2]
    if h % height == 0 and w % width == 0 and (h > height or w > width):  # whole blocks: a mean
        fy, fx = h // height, w // width
        return img.reshape(height, fy, width, fx, -1).mean(axis=(1, 3), dtype=np.float32)
    out = img
    for axis, n in ((0, height), (1, width)):
        if n < out.shape[axis]:
            out = _area_axis(out, n, axis)
        elif n > out.shape[axis]:
            out = _linear_axis(out, n, axis)
    return np.ascontiguousarray(out, dtype=np.float32)


def scale_to_long(img: np.ndarray, long_side: int) -> np.ndarray:
    h, w = img.shape[:2]
    s = long_side / max(h, w)
    return resize(img, max(1, round(w * s)), max(1, round(h * s)))


def grain_field(rng, h: int, w: int) -> np.ndarray:
    """Unit Gaussian grain (h×w×1) tiled from a 509-px random patch at a random offset: drawing
    millions of normals per frame costs more than the rest of the sensor model."""
    t = 509
    tile = rng.standard_normal((t, t), dtype=np.float32)
    oy, ox = rng.integers(0, t, 2)
    reps = (-(-(h + oy) // t), -(-(w + ox) // t))
    return np.tile(tile, reps)[oy:oy + h, ox:ox + w, None]


def big_blur(img: np.ndarray, radius: int, passes: int = 3) -> np.ndarray:
    """Defocus for radius ≥ 2: blur at half size and enlarge again (a quarter of the work of
    box_blur at full size, indistinguishable once the detail is gone)."""
    h, w = img.shape[:2]
    if radius < 2:
        return box_blur(img, radius, passes)
    small = resize(img, max(2, w // 2), max(2, h // 2))
    small = box_blur(small, max(1, radius // 2), passes)
    return resize(small, w, h)


def box_blur(img: np.ndarray, radius: int, passes: int = 1, axes=(0, 1)) -> np.ndarray:
    """Box blur of width 2r+1 by running sums; three passes approximate a Gaussian (defocus),
    one axis alone is motion blur."""
    if radius < 1:
        return img
    out = img.astype(np.float32, copy=True)
    k = 2 * radius + 1
    for _ in range(passes):
        for axis in axes:
            a = np.moveaxis(out, axis, 0)
            p = np.concatenate([np.repeat(a[:1], radius + 1, axis=0), a, np.repeat(a[-1:], radius, axis=0)])
            c = np.cumsum(p, axis=0, dtype=np.float32)
            a = (c[k:] - c[:-k]) * (1.0 / k)
            out = np.moveaxis(a, 0, axis)
    return np.ascontiguousarray(out)


def luma(img: np.ndarray) -> np.ndarray:
    return img[:, :, 0] * 0.299 + img[:, :, 1] * 0.587 + img[:, :, 2] * 0.114


def grey3(img: np.ndarray) -> np.ndarray:
    y = luma(img)
    return np.repeat(y[:, :, None], 3, axis=2)


def hsv(h_deg: float, s: float, v: float) -> np.ndarray:
    """One colour from hue in degrees, saturation and value in 0..1, as 0..255 floats."""
    h = (h_deg % 360) / 60.0
    c = v * s
    x = c * (1 - abs(h % 2 - 1))
    r, g, b = [(c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c), (c, 0, x)][int(h) % 6]
    m = v - c
    return np.array([(r + m) * 255, (g + m) * 255, (b + m) * 255], dtype=np.float32)


def white_balance(img: np.ndarray, warmth: float) -> np.ndarray:
    """Colour cast of the light: warmth > 0 is tungsten-yellow, < 0 is cool daylight-blue."""
    img *= np.array([1 + warmth, 1 + warmth * 0.25, 1 - warmth], dtype=np.float32)
    return img


def soft_ellipse(h: int, w: int, cx: float, cy: float, rx: float, ry: float, angle: float = 0.0,
                 edge: float = 1.0) -> np.ndarray:
    """1 inside the ellipse, falling to 0 over `edge` × the radius outside (edge ≤ 0: hard)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ca, sa = math.cos(angle), math.sin(angle)
    u = ((xx - cx) * ca + (yy - cy) * sa) / rx
    v = (-(xx - cx) * sa + (yy - cy) * ca) / ry
    d = np.sqrt(u * u + v * v)
    if edge <= 0:
        return (d <= 1).astype(np.float32)
    return np.clip(1 - (d - 1) / edge, 0, 1) ** 2


def soft3(img: np.ndarray) -> np.ndarray:
    """Binomial [1 2 1]/4 blur in both directions, once (print or lens softness); the same
    filter as samples.raster.blur3, written with in-place sums (it runs on every page)."""
    img = np.asarray(img, np.float32)
    v = np.empty_like(img)
    np.add(img[:-2], img[2:], out=v[1:-1])
    v[1:-1] += img[1:-1]
    v[1:-1] += img[1:-1]
    v[0] = img[0] * 4
    v[-1] = img[-1] * 4
    out = np.empty_like(img)
    np.add(v[:, :-2], v[:, 2:], out=out[:, 1:-1])
    out[:, 1:-1] += v[:, 1:-1]
    out[:, 1:-1] += v[:, 1:-1]
    out[:, 0] = v[:, 0] * 4
    out[:, -1] = v[:, -1] * 4
    out *= np.float32(1 / 16)
    return out


def _interp_matrix(n_in: int, n_out: int) -> np.ndarray:
    """Bilinear enlargement of n_in samples to n_out as an (n_out × n_in) matrix."""
    x = np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0, n_in - 1)
    x0 = np.floor(x).astype(int)
    x1 = np.minimum(x0 + 1, n_in - 1)
    f = (x - x0).astype(np.float32)
    m = np.zeros((n_out, n_in), np.float32)
    m[np.arange(n_out), x0] += 1 - f
    m[np.arange(n_out), x1] += f
    return m


def field(rng, h: int, w: int, cells: int) -> np.ndarray:
    """Low-frequency noise in -1..1 like samples.raster.smooth_field (same draws), enlarged by two
    thin matrix products, which costs little even for full frames."""
    gh = max(2, int(round(cells * h / max(h, w))) + 1)
    gw = max(2, int(round(cells * w / max(h, w))) + 1)
    coarse = rng.uniform(-1, 1, (gh, gw, 1)).astype(np.float32)[:, :, 0]
    return _interp_matrix(gh, h) @ coarse @ _interp_matrix(gw, w).T
