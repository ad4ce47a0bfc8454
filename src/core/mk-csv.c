/* mk-csv.c: reading CSV files as people's spreadsheets write them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-csv.h"
#include "mk-text.h"

#include <string.h>

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-csv-error-quark, mk_csv_error)
/* clang-format on */

/* The largest file read: the whole file is held in memory. */
#define MAX_FILE_SIZE ((gsize) 512 * 1024 * 1024)

struct _MkCsvReader
{
  char *data; /* owned, NUL-terminated after the last byte */
  gsize length;
  gsize pos;
  gsize content_end; /* after it, only line ends */
  char  separator;

  char *display_name; /* of the file, for messages; NULL for data */
  guint line;         /* the physical line at pos, 1-based */
  guint record_line;  /* where the last record returned began */

  GString   *buffer;  /* the fields of the record, each NUL-terminated */
  GArray    *offsets; /* gsize: where each field starts in buffer */
  GPtrArray *fields;  /* pointers into buffer, NULL-terminated */

  GError *failure; /* a syntax error, repeated by later calls */
};

/* Adds "“file”: " in front of @error's message when the reader has a file. */
static void
prefix_with_file (const char *display_name, GError **error)
{
  g_autofree char *name = NULL;

  if (display_name == NULL)
    return;
  name = mk_text_isolate (display_name);
  /* Translators: put in front of an error message about a CSV file; the
   * value is the file's name. */
  g_prefix_error (error, _ ("“%s”: "), name);
}

static inline gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

/* The physical line (1-based) of the byte at @end: CRLF, LF and a lone CR
 * each end a line. */
static guint
count_lines (const char *data, gsize end)
{
  guint line = 1;

  for (gsize i = 0; i < end; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= end || data[i + 1] != '\n')))
      line++;
  return line;
}

/* Whether the non-UTF-8 bytes of @data look like Arabic written with the
 * Windows-1256 code page (what Excel saves as "CSV" on an Arabic Windows). */
static gboolean
looks_like_windows_1256 (const guchar *data, gsize length)
{
  gsize high = 0;
  gsize arabic = 0;

  for (gsize i = 0; i < length; i++)
    {
      guchar b = data[i];

      if (b < 0x80)
        continue;
      high++;
      /* Arabic letters, tatweel and Arabic punctuation in Windows-1256. */
      if ((b >= 0xC1 && b <= 0xDF && b != 0xD7) || b == 0xE1 || (b >= 0xE3 && b <= 0xE6) ||
          b == 0xEC || b == 0xED || b == 0xA1 || b == 0xBA || b == 0xBF)
        arabic++;
    }

  return high > 0 && arabic * 10 >= high * 7;
}

static gboolean
check_encoding (const char *data, gsize length, GError **error)
{
  const char *bad;

  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error_literal (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING,
                           _ ("The file is saved as UTF-16 (“Unicode Text”); "
                              "save it as “CSV UTF-8” and import it again."));
      return FALSE;
    }

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;

  if (*bad == '\0')
    g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING,
                 _ ("Line %u contains a zero byte, so the file is not CSV "
                    "text; save it as “CSV UTF-8” and import it again."),
                 count_lines (data, bad - data));
  else if (looks_like_windows_1256 ((const guchar *) data, length))
    g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING,
                 _ ("Line %u is not UTF-8 text: the file looks like "
                    "Windows-1256 (Arabic Windows). Save it as “CSV UTF-8” "
                    "and import it again."),
                 count_lines (data, bad - data));
  else
    g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING,
                 _ ("Line %u is not UTF-8 text; save the file as “CSV UTF-8” "
                    "and import it again."),
                 count_lines (data, bad - data));
  return FALSE;
}

/* A semicolon when the first record has more semicolons than commas outside
 * quotes (spreadsheets in locales that write 1,5 for one and a half), a tab
 * when it has tabs and neither, a comma otherwise. */
static char
detect_separator (const char *data, gsize length)
{
  gsize    commas = 0;
  gsize    semicolons = 0;
  gsize    tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted; /* a doubled quote toggles twice */
      else if (quoted)
        continue;
      else if (is_line_end (c))
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (semicolons > commas)
    return ';';
  if (commas == 0 && semicolons == 0 && tabs > 0)
    return '\t';
  return ',';
}

static MkCsvReader *
reader_new_take (char *data, gsize length, const char *display_name, GError **error)
{
  MkCsvReader *reader;
  gsize        start = 0;
  gsize        end;

  /* The UTF-8 byte-order mark Excel writes in front of "CSV UTF-8". */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;

  if (!check_encoding (data + start, length - start, error))
    {
      prefix_with_file (display_name, error);
      g_free (data);
      return NULL;
    }

  end = length;
  while (end > start && is_line_end (data[end - 1]))
    end--;

  reader = g_new0 (MkCsvReader, 1);
  reader->data = data;
  reader->length = length;
  reader->pos = start;
  reader->content_end = end;
  reader->separator = detect_separator (data + start, length - start);
  reader->display_name = g_strdup (display_name);
  reader->line = 1;
  reader->buffer = g_string_new (NULL);
  reader->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->fields = g_ptr_array_new ();

  return reader;
}

static void
set_too_large (GError **error, guint64 size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit_text = g_format_size_full (MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *size_iso = mk_text_isolate_ltr (size_text);
  g_autofree char *limit_iso = mk_text_isolate_ltr (limit_text);

  g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_TOO_LARGE,
               /* Translators: both values are sizes such as "600.0 MiB". */
               _ ("The file is %s, larger than the %s Makhzan can import at "
                  "once; split it into smaller files."),
               size_iso, limit_iso);
}

MkCsvReader *
mk_csv_reader_new_from_file (const char *path, GError **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr (GError) local_error = NULL;
  GStatBuf st;
  char    *contents = NULL;
  gsize    length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);

  /* Refuse a huge file before reading it; check again after, in case it
   * grew in between. */
  if (g_stat (path, &st) == 0 && (guint64) st.st_size > MAX_FILE_SIZE)
    {
      set_too_large (error, (guint64) st.st_size);
      prefix_with_file (display_name, error);
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_autofree char *name = mk_text_isolate (display_name);

      g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_READ,
                   /* Translators: the first value is a file name, the second
                    * the system's explanation. */
                   _ ("Could not read the file “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (length > MAX_FILE_SIZE)
    {
      g_free (contents);
      set_too_large (error, length);
      prefix_with_file (display_name, error);
      return NULL;
    }

  return reader_new_take (contents, length, display_name, error);
}

MkCsvReader *
mk_csv_reader_new_from_data (const char *data, gsize length, GError **error)
{
  char *copy;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > MAX_FILE_SIZE)
    {
      set_too_large (error, length);
      return NULL;
    }

  copy = g_malloc (length + 1);
  if (length > 0)
    memcpy (copy, data, length);
  copy[length] = '\0';

  return reader_new_take (copy, length, NULL, error);
}

void
mk_csv_reader_free (MkCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->data);
  g_free (reader->display_name);
  g_string_free (reader->buffer, TRUE);
  g_array_unref (reader->offsets);
  g_ptr_array_unref (reader->fields);
  g_clear_error (&reader->failure);
  g_free (reader);
}

static void
start_field (MkCsvReader *reader)
{
  gsize offset = reader->buffer->len;

  g_array_append_val (reader->offsets, offset);
}

static void
end_field (MkCsvReader *reader)
{
  g_string_append_c (reader->buffer, '\0');
}

/* Steps over the line end at pos (CRLF, LF or CR) and counts the line. */
static void
skip_line_end (MkCsvReader *reader)
{
  if (reader->data[reader->pos] == '\r' && reader->pos + 1 < reader->length &&
      reader->data[reader->pos + 1] == '\n')
    reader->pos++;
  reader->pos++;
  reader->line++;
}

/* Reads a quoted field whose opening quote is at pos. Line ends inside it
 * are kept as "\n". */
static gboolean
read_quoted (MkCsvReader *reader, GError **error)
{
  const char *data = reader->data;
  guint       open_line = reader->line;

  reader->pos++;
  for (;;)
    {
      gsize run = reader->pos;

      /* Copy plain text in one go. */
      while (run < reader->length && data[run] != '"' && !is_line_end (data[run]))
        run++;
      g_string_append_len (reader->buffer, data + reader->pos, run - reader->pos);
      reader->pos = run;

      if (reader->pos >= reader->length)
        {
          g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_SYNTAX,
                       _ ("The quote (\") that opens a field on line %u is "
                          "never closed; add the closing quote, or remove the "
                          "opening one."),
                       open_line);
          return FALSE;
        }

      if (is_line_end (data[reader->pos]))
        {
          g_string_append_c (reader->buffer, '\n');
          skip_line_end (reader);
        }
      else if (reader->pos + 1 < reader->length && data[reader->pos + 1] == '"')
        {
          g_string_append_c (reader->buffer, '"');
          reader->pos += 2;
        }
      else
        {
          reader->pos++; /* the closing quote */
          break;
        }
    }

  if (reader->pos < reader->length && data[reader->pos] != reader->separator &&
      !is_line_end (data[reader->pos]))
    {
      g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_SYNTAX,
                   _ ("Line %u: a field in quotes is followed by other text "
                      "before the next separator; inside quotes, write a "
                      "quote as two quotes (\"\")."),
                   reader->line);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_csv_reader_next (MkCsvReader        *reader,
                    const char *const **fields,
                    guint              *n_fields,
                    gboolean           *at_end,
                    GError            **error)
{
  const char *data;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *fields = NULL;
  if (n_fields != NULL)
    *n_fields = 0;
  if (at_end != NULL)
    *at_end = FALSE;

  if (reader->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (reader->failure));
      return FALSE;
    }

  /* Only line ends are left: the end of the file. */
  if (reader->pos >= reader->content_end)
    {
      if (at_end != NULL)
        *at_end = TRUE;
      return FALSE;
    }

  data = reader->data;
  reader->record_line = reader->line;
  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->offsets, 0);
  g_ptr_array_set_size (reader->fields, 0);

  for (;;)
    {
      start_field (reader);

      if (reader->pos < reader->length && data[reader->pos] == '"')
        {
          if (!read_quoted (reader, &reader->failure))
            {
              prefix_with_file (reader->display_name, &reader->failure);
              g_propagate_error (error, g_error_copy (reader->failure));
              return FALSE;
            }
        }
      else
        {
          gsize run = reader->pos;

          /* A quote inside an unquoted field (12" pipe) is kept. */
          while (run < reader->length && data[run] != reader->separator && !is_line_end (data[run]))
            run++;
          g_string_append_len (reader->buffer, data + reader->pos, run - reader->pos);
          reader->pos = run;
        }
      end_field (reader);

      if (reader->pos >= reader->length)
        break;
      if (data[reader->pos] == reader->separator)
        {
          reader->pos++;
          continue;
        }
      /* A line end closes the record. */
      skip_line_end (reader);
      break;
    }

  for (guint i = 0; i < reader->offsets->len; i++)
    g_ptr_array_add (reader->fields,
                     reader->buffer->str + g_array_index (reader->offsets, gsize, i));
  g_ptr_array_add (reader->fields, NULL);

  *fields = (const char *const *) reader->fields->pdata;
  if (n_fields != NULL)
    *n_fields = reader->offsets->len;
  return TRUE;
}

guint
mk_csv_reader_get_line (MkCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->record_line;
}
