// dlib's frontal face detector (HOG features and a linear classifier over an image pyramid, five
// filters for frontal and slightly turned faces), through a C function for Swift.
#include "CFaceHOG.h"

#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <vector>

extern "C" int fh_detect(const uint8_t *grey, int width, int height, int stride, int upsample, double min_score,
                         long max_pixels, fh_face *faces, int capacity) {
    if (!grey || width < 1 || height < 1 || stride < width || upsample < 0 || upsample > 2) return -1;
    const long scale = 1L << upsample;
    if ((long)width * scale * (long)height * scale > max_pixels) return -1;
    try {
        // The detector holds scratch buffers while it scans: one per thread, copied from one
        // unpacked once per process (its model is compiled into libdlib, compressed: unpacking it
        // takes far longer than a copy).
        static const dlib::frontal_face_detector unpacked = dlib::get_frontal_face_detector();
        thread_local dlib::frontal_face_detector detector = unpacked;
        dlib::array2d<unsigned char> picture(height, width);
        for (int y = 0; y < height; y++) std::copy(grey + (long)y * stride, grey + (long)y * stride + width, &picture[y][0]);
        for (int i = 0; i < upsample; i++) dlib::pyramid_up(picture);
        std::vector<dlib::rect_detection> found;
        detector(picture, found, min_score);
        std::sort(found.begin(), found.end(), [](const dlib::rect_detection &a, const dlib::rect_detection &b) {
            return a.detection_confidence > b.detection_confidence;
        });
        const int count = (int)std::min<size_t>(found.size(), (size_t)INT32_MAX);
        for (int i = 0; i < count && i < capacity; i++) {
            const dlib::rectangle box = found[i].rect;
            // Back in the pixels given: pyramid_up doubles each side.
            faces[i] = fh_face{(int)(box.left() / scale), (int)(box.top() / scale), (int)(box.width() / scale),
                               (int)(box.height() / scale), found[i].detection_confidence};
        }
        return count;
    } catch (...) {
        return -1;
    }
}
