"""The pictures: statement, licence, both ID card sides and the backdrop photo."""

from __future__ import annotations

import math
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

from .settings import *  # noqa: F401,F403
from .raster import *  # noqa: F401,F403
from .marks import *  # noqa: F401,F403

# ----------------------------------------------------------------------------------------------
# The documents


def make_statement(seal: bool) -> Image:
    """Authenticity statement (核验单): a scanned A4 page at 150 dpi."""
    rng = np.random.default_rng(1101)
    W, H = 1240, 1754
    paper = rgb(245, 243, 238)
    img = np.empty((H, W, 3), dtype=np.float32)
    img[:] = paper
    shade = smooth_field(rng, H, W, 6)
    img += (shade * 3.0)[:, :, None]
    dark = rgb(35, 35, 38)
    grey = rgb(70, 70, 74)
    margin = 110
    # title, centred, and a dark rule under it
    title_size = 44
    title_chars = 10
    tx = (W - title_chars * int(title_size * 1.15)) // 2
    for i in range(title_chars):
        glyph(img, rng, tx + i * int(title_size * 1.15), 120, title_size, dark, weight=6)
    fill_rect(img, margin, 190, W - margin, 198, rgb(30, 30, 35))
    fill_rect(img, margin, 204, W - margin, 206, rgb(30, 30, 35))
    # body text: ~30 rows around a table
    size = 22
    row_h = 38
    y = 240
    for r in range(12):
        indent = 2 * int(size * 1.2) if r in (0, 6) else 0
        width = W - 2 * margin - indent
        if r in (5, 11):
            width = int(width * rng.uniform(0.35, 0.7))
        text_line(img, rng, margin + indent, y, width, size, grey if r % 4 else dark)
        y += row_h
    # table grid: 8 rows × 4 columns, labels in the first and third column
    y += 20
    t_x0, t_x1 = margin, W - margin
    t_rows, t_rh = 8, 52
    cols = [t_x0, t_x0 + 200, t_x0 + 510, t_x0 + 710, t_x1]
    for i in range(t_rows + 1):
        fill_rect(img, t_x0, y + i * t_rh, t_x1, y + i * t_rh + 3, dark)
    for cx in cols:
        fill_rect(img, cx, y, cx + 3, y + t_rows * t_rh + 3, dark)
    for i in range(t_rows):
        cy = y + i * t_rh + (t_rh - 20) // 2
        for c in range(4):
            cw = cols[c + 1] - cols[c] - 24
            frac = 0.6 if c % 2 == 0 else rng.uniform(0.3, 0.9)
            text_line(img, rng, cols[c] + 12, cy, int(cw * frac), 20, dark if c % 2 == 0 else grey,
                      punct=False)
    y += t_rows * t_rh + 30
    for r in range(7):
        width = W - 2 * margin
        if r in (3, 6):
            width = int(width * rng.uniform(0.3, 0.6))
        text_line(img, rng, margin, y, width, size, grey if r % 3 else dark)
        y += row_h
    # signature block at the bottom right: a label, the signature, a date line
    sy = H - 270
    text_line(img, rng, W - 560, sy, 150, 24, dark, punct=False)
    signature(img, rng, W - 390, sy + 10, 230, 60)
    text_line(img, rng, W - 560, sy + 110, 150, 24, dark, punct=False)
    digits_line(img, rng, W - 390, sy + 110, 10, 26, rgb(30, 30, 60))
    if seal:  # its own generator, so the pages with and without the seal differ only by the seal
        red_seal(img, np.random.default_rng(1102), W - 300, sy + 30)
    # page number
    digits_line(img, rng, W // 2 - 10, H - 80, 1, 20, grey)
    img = blur3(img, 2)
    return add_noise(img, rng, DOC_NOISE)


def make_licence() -> Image:
    """Business licence (营业执照): a landscape certificate scanned at 150 dpi."""
    rng = np.random.default_rng(1202)
    W, H = 1600, 1130
    img = np.empty((H, W, 3), dtype=np.float32)
    img[:] = rgb(250, 244, 226)
    img += (smooth_field(rng, H, W, 5) * 4.0)[:, :, None]
    brown = rgb(140, 92, 45)
    red = rgb(165, 40, 32)
    # ornamental border: thick brown frame, thin red frame, a bead pattern between, corner blocks
    rect_outline(img, 30, 30, W - 30, H - 30, 14, brown)
    rect_outline(img, 58, 58, W - 58, H - 58, 4, red)
    for x in range(70, W - 70, 24):
        fill_rect(img, x, 47, x + 8, 53, brown)
        fill_rect(img, x, H - 53, x + 8, H - 47, brown)
    for y in range(70, H - 70, 24):
        fill_rect(img, 47, y, 53, y + 8, brown)
        fill_rect(img, W - 53, y, W - 47, y + 8, brown)
    for cx, cy in ((58, 58), (W - 58, 58), (58, H - 58), (W - 58, H - 58)):
        d = disc_mask(18)
        blend(img, d, red, cx - d.shape[1] // 2, cy - d.shape[0] // 2)
        d = disc_mask(8)
        blend(img, d, rgb(250, 244, 226), cx - d.shape[1] // 2, cy - d.shape[0] // 2)
    # national emblem at the top centre, then the big dark-red title
    em = disc_mask(38)
    blend(img, em, rgb(200, 35, 30), W // 2 - em.shape[1] // 2, 90)
    st = polygon_mask(80, 80, star_points(40, 40, 22, 9))
    blend(img, st, rgb(250, 205, 60), W // 2 - 40, 90 - 1)
    title = rgb(140, 20, 22)
    t_size = 96
    t_step = 150
    tx = (W - (3 * t_step + t_size)) // 2
    for i in range(4):
        glyph(img, rng, tx + i * t_step, 185, t_size, title, weight=14)
    # serial number row under the title
    digits_line(img, rng, W // 2 - 180, 305, 18, 22, rgb(40, 40, 40))
    # QR-like code at the left
    qr_like(img, rng, 130, 360)
    # ~12 text rows: a label column and a value column
    dark = rgb(30, 30, 32)
    x_label, x_value = 470, 640
    y = 360
    for r in range(12):
        for i in range(4):
            glyph(img, rng, x_label + i * 34, y, 26, dark)
        width = int(rng.uniform(0.45, 0.95) * (W - 120 - x_value))
        if r == 0:
            digits_line(img, rng, x_value, y, 18, 26, dark)
        else:
            text_line(img, rng, x_value, y, width, 26, dark, gap=0.15)
        y += 50
    # issuing authority and date at the bottom right, the seal over it
    text_line(img, rng, W - 520, H - 175, 320, 30, dark, punct=False)
    digits_line(img, rng, W - 470, H - 120, 10, 28, dark)
    red_seal(img, np.random.default_rng(1203), W - 330, H - 150)
    img = blur3(img, 2)
    return add_noise(img, rng, DOC_NOISE)


ID_W, ID_H = 856, 540
TABLE = rgb(104, 84, 68)


def card_base(rng: np.random.Generator):
    """A table surface with an ID card lying on it; returns (image, card x, card y, card w, card h)."""
    img = np.empty((ID_H, ID_W, 3), dtype=np.float32)
    img[:] = TABLE
    grain = smooth_field(rng, ID_H, ID_W, 40)
    img += (grain * 10)[:, :, None] * rgb(1.0, 0.85, 0.7)
    cw, ch = 780, 492
    cx, cy = (ID_W - cw) // 2, (ID_H - ch) // 2
    # a soft shadow under the card
    shadow = rounded_rect_mask(ch, cw, 32)
    ink(img, shadow * 0.45, rgb(60, 60, 60), cx + 6, cy + 8)
    yy, xx = grid(ch, cw)
    t = (xx / cw + yy / ch) / 2
    card = np.empty((ch, cw, 3), dtype=np.float32)
    for c, (a, b) in enumerate(((200, 226), (212, 230), (224, 236))):
        card[:, :, c] = a + (b - a) * t
    # faint guilloche waves, as on the real card
    waves = 0.5 + 0.5 * np.sin(xx / 9.0 + 6 * np.sin(yy / 37.0))
    card -= (waves * 6)[:, :, None] * rgb(0.6, 0.4, 0.1)
    return img, card, cx, cy, cw, ch


def finish_card(img: Image, card: Image, cx: int, cy: int, rng: np.random.Generator) -> Image:
    ch, cw = card.shape[:2]
    m = rounded_rect_mask(ch, cw, 32)[:, :, None]
    region = img[cy:cy + ch, cx:cx + cw]
    region[:] = region * (1 - m) + card * m
    img = blur3(img)
    return add_noise(img, rng, PHOTO_NOISE)


def make_id_front(astronaut: Image) -> Image:
    rng = np.random.default_rng(1303)
    img, card, cx, cy, cw, ch = card_base(rng)
    label = rgb(70, 105, 150)
    black = rgb(20, 20, 24)
    y = 50
    rows = [(2, 3), (2, 1), (2, 8), (2, 12), (0, 12)]
    for labels, chars in rows:
        for i in range(labels):
            glyph(card, rng, 45 + i * 24, y + 2, 20, label, weight=2)
        if chars:
            text_line(card, rng, 120, y, min(chars, 11) * 30, 25, black, gap=0.18, punct=False)
        y += 56 if labels else 44
    # ID number row at the bottom
    for i in range(6):
        glyph(card, rng, 45 + i * 24, ch - 78, 20, label, weight=2)
    digits_line(card, rng, 215, ch - 82, 18, 30, black)
    # portrait from the astronaut picture (head and shoulders)
    face = resize(astronaut[15:235, 150:330], 220, 270)
    px, py = cw - 220 - 48, 60
    card[py:py + 270, px:px + 220] = face * 0.92 + card[py:py + 270, px:px + 220] * 0.08
    return finish_card(img, card, cx, cy, rng)


def make_id_back() -> Image:
    rng = np.random.default_rng(1404)
    img, card, cx, cy, cw, ch = card_base(rng)
    # emblem: red disc with a big yellow star and four small ones, a golden rim
    r = 62
    ex, ey = 60 + r, 45 + r
    rim = disc_mask(r + 6, r)
    blend(card, rim, rgb(220, 175, 60), ex - rim.shape[1] // 2, ey - rim.shape[0] // 2)
    d = disc_mask(r)
    blend(card, d, rgb(205, 32, 32), ex - d.shape[1] // 2, ey - d.shape[0] // 2)
    yellow = rgb(250, 212, 60)
    s = 2 * r
    stars = polygon_mask(s, s, star_points(r - 22, r - 8, 24, 9.5))
    for k in range(4):
        a = math.radians(-60 + k * 40)
        sx = r - 22 + 42 * math.cos(a)
        sy = r - 8 + 42 * math.sin(a)
        stars = np.maximum(stars, polygon_mask(s, s, star_points(sx, sy, 8, 3.2, rot=a + math.pi)))
    blend(card, stars, yellow, ex - r, ey - r)
    # title: two rows of big glyphs to the right of the emblem
    title = rgb(30, 30, 34)
    for i in range(7):
        glyph(card, rng, 260 + i * 62, 70, 48, title, weight=7)
    for i in range(5):
        glyph(card, rng, 230 + i * 90, 160, 64, title, weight=9)
    # two rows at the bottom: issuing authority and validity
    label = rgb(70, 105, 150)
    black = rgb(20, 20, 24)
    for row, y in enumerate((ch - 140, ch - 80)):
        for i in range(4):
            glyph(card, rng, 150 + i * 26, y + 2, 21, label, weight=2)
        if row == 0:
            text_line(card, rng, 280, y, 330, 26, black, punct=False)
        else:
            digits_line(card, rng, 280, y, 10, 28, black)
            fill_rect(card, 280 + 10 * 18 + 4, y + 13, 280 + 10 * 18 + 24, y + 16, black)
            digits_line(card, rng, 280 + 10 * 18 + 30, y, 10, 28, black)
    return finish_card(img, card, cx, cy, rng)


def make_id_both(astronaut: Image) -> Image:
    """Both ID card sides on one A4 sheet, front above back: how many applicants scan them."""
    rng = np.random.default_rng(1606)
    W, H = 1240, 1754
    sheet = np.empty((H, W, 3), dtype=np.float32)
    sheet[:] = rgb(246, 245, 242)
    sheet += (smooth_field(rng, H, W, 5) * 3.0)[:, :, None]
    cw, ch = 780, 492
    for picture, top in ((make_id_front(astronaut), 240), (make_id_back(), H // 2 + 160)):
        y0, x0 = (ID_H - ch) // 2, (ID_W - cw) // 2
        card = picture[y0:y0 + ch, x0:x0 + cw]
        m = rounded_rect_mask(ch, cw, 32)[:, :, None]
        left = (W - cw) // 2
        region = sheet[top:top + ch, left:left + cw]
        region[:] = region * (1 - m) + card * m
    return add_noise(sheet, rng, DOC_NOISE)


def make_photo(astronaut: Image) -> Image:
    """Administrator photo: the astronaut in front of a blue backdrop cloth."""
    rng = np.random.default_rng(1505)
    W, H = 900, 1200
    yy, xx = grid(H, W)
    img = np.empty((H, W, 3), dtype=np.float32)
    top, bottom = rgb(46, 118, 208), rgb(34, 98, 186)
    t = (yy / H)[:, :, None]
    img[:] = top * (1 - t) + bottom * t
    # light falls off towards the sides
    vignette = 1 - 0.10 * ((xx - W / 2) / (W / 2)) ** 2
    img *= vignette[:, :, None]
    # fabric wrinkles: a few soft diagonal folds plus low-frequency mottling
    folds = np.zeros((H, W), dtype=np.float32)
    for _ in range(6):
        ang = rng.uniform(-0.5, 0.5) + math.pi / 2
        freq = rng.uniform(0.006, 0.02)
        ph = rng.uniform(0, 2 * math.pi)
        folds += np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * freq * 2 * math.pi + ph)
    folds /= 6
    mottle = smooth_field(rng, H, W, 12)
    img *= (1 + 0.05 * folds + 0.03 * mottle)[:, :, None]
    person = resize(astronaut, 700, 700)
    x0, y0 = (W - 700) // 2, H - 700
    img[y0:y0 + 700, x0:x0 + 700] = person
    img = blur3(img)
    return add_noise(img, rng, PHOTO_NOISE)


