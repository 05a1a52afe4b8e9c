// Debian's SQLite (libsqlite3-dev), for the batch's cache of file reports.
#include <sqlite3.h>
