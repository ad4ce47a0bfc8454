/* mk-cli-kit.c: "kit show", "kit set" and "kit clear", a kit's bill of materials.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"
#include "mk-cli.h"

MkCliTable *
mk_cli_kit_components_table (GPtrArray *components)
{
  MkCliTable *table = mk_cli_table_new ();

  mk_cli_table_add_column (table, "code", _ ("Code"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "quantity", _ ("Quantity"), MK_CLI_VALUE_NUMBER);
  mk_cli_table_add_column (table, "unit", _ ("Unit"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_en", _ ("Name (English)"), MK_CLI_VALUE_TEXT);
  mk_cli_table_add_column (table, "name_ar", _ ("Name (Arabic)"), MK_CLI_VALUE_TEXT);
  for (guint i = 0; i < components->len; i++)
    {
      const MkKitComponent *component = g_ptr_array_index (components, i);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, 0, component->code);
      mk_cli_table_set_int (table, 1, component->quantity);
      mk_cli_table_set (table, 2, component->unit);
      mk_cli_table_set (table, 3, component->name_en);
      mk_cli_table_set (table, 4, component->name_ar);
    }
  return table;
}

char *
mk_cli_kit_components_text (GPtrArray *components)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < components->len; i++)
    {
      const MkKitComponent *component = g_ptr_array_index (components, i);
      g_string_append_printf (text, "%s%s=%" G_GINT64_FORMAT, i ? " " : "", component->code,
                              component->quantity);
    }
  return g_string_free (text, FALSE);
}

/* The kit, which must exist and be marked as a kit. */
static MkRecord *
get_kit (MkDatabase *db,
         const char *code,
         GError    **error)
{
  g_autoptr (MkRecord) kit = mk_master_data_get (db, mk_kind_lookup ("item"), code, error);

  if (kit == NULL)
    return NULL;
  if (!mk_record_get_bool (kit, "is_kit"))
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   /* Translators: %s is an item code. */
                   _ ("Item %s is not a kit; mark it with "
                      "“makhzan-cli edit item %s --is_kit yes”."),
                   mk_record_get_code (kit), mk_record_get_code (kit));
      return NULL;
    }
  return g_steal_pointer (&kit);
}

static gboolean
kit_show (MkCli   *cli,
          char   **args,
          GError **error)
{
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkRecord) kit = NULL;
  g_autoptr (GPtrArray) components = NULL;
  g_autoptr (MkCliTable) table = NULL;

  if (!mk_cli_check_arguments (cli, args, 2, 2, error))
    return FALSE;
  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  kit = get_kit (db, args[2], error);
  if (kit == NULL)
    return FALSE;
  components = mk_kit_get_components (db, mk_record_get_code (kit), error);
  if (components == NULL)
    return FALSE;
  table = mk_cli_kit_components_table (components);
  mk_cli_table_write (table, cli->format);
  return TRUE;
}

/* "SOAP=4" as a component; the quantity may be in Arabic-Indic digits. */
static MkKitComponent *
parse_component (const char *text,
                 GError    **error)
{
  const char      *equals = strrchr (text, '=');
  g_autofree char *code = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 quantity = 0;

  if (equals == NULL || equals == text)
    {
      mk_cli_set_usage_error (error,
                              /* Translators: do not translate COMPONENT=QUANTITY. */
                              _ ("“%s” is not a component; write COMPONENT=QUANTITY, "
                                 "such as SOAP=4."),
                              text);
      return NULL;
    }
  if (!mk_text_parse_int (equals + 1, &quantity, &local_error))
    {
      g_autofree char *shown = g_strndup (text, equals - text);
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   /* Translators: the first %s is an item code, the second says
                    * what is wrong with its quantity. */
                   _ ("The quantity of %s: %s"), shown, local_error->message);
      return NULL;
    }
  code = g_strstrip (g_strndup (text, equals - text));
  return mk_kit_component_new (code, quantity);
}

static gboolean
kit_set (MkCli   *cli,
         char   **args,
         gboolean clear,
         GError **error)
{
  g_autoptr (GPtrArray) components = g_ptr_array_new_with_free_func (
      (GDestroyNotify) mk_kit_component_free);
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkRecord) kit = NULL;
  guint n_args = g_strv_length (args);

  if (!mk_cli_check_arguments (cli, args, clear ? 2 : 3, clear ? 2 : G_MAXUINT, error))
    return FALSE;
  for (guint i = 3; i < n_args; i++)
    {
      MkKitComponent *component = parse_component (args[i], error);
      if (component == NULL)
        return FALSE;
      g_ptr_array_add (components, component);
    }

  db = mk_cli_open_database (cli, TRUE, error);
  if (db == NULL)
    return FALSE;
  kit = get_kit (db, args[2], error);
  if (kit == NULL || !mk_kit_set_components (db, mk_record_get_code (kit), components, error))
    return FALSE;

  if (clear)
    mk_cli_print_line (_ ("Kit %s has no components now."), mk_record_get_code (kit));
  else
    mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE, "Kit %s has %u component.",
                                    "Kit %s has %u components.", components->len),
                       mk_record_get_code (kit), components->len);
  return TRUE;
}

gboolean
mk_cli_command_kit (MkCli   *cli,
                    char  ***args,
                    GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  const char *action;

  context = mk_cli_option_context_new (
      cli, N_ ("show KIT | set KIT COMPONENT=QUANTITY… | clear KIT"),
      N_ ("Shows or replaces the bill of materials of a kit: the quantity of each component in "
          "one kit, in the component’s unit. A kit cannot contain itself, directly or through "
          "another kit."),
      NULL, NULL);
  if (!mk_cli_parse (cli, context, args, error) ||
      !mk_cli_check_arguments (cli, *args, 1, G_MAXUINT, error))
    return FALSE;

  action = (*args)[1];
  if (g_str_equal (action, "show"))
    return kit_show (cli, *args, error);
  if (g_str_equal (action, "set"))
    return kit_set (cli, *args, FALSE, error);
  if (g_str_equal (action, "clear"))
    return kit_set (cli, *args, TRUE, error);

  mk_cli_set_usage_error (error,
                          /* Translators: do not translate show, set and clear. */
                          _ ("“kit %s” is unknown; use kit show, kit set or kit clear."), action);
  return FALSE;
}
