/* mk-cli-output.c: rows of values written as a table, TSV or JSON.
 *
 * Tables are for people: translated headers, aligned columns, yes and no in
 * the interface's language. TSV and JSON are for programs: field names as
 * keys, values as stored, the same in every language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"

typedef struct
{
  char          *name;
  char          *label;
  MkCliValueType type;
} Column;

struct _MkCliTable
{
  GPtrArray *columns;       /* Column * */
  GPtrArray *rows;          /* char *[n_columns], NULL for an unset cell */
  gboolean   with_personal; /* show names and phone numbers of people */
};

static void
column_free (Column *column)
{
  g_free (column->name);
  g_free (column->label);
  g_free (column);
}

MkCliTable *
mk_cli_table_new (void)
{
  MkCliTable *table = g_new0 (MkCliTable, 1);

  table->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  table->rows = g_ptr_array_new ();
  return table;
}

void
mk_cli_table_free (MkCliTable *table)
{
  if (table == NULL)
    return;
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->columns->len; c++)
        g_free (cells[c]);
      g_free (cells);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_free (table);
}

guint
mk_cli_table_add_column (MkCliTable    *table,
                         const char    *name,
                         const char    *label,
                         MkCliValueType type)
{
  Column *column = g_new0 (Column, 1);

  g_return_val_if_fail (table->rows->len == 0, 0);

  column->name = g_strdup (name);
  column->label = g_strdup (label);
  column->type = type;
  g_ptr_array_add (table->columns, column);
  return table->columns->len - 1;
}

void
mk_cli_table_set_with_personal (MkCliTable *table,
                                gboolean    with_personal)
{
  g_return_if_fail (table->columns->len == 0);
  table->with_personal = with_personal;
}

void
mk_cli_table_add_kind_columns (MkCliTable   *table,
                               const MkKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      MkCliValueType type = MK_CLI_VALUE_TEXT;

      /* Names and phone numbers of people never leave in a list or in
       * TSV and JSON, which end up in files. */
      if ((field->flags & MK_FIELD_PERSONAL) && !table->with_personal)
        continue;

      switch (field->type)
        {
        case MK_FIELD_INT:
        case MK_FIELD_DECIMAL:
          type = MK_CLI_VALUE_NUMBER;
          break;
        case MK_FIELD_BOOL:
          type = MK_CLI_VALUE_BOOL;
          break;
        case MK_FIELD_CODE:
        case MK_FIELD_TEXT:
        case MK_FIELD_DATE:
        case MK_FIELD_VOCAB:
        case MK_FIELD_PLACE:
        case MK_FIELD_REF:
        case MK_FIELD_CHOICE:
        default:
          break;
        }
      mk_cli_table_add_column (table, field->name, mk_field_get_label (field), type);
    }
}

guint
mk_cli_table_get_n_rows (MkCliTable *table)
{
  return table->rows->len;
}

void
mk_cli_table_add_row (MkCliTable *table)
{
  g_ptr_array_add (table->rows, g_new0 (char *, table->columns->len + 1));
}

void
mk_cli_table_take (MkCliTable *table,
                   guint       column,
                   char       *value)
{
  char **cells;

  g_return_if_fail (table->rows->len > 0);
  g_return_if_fail (column < table->columns->len);

  cells = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_free (cells[column]);
  cells[column] = value;
}

void
mk_cli_table_set (MkCliTable *table,
                  guint       column,
                  const char *value)
{
  mk_cli_table_take (table, column, g_strdup (value));
}

void
mk_cli_table_set_int (MkCliTable *table,
                      guint       column,
                      gint64      value)
{
  mk_cli_table_take (table, column, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
mk_cli_table_add_record (MkCliTable *table,
                         MkRecord   *record)
{
  const MkKind *kind = mk_record_get_kind (record);

  mk_cli_table_add_row (table);
  /* The columns are the kind's fields in order, less those left out. */
  for (guint i = 0, column = 0; i < kind->n_fields && column < table->columns->len; i++)
    {
      if ((kind->fields[i].flags & MK_FIELD_PERSONAL) && !table->with_personal)
        continue;
      mk_cli_table_take (table, column++, mk_record_get_text (record, kind->fields[i].name));
    }
}

/* Text for people -------------------------------------------------------- */

/* Columns a terminal gives the text: combining marks, isolates and other
 * format characters take none, East Asian wide characters two. */
static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* A cell as shown in a table: on one line, yes and no translated. */
static char *
people_text (const Column *column,
             const char   *value)
{
  GString *text;

  if (value == NULL)
    return g_strdup ("");
  if (column->type == MK_CLI_VALUE_BOOL)
    {
      /* Translators: a yes/no value in a table of the command-line tool. */
      if (g_str_equal (value, "yes"))
        return g_strdup (C_ ("value", "yes"));
      if (g_str_equal (value, "no"))
        return g_strdup (C_ ("value", "no"));
    }

  text = g_string_new (NULL);
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (text, ' ');
      else if (g_unichar_iscntrl (c))
        g_string_append_unichar (text, 0xFFFD);
      else
        g_string_append_unichar (text, c);
    }
  return g_string_free (text, FALSE);
}

static void
append_padding (GString *out,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static void
append_line (GString   *out,
             guint      indent,
             GPtrArray *columns,
             char     **cells,
             gsize     *widths)
{
  gsize start = out->len;

  append_padding (out, indent);
  for (guint c = 0; c < columns->len; c++)
    {
      const Column *column = g_ptr_array_index (columns, c);
      gsize         width = display_width (cells[c]);
      gsize         pad = widths[c] > width ? widths[c] - width : 0;

      if (c > 0)
        g_string_append (out, "  ");
      if (column->type == MK_CLI_VALUE_NUMBER)
        {
          append_padding (out, pad);
          g_string_append (out, cells[c]);
        }
      else
        {
          g_string_append (out, cells[c]);
          append_padding (out, pad);
        }
    }
  /* No spaces at the end of a line. */
  while (out->len > start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

static void
append_table (GString    *out,
              MkCliTable *table,
              guint       indent)
{
  guint             n_columns = table->columns->len;
  g_autofree gsize *widths = g_new0 (gsize, n_columns);
  g_autofree char **header = g_new0 (char *, n_columns + 1);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint c = 0; c < n_columns; c++)
    {
      const Column *column = g_ptr_array_index (table->columns, c);
      header[c] = column->label;
      widths[c] = display_width (column->label);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      char **line = g_new0 (char *, n_columns + 1);

      for (guint c = 0; c < n_columns; c++)
        {
          line[c] = people_text (g_ptr_array_index (table->columns, c), cells[c]);
          widths[c] = MAX (widths[c], display_width (line[c]));
        }
      g_ptr_array_add (lines, line);
    }

  append_line (out, indent, table->columns, header, widths);
  for (guint r = 0; r < lines->len; r++)
    append_line (out, indent, table->columns, g_ptr_array_index (lines, r), widths);
}

/* TSV -------------------------------------------------------------------- */

static void
append_tsv_value (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;
  for (const char *p = value; *p; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        g_string_append_c (out, *p);
        break;
      }
}

/* The header and the rows, each without its line end. */
static void
append_tsv_header (GString    *out,
                   MkCliTable *table)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *column = g_ptr_array_index (table->columns, c);
      if (c > 0)
        g_string_append_c (out, '\t');
      append_tsv_value (out, column->name);
    }
}

static void
append_tsv_row (GString    *out,
                MkCliTable *table,
                char      **cells)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, '\t');
      append_tsv_value (out, cells[c]);
    }
}

/* JSON ------------------------------------------------------------------- */

/* Whether @text is a number as JSON writes them: -?digits(.digits)?. */
static gboolean
is_json_number (const char *text)
{
  const char *p = text;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0' && g_ascii_isdigit (p[1]))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static void
append_json_value (GString       *out,
                   MkCliValueType type,
                   const char    *value)
{
  if (value == NULL)
    g_string_append (out, "null");
  else if (type == MK_CLI_VALUE_NUMBER && is_json_number (value))
    g_string_append (out, value);
  else if (type == MK_CLI_VALUE_BOOL && g_str_equal (value, "yes"))
    g_string_append (out, "true");
  else if (type == MK_CLI_VALUE_BOOL && g_str_equal (value, "no"))
    g_string_append (out, "false");
  else
    mk_json_append_string (out, value);
}

/* The members of one row's object, without the braces. */
static void
append_json_members (GString    *out,
                     MkCliTable *table,
                     char      **cells,
                     const char *separator)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const Column *column = g_ptr_array_index (table->columns, c);

      if (c > 0)
        g_string_append (out, separator);
      mk_json_append_string (out, column->name);
      g_string_append (out, ": ");
      append_json_value (out, column->type, cells[c]);
    }
}

static void
append_json_array (GString    *out,
                   MkCliTable *table,
                   const char *indent)
{
  if (table->rows->len == 0)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append (out, "[\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_string_append_printf (out, "%s  {", indent);
      append_json_members (out, table, g_ptr_array_index (table->rows, r), ", ");
      g_string_append (out, r + 1 < table->rows->len ? "},\n" : "}\n");
    }
  g_string_append_printf (out, "%s]", indent);
}

/* Writing ---------------------------------------------------------------- */

void
mk_cli_table_write (MkCliTable *table,
                    MkCliFormat format)
{
  g_autoptr (GString) out = g_string_new (NULL);

  switch (format)
    {
    case MK_CLI_FORMAT_TSV:
      append_tsv_header (out, table);
      g_string_append_c (out, '\n');
      for (guint r = 0; r < table->rows->len; r++)
        {
          append_tsv_row (out, table, g_ptr_array_index (table->rows, r));
          g_string_append_c (out, '\n');
        }
      break;
    case MK_CLI_FORMAT_JSON:
      append_json_array (out, table, "");
      g_string_append_c (out, '\n');
      break;
    case MK_CLI_FORMAT_TABLE:
    default:
      append_table (out, table, 0);
      break;
    }
  mk_cli_write (out->str);
}

void
mk_cli_table_write_record (MkCliTable *table,
                           MkCliFormat format,
                           const char *child_name,
                           const char *child_label,
                           MkCliTable *child,
                           const char *child_tsv)
{
  const MkCliChild only = { child_name, child_label, child, child_tsv };

  mk_cli_table_write_record_children (table, format, &only, child != NULL ? 1 : 0);
}

void
mk_cli_table_write_record_children (MkCliTable       *table,
                                    MkCliFormat       format,
                                    const MkCliChild *children,
                                    guint             n_children)
{
  g_autoptr (GString) out = g_string_new (NULL);
  char **cells;

  g_return_if_fail (table->rows->len > 0);
  cells = g_ptr_array_index (table->rows, 0);

  switch (format)
    {
    case MK_CLI_FORMAT_TSV:
      /* Each child is a column of its own, after the record's. */
      append_tsv_header (out, table);
      for (guint i = 0; i < n_children; i++)
        {
          g_string_append_c (out, '\t');
          append_tsv_value (out, children[i].name);
        }
      g_string_append_c (out, '\n');
      append_tsv_row (out, table, cells);
      for (guint i = 0; i < n_children; i++)
        {
          g_string_append_c (out, '\t');
          append_tsv_value (out, children[i].tsv ? children[i].tsv : "");
        }
      g_string_append_c (out, '\n');
      break;

    case MK_CLI_FORMAT_JSON:
      g_string_append (out, "{\n  ");
      append_json_members (out, table, cells, ",\n  ");
      for (guint i = 0; i < n_children; i++)
        {
          g_string_append (out, ",\n  ");
          mk_json_append_string (out, children[i].name);
          g_string_append (out, ": ");
          append_json_array (out, children[i].table, "  ");
        }
      g_string_append (out, "\n}\n");
      break;

    case MK_CLI_FORMAT_TABLE:
    default:
      {
        gsize width = 0;

        for (guint c = 0; c < table->columns->len; c++)
          {
            const Column *column = g_ptr_array_index (table->columns, c);
            width = MAX (width, display_width (column->label));
          }
        for (guint c = 0; c < table->columns->len; c++)
          {
            const Column    *column = g_ptr_array_index (table->columns, c);
            g_autofree char *value = people_text (column, cells[c]);
            gsize            start = out->len;

            /* Translators: a label and its value, "Unit: bar"; keep the
             * colon as your language writes it. */
            g_string_append_printf (out, C_ ("label", "%s:"), column->label);
            append_padding (out, width + 2 - MIN (width + 1, display_width (out->str + start)));
            g_string_append (out, value);
            while (out->len > start && out->str[out->len - 1] == ' ')
              g_string_truncate (out, out->len - 1);
            g_string_append_c (out, '\n');
          }
        for (guint i = 0; i < n_children; i++)
          {
            const MkCliChild *child = &children[i];

            g_string_append_printf (out, C_ ("label", "%s:"), child->label);
            if (child->table->rows->len == 0)
              {
                g_string_append_c (out, ' ');
                /* Translators: a list with nothing in it, "Components: none". */
                g_string_append (out, C_ ("list", "none"));
                g_string_append_c (out, '\n');
              }
            else
              {
                g_string_append_c (out, '\n');
                append_table (out, child->table, 2);
              }
          }
      }
      break;
    }
  mk_cli_write (out->str);
}
