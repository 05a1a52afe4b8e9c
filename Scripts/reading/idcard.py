"""居民身份证: the resident ID card, portrait side (人像面) and emblem side (国徽面), at any width,
laid out after the real card (85.6 × 54 mm)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from samples.marks import rounded_rect_mask

from . import canvas
from .canvas import Sheet
from .doc import Doc, add_validity, dot_date, finish
from .people import Person
from .style import Draw

RATIO = 85.6 / 54.0
# The only photograph used: scikit-image's astronaut (public domain), beside the repository.
ASTRONAUT = Path(__file__).resolve().parents[3] / "shared/corpora/photos/skimage_astronaut.png"


def astronaut_path() -> Path:
    if not ASTRONAUT.exists():
        raise SystemExit(f"the portrait source {ASTRONAUT} is missing (../shared/corpora beside the repository)")
    return ASTRONAUT


def _stock(rng, d: Draw, cw: int, ch: int) -> np.ndarray:
    a, b = d.pick(d.s.card_tints)
    jitter = rng.uniform(-6, 6, 3)
    return canvas.guilloche(rng, cw, ch, np.array(a) + jitter, np.array(b) + jitter, (120, 160, 190),
                            d.u(5, 12), cw / d.u(90, 130))


def _rounded(arr: np.ndarray, cw: int, ch: int):
    alpha = rounded_rect_mask(ch, cw, cw * 3.2 / 85.6)
    arr[:] = arr * alpha[:, :, None] + 250 * (1 - alpha[:, :, None])
    return alpha


def authority(p: Person) -> str:
    r = p.region
    dist = r.district
    short = dist[:-2] if dist.endswith("新区") else dist[:-1]
    return f"{r.city}公安局{short}分局"


def front(rng, d: Draw, cw: int, p: Person) -> Doc:
    ch = int(round(cw / RATIO))
    mm = cw / 85.6
    sh = Sheet.from_array(_stock(rng, d, cw, ch))
    # portrait, blended into the stock at its edges
    px0, py0 = d.u(52, 55) * mm, d.u(5, 7) * mm
    pw, ph = int(d.u(25.5, 28) * mm), int(d.u(32, 35) * mm)
    face = canvas.portrait(astronaut_path(), pw, ph, rng)
    arr = sh.array()
    yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float32)
    edge = np.minimum.reduce([xx, pw - 1 - xx, yy * 3, (ph - 1 - yy) * 0.6]) / (pw * 0.12)
    a = np.clip(edge, 0, 1)[:, :, None] * 0.93
    reg = arr[int(py0):int(py0) + ph, int(px0):int(px0) + pw]
    reg[:] = reg * (1 - a) + face * a
    sh = Sheet.from_array(arr)
    label = np.array((70, 105, 150)) + rng.uniform(-15, 15, 3)
    black = tuple(rng.uniform(10, 35, 1).repeat(3))
    ls = d.u(2.3, 2.7) * mm
    vs = d.u(3.2, 3.7) * mm
    lf, vf = d.f(d.label, ls), d.f(d.body, vs)
    x_l, x_v = d.u(6, 7.5) * mm, d.u(17.5, 19) * mm
    y = d.u(10, 11.5) * mm
    step = d.u(6.6, 7.4) * mm
    sh.text(x_l, y, "姓名", lf, label, spacing=ls * 0.9)
    nb = sh.text(x_v, y, p.name, vf, black, spacing=vs * 0.12)
    sh.add("names.holder", p.name, nb, vs)
    y += step
    sh.text(x_l, y, "性别", lf, label, spacing=ls * 0.9)
    sh.text(x_v, y, p.sex, vf, black)
    eb = sh.text(x_v + d.u(11, 13) * mm, y, "民族", lf, label, spacing=ls * 0.9)
    sh.text(eb[2] + d.u(1.8, 2.6) * mm, y, p.ethnic, vf, black)
    y += step
    sh.text(x_l, y, "出生", lf, label, spacing=ls * 0.9)
    b = p.birth
    x = x_v
    for part, lab in ((str(b.year), "年"), (str(b.month), "月"), (str(b.day), "日")):
        bb = sh.text(x, y, part, vf, black)
        x = bb[2] + vs * 0.25
        bb = sh.text(x, y, lab, lf, label)
        x = bb[2] + vs * 0.35
    y += step
    sh.text(x_l, y, "住址", lf, label, spacing=ls * 0.9)
    sh.wrap(x_v, y, p.address, vf, black, px0 - x_v - 2 * mm, vs * 1.3, limit=3)
    # number
    ny = ch - d.u(6.5, 8) * mm
    sh.text(x_l, ny, "公民身份号码", lf, label, spacing=ls * 0.15)
    tb = sh.draw.textbbox((x_l, ny), "公民身份号码", font=lf, anchor="ls")
    sh.add("title", "id_card_front", (tb[0], tb[1], tb[2] + ls * 0.15 * 5, tb[3]), ls)
    face_name = d.pick(d.s.id_number)
    ns = d.u(3.9, 4.4) * mm
    nf = d.f(face_name, ns)
    nx = d.u(28, 30) * mm
    avail = cw - nx - 4 * mm
    spacing = max(0.0, (avail - nf.getlength(p.id_number)) / 17 * d.u(0.3, 0.6))
    box = sh.text(nx, ny + 0.3 * mm, p.id_number, nf, (12, 12, 14), spacing=spacing,
                  stroke=1 if face_name != "mono_bold" and cw > 900 else 0)
    sh.add("id_numbers", p.id_number, box, ns)
    arr = sh.array()
    alpha = _rounded(arr, cw, ch)
    doc = finish(sh, arr, "id_front", "id_card_front", label="id_card", id_side="front", faces=1, alpha=alpha)
    doc.page.face_pts = np.array([[px0, py0], [px0 + pw, py0], [px0 + pw, py0 + ph], [px0, py0 + ph],
                                  [px0 + pw / 2, py0 + ph / 2]], float)
    doc.em = vs
    doc.notes.append(f"ID card front (portrait from skimage astronaut), fonts {d.body}/{face_name}")
    return doc


def back(rng, d: Draw, cw: int, p: Person, start: dt.date, until: dt.date | None) -> Doc:
    ch = int(round(cw / RATIO))
    mm = cw / 85.6
    sh = Sheet.from_array(_stock(rng, d, cw, ch))
    er = d.u(9, 10.5) * mm
    canvas.emblem(sh, d.u(5, 7) * mm + er, d.u(4.5, 6) * mm + er, er)
    black = tuple(rng.uniform(15, 35, 1).repeat(3))
    label = np.array((70, 105, 150)) + rng.uniform(-15, 15, 3)
    t1 = d.u(4.2, 4.8) * mm
    f1 = d.f(d.title, t1)
    x1 = d.u(28, 31) * mm
    sh.text(x1, d.u(14, 16) * mm, "中华人民共和国", f1, black, spacing=(cw - 8 * mm - x1 - f1.getlength("中华人民共和国")) / 6,
            stroke=d.stroke(d.title, t1 * 3))
    t2 = d.u(7.5, 8.5) * mm
    f2 = d.f(d.title, t2)
    x2 = d.u(25, 28) * mm
    tb = sh.text(x2, d.u(27.5, 30) * mm, "居民身份证", f2, black, spacing=(cw - 7 * mm - x2 - f2.getlength("居民身份证")) / 4,
                 stroke=d.stroke(d.title, t2 * 2))
    sh.add("title", "id_card_back", tb, t2)
    ls, vs = d.u(2.4, 2.8) * mm, d.u(3.2, 3.6) * mm
    lf, vf = d.f(d.label, ls), d.f(d.body, vs)
    x_l, x_v = d.u(12, 15) * mm, d.u(27, 29) * mm
    y1 = ch - d.u(10.5, 12) * mm
    y2 = y1 + d.u(6.5, 7.5) * mm
    sh.text(x_l, y1, "签发机关", lf, label, spacing=ls * 0.15)
    sh.text(x_v, y1, authority(p), vf, black)
    sh.text(x_l, y2, "有效期限", lf, label, spacing=ls * 0.15)
    period = f"{dot_date(start)}-{dot_date(until) if until else '长期'}"
    vb = sh.text(x_v, y2, period, vf, black, spacing=vs * 0.04)
    add_validity(sh, vb, vs, start, until)
    arr = sh.array()
    alpha = _rounded(arr, cw, ch)
    doc = finish(sh, arr, "id_back", "id_card_back", label="id_card", id_side="back", faces=0, alpha=alpha)
    doc.em = vs
    doc.notes.append(f"ID card back, 有效期限 {period}, fonts {d.title}/{d.body}")
    return doc
