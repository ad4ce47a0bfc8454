/* mk-csv.h: reading CSV files as people's spreadsheets write them.
 *
 * RFC 4180 quoting, a UTF-8 byte-order mark, Windows line ends, and a comma
 * or semicolon separator (detected from the header line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_CSV_ERROR (mk_csv_error_quark ())

typedef enum
{
  MK_CSV_ERROR_READ,
  MK_CSV_ERROR_ENCODING,
  MK_CSV_ERROR_SYNTAX,
  MK_CSV_ERROR_TOO_LARGE,
} MkCsvError;

GQuark mk_csv_error_quark (void);

typedef struct _MkCsvReader MkCsvReader;

MkCsvReader *mk_csv_reader_new_from_file (const char *path,
                                          GError    **error);
MkCsvReader *mk_csv_reader_new_from_data (const char *data,
                                          gsize       length,
                                          GError    **error);
void         mk_csv_reader_free (MkCsvReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkCsvReader, mk_csv_reader_free)

/* Reads the next record into @fields (a NULL-terminated array owned by the
 * reader until the next call). Returns FALSE at the end or on an error;
 * *at_end tells which. */
gboolean mk_csv_reader_next (MkCsvReader        *reader,
                             const char *const **fields,
                             guint              *n_fields,
                             gboolean           *at_end,
                             GError            **error);
/* The line (1-based) on which the last record returned began. */
guint mk_csv_reader_get_line (MkCsvReader *reader);

G_END_DECLS
