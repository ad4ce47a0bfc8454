/* mk-cli-documents-private.h: what the files of "doc" share.
 *
 *   mk-cli-documents.c       doc new, post, cancel, delete; the dispatch
 *   mk-cli-document-lines.c  line specs, CSV files of lines, household lists
 *   mk-cli-document-show.c   doc show, check, list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-cli.h"

G_BEGIN_DECLS

/* mk-cli-documents.c */
/* @text as a message shows it: on one line and not too long. */
char    *mk_cli_doc_shown_text (const char *text);
gboolean mk_cli_doc_is_blank (const char *text);
/* Kinds and statuses: translated for people, as stored for programs. */
const char *mk_cli_doc_kind_cell (MkCli         *cli,
                                  MkDocumentKind kind);
const char *mk_cli_doc_status_cell (MkCli           *cli,
                                    MkDocumentStatus status);
gboolean    mk_cli_doc_lookup_kind (const char     *text,
                                    MkDocumentKind *kind,
                                    GError        **error);
/* A document by its number (BEN-WB-2026-00017) or, when @text is a whole
 * number, by its id: drafts have no number. */
MkDocument *mk_cli_doc_get (MkDatabase *db,
                            const char *text,
                            GError    **error);

/* mk-cli-document-lines.c */
/* "SOAP=400:lot=SB-2611:expiry=2028-06-30:grant=ECHO-2026" as a line. */
MkDocumentLine *mk_cli_doc_parse_line_spec (const char *spec,
                                            GError    **error);
/* The lines of a CSV file; @file_lines gets each line's line in the file. */
gboolean mk_cli_doc_read_lines_file (MkDocument *doc,
                                     const char *path,
                                     GArray     *file_lines,
                                     GError    **error);
/* What each household received, from a CSV file; @file_lines gets each
 * receipt's line. */
gboolean mk_cli_doc_read_receipts_file (MkDocument *doc,
                                        const char *path,
                                        GArray     *file_lines,
                                        GError    **error);

/* mk-cli-document-show.c */
gboolean mk_cli_doc_show (MkCli   *cli,
                          char  ***args,
                          GError **error);
gboolean mk_cli_doc_check (MkCli   *cli,
                           char  ***args,
                           GError **error);
gboolean mk_cli_doc_list (MkCli   *cli,
                          char  ***args,
                          GError **error);

G_END_DECLS
