"""The obvious alternative to icpcheck's per-file pipeline, for make bench's ratio (issue 20):
Pillow's draft decode (libjpeg's DCT scaling, as icpcheck decodes) to about the same working
size, then OpenCV's Haar frontal-face cascade (the one icpcheck's photo checks also start from,
from Debian's opencv-data) over the grey picture.

    python_peer.py LIST     LIST: one JPEG path per line. Prints "peer_seconds=S files=N".

One process, one core (OpenCV's own threads off); each file timed from open to faces found, the
fastest of --runs rounds, summed. The cascade is loaded once, before timing.
"""
import argparse
import time

import cv2
import numpy
from PIL import Image

CASCADE = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"
WORKING_LONG_SIDE = 1024


def check(path: str, cascade) -> int:
    with Image.open(path) as image:
        image.draft("RGB", (WORKING_LONG_SIDE, WORKING_LONG_SIDE))
        grey = image.convert("L")
    scale = WORKING_LONG_SIDE / max(grey.size)
    if scale < 1:
        grey = grey.resize((max(1, round(grey.width * scale)), max(1, round(grey.height * scale))))
    pixels = cv2.equalizeHist(numpy.asarray(grey))
    faces = cascade.detectMultiScale(pixels, scaleFactor=1.1, minNeighbors=3, minSize=(24, 24))
    return len(faces)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("list")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cv2.setNumThreads(1)
    cascade = cv2.CascadeClassifier(CASCADE)
    if cascade.empty():
        raise SystemExit(f"cannot load {CASCADE} (Debian's opencv-data)")
    paths = [line.strip() for line in open(args.list, encoding="utf-8") if line.strip()]
    best = [float("inf")] * len(paths)
    for _ in range(args.runs):
        for index, path in enumerate(paths):
            start = time.perf_counter()
            check(path, cascade)
            best[index] = min(best[index], time.perf_counter() - start)
    print(f"peer_seconds={sum(best):.4f} files={len(paths)}")


if __name__ == "__main__":
    main()
