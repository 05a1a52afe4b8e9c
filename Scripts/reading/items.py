"""One image: draw the content, render the document at the capture's size, capture it, decide
what is legible, encode, and write its labels.json entry."""

from __future__ import annotations

import io
from dataclasses import dataclass, field as dfield
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from docset import capture as cap
from docset import geometry as geo

from . import forms, idcard, licence, people, shots
from .doc import Doc
from .style import SPLITS, Draw

KINDS = ("licence", "id_front", "id_back", "statement", "commitment", "domain")
CARD = {"id_front", "id_back"}
VALIDITY = {  # class shares per kind that carries a period
    "licence": (("valid", 0.35), ("long_term", 0.25), ("expired", 0.2), ("expires_soon", 0.2)),
    "id_back": (("valid", 0.4), ("long_term", 0.2), ("expired", 0.2), ("expires_soon", 0.2)),
    "domain": (("valid", 0.5), ("expired", 0.25), ("expires_soon", 0.25)),
}


def draw_class(rng, kind: str) -> str | None:
    if kind not in VALIDITY:
        return None
    names, p = zip(*VALIDITY[kind])
    return str(rng.choice(names, p=np.array(p) / sum(p)))


def province_of(r: people.Region) -> str:
    return r.province or r.city


@dataclass
class Content:
    """What a document says, drawn before the capture decides its size; `render(d, w)` draws it."""
    kind: str
    landscape: bool
    render: object
    validity: str | None = None
    facts: dict = dfield(default_factory=dict)


def licence_content(rng, subject, legal: str, start, until, landscape: bool, cls=None) -> Content:
    c = licence.content(rng, subject, legal, start, until)
    return Content("licence", landscape, lambda d, w, r: licence.render(r, d, w, c, landscape), cls)


def id_front_content(p: people.Person) -> Content:
    return Content("id_front", True, lambda d, w, r: idcard.front(r, d, w, p))


def id_back_content(p: people.Person, start, until, cls=None) -> Content:
    return Content("id_back", True, lambda d, w, r: idcard.back(r, d, w, p, start, until), cls)


def statement_content(f: forms.Filing) -> Content:
    return Content("statement", False, lambda d, w, r: forms.statement(r, d, w, f))


def random_filing(rng, individual: bool | None, subject_kind: str | None = None) -> forms.Filing:
    x = rng.random()
    if individual is None:
        individual = x < 0.25
    subject = None if individual else people.company(rng, kind=subject_kind or ("institution" if x > 0.9 else None))
    person = people.person(rng, r=subject.region if subject is not None and rng.random() < 0.6 else None)
    slug = subject.slug if subject else people.pick(rng, people.TRADE)[1] + str(int(rng.integers(10, 99)))
    dom = people.domain(rng, slug)
    site = people.site_name(rng, subject.name, slug) if subject else person.name + "的个人博客"
    return forms.filing(rng, subject, person, site, dom)


def random_content(rng, kind: str, cls: str | None, individual: bool | None = None,
                   landscape: bool | None = None, subject_kind: str | None = None) -> Content:
    land = bool(rng.random() < 0.5) if landscape is None else landscape
    if kind == "licence":
        subject = people.company(rng, kind="company" if rng.random() < 0.85 else "shop")
        start, until = people.licence_validity(rng, cls)
        legal = people.person_name(rng, "男" if rng.random() < 0.6 else "女")
        return licence_content(rng, subject, legal, start, until, land, cls)
    if kind == "id_front":
        return id_front_content(people.person(rng))
    if kind == "id_back":
        p, start, until = people.card_holder(rng, cls)
        return id_back_content(p, start, until, cls)
    if kind == "statement":
        return statement_content(random_filing(rng, individual, subject_kind))
    if kind == "commitment":
        f = random_filing(rng, individual, subject_kind)
        prov = province_of(f.person.region if f.individual else f.subject.region)
        return Content(kind, False, lambda d, w, r: forms.commitment(r, d, w, f, prov))
    if kind == "domain":
        individual = rng.random() < 0.2 if individual is None else individual
        if individual:
            holder = people.person(rng).name
            slug = people.pick(rng, people.TRADE)[1] + str(int(rng.integers(10, 99)))
        else:
            s_ = people.company(rng)
            holder, slug = s_.name, s_.slug
        dom = people.domain(rng, slug)
        start, until = people.domain_validity(rng, cls)
        reg = people.pick(rng, people.REGISTRARS)
        return Content(kind, land, lambda d, w, r: forms.domain_certificate(r, d, w, holder, individual, dom, start, until, reg, land), cls)
    raise ValueError(kind)


# ---------------------------------------------------------------------------------------------


def u8(img: np.ndarray) -> np.ndarray:
    return np.clip(np.asarray(img) + 0.5, 0, 255).astype(np.uint8)


SOFT = ImageFilter.Kernel((3, 3), (1, 2, 1, 2, 4, 2, 1, 2, 1), 16)


def encode(img: np.ndarray, quality: int, grey: bool, full_chroma: bool, soft: bool = False) -> bytes:
    """JPEG by PIL; soft: a [1 2 1]² lens/scanner softness first (done here on 8 bits, where it
    is cheap, rather than on the float frame)."""
    a = u8(img)
    im = Image.fromarray(a[:, :, 0], "L") if grey else Image.fromarray(a, "RGB")
    if soft:
        im = im.filter(SOFT)
    buf = io.BytesIO()
    kw = {} if grey else {"subsampling": 0 if full_chroma else 2}
    im.save(buf, "JPEG", quality=int(quality), optimize=True, **kw)
    return buf.getvalue()


def take(rng, doc: Doc, p: shots.Plan, card: bool):
    """Capture `doc` as planned; returns (shot, outline in page coords, verdicts)."""
    outline = geo.corners(doc.page.w, doc.page.h)
    if p.on_sheet:
        doc, outline = shots.on_sheet(doc, rng, p.sheet_w)
    shot = shots.shoot(doc, p, rng)
    c = p.capture
    if c == "cut":
        hit = None
        if rng.random() < 0.7:
            hit = shots.targeted_cut(shot, rng, shots.frame_fields(doc.fields, shot.hm))
        shot = hit or cap.crop(shot, shots.cut_sides(rng, card))
    photo = p.base in ("photo", "crop")
    if photo:
        cap.light(shot, rng, rng.uniform(0.05, 0.35) if p.base == "photo" else rng.uniform(0.03, 0.15),
                  rng.uniform(0, 0.25), rng.uniform(-0.06, 0.08))
        if p.base == "photo" and rng.random() < 0.2:
            cap.hand_shadow(shot, rng, rng.uniform(0.15, 0.35))
        shot.soft = True
    elif rng.random() < 0.5:
        shot.soft = True
    in_frame = shots.frame_fields(doc.fields, shot.hm)
    core = None
    if c == "glare":
        target = int(rng.integers(0, len(in_frame))) if rng.random() < 0.5 else None
        core = shots.glare(shot, rng, rng.uniform(0.07, 0.14) if not card else rng.uniform(0.12, 0.2), in_frame, target)
    sigma = 0.0
    if c == "blurry":
        em_frame = np.median([em for _, _, em in in_frame])
        ratio = rng.uniform(2.5, 9.0)
        s = max(1.2, em_frame / ratio)
        if rng.random() < 0.3:
            sigma = shots.motion(shot, int(round(s * 3.4)), rng.random() < 0.3)
        else:
            shots.gaussian(shot, s)
            sigma = s
    cap.grain(shot, rng, rng.uniform(0.8, 2.0) if photo else rng.uniform(0.3, 1.0))
    if c == "photocopy":
        shots.toner(shot, rng)
        cap.photocopy(shot, rng, one_channel=bool(rng.random() < 0.5))
    elif p.base == "scan" and rng.random() < 0.12:
        cap.greyscale(shot, one_channel=bool(rng.random() < 0.5))
    verdicts = shots.legibility(in_frame, shot.w, shot.h, sigma, core)
    if c == "rotated":
        shots.rotate(shot, 1 if rng.random() < 0.5 else -1)
    return shot, doc, outline, verdicts


READ_ORDER = ("title", "id_numbers", "credit_codes", "names", "valid_from", "valid_until", "signed_on")


def reading_of(verdicts) -> tuple[dict, list[str]]:
    """Gather the reading fields: a value counts when any place it is printed is legible."""
    ok: dict = {}
    printed: dict = {}
    why = []
    for f, em, reason in verdicts:
        printed.setdefault((f.key, f.value), []).append(reason)
    r: dict = {}
    unreadable = []
    for (key, value), reasons in printed.items():
        if any(x is None for x in reasons):
            if key in ("id_numbers", "credit_codes"):
                r.setdefault(key, [])
                if value not in r[key]:
                    r[key].append(value)
            elif key.startswith("names."):
                r.setdefault("names", {})[key.split(".")[1]] = value
            else:
                r[key] = value
        else:
            if key != "title" and value not in unreadable:
                unreadable.append(value)
            why.append(f"{key} {value}: {reasons[0]}")
    out = {k: r[k] for k in READ_ORDER if k in r}
    if unreadable:
        out["unreadable"] = unreadable
    return out, why


def entry(doc: Doc, shot, outline, verdicts, capture: str, notes: list[str], quality: int) -> dict:
    q = geo.apply(shot.hm, outline)
    cut = geo.outside_by(q, shot.w, shot.h) > 0.006 * max(shot.w, shot.h)
    seal = doc.page.seal is not None and cap.seal_visible(shot) >= 0.5
    faces = 0
    if doc.page.face_pts is not None:
        faces = int(geo.visible_fraction(doc.page.face_pts, shot.hm, shot.w, shot.h) >= 0.6)
    reading, why = reading_of(verdicts)
    clean = capture in shots.CLEAN and not (shot.blurry or shot.glare or cut)
    e = {"label": doc.page.label, "role": doc.page.role, "seal": bool(seal), "greyscale": bool(shot.greyscale),
         "glare": bool(shot.glare), "blurry": bool(shot.blurry), "cut_off": bool(cut), "screen": False}
    if doc.page.label == "id_card":
        e["id_side"] = doc.page.id_side
    e["faces_visible"] = faces
    sizes = {}
    for f, em, _ in verdicts:
        k = f.key.split(".")[0]
        sizes[k] = min(sizes.get(k, 1e9), em)
    em_note = "text px " + ", ".join(f"{k} {v:.0f}" for k, v in sizes.items())
    text = "; ".join(notes + shot.notes + [f"{capture} capture", f"{shot.w}×{shot.h}", f"JPEG q{quality}", em_note] + why)
    e["notes"] = text
    e["reading"] = reading
    e["clean"] = bool(clean)
    return e


def item_rng(split: str, seed: int, idx: int):
    return np.random.default_rng(np.random.SeedSequence([seed, list(SPLITS).index(split), idx]))


def make(split: str, seed: int, idx: int, kind: str, capture: str, out_dir: Path, name: str | None = None,
         opts: dict | None = None) -> tuple[str, dict, int]:
    """Render item idx of a split (random content); returns (relative path, entry, bytes).
    opts: cls, individual, landscape, subject_kind (content); dpi, card_w, frame (capture); max_side,
    quality (file)."""
    opts = opts or {}
    rng = item_rng(split, seed, idx)
    d = Draw(SPLITS[split], rng)
    cls = opts.get("cls") or draw_class(rng, kind)
    content = random_content(rng, kind, cls, opts.get("individual"), opts.get("landscape"), opts.get("subject_kind"))
    rel = name or f"{idx:03d}-{kind}-{capture}.jpg"
    e, n = produce(rng, d, content, capture, out_dir / rel, opts)
    return rel, e, n


def produce(rng, d: Draw, content: Content, capture: str, path: Path, opts: dict | None = None) -> tuple[dict, int]:
    """Render `content`, capture it, write the JPEG to path; returns (entry, bytes)."""
    opts = opts or {}
    card = content.kind in CARD
    p = shots.plan(rng, capture, card, content.landscape, dpi=opts.get("dpi"), card_w=opts.get("card_w"),
                   frame=opts.get("frame"))
    doc = content.render(d, p.render_w, rng)
    shot, doc2, outline, verdicts = take(rng, doc, p, card)
    if opts.get("max_side") and max(shot.w, shot.h) > opts["max_side"]:
        shrink(shot, opts["max_side"], verdicts)
    q = opts.get("quality") or int(np.clip(round(rng.normal(84, 6)), 68, 95))
    data = encode(shot.img, q, shot.grey_encode, rng.random() < 0.15, getattr(shot, "soft", False))
    notes = list(doc.notes) + ([f"validity class {content.validity}"] if content.validity else [])
    e = entry(doc2, shot, outline, verdicts, capture, notes, q)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return e, len(data)


def shrink(shot, max_side: int, verdicts) -> None:
    """Downscale the finished frame (for small fixtures); the legibility was decided at full
    size, so re-check the em against the new scale."""
    from docset.pixels import resize
    s = max_side / max(shot.w, shot.h)
    w, h = int(round(shot.w * s)), int(round(shot.h * s))
    shot.img = resize(shot.img, w, h)
    shot.hm = np.diag([s, s, 1.0]) @ shot.hm
    for i, (f, em, why) in enumerate(verdicts):
        if why is None and em * s < shots.MIN_EM:
            verdicts[i] = (f, em * s, f"too small after downscale ({em * s:.0f}px)")
