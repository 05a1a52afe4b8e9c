#!/usr/bin/env python3
"""Regenerate the generated sample upload folders under Samples/ (APP-1xx-*).

Deterministic: every random choice comes from a fixed seed, nothing depends on the clock, and the
JPEGs are encoded by `cjpeg` (libjpeg-turbo) from PPM, so the same tool versions give the same bytes.

Needs Python 3.11 with numpy, and `cjpeg` on PATH (Debian/Ubuntu: libjpeg-turbo-progs).
The only photographic input is scikit-image's public-domain astronaut picture (NASA), read from
../shared/corpora/photos/skimage_astronaut.png; everything else is drawn here.

Usage: python3 Scripts/make-samples.py [--samples DIR] [--astronaut PNG]

The script deletes and recreates every folder of Samples/ whose name starts with "APP-1" and
touches nothing else (APP-200-… and SOURCES.md stay as they are).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samples.folders import applications, build_blobs  # noqa: E402
from samples.raster import read_png_rgb  # noqa: E402
from samples.settings import DEFAULT_ASTRONAUT, DEFAULT_SAMPLES  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    ap.add_argument("--astronaut", type=Path, default=DEFAULT_ASTRONAUT)
    args = ap.parse_args()
    samples: Path = args.samples
    if not samples.is_dir():
        print(f"{samples}: not a directory", file=sys.stderr)
        return 2
    astronaut = read_png_rgb(args.astronaut)
    blobs = build_blobs(astronaut)

    for old in sorted(samples.glob("APP-1*")):
        if old.is_dir():
            shutil.rmtree(old)
    for folder, files, form in applications():
        d = samples / folder
        d.mkdir()
        for name, key in files:
            (d / name).write_bytes(blobs[key])
        if form is not None:
            text = json.dumps(form, ensure_ascii=False, indent=2) + "\n"
            (d / "application.json").write_text(text, encoding="utf-8")
        total = sum(p.stat().st_size for p in d.iterdir())
        print(f"{folder}: {len(files)} files, {total / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
