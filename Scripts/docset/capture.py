"""Capture conditions: how a flat page becomes an upload (scan, phone photo, screen re-shot) and
what can go wrong on the way (light, shadow, glare, blur, grey, photocopy, cropping, grain)."""

from __future__ import annotations

import math

import numpy as np

from samples.raster import polygon_mask

from . import geometry as geo
from .page import Page, Shot
from .pixels import big_blur, box_blur, grain_field, grey3, luma, resize, soft3, soft_ellipse, white_balance
from .surfaces import drop_shadow, scanner_lid, surface


def _composite(bg: np.ndarray, page: Page, hm: np.ndarray, shadow=None, shrink: bool = True,
               src: np.ndarray | None = None) -> np.ndarray:
    """Warp the page (or a prepared src of the same geometry) into bg; returns its alpha."""
    stack = page.stacked() if src is None else src
    quad = geo.apply(hm, geo.corners(page.w, page.h))
    f = 1.0
    if shrink:
        stack, f = geo.shrink_for(stack, quad)
    scale_back = np.diag([stack.shape[1] / page.w, stack.shape[0] / page.h, 1.0])
    if shadow is not None:
        drop_shadow(bg, quad, *shadow)
    x0, y0, pix, cov = geo.warp(stack, hm @ np.linalg.inv(scale_back), bg.shape[1], bg.shape[0])
    a = cov * np.clip(pix[:, :, 3], 0, 1) if pix.shape[2] > 3 else cov
    full = np.zeros(bg.shape[:2], np.float32)
    if a.size:
        ph, pw = a.shape
        region = bg[y0:y0 + ph, x0:x0 + pw]
        rgb_ = pix[:, :, :3] if pix.shape[2] > 3 else pix
        rgb_ -= region
        rgb_ *= a[:, :, None]
        region += rgb_
        full[y0:y0 + ph, x0:x0 + pw] = a
    return full


def _fit(page_w, page_h, frame_w, frame_h, fill, angle, tilt, axis, distance, offset):
    """The page's quad, scaled so its bounding box takes `fill` of the frame, shifted by offset
    (fractions of the frame)."""
    q = geo.page_quad(page_w, page_h, 0, 0, 1000, angle, tilt, axis, distance)
    bw, bh = np.ptp(q[:, 0]), np.ptp(q[:, 1])
    s = fill * min(frame_w / bw, frame_h / bh)
    q = q * s
    centre = (q.max(axis=0) + q.min(axis=0)) / 2
    return q - centre + [frame_w / 2 + offset[0] * frame_w, frame_h / 2 + offset[1] * frame_h]


def scan(page: Page, rng, long_side: int, angle: float = 0.0, margin: float = 0.0) -> Shot:
    """Flatbed look: the page fills the frame (margin 0, no angle: exactly), or lies slightly
    askew on the lid with a thin rim of lid around it."""
    q = geo.page_quad(page.w, page.h, 0, 0, page.w, angle)
    bw, bh = np.ptp(q[:, 0]) * (1 + 2 * margin), np.ptp(q[:, 1]) * (1 + 2 * margin)
    s = long_side / max(bw, bh)
    fw, fh = int(round(bw * s)), int(round(bh * s))
    q = (q - q.mean(axis=0)) * s + [fw / 2, fh / 2]
    hm = geo.homography(geo.corners(page.w, page.h), q)
    if not angle and not margin:  # the page is the frame: no warp needed
        bg = resize(page.img, fw, fh) if (fw, fh) != (page.w, page.h) else page.img.copy()
    else:
        bg = scanner_lid(rng, fh, fw)
        _composite(bg, page, hm, shadow=(1, 1, 2, 0.18))
    notes = ["flatbed scan"] + ([f"page {angle:+.1f}° askew"] if abs(angle) >= 0.3 else [])
    return Shot(bg, hm, page, notes)


def photo(page: Page, rng, frame_w: int, frame_h: int, kind: str, fill: float = 0.8,
          angle: float = 0.0, tilt: float = 0.0, axis: float = 0.0, distance: float = 2.2,
          offset=(0.0, 0.0), shadow: float = 0.35) -> Shot:
    """Phone photo of the page lying on a surface, seen in perspective."""
    q = _fit(page.w, page.h, frame_w, frame_h, fill, angle, tilt, axis, distance, offset)
    hm = geo.homography(geo.corners(page.w, page.h), q)
    bg = surface(rng, frame_h, frame_w, kind)
    soft = max(2, int(frame_w * 0.006))
    _composite(bg, page, hm, shadow=(int(soft * rng.uniform(0.5, 1.5)), int(soft * rng.uniform(0.8, 2)), soft, shadow))
    desc = f"phone photo on {kind.replace('_', ' ')}" + (", filling the frame" if fill >= 0.93 else "")
    if tilt >= 4:
        desc += f", {tilt:.0f}° perspective"
    if abs(angle) >= 1:
        desc += f", turned {angle:+.0f}°"
    return Shot(bg, hm, page, [desc])


def crop(shot: Shot, sides: dict) -> Shot:
    """Move frame edges into the page: sides maps 'left'/'top'/'right'/'bottom' to the share of
    the page's extent that ends up outside the frame."""
    q = geo.apply(shot.hm, geo.corners(shot.page.w, shot.page.h))
    x0, x1 = 0, shot.w
    y0, y1 = 0, shot.h
    bw, bh = np.ptp(q[:, 0]), np.ptp(q[:, 1])
    if "left" in sides:
        x0 = int(max(0, q[:, 0].min()) + sides["left"] * bw)
    if "right" in sides:
        x1 = int(min(shot.w, q[:, 0].max()) - sides["right"] * bw)
    if "top" in sides:
        y0 = int(max(0, q[:, 1].min()) + sides["top"] * bh)
    if "bottom" in sides:
        y1 = int(min(shot.h, q[:, 1].max()) - sides["bottom"] * bh)
    shot.img = np.ascontiguousarray(shot.img[y0:y1, x0:x1])
    shot.hm = geo.translate(-x0, -y0) @ shot.hm
    shot.notes.append("frame cuts the page at the " + "/".join(sorted(sides)))
    return shot


def quad(shot: Shot) -> np.ndarray:
    return geo.apply(shot.hm, geo.corners(shot.page.w, shot.page.h))


def cut_off(shot: Shot) -> bool:
    """The page's border leaves the frame by more than a sliver (0.6 % of the frame)."""
    return shot.page.cut_already or geo.outside_by(quad(shot), shot.w, shot.h) > 0.006 * max(shot.w, shot.h)


def seal_visible(shot: Shot) -> float:
    pts = shot.page.seal_points()
    return geo.visible_fraction(pts, shot.hm, shot.w, shot.h) if len(pts) else 0.0


# ----------------------------------------------------------------------------------------------
# Light


def light(shot: Shot, rng, strength: float, vignette: float = 0.0, warmth: float = 0.0) -> None:
    """Uneven illumination: a linear fall-off across the frame, optional vignette and colour cast."""
    h, w = shot.h, shot.w
    a = rng.uniform(0, 2 * math.pi)
    px = ((np.arange(w, dtype=np.float32) / w - 0.5) * math.cos(a) * 1.4)[None, :]
    py = ((np.arange(h, dtype=np.float32) / h - 0.5) * math.sin(a) * 1.4)[:, None]
    g = 1 - strength * (0.5 + np.clip(px + py, -0.5, 0.5))
    if vignette:
        g *= 1 - vignette * 2 * (((np.arange(w, dtype=np.float32) / w - 0.5) ** 2)[None, :]
                                 + ((np.arange(h, dtype=np.float32) / h - 0.5) ** 2)[:, None])
    shot.img *= g[:, :, None]
    if warmth:
        shot.img = white_balance(shot.img, warmth)
    if strength >= 0.15:
        shot.notes.append(f"uneven light ({int(strength * 100)}% fall-off)")
    if abs(warmth) >= 0.04:
        shot.notes.append("warm light cast" if warmth > 0 else "cool light cast")


def hand_shadow(shot: Shot, rng, strength: float) -> None:
    """A soft shadow of the phone or hand entering from one edge."""
    h, w = shot.h, shot.w
    sh, sw = max(8, h // 8), max(8, w // 8)
    edge = int(rng.integers(0, 4))
    depth = rng.uniform(0.2, 0.45)
    t0, t1 = sorted(rng.uniform(0, 1, 2))
    t1 = max(t1, t0 + 0.35)
    pts = {0: [(t0 * sw, 0), (t1 * sw, 0), (t1 * sw * 0.9, depth * sh), (t0 * sw * 1.1, depth * sh * 0.8)],
           1: [(sw, t0 * sh), (sw, t1 * sh), ((1 - depth) * sw, t1 * sh * 0.9), ((1 - depth * 0.8) * sw, t0 * sh)],
           2: [(t0 * sw, sh), (t1 * sw, sh), (t1 * sw * 0.95, (1 - depth) * sh), (t0 * sw, (1 - depth * 0.7) * sh)],
           3: [(0, t0 * sh), (0, t1 * sh), (depth * sw, t1 * sh), (depth * sw * 0.7, t0 * sh)]}[edge]
    m = polygon_mask(sh, sw, pts)[:, :, None]
    m = box_blur(m, max(1, sw // 30), 3)
    m = resize(m, w, h)[:, :, 0]
    shot.img *= (1 - strength * m)[:, :, None]
    shot.notes.append("hand/phone shadow")


def glare(shot: Shot, rng, size: float = 0.12) -> None:
    """A soft-edged, saturated near-white reflection on the page (away from the seal)."""
    q = quad(shot)
    avoid = geo.apply(shot.hm, shot.page.seal_points(400)) if shot.page.seal is not None else np.zeros((0, 2))
    qw = np.linalg.norm(q[1] - q[0])
    for _ in range(40):
        wts = rng.dirichlet([2, 2, 2, 2])
        c = wts @ q
        rx = size * qw * rng.uniform(0.8, 1.3)
        ok = 0 <= c[0] < shot.w and 0 <= c[1] < shot.h
        if ok and (len(avoid) == 0 or np.hypot(*(avoid - c).T).min() > rx * 1.8):
            break
    ry = rx * rng.uniform(0.45, 0.9)
    ang = rng.uniform(0, math.pi)
    pad = int(rx * 2.5)
    x0, y0 = max(0, int(c[0]) - pad), max(0, int(c[1]) - pad)
    x1, y1 = min(shot.w, int(c[0]) + pad), min(shot.h, int(c[1]) + pad)
    m = soft_ellipse(y1 - y0, x1 - x0, c[0] - x0, c[1] - y0, rx, ry, ang, edge=1.2)
    core = np.clip(m * 1.7, 0, 1)[:, :, None]  # the inner part saturates completely
    halo = (m * 0.25)[:, :, None]
    region = shot.img[y0:y1, x0:x1]
    region *= 1 + halo
    region[:] = region * (1 - core) + np.array([254, 254, 252], np.float32) * core
    shot.glare = True
    shot.notes.append("glare spot on the page")


# ----------------------------------------------------------------------------------------------
# Optics and sensor


def defocus(shot: Shot, radius: int, passes: int = 3) -> None:
    shot.img = big_blur(shot.img, radius, passes)
    shot.blurry = True
    shot.notes.append(f"out of focus (box blur r={radius}×{passes})")


def motion(shot: Shot, length: int, vertical: bool = False) -> None:
    shot.img = box_blur(shot.img, length // 2, 1, axes=(0,) if vertical else (1,))
    shot.blurry = True
    shot.notes.append(f"motion blur {length}px {'vertical' if vertical else 'horizontal'}")


def soften(shot: Shot, radius: int = 1) -> None:
    """Lens softness short of blur: text stays crisp enough to read (a [1 2 1] kernel per pass)."""
    for _ in range(radius):
        shot.img = soft3(shot.img)


def grain(shot: Shot, rng, sigma: float) -> None:
    h, w = shot.h, shot.w
    g = grain_field(rng, h, w)
    g *= np.float32(sigma)
    shot.img += g


def greyscale(shot: Shot, one_channel: bool) -> None:
    shot.img = grey3(shot.img)
    shot.greyscale = True
    shot.grey_encode = one_channel
    shot.notes.append("greyscale (1-channel JPEG)" if one_channel else "greyscale pixels in an RGB JPEG")


def photocopy(shot: Shot, rng, one_channel: bool = False) -> None:
    """High-contrast black and white with toner speckle and a faint streak."""
    y = luma(shot.img)
    t = np.percentile(y, 35) * rng.uniform(0.75, 0.9)
    y = 255 / (1 + np.exp(-(y - t) / rng.uniform(6, 12)))
    h, w = y.shape
    n = int(h * w * rng.uniform(0.00004, 0.00015))  # toner specks: a few small dark dots
    ys, xs = rng.integers(0, h - 2, n), rng.integers(0, w - 2, n)
    for dy, dx in ((0, 0), (0, 1), (1, 0), (1, 1)):
        y[ys + dy, xs + dx] = np.minimum(y[ys + dy, xs + dx], rng.uniform(20, 110, n))
    x = int(rng.integers(w // 8, w - w // 8))
    y[:, x:x + max(1, w // 400)] *= rng.uniform(0.8, 0.92)
    shot.img = np.repeat(y[:, :, None], 3, axis=2).astype(np.float32)
    shot.greyscale = True
    shot.grey_encode = one_channel
    shot.notes.append("photocopy look: high-contrast black/white with speckle")


# ----------------------------------------------------------------------------------------------
# A page shown on a monitor and photographed


def screen(page: Page, rng, frame_w: int, frame_h: int, fill: float, tilt: float, angle: float, beat: float = 0.045) -> Shot:
    """The page in a viewer window on an LCD, photographed: the RGB subpixel grid is resampled
    by the camera (aliasing moiré), plus a visible beat pattern and slight colour fringes."""
    pw, ph = int(rng.choice([960, 1024, 1100])), 0
    ph = int(pw * rng.choice([0.5625, 0.625]))
    dark_ui = rng.random() < 0.5
    panel = np.empty((ph, pw, 3), np.float32)
    panel[:] = 50 if dark_ui else 225
    panel[: int(ph * 0.05)] = 30 if dark_ui else 205  # toolbar
    s = min(ph * 0.9 / page.h, pw * 0.95 / page.w)
    dw, dh = int(page.w * s), int(page.h * s)
    px, py = (pw - dw) // 2, int(ph * 0.07)
    panel[py:py + dh, px:px + dw] = resize(page.img, dw, dh)
    panel = 28 + panel * (225 / 255) * np.array([0.97, 0.99, 1.04], np.float32)
    k = 3  # subpixels: each panel pixel is three coloured columns over a dark row gap
    big = np.repeat(np.repeat(panel, k, axis=0), k, axis=1)
    colmask = np.array([[1.0, 0.6, 0.6], [0.6, 1.0, 0.6], [0.6, 0.6, 1.0]], np.float32)
    big *= np.tile(colmask, (pw, 1))[None, :, :] / 0.733
    big[k - 1::k] *= 0.8
    big = soft3(big)  # the camera lens: softens the grid a little before it aliases
    bez = int(big.shape[1] * 0.025)
    mon = np.full((big.shape[0] + 2 * bez, big.shape[1] + 2 * bez, 4), 18.0, np.float32)
    mon[:, :, 3] = 1
    mon[bez:-bez, bez:-bez, :3] = np.clip(big, 0, 255)
    # page → panel → big (with bezel) coordinates
    h_page = geo.translate(bez + px * k, bez + py * k) @ np.diag([s * k, s * k, 1.0])
    monitor = Page(mon[:, :, :3], role="unknown")
    q = _fit(mon.shape[1], mon.shape[0], frame_w, frame_h, fill, angle, tilt, rng.uniform(0, 360), 2.5, (0, 0))
    h_mon = geo.homography(geo.corners(mon.shape[1], mon.shape[0]), q)
    bg = surface(rng, frame_h, frame_w, str(rng.choice(["dark_desk", "grey_laminate", "white_desk"])))
    a = _composite(bg, monitor, h_mon, shrink=False, src=mon)  # no pre-shrink: let it alias
    yy, xx = np.mgrid[0:frame_h, 0:frame_w].astype(np.float32)
    period, th = rng.uniform(9, 22), rng.uniform(0, math.pi)
    phase = (xx * math.cos(th) + yy * math.sin(th)) * 2 * math.pi / period + 2.5 * np.sin(yy / rng.uniform(60, 140))
    wave = np.stack([np.sin(phase), np.sin(phase + 2.1), np.sin(phase + 4.2)], axis=2)
    bg *= 1 + beat * wave * a[:, :, None]
    bg[:, :, 0] = np.roll(bg[:, :, 0], 1, axis=1)
    bg[:, :, 2] = np.roll(bg[:, :, 2], -1, axis=1)
    shot = Shot(bg, h_mon @ h_page, page, [f"page on a monitor photographed: pixel-grid moiré (beat {beat:.3f}), colour fringes"])
    shot.screen = True
    return shot


def as_is(page: Page, long_side: int, angle: float = 0.0) -> Shot:
    """A picture that already is a photo: resized, optionally turned and cropped to the largest
    upright rectangle so no empty corners show."""
    s = long_side / max(page.w, page.h)
    w, h = int(round(page.w * s)), int(round(page.h * s))
    notes = []
    if s >= 2:  # an enlarged small photo is soft however it is captured
        page.soft_source = True
        notes.append(f"enlarged ×{s:.1f} from a {max(page.w, page.h)} px source: soft")
    if not angle:
        hm = np.diag([w / page.w, h / page.h, 1.0])
        img = resize(page.img, w, h)
        return Shot(img, hm, page, notes)
    a = math.radians(abs(angle))
    # the turned picture's inscribed axis-aligned rectangle with the same aspect
    k = 1 / (math.cos(a) + math.sin(a) * max(w / h, h / w))
    cw, ch = int(w * k), int(h * k)
    q = geo.page_quad(page.w, page.h, cw / 2, ch / 2, w, angle)
    hm = geo.homography(geo.corners(page.w, page.h), q)
    bg = np.zeros((ch, cw, 3), np.float32)
    _composite(bg, page, hm)
    return Shot(bg, hm, page, notes + [f"turned {angle:+.1f}° and cropped"])
