"""Pictures that are not documents: corpus photos re-framed, synthetic walls, whiteboards and
skies, and backdrop portraits (after samples.pictures.make_photo)."""

from __future__ import annotations

import math

import numpy as np

from samples.marks import rounded_rect_mask

from . import corpus
from .pixels import box_blur, field, resize, soft_ellipse


def reframe(rng, rel: str, long_side: int, box=(0.0, 0.0, 1.0, 1.0), flip: bool = False,
            gain: float = 1.0, gamma: float = 1.0, sat: float = 1.0) -> np.ndarray:
    """A corpus photo cropped to a box (fractions), mirrored, exposure and colour changed, sized."""
    img = corpus.view(rel)
    h, w = img.shape[:2]
    x0, y0, x1, y1 = int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)
    img = img[y0:y1, x0:x1]
    if flip:
        img = img[:, ::-1]
    hh, ww = img.shape[:2]
    s = long_side / max(hh, ww)
    img = resize(img, max(1, round(ww * s)), max(1, round(hh * s)))
    grey = img.mean(axis=2, keepdims=True)
    img = grey + (img - grey) * sat
    img = 255 * np.clip(img * gain / 255, 0, 1) ** gamma
    return img


def wall_with_switch(rng, w: int, h: int) -> np.ndarray:
    """A painted wall with a light switch plate (and sometimes a socket): bright, low texture."""
    base = np.array([1.0, rng.uniform(0.985, 1.0), rng.uniform(0.95, 0.99)], np.float32) * rng.uniform(205, 240)
    img = np.empty((h, w, 3), np.float32)
    img[:] = base
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    img *= (1 + 0.12 * ((xx / w - 0.5) * math.cos(a) + (yy / h - 0.5) * math.sin(a)))[:, :, None]
    img += (field(rng, h, w, 30) * 1.5 + field(rng, h, w, 5) * 3)[:, :, None]
    size = int(min(w, h) * rng.uniform(0.12, 0.22))
    plates = [(int(w * rng.uniform(0.3, 0.7)), int(h * rng.uniform(0.25, 0.55)))]
    if rng.random() < 0.5:
        plates.append((plates[0][0], plates[0][1] + int(size * 1.5)))
    for n, (cx, cy) in enumerate(plates):
        m = rounded_rect_mask(size, size, size * 0.08)
        x0, y0 = cx - size // 2, cy - size // 2
        sh = box_blur(m[:, :, None], max(1, size // 25), 2)[:, :, 0]
        d = max(2, size // 30)
        img[y0 + d:y0 + d + size, x0 + d:x0 + d + size] *= (1 - 0.25 * sh)[:, :, None]
        plate = np.array([248, 248, 246], np.float32) * rng.uniform(0.97, 1.0)
        img[y0:y0 + size, x0:x0 + size] = img[y0:y0 + size, x0:x0 + size] * (1 - m[:, :, None]) + plate * m[:, :, None]
        if n == 0:  # rocker: an inner rectangle with a shaded lower edge
            rw, rh = int(size * 0.42), int(size * 0.55)
            rx, ry = cx - rw // 2, cy - rh // 2
            img[ry:ry + rh, rx:rx + rw] *= 0.97
            img[ry + rh - max(2, size // 40):ry + rh, rx:rx + rw] *= 0.85
        else:  # socket: two round holes
            for dx in (-1, 1):
                hole = soft_ellipse(size, size, size / 2 + dx * size * 0.18, size / 2, size * 0.05, size * 0.05, edge=0.3)
                img[y0:y0 + size, x0:x0 + size] *= (1 - 0.7 * hole)[:, :, None]
    return img


def whiteboard(rng, w: int, h: int) -> np.ndarray:
    """A whiteboard: glossy near-white with a broad highlight, faint erased-marker ghosts and an
    aluminium frame that may run out of the picture."""
    img = np.empty((h, w, 3), np.float32)
    img[:] = np.array([0.985, 0.99, 1.0], np.float32) * rng.uniform(228, 246)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    band = np.exp(-(((xx - w * rng.uniform(0.2, 0.8)) * 0.8 + (yy - h * 0.4) * 0.6) / (w * 0.18)) ** 2)
    img += (band * rng.uniform(6, 14))[:, :, None]
    ghost = np.clip(field(rng, h, w, 14) - 0.3, 0, 1) * rng.uniform(6, 14)
    img -= ghost[:, :, None] * np.array([0.8, 0.9, 0.6], np.float32)
    m = int(min(w, h) * rng.uniform(0.03, 0.08))
    frame = np.array([185, 188, 192], np.float32)
    for sl in (np.s_[:m], np.s_[-m:]):
        img[sl] = frame
        img[:, sl] = frame
    img = np.clip(img, 0, 255)
    return img


def sky(rng, w: int, h: int) -> np.ndarray:
    """A bright sky: blue to pale gradient, soft clouds, sometimes a sun glare and a low skyline."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = (yy / h)[:, :, None]
    top = np.array([rng.uniform(60, 110), rng.uniform(130, 170), rng.uniform(210, 240)], np.float32)
    low = np.array([rng.uniform(200, 225), rng.uniform(220, 235), rng.uniform(238, 250)], np.float32)
    img = top * (1 - t) + low * t
    qh, qw = max(8, h // 4), max(8, w // 4)
    c = sum(field(rng, qh, qw, cells) * wt for cells, wt in ((4, 0.5), (9, 0.3), (20, 0.2)))
    c = box_blur(c[:, :, None], 2, 2)
    c = np.clip(c * 1.6 + rng.uniform(-0.15, 0.25), 0, 1)
    clouds = resize(c, w, h)[:, :, 0]
    img = img * (1 - clouds[:, :, None]) + np.array([248, 248, 250], np.float32) * clouds[:, :, None]
    if rng.random() < 0.6:
        sun = soft_ellipse(h, w, w * rng.uniform(0.2, 0.8), h * rng.uniform(0.1, 0.5), w * 0.04, w * 0.04, edge=4)
        img = img * (1 - sun[:, :, None]) + 255 * sun[:, :, None]
    if rng.random() < 0.6:
        line = h * rng.uniform(0.85, 0.95) + field(rng, 1, w, 20)[0] * h * 0.04
        img[yy > line[None, :]] = np.array([40, 45, 40], np.float32) * rng.uniform(0.7, 1.3)
    return img


def rekey_backdrop(person: np.ndarray, colour, rng) -> np.ndarray:
    """Swap a plain light backdrop for another colour."""
    h, w = person.shape[:2]
    m = backdrop_mask(person)
    back = backdrop(rng, w, h, colour)
    return person * (1 - m[:, :, None]) + back * m[:, :, None]


def backdrop_mask(person: np.ndarray) -> np.ndarray:
    """Where a portrait shows its plain light backdrop (1) rather than the person (0): what is
    close to a colour plane fitted along the top and side borders and connected to those borders
    (so a light forehead inside the hair is not counted); found at quarter size, with a soft edge."""
    h, w = person.shape[:2]
    sm = resize(person, max(8, w // 4), max(8, h // 4))
    hs, ws = sm.shape[:2]
    yy, xx = np.mgrid[0:hs, 0:ws]
    top = int(hs * 0.7)
    border = np.zeros((hs, ws), bool)
    border[:2] = True
    border[:top, :2] = True
    border[:top, -2:] = True
    fit = border & (sm.mean(axis=2) > 150)  # the backdrop is light: hair and clothes stay out of the fit
    for _ in range(2):  # refit once without the outliers of the first plane
        A = np.c_[np.ones(fit.sum()), xx[fit], yy[fit]]
        coef, *_ = np.linalg.lstsq(A, sm[fit], rcond=None)
        plane = coef[0] + xx[:, :, None] * coef[1] + yy[:, :, None] * coef[2]
        fit &= np.sqrt(((sm - plane) ** 2).sum(axis=2)) < 20
    plane = coef[0] + xx[:, :, None] * coef[1] + yy[:, :, None] * coef[2]
    cand = np.sqrt(((sm - plane) ** 2).sum(axis=2)) < 30
    region = border & cand
    for _ in range(hs + ws):  # flood fill from the borders through backdrop-coloured pixels
        grown = region.copy()
        grown[1:] |= region[:-1]
        grown[:-1] |= region[1:]
        grown[:, 1:] |= region[:, :-1]
        grown[:, :-1] |= region[:, 1:]
        grown &= cand
        if (grown == region).all():
            break
        region = grown
    m = resize(region.astype(np.float32)[:, :, None], w, h)[:, :, 0]
    return np.clip((m - 0.25) / 0.5, 0, 1)


def backdrop(rng, w: int, h: int, colour) -> np.ndarray:
    """Backdrop cloth (as in samples.pictures.make_photo): vertical gradient, folds, mottling."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    c = np.asarray(colour, np.float32)
    img = c * (1 - 0.08 * (yy / h))[:, :, None]
    img *= (1 - 0.10 * ((xx - w / 2) / (w / 2)) ** 2)[:, :, None]
    folds = np.zeros((h, w), np.float32)
    for _ in range(6):
        ang = rng.uniform(-0.5, 0.5) + math.pi / 2
        f, ph = rng.uniform(0.006, 0.02), rng.uniform(0, 2 * math.pi)
        folds += np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * f * 2 * math.pi + ph)
    img *= (1 + 0.04 * folds / 6 + 0.03 * field(rng, h, w, 12))[:, :, None]
    return img


def keyed_portrait(rng, rel: str, colour, long_side: int) -> np.ndarray:
    """An ID-style photo: the person from a plain-backdrop corpus portrait on a new backdrop."""
    img = corpus.view(rel)
    h, w = img.shape[:2]
    s = long_side / max(h, w)
    img = resize(img, round(w * s), round(h * s))
    return rekey_backdrop(img, colour, rng)


def group(rng, main: str, others: list, colour, long_side: int, scales: list, sides: list) -> np.ndarray:
    """One person large in front, as in a portrait, and others smaller behind them (standing
    further back, partly hidden by the first): a group photo whose largest face is framed like the
    administrator's, which must never pass as one person's portrait. One person behind on each of
    `sides` ("left", "right"), their face clear of the one in front (a person whose own photo was
    not a plain backdrop brings a rectangle of it along, which hides whatever is behind)."""
    h, w = int(long_side * 0.75), long_side

    def person_at(rel, scale):
        person = corpus.view(rel)
        s = h * scale / person.shape[0]
        person = resize(person, max(1, round(person.shape[1] * s)), max(1, round(person.shape[0] * s)))
        keyed = person[:8].mean() > 150  # a light plain backdrop to key out
        return person, backdrop_mask(person) if keyed else np.zeros(person.shape[:2], np.float32)

    img = backdrop(rng, w, h, colour)
    front, front_mask = person_at(main, 0.95)
    fx0 = (w - front.shape[1]) // 2
    for rel, scale, side in zip(others, scales, sides):
        person, m = person_at(rel, scale)
        # Smaller, as if further back, until the face fits between the one in front and the edge.
        while min(fx0, w - fx0 - front.shape[1]) < 0.45 * person.shape[1] and scale > 0.15:
            scale *= 0.85
            person, m = person_at(rel, scale)
        ph, pw = person.shape[:2]
        # The face (the middle two fifths of the person's width) just clear of the one in front.
        cx = fx0 - 0.25 * pw if side == "left" else fx0 + front.shape[1] + 0.25 * pw
        x0 = int(cx - pw / 2)
        y0 = max(0, h - ph - int(h * rng.uniform(0.05, 0.2)))  # further back stands higher
        sx0, sx1 = max(0, -x0), min(pw, w - x0)
        rows = min(ph, h - y0)
        if sx1 <= sx0:
            continue
        region = img[y0:y0 + rows, x0 + sx0:x0 + sx1]
        region[:] = person[:rows, sx0:sx1] * (1 - m[:rows, sx0:sx1, None]) + region * m[:rows, sx0:sx1, None]
    region = img[h - front.shape[0]:, fx0:fx0 + front.shape[1]]
    region[:] = front * (1 - front_mask[:, :, None]) + region * front_mask[:, :, None]
    return img


def two_people(rng, left: str, right: str, colour, long_side: int, second_scale: float) -> np.ndarray:
    """Two people side by side before one backdrop, the second a little further back: what must
    never pass as the administrator's photo, however well each face is framed. A person from a
    plain-backdrop portrait stands on the new backdrop; one from another photo brings their own
    surroundings along (a rectangle), as if standing in front of something else."""
    h, half = int(long_side * 0.75), long_side // 2
    img = backdrop(rng, long_side, h, colour)
    for slot, (rel, scale) in enumerate(((left, 1.0), (right, second_scale))):
        person = corpus.view(rel)
        s = h * scale * 0.95 / person.shape[0]
        person = resize(person, round(person.shape[1] * s), round(person.shape[0] * s))
        keyed = person[:8].mean() > 150  # a light plain backdrop to key out
        m = backdrop_mask(person) if keyed else np.zeros(person.shape[:2], np.float32)
        ph, pw = person.shape[:2]
        cut = max(0, (pw - half) // 2)
        person, m = person[:, cut:cut + half], m[:, cut:cut + half]
        x0 = slot * half + (half - person.shape[1]) // 2
        region = img[h - ph:, x0:x0 + person.shape[1]]
        region[:] = person * (1 - m[:, :, None]) + region * m[:, :, None]
    return img
