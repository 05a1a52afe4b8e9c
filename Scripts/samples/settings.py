"""Paths, sizes and noise levels shared by the sample generator."""

from __future__ import annotations

import math
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent.parent  # Scripts/samples/settings.py → the package root
DEFAULT_SAMPLES = ROOT / "Samples"
DEFAULT_ASTRONAUT = ROOT.parent / "shared" / "corpora" / "photos" / "skimage_astronaut.png"

JPEG_QUALITY = 85
DOC_DPI = 150
# The BMP is refused for its format whatever its size: keep it small (A4's 1:√2 ratio).
BMP_SIZE = (400, 566)
# Grain (standard deviation, 0..255 scale): just enough to keep flat areas from being perfectly flat;
# more would mostly add JPEG bytes, and every "like APP-101" folder holds its own copy.
DOC_NOISE = 0.5
PHOTO_NOISE = 0.8

Image = np.ndarray  # float32, H×W×3, values 0..255

