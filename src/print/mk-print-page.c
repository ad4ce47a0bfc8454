/* mk-print-page.c: the frame of every page — the office's logo and name,
 * the title, the number and its QR code, the copy's mark, and the footer
 * with "page N of M".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#ifdef HAVE_QRENCODE
#include <qrencode.h>
#endif

#include "mk-print-private.h"

#define BAND_HEIGHT 66.0
#define LOGO_SIZE 52.0
#define QR_SIZE 44.0
#define FOOTER_HEIGHT 16.0

struct _MkPrintFrame
{
  MkPrintDoc      *doc;
  cairo_surface_t *logo;
  PangoContext    *context;
  double           width;
  double           height;
  /* The QR code's modules, row by row, 1 for dark; NULL: none. */
  guint8 *qr_modules;
  guint   qr_width;
};

gboolean
mk_print_has_qr (void)
{
#ifdef HAVE_QRENCODE
  return TRUE;
#else
  return FALSE;
#endif
}

/* The logo ------------------------------------------------------------------ */

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

cairo_surface_t *
mk_print_logo_load (const char *logo_path,
                    GError    **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char    *shown = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local_error = NULL;
  guint8           head[24];
  gsize            n_read = 0;
  guint32          width, height;
  cairo_surface_t *surface;

  if (logo_path == NULL)
    return NULL;
  shown = g_filename_display_name (logo_path);
  file = g_file_new_for_path (logo_path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      /* Translators: %s is a file name, then the system's reason. */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO, _ ("The logo “%s” cannot be read: %s"),
                   shown, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO,
                   _ ("The logo “%s” is not a file; choose a PNG image."), shown);
      return NULL;
    }
  if (g_file_info_get_size (info) > MK_PRINT_LOGO_MAX_BYTES)
    {
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (MK_PRINT_LOGO_MAX_BYTES);

      /* Translators: a file name, its size and the largest size allowed. */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO,
                   _ ("The logo “%s” is %s; a logo may be at most %s. Save a smaller image."), shown,
                   size, limit);
      return NULL;
    }

  /* The header says what the image is before anything is decoded. */
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n_read, NULL, &local_error))
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO, _ ("The logo “%s” cannot be read: %s"),
                   shown, local_error->message);
      return NULL;
    }
  if (n_read < sizeof head || memcmp (head, signature, sizeof signature) != 0 || memcmp (head + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO,
                   _ ("The logo “%s” is not a PNG image; save it as PNG."), shown);
      return NULL;
    }
  width = read_be32 (head + 16);
  height = read_be32 (head + 20);
  if (width == 0 || height == 0 || width > MK_PRINT_LOGO_MAX_PIXELS || height > MK_PRINT_LOGO_MAX_PIXELS)
    {
      g_autofree char *size = g_strdup_printf ("%u × %u", width, height);
      g_autofree char *limit = g_strdup_printf ("%u", MK_PRINT_LOGO_MAX_PIXELS);

      /* Translators: a file name, its size in pixels, the largest side allowed. */
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO,
                   _ ("The logo “%s” is %s pixels; a logo may be at most %s pixels on a side."),
                   shown, size, limit);
      return NULL;
    }

  surface = cairo_image_surface_create_from_png (logo_path);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO,
                   _ ("The logo “%s” is a damaged PNG image; save it again as PNG."), shown);
      return NULL;
    }
  return surface;
}

/* The frame ------------------------------------------------------------------- */

static void
encode_qr (MkPrintFrame *frame,
           const char   *text)
{
#ifdef HAVE_QRENCODE
  QRcode *code;

  if (text == NULL)
    return;
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      g_warning ("Cannot encode %s as a QR code", text);
      return;
    }
  frame->qr_width = (guint) code->width;
  frame->qr_modules = g_new (guint8, frame->qr_width * frame->qr_width);
  for (guint i = 0; i < frame->qr_width * frame->qr_width; i++)
    frame->qr_modules[i] = code->data[i] & 1;
  QRcode_free (code);
#else
  (void) frame;
  (void) text;
#endif
}

MkPrintFrame *
mk_print_frame_new (MkPrintDoc      *doc,
                    cairo_surface_t *logo,
                    PangoContext    *context,
                    double           width,
                    double           height)
{
  MkPrintFrame *frame = g_new0 (MkPrintFrame, 1);

  frame->doc = doc;
  frame->logo = logo != NULL ? cairo_surface_reference (logo) : NULL;
  frame->context = g_object_ref (context);
  frame->width = width;
  frame->height = height;
  encode_qr (frame, doc->qr_text);
  return frame;
}

void
mk_print_frame_free (MkPrintFrame *frame)
{
  if (frame == NULL)
    return;
  g_clear_pointer (&frame->logo, cairo_surface_destroy);
  g_object_unref (frame->context);
  g_free (frame->qr_modules);
  g_free (frame);
}

double
mk_print_frame_get_top (MkPrintFrame *frame)
{
  return MK_PRINT_MARGIN + BAND_HEIGHT + 6;
}

double
mk_print_frame_get_bottom (MkPrintFrame *frame)
{
  /* The footer's rule and a gap above it. */
  return MK_PRINT_MARGIN + FOOTER_HEIGHT + 6;
}

/* x of a box of @box_width at @offset from the page's start side. */
static double
start_x (MkPrintFrame *frame,
         double        offset,
         double        box_width)
{
  if (frame->doc->rtl)
    return frame->width - MK_PRINT_MARGIN - offset - box_width;
  return MK_PRINT_MARGIN + offset;
}

static double
show_text (MkPrintFrame *frame,
           cairo_t      *cr,
           const char   *text,
           double        size,
           gboolean      bold,
           double        offset,
           double        box_width,
           double        y,
           MkAlign       align)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (frame->context);
  int height;

  mk_print_layout_set (layout, text, size, bold, FALSE, box_width, align, frame->doc->rtl);
  cairo_move_to (cr, start_x (frame, offset, box_width), y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_logo (MkPrintFrame *frame,
           cairo_t      *cr,
           double        y)
{
  double w = cairo_image_surface_get_width (frame->logo);
  double h = cairo_image_surface_get_height (frame->logo);
  double scale = MIN (LOGO_SIZE / w, LOGO_SIZE / h);
  double x = start_x (frame, 0, w * scale);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, frame->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* QR codes are never mirrored (reference/arabic.md): modules are drawn
 * left to right whatever the page's direction. */
static void
draw_qr (MkPrintFrame *frame,
         cairo_t      *cr,
         double        x,
         double        y)
{
  double module = QR_SIZE / frame->qr_width;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint row = 0; row < frame->qr_width; row++)
    for (guint col = 0; col < frame->qr_width; col++)
      if (frame->qr_modules[row * frame->qr_width + col])
        cairo_rectangle (cr, x + col * module, y + row * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

#define MARK_HEIGHT 16.0

void
mk_print_frame_draw (MkPrintFrame *frame,
                     cairo_t      *cr,
                     guint         page,
                     guint         n_pages)
{
  MkPrintDoc      *doc = frame->doc;
  double           top = MK_PRINT_MARGIN;
  double           content = frame->width - 2 * MK_PRINT_MARGIN;
  double           side = 150;
  double           name_offset = frame->logo != NULL ? LOGO_SIZE + 6 : 0;
  double           y;
  double           footer_y = frame->height - MK_PRINT_MARGIN - FOOTER_HEIGHT + 4;
  g_autofree char *page_n = g_strdup_printf ("%u", page + 1);
  g_autofree char *page_m = g_strdup_printf ("%u", n_pages);
  g_autofree char *n_iso = mk_text_isolate_ltr (page_n);
  g_autofree char *m_iso = mk_text_isolate_ltr (page_m);
  g_autofree char *page_en = g_strdup_printf ("Page %s of %s", n_iso, m_iso);
  g_autofree char *page_ar = g_strdup_printf ("صفحة %s من %s", n_iso, m_iso);
  g_autofree char *page_text = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* Start side: logo and office. */
  if (frame->logo != NULL)
    draw_logo (frame, cr, top);
  if (doc->office_name != NULL)
    show_text (frame, cr, doc->office_name, 9, TRUE, name_offset, side - name_offset, top, MK_ALIGN_START);

  /* Centre: title in both languages, number, subtitle. */
  y = top;
  {
    g_autofree char *title = doc->rtl ? g_strconcat (doc->title_ar, "\n", doc->title_en, NULL)
                                      : g_strconcat (doc->title_en, "\n", doc->title_ar, NULL);

    y += show_text (frame, cr, title, 12, TRUE, side, content - 2 * side, y, MK_ALIGN_CENTER);
  }
  if (doc->number != NULL)
    {
      g_autofree char *number = mk_text_isolate_ltr (doc->number);

      y += show_text (frame, cr, number, 10, TRUE, side, content - 2 * side, y, MK_ALIGN_CENTER);
    }
  if (doc->subtitle != NULL)
    show_text (frame, cr, doc->subtitle, 8, FALSE, side, content - 2 * side, y, MK_ALIGN_CENTER);

  /* End side: the QR code, under the copy's mark when copies are marked. */
  if (frame->qr_modules != NULL)
    draw_qr (frame, cr, doc->rtl ? MK_PRINT_MARGIN : frame->width - MK_PRINT_MARGIN - QR_SIZE,
             top + (doc->copy_marks->len > 0 ? MARK_HEIGHT : 0));

  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, MK_PRINT_MARGIN, top + BAND_HEIGHT + 2);
  cairo_line_to (cr, frame->width - MK_PRINT_MARGIN, top + BAND_HEIGHT + 2);
  cairo_stroke (cr);

  /* Footer. */
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MK_PRINT_MARGIN, footer_y - 2);
  cairo_line_to (cr, frame->width - MK_PRINT_MARGIN, footer_y - 2);
  cairo_stroke (cr);
  {
    g_autofree char *en = mk_text_isolate (page_en);
    g_autofree char *ar = mk_text_isolate (page_ar);

    page_text = doc->rtl ? g_strconcat (ar, " · ", en, NULL) : g_strconcat (en, " · ", ar, NULL);
  }
  show_text (frame, cr, page_text, 7, FALSE, content / 2, content / 2, footer_y, MK_ALIGN_END);
  cairo_restore (cr);
}

void
mk_print_frame_draw_mark (MkPrintFrame *frame,
                          cairo_t      *cr,
                          const char   *copy_mark)
{
  MkPrintDoc      *doc = frame->doc;
  double           content = frame->width - 2 * MK_PRINT_MARGIN;
  double           footer_y = frame->height - MK_PRINT_MARGIN - FOOTER_HEIGHT + 4;
  g_autofree char *footer_start = NULL;
  g_autofree char *isolated = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (copy_mark != NULL)
    {
      g_autoptr (PangoLayout) layout = pango_layout_new (frame->context);
      int    w, h;
      double x;

      mk_print_layout_set (layout, copy_mark, 9, TRUE, FALSE, -1, MK_ALIGN_START, doc->rtl);
      pango_layout_get_size (layout, &w, &h);
      x = doc->rtl ? MK_PRINT_MARGIN : frame->width - MK_PRINT_MARGIN - (double) w / PANGO_SCALE - 6;
      cairo_set_line_width (cr, 1.2);
      cairo_rectangle (cr, x, MK_PRINT_MARGIN - 4, (double) w / PANGO_SCALE + 6, MARK_HEIGHT);
      cairo_stroke (cr);
      cairo_move_to (cr, x + 3, MK_PRINT_MARGIN - 4 + (MARK_HEIGHT - (double) h / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  /* The footer names the document and the copy on every page. */
  footer_start = g_strconcat (doc->number != NULL ? doc->number : doc->title_en,
                              copy_mark != NULL ? " · " : NULL, copy_mark, NULL);
  isolated = mk_text_isolate (footer_start);
  show_text (frame, cr, isolated, 7, FALSE, 0, content / 2, footer_y, MK_ALIGN_START);
  cairo_restore (cr);
}
