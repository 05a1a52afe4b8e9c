"""Real text pages from the corpus turned into flat Pages: 1-bit scans get paper and toner
colours back, the cookbook photo is set upright, the small page photo is enlarged."""

from __future__ import annotations

import functools

import numpy as np


from . import corpus
from .page import Page
from .pages import PAPERS
from .pixels import field, resize

SOURCES = {
    "linn": "photos/ocrmypdf_linn.png",
    "typewriter": "photos/ocrmypdf_typewriter.png",
    "boston": "photos/pagedewarp_boston_cooking_b.jpg",
    "skimage_page": "png/misc/skimage_page.png",
}


# Working widths: each source is shrunk once to this width (per process), variants resize from it.
WORK_WIDTH = {"linn": 1800, "typewriter": 2200, "boston": 1224, "skimage_page": 384}


@functools.lru_cache(maxsize=4)
def _work(key: str) -> np.ndarray:
    """The source at its working width, cached: decoding a 1-bit page and shrinking 8 M pixels is
    the slow part and several variants share it. 1-bit pages keep one channel."""
    if key in ("linn", "typewriter"):
        src = corpus.view(SOURCES[key], grey=True)
    else:  # the cookbook photo is decoded at half size by djpeg (1224×1632 upright)
        src = corpus.view(SOURCES[key], "1/2" if key == "boston" else None)
    h, w = src.shape[:2]
    ww = WORK_WIDTH[key]
    out = resize(src, ww, round(h * ww / w)) if ww != w else np.array(src)
    out.setflags(write=False)
    return out


@functools.lru_cache(maxsize=8)
def _base(key: str, width: int) -> np.ndarray:
    """The source at a variant's width (cached: several variants share a width); read-only."""
    src = _work(key)
    h, w = src.shape[:2]
    out = resize(src, width, round(h * width / w)) if width != w else src
    out.setflags(write=False)
    return out


def scan_page(rng, key: str, width: int, tint: str = "white") -> Page:
    """A 1-bit scan as a colour scan: toner where it was black, tinted paper where white."""
    v = _base(key, width) / np.float32(255.0)
    h, w = v.shape[:2]
    paper = np.array(PAPERS[tint], np.float32) + field(rng, h, w, 5)[:, :, None] * 3
    toner = np.array([28, 27, 30], np.float32) + rng.uniform(-6, 10)
    page = Page(toner + (paper - toner) * v, role="unknown")
    page.notes.append(f"real page {SOURCES[key].split('/')[-1]} on {tint} paper")
    return page


def photo_page(key: str, width: int) -> Page:
    """A corpus photograph of a page, used as it is (its page border already leaves the frame)."""
    img = np.array(_base(key, width))
    page = Page(img, role="unknown", cut_already=True,
                grey_source=bool(np.abs(img - img.mean(axis=2, keepdims=True)).max() < 1))
    page.notes.append(f"real page photo {SOURCES[key].split('/')[-1]}"
                      + (" (stored sideways, EXIF orientation 6, set upright)" if key == "boston" else ""))
    return page
