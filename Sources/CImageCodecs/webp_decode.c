// WebP through libwebp's advanced decoding API: no longjmp (libwebp returns status codes), so no
// guard is needed; like the other codecs here, it takes no decisions and fills the caller's buffer.
#include "CImageCodecs.h"

#include <string.h>
#include <webp/decode.h>

static void webp_failed(cic_diagnostics *diagnostics, VP8StatusCode status) {
    static const char *const names[] = {
        "ok", "out of memory", "invalid parameter", "bitstream error", "unsupported feature",
        "suspended", "user abort", "not enough data",
    };
    const char *name = (unsigned)status < sizeof names / sizeof names[0] ? names[status] : "unknown error";
    snprintf(diagnostics->error, sizeof diagnostics->error, "WebP: %s", name);
    diagnostics->error_code = (int)status;
}

bool cic_webp_read_header(const void *data, size_t size, cic_webp_header *header, cic_diagnostics *diagnostics) {
    memset(header, 0, sizeof *header);
    memset(diagnostics, 0, sizeof *diagnostics);
    WebPBitstreamFeatures features;
    VP8StatusCode status = WebPGetFeatures(data, size, &features);
    if (status != VP8_STATUS_OK) {
        webp_failed(diagnostics, status);
        return false;
    }
    header->width = (uint32_t)features.width;
    header->height = (uint32_t)features.height;
    header->has_alpha = features.has_alpha != 0;
    header->animated = features.has_animation != 0;
    header->lossless = features.format == 2;
    return true;
}

bool cic_webp_decode(const void *data, size_t size, uint32_t width, uint32_t height, const uint8_t background[3],
                     void *pixels, size_t capacity, cic_diagnostics *diagnostics) {
    memset(diagnostics, 0, sizeof *diagnostics);
    if (width == 0 || height == 0 || capacity / 4 / width < height) {
        snprintf(diagnostics->error, sizeof diagnostics->error, "output buffer too small");
        diagnostics->error_code = CIC_ERROR_OUTPUT_BUFFER;
        return false;
    }
    WebPDecoderConfig config;
    if (!WebPInitDecoderConfig(&config)) {
        webp_failed(diagnostics, VP8_STATUS_INVALID_PARAM);
        return false;
    }
    // Scaled while decoding, row by row: the picture is never held at its stored size.
    config.options.use_scaling = 1;
    config.options.scaled_width = (int)width;
    config.options.scaled_height = (int)height;
    // Premultiplied: a pixel over the background is its value plus the background times (1 - alpha).
    config.output.colorspace = MODE_rgbA;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = pixels;
    config.output.u.RGBA.stride = (int)width * 4;
    config.output.u.RGBA.size = (size_t)width * height * 4;
    VP8StatusCode status = WebPDecode(data, size, &config);
    WebPFreeDecBuffer(&config.output);
    if (status != VP8_STATUS_OK) {
        webp_failed(diagnostics, status);
        return false;
    }
    // RGBA to RGB in place, front to back (each output pixel lies at or before its input).
    uint8_t *bytes = pixels;
    for (size_t i = 0, count = (size_t)width * height; i < count; i++) {
        unsigned alpha = bytes[4 * i + 3];
        for (int c = 0; c < 3; c++) {
            unsigned value = bytes[4 * i + c] + (background[c] * (255 - alpha) + 127) / 255;
            bytes[3 * i + c] = (uint8_t)(value > 255 ? 255 : value);
        }
    }
    return true;
}
