"""Drawing a readable page with PIL: real CJK text, spaced labels, wrapped paragraphs, rules,
emblems, QR-like blocks, seals with real characters, a portrait; and the boxes of everything the
reader is meant to read (Field), in page pixels, so the capture can tell what stayed legible."""

from __future__ import annotations

import math
from dataclasses import dataclass, field as dfield

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from docset.pixels import field as noise_field


@dataclass
class Field:
    """One thing to read: key is 'title', 'credit_codes', 'id_numbers', 'names.subject',
    'names.holder' or 'validity' (value (from, until)); quads are the ink boxes (4×2, TL TR BR
    BL) of every line it occupies; em is the font size in page px."""
    key: str
    value: object
    quads: list
    em: float


def box_quad(x0, y0, x1, y1) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], float)


@dataclass
class Sheet:
    """A page being drawn. `base` is the float background (paper, card stock); text is drawn with
    PIL onto an RGB image, then seals and signatures with numpy in `finish`."""
    w: int
    h: int
    img: Image.Image = None
    fields: list = dfield(default_factory=list)
    seal: np.ndarray | None = None
    seal_boxes: list = dfield(default_factory=list)

    @classmethod
    def from_array(cls, arr: np.ndarray) -> "Sheet":
        h, w = arr.shape[:2]
        s = cls(w, h)
        s.img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
        s.draw = ImageDraw.Draw(s.img)
        return s

    # -- text ------------------------------------------------------------------------------------
    def text(self, x, y, s: str, font, fill, spacing: float = 0.0, anchor: str = "ls", stroke: int = 0) -> tuple:
        """Draw s with its baseline at y (anchor 'ls'), left at x, extra `spacing` px between
        characters, `stroke` px of fake bold. Returns the ink box (x0, y0, x1, y1)."""
        fill = tuple(int(c) for c in fill)
        kw = {"stroke_width": stroke, "stroke_fill": fill} if stroke else {}
        if not spacing:
            self.draw.text((x, y), s, font=font, fill=fill, anchor=anchor, **kw)
            return self.draw.textbbox((x, y), s, font=font, anchor=anchor, **({"stroke_width": stroke} if stroke else {}))
        boxes = []
        cx = x
        for ch in s:
            self.draw.text((cx, y), ch, font=font, fill=fill, anchor=anchor, **kw)
            if ch.strip():
                boxes.append(self.draw.textbbox((cx, y), ch, font=font, anchor=anchor))
            cx += font.getlength(ch) + spacing
        if not boxes:
            return (x, y, x, y)
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))

    def width(self, s: str, font, spacing: float = 0.0) -> float:
        return font.getlength(s) + spacing * max(0, len(s) - 1)

    def centred(self, cx, y, s, font, fill, spacing=0.0, stroke: int = 0) -> tuple:
        return self.text(cx - self.width(s, font, spacing) / 2, y, s, font, fill, spacing, stroke=stroke)

    def justified(self, x, y, s: str, font, fill, width: float) -> tuple:
        """Characters spread evenly over `width` (labels like 名　　称 set to the width of 法定代表人)."""
        if len(s) == 1:
            return self.text(x, y, s, font, fill)
        gap = (width - font.getlength(s)) / (len(s) - 1)
        return self.text(x, y, s, font, fill, spacing=max(0.0, gap))

    def wrap(self, x, y, s: str, font, fill, width: float, leading: float, keep=(), indent: float = 0.0,
             limit: int | None = None) -> tuple[float, dict]:
        """Draw s wrapped into lines of at most `width` px, never breaking inside any string of
        `keep` (names and numbers); returns (baseline y of the next line, {kept string: [ink
        boxes]}) so the kept strings can become fields."""
        tokens = _tokens(s, keep)
        lines, cur, cur_w = [], [], indent
        for t in tokens:
            tw = font.getlength(t)
            if cur and cur_w + tw > width and t not in "，。；、：）":
                lines.append(cur)
                cur, cur_w = [], 0.0
            cur.append(t)
            cur_w += tw
        if cur:
            lines.append(cur)
        if limit:
            lines = lines[:limit]
        found: dict = {}
        for i, line in enumerate(lines):
            cx = x + (indent if i == 0 else 0)
            for t in line:
                if t in keep:
                    b = self.text(cx, y, t, font, fill)
                    found.setdefault(t, []).append(b)
                else:
                    self.draw.text((cx, y), t, font=font, fill=tuple(int(c) for c in fill), anchor="ls")
                cx += font.getlength(t)
            y += leading
        return y, found

    def add(self, key: str, value, boxes, em: float) -> None:
        if isinstance(boxes, tuple):
            boxes = [boxes]
        self.fields.append(Field(key, value, [box_quad(*b) for b in boxes], float(em)))

    # -- marks -----------------------------------------------------------------------------------
    def line(self, pts, fill, width=1):
        self.draw.line([tuple(map(float, p)) for p in pts], fill=tuple(int(c) for c in fill), width=max(1, int(round(width))))

    def rect(self, x0, y0, x1, y1, outline=None, fill=None, width=1):
        self.draw.rectangle((x0, y0, x1, y1), outline=None if outline is None else tuple(int(c) for c in outline),
                            fill=None if fill is None else tuple(int(c) for c in fill), width=max(1, int(round(width))))

    def array(self) -> np.ndarray:
        return np.asarray(self.img, dtype=np.float32).copy()


def _tokens(s: str, keep) -> list[str]:
    out, i = [], 0
    keep = sorted((k for k in keep if k), key=len, reverse=True)
    while i < len(s):
        for k in keep:
            if s.startswith(k, i):
                out.append(k)
                i += len(k)
                break
        else:
            # latin words and numbers stay together
            j = i + 1
            if s[i].isascii() and s[i].isalnum():
                while j < len(s) and s[j].isascii() and (s[j].isalnum() or s[j] in ".-_/:"):
                    j += 1
            out.append(s[i:j])
            i = j
    return out


# ---------------------------------------------------------------------------------------------
# Backgrounds


def paper(rng, w: int, h: int, tone=(250, 249, 245), var: float = 3.0) -> np.ndarray:
    img = np.empty((h, w, 3), np.float32)
    img[:] = np.array(tone, np.float32)
    img += (noise_field(rng, h, w, 6) * var)[:, :, None]
    return img


def guilloche(rng, w: int, h: int, base_a, base_b, ink, strength: float, period: float) -> np.ndarray:
    """Card stock or certificate ground: a diagonal two-colour gradient with fine interference
    waves (the security print of ID cards and certificates)."""
    xx = np.arange(w, dtype=np.float32)[None, :]
    yy = np.arange(h, dtype=np.float32)[:, None]
    t = (xx / w + yy / h) / 2
    ph = rng.uniform(0, 6.28)
    waves = np.sin(xx / period + 5 * np.sin(yy / (period * 4.3) + ph))
    waves *= 0.3 * strength
    waves += (0.2 * strength) * np.sin(yy / (period * 1.3) + 4 * np.sin(xx / (period * 5.1)))
    waves += 0.5 * strength
    tint = (255 - np.array(ink, np.float32)) / 255
    img = np.empty((h, w, 3), np.float32)
    for c in range(3):
        img[:, :, c] = base_a[c] + (base_b[c] - base_a[c]) * t
        img[:, :, c] -= waves * tint[c]
    return img


# ---------------------------------------------------------------------------------------------
# Emblem, QR-like block, border ornament


def star(cx, cy, r_out, r_in, rot=-math.pi / 2):
    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = rot + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def emblem(sheet: Sheet, cx: float, cy: float, r: float) -> None:
    """A drawn national-emblem-like mark: gold rim, red disc, five gold stars, a gate and ears of
    grain (not a seal)."""
    d = sheet.draw
    gold, red = (222, 176, 58), (206, 30, 36)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=gold)
    d.ellipse((cx - r * 0.86, cy - r * 0.86, cx + r * 0.86, cy + r * 0.86), fill=red)
    d.polygon(star(cx - r * 0.28, cy - r * 0.38, r * 0.22, r * 0.09), fill=gold)
    for j in range(4):
        a = math.radians(-70 + j * 40)
        d.polygon(star(cx - r * 0.28 + r * 0.38 * math.cos(a), cy - r * 0.38 + r * 0.38 * math.sin(a),
                       r * 0.08, r * 0.032, rot=a + math.pi), fill=gold)
    # gate
    gx0, gx1, gy0, gy1 = cx - r * 0.42, cx + r * 0.42, cy + r * 0.05, cy + r * 0.45
    d.rectangle((gx0, gy0 + r * 0.1, gx1, gy1), fill=gold)
    d.polygon([(gx0 - r * 0.08, gy0 + r * 0.12), (cx, gy0 - r * 0.05), (gx1 + r * 0.08, gy0 + r * 0.12)], fill=gold)
    for k in range(5):
        x = gx0 + (k + 0.5) * (gx1 - gx0) / 5
        d.rectangle((x - r * 0.03, gy0 + r * 0.22, x + r * 0.03, gy1 - r * 0.02), fill=red)
    # grain ears around
    d.arc((cx - r * 0.78, cy - r * 0.78, cx + r * 0.78, cy + r * 0.78), 100, 260, fill=gold, width=max(1, int(r * 0.08)))
    d.arc((cx - r * 0.78, cy - r * 0.78, cx + r * 0.78, cy + r * 0.78), -80, 80, fill=gold, width=max(1, int(r * 0.08)))


def qr_block(sheet: Sheet, rng, x: float, y: float, size: float, colour=(20, 20, 20)) -> None:
    """A QR-code-like square: three finder patterns and random modules."""
    n = 29
    m = rng.random((n, n)) < 0.5
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        m[fy:fy + 8 if fy == 0 else n, fx:fx + 8 if fx == 0 else n] = False
        yy, xx = np.mgrid[0:7, 0:7]
        ring = (np.maximum(abs(yy - 3), abs(xx - 3)))
        m[fy:fy + 7, fx:fx + 7] = (ring == 3) | (ring <= 1)
    cell = size / n
    sheet.rect(x - cell, y - cell, x + size + cell, y + size + cell, fill=(255, 255, 255))
    for j in range(n):
        for i in range(n):
            if m[j, i]:
                sheet.draw.rectangle((x + i * cell, y + j * cell, x + (i + 1) * cell - 0.01, y + (j + 1) * cell - 0.01),
                                     fill=tuple(int(c) for c in colour))


def ornament_border(sheet: Sheet, rng, inset: float, band: float, colour, style: int) -> None:
    """A decorative frame: two rules with a repeated motif between them (diamonds, waves or
    interlocking rings), and corner squares."""
    w, h = sheet.w, sheet.h
    c = tuple(int(v) for v in colour)
    d = sheet.draw
    lw = max(1, band * 0.06)
    outer = (inset, inset, w - inset, h - inset)
    inner = (inset + band, inset + band, w - inset - band, h - inset - band)
    d.rectangle(outer, outline=c, width=int(round(lw * 1.8)))
    d.rectangle(inner, outline=c, width=int(round(lw)))
    step = band * 0.9
    mid = band / 2
    # the motif along each side
    def motif(px, py, horizontal):
        s = band * 0.32
        if style == 0:
            # a closed line, not polygon(outline, width): that builds a full-page mask per call
            d.line([(px, py - s), (px + s, py), (px, py + s), (px - s, py), (px, py - s)], fill=c, width=int(round(lw)),
                   joint="curve")
        elif style == 1:
            d.ellipse((px - s, py - s, px + s, py + s), outline=c, width=int(round(lw)))
        else:
            if horizontal:
                d.arc((px - s, py - s, px + s, py + s), 180, 360, fill=c, width=int(round(lw)))
                d.arc((px, py - s, px + 2 * s, py + s), 0, 180, fill=c, width=int(round(lw)))
            else:
                d.arc((px - s, py - s, px + s, py + s), 90, 270, fill=c, width=int(round(lw)))
                d.arc((px - s, py, px + s, py + 2 * s), 270, 450, fill=c, width=int(round(lw)))
    x = inset + band * 1.5
    while x < w - inset - band * 1.2:
        motif(x, inset + mid, True)
        motif(x, h - inset - mid, True)
        x += step
    y = inset + band * 1.5
    while y < h - inset - band * 1.2:
        motif(inset + mid, y, False)
        motif(w - inset - mid, y, False)
        y += step
    for (px, py) in ((inset, inset), (w - inset - band, inset), (inset, h - inset - band), (w - inset - band, h - inset - band)):
        d.rectangle((px, py, px + band, py + band), fill=c)
        d.rectangle((px + band * 0.25, py + band * 0.25, px + band * 0.75, py + band * 0.75), fill=(250, 246, 236))


# ---------------------------------------------------------------------------------------------
# Seals with real characters


def seal_mask(rng, font_path: str, font_index: int, text: str, bottom: str, r: int, aspect: float = 1.0,
              star_: bool = True, ring: float = 0.07, load_font=None) -> np.ndarray:
    """Coverage (0..1) of a round or oval seal: ring, star, `text` along the upper arc (each
    character turned to face the centre) and `bottom` straight below the centre."""
    n = 2 * r + 8
    big = Image.new("L", (n, n), 0)
    d = ImageDraw.Draw(big)
    c = n / 2
    rx, ry = r, r * aspect
    t = max(2, int(r * ring))
    d.ellipse((c - rx, c - ry, c + rx, c + ry), outline=255, width=t)
    if star_:
        d.polygon(star(c, c, r * 0.27, r * 0.105), fill=255)
    if text:
        size = int(r * (0.27 if len(text) <= 10 else 0.23 if len(text) <= 14 else 0.19))
        font = load_font(font_path, font_index, size)
        span = math.radians(min(250, 20 * len(text) + 40))
        rt = 1 - ring - 0.2
        for k, ch in enumerate(text):
            a = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(text)
            g = Image.new("L", (size * 2, size * 2), 0)
            ImageDraw.Draw(g).text((size, size), ch, font=font, fill=255, anchor="mm")
            g = g.rotate(-math.degrees(a + math.pi / 2), resample=Image.BICUBIC)
            px, py = c + rx * rt * math.cos(a), c + ry * rt * math.sin(a)
            big.paste(255, (int(px - size), int(py - size)), g)
    if bottom:
        size = int(r * 0.17)
        font = load_font(font_path, font_index, size)
        d.text((c, c + ry * (0.5 if star_ else 0.05)), bottom, font=font, fill=255, anchor="mm")
    m = np.asarray(big, np.float32) / 255
    # uneven ink: mottled pressure, specks of missing ink, one side lighter
    mott = 0.78 + 0.22 * noise_field(rng, n, n, 5)
    gaps = (rng.random((n, n)) > rng.uniform(0.03, 0.12)).astype(np.float32)
    side = rng.uniform(0, 2 * math.pi)
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32) - c
    fall = 1 - 0.25 * np.clip((xx * math.cos(side) + yy * math.sin(side)) / c, 0, 1)
    return np.clip(m * mott * gaps * fall, 0, 1)


def stamp(arr: np.ndarray, cov_page: np.ndarray, mask: np.ndarray, cx: int, cy: int, colour, density: float,
          rotation: float) -> tuple:
    """Multiply the seal's ink onto arr at (cx, cy), turned by `rotation` degrees; records the
    coverage. Returns the seal's box on the page."""
    m = Image.fromarray((mask * 255).astype(np.uint8), "L").rotate(rotation, resample=Image.BICUBIC)
    m = np.asarray(m, np.float32) / 255 * density
    n = m.shape[0]
    x0, y0 = cx - n // 2, cy - n // 2
    h, w = arr.shape[:2]
    ax0, ay0, ax1, ay1 = max(0, x0), max(0, y0), min(w, x0 + n), min(h, y0 + n)
    sub = m[ay0 - y0:ay1 - y0, ax0 - x0:ax1 - x0]
    col = np.array(colour, np.float32) / 255
    region = arr[ay0:ay1, ax0:ax1]
    region *= 1 - sub[:, :, None] * (1 - col)
    np.maximum(cov_page[ay0:ay1, ax0:ax1], sub, out=cov_page[ay0:ay1, ax0:ax1])
    return (x0, y0, x0 + n, y0 + n)


# ---------------------------------------------------------------------------------------------
# Portrait


def portrait(path, w: int, h: int, rng, face_box=(150, 15, 330, 235)) -> np.ndarray:
    """The astronaut's head and shoulders as a printed card photo: a jittered crop, sometimes
    mirrored, flattened and lightened a little, on a pale backdrop at the edges."""
    im = Image.open(path).convert("RGB")
    x0, y0, x1, y1 = face_box
    jx, jy = rng.uniform(-12, 12), rng.uniform(-8, 10)
    grow = rng.uniform(0.95, 1.12)
    cx, cy = (x0 + x1) / 2 + jx, (y0 + y1) / 2 + jy
    bw = (x1 - x0) * grow
    bh = bw * h / w
    box = (cx - bw / 2, cy - bh / 2 + (bh - (y1 - y0)) * 0.3, cx + bw / 2, cy + bh / 2 + (bh - (y1 - y0)) * 0.3)
    crop = im.crop(tuple(int(round(v)) for v in box)).resize((w, h), Image.LANCZOS)
    if rng.random() < 0.4:
        crop = crop.transpose(Image.FLIP_LEFT_RIGHT)
    a = np.asarray(crop, np.float32)
    a = a * rng.uniform(0.82, 0.92) + rng.uniform(18, 32)
    return a


def soften_pil(img: Image.Image, radius: float) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(radius)) if radius > 0 else img
