"""A drawn document: the flat page (a docset Page, so docset's captures can take it), the fields
to be read with their boxes, and helpers the document kinds share (ink colours, date formats,
placing a seal where it covers nothing to be read, signatures)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field as dfield

import numpy as np

from docset.page import Page
from docset.writing import signature

from . import canvas
from .canvas import Field, Sheet
from .style import FONTS, Draw


@dataclass
class Doc:
    page: Page
    fields: list
    kind: str                 # licence, id_front, id_back, statement, commitment, domain
    notes: list = dfield(default_factory=list)
    em: float = 0.0           # typical body text size (page px), for blur strength choices


def ink(rng) -> tuple:
    v = rng.uniform(15, 45)
    return tuple(float(v + rng.uniform(-4, 4)) for _ in range(3))


def seal_red(rng) -> tuple:
    return (rng.uniform(200, 232), rng.uniform(25, 60), rng.uniform(35, 65))


def cn_date(d: dt.date, pad: bool = True) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日" if pad else f"{d.year}年{d.month}月{d.day}日"


def dot_date(d: dt.date) -> str:
    return f"{d.year}.{d.month:02d}.{d.day:02d}"


def iso(d: dt.date | None) -> str:
    return "long_term" if d is None else d.isoformat()


def add_validity(sheet: Sheet, box, em: float, start: dt.date, until: dt.date | None) -> None:
    sheet.add("valid_from", iso(start), box, em)
    sheet.add("valid_until", iso(until), box, em)


def overlaps(box, fields: list[Field], pad: float = 0.0) -> bool:
    x0, y0, x1, y1 = box
    for f in fields:
        for q in f.quads:
            if q[:, 0].min() - pad < x1 and q[:, 0].max() + pad > x0 and q[:, 1].min() - pad < y1 and q[:, 1].max() + pad > y0:
                return True
    return False


def place_seal(sheet: Sheet, arr: np.ndarray, rng, d: Draw, text: str, bottom: str, r: int, cx: float, cy: float,
               oval: bool = False) -> tuple:
    """Stamp a seal near (cx, cy), nudged until its box covers no field; returns the box."""
    font_name = d.pick(d.s.seal)
    path, index = FONTS[font_name]
    from .style import load_path
    mask = canvas.seal_mask(rng, path, index, text, bottom, r, aspect=0.7 if oval else 1.0,
                            star_=not oval and rng.random() < 0.85, ring=rng.uniform(0.05, 0.08), load_font=load_path)
    n = mask.shape[0]
    for step in range(40):
        ang = step * 2.4
        rad = 0 if step == 0 else r * 0.15 * step
        x, y = cx + rad * np.cos(ang), cy + rad * np.sin(ang)
        box = (x - n / 2, y - n / 2, x + n / 2, y + n / 2)
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= sheet.w and box[3] <= sheet.h
        if inside and not overlaps((box[0] + r * 0.15, box[1] + r * 0.15, box[2] - r * 0.15, box[3] - r * 0.15), sheet.fields):
            break
    if sheet.seal is None:
        sheet.seal = np.zeros((sheet.h, sheet.w), np.float32)
    b = canvas.stamp(arr, sheet.seal, mask, int(x), int(y), seal_red(rng), rng.uniform(0.72, 0.95), rng.uniform(-25, 25))
    sheet.seal_boxes.append(b)
    return b


def sign(arr: np.ndarray, rng, x: float, y: float, length: float, height: float, blue: bool) -> None:
    col = np.array((30, 55, 150) if blue else (28, 28, 36), np.float32)
    signature(arr, rng, int(x), int(y), int(length), int(height), col, max(1.5, height / 14))


def finish(sheet: Sheet, arr: np.ndarray, kind: str, role: str, label: str = "document", **page_kw) -> Doc:
    page = Page(arr, role=role, label=label, seal=sheet.seal, **page_kw)
    return Doc(page, sheet.fields, kind)
