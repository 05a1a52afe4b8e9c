"""Hand-held ID photos: a person from a corpus portrait holding an ID card (front or back) up by
the chest or beside the face, the card turned a little, fingers over its edges."""

from __future__ import annotations

import numpy as np

from . import capture, idcards
from . import geometry as geo
from .photos import reframe
from .pixels import soft_ellipse


def held_card(rng, rel: str, side: str, place: str, long_side: int, face_rel: str) -> np.ndarray:
    img = reframe(rng, rel, long_side).astype(np.float32)
    h, w = img.shape[:2]
    cw = int(w * rng.uniform(0.3, 0.45))
    card = idcards.front(rng, cw, face_rel) if side == "front" else idcards.back(rng, cw)
    if place == "chest":
        cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.72, 0.8)
    else:  # beside the face, on the side given
        cx, cy = w * (rng.uniform(0.18, 0.26) if place == "left" else rng.uniform(0.74, 0.82)), h * rng.uniform(0.5, 0.62)
    quad = geo.page_quad(card.w, card.h, cx, cy, cw, rng.uniform(-12, 12), rng.uniform(0, 15), rng.uniform(0, 180))
    capture._composite(img, card, geo.homography(geo.corners(card.w, card.h), quad), shadow=(2, 3, 4, 0.3))
    # Thumb and finger tips over the card's lower corners (or its sides).
    skin = np.array([rng.uniform(200, 235), rng.uniform(150, 180), rng.uniform(125, 150)], np.float32)
    for corner in (quad[3], quad[2]) if rng.random() < 0.6 else (quad[0], quad[3]):
        m = soft_ellipse(h, w, corner[0] + rng.uniform(-0.04, 0.04) * cw, corner[1] - rng.uniform(0, 0.06) * cw,
                         cw * rng.uniform(0.06, 0.09), cw * rng.uniform(0.11, 0.16), rng.uniform(-0.6, 0.6), edge=0.15)
        shade = 1 - 0.25 * soft_ellipse(h, w, corner[0], corner[1] + cw * 0.05, cw * 0.09, cw * 0.18, 0, edge=0.3)
        img = img * (1 - m[:, :, None]) + (skin * shade[:, :, None]) * m[:, :, None]
    return img
