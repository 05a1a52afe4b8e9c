"""Synthetic documents as flat pages: authenticity statements, business licences, domain
certificates, letters and receipts. Layout sizes are fractions of the page width, so a page can be
drawn at any resolution; every choice not passed in comes from the item's generator."""

from __future__ import annotations

import numpy as np

from samples.marks import glyph, qr_like, text_line
from samples.raster import blend, disc_mask, fill_rect, polygon_mask, rect_outline, rgb, star_points

from . import seals as sl
from .page import Page
from .pixels import field
from .writing import INKS, centred_title, digits, latin_line, paragraph, signature

PAPERS = {
    "white": (250, 250, 248), "cream": (248, 243, 228), "cool": (242, 246, 251),
    "recycled": (233, 230, 221), "yellowed": (242, 233, 208),
}


def paper(rng, w: int, h: int, tint: str | None = None):
    """Paper of a tint, with slow brightness variation and a little fibre."""
    tint = tint or str(rng.choice(list(PAPERS), p=[0.45, 0.2, 0.15, 0.1, 0.1]))
    img = np.empty((h, w, 3), np.float32)
    img[:] = PAPERS[tint]
    img += (field(rng, h, w, 6) * rng.uniform(1.5, 5))[:, :, None]
    return img, tint


def printed(rng) -> np.ndarray:
    """Printer black: never quite 0, sometimes a little warm or cool."""
    v = rng.uniform(18, 50)
    return np.array([v, v, v], np.float32) + rng.uniform(-5, 5, 3).astype(np.float32)


def stamp_page(page: Page, rng, cx: int, cy: int, style: sl.SealStyle) -> None:
    if page.seal is None:
        page.seal = np.zeros(page.img.shape[:2], np.float32)
    sl.stamp(page.img, page.seal, rng, cx, cy, style)
    page.notes.append(style.describe())


def _finish(page: Page) -> Page:
    """Pages stay crisp here: the capture adds the softness (scanner, lens, screen)."""
    return page


def _table(img, rng, x0: int, x1: int, y: int, rows: int, row_h: int, s: int, dark, grey) -> int:
    cols = int(rng.integers(2, 5))
    wts = rng.uniform(0.6, 1.6, cols)
    xs = [x0] + list((x0 + np.cumsum(wts / wts.sum()) * (x1 - x0)).astype(int))
    t = max(1, s // 10)
    if rng.random() < 0.5:  # shaded header row
        fill_rect(img, x0, y, x1, y + row_h, rgb(228, 228, 226))
    for i in range(rows + 1):
        fill_rect(img, x0, y + i * row_h, x1, y + i * row_h + t, dark)
    for x in xs:
        fill_rect(img, x, y, x + t, y + rows * row_h + t, dark)
    cs = max(9, int(s * 0.9))
    for i in range(rows):
        cy = y + i * row_h + (row_h - cs) // 2
        for c in range(cols):
            cw = xs[c + 1] - xs[c] - cs
            frac = 0.55 if (c % 2 == 0 or i == 0) else rng.uniform(0.2, 0.95)
            if rng.random() < 0.15 and i > 0:
                digits(img, rng, xs[c] + cs // 2, cy, int(cw * 0.6 / (cs * 0.65)), cs, grey)
            else:
                text_line(img, rng, xs[c] + cs // 2, cy, int(cw * frac), cs, dark if c % 2 == 0 else grey, punct=False)
    return y + rows * row_h + t


def statement(rng, W: int, seal: sl.SealStyle | None, ink: str | None = "black", sig_over_seal: bool = True,
              red_neg=(), text_scale: float = 1.0, seal_shift=(0.0, 0.0)) -> Page:
    """Portrait A4 authenticity statement: title, body, a table, more body, signature block."""
    H = int(W * 1.414)
    img, tint = paper(rng, W, H)
    page = Page(img, role="authenticity_statement", ink=ink)
    page.notes.append(f"{tint} paper")
    m = int(W * rng.uniform(0.07, 0.11))
    s = max(11, int(W * rng.uniform(0.013, 0.02) * text_scale))
    dark, grey = printed(rng), printed(rng) + 25
    title_col = sl.red_heading_colour(rng) if "red_heading" in red_neg else dark
    ts = int(s * rng.uniform(1.6, 2.4))
    chars = int(min(rng.integers(6, 13), (W - 2 * m) // (ts * 1.2)))
    y = int(H * rng.uniform(0.045, 0.075))
    centred_title(img, rng, y, chars, ts, title_col)
    if "red_heading" in red_neg:
        page.notes.append("red title (not a seal)")
    y += ts + int(s * rng.uniform(1.0, 1.8))
    if rng.random() < 0.6:
        fill_rect(img, m, y, W - m, y + max(2, s // 8), title_col if "red_heading" in red_neg else dark)
        y += s
    lead = rng.uniform(1.55, 2.0)
    n1, rows, n2 = int(rng.integers(3, 13)), int(rng.integers(4, 11)), int(rng.integers(2, 9))
    row_h = int(s * rng.uniform(2.0, 2.6))
    sig_h = int(s * 8.5)
    bottom = H - int(m * 0.7) - sig_h
    need = lambda: (n1 + n2) * s * lead + rows * row_h + 3 * s
    k = 0
    while y + need() > bottom and (n1 + rows + n2) > 6:
        if k % 3 == 0 and n1 > 1:
            n1 -= 1
        elif k % 3 == 1 and rows > 3:
            rows -= 1
        elif n2 > 1:
            n2 -= 1
        k += 1
    spots = []
    y0 = y
    y = paragraph(img, rng, m, y, W - 2 * m, n1, s, lead, grey)
    spots += [(m + int(s * 3), m + int(s * 9), y0 + int(i * s * lead)) for i in range(1, n1, 2)]
    y = _table(img, rng, m, W - m, y + s, rows, row_h, s, dark, grey) + int(s * 1.5)
    y1 = y
    y = paragraph(img, rng, m, y, W - 2 * m, n2, s, lead, grey)
    spots += [(m + int(s * 5), m + int(s * 12), y1 + int(i * s * lead)) for i in range(n2 - 1)]
    # signature block: label, signature, stamp label, date
    yb = int(min(max(y + s * 2, H * 0.74), H - m * 0.7 - sig_h))
    left = rng.random() < 0.25
    bw = int(W * 0.42)
    xb = m if left else W - m - bw
    lab = int(rng.integers(4, 7))
    lw = int(lab * s * 1.1)
    for i in range(lab):
        glyph(img, rng, xb + int(i * s * 1.1), yb, s, dark)
    for i in range(4):
        glyph(img, rng, xb + int(i * s * 1.1), yb + int(s * 3), s, dark)
    text_line(img, rng, xb + lw + s, yb + int(s * 3), int(bw * 0.45), s, dark, punct=False)
    for i in range(2):
        glyph(img, rng, xb + int(i * s * 1.1), yb + int(s * 5.6), s, dark)
    digits(img, rng, xb + int(2.5 * s * 1.1), yb + int(s * 5.6), 10, s, dark)
    sig = lambda: signature(img, rng, xb + lw + s, yb - int(s * 0.3), int(W * rng.uniform(0.13, 0.22)),
                            int(s * rng.uniform(2.0, 3.2)), INKS[ink], max(1.4, s / 9))
    scx = xb + lw + int(W * 0.1 + seal_shift[0] * W) if seal else 0
    scy = yb + int(s * 3.6 + seal_shift[1] * W) if seal else 0
    if seal is not None and sig_over_seal:
        stamp_page(page, rng, scx, scy, seal)
    if ink:
        sig()
        page.notes.append(f"{ink}-ink signature")
    else:
        page.notes.append("no handwritten signature")
    if seal is not None and not sig_over_seal:
        stamp_page(page, rng, scx, scy, seal)
    if seal is not None:
        page.notes.append("signature drawn across the seal" if sig_over_seal and ink else "seal over the signature block")
    if "red_pen" in red_neg:
        page.notes.append(sl.red_pen_marks(img, rng, spots[:4], s))
    if "red_handwriting" in red_neg:
        page.notes.append(sl.red_handwriting(img, rng, m, int(H * 0.03) + ts // 2, int(W * 0.3), int(s * 1.4)))
    if "red_logo" in red_neg:
        page.notes.append(sl.red_logo(img, rng, m, int(H * 0.03), int(s * 2.2)))
    digits(img, rng, W // 2 - s // 2, H - int(m * 0.5), 1, s, grey)
    return _finish(page)


def _emblem(img, cx: int, cy: int, r: int) -> None:
    """A red disc with a yellow star: the national emblem stand-in (not a seal)."""
    d = disc_mask(r)
    blend(img, d, rgb(200, 35, 30), cx - d.shape[1] // 2, cy - d.shape[0] // 2)
    n = 2 * r + 2
    st = polygon_mask(n, n, star_points(n / 2, n / 2, r * 0.58, r * 0.23))
    blend(img, st, rgb(250, 205, 60), cx - n // 2, cy - n // 2)


def licence(rng, W: int, seal: sl.SealStyle | None, portrait: bool = False, text_scale: float = 1.0) -> Page:
    """Business licence (营业执照): ornamental border, emblem, big title, QR block, form rows,
    issuing authority with the seal at the bottom right. After samples.pictures.make_licence."""
    H = int(W * 1.414) if portrait else int(W * 0.706)
    img = np.empty((H, W, 3), np.float32)
    img[:] = rgb(250, 244, 226) + rng.uniform(-6, 4)
    img += (field(rng, H, W, 5) * 4.0)[:, :, None]
    page = Page(img, role="subject_certificate")
    k = W / 1600
    brown = rgb(140, 92, 45) + rng.uniform(-20, 20, 3).astype(np.float32)
    red = rgb(165, 40, 32)
    o, t = int(30 * k), max(3, int(14 * k))
    rect_outline(img, o, o, W - o, H - o, t, brown)
    o2 = int(58 * k)
    rect_outline(img, o2, o2, W - o2, H - o2, max(2, int(4 * k)), red)
    step, bead = max(8, int(24 * k)), max(3, int(8 * k))
    mid = (o + t + o2) // 2
    for x in range(o2 + step, W - o2 - step, step):
        fill_rect(img, x, mid - bead // 3, x + bead, mid + bead // 3, brown)
        fill_rect(img, x, H - mid - bead // 3, x + bead, H - mid + bead // 3, brown)
    for y in range(o2 + step, H - o2 - step, step):
        fill_rect(img, mid - bead // 3, y, mid + bead // 3, y + bead, brown)
        fill_rect(img, W - mid - bead // 3, y, W - mid + bead // 3, y + bead, brown)
    _emblem(img, W // 2, int(o2 + 60 * k), int(38 * k))
    title = rgb(140, 20, 22) + rng.uniform(-15, 15, 3).astype(np.float32)
    ts = int(96 * k * rng.uniform(0.85, 1.1))
    ty = int(o2 + 120 * k)
    x0 = (W - (3 * int(ts * 1.55) + ts)) // 2
    for i in range(4):
        glyph(img, rng, x0 + i * int(ts * 1.55), ty, ts, title, weight=max(3, ts // 7))
    dark = printed(rng)
    digits(img, rng, W // 2 - int(180 * k), ty + ts + int(25 * k), 18, max(9, int(22 * k)), dark)
    s = max(11, int(26 * k * text_scale))
    top = ty + ts + int(80 * k)
    px = max(2, int(7 * k * rng.uniform(0.8, 1.2)))
    if portrait:
        qr_like(img, rng, W - o2 - 40 * px, ty + ts + int(20 * k), 29, px)
        top += int(30 * px)
        x_label = o2 + int(60 * k)
    else:
        qr_like(img, rng, o2 + int(70 * k), top, 29, px)
        x_label = o2 + int(70 * k) + 33 * px + int(40 * k)
    x_value = x_label + int(s * 6.5)
    bottom = H - o2 - int(180 * k)
    rows = int(min(rng.integers(8, 14), (bottom - top) // int(s * 1.9)))
    y = top
    for r in range(rows):
        for i in range(4):
            glyph(img, rng, x_label + int(i * s * 1.3), y, s, dark)
        width = int(rng.uniform(0.4, 0.95) * (W - o2 - int(60 * k) - x_value))
        if r == 0:
            digits(img, rng, x_value, y, 18, s, dark)
        else:
            text_line(img, rng, x_value, y, width, s, dark, gap=0.15)
        y += int(s * 1.9)
    ax = W - o2 - int(470 * k)
    ay = H - o2 - int(140 * k)
    text_line(img, rng, ax, ay, int(320 * k), max(11, int(30 * k)), dark, punct=False)
    digits(img, rng, ax + int(50 * k), ay + int(55 * k), 10, max(10, int(28 * k)), dark)
    page.notes.append("red emblem and red title (not seals)")
    if seal is not None:
        stamp_page(page, rng, ax + int(190 * k), ay + int(20 * k), seal)
    return _finish(page)


def domain_certificate(rng, W: int, seal: sl.SealStyle | None, portrait: bool, text_scale: float = 1.0,
                       red_neg=()) -> Page:
    """Domain name certificate: a thin frame, a registrar logo, title, a few lines including a
    Latin domain line, a date, the registrar's seal at the bottom right."""
    H = int(W * 1.414) if portrait else int(W * 0.707)
    img, tint = paper(rng, W, H, str(rng.choice(["white", "cream", "cool"])))
    page = Page(img, role="domain_certificate")
    s = max(11, int(W * rng.uniform(0.014, 0.02) * text_scale))
    frame_col = rgb(*rng.choice([[40, 70, 140], [150, 120, 60], [90, 90, 95], [30, 100, 110]]))
    m = int(W * rng.uniform(0.04, 0.07))
    if rng.random() < 0.8:
        rect_outline(img, m, m, W - m, H - m, max(2, s // 4), frame_col)
        rect_outline(img, m + s // 2, m + s // 2, W - m - s // 2, H - m - s // 2, max(1, s // 10), frame_col)
    lx, ly = m + s * 2, m + s * 2
    if "red_logo" in red_neg:
        page.notes.append(sl.red_logo(img, rng, lx, ly, int(s * 2.6)))
    else:
        fill_rect(img, lx, ly, lx + int(s * 2.6), ly + int(s * 2.6), frame_col)
        glyph(img, rng, lx + int(s * 0.5), ly + int(s * 0.5), int(s * 1.6), rgb(250, 250, 250))
    dark = printed(rng)
    title_col = sl.red_heading_colour(rng) if "red_heading" in red_neg else frame_col * 0.6
    if "red_heading" in red_neg:
        page.notes.append("red title (not a seal)")
    ts = int(s * rng.uniform(2.2, 3.2))
    y = ly + int(s * 4.5)
    centred_title(img, rng, y, int(rng.integers(5, 9)), ts, title_col)
    y += ts + s * 2
    latin_line(img, rng, W // 2 - int(W * 0.18), y, int(W * 0.36), int(s * 1.1), dark)
    y += s * 3
    x0 = int(W * (0.16 if portrait else 0.2))
    for r in range(int(rng.integers(4, 8))):
        for i in range(4):
            glyph(img, rng, x0 + int(i * s * 1.1), y, s, dark)
        if r == 0:
            latin_line(img, rng, x0 + int(s * 6), y, int(W * 0.3), s, dark)
        elif r % 3 == 2:
            digits(img, rng, x0 + int(s * 6), y, 10, s, dark)
        else:
            text_line(img, rng, x0 + int(s * 6), y, int(W * rng.uniform(0.2, 0.45)), s, dark, punct=False)
        y += int(s * 2.2)
    ax, ay = W - m - int(W * 0.36), H - m - s * 7
    text_line(img, rng, ax, ay, int(W * 0.25), s, dark, punct=False)
    digits(img, rng, ax + s * 2, ay + int(s * 2.2), 10, s, dark)
    if rng.random() < 0.5:
        qr_like(img, rng, m + s * 3, H - m - s * 3 - 25 * max(2, s // 5), 25, max(2, s // 5))
    if seal is not None:
        stamp_page(page, rng, ax + int(W * 0.12), ay + s, seal)
    return _finish(page)


def letter(rng, W: int, seal: sl.SealStyle | None, latin: bool, red_neg=(), ink: str = "black",
           text_scale: float = 1.0) -> Page:
    """A letter on letterhead: company line, rule, date, paragraphs, a signature."""
    H = int(W * 1.414)
    img, tint = paper(rng, W, H)
    page = Page(img, role="unknown")
    page.notes.append(f"letter, {tint} paper, {'Latin' if latin else 'CJK'}-like text")
    m = int(W * rng.uniform(0.08, 0.12))
    s = max(11, int(W * rng.uniform(0.013, 0.019) * text_scale))
    dark, grey = printed(rng), printed(rng) + 20
    y = int(H * 0.05)
    if "red_stripe" in red_neg:
        page.notes.append(sl.red_stripe(img, rng, int(H * 0.015), max(4, int(s * 0.7))))
    if "red_logo" in red_neg:
        page.notes.append(sl.red_logo(img, rng, m, y, int(s * 2.5)))
        hx = m + int(s * 7)
    else:
        hx = m
    head_col = sl.red_heading_colour(rng) if "red_heading" in red_neg else dark
    if "red_heading" in red_neg:
        page.notes.append("red letterhead name (not a seal)")
    for i in range(int(rng.integers(5, 10))):
        glyph(img, rng, hx + int(i * s * 1.8), y, int(s * 1.6), head_col, weight=max(2, s // 5))
    y += int(s * 2.4)
    latin_line(img, rng, hx, y, int(W * 0.45), int(s * 0.7), grey)
    y += int(s * 1.6)
    fill_rect(img, m, y, W - m, y + max(1, s // 9), sl.red(rng) if "red_stripe" in red_neg else grey)
    y += s * 2
    digits(img, rng, W - m - s * 7, y, 10, s, dark)
    y += s * 3
    (latin_line if latin else text_line)(img, rng, m, y, int(W * 0.3), s, dark)
    y += s * 2
    lead = rng.uniform(1.5, 1.9)
    spots = []
    for _ in range(int(rng.integers(2, 5))):
        n = int(rng.integers(3, 7))
        if y + n * s * lead > H * 0.72:
            break
        spots.append((m + s * 4, m + s * 11, y))
        y = paragraph(img, rng, m, y, W - 2 * m, n, s, lead, grey, latin=latin) + s
    yb = int(max(y + s, H * 0.72))
    (latin_line if latin else text_line)(img, rng, m, yb, int(W * 0.2), s, dark)
    if "red_handwriting" in red_neg:
        page.notes.append(sl.red_handwriting(img, rng, m, yb + s * 2, int(W * 0.22), int(s * 2.4)))
    else:
        signature(img, rng, m, yb + s * 2, int(W * rng.uniform(0.14, 0.22)), int(s * 2.6), INKS[ink], max(1.4, s / 9))
        page.notes.append(f"{ink}-ink signature")
    latin_line(img, rng, m, yb + int(s * 5.5), int(W * 0.22), s, dark)
    if "red_pen" in red_neg:
        page.notes.append(sl.red_pen_marks(img, rng, spots, s))
    if seal is not None:
        stamp_page(page, rng, m + int(W * 0.2), yb + s * 3, seal)
    return _finish(page)


def receipt(rng, W: int, seal: sl.SealStyle | None, text_scale: float = 1.0) -> Page:
    """A till receipt or invoice slip: narrow paper, centred header, item rows with amounts,
    dashed rules, a total and a bar code; sometimes an oval invoice seal."""
    H = int(W * 3.2)  # cut to the content's length at the end
    img, _ = paper(rng, W, H, str(rng.choice(["white", "recycled", "cool"])))
    page = Page(img, role="unknown")
    page.notes.append("receipt")
    s = max(11, int(W * rng.uniform(0.022, 0.03) * text_scale))
    fade = rng.uniform(0, 60)
    dark = printed(rng) + fade
    m = int(W * 0.07)
    y = int(s * 2)
    centred_title(img, rng, y, int(rng.integers(4, 8)), int(s * 1.5), dark)
    y += int(s * 3)
    for _ in range(2):
        text_line(img, rng, m + s * 2, y, W - 2 * m - s * 4, int(s * 0.8), dark, punct=False)
        y += int(s * 1.5)
    dash = lambda yy: [fill_rect(img, x, yy, x + s // 2, yy + max(1, s // 10), dark) for x in range(m, W - m, s)]
    dash(y)
    y += s
    rows = int(rng.integers(20, 40))
    for _ in range(rows):
        if y > H * 0.8:
            break
        text_line(img, rng, m, y, int(W * rng.uniform(0.25, 0.5)), s, dark, punct=False)
        digits(img, rng, W - m - int(s * 0.65 + 2) * 6, y, 6, s, dark)
        y += int(s * 1.6)
    dash(y)
    y += s
    for i in range(2):
        glyph(img, rng, m + int(i * s * 1.3), y, int(s * 1.2), dark, weight=max(2, s // 5))
    digits(img, rng, W - m - int(s * 0.8 + 2) * 7, y, 7, int(s * 1.2), dark)
    y += s * 3
    bx = m + s
    while bx < W - m - s and y + s * 3 < H - s:
        bw = int(rng.integers(1, 4))
        fill_rect(img, bx, y, bx + bw, y + s * 3, dark)
        bx += bw + int(rng.integers(1, 4))
    page.img = np.ascontiguousarray(img[:y + s * 5])
    if seal is not None:
        stamp_page(page, rng, W // 2 + int(W * rng.uniform(-0.1, 0.15)), int(y - s * rng.uniform(4, 8)), seal)
    return _finish(page)
