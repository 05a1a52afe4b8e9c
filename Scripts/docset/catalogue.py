"""What the set contains: one spec per image. The catalogue draws its choices (capture, light,
seal style, quality, ...) from its own fixed generator, so the set is varied and reproducible;
render.py turns each spec into a file and a label."""

from __future__ import annotations

import numpy as np

from .surfaces import KINDS

# Phone uploads: mostly 1600–2000 px on the long side, a few full 2400 px frames.
PHOTO_FRAMES = [((1600, 1200), 0.33), ((2000, 1500), 0.14), ((1200, 1600), 0.2), ((1500, 2000), 0.06),
                ((1800, 1350), 0.1), ((1920, 1080), 0.1), ((2400, 1800), 0.03), ((1350, 1800), 0.04)]


class Plan:
    def __init__(self, seed: int):
        self.r = np.random.default_rng(seed)
        self.specs: list[dict] = []

    # -- draws ---------------------------------------------------------------------------------
    def u(self, a, b) -> float:
        return float(self.r.uniform(a, b))

    def pick(self, seq):
        return seq[int(self.r.integers(0, len(seq)))]

    def chance(self, p: float) -> bool:
        return bool(self.r.random() < p)

    def quality(self, lo: int = 60, hi: int = 95) -> int:
        """Mostly 72–88, with tails down to 60 and up to 95."""
        q = self.r.normal(79, 8)
        return int(np.clip(round(q), lo, hi))

    def frame(self, portrait: bool | None = None):
        fr = [(f, w) for f, w in PHOTO_FRAMES if portrait is None or (f[1] > f[0]) == portrait]
        wts = np.array([w for _, w in fr])
        return fr[int(self.r.choice(len(fr), p=wts / wts.sum()))][0]

    # -- capture presets -------------------------------------------------------------------------
    def scan(self, long_side: int, askew: bool | None = None):
        askew = self.chance(0.45) if askew is None else askew
        angle = self.u(1, 4) * self.pick([-1, 1]) if askew else 0.0
        margin = self.u(0.01, 0.04) if askew or self.chance(0.3) else 0.0
        return ("scan", {"long_side": long_side, "angle": round(angle, 2), "margin": round(margin, 3)})

    def photo(self, frame=None, fill=None, tilt=None, angle=None, kind=None, offset=(0.0, 0.0)):
        fw, fh = frame or self.frame()
        return ("photo", {"frame_w": fw, "frame_h": fh, "kind": kind or self.pick(KINDS),
                          "fill": round(fill or self.u(0.62, 0.9), 3),
                          "angle": round(self.u(-8, 8) if angle is None else angle, 2),
                          "tilt": round(self.u(3, 20) if tilt is None else tilt, 2),
                          "axis": round(self.u(0, 360), 1), "offset": offset,
                          "shadow": round(self.u(0.15, 0.5), 2)})

    def screen(self, beat=None):
        fw, fh = self.pick([(2000, 1500), (1600, 1200), (1920, 1080)])
        args = {"frame_w": fw, "frame_h": fh, "fill": round(self.u(0.85, 1.0), 3),
                "tilt": round(self.u(2, 12), 1), "angle": round(self.u(-4, 4), 1)}
        if beat is not None:  # the strength of the visible beat pattern (0.045 unless given)
            args["beat"] = beat
        return ("screen", args)

    def photo_effects(self, light=None):
        fx = [("light", {"strength": round(self.u(0.08, 0.45) if light is None else light, 2),
                         "vignette": round(self.u(0, 0.3), 2), "warmth": round(self.u(-0.07, 0.1), 3)})]
        if self.chance(0.25):
            fx.append(("hand_shadow", {"strength": round(self.u(0.2, 0.45), 2)}))
        fx.append(("soften", {"radius": 1}))
        return fx

    def grain(self, photo: bool):
        return ("grain", {"sigma": round(self.u(0.8, 2.2) if photo else self.u(0.3, 1.1), 2)})

    def page_width(self, cap, portrait_page: bool = True) -> int:
        """Draw the page about 1.05× the size it will show at, and never below 900 px wide."""
        mode, a = cap
        if mode == "scan":
            long_side = a["long_side"] / (1 + 2 * a["margin"])
            w = long_side / 1.414 if portrait_page else long_side
            return int(max(900, w))
        if mode == "photo":
            ratio = 1.414 if portrait_page else 0.707
            on_frame = a["fill"] * min(a["frame_w"], a["frame_h"] / ratio)
            return int(max(900, on_frame * 1.05))
        return 1240

    def add(self, name: str, **spec) -> None:
        spec["name"] = name
        spec.setdefault("quality", self.quality())
        spec["full_chroma"] = self.chance(0.1)
        self.specs.append(spec)

    # -- document item -------------------------------------------------------------------------
    def doc(self, name, builder, args, cap, crop=None, glare=False, blur=None, grey=None, extra=()):
        """One document image. grey: None, 'one', 'rgb' or 'copy'; blur: None, 'defocus', 'motion'."""
        photo = cap[0] in ("photo", "screen")
        fx = self.photo_effects() if cap[0] == "photo" else []
        if cap[0] == "scan" and self.chance(0.3):
            fx.append(("light", {"strength": round(self.u(0.03, 0.12), 2), "vignette": 0.0, "warmth": 0.0}))
        fx += list(extra)
        if glare:
            fx.append(("glare", {"size": round(self.u(0.08, 0.16), 3)}))
        if blur == "defocus":
            fx.append(("defocus", {"radius": int(self.r.integers(3, 6)), "passes": 3}))
        elif blur == "motion":
            fx.append(("motion", {"length": int(self.r.integers(10, 22)), "vertical": self.chance(0.3)}))
        fx.append(self.grain(photo))
        if grey == "one":
            fx.append(("greyscale", {"one_channel": True}))
        elif grey == "rgb":
            fx.append(("greyscale", {"one_channel": False}))
        elif grey == "copy":
            fx.append(("photocopy", {"one_channel": self.chance(0.5)}))
        self.add(name, page=(builder, args), capture=cap, crop=crop, effects=fx)


def build() -> list[dict]:
    p = Plan(20240611)
    real_pages(p)
    statements(p)
    licences(p)
    certificates(p)
    letters(p)
    seal_focus(p)
    id_cards(p)
    portraits(p)
    negatives(p)
    handheld(p)
    pairs(p)
    small_cards(p)
    more_screens(p)
    groups(p)
    names = [s["name"] for s in p.specs]
    assert len(names) == len(set(names)), "duplicate names"
    return p.specs


# ----------------------------------------------------------------------------------------------


def real_pages(p: Plan) -> None:
    n = iter(range(1, 100))
    nm = lambda: f"real/r-{next(n):03d}"
    # LinnSequencer brochure (1-bit 300 dpi scan, letter size, portrait)
    linn = lambda w, tint="white", **kw: ("scan_page", {"key": "linn", "width": w, "tint": tint, **kw})
    p.doc(nm(), *linn(1550, "cream"), ("scan", {"long_side": 2000, "angle": 0.0, "margin": 0.0}))
    p.doc(nm(), *linn(1240, "white"), p.scan(1600, askew=True))
    p.doc(nm(), *linn(1240, "recycled"), ("scan", {"long_side": 1650, "angle": -1.2, "margin": 0.015}), grey="one")
    cap = p.photo(frame=(2000, 1500), kind="wood", tilt=14, angle=-4, fill=0.85)
    p.doc(nm(), *linn(1240, "white"), cap)
    cap = p.photo(frame=(1500, 2000), kind="dark_desk", tilt=8, fill=0.8)
    p.doc(nm(), *linn(1240, "cream"), cap, extra=[("light", {"strength": 0.4, "vignette": 0.25, "warmth": 0.08})])
    p.doc(nm(), *linn(1240, "white", seal_at=(0.78, 0.93)), p.scan(1800, askew=False))  # seal over the address
    cap = p.photo(frame=(1600, 1200), kind="white_desk", tilt=10, fill=0.85)
    p.doc(nm(), *linn(1100, "white", seal_at=(0.3, 0.55)), cap, glare=True)
    p.doc(nm(), *linn(1240, "white"), p.scan(1500, askew=False), crop={"top": 0.12, "right": 0.05})
    p.doc(nm(), *linn(1240, "white"), p.scan(1400, askew=True), grey="copy")
    p.doc(nm(), *linn(1240, "cool"), p.photo(frame=(1200, 1600), kind="grey_laminate", fill=0.8), blur="defocus")
    # Dutch typewritten recipe (1-bit, landscape crop of a page)
    tw = lambda w, tint="white", **kw: ("scan_page", {"key": "typewriter", "width": w, "tint": tint, **kw})
    p.doc(nm(), *tw(2000, "yellowed"), ("scan", {"long_side": 2000, "angle": 0.0, "margin": 0.0}))
    p.doc(nm(), *tw(1600, "white"), p.photo(frame=(2000, 1500), kind="dark_wood", tilt=10, fill=0.75))
    p.doc(nm(), *tw(1800, "cream"), ("scan", {"long_side": 1900, "angle": -4.0, "margin": 0.02}))
    p.doc(nm(), *tw(1800, "white", seal_at=(0.7, 0.75), seal={"rel": (0.06, 0.08)}), p.scan(1800, askew=False))
    p.doc(nm(), *tw(1600, "white"), p.scan(1600, askew=False), grey="rgb")
    p.doc(nm(), *tw(1400, "white"), p.screen())
    # Boston cooking school page: a phone photo already, stored sideways (EXIF 6), set upright
    bo = ("photo_page", {"key": "boston", "width": 1224})
    p.doc(nm(), *bo, ("as_is", {"long_side": 1632}))
    p.doc(nm(), *bo, ("as_is", {"long_side": 1400, "angle": 3.0}))
    p.doc(nm(), *bo, ("as_is", {"long_side": 1500}), grey="one")
    p.doc(nm(), *bo, ("as_is", {"long_side": 1632}), extra=[("light", {"strength": 0.45, "vignette": 0.3, "warmth": 0.05})])
    p.doc(nm(), *bo, ("as_is", {"long_side": 1632}), crop={"top": 0.2, "left": 0.1})
    # scikit-image's small page photo, enlarged (soft: labelled blurry)
    sk = ("photo_page", {"key": "skimage_page", "width": 384})
    p.doc(nm(), *sk, ("as_is", {"long_side": 1000}))
    p.doc(nm(), *sk, ("as_is", {"long_side": 1000, "angle": -2.0}), grey="rgb")


def statements(p: Plan) -> None:
    """30 statements: seal on most, ink black or blue, scans and photos in every condition."""
    conds = (["scan"] * 11 + ["photo"] * 13 + ["screen"] * 2 + ["copy"] * 1 + ["scan_grey"] * 2 + ["photo_grey"] * 1)
    glare_at = {4, 13, 20, 27}
    blur_at = {6: "defocus", 15: "motion", 22: "defocus", 29: "defocus"}
    cut_at = {8: {"bottom": 0.08}, 17: {"left": 0.06, "top": 0.05}, 24: {"right": 0.1}, 11: {"bottom": 0.3}}
    no_seal = {2, 9, 14, 19, 25, 28}
    for i, cond in enumerate(conds):
        name = f"statement/s-{i + 1:03d}"
        grey = {"copy": "copy", "scan_grey": p.pick(["one", "rgb"]), "photo_grey": "one"}.get(cond)
        ink = "black" if grey else p.pick(["black", "blue"])
        if i in (5, 18):
            ink = None
        if cond in ("scan", "copy", "scan_grey"):
            cap = p.scan(int(p.u(1200, 2000)))
        elif cond == "screen":
            cap = p.screen()
        else:
            cap = p.photo(frame=p.frame(portrait=p.chance(0.5)))
        seal = None if i in no_seal else dict(rel=(0.05, 0.11))
        args = {"W": p.page_width(cap), "seal": seal, "ink": ink, "sig_over_seal": p.chance(0.6),
                "text_scale": round(p.u(0.8, 1.25), 2), "seal_shift": (round(p.u(-0.05, 0.05), 3), round(p.u(-0.02, 0.02), 3))}
        p.doc(name, "statement", args, cap, crop=cut_at.get(i), glare=i in glare_at and cond != "screen",
              blur=blur_at.get(i), grey=grey)


def licences(p: Plan) -> None:
    conds = ["scan", "photo", "scan", "photo", "photo", "scan", "photo", "screen", "photo", "scan",
             "photo", "scan", "photo", "photo"]
    for i, cond in enumerate(conds):
        name = f"licence/l-{i + 1:03d}"
        portrait = i in (2, 6, 11)
        cap = p.scan(int(p.u(1300, 2200))) if cond == "scan" else p.screen() if cond == "screen" else p.photo(frame=p.frame(portrait=portrait if p.chance(0.7) else None))
        W = p.page_width(cap, portrait_page=portrait) if portrait else int(max(1100, p.page_width(cap, portrait_page=False)))
        seal = None if i == 9 else dict(rel=(0.045, 0.08), oval=False)
        crop = {"right": 0.22, "bottom": 0.05} if i == 13 else {"left": 0.05} if i == 5 else None
        p.doc(name, "licence", {"W": W, "seal": seal, "portrait": portrait, "text_scale": round(p.u(0.85, 1.2), 2)}, cap,
              crop=crop, glare=i in (3, 10), blur="defocus" if i == 12 else None,
              grey={4: "one", 11: "rgb", 8: "copy"}.get(i))


def certificates(p: Plan) -> None:
    for i in range(10):
        name = f"certificate/c-{i + 1:03d}"
        portrait = p.chance(0.4)
        cap = p.scan(int(p.u(1200, 2200))) if i % 2 == 0 else p.photo(frame=p.frame(portrait=portrait))
        W = max(1000, p.page_width(cap, portrait_page=portrait))
        red_neg = ("red_heading",) if i == 3 else ("red_logo",) if i == 7 else ()
        seal = None if i in (3, 7) else dict(rel=(0.05, 0.12))
        p.doc(name, "domain", {"W": W, "seal": seal, "portrait": portrait, "red_neg": red_neg,
                                "text_scale": round(p.u(0.85, 1.2), 2)}, cap,
              crop={"bottom": 0.1} if i == 5 else None, glare=i == 9, blur="motion" if i == 1 else None,
              grey="one" if i == 4 else None)


def letters(p: Plan) -> None:
    specs = [  # (builder, seal, red negatives, latin)
        ("letter", None, ("red_stripe", "red_logo"), True),
        ("letter", {"rel": (0.06, 0.09)}, (), False),
        ("letter", None, ("red_handwriting",), True),
        ("letter", None, (), True),
        ("receipt", {"rel": (0.13, 0.17), "oval": True, "star": False}, (), None),
        ("receipt", None, (), None),
        ("receipt", {"rel": (0.13, 0.17), "oval": True, "star": False}, (), None),
        ("letter", None, ("red_heading", "red_pen"), False),
    ]
    for i, (builder, seal, red_neg, latin) in enumerate(specs):
        name = f"letter/t-{i + 1:03d}"
        if builder == "receipt":
            cap = p.photo(frame=p.frame(portrait=True), fill=p.u(0.6, 0.85))
            args = {"W": int(p.u(700, 950)), "seal": seal}
        else:
            cap = p.scan(int(p.u(1300, 2200))) if i % 2 else p.photo()
            args = {"W": p.page_width(cap), "seal": seal, "latin": latin, "red_neg": red_neg,
                    "ink": p.pick(["black", "blue"])}
        p.doc(name, builder, args, cap, grey="rgb" if i == 3 else None, blur="defocus" if i == 5 else None)


def seal_focus(p: Plan) -> None:
    """Seals at their extremes, and red marks that are not seals."""
    n = iter(range(1, 100))
    nm = lambda: f"seal/x-{next(n):03d}"
    base = lambda cap, seal, **kw: {"W": p.page_width(cap), "seal": seal, "ink": kw.pop("ink", p.pick(["black", "blue"])),
                                    "sig_over_seal": kw.pop("sig_over_seal", True), **kw}
    positives = [
        ({"rel": (0.03, 0.032)}, {}), ({"rel": (0.03, 0.035), "density": 0.45}, {}),
        ({"rel": (0.115, 0.12)}, {}), ({"rel": (0.11, 0.12), "oval": True}, {}),
        ({"rel": (0.07, 0.09), "density": 0.32}, {}), ({"rel": (0.07, 0.09), "density": 0.4, "hue": 5.0}, {}),
        ({"rel": (0.07, 0.09), "hue": 336.0}, {}), ({"rel": (0.07, 0.09), "hue": 19.0, "sat": 0.8}, {}),
        ({"rel": (0.06, 0.08), "oval": True, "star": False}, {}),
        ({"rel": (0.07, 0.09), "star": False, "inner_ring": False}, {}),
        ({"rel": (0.07, 0.09), "rotation": 80.0}, {}),
        ({"rel": (0.08, 0.1)}, {"seal_shift": (-0.12, -0.08)}),  # pushed up into the body text
        ({"rel": (0.07, 0.09)}, {"sig_over_seal": True, "ink": "blue"}),  # signature across it
    ]
    for seal, kw in positives:
        cap = p.scan(int(p.u(1300, 2100))) if p.chance(0.55) else p.photo()
        p.doc(nm(), "statement", base(cap, seal, **kw), cap)
    # the frame cuts the seal: about half left in, and wholly out
    cap = p.scan(1800, askew=False)
    p.doc(nm(), "statement", base(cap, {"rel": (0.08, 0.09)}, seal_shift=(0.0, 0.0)), cap, crop={"bottom": 0.2})
    cap = p.scan(1800, askew=False)
    p.doc(nm(), "statement", base(cap, {"rel": (0.06, 0.07)}), cap, crop={"bottom": 0.3})
    # hard negatives: red but not a seal
    for red_neg in [("red_heading",), ("red_logo",), ("red_pen",), ("red_handwriting",), ("red_heading", "red_logo", "red_pen")]:
        cap = p.scan(int(p.u(1300, 2100))) if p.chance(0.5) else p.photo()
        p.doc(nm(), "statement", base(cap, None, red_neg=red_neg), cap)
    for red_neg in [("red_stripe",), ("red_stripe", "red_handwriting")]:
        cap = p.scan(int(p.u(1300, 2100)))
        p.doc(nm(), "letter", {"W": p.page_width(cap), "seal": None, "latin": p.chance(0.5), "red_neg": red_neg}, cap)


def id_cards(p: Plan) -> None:
    faces = ["photos/hivision_test3.jpg", "photos/facerec_biden2.jpg", "photos/skimage_astronaut.png"]
    n = iter(range(1, 100))
    nm = lambda: f"idcard/i-{next(n):03d}"

    def tight(w):
        return p.photo(frame=(w, int(round(w / 1.586))), fill=p.u(0.95, 0.985), tilt=p.u(0, 3),
                       angle=p.u(-1.2, 1.2), kind=p.pick(["white_desk", "grey_laminate", "dark_desk", "wood"]))

    for side, grey in (("front", None), ("front", None), ("front", "one"), ("back", None), ("back", None), ("back", "rgb")):
        cap = tight(int(p.u(900, 1500)))
        args = {"cw": int(cap[1]["frame_w"] * 1.05)}
        if side == "front":
            args["face_rel"] = p.pick(faces)
        p.doc(nm(), "id_front" if side == "front" else "id_back", args, cap, grey=grey)
    for side, kw in (("front", {}), ("front", {"glare": True}), ("front", {"grey": "one"}),
                     ("back", {}), ("back", {"blur": "defocus"}), ("back", {"glare": True})):
        cap = p.photo(fill=p.u(0.35, 0.7), angle=p.u(-20, 20), tilt=p.u(2, 15))
        args = {"cw": int(cap[1]["frame_w"] * 0.6)}
        if side == "front":
            args["face_rel"] = p.pick(faces)
        p.doc(nm(), "id_front" if side == "front" else "id_back", args, cap, **kw)
    # a card reaching out of the frame (the side away from the portrait is cut)
    cap = p.photo(frame=(1600, 1200), fill=0.75, angle=3, tilt=5, offset=(-0.2, 0.0))
    p.doc(nm(), "id_front", {"cw": 1300, "face_rel": faces[0]}, cap)
    cap = p.photo(frame=(1600, 1200), fill=0.8, angle=-6, tilt=6, offset=(0.0, 0.18))
    p.doc(nm(), "id_back", {"cw": 1300}, cap)
    # both sides on one sheet
    for kw in ({}, {"grey": "one"}, {"grey": "copy"}, {"grey": "rgb"}, {"photo": True}, {"photo": True, "grey": "one"}):
        cap = p.photo(frame=p.frame(portrait=True), fill=p.u(0.75, 0.9)) if kw.get("photo") else p.scan(int(p.u(1300, 2100)))
        args = {"W": p.page_width(cap), "face_rel": p.pick(faces)}
        p.doc(nm(), "id_both", args, cap, grey=kw.get("grey"))


def portraits(p: Plan) -> None:
    n = iter(range(1, 100))
    nm = lambda: f"portrait/p-{next(n):03d}"
    lab = lambda notes: {"label": "portrait", "role": "administrator_photo", "faces": 1, "notes": notes}
    p.add(nm(), picture=("make_photo", {}),
          label=lab("samples' make_photo: astronaut (NASA, public domain) on a blue backdrop cloth; 900x1200"))
    for colour, cname in (((46, 118, 208), "blue"), ((246, 246, 244), "white"), ((200, 40, 40), "red"), ((150, 190, 230), "light blue")):
        p.add(nm(), picture=("keyed", {"rel": "photos/hivision_test3.jpg", "colour": colour, "long_side": int(p.u(950, 1400))}),
              label=lab(f"hivision_test3 person re-keyed onto a {cname} backdrop (likely AI-generated source)"))
    p.add(nm(), picture=("reframe", {"rel": "photos/hivision_test3.jpg", "long_side": 1100, "box": (0.05, 0.0, 0.95, 0.85), "gain": 1.05}),
          label=lab("hivision_test3 on its own light-grey backdrop, cropped"))


def negatives(p: Plan) -> None:
    n = iter(range(1, 100))
    nm = lambda: f"negative/n-{next(n):03d}"
    nd = lambda notes, faces=0: {"label": "not_document", "role": "unknown", "faces": faces, "notes": notes}
    pt = lambda notes: {"label": "portrait", "role": "unknown", "faces": 1, "notes": notes}
    rf = lambda rel, long_side, **kw: ("reframe", {"rel": rel, "long_side": long_side, **kw})
    items = [
        (rf("photos/skimage_coffee.png", 1200, box=(0.05, 0.05, 0.95, 0.95)), nd("coffee cup, cropped")),
        (rf("photos/skimage_coffee.png", 1000, flip=True, gain=1.25, gamma=0.8), nd("coffee cup, mirrored, brighter")),
        (rf("photos/skimage_rocket.jpg", 1280, gain=0.8), nd("rocket on a pad at dusk, darker")),
        (rf("photos/skimage_chelsea.png", 900), nd("cat close-up (animal face), enlarged")),
        (rf("photos/dlib_eagle.jpg", 1500), nd("eagle on a shore")),
        (rf("photos/dlib_eagle.jpg", 1200, box=(0.2, 0.0, 0.9, 0.9), gain=1.3, gamma=0.85), nd("eagle, cropped, brighter")),
        (rf("photos/skimage_astronaut.png", 1024), pt("astronaut portrait (flag and shuttle model behind)")),
        (rf("photos/skimage_astronaut.png", 1000, box=(0.0, 0.45, 0.6, 1.0), flip=True), nd("astronaut's suit and flag, no face", 0)),
        (rf("photos/facerec_biden2.jpg", 1200, box=(0.1, 0.0, 0.9, 0.9)), pt("head-and-shoulders portrait, painted background")),
        (rf("photos/facerec_biden2.jpg", 1000, box=(0.15, 0.7, 0.95, 1.0), gain=0.85), nd("suit and tie only, no face", 0)),
        (rf("photos/hivision_test3.jpg", 1000, flip=True, gain=0.8, gamma=1.1),
         {**pt("ID-style portrait before a plain grey backdrop, mirrored, darker (an administrator photo on a colour the"
               " providers do not accept); likely AI-generated"), "role": "administrator_photo"}),
        (rf("exif/Reconyx_HC500_Hyperfire.jpg", 1600), nd("trail-camera snow forest with a data strip")),
        (rf("exif/hdr_canon_hdr_NO.jpg", 1800), nd("chandelier (EXIF orientation 6, set upright)")),
        (rf("exif/tests_33-type_error.jpg", 2200), nd("car in snow")),
        (rf("exif/tests_45-gps_ifd.jpg", 1600, gain=1.1), nd("clouds from above, bright")),
        (rf("exif/exiforg_fujifilm-dx10.jpg", 1024), nd("food on a griddle, hands")),
        (rf("exif/exiforg_nikon-e950.jpg", 1200, flip=True), nd("field gun in front of a building, mirrored")),
        (rf("exif/exiforg_sony-powershota5.jpg", 1024), nd("person holding a pumpkin, face out of frame", 0)),
        (rf("exif/exiforg_ricoh-rdc5300.jpg", 1100), nd("house plant in front of shelves")),
    ]
    for pic, lab in items:
        p.add(nm(), picture=pic, label=lab, grain=round(p.u(0.5, 1.5), 2))
    for _ in range(3):
        w, h = p.pick([(2000, 1500), (1600, 1200), (1200, 1600)])
        p.add(nm(), picture=("wall", {"size": (w, h)}), label=nd("plain painted wall with a light switch"), grain=round(p.u(1, 2.5), 2))
    for _ in range(2):
        w, h = p.pick([(2000, 1500), (1600, 1200)])
        p.add(nm(), picture=("whiteboard", {"size": (w, h)}), label=nd("whiteboard: bright, low texture, faint ghosts"), grain=round(p.u(1, 2), 2))
    for _ in range(3):
        w, h = p.pick([(2000, 1500), (1600, 1200), (1920, 1080)])
        p.add(nm(), picture=("sky", {"size": (w, h)}), label=nd("bright sky with clouds"), grain=round(p.u(0.8, 2), 2))


def handheld(p: Plan) -> None:
    """A person holding an ID card up: by the chest or beside the face, front or back."""
    n = iter(range(1, 100))
    nm = lambda: f"handheld/h-{next(n):03d}"
    people = [("photos/hivision_test3.jpg", 1100), ("photos/facerec_biden2.jpg", 1200), ("photos/skimage_astronaut.png", 1024)]
    faces = ["photos/hivision_test3.jpg", "photos/facerec_biden2.jpg", "photos/skimage_astronaut.png"]
    for i in range(12):
        rel, long_side = people[i % 3]
        side = "front" if i % 4 < 3 else "back"
        place = ("chest", "left", "right")[(i // 3) % 3]
        args = {"rel": rel, "side": side, "place": place, "long_side": int(long_side * p.u(0.95, 1.3)), "face_rel": p.pick(faces)}
        notes = f"{rel.split('/')[-1]} holding an ID card ({side}) {'by the chest' if place == 'chest' else 'beside the face, ' + place}"
        p.add(nm(), picture=("handheld", args), label={"label": "handheld", "role": "handheld_id_photo",
                                                       "faces": 1, "notes": notes + " (the card's printed photo is not a person)"},
              grain=round(p.u(0.5, 1.5), 2))


def pairs(p: Plan) -> None:
    """Two people before a backdrop: two faces, never one person's portrait."""
    n = iter(range(1, 100))
    nm = lambda: f"pair/q-{next(n):03d}"
    people = ["photos/hivision_test3.jpg", "photos/facerec_biden2.jpg", "photos/facerec_alex-lacamoire.png"]
    colours = [((46, 118, 208), "blue"), ((246, 246, 244), "white"), ((150, 190, 230), "light blue")]
    for i in range(6):
        left, right = people[i % 3], people[(i + 1 + i // 3) % 3]
        colour, cname = colours[i % 3]
        scale = round(p.u(0.75, 1.0), 2)
        args = {"left": left, "right": right, "colour": colour, "long_side": int(p.u(1200, 1800)), "second_scale": scale}
        notes = f"{left.split('/')[-1]} and {right.split('/')[-1]} side by side on a {cname} backdrop, the second at {scale}x"
        p.add(nm(), picture=("two_people", args), label={"label": "not_document", "role": "unknown", "faces": 2, "notes": notes},
              grain=round(p.u(0.5, 1.5), 2))


def groups(p: Plan) -> None:
    """One person in front framed like a portrait, one or two smaller people behind, their faces
    clear (added with the search for faces smaller than the first scan's)."""
    n = iter(range(1, 100))
    nm = lambda: f"group/g-{next(n):03d}"
    people = ["photos/hivision_test3.jpg", "photos/facerec_biden2.jpg", "photos/facerec_alex-lacamoire.png", "photos/skimage_astronaut.png"]
    colours = [((46, 118, 208), "blue"), ((246, 246, 244), "white"), ((160, 160, 158), "grey")]
    for i in range(8):
        main = people[i % 4]
        sides = [["left"], ["right"], ["left", "right"]][i % 3]
        others = [people[(i + 1 + k) % 4] for k in range(len(sides))]
        scales = [round(p.u(0.3, 0.55), 2) for _ in sides]
        colour, cname = colours[i % 3]
        args = {"main": main, "others": others, "colour": colour, "long_side": int(p.u(1400, 1900)), "scales": scales, "sides": sides}
        notes = (f"{main.split('/')[-1]} in front on a {cname} backdrop, behind: "
                 + ", ".join(f"{o.split('/')[-1]} at {s}x on the {d}" for o, s, d in zip(others, scales, sides)))
        p.add(nm(), picture=("group", args), label={"label": "not_document", "role": "unknown", "faces": 1 + len(sides), "notes": notes},
              grain=round(p.u(0.5, 1.5), 2))


def small_cards(p: Plan) -> None:
    """Cards lying small on a desk or photographed on a sheet: neither the picture nor the page is
    the card (added after the ID back search learnt to frame a card from its emblem)."""
    faces = ["photos/hivision_test3.jpg", "photos/facerec_biden2.jpg", "photos/skimage_astronaut.png"]
    n = iter(range(1, 100))
    nm = lambda: f"idcard/j-{next(n):03d}"
    for side in ("back", "back", "back", "back", "front", "front"):
        cap = p.photo(fill=p.u(0.3, 0.5), angle=p.u(-12, 12), tilt=p.u(2, 14))
        args = {"cw": int(cap[1]["frame_w"] * 0.6)}
        if side == "front":
            args["face_rel"] = p.pick(faces)
        p.doc(nm(), "id_front" if side == "front" else "id_back", args, cap)
    for grey in (None, "rgb"):
        cap = p.photo(frame=p.frame(portrait=True), fill=p.u(0.75, 0.9))
        p.doc(nm(), "id_both", {"W": p.page_width(cap), "face_rel": p.pick(faces)}, cap, grey=grey)


def more_screens(p: Plan) -> None:
    """More pages re-shot from a monitor, some with a fainter beat pattern than the first four
    (added after the screen search learnt to look at colour moiré)."""
    n = iter(range(1, 100))
    for i, beat in enumerate((0.045, 0.03, 0.02, 0.015)):
        cap = p.screen(beat=beat)
        name = f"screen/v-{next(n):03d}"
        if i % 2 == 0:
            args = {"W": p.page_width(cap), "seal": dict(rel=(0.05, 0.11)), "ink": "black", "sig_over_seal": False,
                    "text_scale": 1.0, "seal_shift": (0.0, 0.0)}
            p.doc(name, "statement", args, cap)
        else:
            W = int(max(1100, p.page_width(cap, portrait_page=False)))
            p.doc(name, "licence", {"W": W, "seal": dict(rel=(0.045, 0.08), oval=False), "portrait": False, "text_scale": 1.0}, cap)
