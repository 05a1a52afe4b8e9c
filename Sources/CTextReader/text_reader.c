// Tesseract's C API behind a narrow interface. Tesseract prints warnings on stderr and runs its
// LSTM with OpenMP threads of its own; both are switched off here, because the tool prints only
// what it decides to print and parallelises over files itself.
#include "CTextReader.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tesseract/capi.h>

struct tr_engine {
    TessBaseAPI *api;
};

const char *tr_version(void) { return TessVersion(); }

// libgomp comes with libtesseract; its entry points are looked up rather than linked, so the
// build needs no OpenMP headers. With no active levels allowed, every parallel region in
// Tesseract runs on the calling thread only. The setting belongs to the calling thread's data
// environment, so it is made before each call, on whichever worker thread calls.
static void single_threaded(void) {
    static void (*set_levels)(int) = NULL;
    static int looked_up = 0;
    if (!looked_up) {
        set_levels = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
        looked_up = 1;
    }
    if (set_levels) set_levels(0);
}

// Leptonica, under Tesseract, prints its own errors on stderr ("Error in pixScanForForeground")
// for pictures it finds odd; they are not errors of ours. Its severity is process-wide, set with
// each engine.
static void leptonica_quiet(void) {
    int (*set_severity)(int) = (int (*)(int))dlsym(RTLD_DEFAULT, "setMsgSeverity");
    if (set_severity) set_severity(6);  // L_SEVERITY_NONE
}

tr_engine *tr_engine_create(const char *languages, char *error, size_t error_size) {
    single_threaded();
    leptonica_quiet();
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api) {
        snprintf(error, error_size, "Tesseract could not be started");
        return NULL;
    }
    // Read before Init: where Tesseract writes its debug and warning text.
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    if (TessBaseAPIInit2(api, NULL, languages, OEM_LSTM_ONLY) != 0) {
        snprintf(error, error_size, "Tesseract's models for %s are not installed", languages);
        TessBaseAPIDelete(api);
        return NULL;
    }
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    // Tesseract reads every line it is unsure of a second time, inverted, for white print on
    // black; documents here are dark print on light paper, and the second read cost a tenth of
    // the reading time (mostly on patterns and glare) for nothing.
    TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
    // The layout's table detection regroups a table's cells into regions; the reader reads lines,
    // never tables, and the detection cost a tenth of the layout's time. Read rates on our reading
    // sets moved by one either way without it.
    TessBaseAPISetVariable(api, "textord_tabfind_find_tables", "0");
    tr_engine *engine = calloc(1, sizeof *engine);
    if (!engine) {
        TessBaseAPIEnd(api);
        TessBaseAPIDelete(api);
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    engine->api = api;
    return engine;
}

void tr_engine_destroy(tr_engine *engine) {
    if (!engine) return;
    TessBaseAPIEnd(engine->api);
    TessBaseAPIDelete(engine->api);
    free(engine);
}

static int append_line(tr_line **lines, int *count, int *capacity, tr_line line) {
    if (*count == *capacity) {
        int grown = *capacity ? *capacity * 2 : 32;
        tr_line *bigger = realloc(*lines, (size_t)grown * sizeof **lines);
        if (!bigger) return -1;
        *lines = bigger;
        *capacity = grown;
    }
    (*lines)[(*count)++] = line;
    return 0;
}

int tr_recognise(tr_engine *engine, const uint8_t *grey, int width, int height, int stride,
                 int segmentation, const char *whitelist, int deadline_ms,
                 tr_line **lines, int *count) {
    *lines = NULL;
    *count = 0;
    if (!engine || !grey || width < 1 || height < 1) return -1;
    single_threaded();
    TessBaseAPI *api = engine->api;
    TessBaseAPISetVariable(api, "tessedit_char_whitelist", whitelist ? whitelist : "");
    TessBaseAPISetPageSegMode(api, (TessPageSegMode)segmentation);
    TessBaseAPISetImage(api, grey, width, height, 1, stride);
    TessBaseAPISetSourceResolution(api, 300);

    ETEXT_DESC *monitor = TessMonitorCreate();
    if (monitor && deadline_ms > 0) TessMonitorSetDeadlineMSecs(monitor, deadline_ms);
    int status = TessBaseAPIRecognize(api, monitor);
    if (monitor) TessMonitorDelete(monitor);
    if (status != 0) {
        TessBaseAPIClear(api);
        return -1;
    }

    int capacity = 0, line_number = -1;
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (it) {
        TessPageIterator *page = TessResultIteratorGetPageIterator(it);
        do {
            if (TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE)) line_number++;
            char *text = TessResultIteratorGetUTF8Text(it, RIL_WORD);
            if (!text) continue;
            tr_line word = {0};
            TessPageIteratorBoundingBox(page, RIL_WORD, &word.left, &word.top, &word.right, &word.bottom);
            word.confidence = TessResultIteratorConfidence(it, RIL_WORD);
            word.line = line_number < 0 ? 0 : line_number;
            word.text = strdup(text);
            TessDeleteText(text);
            if (!word.text || append_line(lines, count, &capacity, word) != 0) {
                free(word.text);
                break;
            }
        } while (TessPageIteratorNext(page, RIL_WORD));
        TessResultIteratorDelete(it);
    }
    TessBaseAPIClear(api);
    return 0;
}

int tr_layout(tr_engine *engine, const uint8_t *grey, int width, int height, int stride,
              tr_line **lines, int *count) {
    *lines = NULL;
    *count = 0;
    if (!engine || !grey || width < 1 || height < 1) return -1;
    single_threaded();
    TessBaseAPI *api = engine->api;
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    TessBaseAPISetImage(api, grey, width, height, 1, stride);
    TessBaseAPISetSourceResolution(api, 300);
    TessPageIterator *it = TessBaseAPIAnalyseLayout(api);
    int capacity = 0;
    if (it) {
        do {
            tr_line line = {0};
            if (!TessPageIteratorBoundingBox(it, RIL_TEXTLINE, &line.left, &line.top, &line.right, &line.bottom)) continue;
            if (append_line(lines, count, &capacity, line) != 0) break;
        } while (TessPageIteratorNext(it, RIL_TEXTLINE));
        TessPageIteratorDelete(it);
    }
    TessBaseAPIClear(api);
    return 0;
}

void tr_lines_free(tr_line *lines, int count) {
    for (int i = 0; i < count; i++) free(lines[i].text);
    free(lines);
}
