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

static void read_from_memory(png_structp png, png_bytep destination, size_t length) {
    png_session *session = png_get_io_ptr(png);
    if (length > session->size - session->offset) png_error(png, "Read beyond end of data (file truncated)");
    memcpy(destination, session->data + session->offset, length);
    session->offset += length;
}

// libpng without the APNG patch treats acTL as an unknown chunk; we only note that it was there.
static int note_unknown_chunk(png_structp png, png_unknown_chunkp chunk) {
    png_session *session = png_get_user_chunk_ptr(png);
    if (memcmp(chunk->name, "acTL", 4) != 0) return 0; // libpng's default: skip, or fail if critical
    session->saw_actl = true;
    return 1;
}

static png_structp create_reader(png_session *session, const void *data, size_t size, uint32_t max_dimension,
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
    png_set_user_limits(png, max_dimension, max_dimension);
    return png;
}

bool cic_png_read_header(const void *data, size_t size, uint32_t max_dimension, cic_png_header *header,
                         cic_diagnostics *diagnostics) {
    png_session session;
    png_structp png = create_reader(&session, data, size, max_dimension, diagnostics);
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

bool cic_png_decode(const void *data, size_t size, uint32_t max_dimension, void *pixels, size_t capacity,
                    int *channels, cic_diagnostics *diagnostics) {
    png_session session;
    png_structp png = create_reader(&session, data, size, max_dimension, diagnostics);
    if (png == NULL) return false;
    png_infop info = NULL;
    // Allocated after setjmp and freed after a jump, so volatile.
    png_bytep *volatile rows = NULL;
    if (setjmp(session.jump)) {
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return false;
    }
    info = png_create_info_struct(png);
    if (info == NULL) png_error(png, "libpng could not allocate its info struct");
    png_read_info(png, info);
    int color_type = png_get_color_type(png, info);
    bool alpha = (color_type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS);
    // Every colour type and depth to 8-bit RGB(A).
    png_set_scale_16(png);
    png_set_expand(png); // palette to RGB, grey below 8 bits to 8 bits, tRNS to alpha
    if (!(color_type & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    *channels = png_get_channels(png, info);
    if (*channels != (alpha ? 4 : 3) || row_bytes * height > capacity) png_error(png, "Output buffer too small");
    rows = malloc(sizeof(png_bytep) * (height ? height : 1));
    if (rows == NULL) png_error(png, "Out of memory for row pointers");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = (png_bytep)pixels + row_bytes * y;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    return true;
}
