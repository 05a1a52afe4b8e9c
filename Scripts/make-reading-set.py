#!/usr/bin/python3
"""Generate readable document images with known ground truth, for measuring and testing the
OCR reader (numbers, names, dates and titles).

Debian packages (apt-get install -y --no-install-recommends ...), interpreter /usr/bin/python3:
    python3-pil python3-numpy fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming
    fonts-arphic-ukai fonts-dejavu-core
Also reads ../shared/corpora/photos/skimage_astronaut.png (public domain; ID card portraits).

Usage:
    /usr/bin/python3 Scripts/make-reading-set.py OUT_DIR [--split tune|holdout] [--count N] [--seed S] [--jobs N]
    /usr/bin/python3 Scripts/make-reading-set.py --fixtures DIR      (the small fixed set + expected.json)
    /usr/bin/python3 Scripts/make-reading-set.py --applications DIR  (application folders for cross-checks)
    /usr/bin/python3 Scripts/make-reading-set.py --self-check        (number algorithms against known values)

A split writes OUT_DIR/NNN-KIND-CAPTURE.jpg and OUT_DIR/labels.json (path → entry). Kinds: business
licence, ID card front and back, authenticity statement (核验单), commitment letter (承诺书),
domain certificate. Captures: clean scans (full page, with margin, askew), phone photos in
perspective, app crops, and the unclean ones (blurry, glare, photocopy, rotated 90°, small,
cut off). The tune and holdout splits differ in seeds, fonts (holdout uses wqy-zenhei and
AR PL UKai, which tune never does), paddings, leadings and field orders.

Every random choice comes from numpy generators seeded per image: the same arguments give the
same bytes (JPEG written by PIL). The code lives in Scripts/reading/ and reuses Scripts/docset/
(capture geometry, surfaces, photocopy) read-only.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reading import numbers, runner  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path, nargs="?")
    ap.add_argument("--split", choices=("tune", "holdout"), default="tune")
    ap.add_argument("--count", type=int, default=120)
    ap.add_argument("--seed", type=int, default=None, help="base seed (default: 1000 for tune, 2000 for holdout)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--fixtures", type=Path, metavar="DIR")
    ap.add_argument("--applications", type=Path, metavar="DIR")
    ap.add_argument("--self-check", action="store_true")
    args = ap.parse_args()
    numbers.self_check()
    if args.self_check:
        print("number checks pass")
        return 0
    if args.fixtures:
        return runner.run_fixtures(args.fixtures, args.seed)
    if args.applications:
        return runner.run_applications(args.applications, args.seed)
    if args.out_dir is None:
        ap.error("OUT_DIR is required (or --fixtures DIR / --applications DIR)")
    return runner.run_split(args.out_dir, args.split, args.count, args.seed, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
