// CImageCodecs: the C boundary of icpcheck.
//
// libjpeg and libpng report fatal errors by longjmp, which must never cross Swift frames, so every
// call into them that can fail goes through one of the guarded functions below: each owns its
// setjmp, destroys its codec object on failure, and returns false with a message. They take no
// decisions (no limits of their own, no severities): the caller passes limits in and reads facts out.
//
// Byte buffers are `const void *` plus `size_t` so that Swift can pass any contiguous storage.
#ifndef CIMAGECODECS_H
#define CIMAGECODECS_H

#include <stdio.h> // jpeglib.h needs FILE and size_t declared first.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <malloc.h> // mallopt, which Glibc's Swift module leaves out

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>
#include <libexif/exif-data.h>
#include <libexif/exif-content.h>
#include <libexif/exif-entry.h>
#include <libexif/exif-utils.h>

#define CIC_MESSAGE_CAPACITY 200

/// `cic_diagnostics.error_code` of the refusals the shim makes itself (libjpeg's own codes are ≥ 0).
enum {
    /// The caller's buffer cannot hold the output.
    CIC_ERROR_OUTPUT_BUFFER = -1,
    /// More scans than the caller's `max_scans`.
    CIC_ERROR_TOO_MANY_SCANS = -2,
    /// The scans cover more blocks than `max_scan_passes` passes over the picture.
    CIC_ERROR_SCAN_WORK = -3,
};

/// What a codec said while it worked: the fatal error (if any) and the first warning.
typedef struct {
    /// Text of the error that stopped the codec; empty when it finished.
    char error[CIC_MESSAGE_CAPACITY];
    /// The codec's own code for that error (libjpeg `msg_code`; 0 for libpng, which has none).
    int error_code;
    /// Text and code of the first warning; libjpeg warns on corrupt data and keeps going.
    char warning[CIC_MESSAGE_CAPACITY];
    int warning_code;
    /// How many warnings were issued in all.
    int warning_count;
} cic_diagnostics;

// MARK: - JPEG

/// JPEG facts read from the markers up to the first scan, without decoding pixels.
typedef struct {
    uint32_t width;
    uint32_t height;
    int components;
    /// libjpeg's `J_COLOR_SPACE` guess for the stored data (JCS_GRAYSCALE, JCS_YCbCr, JCS_CMYK, JCS_YCCK, …).
    int color_space;
    int precision;
    bool progressive;
    bool arithmetic;
    bool saw_jfif;
    /// JFIF density: unit 0 = aspect ratio only, 1 = dots per inch, 2 = dots per cm.
    int density_unit;
    uint16_t x_density;
    uint16_t y_density;
    bool saw_adobe;
    int adobe_transform;
    /// 8×8 blocks in the frame, over all components (`width_in_blocks × height_in_blocks` of each).
    uint64_t frame_blocks;
    /// Bytes of the whole-image coefficient buffer libjpeg allocates before decoding a multi-scan
    /// (progressive, or one component a scan) file: each component's blocks, rounded up to whole
    /// MCUs as jdcoefct.c does, times 128 bytes. 0 for a single-scan file, which needs none.
    uint64_t coefficient_bytes;
} cic_jpeg_header;

/// Caps on one JPEG decode, chosen by the caller.
typedef struct {
    /// Stop with CIC_ERROR_TOO_MANY_SCANS after this many scans.
    int max_scans;
    /// Stop with CIC_ERROR_SCAN_WORK when the scans started so far cover more than this many times
    /// the frame's blocks (each scan costs a pass over the blocks of its components).
    int max_scan_passes;
    /// libjpeg's `max_memory_to_use`. With libjpeg-turbo's jmemnobs.c the whole-image coefficient
    /// buffer that does not fit under it fails with JERR_NO_BACKING_STORE before any scan is read.
    long max_memory;
} cic_jpeg_limits;

/// Output of a (possibly scaled) JPEG decode.
typedef struct {
    uint32_t width;
    uint32_t height;
    /// 1 (grey) or 3 (RGB).
    int components;
    /// Scans read; more than one for progressive files.
    int scans;
    /// Blocks covered by the scans started so far, counted with each scan's components.
    uint64_t scan_blocks;
} cic_jpeg_output;

/// Reads the JPEG header. Calls `jpeg_read_header` under setjmp.
bool cic_jpeg_read_header(const void *_Nonnull data, size_t size, cic_jpeg_header *_Nonnull header,
                          cic_diagnostics *_Nonnull diagnostics);

/// Copies the quantization tables defined before the first scan, and which table each component uses.
///
/// `tables[i]` receives DQT slot i as libjpeg keeps it (`JQUANT_TBL.quantval`): 64 steps in natural
/// row-major order, not the zigzag order of the DQT marker (jdmarker.c's get_dqt converts; IJG releases
/// before v6a kept zigzag). Slots the file does not define are all zeros; `*table_count` is one past the
/// highest defined slot (0 when none is). `component_table[c]` is the slot named by component c of the
/// frame header (`comp_info[c].quant_tbl_no`), -1 past the last component; only the first four
/// components are reported. A slot named by a component need not be defined: libjpeg only refuses that
/// when decoding starts. Tables redefined between scans are not seen. Calls `jpeg_read_header` under
/// setjmp.
bool cic_jpeg_read_quant_tables(const void *_Nonnull data, size_t size, uint16_t tables[_Nonnull 4][64],
                                int *_Nonnull table_count, int component_table[_Nonnull 4],
                                cic_diagnostics *_Nonnull diagnostics);

/// Decodes a JPEG scaled by 1/`scale_denominator` (1, 2, 4 or 8) to 8-bit grey or RGB rows.
///
/// With `pixels` NULL, stops after `jpeg_calc_output_dimensions` and only fills `output`, so the
/// caller can size the buffer. Grey stays grey unless `force_rgb`; CMYK and YCCK become RGB. Stops
/// with an error when `limits` are passed (a progressive file can hold thousands of tiny scans, each
/// a pass over the picture); `output->scans` and `scan_blocks` then say how far it got.
/// Calls `jpeg_read_header`, `jpeg_start_decompress`, `jpeg_read_scanlines` and
/// `jpeg_finish_decompress`, all under one setjmp.
bool cic_jpeg_decode(const void *_Nonnull data, size_t size, unsigned scale_denominator, bool force_rgb,
                     const cic_jpeg_limits *_Nonnull limits, void *_Nullable pixels, size_t capacity,
                     cic_jpeg_output *_Nonnull output, cic_diagnostics *_Nonnull diagnostics);

/// Encodes 8-bit grey (1 channel) or RGB (3) rows, top to bottom, as a baseline JPEG of `quality`
/// (1–100), into a buffer the shim allocates: free it with `cic_free`. Calls libjpeg under setjmp.
bool cic_jpeg_encode(const void *_Nonnull pixels, int width, int height, int channels, int quality,
                     unsigned char *_Nullable *_Nonnull output, unsigned long *_Nonnull output_size,
                     cic_diagnostics *_Nonnull diagnostics);

/// Frees a buffer the shim allocated.
void cic_free(void *_Nullable pointer);

// MARK: - PNG

/// PNG facts read up to the first IDAT chunk, without decoding pixels.
typedef struct {
    uint32_t width;
    uint32_t height;
    int bit_depth;
    /// PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA.
    int color_type;
    int interlace_method;
    bool has_trns;
    bool has_phys;
    /// pHYs: pixels per unit; unit 1 = metre, 0 = aspect ratio only.
    uint32_t x_pixels_per_unit;
    uint32_t y_pixels_per_unit;
    int phys_unit;
    /// An APNG animation control chunk (acTL) came before the image data.
    bool has_actl;
} cic_png_header;

/// Caps handed to libpng, chosen by the caller.
///
/// Every reader also skips tEXt, zTXt, iTXt and sPLT without parsing them (they are made unknown
/// chunks with `png_set_keep_unknown_chunks` and claimed by the unknown-chunk callback), and stops
/// with libpng's own "file truncated" text at the header of an ancillary chunk that claims more
/// bytes than the data has left, before libpng allocates its length.
typedef struct {
    /// Wider or taller images are refused by libpng itself (`png_set_user_limits`).
    uint32_t max_dimension;
    /// `png_set_chunk_malloc_max`: the most libpng allocates for one chunk it keeps or inflates.
    size_t max_chunk_bytes;
    /// `png_set_chunk_cache_max`: how many unknown chunks libpng keeps (0 = no limit).
    uint32_t max_stored_chunks;
} cic_png_limits;

/// Reads the PNG chunks up to the image data. Calls `png_read_info` under setjmp.
bool cic_png_read_header(const void *_Nonnull data, size_t size, const cic_png_limits *_Nonnull limits,
                         cic_png_header *_Nonnull header, cic_diagnostics *_Nonnull diagnostics);

/// Output of a (possibly shrunk) PNG decode.
typedef struct {
    /// ceil(stored width / factor) and ceil(stored height / factor).
    uint32_t width;
    uint32_t height;
    /// 4 when the image has alpha or tRNS (composited over the background), else 3.
    int source_channels;
} cic_png_output;

/// Decodes a PNG (any bit depth and colour type, interlaced or not) row by row to 8-bit RGB,
/// shrunk by `factor` (1, 2, 4 or 8): each output pixel is the rounded mean of its factor × factor
/// block (blocks at the right and bottom edges average the pixels they have). Rows come from
/// `png_read_row` after `png_set_scale_16`, `png_set_expand` and grey to RGB; a pixel with alpha is
/// composited over `background` (RGB) first, rounded to 8 bits: (v·a + bg·(255 − a) + 127) / 255.
/// Interlaced images are read pass by pass and each pixel summed where it lies in the picture, so
/// neither kind needs a full-size buffer; at factor 1 the pixels are written straight to `pixels`.
///
/// With `pixels` NULL, stops after reading the header and only fills `output`. Otherwise `pixels`
/// must hold `output->width * output->height * 3` bytes. Reads through IEND so that damage after
/// the image data is reported too. Calls `png_read_info`, `png_read_row` and `png_read_end` under
/// one setjmp.
bool cic_png_decode(const void *_Nonnull data, size_t size, const cic_png_limits *_Nonnull limits,
                    unsigned factor, const uint8_t background[_Nonnull 3], void *_Nullable pixels,
                    size_t capacity, cic_png_output *_Nonnull output, cic_diagnostics *_Nonnull diagnostics);

// MARK: - WebP

/// WebP facts from its first chunks (`WebPGetFeatures`), without decoding pixels.
typedef struct {
    uint32_t width;
    uint32_t height;
    bool has_alpha;
    bool animated;
    bool lossless;
} cic_webp_header;

bool cic_webp_read_header(const void *_Nonnull data, size_t size, cic_webp_header *_Nonnull header,
                          cic_diagnostics *_Nonnull diagnostics);

/// Decodes a still WebP to 8-bit RGB of `width` × `height` (libwebp scales while it decodes, by
/// area averaging when shrinking), each pixel over `background` by its alpha. `pixels` must hold
/// `width * height * 4` bytes (`capacity`): libwebp writes RGBA, turned into RGB in place.
/// An animation is refused by libwebp ("unsupported feature").
bool cic_webp_decode(const void *_Nonnull data, size_t size, uint32_t width, uint32_t height,
                     const uint8_t background[_Nonnull 3], void *_Nonnull pixels, size_t capacity,
                     cic_diagnostics *_Nonnull diagnostics);

// MARK: - EXIF

/// Parses an EXIF block (starting with "Exif\0\0") exactly as stored: libexif's option to "fix"
/// the data by inventing mandatory tags is turned off. Returns NULL when libexif finds no EXIF.
/// libexif's log messages of kind "corrupt data" are counted in `diagnostics` as warnings.
/// The caller owns the result and releases it with `exif_data_unref`.
ExifData *_Nullable cic_exif_load(const void *_Nonnull data, size_t size, cic_diagnostics *_Nonnull diagnostics);

#endif
