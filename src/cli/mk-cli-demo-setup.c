/* mk-cli-demo-setup.c: what the demo generator knows before its first
 * document — the grants of the mission's years, added to the office; the
 * catalogue and the kits' bills of materials, read back from the database;
 * what each grant buys, from mk-cli-demo-flows.c; the households and
 * entitlement rules (mk-cli-demo-people.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <string.h>

#include "mk-cli-demo-gen.h"

const char *const mk_demo_warehouse_codes[MK_DEMO_N_WAREHOUSES] = {
  "TRP-MAIN", "BEN-MAIN", "MIS-FIELD", "SEB-FIELD",
};

/* YYYY-MM-DD, which the data and the core use, without the locale's say. */
void
mk_demo_parse_date (const char *text,
                    GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));
}

static void
shift_date (const char *text,
            gint        days,
            char        out[11])
{
  GDate date;

  mk_demo_parse_date (text, &date);
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  mk_demo_date_add (&date, MAX (days, 0), out);
}

static void
item_free (MkDemoItem *item)
{
  g_free (item->code);
  g_clear_pointer (&item->bill, g_array_unref);
  g_free (item);
}

static void
grant_free (MkDemoGrantState *grant)
{
  g_free (grant->code);
  g_array_unref (grant->kits);
  g_array_unref (grant->loose);
  g_array_unref (grant->components);
  g_free (grant);
}

static gboolean
add_grants (MkDatabase *db,
            GError    **error)
{
  const MkKind *kind = mk_kind_lookup ("grant");

  for (guint i = 0; i < mk_demo_n_grants; i++)
    {
      const MkDemoGrant *row = &mk_demo_grants[i];
      g_autoptr (MkRecord) record = mk_record_new (kind);

      if (!mk_record_set_text (record, "code", row->code, error)
          || !mk_record_set_text (record, "donor", row->donor, error)
          || !mk_record_set_text (record, "name_en", row->name_en, error)
          || !mk_record_set_text (record, "name_ar", row->name_ar, error)
          || !mk_record_set_text (record, "start_date", row->start_date, error)
          || !mk_record_set_text (record, "end_date", row->end_date, error)
          || !mk_record_set_text (record, "sector", row->sector, error)
          || !mk_master_data_add (db, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_items (MkDemoGen *gen,
            GError   **error)
{
  g_autoptr (GPtrArray) records = mk_master_data_list (gen->db, mk_kind_lookup ("item"), NULL, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      MkRecord   *record = g_ptr_array_index (records, i);
      MkDemoItem *item = g_new0 (MkDemoItem, 1);

      item->code = g_strdup (mk_record_get_code (record));
      item->tracks_lots = mk_record_get_bool (record, "tracks_lots");
      item->is_kit = mk_record_get_bool (record, "is_kit");
      item->pack_size = mk_record_is_set (record, "pack_size") ? mk_record_get_int (record, "pack_size") : 1;
      item->pack_size = MAX (item->pack_size, 1);
      item->line_quantity = 50;
      item->shelf_life_months = item->tracks_lots ? 36 : 0;
      for (guint f = 0; f < mk_demo_n_item_flows; f++)
        if (g_str_equal (mk_demo_item_flows[f].item, item->code))
          {
            item->line_quantity = mk_demo_item_flows[f].line_quantity;
            if (mk_demo_item_flows[f].shelf_life_months > 0)
              item->shelf_life_months = mk_demo_item_flows[f].shelf_life_months;
          }
      g_ptr_array_add (gen->items, item);
      g_hash_table_insert (gen->item_by_code, item->code, GUINT_TO_POINTER (gen->items->len));
    }

  for (guint i = 0; i < gen->items->len; i++)
    {
      MkDemoItem *item = mk_demo_item (gen, i);
      g_autoptr (GPtrArray) components = NULL;

      if (!item->is_kit)
        continue;
      components = mk_kit_get_components (gen->db, item->code, error);
      if (components == NULL)
        return FALSE;
      item->bill = g_array_new (FALSE, TRUE, sizeof (MkDemoComponent));
      for (guint c = 0; c < components->len; c++)
        {
          MkKitComponent *component = g_ptr_array_index (components, c);
          MkDemoComponent entry = {
            GPOINTER_TO_UINT (g_hash_table_lookup (gen->item_by_code, component->code)) - 1,
            component->quantity
          };
          g_array_append_val (item->bill, entry);
        }
    }
  return TRUE;
}

static void
add_codes (MkDemoGen  *gen,
           GArray     *indices,
           const char *codes)
{
  g_auto (GStrv) split = g_strsplit (codes, " ", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (gen->item_by_code, split[i]));

      if (index == 0)
        g_error ("demo data: no item %s", split[i]);
      index--;
      g_array_append_val (indices, index);
    }
}

static void
add_unique (GArray *indices,
            guint   index)
{
  for (guint i = 0; i < indices->len; i++)
    if (g_array_index (indices, guint, i) == index)
      return;
  g_array_append_val (indices, index);
}

static MkDemoGrantState *
grant_new (MkDemoGen  *gen,
           const char *code,
           const char *start,
           const char *end)
{
  MkDemoGrantState *grant = g_new0 (MkDemoGrantState, 1);

  grant->code = g_strdup (code);
  g_strlcpy (grant->start, start ? start : "0000-01-01", sizeof grant->start);
  g_strlcpy (grant->end, end ? end : "9999-12-31", sizeof grant->end);
  if (code == NULL)
    {
      g_strlcpy (grant->buy_until, grant->end, sizeof grant->buy_until);
      g_strlcpy (grant->kit_until, grant->end, sizeof grant->kit_until);
      g_strlcpy (grant->hand_over_on, grant->end, sizeof grant->hand_over_on);
    }
  else
    {
      shift_date (grant->end, -45, grant->buy_until);
      shift_date (grant->end, 60, grant->kit_until);
      shift_date (grant->end, 30, grant->hand_over_on);
    }
  grant->kits = g_array_new (FALSE, FALSE, sizeof (guint));
  grant->loose = g_array_new (FALSE, FALSE, sizeof (guint));
  grant->components = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < mk_demo_n_programmes; p++)
    if (g_str_equal (mk_demo_programmes[p].grant, code ? code : ""))
      grant->programme = &mk_demo_programmes[p];
  if (grant->programme == NULL)
    return grant;

  add_codes (gen, grant->kits, grant->programme->kits);
  add_codes (gen, grant->loose, grant->programme->loose);
  for (guint i = 0; i < grant->kits->len; i++)
    mk_demo_item (gen, g_array_index (grant->kits, guint, i))->dispatched = TRUE;
  for (guint i = 0; i < grant->loose->len; i++)
    mk_demo_item (gen, g_array_index (grant->loose, guint, i))->dispatched = TRUE;
  for (guint k = 0; k < grant->kits->len; k++)
    {
      MkDemoItem *kit = mk_demo_item (gen, g_array_index (grant->kits, guint, k));
      for (guint c = 0; c < kit->bill->len; c++)
        add_unique (grant->components, g_array_index (kit->bill, MkDemoComponent, c).item);
    }
  for (guint w = 0; w < MK_DEMO_N_MAINS; w++)
    if (strstr (grant->programme->warehouses, mk_demo_warehouse_codes[w]) != NULL)
      grant->mains |= 1u << w;
  return grant;
}

static gboolean
load_grants (MkDemoGen *gen,
             GError   **error)
{
  g_autoptr (GPtrArray) records = mk_master_data_list (gen->db, mk_kind_lookup ("grant"), NULL, error);

  if (records == NULL)
    return FALSE;
  g_ptr_array_add (gen->grants, grant_new (gen, NULL, NULL, NULL));
  for (guint i = 0; i < records->len; i++)
    {
      MkRecord         *record = g_ptr_array_index (records, i);
      MkDemoGrantState *grant = grant_new (gen, mk_record_get_code (record),
                                           mk_record_get_string (record, "start_date"),
                                           mk_record_get_string (record, "end_date"));

      g_ptr_array_add (gen->grants, grant);
      g_hash_table_insert (gen->grant_by_code, grant->code, GUINT_TO_POINTER (gen->grants->len));
    }
  for (guint i = 1; i < gen->grants->len; i++)
    {
      MkDemoGrantState *grant = mk_demo_grant (gen, i);
      if (grant->programme != NULL && grant->programme->successor != NULL)
        grant->successor = GPOINTER_TO_UINT (g_hash_table_lookup (gen->grant_by_code,
                                                                  grant->programme->successor)) - 1;
    }
  return TRUE;
}

gboolean
mk_demo_setup (MkDemoGen  *gen,
               MkDatabase *db,
               GError    **error)
{
  if (!add_grants (db, error))
    return FALSE;
  gen->db = db;
  gen->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  gen->item_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  gen->grants = g_ptr_array_new_with_free_func ((GDestroyNotify) grant_free);
  gen->grant_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  gen->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_demo_pending_free);
  if (!load_items (gen, error) || !load_grants (gen, error))
    return FALSE;
  gen->stock = mk_demo_stock_new (MK_DEMO_N_WAREHOUSES, gen->items->len);
  return mk_demo_people_setup (gen, error);
}

void
mk_demo_teardown (MkDemoGen *gen)
{
  mk_demo_people_teardown (gen);
  g_clear_pointer (&gen->stock, mk_demo_stock_free);
  g_clear_pointer (&gen->pending, g_ptr_array_unref);
  g_clear_pointer (&gen->grants, g_ptr_array_unref);
  g_clear_pointer (&gen->grant_by_code, g_hash_table_unref);
  g_clear_pointer (&gen->items, g_ptr_array_unref);
  g_clear_pointer (&gen->item_by_code, g_hash_table_unref);
}
