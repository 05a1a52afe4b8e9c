"""Turn one catalogue spec into an encoded file and its label entry. Labels are computed from
what was drawn (seal ink and face points followed through the geometry), not from the intent."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np

from samples.pictures import make_photo

from . import capture, corpus, handheld, idcards, pages, photos, realpages
from . import geometry as geo
from . import seals as sl
from .encode import jpeg
from .labels import entry
from .page import Page, Shot
from .pixels import grain_field, soft3

BUILDERS = {
    "statement": pages.statement, "licence": pages.licence, "domain": pages.domain_certificate,
    "letter": pages.letter, "receipt": pages.receipt,
    "scan_page": realpages.scan_page, "photo_page": lambda rng, **kw: realpages.photo_page(**kw),
    "id_front": idcards.front, "id_back": idcards.back, "id_both": idcards.both_sides_sheet,
}


def seed_of(name: str) -> int:
    return zlib.crc32(name.encode()) ^ 0x5EED


def _seal_style(rng, page_w: int, spec) -> sl.SealStyle | None:
    """A spec's seal: None, or a dict with the size range, shape, hue and any fixed fields."""
    if spec is None:
        return None
    spec = dict(spec)
    st = sl.random_style(rng, page_w, spec.pop("rel", (0.03, 0.12)), spec.pop("oval", None), spec.pop("hue", None))
    for k, v in spec.items():
        setattr(st, k, v)
    return st


def build_page(rng, builder: str, args: dict) -> Page:
    args = dict(args)
    seal_at = args.pop("seal_at", None)  # real pages: stamp after building, at page fractions
    seal_spec = args.pop("seal", None)
    if builder in ("statement", "licence", "domain", "letter", "receipt"):
        args["seal"] = _seal_style(rng, args["W"], seal_spec)
    page = BUILDERS[builder](rng, **args)
    if seal_at is not None:
        st = _seal_style(rng, page.w, seal_spec or {})
        pages.stamp_page(page, rng, int(seal_at[0] * page.w), int(seal_at[1] * page.h), st)
    return page


def shoot(rng, page: Page, mode: str, args: dict) -> Shot:
    if mode == "scan":
        return capture.scan(page, rng, **args)
    if mode == "photo":
        return capture.photo(page, rng, **args)
    if mode == "screen":
        return capture.screen(page, rng, **args)
    if mode == "as_is":
        return capture.as_is(page, **args)
    raise ValueError(mode)


EFFECTS = {
    "light": capture.light, "hand_shadow": capture.hand_shadow, "glare": capture.glare,
    "grain": capture.grain,
}


def apply_effect(rng, shot: Shot, name: str, args: dict) -> None:
    if name in EFFECTS:
        EFFECTS[name](shot, rng, **args)
    elif name == "defocus":
        capture.defocus(shot, **args)
    elif name == "motion":
        capture.motion(shot, **args)
    elif name == "soften":
        capture.soften(shot, **args)
    elif name == "greyscale":
        capture.greyscale(shot, **args)
    elif name == "photocopy":
        capture.photocopy(shot, rng, **args)
    else:
        raise ValueError(name)


def render_document(rng, spec: dict):
    page = build_page(rng, *spec["page"])
    if spec["capture"][0] == "scan" and spec["page"][0] != "photo_page":
        page.img = soft3(page.img)  # print and scanner softness (photos get lens softness later)
    shot = shoot(rng, page, *spec["capture"])
    if spec.get("crop"):
        capture.crop(shot, spec["crop"])
    for name, args in spec.get("effects", []):
        apply_effect(rng, shot, name, args)
    frac = capture.seal_visible(shot) if page.seal is not None else 0.0
    assert not (shot.greyscale and page.ink == "blue"), "blue ink cannot be told apart in grey"
    notes = page.notes + shot.notes
    if page.seal is not None and frac < 0.98:
        notes.append(f"seal {int(frac * 100)}% inside the frame" + ("" if frac >= 0.5 else ": counted as not visible"))
    if page.seal is not None and frac >= 0.5 and shot.greyscale:
        notes.append("seal shows grey, not red")
    grey = shot.greyscale or page.grey_source
    if page.grey_source and not shot.greyscale:
        notes.append("greyscale source")
    if not grey:
        sub = shot.img[::4, ::4]
        chroma = np.abs(sub - sub.mean(axis=2, keepdims=True)).max(axis=2)
        if chroma.mean() < 1.5 and (chroma > 12).mean() < 0.001:
            notes.append("colour capture of a neutral page: almost no colour in the pixels")
    faces = page.faces
    if page.face_pts is not None:
        vis = geo.visible_fraction(page.face_pts, shot.hm, shot.w, shot.h)
        faces = page.faces if vis >= 0.8 else 0
        if vis < 0.8:
            notes.append("portrait cut off by the frame")
    e = entry(page.label, page.role, "; ".join(notes), faces,
              seal=bool(frac >= 0.5), greyscale=grey, glare=shot.glare,
              blurry=shot.blurry or page.soft_source, cut_off=capture.cut_off(shot), screen=shot.screen,
              ink=page.ink if page.role == "authenticity_statement" else None,
              **({"id_side": page.id_side} if page.label == "id_card" else {}))
    return shot.img, e, shot.grey_encode


def render_picture(rng, spec: dict):
    """Photos that are not documents (corpus re-framings, synthetic scenes) and portraits."""
    kind, args = spec["picture"]
    if kind == "reframe":
        img = photos.reframe(rng, **args)
    elif kind == "wall":
        img = photos.wall_with_switch(rng, *args["size"])
    elif kind == "whiteboard":
        img = photos.whiteboard(rng, *args["size"])
    elif kind == "sky":
        img = photos.sky(rng, *args["size"])
    elif kind == "keyed":
        img = photos.keyed_portrait(rng, **args)
    elif kind == "handheld":
        img = handheld.held_card(rng, **args)
    elif kind == "group":
        img = photos.group(rng, **args)
    elif kind == "two_people":
        img = photos.two_people(rng, **args)
    elif kind == "make_photo":  # the samples' own administrator photo, as it is
        img = make_photo(corpus.load("photos/skimage_astronaut.png"))
    else:
        raise ValueError(kind)
    img = soft3(img) if spec.get("soften", True) else img
    img = img + grain_field(rng, *img.shape[:2]) * np.float32(spec.get("grain", 1.0))
    lab = spec["label"]
    e = entry(lab["label"], lab.get("role", "unknown"), lab["notes"], lab.get("faces", 0))
    return img, e, False


def render(spec: dict, out_dir: str):
    """Worker entry: draw, encode, write; returns (relative path, entry, bytes written)."""
    rng = np.random.default_rng(seed_of(spec["name"]))
    img, e, grey = (render_document if "page" in spec else render_picture)(rng, spec)
    h, w = img.shape[:2]
    assert 900 <= max(h, w) <= 3000, (spec["name"], w, h)
    data = jpeg(img, spec["quality"], grey=grey, full_chroma=spec.get("full_chroma", False))
    rel = spec["name"] + ".jpg"
    e["notes"] += f"; {w}x{h}, JPEG q{spec['quality']}"
    path = Path(out_dir) / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return rel, e, len(data)
