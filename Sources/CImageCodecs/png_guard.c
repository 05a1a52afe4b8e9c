// libpng entry points guarded with setjmp. libpng's error handler must not return; ours records
// the message and jumps back here. Warnings are kept, never printed.
#include "CImageCodecs.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const unsigned char *data;
    size_t size;
    size_t offset;
    cic_diagnostics *diagnostics;
    bool saw_actl;
    jmp_buf jump;
} png_session;

static void copy_text(char *destination, const char *text) {
    strncpy(destination, text ? text : "", CIC_MESSAGE_CAPACITY - 1);
    destination[CIC_MESSAGE_CAPACITY - 1] = '\0';
}

static void jump_on_error(png_structp png, png_const_charp message) {
    png_session *session = png_get_error_ptr(png);
    copy_text(session->diagnostics->error, message);
    longjmp(session->jump, 1);
}

static void keep_warning(png_structp png, png_const_charp message) {
    png_session *session = png_get_error_ptr(png);
    if (session->diagnostics->warning_count == 0) copy_text(session->diagnostics->warning, message);
    session->diagnostics->warning_count += 1;
}

// Reading a chunk's length field: an ancillary chunk that claims more bytes than the data has left
// is damage, and libpng would allocate its claimed length (up to 2 GB for tEXt, pCAL, sCAL or eXIf)
// before finding that out. Stop here with the text libpng gives when the data runs out. Critical
// chunks, lengths over 2^31 and invalid chunk types are left to libpng, whose own texts name them.
static void refuse_chunk_past_end(png_structp png, const png_session *session, png_const_bytep header) {
    png_uint_32 length = png_get_uint_32(header);
    for (int i = 4; i < 8; i++) {
        png_byte c = header[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return;
    }
    bool ancillary = (header[4] & 0x20) != 0;
    if (!ancillary || length > PNG_UINT_31_MAX) return;
    if ((size_t)length + 4 > session->size - session->offset) png_error(png, "Read beyond end of data (file truncated)");
}

static void read_from_memory(png_structp png, png_bytep destination, size_t length) {
    png_session *session = png_get_io_ptr(png);
    if (length > session->size - session->offset) png_error(png, "Read beyond end of data (file truncated)");
    memcpy(destination, session->data + session->offset, length);
    session->offset += length;
    bool chunk_header = (png_get_io_state(png) & PNG_IO_MASK_LOC) == PNG_IO_CHUNK_HDR;
    if (chunk_header && length == 8) refuse_chunk_past_end(png, session, destination);
}

// Chunks we never use, which libpng would otherwise parse, inflate (zTXt, iTXt) and keep (up to
// 1000 of them): made unknown chunks below, then claimed here unread. EXIF is read from the bytes
// in Swift, whatever chunk holds it.
static const png_byte skipped_chunks[] = "tEXt\0zTXt\0iTXt\0sPLT";
enum { SKIPPED_CHUNK_COUNT = 4 };

static bool is_skipped(const png_byte name[5]) {
    for (int i = 0; i < SKIPPED_CHUNK_COUNT; i++) {
        if (memcmp(name, skipped_chunks + 5 * i, 4) == 0) return true;
    }
    return false;
}

// libpng hands every unknown chunk to this callback (after reading it into memory, up to
// png_set_chunk_malloc_max; a longer one is skipped with a warning). libpng without the APNG patch
// treats acTL as unknown; we only note that it was there.
static int note_unknown_chunk(png_structp png, png_unknown_chunkp chunk) {
    png_session *session = png_get_user_chunk_ptr(png);
    if (is_skipped(chunk->name)) return 1; // handled: discarded without a warning
    if (memcmp(chunk->name, "acTL", 4) != 0) return 0; // libpng's default: keep with a warning, or fail if critical
    session->saw_actl = true;
    return 1;
}

static png_structp create_reader(png_session *session, const void *data, size_t size, const cic_png_limits *limits,
                                 cic_diagnostics *diagnostics) {
    memset(diagnostics, 0, sizeof(*diagnostics));
    session->data = data;
    session->size = size;
    session->offset = 0;
    session->diagnostics = diagnostics;
    session->saw_actl = false;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, session, jump_on_error, keep_warning);
    if (png == NULL) {
        copy_text(diagnostics->error, "libpng could not allocate its reader");
        return NULL;
    }
    png_set_read_fn(png, session, read_from_memory);
    png_set_read_user_chunk_fn(png, session, note_unknown_chunk);
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, skipped_chunks, SKIPPED_CHUNK_COUNT);
    png_set_user_limits(png, limits->max_dimension, limits->max_dimension);
    png_set_chunk_malloc_max(png, limits->max_chunk_bytes);
    png_set_chunk_cache_max(png, limits->max_stored_chunks);
    return png;
}

bool cic_png_read_header(const void *data, size_t size, const cic_png_limits *limits, cic_png_header *header,
                         cic_diagnostics *diagnostics) {
    png_session session;
    png_structp png = create_reader(&session, data, size, limits, diagnostics);
    if (png == NULL) return false;
    png_infop info = NULL;
    memset(header, 0, sizeof(*header));
    if (setjmp(session.jump)) {
        png_destroy_read_struct(&png, &info, NULL);
        return false;
    }
    info = png_create_info_struct(png);
    if (info == NULL) png_error(png, "libpng could not allocate its info struct");
    png_read_info(png, info);
    png_uint_32 width, height;
    int bit_depth, color_type, interlace;
    png_get_IHDR(png, info, &width, &height, &bit_depth, &color_type, &interlace, NULL, NULL);
    header->width = width;
    header->height = height;
    header->bit_depth = bit_depth;
    header->color_type = color_type;
    header->interlace_method = interlace;
    header->has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    png_uint_32 x_ppu, y_ppu;
    int unit;
    if (png_get_pHYs(png, info, &x_ppu, &y_ppu, &unit)) {
        header->has_phys = true;
        header->x_pixels_per_unit = x_ppu;
        header->y_pixels_per_unit = y_ppu;
        header->phys_unit = unit;
    }
    header->has_actl = session.saw_actl;
    png_destroy_read_struct(&png, &info, NULL);
    return true;
}

// MARK: - Shrinking decode

/// Sums composited pixels into the shrunk picture. At factor 1 pixels go straight to the output.
typedef struct {
    unsigned factor;
    uint32_t width; // stored size
    uint32_t height;
    uint32_t out_width;
    uint32_t out_height;
    int channels; // of libpng's rows: 3, or 4 with alpha
    const uint8_t *background;
    // Per output row, out_width × 3 sums; one row (non-interlaced) or all of them (interlaced).
    uint16_t *sums;
    bool all_rows;
    unsigned char *pixels;
} shrinker;

// Over the background, as today's viewers show it; the same rounding at every factor.
static inline void composite(const png_byte *pixel, int channels, const uint8_t *background, unsigned rgb[3]) {
    if (channels == 3) {
        for (int c = 0; c < 3; c++) rgb[c] = pixel[c];
        return;
    }
    unsigned alpha = pixel[3];
    for (int c = 0; c < 3; c++) rgb[c] = (pixel[c] * alpha + background[c] * (255 - alpha) + 127) / 255;
}

// Pixels x0, x0 + step, … of picture row y, `count` of them, from one row (or pass row) of libpng.
static void add_row(shrinker *s, png_const_bytep row, uint32_t y, uint32_t x0, uint32_t step, uint32_t count) {
    unsigned rgb[3];
    if (s->factor == 1) {
        unsigned char *out = s->pixels + ((size_t)y * s->out_width) * 3;
        for (uint32_t i = 0, x = x0; i < count; i++, x += step) {
            composite(row + (size_t)i * s->channels, s->channels, s->background, rgb);
            for (int c = 0; c < 3; c++) out[(size_t)x * 3 + c] = (unsigned char)rgb[c];
        }
        return;
    }
    uint16_t *sums = s->sums + (s->all_rows ? (size_t)(y / s->factor) * s->out_width * 3 : 0);
    for (uint32_t i = 0, x = x0; i < count; i++, x += step) {
        composite(row + (size_t)i * s->channels, s->channels, s->background, rgb);
        uint16_t *sum = sums + (size_t)(x / s->factor) * 3;
        for (int c = 0; c < 3; c++) sum[c] += (uint16_t)rgb[c]; // at most 8 × 8 × 255: fits
    }
}

// Output row `out_y` from its sums: the rounded mean of the pixels each block has (fewer at the edges).
static void finish_output_row(shrinker *s, uint32_t out_y, uint16_t *sums) {
    uint32_t block_height = s->height - out_y * s->factor;
    if (block_height > s->factor) block_height = s->factor;
    unsigned char *out = s->pixels + (size_t)out_y * s->out_width * 3;
    for (uint32_t ox = 0; ox < s->out_width; ox++) {
        uint32_t block_width = s->width - ox * s->factor;
        if (block_width > s->factor) block_width = s->factor;
        unsigned count = block_width * block_height;
        for (int c = 0; c < 3; c++) out[ox * 3 + c] = (unsigned char)((sums[ox * 3 + c] + count / 2) / count);
    }
    memset(sums, 0, (size_t)s->out_width * 3 * sizeof(uint16_t));
}

static void read_progressive_rows(png_structp png, shrinker *s, png_bytep row) {
    for (uint32_t y = 0; y < s->height; y++) {
        png_read_row(png, row, NULL);
        add_row(s, row, y, 0, 1, s->width);
        bool block_done = (y + 1) % s->factor == 0 || y + 1 == s->height;
        if (s->factor > 1 && block_done) finish_output_row(s, y / s->factor, s->sums);
    }
}

// Without png_set_interlace_handling libpng returns each Adam7 pass's own rows, skipping empty
// passes as counted here (png_read_finish_row), so every pixel's place in the picture is known.
static void read_interlaced_rows(png_structp png, shrinker *s, png_bytep row) {
    for (int pass = 0; pass < 7; pass++) {
        uint32_t columns = PNG_PASS_COLS(s->width, pass), rows = PNG_PASS_ROWS(s->height, pass);
        if (columns == 0 || rows == 0) continue;
        for (uint32_t r = 0; r < rows; r++) {
            if (png_get_current_pass_number(png) != pass) png_error(png, "Interlace pass out of step");
            png_read_row(png, row, NULL);
            add_row(s, row, PNG_ROW_FROM_PASS_ROW(r, pass), PNG_COL_FROM_PASS_COL(0, pass),
                    1u << PNG_PASS_COL_SHIFT(pass), columns);
        }
    }
    if (s->factor == 1) return;
    for (uint32_t oy = 0; oy < s->out_height; oy++) finish_output_row(s, oy, s->sums + (size_t)oy * s->out_width * 3);
}

bool cic_png_decode(const void *data, size_t size, const cic_png_limits *limits, unsigned factor,
                    const uint8_t background[3], void *pixels, size_t capacity, cic_png_output *output,
                    cic_diagnostics *diagnostics) {
    png_session session;
    memset(output, 0, sizeof(*output));
    png_structp png = create_reader(&session, data, size, limits, diagnostics);
    if (png == NULL) return false;
    png_infop info = NULL;
    // Allocated after setjmp and freed after a jump, so volatile.
    png_bytep volatile row = NULL;
    uint16_t *volatile sums = NULL;
    if (setjmp(session.jump)) {
        free(row);
        free(sums);
        png_destroy_read_struct(&png, &info, NULL);
        return false;
    }
    if (factor != 1 && factor != 2 && factor != 4 && factor != 8) png_error(png, "Shrink factor must be 1, 2, 4 or 8");
    info = png_create_info_struct(png);
    if (info == NULL) png_error(png, "libpng could not allocate its info struct");
    png_read_info(png, info);
    uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    output->width = (width + factor - 1) / factor;
    output->height = (height + factor - 1) / factor;
    int color_type = png_get_color_type(png, info);
    bool alpha = (color_type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS);
    output->source_channels = alpha ? 4 : 3;
    if (pixels == NULL) {
        png_destroy_read_struct(&png, &info, NULL);
        return true;
    }
    bool interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
    // Every colour type and depth to 8-bit RGB(A).
    png_set_scale_16(png);
    png_set_expand(png); // palette to RGB, grey below 8 bits to 8 bits, tRNS to alpha
    if (!(color_type & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(png);
    png_read_update_info(png, info);
    if (png_get_channels(png, info) != output->source_channels) png_error(png, "Unexpected channel count");
    if ((size_t)output->width * output->height * 3 > capacity) png_error(png, "Output buffer too small");
    row = malloc(png_get_rowbytes(png, info));
    if (row == NULL) png_error(png, "Out of memory for a row");
    shrinker s = {
        .factor = factor, .width = width, .height = height, .out_width = output->width,
        .out_height = output->height, .channels = output->source_channels, .background = background,
        .all_rows = interlaced, .pixels = pixels,
    };
    if (factor > 1) {
        size_t sum_rows = interlaced ? output->height : 1;
        sums = calloc(sum_rows * output->width * 3, sizeof(uint16_t));
        if (sums == NULL) png_error(png, "Out of memory for the shrunk picture");
        s.sums = sums;
    }
    if (interlaced) {
        read_interlaced_rows(png, &s, row);
    } else {
        read_progressive_rows(png, &s, row);
    }
    png_read_end(png, NULL);
    free(row);
    free(sums);
    png_destroy_read_struct(&png, &info, NULL);
    return true;
}
