#!/usr/bin/env python3
"""Generate capture variants of the labelled corpus photos, for `icpcheck eval`: every portrait and
non-portrait of ../shared/corpora/photos seen at other sizes, exposures, colour casts, small turns,
mirrored, with sensor noise and at other JPEG qualities, each with its source's labels (portrait
or not, faces visible, plain backdrop). The photo measures should not depend on any of these.

Usage: python3 Scripts/make-photo-variants.py OUT_DIR

Deterministic (seeded; JPEG through cjpeg). Needs Python 3.11 with numpy, `cjpeg` and `djpeg` on
PATH (libjpeg-turbo-progs), and the read-only corpora at ../shared/corpora. It reuses the helpers of
Scripts/docset/. The output derives from corpus photos without a stated licence: keep it outside
the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docset import corpus, encode, pixels  # noqa: E402


def turned(img: np.ndarray, degrees: float) -> np.ndarray:
    """Turned about the centre, bilinear; the corners take the nearest edge pixels."""
    h, w = img.shape[:2]
    t = np.deg2rad(degrees)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cy, cx = (h - 1) / 2, (w - 1) / 2
    ys = np.clip(cy + (yy - cy) * np.cos(t) - (xx - cx) * np.sin(t), 0, h - 1.001)
    xs = np.clip(cx + (yy - cy) * np.sin(t) + (xx - cx) * np.cos(t), 0, w - 1.001)
    y0, x0 = ys.astype(int), xs.astype(int)
    fy, fx = (ys - y0)[..., None], (xs - x0)[..., None]
    top = img[y0, x0] * (1 - fx) + img[y0, x0 + 1] * fx
    bottom = img[y0 + 1, x0] * (1 - fx) + img[y0 + 1, x0 + 1] * fx
    return top * (1 - fy) + bottom * fy


def variants(img: np.ndarray, rng) -> dict[str, tuple[np.ndarray, int]]:
    """Name → (pixels, JPEG quality)."""
    out = {"as-is": (img, 90)}
    for long_side in (320, 640, 1600, 3000):
        out[f"long{long_side}"] = (pixels.scale_to_long(img, long_side), 88)
    out["dark"] = (img * 0.55, 88)
    out["bright"] = (np.minimum(255, img * 1.35), 88)
    out["gamma0.7"] = (255 * (np.clip(img, 0, 255) / 255) ** 0.7, 88)
    out["gamma1.4"] = (255 * (np.clip(img, 0, 255) / 255) ** 1.4, 88)
    out["warm"] = (pixels.white_balance(img.copy(), 0.15), 88)
    out["cool"] = (pixels.white_balance(img.copy(), -0.15), 88)
    out["turned+8"] = (turned(img, 8), 88)
    out["turned-8"] = (turned(img, -8), 88)
    out["mirrored"] = (img[:, ::-1], 88)
    out["noisy-q60"] = (img + rng.normal(0, 8, img.shape), 60)
    phone = pixels.scale_to_long(img, 3000)
    out["phone"] = (phone + rng.normal(0, 4, phone.shape), 85)
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.split("\n\n")[2], file=sys.stderr)
        return 2
    out_dir = Path(sys.argv[1])
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = json.loads((corpus.CORPORA / "photos" / "expected-labels.json").read_text())
    labels = {}
    for index, (name, label) in enumerate(sorted(sources.items())):
        if label["label"] not in ("portrait", "not_portrait"):
            continue
        rng = np.random.default_rng(1000 + index)
        img = corpus.load(str(Path("photos") / name)).astype(np.float32)
        stem = Path(name).stem
        for variant, (picture, quality) in variants(img, rng).items():
            file = f"{stem}-{variant}.jpg"
            (out_dir / file).write_bytes(encode.jpeg(np.clip(picture, 0, 255), quality))
            labels[file] = {key: label[key] for key in ("label", "faces_visible", "plain_backdrop")} | {
                "notes": f"{name}, {variant}"}
    (out_dir / "labels.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(labels)} variants in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
