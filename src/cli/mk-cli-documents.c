/* mk-cli-documents.c: "doc new|post|cancel|delete|show|check|list", stock
 * documents, distributions and service deliveries.
 *
 *   makhzan-cli doc new KIND [--FIELD VALUE…] [--line SPEC…] [--lines FILE.csv]
 *                            [--female-0-4 N … --total N] [--households-file FILE.csv]
 *                            [--post]
 *
 * The header's fields are the options of "doc new KIND", as the fields of a
 * record are those of "add KIND". A line is ITEM=QUANTITY followed by
 * :key=value details, or a row of a CSV file. A distribution or a service
 * counts the people it reached by sex and age; a distribution may instead
 * list what each household received, one CSV row per household and item.
 *
 * Here: doc new, post, cancel and delete, and the dispatch of "doc";
 * mk-cli-document-lines.c reads the lines and household lists,
 * mk-cli-document-show.c shows, checks and lists documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-documents-private.h"
#include "mk-cli-output.h"
#include "mk-cli.h"
#include "mk-distributions.h"

/* A value longer than this is shown cut in messages. */
#define SHOWN_MAX_CHARS 60

/* Sentences and values --------------------------------------------------- */

/* @text as a message shows it: on one line and not too long. */
char *
mk_cli_doc_shown_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString         *shown = g_string_new (NULL);
  guint            n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == SHOWN_MAX_CHARS)
        {
          g_string_append (shown, "…");
          break;
        }
      g_string_append_unichar (shown, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
  return g_string_free (shown, FALSE);
}

gboolean
mk_cli_doc_is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Kinds and statuses: translated for people, as stored for programs. */
const char *
mk_cli_doc_kind_cell (MkCli         *cli,
                      MkDocumentKind kind)
{
  return cli->format == MK_CLI_FORMAT_TABLE ? mk_document_kind_get_label (kind)
                                            : mk_document_kind_to_name (kind);
}

const char *
mk_cli_doc_status_cell (MkCli           *cli,
                        MkDocumentStatus status)
{
  gboolean posted = status == MK_DOCUMENT_POSTED;

  if (cli->format != MK_CLI_FORMAT_TABLE)
    return posted ? "posted" : "draft";
  /* Translators: the status of a stock document in a table. */
  return posted ? C_ ("document", "posted") : C_ ("document", "draft");
}

static char *
kind_names (void)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < MK_DOCUMENT_N_KINDS; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", mk_document_kind_to_name (i));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
mk_cli_doc_lookup_kind (const char     *text,
                        MkDocumentKind *kind,
                        GError        **error)
{
  g_autofree char *names = NULL;

  if (text != NULL && mk_document_kind_from_text (text, kind))
    return TRUE;
  names = kind_names ();
  if (text == NULL)
    mk_cli_set_usage_error (error, _ ("Name the kind of document: %s."), names);
  else
    mk_cli_set_usage_error (error,
                            _ ("There is no kind of document called “%s”; use one of: %s."),
                            text, names);
  return FALSE;
}

/* A document by its number (BEN-WB-2026-00017) or, when @text is a whole
 * number, by its id: drafts have no number. */
MkDocument *
mk_cli_doc_get (MkDatabase *db,
                const char *text,
                GError    **error)
{
  gint64 id = 0;

  if (mk_text_parse_int (text, &id, NULL))
    return mk_documents_get (db, id, error);
  return mk_documents_get_by_number (db, text, error);
}

/* The short record "doc new", "doc post" and "doc cancel" give programs. */
static void
write_result (MkCli      *cli,
              MkDocument *doc)
{
  g_autoptr (MkCliTable) table = mk_cli_table_new ();

  mk_cli_table_add_column (table, "id", _ ("Id"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "number", _ ("Number"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "kind", _ ("Kind"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "status", _ ("Status"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "date", _ ("Date"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_row (table);
  mk_cli_table_set_int (table, 0, mk_document_get_id (doc));
  mk_cli_table_set (table, 1, mk_document_get_number (doc));
  mk_cli_table_set (table, 2, mk_cli_doc_kind_cell (cli, mk_document_get_kind (doc)));
  mk_cli_table_set (table, 3, mk_cli_doc_status_cell (cli, mk_document_get_status (doc)));
  mk_cli_table_take (table, 4, mk_record_get_text (mk_document_get_header (doc), "date"));
  mk_cli_table_write_record (table, cli->format, NULL, NULL, NULL, NULL);
}

static void
print_saved (MkCli      *cli,
             MkDocument *doc)
{
  g_autofree char *id = NULL;

  if (cli->format != MK_CLI_FORMAT_TABLE)
    {
      write_result (cli, doc);
      return;
    }
  if (mk_document_get_status (doc) == MK_DOCUMENT_POSTED)
    {
      /* Translators: %s is a document number, BEN-WB-2026-00017. */
      mk_cli_print_line (_ ("Posted %s."), mk_document_get_number (doc));
      return;
    }
  id = id_text (mk_document_get_id (doc));
  /* Translators: both %s are the draft's id; do not translate the command. */
  mk_cli_print_line (_ ("Saved draft %s; post it with “makhzan-cli doc post %s”."), id, id);
}

/* Whether documents of @kind count the people they reached. */
static gboolean
kind_counts_people (MkDocumentKind kind)
{
  return kind == MK_DOCUMENT_DISTRIBUTION || kind == MK_DOCUMENT_SERVICE;
}

/* doc new ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *names; /* header fields given, in their order */
  GPtrArray *values;
  GPtrArray *specs; /* --line */
  char      *lines_file;
  GPtrArray *count_names; /* --female-0-4 … --total, in their order */
  GPtrArray *count_values;
  char      *households_file;
  gboolean   post;
} NewOptions;

static gboolean
header_option_cb (const char *option_name,
                  const char *value,
                  gpointer    data,
                  GError    **error)
{
  NewOptions *options = data;

  return mk_cli_take_field_option (options->names, options->values, option_name, value, error);
}

static gboolean
line_option_cb (const char *option_name,
                const char *value,
                gpointer    data,
                GError    **error)
{
  NewOptions *options = data;
  char       *text = mk_cli_argument_to_utf8 (value, error);

  if (text == NULL)
    return FALSE;
  g_ptr_array_add (options->specs, text);
  return TRUE;
}

static gboolean
count_option_cb (const char *option_name,
                 const char *value,
                 gpointer    data,
                 GError    **error)
{
  NewOptions *options = data;

  /* --female-0-4 is female_0_4. */
  return mk_cli_take_field_option (options->count_names, options->count_values, option_name,
                                   value, error);
}

/* The argument of --FIELD in --help as "add" shows it, except that a
 * choice shows its choices: "quarantine|loss". */
static const char *
field_argument (const MkField *field)
{
  if (field->type == MK_FIELD_CHOICE)
    return field->vocab;
  return mk_cli_field_argument (field);
}

/* Whether "doc new" takes @field: the number is given at posting. */
static gboolean
is_header_option (const MkField *field)
{
  return !g_str_equal (field->name, "number");
}

/* The options of "doc new KIND": one per header field (and a hidden one
 * with hyphens), the people reached by a distribution or a service, then
 * the lines and --post. */
static GOptionEntry *
new_entries_new (MkDocumentKind kind,
                 const MkKind  *header,
                 NewOptions    *options,
                 GPtrArray     *strings)
{
  GArray            *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  const GOptionEntry common[] = {
    { "line", 'l', G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) line_option_cb,
      N_ ("A line: ITEM=QUANTITY, optionally followed by :lot=L:expiry=YYYY-MM-DD:grant=G:"
          "damaged=N:short=N:to_grant=G:remarks=TEXT (remarks last); repeat for more lines"),
      N_ ("SPEC") },
    { "lines", 0, 0, G_OPTION_ARG_FILENAME, &options->lines_file,
      N_ ("Lines from a CSV file with the columns item and quantity, and optionally lot, "
          "expiry, grant, damaged, short, to_grant and remarks"),
      N_ ("FILE.csv") },
    { "post", 'p', 0, G_OPTION_ARG_NONE, &options->post,
      N_ ("Post the document at once instead of saving a draft"), NULL },
  };

  for (guint i = 0; header != NULL && i < header->n_fields; i++)
    {
      const MkField *field = &header->fields[i];
      GOptionEntry   entry = { field->name,
                               0,
                               G_OPTION_FLAG_FILENAME,
                               G_OPTION_ARG_CALLBACK,
                               (gpointer) header_option_cb,
                               field->label,
                               field_argument (field) };

      if (!is_header_option (field))
        continue;
      mk_cli_append_option_entry (entries, &entry, strings);
    }
  if (header != NULL && kind_counts_people (kind))
    {
      const char *const *names = mk_people_counts_field_names ();

      for (guint i = 0; names[i] != NULL; i++)
        {
          char        *label = mk_cli_people_count_label (names[i]);
          GOptionEntry entry = { names[i],
                                 0,
                                 G_OPTION_FLAG_FILENAME,
                                 G_OPTION_ARG_CALLBACK,
                                 (gpointer) count_option_cb,
                                 label,
                                 N_ ("NUMBER") };

          /* A header field of the same name keeps its option. */
          if (mk_kind_find_field (header, names[i]) != NULL)
            {
              g_free (label);
              continue;
            }
          g_ptr_array_add (strings, label);
          mk_cli_append_option_entry (entries, &entry, strings);
        }
    }
  if (kind == MK_DOCUMENT_DISTRIBUTION)
    {
      const GOptionEntry entry = {
        "households-file", 0, 0, G_OPTION_ARG_FILENAME, &options->households_file,
        N_ ("What each household received, from a CSV file with the columns household, item "
            "and quantity, and optionally override_reason; instead of the counts"),
        N_ ("FILE.csv")
      };
      g_array_append_val (entries, entry);
    }
  g_array_append_vals (entries, common, G_N_ELEMENTS (common));
  return (GOptionEntry *) g_array_free (entries, FALSE);
}

/* Names the line of the household list whose receipt a refused save or
 * posting names, as for the lines of a lines file. */
static void
prefix_receipt_line (MkDocument *doc,
                     GError    **error,
                     const char *path,
                     GArray     *receipt_lines)
{
  guint refused = mk_document_get_invalid_receipt (doc);

  if (refused > 0 && refused <= receipt_lines->len)
    {
      g_autofree char *display = g_filename_display_basename (path);
      guint            file_line = g_array_index (receipt_lines, guint, refused - 1);

      g_prefix_error (error, _ ("%s, line %u: "), display, file_line);
    }
}

static char *
required_fields (const MkKind *header)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < header->n_fields; i++)
    if (is_header_option (&header->fields[i]) &&
        (header->fields[i].flags & MK_FIELD_REQUIRED) && header->fields[i].default_text == NULL)
      g_string_append_printf (names, "%s--%s", names->len ? ", " : "", header->fields[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
doc_new (MkCli   *cli,
         char  ***args,
         GError **error)
{
  NewOptions options = { g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         NULL,
                         g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         NULL,
                         FALSE };
  /* Freed after the context, whose entries point at them. */
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;
  g_autoptr (GArray) file_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) receipt_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char         *description = NULL;
  g_autofree char         *names = kind_names ();
  const MkKind            *header = NULL;
  MkDocumentKind           kind = MK_DOCUMENT_GRN;
  const char              *first = (*args)[0] != NULL ? (*args)[1] : NULL;
  gboolean                 ok = FALSE;

  /* The kind comes first, for its fields are the options. */
  if (first != NULL && *first != '-')
    {
      if (!mk_cli_doc_lookup_kind (first, &kind, error))
        goto out;
      header = mk_document_kind_get_header (kind);
      g_free ((*args)[1]);
      memmove (*args + 1, *args + 2, g_strv_length (*args + 1) * sizeof (char *));
    }
  entries = new_entries_new (kind, header, &options, strings);

  context = mk_cli_option_context_new (
      cli, N_ ("KIND --FIELD VALUE… --line SPEC…"),
      N_ ("Creates a stock document and saves it as a draft, or posts it with --post. "
          "“makhzan-cli doc new KIND --help” lists the fields of a kind."),
      entries, &options);
  if (header != NULL)
    {
      g_autofree char *required = required_fields (header);
      /* Translators: %s lists options, such as “--date, --warehouse”. */
      description = g_strdup_printf (_ ("Required fields: %s."), required);
    }
  else
    /* Translators: %s lists the kinds: grn, waybill … */
    description = g_strdup_printf (_ ("Kinds: %s."), names);
  g_option_context_set_description (context, description);

  if (!mk_cli_parse (cli, context, args, error))
    goto out;
  if (header == NULL)
    {
      mk_cli_doc_lookup_kind (NULL, &kind, error);
      goto out;
    }
  if (!mk_cli_check_arguments (cli, *args, 0, 0, error))
    goto out;
  if (options.households_file != NULL && options.count_names->len > 0)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the options. */
                              _ ("A household list counts its households’ members: give either "
                                 "--households-file or the counts such as --female-18-59, not "
                                 "both."));
      goto out;
    }

  doc = mk_document_new (kind);
  for (guint i = 0; i < options.names->len; i++)
    if (!mk_record_set_text (mk_document_get_header (doc), g_ptr_array_index (options.names, i),
                             g_ptr_array_index (options.values, i), error))
      goto out;
  for (guint i = 0; i < options.specs->len; i++)
    {
      MkDocumentLine *line = mk_cli_doc_parse_line_spec (g_ptr_array_index (options.specs, i), error);
      if (line == NULL)
        goto out;
      mk_document_add_line (doc, line);
    }
  if (options.lines_file != NULL && !mk_cli_doc_read_lines_file (doc, options.lines_file, file_lines, error))
    goto out;
  /* The core's message names the count. */
  for (guint i = 0; i < options.count_names->len; i++)
    if (!mk_people_counts_set_text (mk_document_get_counts (doc),
                                    g_ptr_array_index (options.count_names, i),
                                    g_ptr_array_index (options.count_values, i), error))
      goto out;
  if (options.households_file != NULL &&
      !mk_cli_doc_read_receipts_file (doc, options.households_file, receipt_lines, error))
    goto out;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    goto out;
  /* Posting saves the document in its own transaction: a refused posting
   * leaves no draft behind. */
  if (options.post ? !mk_documents_post (db, doc, error)
                   : !mk_documents_save_draft (db, doc, error))
    {
      /* A refused line that came from the file is named by its line there. */
      guint refused = mk_document_get_invalid_line (doc);

      if (refused > options.specs->len && refused - options.specs->len <= file_lines->len)
        {
          g_autofree char *display = g_filename_display_basename (options.lines_file);
          guint            file_line = g_array_index (file_lines, guint, refused - options.specs->len - 1);
          /* Translators: “lines.csv, line 3: ” before the document's message. */
          g_prefix_error (error, _ ("%s, line %u: "), display, file_line);
        }
      else if (options.households_file != NULL)
        prefix_receipt_line (doc, error, options.households_file, receipt_lines);
      goto out;
    }
  print_saved (cli, doc);
  ok = TRUE;

out:
  g_ptr_array_unref (options.names);
  g_ptr_array_unref (options.values);
  g_ptr_array_unref (options.specs);
  g_free (options.lines_file);
  g_ptr_array_unref (options.count_names);
  g_ptr_array_unref (options.count_values);
  g_free (options.households_file);
  return ok;
}

/* doc post and doc delete -------------------------------------------------------- */

static gboolean
doc_post (MkCli   *cli,
          char  ***args,
          GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("ID"),
      N_ ("Posts a saved draft: checks it, gives it its number and changes the stock."), NULL,
      NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    return FALSE;
  doc = mk_cli_doc_get (db, (*args)[1], error);
  if (doc == NULL || !mk_documents_post (db, doc, error))
    return FALSE;
  print_saved (cli, doc);
  return TRUE;
}

static gboolean
doc_delete (MkCli   *cli,
            char  ***args,
            GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) doc = NULL;
  g_autofree char *id = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("ID"),
      N_ ("Deletes a draft. A posted document is never deleted: cancel it instead."), NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    return FALSE;
  doc = mk_cli_doc_get (db, (*args)[1], error);
  if (doc == NULL || !mk_documents_delete_draft (db, mk_document_get_id (doc), error))
    return FALSE;
  id = id_text (mk_document_get_id (doc));
  /* Translators: %s is the draft's id. */
  mk_cli_print_line (_ ("Deleted draft %s."), id);
  return TRUE;
}

/* doc cancel ---------------------------------------------------------------- */

static gboolean
doc_cancel (MkCli   *cli,
            char  ***args,
            GError **error)
{
  char              *date = NULL;
  char              *reason = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date,
      N_ ("The date of the cancellation (default: the original’s date)"), N_ ("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_FILENAME, &reason, N_ ("Why the document is cancelled"),
      N_ ("TEXT") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkDocument) original = NULL;
  g_autoptr (MkDocument) cancellation = NULL;
  gboolean ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("NUMBER --reason TEXT"),
      N_ ("Cancels a posted document with a cancellation whose movements reverse it. A "
          "received waybill is cancelled by cancelling its reception first."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 1, error) ||
      !mk_cli_utf8_in_place (&reason, error) ||
      !mk_cli_parse_date_option ("--date", &date, error))
    goto out;
  if (reason == NULL || mk_cli_doc_is_blank (reason))
    {
      mk_cli_set_usage_error (error, _ ("Say why the document is cancelled, with --reason TEXT."));
      goto out;
    }

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    goto out;
  original = mk_documents_get_by_number (db, (*args)[1], error);
  if (original == NULL)
    goto out;
  cancellation = mk_documents_cancel (db, mk_document_get_number (original), date, reason, error);
  if (cancellation == NULL)
    goto out;
  if (cli->format == MK_CLI_FORMAT_TABLE)
    /* Translators: “Cancelled BEN-GRN-2026-00002 with BEN-CAN-2026-00001.” */
    mk_cli_print_line (_ ("Cancelled %s with %s."), mk_document_get_number (original),
                       mk_document_get_number (cancellation));
  else
    write_result (cli, cancellation);
  ok = TRUE;

out:
  g_free (date);
  g_free (reason);
  return ok;
}

/* doc ------------------------------------------------------------------------ */

typedef struct
{
  const char      *name;
  const char      *command; /* for messages and help: "doc new" */
  MkCliCommandFunc func;
  const char      *summary; /* N_() */
} Action;

static const Action actions[] = {
  { "new", "doc new", doc_new, N_ ("Create a document: a draft, or posted with --post") },
  { "post", "doc post", doc_post, N_ ("Post a saved draft") },
  { "cancel", "doc cancel", doc_cancel, N_ ("Cancel a posted document") },
  { "delete", "doc delete", doc_delete, N_ ("Delete a draft") },
  { "show", "doc show", mk_cli_doc_show, N_ ("Show a document with its lines and totals") },
  { "check", "doc check", mk_cli_doc_check,
    N_ ("Check a household list against the entitlement rules") },
  { "list", "doc list", mk_cli_doc_list, N_ ("List documents") },
};

static char *
actions_description (void)
{
  GString         *text = g_string_new (_ ("Actions:"));
  g_autofree char *names = kind_names ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_string_append_printf (text, "\n  %-6s  %s", actions[i].name, _ (actions[i].summary));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, _ ("Kinds: %s."), names);
  return g_string_free (text, FALSE);
}

gboolean
mk_cli_command_doc (MkCli   *cli,
                    char  ***args,
                    GError **error)
{
  const Action *action = NULL;
  const char   *command = cli->command;
  gboolean      ok;

  if ((*args)[1] == NULL || *(*args)[1] == '-')
    {
      /* Global options and --help before the action. */
      g_autoptr (GOptionContext) context = NULL;
      g_autofree char *description = actions_description ();
      guint            raw_from = cli->raw_arguments_from;

      context = mk_cli_option_context_new (
          cli, N_ ("ACTION ARGUMENTS…"),
          N_ ("Creates, posts, cancels and shows stock documents: goods received notes, waybills "
              "and their receptions, kitting, stock counts, adjustments, distributions and "
              "service deliveries. "
              "“makhzan-cli doc ACTION --help” shows the options of an action."),
          NULL, NULL);
      g_option_context_set_description (context, description);
      g_option_context_set_strict_posix (context, TRUE);
      /* The action converts its own arguments: some are file names. */
      cli->raw_arguments_from = 1;
      ok = mk_cli_parse (cli, context, args, error);
      cli->raw_arguments_from = raw_from;
      if (!ok)
        return FALSE;
      if ((*args)[1] == NULL)
        {
          /* Translators: do not translate the actions. */
          mk_cli_set_usage_error (error, _ ("Name an action: doc new, doc post, doc cancel, "
                                            "doc delete, doc show, doc check or doc list."));
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (actions[i].name, (*args)[1]))
      action = &actions[i];
  if (action == NULL)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate the actions. */
                              _ ("“doc %s” is unknown; use doc new, doc post, doc cancel, "
                                 "doc delete, doc show, doc check or doc list."),
                              (*args)[1]);
      return FALSE;
    }

  /* The action's arguments, with the action in place of the command. */
  g_free ((*args)[1]);
  memmove (*args + 1, *args + 2, g_strv_length (*args + 1) * sizeof (char *));
  cli->command = action->command;
  {
    g_autofree char *prgname = g_strdup_printf ("makhzan-cli %s", action->command);
    g_set_prgname (prgname);
    ok = action->func (cli, args, error);
  }
  cli->command = command;
  return ok;
}
