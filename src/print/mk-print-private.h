/* mk-print-private.h: what the files of src/print share.
 *
 *   mk-print-layout.c        tables of cells: measuring, pagination, drawing
 *   mk-print-page.c          the page's frame: header, logo, QR code, footer
 *   mk-print-lookup.c        names, units and numbers read for printing
 *   mk-print-job.c           the job: options, pages, PDF file
 *   mk-print-waybill.c       the waybill
 *   mk-print-receipts.c      goods received note and loss report
 *   mk-print-stock.c         stock card and monthly stock report
 *   mk-print-distribution.c  distribution list and tally sheet
 *
 * A document is a list of tables laid out one after the other; everything
 * on a page, field grids and signature blocks included, is a table of
 * cells. Tables split between rows, repeating their header on each page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "mk-print-job.h"

G_BEGIN_DECLS

/* A label printed in both languages. The English text is fixed: a printed
 * form carries both languages whatever the interface's, so neither side
 * goes through the catalogue; the Arabic follows reference/glossary-ar.csv. */
typedef struct
{
  const char *en;
  const char *ar;
} MkLabel;

typedef enum
{
  MK_CELL_BOLD = 1 << 0,
  MK_CELL_HEADER = 1 << 1, /* a column heading: shaded, small, centred */
  MK_CELL_NUMBER = 1 << 2, /* tabular digits at the cell's end, isolated LTR */
  MK_CELL_CODE = 1 << 3,   /* a code, plate or date: isolated LTR */
  MK_CELL_SMALL = 1 << 4,
  MK_CELL_CENTER = 1 << 5,
  MK_CELL_TOTAL = 1 << 6, /* a totals row: bold, lightly shaded */
  MK_CELL_BLANK = 1 << 7, /* to be filled by hand: no text, white */
  MK_CELL_PLAIN = 1 << 8, /* no border */
  MK_CELL_LARGE = 1 << 9,
} MkCellFlags;

typedef struct
{
  char       *label; /* small, above the text; NULL: none */
  char       *text;  /* NULL: empty */
  MkCellFlags flags;
  guint       span; /* columns covered, at least 1 */
  /* Laid out: */
  PangoLayout *label_layout;
  PangoLayout *layout;
  double       x_offset; /* of a layout not wrapped, from the cell's start */
  double       height;
} MkPrintCell;

typedef struct
{
  GPtrArray *cells; /* MkPrintCell */
  double     min_height;
  double     height; /* laid out */
} MkPrintRow;

typedef struct _MkPrintTable MkPrintTable;

/* A totals row for rows @first … @first + @n - 1, printed at the foot of
 * each page the table covers. */
typedef MkPrintRow *(*MkPrintTotalsFunc) (MkPrintTable *table,
                                          guint         first,
                                          guint         n,
                                          gpointer      data);

struct _MkPrintTable
{
  char             *title; /* a heading above the table, or NULL */
  guint             n_columns;
  double           *widths; /* relative widths, any scale */
  MkPrintRow       *header; /* repeated on every page, or NULL */
  GPtrArray        *rows;   /* MkPrintRow */
  gboolean          keep_together;
  gboolean          page_break_before;
  double            space_before;
  MkPrintTotalsFunc page_totals;
  gpointer          page_totals_data;
  GDestroyNotify    page_totals_destroy;
  /* Laid out: */
  PangoLayout *title_layout;
  double       title_height;
};

/* The document a job prints: its frame and its tables. */
typedef struct
{
  MkPrintKind kind;
  gboolean    rtl;
  gboolean    landscape;
  char       *title_en;
  char       *title_ar;
  char       *number;   /* printed in the header and footer; NULL: none */
  char       *subtitle; /* a line under the title (a period, "DRAFT"), or NULL */
  char       *qr_text;  /* encoded as a QR code when libqrencode is built in */
  char       *office_name;
  GPtrArray  *copy_marks; /* char *: "ORIGINAL · الأصل" …; empty: unmarked */
  GPtrArray  *tables;     /* MkPrintTable */
} MkPrintDoc;

MkPrintDoc *mk_print_doc_new (MkPrintKind kind,
                              gboolean    rtl);
void        mk_print_doc_free (MkPrintDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkPrintDoc, mk_print_doc_free)

/* "English · العربية", or the other way round when @doc is right to left. */
char *mk_print_doc_label (const MkPrintDoc *doc,
                          const MkLabel    *label);
/* The two on two lines, the page's language first: column headings. */
char *mk_print_doc_label_lines (const MkPrintDoc *doc,
                                const MkLabel    *label);
void  mk_print_doc_set_title (MkPrintDoc    *doc,
                              const MkLabel *title);

/* Tables --------------------------------------------------------------- */

/* A table of @n_columns whose relative widths follow (doubles). */
MkPrintTable *mk_print_doc_add_table (MkPrintDoc *doc,
                                      guint       n_columns,
                                      ...);
void          mk_print_table_set_title (MkPrintTable     *table,
                                        const MkPrintDoc *doc,
                                        const MkLabel    *title);
/* Column headings from MkLabel pointers, one a column. */
void        mk_print_table_set_header (MkPrintTable         *table,
                                       const MkPrintDoc     *doc,
                                       const MkLabel *const *labels);
MkPrintRow *mk_print_table_add_row (MkPrintTable *table);
MkPrintRow *mk_print_row_new (void);
void        mk_print_row_free (MkPrintRow *row);
/* Appends a cell; @text is copied. Returns it, for its span or label. */
MkPrintCell *mk_print_row_add (MkPrintRow *row,
                               const char *text,
                               MkCellFlags flags);
MkPrintCell *mk_print_row_take (MkPrintRow *row,
                                char       *text,
                                MkCellFlags flags);
MkPrintCell *mk_print_row_add_number (MkPrintRow *row,
                                      gint64      value,
                                      MkCellFlags flags);
/* A cell with a small label above its value: a field of a form. */
MkPrintCell *mk_print_row_add_field (MkPrintRow       *row,
                                     const MkPrintDoc *doc,
                                     const MkLabel    *label,
                                     const char       *value,
                                     MkCellFlags       flags);

/* Rows of fields, @per_row to a row, from @labels and @values (NULL
 * values print as empty boxes to fill in). */
MkPrintTable *mk_print_doc_add_fields (MkPrintDoc        *doc,
                                       guint              per_row,
                                       const MkLabel     *labels,
                                       const char       **values,
                                       const MkCellFlags *flags,
                                       guint              n);
/* Signature blocks: one column per @parties, rows name, function, date,
 * place, @with_condition condition of goods, signature and stamp. */
MkPrintTable *mk_print_doc_add_signatures (MkPrintDoc    *doc,
                                           const MkLabel *parties,
                                           guint          n_parties,
                                           gboolean       with_condition);

/* Layout ----------------------------------------------------------------- */

typedef struct _MkPrintPages MkPrintPages;

/* Lays @doc out in @context on pages of @width × @height points, between
 * @top and @height - @bottom. */
MkPrintPages *mk_print_pages_new (MkPrintDoc   *doc,
                                  PangoContext *context,
                                  double        width,
                                  double        height,
                                  double        top,
                                  double        bottom);
void          mk_print_pages_free (MkPrintPages *pages);
guint         mk_print_pages_get_count (MkPrintPages *pages);
/* Draws the tables of page @page (from 0). */
void mk_print_pages_draw (MkPrintPages *pages,
                          cairo_t      *cr,
                          guint         page);

/* mk-print-page.c: the frame of every page --------------------------------- */

typedef struct _MkPrintFrame MkPrintFrame;

/* The logo is read when the job is created; NULL @logo_path: none. */
cairo_surface_t *mk_print_logo_load (const char *logo_path,
                                     GError    **error);
MkPrintFrame    *mk_print_frame_new (MkPrintDoc      *doc,
                                     cairo_surface_t *logo,
                                     PangoContext    *context,
                                     double           width,
                                     double           height);
void             mk_print_frame_free (MkPrintFrame *frame);
/* The band the frame takes at the top and the bottom of the page. */
double mk_print_frame_get_top (MkPrintFrame *frame);
double mk_print_frame_get_bottom (MkPrintFrame *frame);
/* What every copy of a page shares … */
void mk_print_frame_draw (MkPrintFrame *frame,
                          cairo_t      *cr,
                          guint         page,
                          guint         n_pages);
/* … and what tells the copies apart: the mark (NULL: none) and the
 * footer that names the document and the copy. */
void mk_print_frame_draw_mark (MkPrintFrame *frame,
                               cairo_t      *cr,
                               const char   *copy_mark);
/* Whether this build draws QR codes. */
gboolean mk_print_has_qr (void);

/* The margin at every edge, in points (12 mm). */
#define MK_PRINT_MARGIN (12.0 * 72.0 / 25.4)
/* Fonts: Latin and Arabic, for printed forms (reference/arabic.md). */
#define MK_PRINT_FONT_FAMILY "Noto Sans, Noto Naskh Arabic"
#define MK_PRINT_FONT_SIZE 8.5

/* Sets @layout's text at @size points (bold if asked), wrapping at @width
 * (< 0: no wrapping), aligned to the page's start, centre or end. */
typedef enum
{
  MK_ALIGN_START,
  MK_ALIGN_CENTER,
  MK_ALIGN_END,
} MkAlign;

void mk_print_layout_set (PangoLayout *layout,
                          const char  *text,
                          double       size,
                          gboolean     bold,
                          gboolean     tabular,
                          double       width,
                          MkAlign      align,
                          gboolean     rtl);

/* mk-print-lookup.c: what printing reads --------------------------------- */

typedef struct _MkPrintLookup MkPrintLookup;

MkPrintLookup *mk_print_lookup_new (MkDatabase *db,
                                    gboolean    arabic);
void           mk_print_lookup_free (MkPrintLookup *lookup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkPrintLookup, mk_print_lookup_free)

/* Records by code, cached; NULL (no error) when there is none. */
MkRecord *mk_print_lookup_record (MkPrintLookup *lookup,
                                  const char    *kind,
                                  const char    *code);
/* "CODE — name" in the page's language, or the code alone. */
char *mk_print_lookup_describe (MkPrintLookup *lookup,
                                const char    *kind,
                                const char    *code);
/* The name of a record in the page's language, falling back. */
const char *mk_print_lookup_name (MkPrintLookup *lookup,
                                  const char    *kind,
                                  const char    *code);
/* The name of a vocabulary entry (units, adjustment_reasons …). */
const char *mk_print_lookup_vocab (MkPrintLookup *lookup,
                                   const char    *vocab,
                                   const char    *code);
/* What a kit holds, "⁦4 × SOAP⁩ + ⁦1 × TOOTHPASTE⁩", or NULL for an item
 * that is not a kit or has no bill of materials. */
const char *mk_print_lookup_kit_contents (MkPrintLookup *lookup,
                                          const char    *item_code);
/* "1,250": whole numbers grouped by thousands. */
char *mk_print_format_count (gint64 value);
/* Kilograms from grams, m³ from cm³: "12.5", "0.012". */
char *mk_print_format_kg (gint64 grams);
char *mk_print_format_m3 (gint64 cm3);
/* An item value kept in thousandths, with the currency's @decimals. */
char *mk_print_format_money (gint64 milli,
                             guint  decimals);
/* "09/03/2025" from an ISO date: it reads the same inside Arabic. NULL: NULL. */
char *mk_print_format_date (const char *iso_date);
/* A header field as text, or NULL. */
char       *mk_print_document_field (MkDocument *document,
                                     const char *field);
gboolean    mk_print_lookup_is_arabic (MkPrintLookup *lookup);
MkDatabase *mk_print_lookup_get_database (MkPrintLookup *lookup);
/* A yes / no question to tick by hand, in both languages. */
char *mk_print_doc_yes_no (const MkPrintDoc *doc);

/* The documents ----------------------------------------------------------- */

MkPrintDoc *mk_print_waybill_build (MkPrintLookup *lookup,
                                    MkDocument    *document,
                                    GError       **error);
MkPrintDoc *mk_print_grn_build (MkPrintLookup *lookup,
                                MkDocument    *document,
                                GError       **error);
MkPrintDoc *mk_print_loss_report_build (MkPrintLookup *lookup,
                                        MkDocument    *document,
                                        GError       **error);
MkPrintDoc *mk_print_stock_card_build (MkPrintLookup *lookup,
                                       const char    *warehouse_code,
                                       const char    *item_code,
                                       const char    *from,
                                       const char    *to,
                                       GError       **error);
MkPrintDoc *mk_print_stock_report_build (MkPrintLookup *lookup,
                                         const char    *warehouse_code,
                                         const char    *month,
                                         GError       **error);
MkPrintDoc *mk_print_distribution_build (MkPrintLookup *lookup,
                                         MkDocument    *document,
                                         gboolean       tally,
                                         GError       **error);

G_END_DECLS
