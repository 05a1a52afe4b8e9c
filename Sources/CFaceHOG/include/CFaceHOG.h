// dlib's HOG frontal face detector (Debian's libdlib, its model compiled into the library, no file
// to load) behind a C interface: grey pixels in, face boxes with dlib's scores out. No policy
// here: where to look, at which size and which score counts is Swift's.
#ifndef CFACEHOG_H
#define CFACEHOG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One detection: its box in the pixels given, and dlib's score (0 is the detector's own threshold;
/// higher is surer).
typedef struct {
    int left, top, width, height;
    double score;
} fh_face;

/// Detects frontal faces of at least 80 × 80 pixels in `grey` (`width` × `height`, rows `stride`
/// bytes apart), scanned at twice its size `upsample` times (each halves the smallest face found and
/// quadruples the cost), keeping those scoring at least `min_score`. Writes at most `capacity`
/// faces, surest first, and returns how many were found in all; -1 when the picture is empty, larger
/// than `max_pixels` once upsampled, or the detector failed. Safe to call from several threads: each
/// has its own detector.
int fh_detect(const uint8_t *grey, int width, int height, int stride, int upsample, double min_score,
              long max_pixels, fh_face *faces, int capacity);

#ifdef __cplusplus
}
#endif

#endif
