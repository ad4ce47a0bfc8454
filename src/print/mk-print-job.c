/* mk-print-job.c: one printed document — what it prints, its pages and
 * copies, and its PDF file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif
#ifdef G_OS_WIN32
#include <io.h>
#endif
#ifndef O_BINARY
#define O_BINARY 0
#endif

#include "mk-print-private.h"

/* clang-format off */
G_DEFINE_QUARK (mk-print-error-quark, mk_print_error)
/* clang-format on */

struct _MkPrintJob
{
  GObject          parent_instance;
  MkPrintKind      kind;
  MkPaper          paper;
  guint            copies; /* of an unmarked document */
  MkPrintDoc      *doc;
  cairo_surface_t *logo;
  char            *title;
  PangoContext    *context;
  MkPrintFrame    *frame;
  MkPrintPages    *pages;
};

G_DEFINE_FINAL_TYPE (MkPrintJob, mk_print_job, G_TYPE_OBJECT)

static const char *const kind_names[MK_PRINT_N_KINDS] = {
  [MK_PRINT_WAYBILL] = "waybill",
  [MK_PRINT_GRN] = "grn",
  [MK_PRINT_LOSS_REPORT] = "loss-report",
  [MK_PRINT_STOCK_CARD] = "stock-card",
  [MK_PRINT_STOCK_REPORT] = "stock-report",
  [MK_PRINT_DISTRIBUTION_LIST] = "distribution-list",
  [MK_PRINT_TALLY_SHEET] = "tally-sheet",
};

/* The waybill's copies, in the order they are printed (forms.md). */
static const MkLabel copy_marks[] = {
  { "ORIGINAL", "الأصل" },
  { "TRANSPORTER", "نسخة الناقل" },
  { "RECEIVER", "نسخة المستلِم" },
  { "FILE", "نسخة الملف" },
};

const char *
mk_print_kind_to_name (MkPrintKind kind)
{
  g_return_val_if_fail (kind < MK_PRINT_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
mk_print_kind_from_name (const char  *name,
                         MkPrintKind *kind)
{
  for (guint i = 0; i < MK_PRINT_N_KINDS; i++)
    if (g_ascii_strcasecmp (name, kind_names[i]) == 0)
      {
        *kind = (MkPrintKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
mk_print_kind_is_document (MkPrintKind kind)
{
  return kind != MK_PRINT_STOCK_CARD && kind != MK_PRINT_STOCK_REPORT;
}

void
mk_paper_get_size (MkPaper paper,
                   double *width,
                   double *height)
{
  if (paper == MK_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.2756;
      *height = 841.8898;
    }
}

/* The object ---------------------------------------------------------------- */

static void
clear_layout (MkPrintJob *self)
{
  g_clear_pointer (&self->pages, mk_print_pages_free);
  g_clear_pointer (&self->frame, mk_print_frame_free);
  g_clear_object (&self->context);
}

static void
mk_print_job_finalize (GObject *object)
{
  MkPrintJob *self = MK_PRINT_JOB (object);

  clear_layout (self);
  mk_print_doc_free (self->doc);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_free (self->title);
  G_OBJECT_CLASS (mk_print_job_parent_class)->finalize (object);
}

static void
mk_print_job_class_init (MkPrintJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_print_job_finalize;
}

static void
mk_print_job_init (MkPrintJob *self)
{
}

static gboolean
language_is_arabic (const MkPrintOptions *options)
{
  if (options != NULL && options->language != NULL)
    return g_str_has_prefix (options->language, "ar");
  return mk_text_prefers_arabic ();
}

/* Options checked and the logo read before any document is: a bad logo
 * is refused at once. */
static MkPrintJob *
job_new (MkDatabase           *db,
         MkPrintKind           kind,
         const MkPrintOptions *options,
         GError              **error)
{
  g_autoptr (MkPrintJob) self = g_object_new (MK_TYPE_PRINT_JOB, NULL);

  self->kind = kind;
  if (options != NULL)
    {
      self->paper = options->paper;
      self->copies = options->copies;
      if (options->logo_path != NULL)
        {
          self->logo = mk_print_logo_load (options->logo_path, error);
          if (self->logo == NULL)
            return NULL;
        }
    }
  return g_steal_pointer (&self);
}

static gboolean
job_set_doc (MkPrintJob           *self,
             MkDatabase           *db,
             MkPrintDoc           *doc,
             const MkPrintOptions *options,
             GError              **error)
{
  if (doc == NULL)
    return FALSE;
  self->doc = doc;
  if (options != NULL && options->office_name != NULL && *options->office_name != '\0')
    doc->office_name = g_strdup (options->office_name);
  else
    {
      g_autoptr (MkOffice) office = mk_office_get_own (db, error);

      if (office == NULL)
        return FALSE;
      if (office->name_ar != NULL && *office->name_ar != '\0')
        doc->office_name = doc->rtl ? g_strconcat (office->name_ar, "\n", office->name_en, NULL)
                                    : g_strconcat (office->name_en, "\n", office->name_ar, NULL);
      else
        doc->office_name = g_strdup (office->name_en);
    }
  if (self->kind == MK_PRINT_WAYBILL)
    {
      guint n = self->copies == 0 ? G_N_ELEMENTS (copy_marks) : MIN (self->copies, G_N_ELEMENTS (copy_marks));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (doc->copy_marks, mk_print_doc_label (doc, &copy_marks[i]));
    }
  if (self->title == NULL)
    self->title = g_strdup (doc->number != NULL ? doc->number : doc->title_en);
  return TRUE;
}

static const char *
kind_label (MkDocumentKind kind)
{
  return mk_document_kind_get_label (kind);
}

static gboolean
check_document (MkPrintKind kind,
                MkDocument *document,
                GError    **error)
{
  MkDocumentKind   doc_kind = mk_document_get_kind (document);
  MkDocumentKind   wanted;
  gboolean         ok;
  const char      *number = mk_document_get_number (document);
  g_autofree char *name = number != NULL
                              ? g_strdup (number)
                              : g_strdup_printf ("%" G_GINT64_FORMAT, mk_document_get_id (document));

  switch (kind)
    {
    case MK_PRINT_WAYBILL:
      wanted = MK_DOCUMENT_WAYBILL;
      ok = doc_kind == wanted;
      break;
    case MK_PRINT_GRN:
      wanted = MK_DOCUMENT_GRN;
      ok = doc_kind == MK_DOCUMENT_GRN || doc_kind == MK_DOCUMENT_RECEPTION;
      break;
    case MK_PRINT_LOSS_REPORT:
      wanted = MK_DOCUMENT_ADJUSTMENT;
      ok = doc_kind == wanted;
      break;
    case MK_PRINT_DISTRIBUTION_LIST:
    case MK_PRINT_TALLY_SHEET:
      wanted = MK_DOCUMENT_DISTRIBUTION;
      ok = doc_kind == wanted;
      break;
    case MK_PRINT_STOCK_CARD:
    case MK_PRINT_STOCK_REPORT:
    case MK_PRINT_N_KINDS:
    default:
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID,
                   _ ("A %s is not printed from a document."), kind_names[kind]);
      return FALSE;
    }
  if (!ok)
    {
      /* Translators: a document number, its kind, the kind asked for:
       * “BEN-GRN-2026-00003 is a Goods received note, not a Waybill.” */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRONG_KIND, _ ("%s is a %s, not a %s."),
                   name, kind_label (doc_kind), kind_label (wanted));
      return FALSE;
    }
  if (mk_document_get_status (document) != MK_DOCUMENT_POSTED && kind != MK_PRINT_DISTRIBUTION_LIST && kind != MK_PRINT_TALLY_SHEET)
    {
      /* Translators: %s is a draft's id. Only distribution lists are
       * printed before posting. */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_DRAFT,
                   _ ("Document %s is a draft; post it before printing it."), name);
      return FALSE;
    }
  return TRUE;
}

/* A cancelled document is printed as it was, marked so under its title:
 * a reprint must not pass for a valid waybill. */
static gboolean
mark_if_cancelled (MkPrintDoc *doc,
                   MkDatabase *db,
                   MkDocument *document,
                   GError    **error)
{
  const char *date = mk_document_get_field (document, "date");
  g_autoptr (GPtrArray) same_day = NULL;

  if (mk_document_get_status (document) != MK_DOCUMENT_POSTED || date == NULL)
    return TRUE;
  same_day = mk_documents_list (db, (gint) mk_document_get_kind (document), date, date, error);
  if (same_day == NULL)
    return FALSE;
  for (guint i = 0; i < same_day->len; i++)
    {
      const MkDocumentSummary *summary = g_ptr_array_index (same_day, i);

      if (summary->id == mk_document_get_id (document) && summary->cancelled)
        {
          g_free (doc->subtitle);
          doc->subtitle = g_strdup (doc->rtl ? "ملغى — أُلغي هذا المستند بمستند إلغاء · CANCELLED"
                                             : "CANCELLED — reversed by a cancellation · ملغى");
        }
    }
  return TRUE;
}

MkPrintJob *
mk_print_job_new_for_document (MkDatabase           *db,
                               MkPrintKind           kind,
                               MkDocument           *document,
                               const MkPrintOptions *options,
                               GError              **error)
{
  g_autoptr (MkPrintJob) self = NULL;
  g_autoptr (MkPrintLookup) lookup = NULL;
  MkPrintDoc *doc = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (MK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < MK_PRINT_N_KINDS, NULL);

  if (!check_document (kind, document, error))
    return NULL;
  self = job_new (db, kind, options, error);
  if (self == NULL)
    return NULL;
  lookup = mk_print_lookup_new (db, language_is_arabic (options));
  switch (kind)
    {
    case MK_PRINT_WAYBILL:
      doc = mk_print_waybill_build (lookup, document, error);
      break;
    case MK_PRINT_GRN:
      doc = mk_print_grn_build (lookup, document, error);
      break;
    case MK_PRINT_LOSS_REPORT:
      doc = mk_print_loss_report_build (lookup, document, error);
      break;
    case MK_PRINT_DISTRIBUTION_LIST:
    case MK_PRINT_TALLY_SHEET:
      doc = mk_print_distribution_build (lookup, document, kind == MK_PRINT_TALLY_SHEET, error);
      break;
    case MK_PRINT_STOCK_CARD:
    case MK_PRINT_STOCK_REPORT:
    case MK_PRINT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (!job_set_doc (self, db, doc, options, error))
    return NULL;
  if (!mark_if_cancelled (self->doc, db, document, error))
    return NULL;
  if (mk_document_get_number (document) == NULL)
    {
      /* A draft's list: named by the draft's id, for the print queue and
       * the file name offered. */
      g_free (self->title);
      self->title = g_strdup_printf ("%s %" G_GINT64_FORMAT, self->doc->title_en, mk_document_get_id (document));
    }
  return g_steal_pointer (&self);
}

MkPrintJob *
mk_print_job_new (MkDatabase           *db,
                  MkPrintKind           kind,
                  const char           *number_or_id,
                  const MkPrintOptions *options,
                  GError              **error)
{
  g_autoptr (MkDocument) document = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (number_or_id != NULL, NULL);

  if (!mk_print_kind_is_document (kind))
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID,
                   _ ("A %s is not printed from a document."), kind_names[kind]);
      return NULL;
    }
  /* Drafts have no number: a distribution list is printed from a draft
   * named by its id. */
  if (mk_text_parse_int (number_or_id, &id, NULL))
    document = mk_documents_get (db, id, &local_error);
  else
    document = mk_documents_get_by_number (db, number_or_id, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, MK_DOCUMENTS_ERROR, MK_DOCUMENTS_ERROR_NOT_FOUND))
        g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_NOT_FOUND, "%s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return mk_print_job_new_for_document (db, kind, document, options, error);
}

MkPrintJob *
mk_print_job_new_stock_card (MkDatabase           *db,
                             const char           *warehouse_code,
                             const char           *item_code,
                             const char           *from,
                             const char           *to,
                             const MkPrintOptions *options,
                             GError              **error)
{
  g_autoptr (MkPrintJob) self = NULL;
  g_autoptr (MkPrintLookup) lookup = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  self = job_new (db, MK_PRINT_STOCK_CARD, options, error);
  if (self == NULL)
    return NULL;
  lookup = mk_print_lookup_new (db, language_is_arabic (options));
  if (!job_set_doc (self, db,
                    mk_print_stock_card_build (lookup, warehouse_code, item_code, from, to, error),
                    options, error))
    return NULL;
  g_free (self->title);
  self->title = g_strdup_printf ("%s %s %s", self->doc->title_en, item_code, warehouse_code);
  return g_steal_pointer (&self);
}

MkPrintJob *
mk_print_job_new_stock_report (MkDatabase           *db,
                               const char           *warehouse_code,
                               const char           *month,
                               const MkPrintOptions *options,
                               GError              **error)
{
  g_autoptr (MkPrintJob) self = NULL;
  g_autoptr (MkPrintLookup) lookup = NULL;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);

  self = job_new (db, MK_PRINT_STOCK_REPORT, options, error);
  if (self == NULL)
    return NULL;
  lookup = mk_print_lookup_new (db, language_is_arabic (options));
  if (!job_set_doc (self, db, mk_print_stock_report_build (lookup, warehouse_code, month, error),
                    options, error))
    return NULL;
  g_free (self->title);
  self->title = g_strdup_printf ("%s %s %s", self->doc->title_en,
                                 warehouse_code != NULL ? warehouse_code : "", month);
  return g_steal_pointer (&self);
}

MkPrintKind
mk_print_job_get_kind (MkPrintJob *self)
{
  g_return_val_if_fail (MK_IS_PRINT_JOB (self), MK_PRINT_N_KINDS);
  return self->kind;
}

const char *
mk_print_job_get_title (MkPrintJob *self)
{
  g_return_val_if_fail (MK_IS_PRINT_JOB (self), NULL);
  return self->title;
}

gboolean
mk_print_job_is_landscape (MkPrintJob *self)
{
  g_return_val_if_fail (MK_IS_PRINT_JOB (self), FALSE);
  return self->doc->landscape;
}

void
mk_print_job_get_page_size (MkPrintJob *self,
                            double     *width,
                            double     *height)
{
  double w, h;

  g_return_if_fail (MK_IS_PRINT_JOB (self));
  mk_paper_get_size (self->paper, &w, &h);
  *width = self->doc->landscape ? h : w;
  *height = self->doc->landscape ? w : h;
}

/* Pages ------------------------------------------------------------------- */

static guint
n_copies (MkPrintJob *self)
{
  if (self->doc->copy_marks->len > 0)
    return self->doc->copy_marks->len;
  return MAX (self->copies, 1);
}

gboolean
mk_print_job_paginate (MkPrintJob *self,
                       cairo_t    *cr,
                       double      width,
                       double      height,
                       GError    **error)
{
  cairo_font_options_t *font_options;

  g_return_val_if_fail (MK_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  /* Below about 10 cm the columns of a form cannot hold their headings. */
  if (width < 280 || height < 280)
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID,
                   _ ("The paper is too small for a printed document; use A4 or US Letter."));
      return FALSE;
    }
  clear_layout (self);
  self->context = pango_cairo_create_context (cr);
  /* Unhinted metrics: the same line breaks on paper, in a PDF and on a
   * printer of any resolution. */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Sizes are in points and the page's unit is the point, on a PDF
   * surface as on a print context set to GTK_UNIT_POINTS. */
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_base_dir (self->context, self->doc->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_context_set_language (self->context, pango_language_from_string (self->doc->rtl ? "ar" : "en"));

  self->frame = mk_print_frame_new (self->doc, self->logo, self->context, width, height);
  self->pages = mk_print_pages_new (self->doc, self->context, width, height,
                                    mk_print_frame_get_top (self->frame),
                                    mk_print_frame_get_bottom (self->frame));
  return TRUE;
}

guint
mk_print_job_get_n_pages (MkPrintJob *self)
{
  g_return_val_if_fail (MK_IS_PRINT_JOB (self), 0);
  if (self->pages == NULL)
    return 0;
  return mk_print_pages_get_count (self->pages) * n_copies (self);
}

void
mk_print_job_draw_page (MkPrintJob *self,
                        cairo_t    *cr,
                        guint       page_nr)
{
  guint       per_copy, copy, page;
  const char *mark = NULL;

  g_return_if_fail (MK_IS_PRINT_JOB (self));
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page_nr < mk_print_job_get_n_pages (self));

  per_copy = mk_print_pages_get_count (self->pages);
  copy = page_nr / per_copy;
  page = page_nr % per_copy;
  if (self->doc->copy_marks->len > 0)
    mark = g_ptr_array_index (self->doc->copy_marks, copy);
  cairo_save (cr);
  mk_print_frame_draw (self->frame, cr, page, per_copy);
  mk_print_pages_draw (self->pages, cr, page);
  mk_print_frame_draw_mark (self->frame, cr, mark);
  cairo_restore (cr);
}

/* Copies in a PDF file: each page is drawn once into a recording surface
 * that every copy paints, which cairo writes once and refers to, and the
 * copy's mark is drawn on top. The file is smaller and written faster. */
static void
draw_copies (MkPrintJob *self,
             cairo_t    *cr,
             double      width,
             double      height)
{
  guint             per_copy = mk_print_pages_get_count (self->pages);
  cairo_surface_t **pages = g_new0 (cairo_surface_t *, per_copy);
  cairo_rectangle_t extents = { 0, 0, width, height };

  for (guint page = 0; page < per_copy; page++)
    {
      cairo_t *recording;

      pages[page] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      recording = cairo_create (pages[page]);
      mk_print_frame_draw (self->frame, recording, page, per_copy);
      mk_print_pages_draw (self->pages, recording, page);
      cairo_destroy (recording);
    }
  for (guint copy = 0; copy < n_copies (self); copy++)
    for (guint page = 0; page < per_copy; page++)
      {
        const char *mark = self->doc->copy_marks->len > 0 ? g_ptr_array_index (self->doc->copy_marks, copy)
                                                          : NULL;

        cairo_save (cr);
        cairo_set_source_surface (cr, pages[page], 0, 0);
        cairo_paint (cr);
        cairo_restore (cr);
        mk_print_frame_draw_mark (self->frame, cr, mark);
        cairo_show_page (cr);
      }
  for (guint page = 0; page < per_copy; page++)
    cairo_surface_destroy (pages[page]);
  g_free (pages);
}

/* The PDF file -------------------------------------------------------------------- */

typedef struct
{
  FILE *file;
  int   saved_errno;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, writer->file) != length)
    {
      writer->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError    **error,
                 const char *path,
                 int         saved_errno)
{
  g_autofree char *shown = g_filename_display_name (path);

  /* Translators: a file name, then the system's reason. */
  g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRITE, _ ("The file “%s” cannot be written: %s"),
               shown, g_strerror (saved_errno));
}

static gboolean
draw_pdf (MkPrintJob *self,
          Writer     *writer,
          GError    **error)
{
  double           width, height;
  cairo_surface_t *surface;
  cairo_t         *cr;
  cairo_status_t   status;
  gboolean         ok;

  mk_print_job_get_page_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, writer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Makhzan " PACKAGE_VERSION);
  cr = cairo_create (surface);
  ok = mk_print_job_paginate (self, cr, width, height, error);
  if (ok && n_copies (self) > 1)
    draw_copies (self, cr, width, height);
  else
    for (guint i = 0; ok && i < mk_print_job_get_n_pages (self); i++)
      {
        mk_print_job_draw_page (self, cr, i);
        cairo_show_page (cr);
      }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      if (writer->saved_errno == 0)
        writer->saved_errno = EIO;
      return FALSE;
    }
  return ok;
}

gboolean
mk_print_job_write_pdf (MkPrintJob *self,
                        const char *path,
                        GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr (GError) local_error = NULL;
  Writer   writer = { NULL, 0 };
  int      fd;
  gboolean ok;

  g_return_val_if_fail (MK_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, path, EISDIR);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp_path, O_RDWR | O_BINARY, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  writer.file = fdopen (fd, "wb");
  if (writer.file == NULL)
    {
      int saved = errno;

      close (fd);
      g_unlink (temp_path);
      set_write_error (error, path, saved);
      return FALSE;
    }

  ok = draw_pdf (self, &writer, &local_error);
  if (ok && fflush (writer.file) != 0)
    ok = (writer.saved_errno = errno, FALSE);
#ifdef G_OS_UNIX
  if (ok && fsync (fileno (writer.file)) != 0)
    ok = (writer.saved_errno = errno, FALSE);
#endif
  if (fclose (writer.file) != 0 && ok)
    ok = (writer.saved_errno = errno, FALSE);
  if (ok && g_rename (temp_path, path) != 0)
    ok = (writer.saved_errno = errno, FALSE);
  if (!ok)
    {
      g_unlink (temp_path);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_write_error (error, path, writer.saved_errno != 0 ? writer.saved_errno : EIO);
      return FALSE;
    }
  return TRUE;
}
