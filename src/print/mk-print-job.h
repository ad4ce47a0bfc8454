/* mk-print-job.h: one printed document, laid out once and drawn either
 * into a PDF file or onto the pages of a GtkPrintOperation.
 *
 * A job reads everything it prints from the database when it is created,
 * so that laying out and drawing never touch the database. Then:
 *
 *   mk_print_job_paginate (job, cr, width, height, &error);
 *   for (guint i = 0; i < mk_print_job_get_n_pages (job); i++)
 *     mk_print_job_draw_page (job, cr, i);
 *
 * which is what mk_print_job_write_pdf() does on a PDF surface. From a
 * GtkPrintOperation, with use-full-page TRUE and unit GTK_UNIT_POINTS:
 * in "begin-print" call mk_print_job_paginate() with the print context's
 * cairo context, width and height and give gtk_print_operation_set_n_pages()
 * the result of mk_print_job_get_n_pages(); in "draw-page" call
 * mk_print_job_draw_page(). The job keeps its own margins.
 *
 * Labels are printed in Arabic and English side by side whatever the
 * interface language; the language option chooses the direction of the
 * page and which names (of items, warehouses …) are printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "makhzan-core.h"

G_BEGIN_DECLS

#define MK_PRINT_ERROR (mk_print_error_quark ())

typedef enum
{
  MK_PRINT_ERROR_NOT_FOUND,  /* no such document, item or warehouse */
  MK_PRINT_ERROR_DRAFT,      /* a draft where a posted document is needed */
  MK_PRINT_ERROR_WRONG_KIND, /* the document is of another kind */
  MK_PRINT_ERROR_INVALID,    /* a period, month or option is wrong */
  MK_PRINT_ERROR_LOGO,       /* the logo is not a PNG image or is too large */
  MK_PRINT_ERROR_WRITE,      /* the PDF file cannot be written */
  MK_PRINT_ERROR_LAYOUT,     /* the job was drawn before it was laid out */
} MkPrintError;

GQuark mk_print_error_quark (void);

typedef enum
{
  MK_PRINT_WAYBILL,
  MK_PRINT_GRN, /* a goods received note, or a waybill's reception */
  MK_PRINT_LOSS_REPORT,
  MK_PRINT_STOCK_CARD,
  MK_PRINT_STOCK_REPORT,
  MK_PRINT_DISTRIBUTION_LIST,
  MK_PRINT_TALLY_SHEET,
  MK_PRINT_N_KINDS
} MkPrintKind;

/* "waybill", "grn", "loss-report", "stock-card", "stock-report",
 * "distribution-list", "tally-sheet": the CLI's names. */
const char *mk_print_kind_to_name (MkPrintKind kind);
gboolean    mk_print_kind_from_name (const char  *name,
                                     MkPrintKind *kind);
/* Whether the kind prints one document (a number), not a period. */
gboolean mk_print_kind_is_document (MkPrintKind kind);

typedef enum
{
  MK_PAPER_A4,
  MK_PAPER_LETTER,
} MkPaper;

/* Portrait size in points. */
void mk_paper_get_size (MkPaper paper,
                        double *width,
                        double *height);

/* The largest logo accepted: a PNG file of at most this many bytes and
 * this many pixels on a side. */
#define MK_PRINT_LOGO_MAX_BYTES (4 * 1024 * 1024)
#define MK_PRINT_LOGO_MAX_PIXELS 4000

typedef struct
{
  MkPaper     paper;
  const char *language;    /* "ar" or "en"; NULL: the interface's */
  const char *office_name; /* NULL: the database's office, in both languages */
  const char *logo_path;   /* a PNG file, or NULL */
  /* Waybill: how many of the marked copies Original, Transporter, Receiver,
   * File to print (0: all four). Other documents: identical copies (0: 1). */
  guint copies;
} MkPrintOptions;

#define MK_TYPE_PRINT_JOB (mk_print_job_get_type ())
G_DECLARE_FINAL_TYPE (MkPrintJob, mk_print_job, MK, PRINT_JOB, GObject)

/* A document of @kind (waybill, grn, loss-report, distribution-list,
 * tally-sheet) by its number. A distribution list or tally sheet may be
 * printed from a draft, named by its id (a whole number); every other
 * document must be posted. @options may be NULL. */
MkPrintJob *mk_print_job_new (MkDatabase           *db,
                              MkPrintKind           kind,
                              const char           *number_or_id,
                              const MkPrintOptions *options,
                              GError              **error);
/* The same for a document already read, such as the one an editor shows. */
MkPrintJob *mk_print_job_new_for_document (MkDatabase           *db,
                                           MkPrintKind           kind,
                                           MkDocument           *document,
                                           const MkPrintOptions *options,
                                           GError              **error);
/* The stock card of one item in one warehouse from @from to @to
 * (YYYY-MM-DD; NULL: open). */
MkPrintJob *mk_print_job_new_stock_card (MkDatabase           *db,
                                         const char           *warehouse_code,
                                         const char           *item_code,
                                         const char           *from,
                                         const char           *to,
                                         const MkPrintOptions *options,
                                         GError              **error);
/* The monthly stock report of @month (YYYY-MM) for one warehouse, or all
 * when @warehouse_code is NULL. */
MkPrintJob *mk_print_job_new_stock_report (MkDatabase           *db,
                                           const char           *warehouse_code,
                                           const char           *month,
                                           const MkPrintOptions *options,
                                           GError              **error);

MkPrintKind mk_print_job_get_kind (MkPrintJob *self);
/* "BEN-WB-2026-00017", or a title such as "Stock card SOAP BEN-MAIN": a
 * name for the print job and the default file name. */
const char *mk_print_job_get_title (MkPrintJob *self);
/* Wide documents (the stock report) are laid out on landscape paper:
 * the caller of paginate passes the landscape width and height. */
gboolean mk_print_job_is_landscape (MkPrintJob *self);
/* The paper's size in points for this job, turned for landscape. */
void mk_print_job_get_page_size (MkPrintJob *self,
                                 double     *width,
                                 double     *height);

/* Lays the document out on pages of @width × @height points, measuring
 * text with @cr's font options. May be called again with another size. */
gboolean mk_print_job_paginate (MkPrintJob *self,
                                cairo_t    *cr,
                                double      width,
                                double      height,
                                GError    **error);
/* 0 before mk_print_job_paginate(). Copies are pages too. */
guint mk_print_job_get_n_pages (MkPrintJob *self);
/* Draws page @page_nr (from 0) onto @cr, whose origin is the paper's
 * corner, in points. */
void mk_print_job_draw_page (MkPrintJob *self,
                             cairo_t    *cr,
                             guint       page_nr);

/* Writes the document as a PDF file at @path: to a temporary file in the
 * same folder, renamed when complete, so that a failure leaves no partial
 * file under @path and the file that was there untouched. */
gboolean mk_print_job_write_pdf (MkPrintJob *self,
                                 const char *path,
                                 GError    **error);

G_END_DECLS
