"""JPEG through cjpeg at a chosen quality, colour or one-channel, with varied chroma sampling
(samples.encoding.cjpeg has one fixed quality)."""

from __future__ import annotations

import subprocess

import numpy as np

from samples.encoding import to_u8


def jpeg(img: np.ndarray, quality: int, grey: bool = False, full_chroma: bool = False) -> bytes:
    a = to_u8(img)
    args = ["cjpeg", "-quality", str(int(quality)), "-optimize"]
    if grey:
        args.append("-grayscale")
    elif full_chroma:
        args += ["-sample", "1x1"]
    header = b"P6\n%d %d\n255\n" % (a.shape[1], a.shape[0])
    return subprocess.run(args, input=header + a.tobytes(), stdout=subprocess.PIPE, check=True).stdout
