/* mk-print-layout.c: tables of cells — building, measuring, pagination and
 * drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-print"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "mk-print-private.h"

#define CELL_PAD_X 2.5
#define CELL_PAD_Y 2.0
#define LABEL_SIZE 6.3
#define SMALL_SIZE 7.0
#define LARGE_SIZE 10.0
#define TITLE_SIZE 9.5
#define LINE_WIDTH 0.5
#define MIN_SHRUNK_SIZE 5.0

/* The document ------------------------------------------------------------ */

static void
cell_free (MkPrintCell *cell)
{
  g_free (cell->label);
  g_free (cell->text);
  g_clear_object (&cell->label_layout);
  g_clear_object (&cell->layout);
  g_free (cell);
}

MkPrintRow *
mk_print_row_new (void)
{
  MkPrintRow *row = g_new0 (MkPrintRow, 1);

  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  return row;
}

void
mk_print_row_free (MkPrintRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
table_free (MkPrintTable *table)
{
  g_free (table->title);
  g_free (table->widths);
  mk_print_row_free (table->header);
  g_ptr_array_unref (table->rows);
  g_clear_object (&table->title_layout);
  if (table->page_totals_destroy != NULL)
    table->page_totals_destroy (table->page_totals_data);
  g_free (table);
}

MkPrintDoc *
mk_print_doc_new (MkPrintKind kind,
                  gboolean    rtl)
{
  MkPrintDoc *doc = g_new0 (MkPrintDoc, 1);

  doc->kind = kind;
  doc->rtl = rtl;
  doc->copy_marks = g_ptr_array_new_with_free_func (g_free);
  doc->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  return doc;
}

void
mk_print_doc_free (MkPrintDoc *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->title_en);
  g_free (doc->title_ar);
  g_free (doc->number);
  g_free (doc->subtitle);
  g_free (doc->qr_text);
  g_free (doc->office_name);
  g_ptr_array_unref (doc->copy_marks);
  g_ptr_array_unref (doc->tables);
  g_free (doc);
}

char *
mk_print_doc_label (const MkPrintDoc *doc,
                    const MkLabel    *label)
{
  /* Each half isolated: "(kg)" stays with its own language's words. */
  g_autofree char *en = mk_text_isolate (label->en);
  g_autofree char *ar = mk_text_isolate (label->ar);

  if (doc->rtl)
    return g_strconcat (ar, " · ", en, NULL);
  return g_strconcat (en, " · ", ar, NULL);
}

char *
mk_print_doc_label_lines (const MkPrintDoc *doc,
                          const MkLabel    *label)
{
  if (doc->rtl)
    return g_strconcat (label->ar, "\n", label->en, NULL);
  return g_strconcat (label->en, "\n", label->ar, NULL);
}

char *
mk_print_doc_yes_no (const MkPrintDoc *doc)
{
  if (doc->rtl)
    return g_strdup ("☐ نعم · Yes     ☐ لا · No");
  return g_strdup ("☐ Yes · نعم     ☐ No · لا");
}

void
mk_print_doc_set_title (MkPrintDoc    *doc,
                        const MkLabel *title)
{
  g_free (doc->title_en);
  g_free (doc->title_ar);
  doc->title_en = g_strdup (title->en);
  doc->title_ar = g_strdup (title->ar);
}

/* Tables ------------------------------------------------------------------- */

MkPrintTable *
mk_print_doc_add_table (MkPrintDoc *doc,
                        guint       n_columns,
                        ...)
{
  MkPrintTable *table = g_new0 (MkPrintTable, 1);
  va_list       args;

  table->n_columns = n_columns;
  table->widths = g_new (double, n_columns);
  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] = va_arg (args, double);
  va_end (args);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_print_row_free);
  table->space_before = 6;
  g_ptr_array_add (doc->tables, table);
  return table;
}

void
mk_print_table_set_title (MkPrintTable     *table,
                          const MkPrintDoc *doc,
                          const MkLabel    *title)
{
  g_free (table->title);
  table->title = mk_print_doc_label (doc, title);
}

void
mk_print_table_set_header (MkPrintTable         *table,
                           const MkPrintDoc     *doc,
                           const MkLabel *const *labels)
{
  mk_print_row_free (table->header);
  table->header = mk_print_row_new ();
  for (guint i = 0; i < table->n_columns; i++)
    mk_print_row_take (table->header, mk_print_doc_label_lines (doc, labels[i]), MK_CELL_HEADER);
}

MkPrintRow *
mk_print_table_add_row (MkPrintTable *table)
{
  MkPrintRow *row = mk_print_row_new ();

  g_ptr_array_add (table->rows, row);
  return row;
}

MkPrintCell *
mk_print_row_take (MkPrintRow *row,
                   char       *text,
                   MkCellFlags flags)
{
  MkPrintCell *cell = g_new0 (MkPrintCell, 1);

  cell->text = text;
  cell->flags = flags;
  cell->span = 1;
  g_ptr_array_add (row->cells, cell);
  return cell;
}

MkPrintCell *
mk_print_row_add (MkPrintRow *row,
                  const char *text,
                  MkCellFlags flags)
{
  return mk_print_row_take (row, g_strdup (text), flags);
}

MkPrintCell *
mk_print_row_add_number (MkPrintRow *row,
                         gint64      value,
                         MkCellFlags flags)
{
  return mk_print_row_take (row, mk_print_format_count (value), flags | MK_CELL_NUMBER);
}

MkPrintCell *
mk_print_row_add_field (MkPrintRow       *row,
                        const MkPrintDoc *doc,
                        const MkLabel    *label,
                        const char       *value,
                        MkCellFlags       flags)
{
  MkPrintCell *cell = mk_print_row_add (row, value, flags);

  cell->label = mk_print_doc_label (doc, label);
  return cell;
}

MkPrintTable *
mk_print_doc_add_fields (MkPrintDoc        *doc,
                         guint              per_row,
                         const MkLabel     *labels,
                         const char       **values,
                         const MkCellFlags *flags,
                         guint              n)
{
  MkPrintTable *table = g_new0 (MkPrintTable, 1);
  MkPrintRow   *row = NULL;

  table->n_columns = per_row;
  table->widths = g_new (double, per_row);
  for (guint i = 0; i < per_row; i++)
    table->widths[i] = 1;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_print_row_free);
  table->keep_together = TRUE;
  table->space_before = 6;
  g_ptr_array_add (doc->tables, table);

  for (guint i = 0; i < n; i++)
    {
      MkPrintCell *cell;

      if (i % per_row == 0)
        {
          row = mk_print_table_add_row (table);
          /* Room to write by hand in a field left empty. */
          row->min_height = 24;
        }
      cell = mk_print_row_add_field (row, doc, &labels[i], values[i],
                                     flags != NULL ? flags[i] : 0);
      /* The last field takes what is left of its row. */
      if (i == n - 1)
        cell->span = per_row - i % per_row;
    }
  return table;
}

MkPrintTable *
mk_print_doc_add_signatures (MkPrintDoc    *doc,
                             const MkLabel *parties,
                             guint          n_parties,
                             gboolean       with_condition)
{
  static const MkLabel rows[] = {
    { "Name", "الاسم" },
    { "Function", "الوظيفة" },
    { "Date", "التاريخ" },
    { "Place", "المكان" },
    { "Condition of goods", "حالة البضائع" },
    { "Signature", "التوقيع" },
    { "Stamp", "الختم" },
  };
  MkPrintTable *table = g_new0 (MkPrintTable, 1);
  MkPrintRow   *heading;

  table->n_columns = n_parties;
  table->widths = g_new (double, n_parties);
  for (guint i = 0; i < n_parties; i++)
    table->widths[i] = 1;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_print_row_free);
  table->keep_together = TRUE;
  table->space_before = 8;
  g_ptr_array_add (doc->tables, table);

  heading = mk_print_table_add_row (table);
  for (guint p = 0; p < n_parties; p++)
    mk_print_row_take (heading, mk_print_doc_label (doc, &parties[p]), MK_CELL_HEADER);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      MkPrintRow *row;

      if (r == 4 && !with_condition)
        continue;
      row = mk_print_table_add_row (table);
      row->min_height = r >= 5 ? 34 : 20;
      for (guint p = 0; p < n_parties; p++)
        mk_print_row_add_field (row, doc, &rows[r], NULL, 0);
    }
  return table;
}

/* Text ------------------------------------------------------------------------ */

/* Each line isolated, so that a code or a number keeps its place whatever
 * the direction of the page: LTR for codes and numbers, first-strong for
 * names and free text (reference/arabic.md). */
static char *
isolate_lines (const char *text,
               gboolean    ltr)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gunichar first = g_utf8_get_char (lines[i]);
      char    *isolated;

      /* A line built of isolated parts ("CODE — name", "English · العربية")
       * takes the page's direction: a first-strong isolate around it would
       * find no strong letter outside the parts and turn it left to right. */
      if (!ltr && first >= 0x2066 && first <= 0x2068)
        continue;
      isolated = ltr ? mk_text_isolate_ltr (lines[i]) : mk_text_isolate (lines[i]);
      g_free (lines[i]);
      lines[i] = isolated;
    }
  return g_strjoinv ("\n", lines);
}

void
mk_print_layout_set (PangoLayout *layout,
                     const char  *text,
                     double       size,
                     gboolean     bold,
                     gboolean     tabular,
                     double       width,
                     MkAlign      align,
                     gboolean     rtl)
{
  PangoFontDescription *font = pango_font_description_from_string (MK_PRINT_FONT_FAMILY);
  PangoAlignment        alignment;

  pango_font_description_set_size (font, (gint) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (tabular)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  /* The page's direction is every paragraph's: alignment then means the
   * same side in every cell, and the isolates order what is inside. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (align == MK_ALIGN_CENTER)
    alignment = PANGO_ALIGN_CENTER;
  else if ((align == MK_ALIGN_START) != rtl)
    alignment = PANGO_ALIGN_LEFT;
  else
    alignment = PANGO_ALIGN_RIGHT;
  pango_layout_set_alignment (layout, alignment);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Measuring ----------------------------------------------------------------- */

struct _MkPrintPages
{
  MkPrintDoc   *doc;
  PangoContext *context;
  double        width;
  double        height;
  double        top;
  double        bottom; /* the y the content must not pass */
  double        x0;
  double        content_width;
  GPtrArray    *pages;      /* GArray of Placement */
  GPtrArray    *extra_rows; /* page totals made while paginating */
};

typedef enum
{
  PLACE_TITLE,
  PLACE_ROW,
} PlaceKind;

typedef struct
{
  PlaceKind     kind;
  MkPrintTable *table;
  MkPrintRow   *row;
  double        y;
} Placement;

static double
table_width_sum (const MkPrintTable *table)
{
  double sum = 0;

  for (guint i = 0; i < table->n_columns; i++)
    sum += table->widths[i];
  return sum > 0 ? sum : 1;
}

/* The x offset (from the content's start side) and width of cells
 * @column … @column + @span - 1. */
static void
column_extent (MkPrintPages       *pages,
               const MkPrintTable *table,
               guint               column,
               guint               span,
               double             *offset,
               double             *width)
{
  double sum = table_width_sum (table), before = 0, covered = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (i < column)
        before += table->widths[i];
      else if (i < column + span)
        covered += table->widths[i];
    }
  *offset = before / sum * pages->content_width;
  *width = covered / sum * pages->content_width;
}

/* A heading is set smaller rather than broken inside a word. */
static double
fit_longest_word (PangoLayout *layout,
                  const char  *text,
                  double       size,
                  double       width)
{
  /* One word a line, laid out once: the widest line is the widest word. */
  g_autofree char *words = g_strdelimit (g_strdup (text), " ", '\n');
  int              widest;

  mk_print_layout_set (layout, words, size, TRUE, FALSE, -1, MK_ALIGN_START, FALSE);
  pango_layout_get_size (layout, &widest, NULL);
  if ((double) widest / PANGO_SCALE > width)
    return MAX (MIN_SHRUNK_SIZE - 0.5, size * width / ((double) widest / PANGO_SCALE) - 0.1);
  return size;
}

/* Where a text narrower than its cell by @spare starts. */
static double
offset_in_cell (MkAlign  align,
                gboolean rtl,
                double   spare)
{
  if (align == MK_ALIGN_CENTER)
    return spare / 2;
  return (align == MK_ALIGN_END) != rtl ? spare : 0;
}

static void
measure_row (MkPrintPages       *pages,
             const MkPrintTable *table,
             MkPrintRow         *row)
{
  guint column = 0;

  row->height = row->min_height;
  for (guint i = 0; i < row->cells->len; i++)
    {
      MkPrintCell *cell = g_ptr_array_index (row->cells, i);
      double       offset, width, text_width, height = 2 * CELL_PAD_Y;
      MkCellFlags  flags = cell->flags;
      double       size = MK_PRINT_FONT_SIZE;
      MkAlign      align = MK_ALIGN_START;

      column_extent (pages, table, column, MAX (cell->span, 1), &offset, &width);
      column += MAX (cell->span, 1);
      text_width = MAX (width - 2 * CELL_PAD_X, 4);
      if (flags & (MK_CELL_HEADER | MK_CELL_SMALL))
        size = SMALL_SIZE;
      else if (flags & MK_CELL_LARGE)
        size = LARGE_SIZE;
      if (flags & (MK_CELL_HEADER | MK_CELL_CENTER))
        align = MK_ALIGN_CENTER;
      else if (flags & MK_CELL_NUMBER)
        align = MK_ALIGN_END;

      g_clear_object (&cell->label_layout);
      g_clear_object (&cell->layout);
      if (cell->label != NULL)
        {
          g_autofree char *label = isolate_lines (cell->label, FALSE);

          cell->label_layout = pango_layout_new (pages->context);
          mk_print_layout_set (cell->label_layout, label, LABEL_SIZE, FALSE, FALSE, text_width,
                               MK_ALIGN_START, pages->doc->rtl);
          height += layout_height (cell->label_layout) + 1;
        }
      if (cell->text != NULL && *cell->text != '\0' && !(flags & MK_CELL_BLANK))
        {
          g_autofree char *text = isolate_lines (cell->text, flags & (MK_CELL_NUMBER | MK_CELL_CODE));
          gboolean         bold = flags & (MK_CELL_BOLD | MK_CELL_HEADER | MK_CELL_TOTAL);

          gboolean fits = FALSE;

          cell->layout = pango_layout_new (pages->context);
          cell->x_offset = 0;
          if (flags & MK_CELL_HEADER)
            size = fit_longest_word (cell->layout, cell->text, size, text_width);
          else if (flags & (MK_CELL_NUMBER | MK_CELL_CODE))
            {
              /* A number or a code broken over two lines is misread:
               * it is set smaller until it fits on one, when it can. */
              for (guint attempt = 0; attempt < 3 && size > MIN_SHRUNK_SIZE; attempt++)
                {
                  int natural;

                  mk_print_layout_set (cell->layout, text, size, bold, flags & MK_CELL_NUMBER, -1, align,
                                       pages->doc->rtl);
                  pango_layout_get_size (cell->layout, &natural, NULL);
                  fits = (double) natural / PANGO_SCALE <= text_width;
                  if (fits)
                    {
                      /* Laid out once, unwrapped: placed in the cell by hand. */
                      cell->x_offset = offset_in_cell (align, pages->doc->rtl,
                                                       text_width - (double) natural / PANGO_SCALE);
                      break;
                    }
                  size = MAX (MIN_SHRUNK_SIZE, size * text_width / ((double) natural / PANGO_SCALE) - 0.1);
                }
            }
          if (!fits)
            mk_print_layout_set (cell->layout, text, size, bold, flags & MK_CELL_NUMBER, text_width, align,
                                 pages->doc->rtl);
          height += layout_height (cell->layout);
        }
      else
        height += size * 1.4;
      cell->height = height;
      row->height = MAX (row->height, height);
    }
}

static void
measure_table (MkPrintPages *pages,
               MkPrintTable *table)
{
  g_clear_object (&table->title_layout);
  table->title_height = 0;
  if (table->title != NULL)
    {
      g_autofree char *title = isolate_lines (table->title, FALSE);

      table->title_layout = pango_layout_new (pages->context);
      mk_print_layout_set (table->title_layout, title, TITLE_SIZE, TRUE, FALSE,
                           pages->content_width, MK_ALIGN_START, pages->doc->rtl);
      table->title_height = layout_height (table->title_layout) + 2;
    }
  if (table->header != NULL)
    measure_row (pages, table, table->header);
  for (guint i = 0; i < table->rows->len; i++)
    measure_row (pages, table, g_ptr_array_index (table->rows, i));
}

/* Pagination ---------------------------------------------------------------- */

typedef struct
{
  MkPrintPages *pages;
  GArray       *page; /* the page being filled */
  double        y;
} Cursor;

static void
cursor_new_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (cursor->pages->pages, cursor->page);
  cursor->y = cursor->pages->top;
}

static void
place (Cursor       *cursor,
       PlaceKind     kind,
       MkPrintTable *table,
       MkPrintRow   *row,
       double        height)
{
  Placement placement = { kind, table, row, cursor->y };

  g_array_append_val (cursor->page, placement);
  cursor->y += height;
}

static double
rows_height (const MkPrintTable *table)
{
  double height = table->title_height + (table->header != NULL ? table->header->height : 0);

  for (guint i = 0; i < table->rows->len; i++)
    height += ((MkPrintRow *) g_ptr_array_index (table->rows, i))->height;
  return height;
}

static void
place_page_totals (Cursor       *cursor,
                   MkPrintTable *table,
                   guint         first,
                   guint         n)
{
  MkPrintRow *totals = table->page_totals (table, first, n, table->page_totals_data);

  g_ptr_array_add (cursor->pages->extra_rows, totals);
  measure_row (cursor->pages, table, totals);
  place (cursor, PLACE_ROW, table, totals, totals->height);
}

static void
paginate_table (Cursor       *cursor,
                MkPrintTable *table)
{
  double   room = cursor->pages->bottom - cursor->pages->top;
  double   header_height = table->header != NULL ? table->header->height : 0;
  double   reserve = 0;
  double   first_height = 0;
  guint    first_on_page = 0;
  gboolean page_empty = cursor->page->len == 0;

  if (table->page_totals != NULL)
    {
      /* Room for the widest totals, those of every row. */
      MkPrintRow *all = table->page_totals (table, 0, table->rows->len, table->page_totals_data);

      measure_row (cursor->pages, table, all);
      reserve = all->height;
      mk_print_row_free (all);
    }
  if (table->rows->len > 0)
    first_height = ((MkPrintRow *) g_ptr_array_index (table->rows, 0))->height;

  if (table->page_break_before && !page_empty)
    {
      cursor_new_page (cursor);
      page_empty = TRUE;
    }
  if (!page_empty)
    cursor->y += table->space_before;
  /* A table kept together moves whole to the next page when it fits
   * there; any other keeps its title and header with its first row. */
  if (!page_empty)
    {
      double needed = table->keep_together ? rows_height (table)
                                           : table->title_height + header_height + first_height + reserve;

      if (cursor->y + needed > cursor->pages->bottom && needed <= room)
        cursor_new_page (cursor);
    }

  if (table->title_layout != NULL)
    place (cursor, PLACE_TITLE, table, NULL, table->title_height);
  if (table->header != NULL)
    place (cursor, PLACE_ROW, table, table->header, header_height);

  for (guint i = 0; i < table->rows->len; i++)
    {
      MkPrintRow *row = g_ptr_array_index (table->rows, i);

      if (cursor->y + row->height + reserve > cursor->pages->bottom && cursor->page->len > 0 && (i > first_on_page || cursor->y > cursor->pages->top + table->title_height + header_height))
        {
          if (table->page_totals != NULL && i > first_on_page)
            place_page_totals (cursor, table, first_on_page, i - first_on_page);
          cursor_new_page (cursor);
          if (table->header != NULL)
            place (cursor, PLACE_ROW, table, table->header, header_height);
          first_on_page = i;
        }
      place (cursor, PLACE_ROW, table, row, row->height);
    }
  if (table->page_totals != NULL)
    place_page_totals (cursor, table, first_on_page, table->rows->len - first_on_page);
}

MkPrintPages *
mk_print_pages_new (MkPrintDoc   *doc,
                    PangoContext *context,
                    double        width,
                    double        height,
                    double        top,
                    double        bottom)
{
  MkPrintPages *pages = g_new0 (MkPrintPages, 1);
  Cursor        cursor = { pages, NULL, 0 };

  pages->doc = doc;
  pages->context = g_object_ref (context);
  pages->width = width;
  pages->height = height;
  pages->top = top;
  pages->bottom = height - bottom;
  pages->x0 = MK_PRINT_MARGIN;
  pages->content_width = width - 2 * MK_PRINT_MARGIN;
  pages->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  pages->extra_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_print_row_free);

  cursor_new_page (&cursor);
  for (guint i = 0; i < doc->tables->len; i++)
    {
      MkPrintTable *table = g_ptr_array_index (doc->tables, i);

      measure_table (pages, table);
      paginate_table (&cursor, table);
    }
  return pages;
}

void
mk_print_pages_free (MkPrintPages *pages)
{
  if (pages == NULL)
    return;
  g_object_unref (pages->context);
  g_ptr_array_unref (pages->pages);
  g_ptr_array_unref (pages->extra_rows);
  g_free (pages);
}

guint
mk_print_pages_get_count (MkPrintPages *pages)
{
  return pages->pages->len;
}

/* Drawing ------------------------------------------------------------------ */

static void
draw_row (MkPrintPages       *pages,
          cairo_t            *cr,
          const MkPrintTable *table,
          const MkPrintRow   *row,
          double              y)
{
  guint column = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const MkPrintCell *cell = g_ptr_array_index (row->cells, i);
      double             offset, width, x, text_y = y + CELL_PAD_Y;

      column_extent (pages, table, column, MAX (cell->span, 1), &offset, &width);
      column += MAX (cell->span, 1);
      x = pages->doc->rtl ? pages->x0 + pages->content_width - offset - width : pages->x0 + offset;

      if (cell->flags & (MK_CELL_HEADER | MK_CELL_TOTAL))
        {
          double grey = cell->flags & MK_CELL_HEADER ? 0.87 : 0.94;

          cairo_set_source_rgb (cr, grey, grey, grey);
          cairo_rectangle (cr, x, y, width, row->height);
          cairo_fill (cr);
        }
      if (!(cell->flags & MK_CELL_PLAIN))
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, LINE_WIDTH);
          cairo_rectangle (cr, x, y, width, row->height);
          cairo_stroke (cr);
        }
      if (cell->label_layout != NULL)
        {
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          cairo_move_to (cr, x + CELL_PAD_X, text_y);
          pango_cairo_show_layout (cr, cell->label_layout);
          text_y += layout_height (cell->label_layout) + 1;
        }
      if (cell->layout != NULL)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, x + CELL_PAD_X + cell->x_offset, text_y);
          pango_cairo_show_layout (cr, cell->layout);
        }
    }
}

void
mk_print_pages_draw (MkPrintPages *pages,
                     cairo_t      *cr,
                     guint         page)
{
  GArray *placements;

  g_return_if_fail (page < pages->pages->len);

  placements = g_ptr_array_index (pages->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      if (placement->kind == PLACE_TITLE)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, pages->x0, placement->y);
          pango_cairo_show_layout (cr, placement->table->title_layout);
        }
      else
        draw_row (pages, cr, placement->table, placement->row, placement->y);
    }
  cairo_restore (cr);
}
