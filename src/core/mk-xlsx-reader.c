/* mk-xlsx-reader.c: the rows of an Excel workbook, read with minizip and
 * GLib's XML parser.
 *
 * A workbook is a zip of XML parts: xl/workbook.xml names the sheets,
 * xl/_rels/workbook.xml.rels says which part holds each, the shared
 * strings and the styles (whose number formats tell dates from numbers)
 * are parts of their own. The sheet itself is parsed as it is inflated, a
 * chunk at a time, so a large sheet never sits in memory whole; a thread
 * of the reader's own parses it a little ahead of the caller, who checks
 * and stores the rows before meanwhile (an import's parsing and writing
 * take about as long as each other).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <unzip.h>

#include "mk-xlsx-reader.h"

/* clang-format off */
G_DEFINE_QUARK (mk-xlsx-error-quark, mk_xlsx_error)
/* clang-format on */

/* XML inflates some 5 to 50 times; past this ratio, and past a size no
 * office's list reaches, an entry is a zip bomb. */
#define BOMB_RATIO 500
#define BOMB_MIN_SIZE (16 * 1024 * 1024)
#define MAX_COLUMNS 16384 /* Excel's own limit, XFD */
#define MAX_ROWS 1048576  /* likewise */
#define SHEET_CHUNK (64 * 1024)
/* How far ahead of the caller the thread parses, in rows. */
#define MAX_READY_ROWS 1024

typedef struct
{
  guint first_row, last_row;
  guint first_column, last_column; /* 0-based */
  char *value;                     /* the top-left cell's, once read */
} MergedRange;

typedef struct
{
  guint       number;
  GPtrArray  *fields; /* char *, "" for empty */
  GByteArray *copies; /* per column: filled from a merged range; NULL: none */
} Row;

struct _MkXlsxReader
{
  unzFile    zip;
  char      *display; /* the file's name, for messages */
  GPtrArray *sheet_names;
  char      *sheet_name;
  char      *sheet_part;
  GPtrArray *shared_strings;
  GArray    *date_styles; /* gboolean per cell format (cellXfs) */
  gboolean   date1904;

  /* The sheet being inflated. */
  gboolean             entry_open;
  guint64              entry_inflated;
  guint64              entry_compressed;
  char                *entry_name;
  GMarkupParseContext *context;
  gboolean             sheet_done;
  GQueue               rows; /* Row, parsed from the chunk being parsed */

  /* Between the thread that parses and the caller. */
  GThread *thread;
  GMutex   lock;
  GCond    cond;
  GQueue   ready;        /* Row, parsed, for the caller: under the lock */
  gboolean stopping;     /* the reader is being freed: under the lock */
  gboolean finished;     /* the sheet was parsed, or failed: under the lock */
  GError  *thread_error; /* why it failed: under the lock */
  GQueue   taken;        /* Row, the caller's, taken from ready at once */
  Row     *current;      /* the row the caller was given last */
  GQueue   spent_here;   /* Row, rows the caller is done with */
  GQueue   spent;        /* Row, handed back for the thread to free: under the lock */
  gboolean caller_waits; /* for rows: under the lock */
  gboolean thread_waits; /* for room: under the lock */

  /* The parser's place in the sheet. */
  gboolean    in_sheet_data;
  gboolean    in_cell;
  gboolean    in_value;    /* <v> */
  gboolean    in_inline;   /* <is> */
  gboolean    in_phonetic; /* <rPh>, whose text is not the cell's */
  gboolean    in_text;     /* <t> inside <is> */
  guint       row_number;
  guint       column;
  char        cell_type[16];
  gint        cell_style;
  GString    *text;
  GPtrArray  *row_fields;
  GByteArray *row_copies;
  gboolean    row_has_value;

  GArray *merged; /* MergedRange, by first row */
  guint   next_merged;
  GArray *active_merged; /* indexes into merged */

  guint last_row;
};

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->fields);
  if (row->copies != NULL)
    g_byte_array_unref (row->copies);
  g_free (row);
}

static void
merged_range_clear (MergedRange *range)
{
  g_free (range->value);
}

void
mk_xlsx_reader_free (MkXlsxReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->thread != NULL)
    {
      g_mutex_lock (&reader->lock);
      reader->stopping = TRUE;
      g_cond_broadcast (&reader->cond);
      g_mutex_unlock (&reader->lock);
      g_thread_join (reader->thread);
    }
  g_queue_clear_full (&reader->ready, (GDestroyNotify) row_free);
  g_queue_clear_full (&reader->taken, (GDestroyNotify) row_free);
  g_queue_clear_full (&reader->spent_here, (GDestroyNotify) row_free);
  g_queue_clear_full (&reader->spent, (GDestroyNotify) row_free);
  g_clear_pointer (&reader->current, row_free);
  g_clear_error (&reader->thread_error);
  g_mutex_clear (&reader->lock);
  g_cond_clear (&reader->cond);
  if (reader->entry_open)
    unzCloseCurrentFile (reader->zip);
  if (reader->zip != NULL)
    unzClose (reader->zip);
  g_clear_pointer (&reader->context, g_markup_parse_context_free);
  g_queue_clear_full (&reader->rows, (GDestroyNotify) row_free);
  g_free (reader->display);
  g_clear_pointer (&reader->sheet_names, g_ptr_array_unref);
  g_free (reader->sheet_name);
  g_free (reader->sheet_part);
  g_free (reader->entry_name);
  g_clear_pointer (&reader->shared_strings, g_ptr_array_unref);
  g_clear_pointer (&reader->date_styles, g_array_unref);
  g_clear_pointer (&reader->row_fields, g_ptr_array_unref);
  g_clear_pointer (&reader->merged, g_array_unref);
  g_clear_pointer (&reader->active_merged, g_array_unref);
  g_clear_pointer (&reader->row_copies, g_byte_array_unref);
  if (reader->text != NULL)
    g_string_free (reader->text, TRUE);
  g_free (reader);
}

/* Zip entries ---------------------------------------------------------------- */

static gboolean
entry_exists (MkXlsxReader *reader,
              const char   *name)
{
  return unzLocateFile (reader->zip, name, 2) == UNZ_OK;
}

static gboolean
open_entry (MkXlsxReader *reader,
            const char   *name,
            GError      **error)
{
  unz_file_info64 info;

  if (unzLocateFile (reader->zip, name, 2) != UNZ_OK)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK,
                   _ ("“%s” is not a complete Excel workbook: it has no part %s."), reader->display,
                   name);
      return FALSE;
    }
  if (unzGetCurrentFileInfo64 (reader->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK || unzOpenCurrentFile (reader->zip) != UNZ_OK)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_READ,
                   _ ("The part %s of “%s” cannot be read; the file is damaged."), name,
                   reader->display);
      return FALSE;
    }
  reader->entry_open = TRUE;
  reader->entry_inflated = 0;
  reader->entry_compressed = info.compressed_size;
  g_free (reader->entry_name);
  reader->entry_name = g_strdup (name);
  if (info.uncompressed_size > MK_XLSX_MAX_ENTRY_SIZE)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_TOO_LARGE,
                   _ ("The part %s of “%s” would take more than %u MB once unpacked; Makhzan does "
                      "not read it."),
                   name, reader->display, MK_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

static void
close_entry (MkXlsxReader *reader)
{
  if (reader->entry_open)
    unzCloseCurrentFile (reader->zip);
  reader->entry_open = FALSE;
}

/* Reads up to @size bytes of the open entry, counting what it inflates to
 * against the limits whatever its header claims. 0 at the end. */
static gssize
read_entry (MkXlsxReader *reader,
            char         *buffer,
            gsize         size,
            GError      **error)
{
  int got = unzReadCurrentFile (reader->zip, buffer, (unsigned) size);

  if (got < 0)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_READ,
                   _ ("The part %s of “%s” cannot be read; the file is damaged."),
                   reader->entry_name, reader->display);
      return -1;
    }
  reader->entry_inflated += (guint64) got;
  if (reader->entry_inflated > MK_XLSX_MAX_ENTRY_SIZE || (reader->entry_inflated > BOMB_MIN_SIZE && reader->entry_inflated > BOMB_RATIO * MAX (reader->entry_compressed, 1)))
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_TOO_LARGE,
                   _ ("The part %s of “%s” unpacks to far more than it holds (a “zip bomb”); "
                      "Makhzan does not read it."),
                   reader->entry_name, reader->display);
      return -1;
    }
  return got;
}

/* A whole small part: the workbook, its relations, the styles, the shared
 * strings. NULL with an error if missing and @required. */
static GString *
read_part (MkXlsxReader *reader,
           const char   *name,
           gboolean      required,
           GError      **error)
{
  g_autoptr (GString) data = g_string_new (NULL);
  char   buffer[SHEET_CHUNK];
  gssize got;

  if (!required && !entry_exists (reader, name))
    return g_steal_pointer (&data);
  if (!open_entry (reader, name, error))
    {
      close_entry (reader);
      return NULL;
    }
  while ((got = read_entry (reader, buffer, sizeof buffer, error)) > 0)
    g_string_append_len (data, buffer, got);
  close_entry (reader);
  return got < 0 ? NULL : g_steal_pointer (&data);
}

/* XML --------------------------------------------------------------------------- */

/* Element and attribute names without their namespace prefix: some writers
 * use "x:row", most plain "row". */
static const char *
local_name (const char *name)
{
  const char *colon = strchr (name, ':');
  return colon ? colon + 1 : name;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (local_name (names[i]), wanted))
      return values[i];
  return NULL;
}

/* GMarkup expands only XML's five entities and character references; a
 * document type could declare others, so any is refused outright. */
static void
refuse_doctype (GMarkupParseContext *context,
                const char          *text,
                gsize                length,
                gpointer             user_data,
                GError             **error)
{
  if (length >= 9 && g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0)
    g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                         _ ("it declares a document type, which workbooks never do"));
}

static gboolean
parse_part (MkXlsxReader        *reader,
            const char          *name,
            GString             *data,
            const GMarkupParser *parser,
            gpointer             user_data,
            GError             **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) local_error = NULL;

  context = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, user_data, NULL);
  if (!g_markup_parse_context_parse (context, data->str, (gssize) data->len, &local_error) || !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_SYNTAX,
                   _ ("The part %s of “%s” is not valid: %s"), name, reader->display,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The workbook: sheets and their relations -------------------------------------- */

typedef struct
{
  MkXlsxReader *reader;
  GPtrArray    *ids; /* relation id per sheet */
} WorkbookState;

static void
workbook_start (GMarkupParseContext *context,
                const char          *element,
                const char         **names,
                const char         **values,
                gpointer             user_data,
                GError             **error)
{
  WorkbookState *state = user_data;
  const char    *name = local_name (element);

  if (g_str_equal (name, "workbookPr"))
    {
      const char *date1904 = attribute (names, values, "date1904");
      state->reader->date1904 = date1904 && (g_str_equal (date1904, "1") || g_str_equal (date1904, "true"));
    }
  else if (g_str_equal (name, "sheet"))
    {
      const char *sheet = attribute (names, values, "name");
      const char *id = attribute (names, values, "id");

      if (sheet != NULL && id != NULL)
        {
          g_ptr_array_add (state->reader->sheet_names, g_strdup (sheet));
          g_ptr_array_add (state->ids, g_strdup (id));
        }
    }
}

typedef struct
{
  const char *wanted_id;
  char       *target;
} RelationsState;

static void
relations_start (GMarkupParseContext *context,
                 const char          *element,
                 const char         **names,
                 const char         **values,
                 gpointer             user_data,
                 GError             **error)
{
  RelationsState *state = user_data;

  if (g_str_equal (local_name (element), "Relationship"))
    {
      const char *id = attribute (names, values, "Id");
      const char *target = attribute (names, values, "Target");

      if (id != NULL && target != NULL && g_str_equal (id, state->wanted_id) && state->target == NULL)
        state->target = g_strdup (target);
    }
}

/* "worksheets/sheet1.xml" is relative to xl/; "/xl/worksheets/sheet1.xml"
 * to the root of the zip. */
static char *
resolve_target (const char *target)
{
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

static gboolean
find_sheet (MkXlsxReader *reader,
            const char   *sheet_name,
            GError      **error)
{
  static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, refuse_doctype, NULL };
  static const GMarkupParser relations_parser = { relations_start, NULL, NULL, refuse_doctype, NULL };
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) workbook = NULL;
  g_autoptr (GString) relations = NULL;
  WorkbookState  workbook_state = { reader, ids };
  RelationsState relations_state = { NULL, NULL };
  gint           chosen = -1;

  workbook = read_part (reader, "xl/workbook.xml", TRUE, error);
  if (workbook == NULL || !parse_part (reader, "xl/workbook.xml", workbook, &workbook_parser, &workbook_state, error))
    return FALSE;
  if (ids->len == 0)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NO_SHEET,
                   _ ("The workbook “%s” has no sheets."), reader->display);
      return FALSE;
    }
  for (guint i = 0; i < ids->len && chosen < 0; i++)
    if (sheet_name == NULL || g_utf8_collate (g_ptr_array_index (reader->sheet_names, i), sheet_name) == 0)
      chosen = (gint) i;
  if (chosen < 0)
    {
      g_autoptr (GString) known = g_string_new (NULL);

      for (guint i = 0; i < reader->sheet_names->len; i++)
        g_string_append_printf (known, "%s“%s”", i ? ", " : "",
                                (const char *) g_ptr_array_index (reader->sheet_names, i));
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NO_SHEET,
                   _ ("The workbook “%s” has no sheet “%s”; its sheets are %s."), reader->display,
                   sheet_name, known->str);
      return FALSE;
    }
  reader->sheet_name = g_strdup (g_ptr_array_index (reader->sheet_names, chosen));

  relations = read_part (reader, "xl/_rels/workbook.xml.rels", TRUE, error);
  relations_state.wanted_id = g_ptr_array_index (ids, chosen);
  if (relations == NULL || !parse_part (reader, "xl/_rels/workbook.xml.rels", relations, &relations_parser, &relations_state, error))
    return FALSE;
  if (relations_state.target == NULL)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK,
                   _ ("“%s” is not a complete Excel workbook: the sheet “%s” has no part."),
                   reader->display, reader->sheet_name);
      return FALSE;
    }
  reader->sheet_part = resolve_target (relations_state.target);
  g_free (relations_state.target);
  return TRUE;
}

/* Shared strings ----------------------------------------------------------------- */

typedef struct
{
  GPtrArray *strings;
  GString   *text;
  gboolean   in_item;
  gboolean   in_text;
  gboolean   in_phonetic;
} StringsState;

static void
strings_start (GMarkupParseContext *context,
               const char          *element,
               const char         **names,
               const char         **values,
               gpointer             user_data,
               GError             **error)
{
  StringsState *state = user_data;
  const char   *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      state->in_item = TRUE;
      g_string_truncate (state->text, 0);
    }
  else if (g_str_equal (name, "rPh"))
    state->in_phonetic = TRUE;
  else if (g_str_equal (name, "t") && state->in_item && !state->in_phonetic)
    state->in_text = TRUE;
}

static void
strings_end (GMarkupParseContext *context,
             const char          *element,
             gpointer             user_data,
             GError             **error)
{
  StringsState *state = user_data;
  const char   *name = local_name (element);

  if (g_str_equal (name, "si"))
    {
      state->in_item = FALSE;
      g_ptr_array_add (state->strings, g_strdup (state->text->str));
    }
  else if (g_str_equal (name, "rPh"))
    state->in_phonetic = FALSE;
  else if (g_str_equal (name, "t"))
    state->in_text = FALSE;
}

static void
collect_text (GMarkupParseContext *context,
              const char          *text,
              gsize                length,
              gpointer             user_data,
              GError             **error)
{
  StringsState *state = user_data;

  if (state->in_text)
    g_string_append_len (state->text, text, (gssize) length);
}

static gboolean
load_shared_strings (MkXlsxReader *reader,
                     GError      **error)
{
  static const GMarkupParser parser = { strings_start, strings_end, collect_text, refuse_doctype, NULL };
  g_autoptr (GString) data = read_part (reader, "xl/sharedStrings.xml", FALSE, error);
  StringsState state = { reader->shared_strings, NULL, FALSE, FALSE, FALSE };
  gboolean     ok;

  if (data == NULL)
    return FALSE;
  if (data->len == 0)
    return TRUE; /* a workbook of numbers only, or of inline strings */
  state.text = g_string_new (NULL);
  ok = parse_part (reader, "xl/sharedStrings.xml", data, &parser, &state, error);
  g_string_free (state.text, TRUE);
  return ok;
}

/* Styles: which cell formats are dates -------------------------------------------- */

/* Whether a number format shows a date: it has day, month or year codes
 * outside quoted text, escapes and [brackets] (colours, locales, elapsed
 * time). A format of hours and minutes alone is a time, not a date. */
static gboolean
format_is_date (const char *code)
{
  gboolean has_date = FALSE;
  gboolean has_time = FALSE;
  gboolean has_month_or_minute = FALSE;

  for (const char *p = code; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          p = strchr (p + 1, '"');
          if (p == NULL)
            break;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (*p == '[')
        {
          p = strchr (p, ']');
          if (p == NULL)
            break;
        }
      else if (*p == ';')
        break; /* the first section decides */
      else if (c == 'd' || c == 'y' || c == 'e')
        has_date = TRUE;
      else if (c == 'h' || c == 's')
        has_time = TRUE;
      else if (c == 'm')
        has_month_or_minute = TRUE;
    }
  return has_date || (has_month_or_minute && !has_time);
}

static gboolean
builtin_format_is_date (guint id)
{
  /* ECMA-376 part 1, 18.8.30: 14–17 and 22 are dates; 18–21 and 45–47
   * times; 27–36 and 50–58 the East Asian dates. */
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

typedef struct
{
  GHashTable *custom_dates; /* numFmtId → TRUE/FALSE */
  GArray     *date_styles;
  gboolean    in_cell_formats;
} StylesState;

static void
styles_start (GMarkupParseContext *context,
              const char          *element,
              const char         **names,
              const char         **values,
              gpointer             user_data,
              GError             **error)
{
  StylesState *state = user_data;
  const char  *name = local_name (element);

  if (g_str_equal (name, "numFmt"))
    {
      const char *id = attribute (names, values, "numFmtId");
      const char *code = attribute (names, values, "formatCode");

      if (id != NULL && code != NULL)
        g_hash_table_insert (state->custom_dates, GUINT_TO_POINTER (g_ascii_strtoull (id, NULL, 10)),
                             GINT_TO_POINTER (format_is_date (code) ? 2 : 1));
    }
  else if (g_str_equal (name, "cellXfs"))
    state->in_cell_formats = TRUE;
  else if (g_str_equal (name, "xf") && state->in_cell_formats)
    {
      const char *id_text = attribute (names, values, "numFmtId");
      guint       id = id_text ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
      gint        custom = GPOINTER_TO_INT (g_hash_table_lookup (state->custom_dates, GUINT_TO_POINTER (id)));
      gboolean    is_date = custom ? custom == 2 : builtin_format_is_date (id);

      g_array_append_val (state->date_styles, is_date);
    }
}

static void
styles_end (GMarkupParseContext *context,
            const char          *element,
            gpointer             user_data,
            GError             **error)
{
  StylesState *state = user_data;

  if (g_str_equal (local_name (element), "cellXfs"))
    state->in_cell_formats = FALSE;
}

static gboolean
load_styles (MkXlsxReader *reader,
             GError      **error)
{
  static const GMarkupParser parser = { styles_start, styles_end, NULL, refuse_doctype, NULL };
  g_autoptr (GString) data = read_part (reader, "xl/styles.xml", FALSE, error);
  StylesState state = { NULL, reader->date_styles, FALSE };
  gboolean    ok;

  if (data == NULL)
    return FALSE;
  if (data->len == 0)
    return TRUE;
  state.custom_dates = g_hash_table_new (NULL, NULL);
  ok = parse_part (reader, "xl/styles.xml", data, &parser, &state, error);
  g_hash_table_unref (state.custom_dates);
  return ok;
}

/* Cells ---------------------------------------------------------------------------- */

gboolean
mk_xlsx_serial_to_date (double   serial,
                        gboolean date1904,
                        char     out[11])
{
  gint64 days = (gint64) serial;
  gint64 era, doe, yoe, doy, mp, year, month, day;

  if (serial < 1 || serial > 2958465 || (!date1904 && days == 60))
    return FALSE; /* day 60 of 1900 is Lotus's 29 February 1900, which never was */
  /* Days since 1970-01-01 from the epoch's: 1904-01-01, or 1899-12-30
   * (1899-12-31 before Lotus's missing day). */
  if (date1904)
    days -= 24107;
  else
    days -= days > 60 ? 25569 : 25568;
  /* Howard Hinnant's days-to-civil, as the audit log's times use: a date
   * cell on every row of a sheet need not build a GDate. */
  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = yoe + era * 400 + (month <= 2);
  if (year > 9999)
    return FALSE;
  out[0] = (char) ('0' + year / 1000);
  out[1] = (char) ('0' + year / 100 % 10);
  out[2] = (char) ('0' + year / 10 % 10);
  out[3] = (char) ('0' + year % 10);
  out[4] = '-';
  out[5] = (char) ('0' + month / 10);
  out[6] = (char) ('0' + month % 10);
  out[7] = '-';
  out[8] = (char) ('0' + day / 10);
  out[9] = (char) ('0' + day % 10);
  out[10] = '\0';
  return TRUE;
}

/* "B12" → column 1; FALSE if it is not a cell reference. */
static gboolean
parse_reference (const char *reference,
                 guint      *column,
                 guint      *row)
{
  guint       value = 0;
  guint       letters = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p) && letters < 4; p++, letters++)
    value = value * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
  if (letters == 0 || letters > 3 || value > MAX_COLUMNS)
    return FALSE;
  *column = value - 1;
  if (row != NULL)
    {
      guint64 number = g_ascii_strtoull (p, NULL, 10);
      if (number == 0 || number > MAX_ROWS)
        return FALSE;
      *row = (guint) number;
    }
  return TRUE;
}

/* Numbers as people typed them: 2000, not 2000.0000000000002. */
static char *
format_number (const char *text)
{
  char  *end = NULL;
  double value;
  char   buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize  digits = 0;

  /* Most cells are whole numbers written as such ("3", "1200"): already
   * what the rest would write, without a leading zero to drop. */
  while (g_ascii_isdigit (text[digits]))
    digits++;
  if (text[digits] == '\0' && digits > 0 && digits < 16 && (text[0] != '0' || digits == 1))
    return g_strndup (text, digits);

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return g_strdup (text);
  if (value == (double) (gint64) value && ABS (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (strchr (buffer, 'e') != NULL && ABS (value) < 1e15)
    {
      /* 2e-05 as 0.00002: the digits the import reads, 15 of them at most. */
      /* The exponent of %.15g's own form: 2e-05 → -5. */
      int   exponent = (int) g_ascii_strtoll (strchr (buffer, 'e') + 1, NULL, 10);
      char  format[16];
      char *end_of_digits;

      g_snprintf (format, sizeof format, "%%.%df", CLAMP (14 - exponent, 0, 30));
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      end_of_digits = buffer + strlen (buffer);
      while (end_of_digits > buffer && end_of_digits[-1] == '0')
        *--end_of_digits = '\0';
      if (end_of_digits > buffer && end_of_digits[-1] == '.')
        *--end_of_digits = '\0';
    }
  return g_strdup (buffer);
}

static void
set_sheet_error (MkXlsxReader *reader,
                 GError      **error,
                 const char   *message)
{
  g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_SYNTAX, _ ("“%s”, sheet “%s”, row %u: %s"),
               reader->display, reader->sheet_name, reader->row_number, message);
}

static char *
cell_value (MkXlsxReader *reader,
            GError      **error)
{
  const char *text = reader->text->str;
  const char *type = reader->cell_type;

  if (g_str_equal (type, "s"))
    {
      char   *end = NULL;
      guint64 index = g_ascii_strtoull (text, &end, 10);

      if (end == text || index >= reader->shared_strings->len)
        {
          set_sheet_error (reader, error, _ ("a cell refers to a shared string that is not in the workbook."));
          return NULL;
        }
      return g_strdup (g_ptr_array_index (reader->shared_strings, index));
    }
  if (g_str_equal (type, "b"))
    return g_strdup (*text == '\0' ? "" : g_str_equal (text, "1") || g_str_equal (text, "true") ? "yes"
                                                                                                : "no");
  if (g_str_equal (type, "inlineStr") || g_str_equal (type, "str") || g_str_equal (type, "e"))
    return g_strdup (text);
  if (g_str_equal (type, "d"))
    return g_strndup (text, MIN (strlen (text), 10)); /* ISO 8601: the date part */
  if (*text == '\0')
    return g_strdup ("");
  /* A number, or a date stored as one. */
  if (reader->cell_style >= 0 && (guint) reader->cell_style < reader->date_styles->len && g_array_index (reader->date_styles, gboolean, reader->cell_style))
    {
      char   date[11];
      char  *end = NULL;
      double serial = g_ascii_strtod (text, &end);

      if (end != text && *end == '\0' && mk_xlsx_serial_to_date (serial, reader->date1904, date))
        return g_strdup (date);
    }
  return format_number (text);
}

/* Merged cells ---------------------------------------------------------------------- */

static gint
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const MergedRange *x = a, *y = b;
  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

/* Reads ref="A1:C1" inside the tag [tag, close). */
static void
add_merged_range (MkXlsxReader *reader,
                  const char   *tag,
                  const char   *close)
{
  const char      *ref = g_strstr_len (tag, close - tag, "ref=\"");
  const char      *quote;
  MergedRange      range = { 0 };
  g_autofree char *text = NULL;
  g_auto (GStrv) corners = NULL;

  if (ref == NULL || (quote = memchr (ref + 5, '"', close - ref - 5)) == NULL)
    return;
  text = g_strndup (ref + 5, quote - ref - 5);
  corners = g_strsplit (text, ":", 2);
  if (corners[0] != NULL && corners[1] != NULL && parse_reference (corners[0], &range.first_column, &range.first_row) && parse_reference (corners[1], &range.last_column, &range.last_row) && range.first_row <= range.last_row && range.first_column <= range.last_column)
    g_array_append_val (reader->merged, range);
}

/* Merged ranges come after the rows in the sheet's XML: one quick pass
 * over the inflated text finds them before the rows are read. Only text
 * up to the last complete tag is searched; the rest waits for the next
 * chunk. */
static gboolean
load_merged_ranges (MkXlsxReader *reader,
                    GError      **error)
{
  enum
  {
    KEEP_MAX = 1024
  };
  g_autofree char *buffer = g_malloc (SHEET_CHUNK + KEEP_MAX);
  gsize            kept = 0;
  gssize           got;

  if (!open_entry (reader, reader->sheet_part, error))
    return FALSE;
  while ((got = read_entry (reader, buffer + kept, SHEET_CHUNK, error)) > 0)
    {
      gsize       length = kept + (gsize) got;
      const char *end = buffer + length;
      const char *last_close = end;
      const char *p = buffer;
      const char *found;

      while (last_close > buffer && last_close[-1] != '>')
        last_close--;
      while ((found = g_strstr_len (p, last_close - p, "mergeCell ")) != NULL)
        {
          const char *close = memchr (found, '>', last_close - found);

          if (found > buffer && (found[-1] == '<' || found[-1] == ':'))
            add_merged_range (reader, found, close);
          p = close + 1;
        }
      /* What follows the last tag; a tag longer than that is not one. */
      kept = end - last_close;
      if (kept >= KEEP_MAX)
        kept = 0;
      memmove (buffer, last_close, kept);
    }
  close_entry (reader);
  if (got < 0)
    return FALSE;
  g_array_sort (reader->merged, compare_ranges);
  return TRUE;
}

/* Gives every cell of a merged range in this row its top-left cell's value. */
static void
fill_merged (MkXlsxReader *reader)
{
  guint row = reader->row_number;

  while (reader->next_merged < reader->merged->len && g_array_index (reader->merged, MergedRange, reader->next_merged).first_row <= row)
    {
      g_array_append_val (reader->active_merged, reader->next_merged);
      reader->next_merged++;
    }
  for (guint i = 0; i < reader->active_merged->len;)
    {
      MergedRange *range = &g_array_index (reader->merged, MergedRange,
                                           g_array_index (reader->active_merged, guint, i));
      if (range->last_row < row)
        {
          g_array_remove_index_fast (reader->active_merged, i);
          continue;
        }
      if (range->first_row == row && range->value == NULL)
        range->value = g_strdup (range->first_column < reader->row_fields->len
                                     ? g_ptr_array_index (reader->row_fields, range->first_column)
                                     : "");
      if (range->value != NULL && *range->value != '\0')
        {
          while (reader->row_fields->len <= range->last_column)
            g_ptr_array_add (reader->row_fields, g_strdup (""));
          if (reader->row_copies == NULL)
            reader->row_copies = g_byte_array_new ();
          for (guint c = range->first_column; c <= range->last_column; c++)
            {
              guint8 zero = 0;

              if (c == range->first_column && row == range->first_row)
                continue;
              g_free (g_ptr_array_index (reader->row_fields, c));
              g_ptr_array_index (reader->row_fields, c) = g_strdup (range->value);
              while (reader->row_copies->len <= c)
                g_byte_array_append (reader->row_copies, &zero, 1);
              reader->row_copies->data[c] = 1;
            }
          reader->row_has_value = TRUE;
        }
      i++;
    }
}

/* The sheet --------------------------------------------------------------------------- */

static void
sheet_start (GMarkupParseContext *context,
             const char          *element,
             const char         **names,
             const char         **values,
             gpointer             user_data,
             GError             **error)
{
  MkXlsxReader *reader = user_data;
  const char   *name = local_name (element);

  if (!reader->in_sheet_data)
    {
      if (g_str_equal (name, "sheetData"))
        reader->in_sheet_data = TRUE;
      return;
    }
  if (g_str_equal (name, "row"))
    {
      const char *number = attribute (names, values, "r");
      guint64     row = number ? g_ascii_strtoull (number, NULL, 10) : reader->row_number + 1;

      if (row == 0 || row > MAX_ROWS || row <= reader->row_number)
        {
          set_sheet_error (reader, error, _ ("the rows are not in order."));
          return;
        }
      reader->row_number = (guint) row;
      reader->column = 0;
      reader->row_has_value = FALSE;
      g_ptr_array_set_size (reader->row_fields, 0);
      g_clear_pointer (&reader->row_copies, g_byte_array_unref);
    }
  else if (g_str_equal (name, "c"))
    {
      const char *reference = attribute (names, values, "r");
      const char *type = attribute (names, values, "t");
      const char *style = attribute (names, values, "s");
      guint       column = reader->column;

      if (reference != NULL && !parse_reference (reference, &column, NULL))
        {
          set_sheet_error (reader, error, _ ("a cell has a reference that is not a column and row."));
          return;
        }
      reader->column = column;
      reader->in_cell = TRUE;
      g_strlcpy (reader->cell_type, type ? type : "n", sizeof reader->cell_type);
      reader->cell_style = style ? (gint) g_ascii_strtoll (style, NULL, 10) : -1;
      g_string_truncate (reader->text, 0);
    }
  else if (reader->in_cell && g_str_equal (name, "v"))
    reader->in_value = TRUE;
  else if (reader->in_cell && g_str_equal (name, "is"))
    reader->in_inline = TRUE;
  else if (reader->in_inline && g_str_equal (name, "rPh"))
    reader->in_phonetic = TRUE;
  else if (reader->in_inline && !reader->in_phonetic && g_str_equal (name, "t"))
    reader->in_text = TRUE;
}

static void
sheet_end (GMarkupParseContext *context,
           const char          *element,
           gpointer             user_data,
           GError             **error)
{
  MkXlsxReader *reader = user_data;
  const char   *name = local_name (element);

  if (!reader->in_sheet_data)
    return;
  if (g_str_equal (name, "c"))
    {
      char *value = cell_value (reader, error);

      reader->in_cell = FALSE;
      if (value == NULL)
        return;
      if (*value != '\0')
        {
          while (reader->row_fields->len <= reader->column)
            g_ptr_array_add (reader->row_fields, g_strdup (""));
          g_free (g_ptr_array_index (reader->row_fields, reader->column));
          g_ptr_array_index (reader->row_fields, reader->column) = value;
          reader->row_has_value = TRUE;
        }
      else
        g_free (value);
      reader->column++;
    }
  else if (g_str_equal (name, "v"))
    reader->in_value = FALSE;
  else if (g_str_equal (name, "is"))
    reader->in_inline = FALSE;
  else if (g_str_equal (name, "rPh"))
    reader->in_phonetic = FALSE;
  else if (g_str_equal (name, "t"))
    reader->in_text = FALSE;
  else if (g_str_equal (name, "row"))
    {
      if (reader->merged->len > 0)
        fill_merged (reader);
      /* Empty rows cost nothing more than their parsing. */
      if (reader->row_has_value)
        {
          Row *row = g_new (Row, 1);

          row->number = reader->row_number;
          row->fields = g_steal_pointer (&reader->row_fields);
          row->copies = g_steal_pointer (&reader->row_copies);
          g_queue_push_tail (&reader->rows, row);
          reader->row_fields = g_ptr_array_new_with_free_func (g_free);
        }
    }
  else if (g_str_equal (name, "sheetData"))
    reader->in_sheet_data = FALSE;
}

static void
sheet_text (GMarkupParseContext *context,
            const char          *text,
            gsize                length,
            gpointer             user_data,
            GError             **error)
{
  MkXlsxReader *reader = user_data;

  if (reader->in_value || reader->in_text)
    g_string_append_len (reader->text, text, (gssize) length);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, refuse_doctype, NULL };

static gboolean
set_parse_error (MkXlsxReader *reader,
                 GError       *parse_error,
                 GError      **error)
{
  if (parse_error->domain == MK_XLSX_ERROR)
    g_propagate_error (error, parse_error);
  else
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_SYNTAX, _ ("The sheet “%s” of “%s” is not valid: %s"),
                   reader->sheet_name, reader->display, parse_error->message);
      g_error_free (parse_error);
    }
  return FALSE;
}

/* Feeds the parser one chunk of the sheet, or its end. */
static gboolean
parse_chunk (MkXlsxReader *reader,
             char         *buffer,
             GError      **error)
{
  GError *local_error = NULL;
  gssize  got = read_entry (reader, buffer, SHEET_CHUNK, error);

  if (got < 0)
    return FALSE;
  if (got == 0)
    {
      reader->sheet_done = TRUE;
      close_entry (reader);
      if (!g_markup_parse_context_end_parse (reader->context, &local_error))
        return set_parse_error (reader, local_error, error);
    }
  else if (!g_markup_parse_context_parse (reader->context, buffer, got, &local_error))
    return set_parse_error (reader, local_error, error);
  return TRUE;
}

/* The thread: parses the sheet, handing the rows of each chunk over,
 * until it ends, fails or the reader is freed; waits while the caller has
 * enough rows ahead. The rows of a chunk that fails are not handed over:
 * the caller gets the error after the rows before it. */
/* Moves every element of @from to the end of @to, at once. */
static void
queue_append_all (GQueue *to,
                  GQueue *from)
{
  if (from->head == NULL)
    return;
  if (to->tail == NULL)
    *to = *from;
  else
    {
      to->tail->next = from->head;
      from->head->prev = to->tail;
      to->tail = from->tail;
      to->length += from->length;
    }
  g_queue_init (from);
}

static gpointer
parse_sheet (gpointer data)
{
  MkXlsxReader    *reader = data;
  g_autofree char *buffer = g_malloc (SHEET_CHUNK);
  GError          *error = NULL;
  gboolean         go_on = TRUE;

  while (go_on)
    {
      gboolean ok = parse_chunk (reader, buffer, &error);
      GQueue   spent = G_QUEUE_INIT;

      g_mutex_lock (&reader->lock);
      if (ok)
        queue_append_all (&reader->ready, &reader->rows);
      queue_append_all (&spent, &reader->spent);
      /* Woken only when waiting: most chunks find the caller busy. */
      if (reader->caller_waits && !g_queue_is_empty (&reader->ready))
        g_cond_broadcast (&reader->cond);
      while (ok && !reader->sheet_done && !reader->stopping && reader->ready.length >= MAX_READY_ROWS)
        {
          reader->thread_waits = TRUE;
          g_cond_wait (&reader->cond, &reader->lock);
          reader->thread_waits = FALSE;
        }
      go_on = ok && !reader->sheet_done && !reader->stopping;
      if (!go_on)
        {
          reader->finished = TRUE;
          reader->thread_error = error;
          g_cond_broadcast (&reader->cond);
        }
      g_mutex_unlock (&reader->lock);
      /* Freed by the thread that allocated them, outside the lock. */
      g_queue_clear_full (&spent, (GDestroyNotify) row_free);
    }
  return NULL;
}

MkXlsxReader *
mk_xlsx_reader_new (const char *path,
                    const char *sheet_name,
                    GError    **error)
{
  g_autoptr (MkXlsxReader) reader = g_new0 (MkXlsxReader, 1);
  g_autoptr (GError) thread_error = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  reader->display = g_filename_display_name (base);
  reader->sheet_names = g_ptr_array_new_with_free_func (g_free);
  reader->shared_strings = g_ptr_array_new_with_free_func (g_free);
  reader->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  reader->merged = g_array_new (FALSE, TRUE, sizeof (MergedRange));
  g_array_set_clear_func (reader->merged, (GDestroyNotify) merged_range_clear);
  reader->active_merged = g_array_new (FALSE, FALSE, sizeof (guint));
  reader->row_fields = g_ptr_array_new_with_free_func (g_free);
  reader->text = g_string_new (NULL);
  reader->cell_style = -1;
  g_queue_init (&reader->rows);
  g_queue_init (&reader->ready);
  g_queue_init (&reader->taken);
  g_queue_init (&reader->spent_here);
  g_queue_init (&reader->spent);
  g_mutex_init (&reader->lock);
  g_cond_init (&reader->cond);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_READ, _ ("There is no file “%s”."),
                   reader->display);
      return NULL;
    }
  reader->zip = unzOpen64 (path);
  if (reader->zip == NULL)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK,
                   _ ("“%s” is not an Excel workbook (.xlsx): it is not a zip archive. Save it from "
                      "the spreadsheet as “Excel Workbook (.xlsx)” or as “CSV UTF-8”."),
                   reader->display);
      return NULL;
    }
  if (!entry_exists (reader, "xl/workbook.xml"))
    {
      if (entry_exists (reader, "content.xml") && entry_exists (reader, "mimetype"))
        g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK,
                     _ ("“%s” is an OpenDocument spreadsheet, not an Excel workbook; save it as "
                        "“Excel 2007-365 (.xlsx)”."),
                     reader->display);
      else
        g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK,
                     _ ("“%s” is a zip archive but not an Excel workbook: it has no "
                        "xl/workbook.xml."),
                     reader->display);
      return NULL;
    }
  if (!find_sheet (reader, sheet_name, error) || !load_shared_strings (reader, error) || !load_styles (reader, error) || !load_merged_ranges (reader, error))
    return NULL;
  if (!open_entry (reader, reader->sheet_part, error))
    return NULL;
  reader->context = g_markup_parse_context_new (&sheet_parser, G_MARKUP_PREFIX_ERROR_POSITION,
                                                reader, NULL);
  reader->thread = g_thread_try_new ("mk-xlsx-sheet", parse_sheet, reader, &thread_error);
  if (reader->thread == NULL)
    {
      g_set_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_READ, _ ("“%s” cannot be read: %s"),
                   reader->display, thread_error->message);
      return NULL;
    }
  return g_steal_pointer (&reader);
}

const char *const *
mk_xlsx_reader_get_sheet_names (MkXlsxReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  if (reader->sheet_names->len == 0 || g_ptr_array_index (reader->sheet_names, reader->sheet_names->len - 1) != NULL)
    {
      g_ptr_array_add (reader->sheet_names, NULL);
      g_ptr_array_set_size (reader->sheet_names, reader->sheet_names->len - 1);
    }
  return (const char *const *) reader->sheet_names->pdata;
}

const char *
mk_xlsx_reader_get_sheet_name (MkXlsxReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->sheet_name;
}

gboolean
mk_xlsx_reader_next (MkXlsxReader       *reader,
                     const char *const **fields,
                     guint              *n_fields,
                     gboolean           *at_end,
                     GError            **error)
{
  Row *row;

  g_return_val_if_fail (reader != NULL, FALSE);

  *at_end = FALSE;
  if (reader->current != NULL)
    g_queue_push_tail (&reader->spent_here, g_steal_pointer (&reader->current));
  if (g_queue_is_empty (&reader->taken))
    {
      g_autoptr (GError) failure = NULL;

      g_mutex_lock (&reader->lock);
      while (g_queue_is_empty (&reader->ready) && !reader->finished)
        {
          reader->caller_waits = TRUE;
          g_cond_wait (&reader->cond, &reader->lock);
          reader->caller_waits = FALSE;
        }
      /* All the rows ready at once: one lock for many rows. The rows done
       * with go back to the thread, to be freed where they were made. */
      queue_append_all (&reader->taken, &reader->ready);
      queue_append_all (&reader->spent, &reader->spent_here);
      if (g_queue_is_empty (&reader->taken) && reader->thread_error != NULL)
        failure = g_error_copy (reader->thread_error);
      if (reader->thread_waits)
        g_cond_broadcast (&reader->cond);
      g_mutex_unlock (&reader->lock);
      if (failure != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&failure));
          return FALSE;
        }
    }
  row = g_queue_pop_head (&reader->taken);
  if (row == NULL)
    {
      *at_end = TRUE;
      return FALSE;
    }
  /* The row's strings stay with the reader until the next call. */
  reader->current = row;
  reader->last_row = row->number;
  *n_fields = row->fields->len;
  g_ptr_array_add (row->fields, NULL);
  g_ptr_array_set_size (row->fields, row->fields->len - 1);
  *fields = (const char *const *) row->fields->pdata;
  return TRUE;
}

guint
mk_xlsx_reader_get_row (MkXlsxReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);
  return reader->last_row;
}

gboolean
mk_xlsx_reader_is_merged_copy (MkXlsxReader *reader,
                               guint         column)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  return reader->current != NULL && reader->current->copies != NULL && column < reader->current->copies->len && reader->current->copies->data[column];
}
