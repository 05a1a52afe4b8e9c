"""A flat thing to be captured (page or card) and what a capture made of it (a shot)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


class _Sized:
    """Height and width of `img`, for the dataclasses below."""

    img: np.ndarray

    @property
    def h(self) -> int:
        return self.img.shape[0]

    @property
    def w(self) -> int:
        return self.img.shape[1]


@dataclass
class Page(_Sized):
    img: np.ndarray                    # H×W×3 float RGB, the flat page as printed
    role: str                          # what a reviewer would call it (labels.ROLES)
    label: str = "document"            # "document" or "id_card"
    seal: np.ndarray | None = None     # H×W coverage of seal ink, None when no seal was stamped
    alpha: np.ndarray | None = None    # H×W shape (rounded card corners), None for a rectangle
    ink: str | None = None             # signature ink on statements: "black" or "blue"
    id_side: str | None = None
    faces: int = 0
    cut_already: bool = False          # the source picture already crops the page's border
    soft_source: bool = False          # the source itself is blurry (an enlarged small photo)
    grey_source: bool = False          # the source itself is greyscale
    face_pts: np.ndarray | None = None # page points spanning the face, for visibility checks
    notes: list[str] = field(default_factory=list)

    def seal_points(self, limit: int = 3000) -> np.ndarray:
        """Page coordinates of seal ink pixels (an even subsample), for visibility checks."""
        if self.seal is None:
            return np.zeros((0, 2))
        ys, xs = np.nonzero(self.seal > 0.25)
        step = max(1, len(xs) // limit)
        return np.c_[xs[::step] + 0.5, ys[::step] + 0.5]

    def stacked(self) -> np.ndarray:
        """RGB plus the shape alpha as a fourth channel, so one warp moves both (plain RGB for
        rectangular pages: the warp's own coverage is their alpha)."""
        if self.alpha is None:
            return self.img
        return np.concatenate([self.img, self.alpha[:, :, None]], axis=2)


@dataclass
class Shot(_Sized):
    img: np.ndarray                    # the frame, float RGB
    hm: np.ndarray                     # page → frame homography
    page: Page
    notes: list[str] = field(default_factory=list)
    greyscale: bool = False
    glare: bool = False
    blurry: bool = False
    screen: bool = False
    grey_encode: bool = False          # encode as a one-channel JPEG
