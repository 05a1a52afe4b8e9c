// Tesseract through its C API, for the reader: one engine per worker, grey pixels in, text lines
// out. No policy here: which regions to read, at which scale and what the text means is Swift's.
#ifndef CTEXTREADER_H
#define CTEXTREADER_H

#include <stddef.h>
#include <stdint.h>

typedef struct tr_engine tr_engine;

/// One recognised word (or, from tr_layout, one text line): its box in the pixels given,
/// Tesseract's confidence (0–100), its UTF-8 text (owned by the result, freed with tr_lines_free)
/// and the number of the text line it belongs to.
typedef struct {
    int left, top, right, bottom;
    float confidence;
    char *text;
    int line;
} tr_line;

/// Loads the models named by `languages` ("chi_sim+eng") from Tesseract's own data folder (or
/// TESSDATA_PREFIX). Returns NULL, with a reason in `error`, when they cannot be loaded.
tr_engine *tr_engine_create(const char *languages, char *error, size_t error_size);
void tr_engine_destroy(tr_engine *engine);

/// "5.3.0": the library's version.
const char *tr_version(void);

/// How the pixels are laid out for Tesseract's page segmentation (values of tesseract's PageSegMode).
enum { TR_SEGMENT_AUTO = 3, TR_SEGMENT_BLOCK = 6, TR_SEGMENT_LINE = 7, TR_SEGMENT_SPARSE = 11 };

/// Recognises 8-bit grey pixels (`stride` bytes per row). `whitelist` (NULL for none) limits the
/// characters; `deadline_ms` bounds the time (0: none). On return `*lines` holds `*count` lines
/// (free with tr_lines_free), each a word with the number of its line. Returns 0, or -1 when
/// Tesseract failed or ran out of time.
int tr_recognise(tr_engine *engine, const uint8_t *grey, int width, int height, int stride,
                 int segmentation, const char *whitelist, int deadline_ms,
                 tr_line **lines, int *count);
void tr_lines_free(tr_line *lines, int count);

/// Tesseract's layout analysis alone (no recognition, so it is cheap): the boxes of the text lines
/// it finds, in `*lines` (texts NULL, confidence 0; free with tr_lines_free). Returns 0, or -1.
int tr_layout(tr_engine *engine, const uint8_t *grey, int width, int height, int stride,
              tr_line **lines, int *count);

#endif
