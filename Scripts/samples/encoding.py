"""JPEG (through cjpeg), JFIF density, EXIF APP1 and BMP encoding."""

from __future__ import annotations

import math
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np

from .settings import *  # noqa: F401,F403

# ----------------------------------------------------------------------------------------------
# Encoders


def to_u8(img: Image) -> np.ndarray:
    return np.clip(np.round(img), 0, 255).astype(np.uint8)


def ppm(img: Image) -> bytes:
    a = to_u8(img)
    return b"P6\n%d %d\n255\n" % (a.shape[1], a.shape[0]) + a.tobytes()


def cjpeg(img: Image, grayscale: bool = False) -> bytes:
    args = ["cjpeg", "-quality", str(JPEG_QUALITY), "-optimize"]
    if grayscale:
        args.append("-grayscale")
    res = subprocess.run(args, input=ppm(img), stdout=subprocess.PIPE, check=True)
    data = res.stdout
    if data[:2] != b"\xff\xd8" or data[2:4] != b"\xff\xe0" or data[6:11] != b"JFIF\x00":
        raise RuntimeError("cjpeg did not write a JFIF APP0 segment first")
    return data


def set_jfif_density(jpeg: bytes, dpi: int) -> bytes:
    """cjpeg has no density switch: patch the JFIF APP0 (units = 1 dots per inch, X = Y = dpi)."""
    b = bytearray(jpeg)
    b[13] = 1
    b[14:16] = struct.pack(">H", dpi)
    b[16:18] = struct.pack(">H", dpi)
    return bytes(b)


def tiff_ifd(entries, base: int, next_ifd: int = 0) -> bytes:
    """One little-endian IFD at file offset `base`, its out-of-line values right after it."""
    entries = sorted(entries, key=lambda e: e[0])
    head = struct.pack("<H", len(entries))
    data = b""
    data_off = base + 2 + 12 * len(entries) + 4
    for tag, typ, count, value in entries:
        if len(value) <= 4:
            head += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\x00")
        else:
            head += struct.pack("<HHII", tag, typ, count, data_off + len(data))
            data += value
            if len(data) % 2:
                data += b"\x00"
    return head + struct.pack("<I", next_ifd) + data


def exif_app1(width: int, height: int, software: str | None = None) -> bytes:
    """Camera EXIF (no dates, so the sample never ages), with the tags `exiftool -validate` wants."""
    ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 2, 3, 4, 5, 7

    def ascii(s: str):
        v = s.encode("ascii") + b"\x00"
        return (ASCII, len(v), v)

    ifd0 = [
        (0x010F, *ascii("Canon")),
        (0x0110, *ascii("Canon EOS 80D")),
        (0x0112, SHORT, 1, struct.pack("<H", 1)),
        (0x011A, RATIONAL, 1, struct.pack("<II", 72, 1)),
        (0x011B, RATIONAL, 1, struct.pack("<II", 72, 1)),
        (0x0128, SHORT, 1, struct.pack("<H", 2)),
        (0x0213, SHORT, 1, struct.pack("<H", 2)),  # YCbCrPositioning: co-sited, as Canon writes
    ]
    if software:
        ifd0.append((0x0131, *ascii(software)))
    # Lay IFD0 out once with a placeholder pointer to learn its size, then point at what follows.
    probe = tiff_ifd(ifd0 + [(0x8769, LONG, 1, struct.pack("<I", 0))], 8)
    exif_off = 8 + len(probe)
    ifd0_bytes = tiff_ifd(ifd0 + [(0x8769, LONG, 1, struct.pack("<I", exif_off))], 8)
    exif_ifd = tiff_ifd([
        (0x9000, UNDEFINED, 4, b"0230"),  # ExifVersion
        (0x9101, UNDEFINED, 4, bytes([1, 2, 3, 0])),  # ComponentsConfiguration: Y Cb Cr
        (0xA000, UNDEFINED, 4, b"0100"),  # FlashpixVersion
        (0xA001, SHORT, 1, struct.pack("<H", 1)),  # ColorSpace: sRGB
        (0xA002, LONG, 1, struct.pack("<I", width)),  # PixelXDimension
        (0xA003, LONG, 1, struct.pack("<I", height)),  # PixelYDimension
    ], exif_off)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd0_bytes + exif_ifd
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def with_exif(jpeg: bytes, width: int, height: int, software: str | None = None) -> bytes:
    """A camera-style file: SOI, the EXIF APP1 right after it, and no JFIF APP0."""
    (app0_len,) = struct.unpack(">H", jpeg[4:6])
    rest = jpeg[4 + app0_len:]
    return b"\xff\xd8" + exif_app1(width, height, software) + rest


def bmp24(img: Image, dpi: int = DOC_DPI) -> bytes:
    a = to_u8(img)
    h, w = a.shape[:2]
    row = w * 3
    pad = (4 - row % 4) % 4
    bgr = a[::-1, :, ::-1]  # bottom-up rows, BGR order
    if pad:
        bgr = np.concatenate([bgr.reshape(h, row), np.zeros((h, pad), np.uint8)], axis=1)
    pixels = bgr.tobytes()
    ppm_ = int(round(dpi / 0.0254))
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(pixels), ppm_, ppm_, 0, 0)
    header = b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info))
    return header + info + pixels


