"""Captures: how a drawn document becomes an upload, and what stays legible on the way.

Uses docset's capture geometry (flatbed scan, phone photo in perspective, cropping, light,
photocopy) and adds its own blur (with a known sigma), glare (placed with knowledge of the
fields) and sideways turns. `legibility` follows every field's box through the capture: a
field counts as read only when all of it is inside the frame, its text is at least MIN_EM px
high there, it is not under the glare, and any blur is small against its size."""

from __future__ import annotations

import math
from dataclasses import dataclass, field as dfield

import numpy as np
from PIL import Image, ImageFilter

from docset import capture as cap
from docset import geometry as geo
from docset.page import Page, Shot
from docset.pixels import box_blur, soft_ellipse
from docset.surfaces import KINDS

from .canvas import Field
from .doc import Doc

MIN_EM = 13.0          # px: smaller text is not counted as legible
BLUR_RATIO = 6.5       # text em must be at least this many blur sigmas
CLEAN = ("scan_full", "scan_margin", "scan_askew", "photo", "crop")
ALL = CLEAN + ("blurry", "glare", "photocopy", "rotated", "small", "cut")
A4 = 297 / 210


@dataclass
class Plan:
    """What one capture does; drawn before the page is rendered, because the page is drawn at
    about the size it will show at."""
    capture: str
    base: str                       # scan, photo or crop: the geometry under the condition
    render_w: int                   # page (or card) width to draw at
    on_sheet: bool = False          # an ID card laid on an A4 sheet first
    sheet_w: int = 0
    args: dict = dfield(default_factory=dict)
    notes: list = dfield(default_factory=list)


# Phone frames (portrait; turned for landscape subjects): full camera frames, and the
# smaller ones apps and chat tools pass on.
PHOTO_FRAMES_P = ((3000, 4000), (3024, 4032), (2448, 3264), (2250, 3000), (1536, 2048), (1200, 1600), (1500, 2000))
PHOTO_FRAME_P = (0.2, 0.15, 0.15, 0.1, 0.15, 0.1, 0.15)


def plan(rng, capture: str, card: bool, landscape: bool, dpi: int | None = None, card_w: int | None = None,
         frame: tuple | None = None) -> Plan:
    """Draw the geometry of a capture for a page (A4, portrait or landscape) or a card; dpi and
    card_w pin the scan resolution and the card's width (fixtures, applications)."""
    u = lambda a, b: float(rng.uniform(a, b))
    aspect = (85.6 / 54) if card else (A4 if landscape else 1 / A4)   # width / height
    base = {"blurry": "photo" if rng.random() < 0.6 else "scan", "glare": "crop" if card and rng.random() < 0.5 else "photo",
            "photocopy": "scan", "rotated": "scan" if rng.random() < 0.7 else "photo", "small": "scan",
            "cut": "photo" if rng.random() < 0.7 else "scan", "scan_full": "scan", "scan_margin": "scan",
            "scan_askew": "scan", "photo": "photo", "crop": "crop"}[capture]
    p = Plan(capture, base, 0)
    if base == "scan":
        dpi = int(rng.choice([150, 200, 200, 240, 300])) if dpi is None else dpi
        angle = u(0.7, 3.5) * rng.choice([-1, 1]) if capture == "scan_askew" else 0.0
        margin = u(0.015, 0.05) if capture in ("scan_margin", "scan_askew") or (capture == "blurry" and rng.random() < 0.5) else 0.0
        if card:
            sheet_scan = capture in ("scan_margin", "photocopy") or (capture in ("blurry", "rotated", "cut") and rng.random() < 0.5)
            if sheet_scan:
                # the card at its real size on an A4 sheet, the sheet scanned whole
                p.on_sheet = True
                p.sheet_w = int(8.27 * dpi)
                p.render_w = int(85.6 / 25.4 * dpi * u(1.0, 1.25))  # copies are often enlarged a little
                margin, angle = (0.0, angle)
                long_side = int(p.sheet_w * A4)
            else:
                p.render_w = int(u(1000, 1400)) if capture != "small" else int(u(430, 560))
                p.render_w = card_w or p.render_w
                long_side = p.render_w
        else:
            w_in = 11.69 if landscape else 8.27
            page_w = int(w_in * dpi) if capture != "small" else int(u(760, 900) * (A4 if landscape else 1))
            p.render_w = page_w
            long_side = int(round(max(page_w, page_w / aspect) * (1 + 2 * margin)))
            p.args["dpi"] = dpi if capture != "small" else 0
        p.args.update(long_side=long_side, angle=angle, margin=margin)
    elif base == "photo":
        fw, fh = PHOTO_FRAMES_P[int(rng.choice(len(PHOTO_FRAMES_P), p=PHOTO_FRAME_P))]
        if (aspect > 1) != (rng.random() < 0.15):
            fw, fh = fh, fw
        if frame:
            fw, fh = frame
        fill = u(0.35, 0.7) if card else u(0.62, 0.88)
        if capture == "cut":
            fill = u(0.8, 0.95)
        tilt = u(3, 16)
        p.args.update(frame_w=fw, frame_h=fh, fill=fill, tilt=tilt, angle=u(-6, 6), axis=u(0, 360),
                      kind=KINDS[int(rng.integers(0, len(KINDS)))], shadow=u(0.15, 0.45))
        shown_w = fill * min(fw, fh * aspect)
        p.render_w = int(max(700 if card else 1200, shown_w * 1.05))
    else:  # crop: an app's upload, the page or card filling most of a small frame
        if card:
            fw = card_w or int(u(1000, 1600))
            fh = int(fw / aspect * u(1.0, 1.12))
        else:
            fh = int(u(1500, 2200)) if not landscape else int(u(1100, 1500))
            fw = int(fh * aspect * u(1.0, 1.06))
        fill = u(0.9, 0.97)
        p.args.update(frame_w=fw, frame_h=fh, fill=fill, tilt=u(0, 6), angle=u(-2.5, 2.5), axis=u(0, 360),
                      kind=KINDS[int(rng.integers(0, len(KINDS)))], shadow=u(0.1, 0.3))
        p.render_w = int(fill * min(fw, fh * aspect) * 1.05)
    return p


# ---------------------------------------------------------------------------------------------


def on_sheet(doc: Doc, rng, sheet_w: int) -> tuple[Doc, np.ndarray]:
    """Lay a card on a white A4 sheet (slightly askew, upper half); returns the sheet as a Doc
    whose fields are the card's, and the card's outline on the sheet."""
    H = int(sheet_w * A4)
    sheet = np.empty((H, sheet_w, 3), np.float32)
    sheet[:] = rng.uniform(242, 252)
    cw = doc.page.w
    cx = sheet_w / 2 + rng.uniform(-0.08, 0.08) * sheet_w
    cy = H * rng.uniform(0.22, 0.4)
    q = geo.page_quad(doc.page.w, doc.page.h, cx, cy, cw, rng.uniform(-2, 2))
    hm = geo.homography(geo.corners(doc.page.w, doc.page.h), q)
    page = Page(sheet, role=doc.page.role, label=doc.page.label, id_side=doc.page.id_side, faces=doc.page.faces)
    cap._composite(page.img, doc.page, hm, shadow=(1, 1, 1, 0.2))
    if doc.page.face_pts is not None:
        page.face_pts = geo.apply(hm, doc.page.face_pts)
    fields = [Field(f.key, f.value, [geo.apply(hm, q_) for q_ in f.quads], f.em) for f in doc.fields]
    out = Doc(page, fields, doc.kind, list(doc.notes), doc.em)
    return out, q


def shoot(doc: Doc, p: Plan, rng) -> Shot:
    a = p.args
    if p.base == "scan":
        shot = cap.scan(doc.page, rng, a["long_side"], a["angle"], a["margin"])
        if a.get("dpi"):
            shot.notes[0] = f"flatbed scan at {a['dpi']} dpi"
    else:
        shot = cap.photo(doc.page, rng, a["frame_w"], a["frame_h"], a["kind"], a["fill"], a["angle"], a["tilt"],
                         a["axis"], 2.2, (0.0, 0.0), a["shadow"])
        if p.base == "crop":
            shot.notes[0] = "app upload: " + shot.notes[0]
    return shot


def cut_sides(rng, card: bool) -> dict:
    if card:
        options = [{"right": rng.uniform(0.08, 0.3)}, {"bottom": rng.uniform(0.12, 0.3)},
                   {"left": rng.uniform(0.1, 0.25)}, {"right": rng.uniform(0.05, 0.15), "bottom": rng.uniform(0.05, 0.2)}]
    else:
        options = [{"bottom": rng.uniform(0.1, 0.35)}, {"top": rng.uniform(0.06, 0.2)}, {"right": rng.uniform(0.08, 0.25)},
                   {"left": rng.uniform(0.05, 0.15), "bottom": rng.uniform(0.05, 0.2)}]
    return options[int(rng.integers(0, len(options)))]


# ---------------------------------------------------------------------------------------------
# Conditions with a known effect on legibility


def frame_fields(fields: list[Field], hm: np.ndarray) -> list[tuple[Field, list[np.ndarray], float]]:
    """Each field's quads in the frame and its em there (scaled by the quads' height change)."""
    out = []
    for f in fields:
        qs = [geo.apply(hm, q) for q in f.quads]
        ratios = []
        for q0, q1 in zip(f.quads, qs):
            h0 = (np.linalg.norm(q0[3] - q0[0]) + np.linalg.norm(q0[2] - q0[1])) / 2
            h1 = (np.linalg.norm(q1[3] - q1[0]) + np.linalg.norm(q1[2] - q1[1])) / 2
            ratios.append(h1 / max(h0, 1e-6))
        out.append((f, qs, f.em * min(ratios)))
    return out


def glare(shot: Shot, rng, size: float, fields_in_frame, target: int | None) -> np.ndarray:
    """A saturated reflection on the page: over field `target` when given, else where it covers
    no field. Returns the frame mask of its saturated core (for legibility)."""
    q = cap.quad(shot)
    qw = np.linalg.norm(q[1] - q[0])
    rx = size * qw * rng.uniform(0.8, 1.2)
    best = None
    for _ in range(60):
        if target is not None:
            qs = fields_in_frame[target][1]
            c = np.mean(qs[0], axis=0) + rng.uniform(-0.2, 0.2, 2) * np.ptp(qs[0], axis=0)
        else:
            c = rng.dirichlet([2, 2, 2, 2]) @ q
        if not (0 <= c[0] < shot.w and 0 <= c[1] < shot.h):
            continue
        if target is not None:
            best = c
            break
        dmin = min((np.hypot(*(qq - c).T).min() for _, qs, _ in fields_in_frame for qq in qs), default=1e9)
        # also keep away from box interiors: distance to the box centre
        inside = any(qq[:, 0].min() - rx < c[0] < qq[:, 0].max() + rx and qq[:, 1].min() - rx < c[1] < qq[:, 1].max() + rx
                     for _, qs, _ in fields_in_frame for qq in qs)
        if not inside:
            best = c
            break
        if best is None or dmin > best_d:
            best, best_d = c, dmin
    c = best if best is not None else q.mean(axis=0)
    ry = rx * rng.uniform(0.45, 0.9)
    ang = rng.uniform(0, math.pi)
    pad = int(rx * 2.5)
    x0, y0 = max(0, int(c[0]) - pad), max(0, int(c[1]) - pad)
    x1, y1 = min(shot.w, int(c[0]) + pad), min(shot.h, int(c[1]) + pad)
    m = soft_ellipse(y1 - y0, x1 - x0, c[0] - x0, c[1] - y0, rx, ry, ang, edge=1.2)
    core = np.clip(m * 1.7, 0, 1)[:, :, None]
    halo = (m * 0.25)[:, :, None]
    region = shot.img[y0:y1, x0:x1]
    region *= 1 + halo
    region[:] = region * (1 - core) + np.array([254, 254, 252], np.float32) * core
    shot.glare = True
    shot.notes.append("glare spot")
    full = np.zeros((shot.h, shot.w), bool)
    full[y0:y1, x0:x1] = core[:, :, 0] > 0.45
    return full


def gaussian(shot: Shot, sigma: float) -> None:
    im = Image.fromarray(np.clip(shot.img, 0, 255).astype(np.uint8), "RGB").filter(ImageFilter.GaussianBlur(sigma))
    shot.img = np.asarray(im, np.float32).copy()
    shot.blurry = True
    shot.notes.append(f"out of focus (gaussian sigma {sigma:.1f}px)")


def motion(shot: Shot, length: int, vertical: bool) -> float:
    """A straight streak `length` px long; run on the frame at half size (the streak is many
    pixels long, so nothing of it is lost) and enlarged back."""
    r = max(1, length // 2)
    h, w = shot.h, shot.w
    im = Image.fromarray(np.clip(shot.img, 0, 255).astype(np.uint8), "RGB")
    half = np.asarray(im.reduce(2), np.float32)
    half = box_blur(half, max(1, r // 2), 1, axes=(0,) if vertical else (1,))
    im = Image.fromarray(np.clip(half, 0, 255).astype(np.uint8), "RGB").resize((w, h), Image.BILINEAR)
    shot.img = np.asarray(im, np.float32).copy()
    shot.blurry = True
    shot.notes.append(f"motion blur {2 * r + 1}px {'vertical' if vertical else 'horizontal'}")
    # a streak wipes out the strokes across it sooner than a round blur of the same spread:
    # count it as 1.5 times its standard deviation
    return 1.5 * math.sqrt(((2 * r + 1) ** 2 - 1) / 12)


def toner(shot: Shot, rng) -> None:
    """Uneven toner before the photocopy's threshold: broad lighter and darker patches."""
    from docset.pixels import field
    f = field(rng, shot.h, shot.w, 4)
    shot.img *= (1 + 0.08 * f)[:, :, None]


def legibility(fields_in_frame, w: int, h: int, blur_sigma: float, glare_core: np.ndarray | None):
    """(readable, unreadable): per field, whether it can be read, and why not."""
    verdict = []
    for f, qs, em in fields_in_frame:
        why = None
        for q in qs:
            if q[:, 0].min() < 1 or q[:, 1].min() < 1 or q[:, 0].max() > w - 1 or q[:, 1].max() > h - 1:
                why = "outside the frame"
        if why is None and em < MIN_EM:
            why = f"too small ({em:.0f}px)"
        if why is None and blur_sigma and em < BLUR_RATIO * blur_sigma:
            why = f"blurred (em {em:.0f}px, sigma {blur_sigma:.1f})"
        if why is None and glare_core is not None:
            for q in qs:
                x0, y0 = int(max(0, q[:, 0].min())), int(max(0, q[:, 1].min()))
                x1, y1 = int(min(w, q[:, 0].max() + 1)), int(min(h, q[:, 1].max() + 1))
                if x1 > x0 and y1 > y0 and glare_core[y0:y1, x0:x1].mean() > 0.03:
                    why = "under glare"
        verdict.append((f, em, why))
    return verdict


def rotate(shot: Shot, k: int) -> None:
    """Turn the frame by k × 90° counter-clockwise (the upload is sideways)."""
    h, w = shot.h, shot.w
    shot.img = np.ascontiguousarray(np.rot90(shot.img, k))
    m = np.array([[0, 1, 0], [-1, 0, w], [0, 0, 1]], float) if k == 1 else np.array([[0, -1, h], [1, 0, 0], [0, 0, 1]], float)
    shot.hm = m @ shot.hm
    shot.notes.append("turned 90° " + ("counter-clockwise" if k == 1 else "clockwise") + " (sideways upload)")


def crop_to(shot: Shot, x0: int, y0: int, x1: int, y1: int, what: str) -> Shot:
    shot.img = np.ascontiguousarray(shot.img[y0:y1, x0:x1])
    shot.hm = geo.translate(-x0, -y0) @ shot.hm
    shot.notes.append(what)
    return shot


def targeted_cut(shot: Shot, rng, fields_in_frame) -> Shot | None:
    """Move one frame edge into the page so that it runs through one of the fields (the part
    beyond it is lost); None when no side leaves at least 45 % of the page in view."""
    q = cap.quad(shot)
    px0, py0 = max(0, q[:, 0].min()), max(0, q[:, 1].min())
    px1, py1 = min(shot.w, q[:, 0].max()), min(shot.h, q[:, 1].max())
    order = rng.permutation(len(fields_in_frame))
    for i in order:
        f, qs, _ = fields_in_frame[i]
        box = qs[0]
        cx = rng.uniform(0.3, 0.7) * (box[:, 0].max() - box[:, 0].min()) + box[:, 0].min()
        cy = rng.uniform(0.35, 0.65) * (box[:, 1].max() - box[:, 1].min()) + box[:, 1].min()
        sides = []
        if (px1 - cx) / (px1 - px0) >= 0.45:
            sides.append(("left", (int(cx), 0, shot.w, shot.h)))
        if (cx - px0) / (px1 - px0) >= 0.45:
            sides.append(("right", (0, 0, int(cx), shot.h)))
        if (py1 - cy) / (py1 - py0) >= 0.45:
            sides.append(("top", (0, int(cy), shot.w, shot.h)))
        if (cy - py0) / (py1 - py0) >= 0.45:
            sides.append(("bottom", (0, 0, shot.w, int(cy))))
        if sides:
            side, b = sides[int(rng.integers(0, len(sides)))]
            return crop_to(shot, *b, f"frame edge at the {side} runs through the {f.key.split('.')[-1]}")
    return None
