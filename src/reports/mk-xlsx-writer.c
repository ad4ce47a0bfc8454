/* mk-xlsx-writer.c: a workbook written safely, and sheets of typed rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mk-xlsx-writer.h"

/* Excel's own limits. */
#define MAX_CELL_TEXT 32767
#define MAX_WIDTH 60
#define MIN_WIDTH 6
#define MAX_SHEET_NAME 31

struct _MkXlsx
{
  char         *path;
  char         *temp_path;
  char         *language;
  lxw_workbook *workbook;
  lxw_format   *formats[MK_XLSX_N_FORMATS];
  GHashTable   *sheet_names; /* folded names given */
  GCancellable *cancellable;
};

struct _MkSheet
{
  MkXlsx         *xlsx;
  lxw_worksheet  *worksheet;
  char           *name;
  const MkColumn *columns;
  guint           n_columns;
  lxw_row_t       first_data_row;
  lxw_row_t       row;             /* the next row to write */
  guint          *widths;          /* in characters */
  gint64         *totals;          /* of summed columns, in their stored unit */
  gint            currency_column; /* the "currency" column, or -1 */
  GPtrArray      *currency_totals; /* of CurrencyTotals, in order of first use */
};

/* The money columns' totals of the rows in one currency: dollars and
 * dinars are never added together. */
typedef struct
{
  char   *code;
  gint64 *totals; /* per column, in thousandths */
} CurrencyTotals;

static void
currency_totals_free (CurrencyTotals *entry)
{
  g_free (entry->code);
  g_free (entry->totals);
  g_free (entry);
}

static void
set_write_error (GError    **error,
                 const char *path,
                 const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *quoted = mk_text_isolate (display);

  g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_WRITE,
               /* Translators: %1$s is a file or folder, %2$s why it failed. */
               _ ("The workbook could not be written to %1$s: %2$s"), quoted, reason);
}

static void
add_formats (MkXlsx *xlsx)
{
  static const char *const number_formats[MK_XLSX_N_FORMATS] = {
    [MK_XLSX_FORMAT_QUANTITY] = "#,##0",
    [MK_XLSX_FORMAT_WEIGHT] = "#,##0.000",
    [MK_XLSX_FORMAT_VOLUME] = "#,##0.000",
    /* Two decimals, a third where there is one: dinars have three. */
    [MK_XLSX_FORMAT_MONEY] = "#,##0.00#",
    [MK_XLSX_FORMAT_DATE] = "yyyy-mm-dd",
    [MK_XLSX_FORMAT_PERCENT] = "0.0%",
    [MK_XLSX_FORMAT_TOTAL_QUANTITY] = "#,##0",
    [MK_XLSX_FORMAT_TOTAL_WEIGHT] = "#,##0.000",
    [MK_XLSX_FORMAT_TOTAL_VOLUME] = "#,##0.000",
    [MK_XLSX_FORMAT_TOTAL_MONEY] = "#,##0.00#",
    [MK_XLSX_FORMAT_TOTAL_PERCENT] = "0.0%",
  };

  for (guint f = 0; f < MK_XLSX_N_FORMATS; f++)
    {
      lxw_format *format = workbook_add_format (xlsx->workbook);

      if (number_formats[f] != NULL)
        format_set_num_format (format, number_formats[f]);
      xlsx->formats[f] = format;
    }
  format_set_bold (xlsx->formats[MK_XLSX_FORMAT_HEADER]);
  format_set_text_wrap (xlsx->formats[MK_XLSX_FORMAT_HEADER]);
  format_set_align (xlsx->formats[MK_XLSX_FORMAT_HEADER], LXW_ALIGN_VERTICAL_TOP);
  format_set_pattern (xlsx->formats[MK_XLSX_FORMAT_HEADER], LXW_PATTERN_SOLID);
  format_set_bg_color (xlsx->formats[MK_XLSX_FORMAT_HEADER], 0xDDE6F0);
  format_set_bottom (xlsx->formats[MK_XLSX_FORMAT_HEADER], LXW_BORDER_THIN);
  format_set_italic (xlsx->formats[MK_XLSX_FORMAT_HXL]);
  format_set_font_color (xlsx->formats[MK_XLSX_FORMAT_HXL], 0x595959);
  format_set_bottom (xlsx->formats[MK_XLSX_FORMAT_HXL], LXW_BORDER_THIN);
  format_set_bold (xlsx->formats[MK_XLSX_FORMAT_TITLE]);
  format_set_font_size (xlsx->formats[MK_XLSX_FORMAT_TITLE], 14);
  format_set_bold (xlsx->formats[MK_XLSX_FORMAT_LABEL]);
  format_set_align (xlsx->formats[MK_XLSX_FORMAT_LABEL], LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (xlsx->formats[MK_XLSX_FORMAT_WRAP]);
  format_set_align (xlsx->formats[MK_XLSX_FORMAT_WRAP], LXW_ALIGN_VERTICAL_TOP);
  for (guint f = MK_XLSX_FORMAT_TOTAL_LABEL; f <= MK_XLSX_FORMAT_TOTAL_PERCENT; f++)
    {
      format_set_bold (xlsx->formats[f]);
      format_set_top (xlsx->formats[f], LXW_BORDER_THIN);
    }
}

MkXlsx *
_mk_xlsx_new (const char   *path,
              const char   *language,
              GCancellable *cancellable,
              GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  MkXlsx              *xlsx;
  int                  fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* The temporary file is made here, in the final folder, so that the
   * rename at the end cannot cross file systems and a folder that is
   * missing or read-only is found before any work is done. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf ("%s%s.~%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, dir, _ ("the folder does not exist."));
      return NULL;
    }
  fd = g_mkstemp_full (template, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;
      set_write_error (error, dir,
                       saved == EACCES || saved == EROFS || saved == EPERM
                           ? _ ("the folder is read-only; choose another one.")
                           : g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);

  xlsx = g_new0 (MkXlsx, 1);
  xlsx->path = g_strdup (path);
  xlsx->temp_path = g_steal_pointer (&template);
  xlsx->language = g_strdup (language);
  xlsx->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  xlsx->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* libxlsxwriter's own scratch files: tmpfile() would put them in the
   * root of drive C: on Windows, where a user may not write. */
  options.tmpdir = (char *) g_get_tmp_dir ();
  xlsx->workbook = workbook_new_opt (xlsx->temp_path, &options);
  if (xlsx->workbook == NULL)
    {
      set_write_error (error, path, g_strerror (errno != 0 ? errno : EIO));
      _mk_xlsx_abort (xlsx);
      return NULL;
    }
  add_formats (xlsx);
  return xlsx;
}

static void
xlsx_free (MkXlsx *xlsx)
{
  g_free (xlsx->path);
  g_free (xlsx->temp_path);
  g_free (xlsx->language);
  g_hash_table_unref (xlsx->sheet_names);
  g_clear_object (&xlsx->cancellable);
  g_free (xlsx);
}

void
_mk_xlsx_abort (MkXlsx *xlsx)
{
  if (xlsx == NULL)
    return;
  if (xlsx->workbook != NULL)
    lxw_workbook_free (xlsx->workbook);
  g_unlink (xlsx->temp_path);
  xlsx_free (xlsx);
}

gboolean
_mk_xlsx_close (MkXlsx  *xlsx,
                GError **error)
{
  lxw_error result;

  if (!_mk_xlsx_check_cancelled (xlsx, error))
    {
      _mk_xlsx_abort (xlsx);
      return FALSE;
    }
  /* workbook_close() frees the workbook whatever it returns. */
  errno = 0;
  result = workbook_close (xlsx->workbook);
  xlsx->workbook = NULL;
  if (result != LXW_NO_ERROR)
    {
      int saved = errno;
      /* A full disk shows as a failed write of the archive. */
      set_write_error (error, xlsx->path,
                       saved == ENOSPC || saved == EFBIG || saved == EDQUOT
                           ? _ ("the disk is full; free some space or choose another disk.")
                           : lxw_strerror (result));
      _mk_xlsx_abort (xlsx);
      return FALSE;
    }
  if (g_rename (xlsx->temp_path, xlsx->path) != 0)
    {
      int saved = errno;
      set_write_error (error, xlsx->path,
                       saved == EACCES || saved == EBUSY || saved == EPERM
                           ? _ ("the file is open in another program or protected; close it and try again.")
                           : g_strerror (saved));
      _mk_xlsx_abort (xlsx);
      return FALSE;
    }
  xlsx_free (xlsx);
  return TRUE;
}

lxw_workbook *
_mk_xlsx_get_workbook (MkXlsx *xlsx)
{
  return xlsx->workbook;
}

lxw_format *
_mk_xlsx_get_format (MkXlsx      *xlsx,
                     MkXlsxFormat format)
{
  return xlsx->formats[format];
}

const char *
_mk_xlsx_get_language (MkXlsx *xlsx)
{
  return xlsx->language;
}

gboolean
_mk_xlsx_check_cancelled (MkXlsx  *xlsx,
                          GError **error)
{
  if (xlsx->cancellable != NULL && g_cancellable_is_cancelled (xlsx->cancellable))
    {
      g_set_error_literal (error, MK_REPORT_ERROR, MK_REPORT_ERROR_CANCELLED,
                           _ ("The export was stopped; no file was written."));
      return FALSE;
    }
  return TRUE;
}

lxw_worksheet *
_mk_xlsx_add_worksheet (MkXlsx     *xlsx,
                        const char *name,
                        char      **final_name)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  g_autofree char *candidate = NULL;
  lxw_worksheet   *worksheet;

  /* Excel refuses []:*?/\ and names over 31 characters or that differ
   * only by case. */
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }
  candidate = g_utf8_substring (clean->str, 0, MIN (g_utf8_strlen (clean->str, -1), MAX_SHEET_NAME));
  for (guint n = 2;; n++)
    {
      g_autofree char *folded = g_utf8_casefold (candidate, -1);
      g_autofree char *suffix = NULL;
      g_autofree char *stem = NULL;

      if (!g_hash_table_contains (xlsx->sheet_names, folded))
        {
          g_hash_table_add (xlsx->sheet_names, g_steal_pointer (&folded));
          break;
        }
      suffix = g_strdup_printf (" %u", n);
      stem = g_utf8_substring (clean->str, 0, MIN (g_utf8_strlen (clean->str, -1), MAX_SHEET_NAME - (glong) strlen (suffix)));
      g_free (candidate);
      candidate = g_strconcat (stem, suffix, NULL);
    }

  worksheet = workbook_add_worksheet (xlsx->workbook, candidate);
  if (worksheet != NULL && xlsx->language != NULL && g_str_equal (xlsx->language, "ar"))
    worksheet_right_to_left (worksheet);
  if (final_name != NULL)
    *final_name = g_steal_pointer (&candidate);
  return worksheet;
}

/* Dates ------------------------------------------------------------------ */

/* Two or four ASCII digits at @p, or -1. */
static int
digits (const char *p,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

gboolean
_mk_xlsx_date_serial (const char *iso,
                      double     *serial)
{
  int year, month, day, y, era, yoe, doy, doe;

  /* Called for every date cell: parsed by hand, not with sscanf. */
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  year = digits (iso, 4);
  month = digits (iso + 5, 2);
  day = digits (iso + 8, 2);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    return FALSE;
  /* Days since 1970-01-01 (H. Hinnant's days_from_civil), then Excel's
   * count from 1899-12-30, which is 25569 days earlier. */
  y = month <= 2 ? year - 1 : year;
  era = y / 400;
  yoe = y - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *serial = (double) (era * 146097 + doe - 719468 + 25569);
  return TRUE;
}

/* Sheets ---------------------------------------------------------------- */

/* Characters, counted without decoding: every byte but continuation bytes. */
static guint
text_width (const char *text)
{
  guint n = 0;

  for (const guchar *p = (const guchar *) text; p != NULL && *p; p++)
    n += (*p & 0xC0) != 0x80;
  return n;
}

/* The characters a number takes with its thousands separators. */
static guint
number_width (gint64 value,
              guint  decimals)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  guint   n = 1, width;

  while (magnitude >= 10)
    {
      magnitude /= 10;
      n++;
    }
  width = n + (n - 1) / 3 + (value < 0);

  return decimals > 0 ? width + decimals + 1 : width;
}

static guint
decimals_of (MkColumnType type)
{
  switch (type)
    {
    case MK_COLUMN_WEIGHT:
    case MK_COLUMN_VOLUME:
    case MK_COLUMN_MONEY:
      return 3;
    case MK_COLUMN_PERCENT:
      return 1;
    case MK_COLUMN_TEXT:
    case MK_COLUMN_QUANTITY:
    case MK_COLUMN_DATE:
    case MK_COLUMN_MONTH:
    default:
      return 0;
    }
}

static double
scaled (MkColumnType type,
        gint64       value)
{
  switch (type)
    {
    case MK_COLUMN_WEIGHT:
      return (double) value / 1000.0; /* grams to kg */
    case MK_COLUMN_VOLUME:
      return (double) value / 1e6; /* cm³ to m³ */
    case MK_COLUMN_MONEY:
      return (double) value / 1000.0; /* thousandths to the currency's unit */
    case MK_COLUMN_PERCENT:
      return (double) value / 10000.0;
    case MK_COLUMN_TEXT:
    case MK_COLUMN_QUANTITY:
    case MK_COLUMN_DATE:
    case MK_COLUMN_MONTH:
    default:
      return (double) value;
    }
}

static MkXlsxFormat
format_of (MkColumnType type,
           gboolean     total)
{
  switch (type)
    {
    case MK_COLUMN_QUANTITY:
      return total ? MK_XLSX_FORMAT_TOTAL_QUANTITY : MK_XLSX_FORMAT_QUANTITY;
    case MK_COLUMN_WEIGHT:
      return total ? MK_XLSX_FORMAT_TOTAL_WEIGHT : MK_XLSX_FORMAT_WEIGHT;
    case MK_COLUMN_VOLUME:
      return total ? MK_XLSX_FORMAT_TOTAL_VOLUME : MK_XLSX_FORMAT_VOLUME;
    case MK_COLUMN_MONEY:
      return total ? MK_XLSX_FORMAT_TOTAL_MONEY : MK_XLSX_FORMAT_MONEY;
    case MK_COLUMN_PERCENT:
      return total ? MK_XLSX_FORMAT_TOTAL_PERCENT : MK_XLSX_FORMAT_PERCENT;
    case MK_COLUMN_DATE:
      return MK_XLSX_FORMAT_DATE;
    case MK_COLUMN_TEXT:
    case MK_COLUMN_MONTH:
    default:
      return total ? MK_XLSX_FORMAT_TOTAL_LABEL : MK_XLSX_FORMAT_WRAP;
    }
}

static gboolean
check_written (MkSheet  *sheet,
               lxw_error result,
               GError  **error)
{
  if (result == LXW_NO_ERROR)
    return TRUE;
  set_write_error (error, sheet->xlsx->path, lxw_strerror (result));
  return FALSE;
}

MkSheet *
_mk_sheet_new (MkXlsx         *xlsx,
               const char     *name,
               const MkColumn *columns,
               guint           n_columns,
               gboolean        hxl)
{
  MkSheet    *sheet = g_new0 (MkSheet, 1);
  const char *language = xlsx->language;

  sheet->xlsx = xlsx;
  sheet->worksheet = _mk_xlsx_add_worksheet (xlsx, name, &sheet->name);
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->widths = g_new0 (guint, n_columns);
  sheet->totals = g_new0 (gint64, n_columns);
  sheet->currency_column = -1;
  sheet->currency_totals = g_ptr_array_new_with_free_func ((GDestroyNotify) currency_totals_free);
  for (guint c = 0; c < n_columns; c++)
    if (columns[c].type == MK_COLUMN_TEXT && g_str_equal (columns[c].id, "currency"))
      sheet->currency_column = (gint) c;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *title = mk_report_text (language, columns[c].title);

      worksheet_write_string (sheet->worksheet, 0, (lxw_col_t) c, title,
                              xlsx->formats[MK_XLSX_FORMAT_HEADER]);
      /* Headers wrap: a long one needs only about half its length. */
      sheet->widths[c] = MIN (text_width (title), MAX (12u, (text_width (title) + 1) / 2));
    }
  /* Row by row: in constant-memory mode a row is final once the next one
   * is written. */
  for (guint c = 0; hxl && c < n_columns; c++)
    if (columns[c].hxl != NULL)
      {
        worksheet_write_string (sheet->worksheet, 1, (lxw_col_t) c, columns[c].hxl,
                                xlsx->formats[MK_XLSX_FORMAT_HXL]);
        sheet->widths[c] = MAX (sheet->widths[c], text_width (columns[c].hxl));
      }
  sheet->first_data_row = hxl ? 2 : 1;
  sheet->row = sheet->first_data_row;
  return sheet;
}

static CurrencyTotals *
currency_totals_of (MkSheet    *sheet,
                    const char *code)
{
  CurrencyTotals *entry;

  for (guint i = 0; i < sheet->currency_totals->len; i++)
    {
      entry = g_ptr_array_index (sheet->currency_totals, i);
      if (g_str_equal (entry->code, code))
        return entry;
    }
  entry = g_new0 (CurrencyTotals, 1);
  entry->code = g_strdup (code);
  entry->totals = g_new0 (gint64, sheet->n_columns);
  g_ptr_array_add (sheet->currency_totals, entry);
  return entry;
}

gboolean
_mk_sheet_write_row (MkSheet      *sheet,
                     const MkCell *cells,
                     GError      **error)
{
  MkXlsx         *xlsx = sheet->xlsx;
  CurrencyTotals *currency = NULL;

  if (sheet->currency_column >= 0 && cells[sheet->currency_column].text != NULL)
    currency = currency_totals_of (sheet, cells[sheet->currency_column].text);
  if ((sheet->row & 1023) == 0 && !_mk_xlsx_check_cancelled (xlsx, error))
    return FALSE;
  if (sheet->row >= LXW_ROW_MAX - 2)
    {
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID,
                   _ ("The sheet “%s” would have more rows than Excel allows; choose a shorter period."),
                   sheet->name);
      return FALSE;
    }

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const MkColumn *column = &sheet->columns[c];
      const MkCell   *cell = &cells[c];
      lxw_col_t       col = (lxw_col_t) c;
      lxw_error       result = LXW_NO_ERROR;
      guint           width = 0;
      double          serial;

      switch (column->type)
        {
        case MK_COLUMN_TEXT:
        case MK_COLUMN_MONTH:
          if (cell->text != NULL && *cell->text != '\0')
            {
              if (strlen (cell->text) > MAX_CELL_TEXT)
                {
                  g_autofree char *cut = g_utf8_substring (cell->text, 0, MAX_CELL_TEXT / 4);
                  result = worksheet_write_string (sheet->worksheet, sheet->row, col, cut, NULL);
                }
              else
                result = worksheet_write_string (sheet->worksheet, sheet->row, col, cell->text, NULL);
              width = text_width (cell->text);
            }
          break;
        case MK_COLUMN_DATE:
          if (_mk_xlsx_date_serial (cell->text, &serial))
            {
              result = worksheet_write_number (sheet->worksheet, sheet->row, col, serial,
                                               xlsx->formats[MK_XLSX_FORMAT_DATE]);
              width = 10;
            }
          else if (cell->text != NULL && *cell->text != '\0')
            {
              result = worksheet_write_string (sheet->worksheet, sheet->row, col, cell->text, NULL);
              width = text_width (cell->text);
            }
          break;
        case MK_COLUMN_QUANTITY:
        case MK_COLUMN_WEIGHT:
        case MK_COLUMN_VOLUME:
        case MK_COLUMN_MONEY:
        case MK_COLUMN_PERCENT:
        default:
          if (!cell->blank)
            {
              result = worksheet_write_number (sheet->worksheet, sheet->row, col,
                                               scaled (column->type, cell->number),
                                               xlsx->formats[format_of (column->type, FALSE)]);
              width = number_width (column->type == MK_COLUMN_QUANTITY ? cell->number : cell->number / 1000,
                                    decimals_of (column->type));
              /* A total beyond 2^63 is not a real one: it stays at the top. */
              if (column->summed && __builtin_add_overflow (sheet->totals[c], cell->number, &sheet->totals[c]))
                sheet->totals[c] = G_MAXINT64;
              if (column->summed && column->type == MK_COLUMN_MONEY && currency != NULL &&
                  __builtin_add_overflow (currency->totals[c], cell->number, &currency->totals[c]))
                currency->totals[c] = G_MAXINT64;
            }
          break;
        }
      if (!check_written (sheet, result, error))
        return FALSE;
      sheet->widths[c] = MAX (sheet->widths[c], width);
    }
  sheet->row++;
  return TRUE;
}

gboolean
_mk_sheet_row_func (const MkCell *cells,
                    gpointer      data,
                    GError      **error)
{
  return _mk_sheet_write_row (data, cells, error);
}

/* A totals row of one currency: its code, and SUMIF formulas that add the
 * money of the rows in that currency, with their computed values. */
static gboolean
write_currency_total (MkSheet        *sheet,
                      lxw_row_t       row,
                      lxw_row_t       last,
                      CurrencyTotals *entry,
                      GError        **error)
{
  MkXlsx  *xlsx = sheet->xlsx;
  gboolean labelled = FALSE;
  gboolean ok = TRUE;
  char     codes[64];

  lxw_rowcol_to_range_abs (codes, sheet->first_data_row, (lxw_col_t) sheet->currency_column, last,
                           (lxw_col_t) sheet->currency_column);
  for (guint c = 0; c < sheet->n_columns && ok; c++)
    {
      const MkColumn *column = &sheet->columns[c];

      if ((gint) c == sheet->currency_column)
        ok = check_written (sheet,
                            worksheet_write_string (sheet->worksheet, row, (lxw_col_t) c, entry->code,
                                                    xlsx->formats[MK_XLSX_FORMAT_TOTAL_LABEL]),
                            error);
      else if (column->summed && column->type == MK_COLUMN_MONEY)
        {
          char             range[64];
          g_autofree char *formula = NULL;

          lxw_rowcol_to_range (range, sheet->first_data_row, (lxw_col_t) c, last, (lxw_col_t) c);
          /* Codes are Latin letters (the currencies table): no quote to escape. */
          formula = g_strdup_printf ("=SUMIF(%s,\"%s\",%s)", codes, entry->code, range);
          ok = check_written (sheet,
                              worksheet_write_formula_num (sheet->worksheet, row, (lxw_col_t) c, formula,
                                                           xlsx->formats[MK_XLSX_FORMAT_TOTAL_MONEY],
                                                           scaled (column->type, entry->totals[c])),
                              error);
          sheet->widths[c] = MAX (sheet->widths[c], number_width (entry->totals[c] / 1000, 3));
        }
      else if (!column->summed && !labelled)
        {
          ok = check_written (sheet,
                              worksheet_write_string (sheet->worksheet, row, (lxw_col_t) c,
                                                      mk_report_text (xlsx->language, N_ ("Total")),
                                                      xlsx->formats[MK_XLSX_FORMAT_TOTAL_LABEL]),
                              error);
          labelled = TRUE;
        }
    }
  return ok;
}

gboolean
_mk_sheet_finish (MkSheet *sheet,
                  gboolean totals,
                  GError **error)
{
  MkXlsx   *xlsx = sheet->xlsx;
  lxw_row_t last = sheet->row > sheet->first_data_row ? sheet->row - 1 : sheet->first_data_row;
  gboolean  ok = TRUE;

  /* The filter covers the headers (or the HXL row) and the data, not the
   * totals: sorting must not move them. In constant-memory mode it must be
   * set before a row below its range is written. */
  worksheet_autofilter (sheet->worksheet, sheet->first_data_row - 1, 0, last,
                        (lxw_col_t) (sheet->n_columns - 1));

  for (guint c = 0; c < sheet->n_columns && totals; c++)
    if (sheet->columns[c].summed)
      break;
    else if (c + 1 == sheet->n_columns)
      totals = FALSE; /* nothing to add up */

  if (totals && sheet->row > sheet->first_data_row)
    {
      lxw_row_t total_row = sheet->row;
      gboolean  labelled = FALSE;
      /* Money of several currencies is totalled per currency, below. */
      gboolean by_currency = sheet->currency_totals->len > 1;

      for (guint c = 0; c < sheet->n_columns && ok; c++)
        {
          const MkColumn *column = &sheet->columns[c];

          if (column->summed && column->type == MK_COLUMN_MONEY && by_currency)
            continue;
          if ((gint) c == sheet->currency_column && sheet->currency_totals->len == 1)
            {
              CurrencyTotals *only = g_ptr_array_index (sheet->currency_totals, 0);
              ok = check_written (sheet,
                                  worksheet_write_string (sheet->worksheet, total_row, (lxw_col_t) c, only->code,
                                                          xlsx->formats[MK_XLSX_FORMAT_TOTAL_LABEL]),
                                  error);
            }
          else if (column->summed)
            {
              char   range[64];
              char   formula[80];
              gint64 total = sheet->totals[c];

              lxw_rowcol_to_range (range, sheet->first_data_row, (lxw_col_t) c, last, (lxw_col_t) c);
              g_snprintf (formula, sizeof formula, "=SUM(%s)", range);
              /* The computed value is cached, so that LibreOffice and
               * viewers that do not calculate show it. */
              ok = check_written (sheet,
                                  worksheet_write_formula_num (sheet->worksheet, total_row, (lxw_col_t) c, formula,
                                                               xlsx->formats[format_of (column->type, TRUE)],
                                                               scaled (column->type, total)),
                                  error);
              sheet->widths[c] = MAX (sheet->widths[c],
                                      number_width (column->type == MK_COLUMN_QUANTITY ? total : total / 1000,
                                                    decimals_of (column->type)));
            }
          else if (!labelled)
            {
              ok = check_written (sheet,
                                  worksheet_write_string (sheet->worksheet, total_row, (lxw_col_t) c,
                                                          mk_report_text (xlsx->language, N_ ("Total")),
                                                          xlsx->formats[MK_XLSX_FORMAT_TOTAL_LABEL]),
                                  error);
              labelled = TRUE;
            }
        }
      for (guint i = 0; by_currency && ok && i < sheet->currency_totals->len; i++)
        ok = write_currency_total (sheet, total_row + 1 + i, last,
                                   g_ptr_array_index (sheet->currency_totals, i), error);
    }

  if (ok)
    {
      worksheet_freeze_panes (sheet->worksheet, sheet->first_data_row, 0);
      for (guint c = 0; c < sheet->n_columns; c++)
        worksheet_set_column (sheet->worksheet, (lxw_col_t) c, (lxw_col_t) c,
                              CLAMP (sheet->widths[c] + 3, MIN_WIDTH, MAX_WIDTH), NULL);
    }
  g_free (sheet->name);
  g_free (sheet->widths);
  g_free (sheet->totals);
  g_ptr_array_unref (sheet->currency_totals);
  g_free (sheet);
  return ok;
}

guint
_mk_sheet_get_n_rows (MkSheet *sheet)
{
  return sheet->row - sheet->first_data_row;
}

const char *
_mk_sheet_get_name (MkSheet *sheet)
{
  return sheet->name;
}

void
_mk_value_total_free (MkValueTotal *total)
{
  g_free (total->currency);
  g_free (total);
}

GPtrArray *
_mk_sheet_get_value_totals (MkSheet    *sheet,
                            const char *id)
{
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify) _mk_value_total_free);

  for (guint c = 0; c < sheet->n_columns; c++)
    if (sheet->columns[c].type == MK_COLUMN_MONEY && g_str_equal (sheet->columns[c].id, id))
      for (guint i = 0; i < sheet->currency_totals->len; i++)
        {
          CurrencyTotals *entry = g_ptr_array_index (sheet->currency_totals, i);
          MkValueTotal   *total = g_new0 (MkValueTotal, 1);

          total->currency = g_strdup (entry->code);
          total->total = entry->totals[c];
          g_ptr_array_add (totals, total);
        }
  return totals;
}

gint64
_mk_sheet_get_total (MkSheet    *sheet,
                     const char *id)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    if (g_str_equal (sheet->columns[c].id, id))
      return sheet->totals[c];
  return 0;
}
