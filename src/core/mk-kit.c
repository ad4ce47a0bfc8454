/* mk-kit.c: kits and their bills of materials.
 *
 * Owns the kit_components table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-kit"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-audit-private.h"
#include "mk-database-private.h"
#include "mk-json.h"
#include "mk-kit-private.h"
#include "mk-master-data.h"
#include "mk-record-private.h"
#include "mk-text.h"

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-kit-error-quark, mk_kit_error)
/* clang-format on */

/* More of one component in one kit than this is a typing mistake. */
#define COMPONENT_QUANTITY_MAX 100000

MkKitComponent *
mk_kit_component_new (const char *code,
                      gint64      quantity)
{
  MkKitComponent *component = g_new0 (MkKitComponent, 1);

  component->code = g_strdup (code);
  component->quantity = quantity;
  return component;
}

void
mk_kit_component_free (MkKitComponent *component)
{
  if (component == NULL)
    return;
  g_free (component->code);
  g_free (component->name_en);
  g_free (component->name_ar);
  g_free (component->unit);
  g_free (component);
}

static char *
describe_kit (const char *code)
{
  g_autofree char *quoted = _mk_record_quote_value (code);
  /* Translators: “Kit HK-001” in messages. */
  return g_strdup_printf (_ ("Kit %s"), quoted);
}

/* Whether @kit_id is among the components of @item_id, at any depth. */
static gboolean
contains (MkDatabase *db,
          gint64      item_id,
          gint64      kit_id,
          gboolean   *found,
          GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "WITH RECURSIVE inside (id) AS ("
      "  SELECT component_id FROM kit_components WHERE kit_id = ?1"
      "  UNION SELECT kc.component_id FROM kit_components kc"
      "  JOIN inside ON kc.kit_id = inside.id)"
      " SELECT 1 FROM inside WHERE id = ?2 LIMIT 1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, kit_id);
  if (!_mk_database_step (db, stmt, found, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_component (MkDatabase     *db,
                 MkRecord       *kit,
                 MkKitComponent *component,
                 GHashTable     *seen,
                 GError        **error)
{
  const MkKind    *items = mk_kind_lookup ("item");
  const char      *kit_code = mk_record_get_code (kit);
  g_autofree char *kit_text = describe_kit (kit_code);
  g_autoptr (MkRecord) item = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean cycle = FALSE;

  if (component->code == NULL || *component->code == '\0')
    {
      g_set_error (error, MK_KIT_ERROR, MK_KIT_ERROR_BAD_QUANTITY,
                   _ ("%s: a component has no item code."), kit_text);
      return FALSE;
    }

  item = mk_master_data_get (db, items, component->code, &local_error);
  if (item == NULL)
    {
      g_set_error (error, MK_KIT_ERROR, MK_KIT_ERROR_NOT_A_KIT, "%s: %s",
                   kit_text, local_error->message);
      return FALSE;
    }

  {
    g_autofree char *quoted = _mk_record_quote_value (mk_record_get_code (item));

    if (component->quantity <= 0 || component->quantity > COMPONENT_QUANTITY_MAX)
      {
        g_autofree char *max = g_strdup_printf ("%d", COMPONENT_QUANTITY_MAX);
        g_autofree char *max_iso = mk_text_isolate_ltr (max);
        g_set_error (error, MK_KIT_ERROR, MK_KIT_ERROR_BAD_QUANTITY,
                     _ ("%s: the quantity of %s must be from 1 to %s."), kit_text,
                     quoted, max_iso);
        return FALSE;
      }

    if (g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize) mk_record_get_id (item))))
      {
        g_set_error (error, MK_KIT_ERROR, MK_KIT_ERROR_DUPLICATE,
                     _ ("%s: %s is listed twice; give it once with the total quantity."),
                     kit_text, quoted);
        return FALSE;
      }
    g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) mk_record_get_id (item)));

    if (mk_record_get_id (item) == mk_record_get_id (kit))
      cycle = TRUE;
    else if (!contains (db, mk_record_get_id (item), mk_record_get_id (kit),
                        &cycle, error))
      return FALSE;
    if (cycle)
      {
        g_set_error (error, MK_KIT_ERROR, MK_KIT_ERROR_CYCLE,
                     _ ("%s cannot contain %s: the kit would contain itself."),
                     kit_text, quoted);
        return FALSE;
      }
  }

  component->item_id = mk_record_get_id (item);
  g_free (component->code);
  component->code = g_strdup (mk_record_get_code (item));
  return TRUE;
}

gboolean
mk_kit_set_components (MkDatabase *db,
                       const char *kit_code,
                       GPtrArray  *components,
                       GError    **error)
{
  g_autoptr (MkRecord) kit = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GString) details = g_string_new ("[");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kit_code != NULL, FALSE);
  g_return_val_if_fail (components != NULL, FALSE);

  if (!_mk_database_begin (db, error))
    return FALSE;

  kit = mk_master_data_get (db, mk_kind_lookup ("item"), kit_code, error);
  if (kit == NULL)
    goto fail;
  if (!mk_record_get_bool (kit, "is_kit"))
    {
      g_autofree char *quoted = _mk_record_quote_value (mk_record_get_code (kit));
      g_set_error (error, MK_KIT_ERROR, MK_KIT_ERROR_NOT_A_KIT,
                   _ ("Item %s is not a kit; mark it as a kit before giving it components."),
                   quoted);
      goto fail;
    }

  for (guint i = 0; i < components->len; i++)
    if (!check_component (db, kit, g_ptr_array_index (components, i), seen, error))
      goto fail;

  stmt = _mk_database_statement (db, "DELETE FROM kit_components WHERE kit_id = ?1",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, mk_record_get_id (kit));
  if (!_mk_database_exec_stmt (db, stmt, error))
    goto fail;

  for (guint i = 0; i < components->len; i++)
    {
      MkKitComponent *component = g_ptr_array_index (components, i);

      stmt = _mk_database_statement (
          db,
          "INSERT INTO kit_components (kit_id, component_id, quantity)"
          " VALUES (?1, ?2, ?3)",
          error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, mk_record_get_id (kit));
      sqlite3_bind_int64 (stmt, 2, component->item_id);
      sqlite3_bind_int64 (stmt, 3, component->quantity);
      if (!_mk_database_exec_stmt (db, stmt, error))
        goto fail;

      g_string_append (details, i ? ", {\"code\": " : "{\"code\": ");
      mk_json_append_string (details, component->code);
      g_string_append_printf (details, ", \"quantity\": %" G_GINT64_FORMAT "}",
                              component->quantity);
    }
  g_string_append_c (details, ']');

  if (!_mk_audit_record (db, "set-components", "kit_components",
                         mk_record_get_id (kit), mk_record_get_code (kit),
                         details->str, error))
    goto fail;
  _mk_database_emit_changed (db, "kit_components", mk_record_get_id (kit));
  if (!_mk_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  _mk_database_rollback (db);
  return FALSE;
}

gboolean
mk_kit_save (MkDatabase *db,
             MkRecord   *item,
             GPtrArray  *components,
             GError    **error)
{
  gboolean is_new;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (MK_IS_RECORD (item), FALSE);
  g_return_val_if_fail (g_str_equal (mk_record_get_kind (item)->name, "item"), FALSE);

  is_new = mk_record_get_id (item) == 0;
  if (!_mk_database_begin (db, error))
    return FALSE;
  if (is_new ? !mk_master_data_add (db, item, error) : !mk_master_data_update (db, item, error))
    goto fail;
  if (components != NULL && !mk_kit_set_components (db, mk_record_get_code (item), components, error))
    goto fail;
  if (!_mk_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  _mk_database_rollback (db);
  /* The record was stored inside the transaction that was just undone. */
  if (is_new)
    mk_record_set_id (item, 0);
  return FALSE;
}

GPtrArray *
mk_kit_get_components (MkDatabase *db,
                       const char *kit_code,
                       GError    **error)
{
  g_autoptr (GPtrArray) components = g_ptr_array_new_with_free_func (
      (GDestroyNotify) mk_kit_component_free);
  g_autoptr (MkRecord) kit = NULL;
  sqlite3_stmt *stmt;
  gboolean      has_row;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kit_code != NULL, NULL);

  kit = mk_master_data_get (db, mk_kind_lookup ("item"), kit_code, error);
  if (kit == NULL)
    return NULL;

  stmt = _mk_database_statement (
      db,
      "SELECT i.id, i.code, i.name_en, i.name_ar, i.unit, kc.quantity"
      " FROM kit_components kc JOIN items i ON i.id = kc.component_id"
      " WHERE kc.kit_id = ?1 ORDER BY i.code",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, mk_record_get_id (kit));

  while (TRUE)
    {
      MkKitComponent *component;

      if (!_mk_database_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      component = mk_kit_component_new ((const char *) sqlite3_column_text (stmt, 1),
                                        sqlite3_column_int64 (stmt, 5));
      component->item_id = sqlite3_column_int64 (stmt, 0);
      component->name_en = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      component->name_ar = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      component->unit = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (components, component);
    }

  return g_steal_pointer (&components);
}

gboolean
_mk_kit_item_in_bill (MkDatabase *db,
                      gint64      item_id,
                      gboolean   *as_kit,
                      gboolean   *as_component,
                      GError    **error)
{
  sqlite3_stmt *stmt = _mk_database_statement (
      db,
      "SELECT EXISTS (SELECT 1 FROM kit_components WHERE kit_id = ?1),"
      " EXISTS (SELECT 1 FROM kit_components WHERE component_id = ?1)",
      error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!_mk_database_step (db, stmt, &has_row, error))
    return FALSE;
  *as_kit = sqlite3_column_int (stmt, 0) != 0;
  *as_component = sqlite3_column_int (stmt, 1) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}
