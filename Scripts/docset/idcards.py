"""Resident ID card faces at any size (after samples.pictures.make_id_front/back), and a sheet
with both sides photocopied onto paper."""

from __future__ import annotations

import math

import numpy as np

from samples.marks import digits_line, glyph, rounded_rect_mask, text_line
from samples.raster import blend, disc_mask, polygon_mask, rgb, star_points

from . import capture, corpus
from . import geometry as geo
from .page import Page
from .pages import paper
from .pixels import resize

RATIO = 85.6 / 54.0


def _blank(rng, cw: int, ch: int) -> np.ndarray:
    """Card stock: a pale cyan-to-cream diagonal gradient with faint guilloche waves."""
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    t = (xx / cw + yy / ch) / 2
    card = np.empty((ch, cw, 3), np.float32)
    shift = rng.uniform(-8, 8, 3)
    for c, (a, b) in enumerate(((200, 226), (212, 230), (224, 236))):
        card[:, :, c] = a + shift[c] + (b - a) * t
    k = cw / 780
    waves = 0.5 + 0.5 * np.sin(xx / (9.0 * k) + 6 * np.sin(yy / (37.0 * k)))
    card -= (waves * rng.uniform(4, 8))[:, :, None] * rgb(0.6, 0.4, 0.1)
    return card


def front(rng, cw: int, face_rel: str) -> Page:
    ch = int(round(cw / RATIO))
    k = cw / 780
    card = _blank(rng, cw, ch)
    label = rgb(70, 105, 150)
    black = rgb(20, 20, 24)
    y = int(50 * k)
    for labels, chars in [(2, 3), (2, 1), (2, 8), (2, 12), (0, 12)]:
        for i in range(labels):
            glyph(card, rng, int((45 + i * 24) * k), y + int(2 * k), int(20 * k), label, weight=max(1, int(2 * k)))
        if chars:
            text_line(card, rng, int(120 * k), y, int(min(chars, 11) * 30 * k), int(25 * k), black, gap=0.18, punct=False)
        y += int((56 if labels else 44) * k)
    for i in range(6):
        glyph(card, rng, int((45 + i * 24) * k), ch - int(78 * k), int(20 * k), label, weight=max(1, int(2 * k)))
    digits_line(card, rng, int(215 * k), ch - int(82 * k), 18, int(30 * k), black)
    fw, fh = int(220 * k), int(270 * k)
    face = resize(corpus.face_crop(face_rel), fw, fh)
    face = face * 0.9 + 20  # printed on the card: a little flatter than the photo
    px, py = cw - fw - int(48 * k), int(60 * k)
    card[py:py + fh, px:px + fw] = face * 0.92 + card[py:py + fh, px:px + fw] * 0.08
    page = Page(card, role="id_card_front", label="id_card", id_side="front", faces=1,
                alpha=rounded_rect_mask(ch, cw, 32 * k))
    page.face_pts = np.array([[px, py], [px + fw, py], [px + fw, py + fh], [px, py + fh], [px + fw / 2, py + fh / 2]], float)
    page.notes.append(f"ID card front, portrait from {face_rel.split('/')[-1]}")
    return page


def back(rng, cw: int) -> Page:
    ch = int(round(cw / RATIO))
    k = cw / 780
    card = _blank(rng, cw, ch)
    r = int(62 * k)
    ex, ey = int(60 * k) + r, int(45 * k) + r
    rim = disc_mask(r + max(2, int(6 * k)), r)
    blend(card, rim, rgb(220, 175, 60), ex - rim.shape[1] // 2, ey - rim.shape[0] // 2)
    d = disc_mask(r)
    blend(card, d, rgb(205, 32, 32), ex - d.shape[1] // 2, ey - d.shape[0] // 2)
    s = 2 * r
    stars = polygon_mask(s, s, star_points(r - 22 * k, r - 8 * k, 24 * k, 9.5 * k))
    for j in range(4):
        a = math.radians(-60 + j * 40)
        stars = np.maximum(stars, polygon_mask(s, s, star_points(r - 22 * k + 42 * k * math.cos(a), r - 8 * k + 42 * k * math.sin(a),
                                                                  8 * k, 3.2 * k, rot=a + math.pi)))
    blend(card, stars, rgb(250, 212, 60), ex - r, ey - r)
    title = rgb(30, 30, 34)
    for i in range(7):
        glyph(card, rng, int((260 + i * 62) * k), int(70 * k), int(48 * k), title, weight=max(2, int(7 * k)))
    for i in range(5):
        glyph(card, rng, int((230 + i * 90) * k), int(160 * k), int(64 * k), title, weight=max(2, int(9 * k)))
    label, black = rgb(70, 105, 150), rgb(20, 20, 24)
    for row, y in enumerate((ch - int(140 * k), ch - int(80 * k))):
        for i in range(4):
            glyph(card, rng, int((150 + i * 26) * k), y + int(2 * k), int(21 * k), label, weight=max(1, int(2 * k)))
        if row == 0:
            text_line(card, rng, int(280 * k), y, int(330 * k), int(26 * k), black, punct=False)
        else:
            digits_line(card, rng, int(280 * k), y, 10, int(28 * k), black)
            digits_line(card, rng, int((280 + 10 * 18 + 30) * k), y, 10, int(28 * k), black)
    page = Page(card, role="id_card_back", label="id_card", id_side="back", faces=0,
                alpha=rounded_rect_mask(ch, cw, 32 * k))
    page.notes.append("ID card back: red emblem with yellow stars (an emblem, not a seal)")
    return page


def both_sides_sheet(rng, W: int, face_rel: str) -> Page:
    """Both sides copied onto one A4 sheet, front above back, each slightly askew."""
    H = int(W * 1.414)
    img, _ = paper(rng, W, H, "white")
    sheet = Page(img, role="id_card_both_sides", label="id_card", id_side="both", faces=1)
    cw = int(W * rng.uniform(0.5, 0.64))
    for card, cy in ((front(rng, cw, face_rel), H * rng.uniform(0.26, 0.32)), (back(rng, cw), H * rng.uniform(0.6, 0.68))):
        q = geo.page_quad(card.w, card.h, W / 2 + rng.uniform(-0.04, 0.04) * W, cy, cw, rng.uniform(-2.5, 2.5))
        hm = geo.homography(geo.corners(card.w, card.h), q)
        capture._composite(sheet.img, card, hm, shadow=(1, 1, 1, 0.25))
        if card.face_pts is not None:
            sheet.face_pts = geo.apply(hm, card.face_pts)
    sheet.notes.append(f"both ID card sides on one A4 sheet, portrait from {face_rel.split('/')[-1]}")
    return sheet
