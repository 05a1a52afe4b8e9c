#!/usr/bin/env python3
"""Generate a labelled evaluation set for the document heuristics: images plus labels.json.

Usage: python3 Scripts/make-document-set.py OUT_DIR [--jobs N]

Deterministic (seeded per file; JPEG through cjpeg). Needs Python 3.11 with numpy, `cjpeg` and
`djpeg` on PATH (libjpeg-turbo-progs), and the read-only corpora at ../shared/corpora.
The code lives in Scripts/docset/ and reuses the drawing helpers of Scripts/samples/.
The output derives from corpus photos without a stated licence: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docset.runner import run  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = ap.parse_args()
    return run(args.out_dir, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
