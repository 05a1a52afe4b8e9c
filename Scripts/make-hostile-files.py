#!/usr/bin/env python3
"""Writes the crafted files of the hostile-input audit (issue 14) into a folder, to measure what
`icpcheck inspect` costs on each (peak RSS and CPU with /usr/bin/time -v).

    python3 Scripts/make-hostile-files.py OUT_DIR

Each file is small on disk and expensive for a decoder without caps:
  png_<chunk>_len_<hex>.png  a 1×1 PNG whose tEXt/zTXt/iTXt/sPLT claims a huge length
  jpeg_prog_9999_995scans.jpg  progressive 9999×9999 (4:4:4), 995 scans with no entropy data
  jpeg_prog_2000_995scans.jpg  the same at 2000×2000 (coefficients fit, the scans do not)
  png_ztxt_2000x1MB.png      2,000 zTXt chunks that each inflate to 1 MB
  png_idat_bomb_99mp_rgba16[_interlaced].png  9950×9950 RGBA16 of zeros (770 KB compressed)
"""
import struct
import sys
import zlib
from pathlib import Path


def chunk(kind: bytes, data: bytes, length=None) -> bytes:
    length = len(data) if length is None else length
    return struct.pack(">I", length) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def ihdr(width, height, depth=8, color=2, interlace=0) -> bytes:
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, interlace))


SIGNATURE = b"\x89PNG\r\n\x1a\n"


def tiny_png(extra: bytes) -> bytes:
    """A 1×1 RGB PNG with `extra` chunks before its image data."""
    idat = chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
    return SIGNATURE + ihdr(1, 1) + extra + idat + chunk(b"IEND", b"")


def huge_length_png(kind: bytes, length: int) -> bytes:
    # The chunk's payload is a few bytes; its length field claims `length`.
    return tiny_png(chunk(kind, b"k\x00" + b"x" * 40, length=length))


def ztxt_bomb_png(count=2000, inflated=1 << 20) -> bytes:
    payload = b"Comment\x00\x00" + zlib.compress(b"\x00" * inflated, 9)
    return tiny_png(b"".join(chunk(b"zTXt", payload) for _ in range(count)))


def idat_bomb_png(side=9950, interlace=0) -> bytes:
    # RGBA, 16 bits: 8 bytes a pixel; every row is filter byte 0 and zeros.
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + side * 8)
    if interlace:
        # Adam7: the rows of each pass, each with its own filter byte.
        rows = []
        for xs, ys, dx, dy in [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]:
            width = (side - xs + dx - 1) // dx
            height = (side - ys + dy - 1) // dy
            if width and height:
                rows.append((height, b"\x00" * (1 + width * 8)))
        data = b"".join(compressor.compress(r) for h, r in rows for _ in range(h))
    else:
        data = b"".join(compressor.compress(row) for _ in range(side))
    data += compressor.flush()
    return SIGNATURE + ihdr(side, side, depth=16, color=6, interlace=interlace) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def marker(code: int, payload: bytes) -> bytes:
    return bytes([0xFF, code]) + struct.pack(">H", len(payload) + 2) + payload


def progressive_jpeg(side: int, scans: int) -> bytes:
    """Progressive, three components at 1×1 sampling, one DC scan then AC scans with no data."""
    dqt = marker(0xDB, b"\x00" + bytes([1] * 64))
    sof2 = marker(0xC2, struct.pack(">BHHB", 8, side, side, 3) + b"".join(bytes([c, 0x11, 0]) for c in (1, 2, 3)))
    # One symbol (0x00) of code length 1 in each table: DC "no difference", AC "end of block".
    table = bytes([1] + [0] * 15) + b"\x00"
    dht = marker(0xC4, b"\x00" + table + b"\x10" + table)
    out = b"\xff\xd8" + dqt + sof2 + dht
    out += marker(0xDA, b"\x03" + b"".join(bytes([c, 0x00]) for c in (1, 2, 3)) + b"\x00\x00\x00")
    for i in range(scans - 1):
        component = 1 + i % 3
        out += marker(0xDA, b"\x01" + bytes([component, 0x00]) + b"\x01\x3f\x00")
    return out + b"\xff\xd9"


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for kind in (b"tEXt", b"zTXt", b"iTXt", b"sPLT"):
        (out / f"png_{kind.decode()}_len_7fffffff.png").write_bytes(huge_length_png(kind, 0x7FFFFFFF))
    (out / "png_iTXt_len_69000020.png").write_bytes(huge_length_png(b"iTXt", 0x69000020))
    (out / "jpeg_prog_9999_995scans.jpg").write_bytes(progressive_jpeg(9999, 995))
    (out / "jpeg_prog_2000_995scans.jpg").write_bytes(progressive_jpeg(2000, 995))
    (out / "png_ztxt_2000x1MB.png").write_bytes(ztxt_bomb_png())
    (out / "png_idat_bomb_99mp_rgba16.png").write_bytes(idat_bomb_png())
    (out / "png_idat_bomb_99mp_rgba16_interlaced.png").write_bytes(idat_bomb_png(interlace=1))


if __name__ == "__main__":
    main()
