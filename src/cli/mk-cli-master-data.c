/* mk-cli-master-data.c: list, show, add and edit.
 *
 * Generic over the kinds' field descriptors: each field is an option of
 * "add" and "edit" and a column of "list".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"
#include "mk-cli.h"

/* The vocabularies "list" knows, as mk_master_data_list_vocabulary() names them. */
static const char *const vocabularies[] = {
  "units", "item_categories", "population_groups", "site_types", "warehouse_types", "sectors",
  "adjustment_reasons"
};

#define DEFAULT_AUDIT_LIMIT 100
#define MAX_AUDIT_LIMIT 1000000

/* Sentences ---------------------------------------------------------------- */

/* Whole sentences per kind, so that each language can agree them. */
static char *
done_sentence (const MkKind *kind,
               const char   *code,
               gboolean      added)
{
  const char *name = kind->name;

  /* Translators: %s is the code of the record. */
  if (g_str_equal (name, "office"))
    return g_strdup_printf (added ? _ ("Added office %s.") : _ ("Updated office %s."), code);
  if (g_str_equal (name, "warehouse"))
    return g_strdup_printf (added ? _ ("Added warehouse %s.") : _ ("Updated warehouse %s."), code);
  if (g_str_equal (name, "site"))
    return g_strdup_printf (added ? _ ("Added site %s.") : _ ("Updated site %s."), code);
  if (g_str_equal (name, "item"))
    return g_strdup_printf (added ? _ ("Added item %s.") : _ ("Updated item %s."), code);
  if (g_str_equal (name, "donor"))
    return g_strdup_printf (added ? _ ("Added donor %s.") : _ ("Updated donor %s."), code);
  if (g_str_equal (name, "grant"))
    return g_strdup_printf (added ? _ ("Added grant %s.") : _ ("Updated grant %s."), code);
  if (g_str_equal (name, "partner"))
    return g_strdup_printf (added ? _ ("Added partner %s.") : _ ("Updated partner %s."), code);
  if (g_str_equal (name, "household"))
    return g_strdup_printf (added ? _ ("Added household %s.") : _ ("Updated household %s."),
                            code);
  if (g_str_equal (name, "entitlement"))
    return g_strdup_printf (added ? _ ("Added entitlement rule %s.")
                                  : _ ("Updated entitlement rule %s."),
                            code);
  /* A kind added to the core before its sentences were written here. */
  return g_strdup_printf ("%s %s", mk_kind_get_label (kind), code);
}

static void
print_done (const MkKind *kind,
            MkRecord     *record,
            gboolean      added)
{
  g_autofree char *line = done_sentence (kind, mk_record_get_code (record), added);
  mk_cli_print_line ("%s", line);
}

/* list --------------------------------------------------------------------- */

typedef struct
{
  char *search;
  char *limit;
} ListOptions;

static gboolean
list_kind (MkCli        *cli,
           const MkKind *kind,
           const char   *search,
           GError      **error)
{
  g_autoptr (MkDatabase) db = mk_cli_open_database (cli, FALSE, error);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (MkCliTable) table = NULL;

  if (db == NULL)
    return FALSE;
  records = mk_master_data_list (db, kind, search, error);
  if (records == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_kind_columns (table, kind);
  for (guint i = 0; i < records->len; i++)
    mk_cli_table_add_record (table, g_ptr_array_index (records, i));
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

static gboolean
list_places (MkCli      *cli,
             const char *search,
             GError    **error)
{
  g_autoptr (MkDatabase) db = mk_cli_open_database (cli, FALSE, error);
  g_autoptr (GPtrArray) places = NULL;
  g_autoptr (MkCliTable) table = NULL;

  if (db == NULL)
    return FALSE;
  places = mk_places_search (db, search, error);
  if (places == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "pcode", _ ("P-code"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_en", _ ("Baladiya (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_ar", _ ("Baladiya (Arabic)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "mantika_pcode", _ ("Mantika P-code"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "mantika_en", _ ("Mantika (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "mantika_ar", _ ("Mantika (Arabic)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "region_pcode", _ ("Region P-code"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "region_en", _ ("Region (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "region_ar", _ ("Region (Arabic)"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i < places->len; i++)
    {
      const MkPlace *place = g_ptr_array_index (places, i);
      const char    *values[] = {
           place->pcode,
           place->name_en,
           place->name_ar,
           place->mantika_pcode,
           place->mantika_en,
           place->mantika_ar,
           place->region_pcode,
           place->region_en,
           place->region_ar,
      };

      mk_cli_table_add_row (table);
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        mk_cli_table_set (table, c, values[c]);
    }
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

static gboolean
list_vocabulary (MkCli      *cli,
                 const char *name,
                 GError    **error)
{
  g_autoptr (MkDatabase) db = mk_cli_open_database (cli, FALSE, error);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (MkCliTable) table = NULL;

  if (db == NULL)
    return FALSE;
  entries = mk_master_data_list_vocabulary (db, name, error);
  if (entries == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "code", _ ("Code"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_en", _ ("Name (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_ar", _ ("Name (Arabic)"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i < entries->len; i++)
    {
      const MkVocabEntry *entry = g_ptr_array_index (entries, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, entry->code);
      mk_cli_table_set (table, 1, entry->name_en);
      mk_cli_table_set (table, 2, entry->name_ar);
    }
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

static gboolean
list_audit (MkCli   *cli,
            guint    limit,
            GError **error)
{
  g_autoptr (MkDatabase) db = mk_cli_open_database (cli, FALSE, error);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (MkCliTable) table = NULL;

  if (db == NULL)
    return FALSE;
  entries = mk_audit_list (db, limit, error);
  if (entries == NULL)
    return FALSE;

  table = mk_cli_table_new ();
  mk_cli_table_add_column (table, "id", _ ("Entry"), MK_CLI_VALUE_NUMBER);
  /* Translators: when a change was made, in UTC. */
  mk_cli_table_add_column (table, "at", _ ("Time (UTC)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "user", _ ("User"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "function", _ ("Function"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "action", _ ("Action"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "table", _ ("Table"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "row_id", _ ("Row"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "code", _ ("Code"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "details", _ ("Details"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i < entries->len; i++)
    {
      const MkAuditEntry *entry = g_ptr_array_index (entries, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set_int (table, 0, entry->id);
      mk_cli_table_set (table, 1, entry->at);
      mk_cli_table_set (table, 2, entry->user_name);
      mk_cli_table_set (table, 3, entry->user_function);
      mk_cli_table_set (table, 4, entry->action);
      mk_cli_table_set (table, 5, entry->table_name);
      mk_cli_table_set_int (table, 6, entry->row_id);
      mk_cli_table_set (table, 7, entry->code);
      mk_cli_table_set (table, 8, entry->details);
    }
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

/* "item-categories" and "item_categories" name the same vocabulary. */
static const char *
find_vocabulary (const char *name)
{
  g_autofree char *key = g_strdelimit (g_ascii_strdown (name, -1), "-", '_');

  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    if (g_str_equal (vocabularies[i], key))
      return vocabularies[i];
  return NULL;
}

static char *
vocabulary_names (void)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", vocabularies[i]);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

gboolean
mk_cli_command_list (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  ListOptions        options = { NULL, NULL };
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_FILENAME, &options.search,
      N_ ("Only records whose code or names contain TEXT; Arabic spelling variants match"),
      N_ ("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_FILENAME, &options.limit,
      N_ ("The newest N entries of the audit log (default: 100)"), N_ ("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *vocab_names = vocabulary_names ();
  g_autofree char *description = NULL;
  const char      *what;
  const char      *vocab = NULL;
  gboolean         ok = FALSE;

  context = mk_cli_option_context_new (
      cli, N_ ("KIND | places | vocab NAME | audit"),
      N_ ("Lists the records of a kind (office, warehouse, site, item, donor, grant, partner, "
          "household, entitlement), the baladiyas with their mantikas and regions, a "
          "vocabulary, or the audit log."),
      entries, NULL);
  description = g_strdup_printf (_ ("Vocabularies: %s."), vocab_names);
  g_option_context_set_description (context, description);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, 2, error) ||
      !mk_cli_utf8_in_place (&options.search, error) ||
      !mk_cli_utf8_in_place (&options.limit, error))
    goto out;

  what = (*args)[1];
  if (g_str_equal (what, "vocab") || g_str_equal (what, "vocabulary"))
    {
      if ((*args)[2] == NULL)
        {
          mk_cli_set_usage_error (error, _ ("Name the vocabulary: %s."), vocab_names);
          goto out;
        }
      vocab = find_vocabulary ((*args)[2]);
      if (vocab == NULL)
        {
          mk_cli_set_usage_error (error, _ ("There is no vocabulary “%s”; use one of: %s."),
                                  (*args)[2], vocab_names);
          goto out;
        }
    }
  else if (!mk_cli_check_arguments (cli, *args, 1, 1, error))
    goto out;
  else
    vocab = find_vocabulary (what);

  if (options.limit != NULL && !g_str_equal (what, "audit"))
    {
      mk_cli_set_usage_error (error, _ ("--limit applies to the audit log only."));
      goto out;
    }
  if (options.search != NULL && (vocab != NULL || g_str_equal (what, "audit")))
    {
      mk_cli_set_usage_error (error, _ ("--search applies to records and places only."));
      goto out;
    }

  if (vocab != NULL)
    ok = list_vocabulary (cli, vocab, error);
  else if (g_str_equal (what, "places") || g_str_equal (what, "place") ||
           g_str_equal (what, "baladiyas") || g_str_equal (what, "baladiya"))
    ok = list_places (cli, options.search, error);
  else if (g_str_equal (what, "audit"))
    {
      gint64 limit = DEFAULT_AUDIT_LIMIT;
      g_autoptr (GError) local_error = NULL;

      if (options.limit != NULL && (!mk_text_parse_int (options.limit, &limit, &local_error) ||
                                    limit < 1 || limit > MAX_AUDIT_LIMIT))
        {
          mk_cli_set_usage_error (error, _ ("--limit takes a number from 1 to %d."),
                                  MAX_AUDIT_LIMIT);
          goto out;
        }
      ok = list_audit (cli, (guint) limit, error);
    }
  else
    {
      const MkKind *kind = mk_cli_lookup_kind (what, error);
      ok = kind != NULL && list_kind (cli, kind, options.search, error);
    }

out:
  g_free (options.search);
  g_free (options.limit);
  return ok;
}

/* show --------------------------------------------------------------------- */

static gboolean
show_record (MkCli        *cli,
             MkDatabase   *db,
             const MkKind *kind,
             MkRecord     *record,
             GError      **error)
{
  g_autoptr (MkCliTable) table = mk_cli_table_new ();
  g_autoptr (MkCliTable) child = NULL;
  g_autoptr (GPtrArray) components = NULL;
  g_autofree char *child_tsv = NULL;

  /* One household shown to the person at the screen may show its head's
   * name and phone; nothing written for scripts does. */
  mk_cli_table_set_with_personal (table, cli->format == MK_CLI_FORMAT_TABLE);
  mk_cli_table_add_kind_columns (table, kind);
  mk_cli_table_add_record (table, record);

  if (g_str_equal (kind->name, "item") && mk_record_get_bool (record, "is_kit"))
    {
      components = mk_kit_get_components (db, mk_record_get_code (record), error);
      if (components == NULL)
        return FALSE;
      child = mk_cli_kit_components_table (components);
      child_tsv = mk_cli_kit_components_text (components);
    }

  mk_cli_table_write_record (table, cli->format, "components", _ ("Components"), child, child_tsv);
  return TRUE;
}

gboolean
mk_cli_command_show (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkRecord) record = NULL;
  const MkKind *kind;

  context = mk_cli_option_context_new (
      cli, N_ ("KIND CODE"),
      N_ ("Shows one record; for a kit, also its components. KIND is office, warehouse, site, "
          "item, donor, grant, partner, household or entitlement."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 2, 2, error))
    return FALSE;
  kind = mk_cli_lookup_kind ((*args)[1], error);
  if (kind == NULL)
    return FALSE;

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  record = mk_master_data_get (db, kind, (*args)[2], error);
  if (record == NULL)
    return FALSE;
  return show_record (cli, db, kind, record, error);
}

/* add and edit --------------------------------------------------------------- */

/* The fields given on the command line, in their order. */
typedef struct
{
  GPtrArray *names;
  GPtrArray *values;
} FieldValues;

static gboolean
field_option_cb (const char *option_name,
                 const char *value,
                 gpointer    data,
                 GError    **error)
{
  FieldValues *fields = data;

  return mk_cli_take_field_option (fields->names, fields->values, option_name, value, error);
}

/* One option per field, and a hidden one with hyphens for underscores. */
static GOptionEntry *
field_entries_new (const MkKind *kind,
                   GPtrArray    *strings)
{
  GArray *entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const MkField *field = &kind->fields[i];
      GOptionEntry   entry = { field->name,
                               0,
                               G_OPTION_FLAG_FILENAME,
                               G_OPTION_ARG_CALLBACK,
                               (gpointer) field_option_cb,
                               field->label,
                               mk_cli_field_argument (field) };

      mk_cli_append_option_entry (entries, &entry, strings);
    }
  return (GOptionEntry *) g_array_free (entries, FALSE);
}

static char *
required_fields (const MkKind *kind)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].flags & MK_FIELD_REQUIRED) && kind->fields[i].default_text == NULL)
      g_string_append_printf (names, "%s--%s", names->len ? ", " : "", kind->fields[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Parses "add KIND --FIELD VALUE …" or "edit KIND CODE --FIELD VALUE …":
 * the kind comes first, for its fields are the options. */
static gboolean
parse_fields (MkCli         *cli,
              char        ***args,
              gboolean       editing,
              const MkKind **kind_out,
              FieldValues   *fields,
              GError       **error)
{
  /* Freed after the context, whose entries point at them. */
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GOptionContext) context = NULL;
  g_autofree GOptionEntry *entries = NULL;
  g_autofree char         *description = NULL;
  const MkKind            *kind = NULL;
  const char              *first = (*args)[0] != NULL ? (*args)[1] : NULL;

  if (first != NULL && *first != '-')
    {
      kind = mk_cli_lookup_kind (first, error);
      if (kind == NULL)
        return FALSE;
      /* Take the kind out of the arguments. */
      g_free ((*args)[1]);
      memmove (*args + 1, *args + 2, g_strv_length (*args + 1) * sizeof (char *));
      entries = field_entries_new (kind, strings);
    }

  if (editing)
    context = mk_cli_option_context_new (
        cli, N_ ("KIND CODE --FIELD VALUE…"),
        N_ ("Changes fields of a record; an empty value clears an optional field. KIND is office, "
            "warehouse, site, item, donor, grant, partner, household or entitlement; "
            "“makhzan-cli edit KIND --help” lists its fields."),
        entries, fields);
  else
    context = mk_cli_option_context_new (
        cli, N_ ("KIND --FIELD VALUE…"),
        N_ ("Adds a record. KIND is office, warehouse, site, item, donor, grant, partner, "
            "household or entitlement; “makhzan-cli add KIND --help” lists its fields."),
        entries, fields);
  if (kind != NULL)
    {
      g_autofree char *required = required_fields (kind);
      /* Translators: %s lists options, such as “--code, --name_en”. */
      description = g_strdup_printf (_ ("Required fields: %s."), required);
      g_option_context_set_description (context, description);
    }

  if (!mk_cli_parse (cli, context, args, error))
    return FALSE;
  if (kind == NULL)
    {
      mk_cli_lookup_kind (NULL, error);
      return FALSE;
    }
  if (!mk_cli_check_arguments (cli, *args, editing ? 1 : 0, editing ? 1 : 0, error))
    return FALSE;
  if (fields->names->len == 0)
    {
      if (editing)
        mk_cli_set_usage_error (error, _ ("Give the fields to change, such as --name_en TEXT."));
      else
        mk_cli_set_usage_error (error, _ ("Give the fields of the new record, such as "
                                          "--code CODE --name_en TEXT."));
      return FALSE;
    }
  *kind_out = kind;
  return TRUE;
}

static gboolean
set_fields (MkRecord    *record,
            FieldValues *fields,
            GError     **error)
{
  for (guint i = 0; i < fields->names->len; i++)
    if (!mk_record_set_text (record, g_ptr_array_index (fields->names, i),
                             g_ptr_array_index (fields->values, i), error))
      return FALSE;
  return TRUE;
}

static void
field_values_clear (FieldValues *fields)
{
  g_ptr_array_unref (fields->names);
  g_ptr_array_unref (fields->values);
}

gboolean
mk_cli_command_add (MkCli   *cli,
                    char  ***args,
                    GError **error)
{
  FieldValues fields = { g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkRecord) record = NULL;
  const MkKind *kind = NULL;
  gboolean      ok = FALSE;

  if (!parse_fields (cli, args, FALSE, &kind, &fields, error))
    goto out;

  record = mk_record_new (kind);
  if (!set_fields (record, &fields, error))
    goto out;
  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL || !mk_master_data_add (db, record, error))
    goto out;

  print_done (kind, record, TRUE);
  ok = TRUE;

out:
  field_values_clear (&fields);
  return ok;
}

gboolean
mk_cli_command_edit (MkCli   *cli,
                     char  ***args,
                     GError **error)
{
  FieldValues fields = { g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkRecord) record = NULL;
  const MkKind *kind = NULL;
  gboolean      ok = FALSE;

  if (!parse_fields (cli, args, TRUE, &kind, &fields, error))
    goto out;

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    goto out;
  record = mk_master_data_get (db, kind, (*args)[1], error);
  if (record == NULL || !set_fields (record, &fields, error) ||
      !mk_master_data_update (db, record, error))
    goto out;

  print_done (kind, record, FALSE);
  ok = TRUE;

out:
  field_values_clear (&fields);
  return ok;
}
