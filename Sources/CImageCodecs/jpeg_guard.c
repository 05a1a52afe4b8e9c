// libjpeg entry points guarded with setjmp. libjpeg's default error handler calls exit(); ours
// records the message and jumps back here, and its output_message keeps warnings instead of
// printing them.
#include "CImageCodecs.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS_PER_CALL = 16 };

typedef struct {
    struct jpeg_error_mgr base; // first, so a j_common_ptr's err can be cast to this struct
    jmp_buf jump;
    cic_diagnostics *diagnostics;
} guarded_error_manager;

typedef struct {
    struct jpeg_progress_mgr base; // first, so cinfo->progress can be cast to this struct
    const cic_jpeg_limits *limits;
    cic_jpeg_output *output;
    uint64_t frame_blocks;
    int counted_scan; // the last scan whose blocks are in output->scan_blocks
} scan_limit;

static void copy_message(j_common_ptr cinfo, char *destination) {
    char text[JMSG_LENGTH_MAX];
    cinfo->err->format_message(cinfo, text);
    strncpy(destination, text, CIC_MESSAGE_CAPACITY - 1);
    destination[CIC_MESSAGE_CAPACITY - 1] = '\0';
}

static void jump_on_error(j_common_ptr cinfo) {
    guarded_error_manager *manager = (guarded_error_manager *)cinfo->err;
    copy_message(cinfo, manager->diagnostics->error);
    manager->diagnostics->error_code = cinfo->err->msg_code;
    longjmp(manager->jump, 1);
}

// Called for warnings (level -1) and trace messages (level >= 0); only warnings matter to us.
static void keep_warning(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    guarded_error_manager *manager = (guarded_error_manager *)cinfo->err;
    cic_diagnostics *diagnostics = manager->diagnostics;
    if (diagnostics->warning_count == 0) {
        copy_message(cinfo, diagnostics->warning);
        diagnostics->warning_code = cinfo->err->msg_code;
    }
    diagnostics->warning_count += 1;
    cinfo->err->num_warnings += 1;
}

static void ignore_output(j_common_ptr cinfo) { (void)cinfo; }

static void refuse(j_common_ptr cinfo, int code, const char *text) {
    guarded_error_manager *manager = (guarded_error_manager *)cinfo->err;
    snprintf(manager->diagnostics->error, CIC_MESSAGE_CAPACITY, "%s", text);
    manager->diagnostics->error_code = code;
    longjmp(manager->jump, 1);
}

// 8×8 blocks the current scan covers: a scan decodes every block of each of its components.
static uint64_t blocks_in_scan(j_decompress_ptr cinfo) {
    uint64_t blocks = 0;
    for (int i = 0; i < cinfo->comps_in_scan; i++) {
        const jpeg_component_info *component = cinfo->cur_comp_info[i];
        blocks += (uint64_t)component->width_in_blocks * component->height_in_blocks;
    }
    return blocks;
}

// libjpeg calls this between chunks of input while it absorbs a multi-scan file; by then the new
// scan's SOS has been read, so its components are known before any of its data is decoded.
// Same idea as djpeg's -maxscans, plus a budget on the work: a crafted progressive file can hold
// hundreds of scans with no data, each still a pass over the picture.
static void stop_on_scan_limits(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    j_decompress_ptr decompressor = (j_decompress_ptr)cinfo;
    scan_limit *limit = (scan_limit *)cinfo->progress;
    int scan = decompressor->input_scan_number;
    if (scan == limit->counted_scan) return;
    limit->counted_scan = scan;
    limit->output->scans = scan;
    if (scan > limit->limits->max_scans) {
        char text[CIC_MESSAGE_CAPACITY];
        snprintf(text, sizeof text, "Too many scans: more than %d", limit->limits->max_scans);
        refuse(cinfo, CIC_ERROR_TOO_MANY_SCANS, text);
    }
    limit->output->scan_blocks += blocks_in_scan(decompressor);
    uint64_t budget = (uint64_t)limit->limits->max_scan_passes * limit->frame_blocks;
    if (limit->output->scan_blocks > budget) {
        char text[CIC_MESSAGE_CAPACITY];
        snprintf(text, sizeof text, "Scans cover %llu blocks by scan %d, more than %d passes over %llu blocks",
                 (unsigned long long)limit->output->scan_blocks, scan, limit->limits->max_scan_passes,
                 (unsigned long long)limit->frame_blocks);
        refuse(cinfo, CIC_ERROR_SCAN_WORK, text);
    }
}

static uint64_t round_up(uint64_t value, uint64_t multiple) { return (value + multiple - 1) / multiple * multiple; }

// Needs jpeg_read_header first (it sets the components' sizes in blocks).
static uint64_t frame_blocks(j_decompress_ptr cinfo) {
    uint64_t blocks = 0;
    for (int c = 0; c < cinfo->num_components; c++) {
        blocks += (uint64_t)cinfo->comp_info[c].width_in_blocks * cinfo->comp_info[c].height_in_blocks;
    }
    return blocks;
}

// What jdcoefct.c allocates for a file with more than one scan (jdinput.c: progressive, or fewer
// components in the first scan than in the frame); single-scan files decode without it.
static uint64_t coefficient_bytes(j_decompress_ptr cinfo) {
    if (!cinfo->progressive_mode && cinfo->comps_in_scan >= cinfo->num_components) return 0;
    uint64_t bytes = 0;
    for (int c = 0; c < cinfo->num_components; c++) {
        const jpeg_component_info *component = &cinfo->comp_info[c];
        bytes += round_up(component->width_in_blocks, component->h_samp_factor)
            * round_up(component->height_in_blocks, component->v_samp_factor) * sizeof(JBLOCK);
    }
    return bytes;
}

static void install_error_manager(j_common_ptr cinfo, guarded_error_manager *manager, cic_diagnostics *diagnostics) {
    memset(diagnostics, 0, sizeof(*diagnostics));
    cinfo->err = jpeg_std_error(&manager->base);
    manager->base.error_exit = jump_on_error;
    manager->base.emit_message = keep_warning;
    manager->base.output_message = ignore_output;
    manager->diagnostics = diagnostics;
}

bool cic_jpeg_read_header(const void *data, size_t size, cic_jpeg_header *header, cic_diagnostics *diagnostics) {
    struct jpeg_decompress_struct cinfo;
    guarded_error_manager manager;
    install_error_manager((j_common_ptr)&cinfo, &manager, diagnostics);
    memset(header, 0, sizeof(*header));
    if (setjmp(manager.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, (const unsigned char *)data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    header->width = cinfo.image_width;
    header->height = cinfo.image_height;
    header->components = cinfo.num_components;
    header->color_space = cinfo.jpeg_color_space;
    header->precision = cinfo.data_precision;
    header->progressive = cinfo.progressive_mode;
    header->arithmetic = cinfo.arith_code;
    header->saw_jfif = cinfo.saw_JFIF_marker;
    header->density_unit = cinfo.density_unit;
    header->x_density = cinfo.X_density;
    header->y_density = cinfo.Y_density;
    header->saw_adobe = cinfo.saw_Adobe_marker;
    header->adobe_transform = cinfo.Adobe_transform;
    header->frame_blocks = frame_blocks(&cinfo);
    header->coefficient_bytes = coefficient_bytes(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

_Static_assert(NUM_QUANT_TBLS == 4, "cic_jpeg_read_quant_tables reports four DQT slots");

bool cic_jpeg_read_quant_tables(const void *data, size_t size, uint16_t tables[4][64], int *table_count,
                                int component_table[4], cic_diagnostics *diagnostics) {
    struct jpeg_decompress_struct cinfo;
    guarded_error_manager manager;
    install_error_manager((j_common_ptr)&cinfo, &manager, diagnostics);
    memset(tables, 0, sizeof(uint16_t[4][64]));
    *table_count = 0;
    for (int c = 0; c < 4; c++) component_table[c] = -1;
    if (setjmp(manager.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, (const unsigned char *)data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    for (int i = 0; i < NUM_QUANT_TBLS; i++) {
        const JQUANT_TBL *table = cinfo.quant_tbl_ptrs[i];
        if (table == NULL) continue;
        // quantval is already in natural order (see the header); copy it as is.
        for (int k = 0; k < DCTSIZE2; k++) tables[i][k] = table->quantval[k];
        *table_count = i + 1;
    }
    for (int c = 0; c < cinfo.num_components && c < 4; c++) component_table[c] = cinfo.comp_info[c].quant_tbl_no;
    jpeg_destroy_decompress(&cinfo);
    return true;
}

// Adobe writes CMYK inverted (255 = no ink); libjpeg hands the stored values through unchanged.
static void cmyk_row_to_rgb(const JSAMPLE *cmyk, unsigned char *rgb, JDIMENSION width, bool inverted) {
    for (JDIMENSION x = 0; x < width; x++) {
        unsigned c = cmyk[4 * x], m = cmyk[4 * x + 1], y = cmyk[4 * x + 2], k = cmyk[4 * x + 3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        rgb[3 * x] = (unsigned char)((c * k + 127) / 255);
        rgb[3 * x + 1] = (unsigned char)((m * k + 127) / 255);
        rgb[3 * x + 2] = (unsigned char)((y * k + 127) / 255);
    }
}

bool cic_jpeg_decode(const void *data, size_t size, unsigned scale_denominator, bool force_rgb,
                     const cic_jpeg_limits *limits, void *pixels, size_t capacity, cic_jpeg_output *output,
                     cic_diagnostics *diagnostics) {
    struct jpeg_decompress_struct cinfo;
    guarded_error_manager manager;
    scan_limit limit = {.base = {.progress_monitor = stop_on_scan_limits}, .limits = limits, .output = output};
    // Locals changed after setjmp and read after the jump must be volatile.
    JSAMPLE *volatile cmyk_row = NULL;
    install_error_manager((j_common_ptr)&cinfo, &manager, diagnostics);
    memset(output, 0, sizeof(*output));
    if (setjmp(manager.jump)) {
        free(cmyk_row);
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.progress = &limit.base;
    cinfo.mem->max_memory_to_use = limits->max_memory;
    jpeg_mem_src(&cinfo, (const unsigned char *)data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    limit.frame_blocks = frame_blocks(&cinfo);
    cinfo.scale_num = 1;
    cinfo.scale_denom = scale_denominator;
    bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    if (cmyk) {
        cinfo.out_color_space = JCS_CMYK;
    } else if (cinfo.num_components == 1 && !force_rgb) {
        cinfo.out_color_space = JCS_GRAYSCALE;
    } else {
        cinfo.out_color_space = JCS_RGB;
    }
    jpeg_calc_output_dimensions(&cinfo);
    output->width = cinfo.output_width;
    output->height = cinfo.output_height;
    output->components = cmyk ? 3 : cinfo.output_components;
    if (pixels == NULL) {
        jpeg_destroy_decompress(&cinfo);
        return true;
    }
    size_t row_bytes = (size_t)output->width * (size_t)output->components;
    if (row_bytes * output->height > capacity) {
        snprintf(diagnostics->error, CIC_MESSAGE_CAPACITY, "Output buffer too small");
        diagnostics->error_code = CIC_ERROR_OUTPUT_BUFFER;
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_start_decompress(&cinfo);
    if (cmyk) {
        cmyk_row = malloc((size_t)cinfo.output_width * 4);
        if (cmyk_row == NULL) ERREXIT1(&cinfo, JERR_OUT_OF_MEMORY, 0);
    }
    unsigned char *bytes = pixels;
    while (cinfo.output_scanline < cinfo.output_height) {
        unsigned char *row = bytes + row_bytes * cinfo.output_scanline;
        JDIMENSION read;
        if (cmyk) {
            JSAMPROW rows[1] = {cmyk_row};
            read = jpeg_read_scanlines(&cinfo, rows, 1);
            if (read == 1) cmyk_row_to_rgb(cmyk_row, row, cinfo.output_width, cinfo.saw_Adobe_marker);
        } else {
            // Several rows per call, as djpeg does, so libjpeg can upsample straight into our buffer.
            JSAMPROW rows[ROWS_PER_CALL];
            JDIMENSION wanted = cinfo.output_height - cinfo.output_scanline;
            if (wanted > ROWS_PER_CALL) wanted = ROWS_PER_CALL;
            for (JDIMENSION i = 0; i < wanted; i++) rows[i] = row + row_bytes * i;
            read = jpeg_read_scanlines(&cinfo, rows, wanted);
        }
        // The memory source never suspends, so no progress means libjpeg is stuck: stop.
        if (read == 0) ERREXIT(&cinfo, JERR_BAD_STATE);
    }
    output->scans = cinfo.input_scan_number;
    jpeg_finish_decompress(&cinfo);
    free(cmyk_row);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

bool cic_jpeg_encode(const void *pixels, int width, int height, int channels, int quality, unsigned char **output,
                     unsigned long *output_size, cic_diagnostics *diagnostics) {
    *output = NULL;
    *output_size = 0;
    struct jpeg_compress_struct cinfo;
    guarded_error_manager manager;
    install_error_manager((j_common_ptr)&cinfo, &manager, diagnostics);
    // Written by libjpeg through its address as the output grows, so it is in memory, not in a
    // register, when an error jumps back here.
    unsigned char *buffer = NULL;
    unsigned long size = 0;
    if (setjmp(manager.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return false;
    }
    jpeg_create_compress(&cinfo);
    if (width < 1 || height < 1 || (channels != 1 && channels != 3)) {
        refuse((j_common_ptr)&cinfo, CIC_ERROR_OUTPUT_BUFFER, "nothing to encode");
    }
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = channels;
    cinfo.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    // Huffman tables made for the picture: a few per cent smaller, the same pixels.
    cinfo.optimize_coding = TRUE;
    jpeg_start_compress(&cinfo, TRUE);
    const unsigned char *rows = pixels;
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(rows + (size_t)cinfo.next_scanline * (size_t)width * (size_t)channels);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *output = buffer;
    *output_size = size;
    return true;
}

void cic_free(void *pointer) { free(pointer); }
