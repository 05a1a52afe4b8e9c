// libexif loading with its log captured. libexif never jumps, but it reports damage only through
// a printf-style log callback, which Swift cannot implement, so the callback lives here.
#include "CImageCodecs.h"

#include <libexif/exif-log.h>
#include <stdarg.h>
#include <string.h>

static void keep_corrupt_data_message(ExifLog *log, ExifLogCode code, const char *domain, const char *format,
                                      va_list arguments, void *context) {
    (void)log;
    (void)domain;
    if (code != EXIF_LOG_CODE_CORRUPT_DATA && code != EXIF_LOG_CODE_NO_MEMORY) return;
    cic_diagnostics *diagnostics = context;
    if (diagnostics->warning_count == 0) {
        vsnprintf(diagnostics->warning, CIC_MESSAGE_CAPACITY, format, arguments);
        diagnostics->warning_code = (int)code;
    }
    diagnostics->warning_count += 1;
}

ExifData *cic_exif_load(const void *data, size_t size, cic_diagnostics *diagnostics) {
    memset(diagnostics, 0, sizeof(*diagnostics));
    if (size > 0xFFFFFFFFu) return NULL; // libexif takes an unsigned int size
    ExifData *exif = exif_data_new();
    ExifLog *log = exif_log_new();
    if (exif == NULL || log == NULL) {
        if (exif) exif_data_unref(exif);
        if (log) exif_log_unref(log);
        strcpy(diagnostics->error, "libexif could not allocate memory");
        return NULL;
    }
    exif_log_set_func(log, keep_corrupt_data_message, diagnostics);
    exif_data_log(exif, log);
    // Report the tags as stored: "following the specification" would invent missing mandatory tags.
    exif_data_unset_option(exif, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_load_data(exif, (const unsigned char *)data, (unsigned int)size);
    exif_log_unref(log); // exif keeps its own reference; the callback's context outlives this call only
    exif_data_log(exif, NULL);
    return exif;
}
