/* mk-report-table.c: the tables' columns, running them, collecting rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-master-data-private.h"
#include "mk-report-private.h"

/* Columns --------------------------------------------------------------- */

#define TEXT(id, title)                    \
  {                                        \
    id, title, MK_COLUMN_TEXT, NULL, FALSE \
  }
#define QTY(id, title)                        \
  {                                           \
    id, title, MK_COLUMN_QUANTITY, NULL, TRUE \
  }
#define WEIGHT(id, title)                   \
  {                                         \
    id, title, MK_COLUMN_WEIGHT, NULL, TRUE \
  }
#define VOLUME(id, title)                   \
  {                                         \
    id, title, MK_COLUMN_VOLUME, NULL, TRUE \
  }
#define MONEY(id, title)                   \
  {                                        \
    id, title, MK_COLUMN_MONEY, NULL, TRUE \
  }
#define DATE(id, title)                    \
  {                                        \
    id, title, MK_COLUMN_DATE, NULL, FALSE \
  }
#define MONTH(id, title)                    \
  {                                         \
    id, title, MK_COLUMN_MONTH, NULL, FALSE \
  }
#define HXL(id, title, type, hxl, summed) \
  {                                       \
    id, title, type, hxl, summed          \
  }

#define PEOPLE_COLUMNS                                  \
  QTY ("households", N_ ("Households")),                \
      QTY ("female_0_4", N_ ("Female 0–4")),            \
      QTY ("female_5_11", N_ ("Female 5–11")),          \
      QTY ("female_12_17", N_ ("Female 12–17")),        \
      QTY ("female_18_59", N_ ("Female 18–59")),        \
      QTY ("female_60", N_ ("Female 60+")),             \
      QTY ("male_0_4", N_ ("Male 0–4")),                \
      QTY ("male_5_11", N_ ("Male 5–11")),              \
      QTY ("male_12_17", N_ ("Male 12–17")),            \
      QTY ("male_18_59", N_ ("Male 18–59")),            \
      QTY ("male_60", N_ ("Male 60+")),                 \
      QTY ("disabled", N_ ("Persons with disability")), \
      QTY ("individuals", N_ ("Individuals"))

static const MkColumn stock_month_columns[] = {
  MONTH ("month", N_ ("Month")),
  TEXT ("warehouse", N_ ("Warehouse")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  TEXT ("grant", N_ ("Grant")),
  QTY ("opening", N_ ("Opening balance")),
  QTY ("received_purchase", N_ ("Received: purchase")),
  QTY ("received_donation", N_ ("Received: donation")),
  QTY ("received_transfer", N_ ("Received: transfer in")),
  QTY ("received_return", N_ ("Received: return")),
  QTY ("dispatched", N_ ("Dispatched (transfer out)")),
  QTY ("distributed", N_ ("Distributed")),
  QTY ("loss_damaged", N_ ("Loss: damaged")),
  QTY ("loss_expired", N_ ("Loss: expired")),
  QTY ("loss_lost", N_ ("Loss: lost")),
  QTY ("loss_theft", N_ ("Loss: theft")),
  QTY ("loss_other", N_ ("Loss: other")),
  QTY ("kitting", N_ ("Kitting (net)")),
  QTY ("adjustments", N_ ("Adjustments (net)")),
  QTY ("closing", N_ ("Closing balance")),
  { "counted", N_ ("Physical count"), MK_COLUMN_QUANTITY, NULL, FALSE },
  { "variance", N_ ("Variance"), MK_COLUMN_QUANTITY, NULL, FALSE },
  WEIGHT ("weight", N_ ("Closing weight (kg)")),
  VOLUME ("volume", N_ ("Closing volume (m³)")),
  TEXT ("currency", N_ ("Currency")),
  /* Translators: the closing balance times the item's unit value. */
  MONEY ("value", N_ ("Closing value")),
  { "reorder_level", N_ ("Reorder level"), MK_COLUMN_QUANTITY, NULL, FALSE },
  TEXT ("reorder", N_ ("At or below reorder level")),
  QTY ("expiring_3", N_ ("Expiring within 3 months")),
  QTY ("expiring_9", N_ ("Expiring within 9 months")),
};

static const MkColumn stock_card_columns[] = {
  DATE ("date", N_ ("Date")),
  TEXT ("document", N_ ("Document")),
  TEXT ("kind", N_ ("Kind")),
  TEXT ("counterpart", N_ ("From / to")),
  TEXT ("lot", N_ ("Lot")),
  TEXT ("grant", N_ ("Grant")),
  QTY ("in", N_ ("In")),
  QTY ("out", N_ ("Out")),
  { "balance", N_ ("Balance"), MK_COLUMN_QUANTITY, NULL, FALSE },
};

static const MkColumn stock_remaining_columns[] = {
  TEXT ("warehouse", N_ ("Warehouse")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  TEXT ("lot", N_ ("Lot")),
  DATE ("expiry", N_ ("Expiry date")),
  TEXT ("grant", N_ ("Grant")),
  QTY ("quantity", N_ ("Quantity")),
  WEIGHT ("weight", N_ ("Weight (kg)")),
  VOLUME ("volume", N_ ("Volume (m³)")),
  TEXT ("currency", N_ ("Currency")),
  MONEY ("value", N_ ("Value")),
};

static const MkColumn received_columns[] = {
  DATE ("date", N_ ("Date")),
  TEXT ("document", N_ ("Document")),
  TEXT ("warehouse", N_ ("Warehouse")),
  TEXT ("source", N_ ("Source")),
  TEXT ("supplier", N_ ("Supplier or origin")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  TEXT ("lot", N_ ("Lot")),
  TEXT ("grant", N_ ("Grant")),
  QTY ("quantity", N_ ("Quantity")),
  WEIGHT ("weight", N_ ("Weight (kg)")),
  VOLUME ("volume", N_ ("Volume (m³)")),
  TEXT ("currency", N_ ("Currency")),
  /* Translators: the quantity times the item's unit value. */
  MONEY ("value", N_ ("Value")),
};

static const MkColumn items_distributed_columns[] = {
  MONTH ("month", N_ ("Month")),
  TEXT ("baladiya_code", N_ ("Baladiya P-code")),
  TEXT ("baladiya", N_ ("Baladiya")),
  TEXT ("site_type", N_ ("Site type")),
  TEXT ("population_group", N_ ("Population group")),
  TEXT ("activity", N_ ("Activity")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  QTY ("distributions", N_ ("Distributions")),
  QTY ("quantity", N_ ("Quantity")),
  WEIGHT ("weight", N_ ("Weight (kg)")),
  VOLUME ("volume", N_ ("Volume (m³)")),
  TEXT ("currency", N_ ("Currency")),
  MONEY ("value", N_ ("Value")),
};

static const MkColumn people_reached_columns[] = {
  MONTH ("month", N_ ("Month")),
  TEXT ("baladiya_code", N_ ("Baladiya P-code")),
  TEXT ("baladiya", N_ ("Baladiya")),
  TEXT ("site_type", N_ ("Site type")),
  TEXT ("population_group", N_ ("Population group")),
  TEXT ("activity", N_ ("Activity")),
  QTY ("distributions", N_ ("Distributions")),
  PEOPLE_COLUMNS,
};

static const MkColumn distribution_lines_columns[] = {
  DATE ("date", N_ ("Date")),
  TEXT ("document", N_ ("Document")),
  TEXT ("baladiya_code", N_ ("Baladiya P-code")),
  TEXT ("baladiya", N_ ("Baladiya")),
  TEXT ("site_type", N_ ("Site type")),
  TEXT ("site", N_ ("Site")),
  TEXT ("population_group", N_ ("Population group")),
  TEXT ("activity", N_ ("Activity")),
  TEXT ("indicator", N_ ("Indicator")),
  TEXT ("grant", N_ ("Grant")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  QTY ("quantity", N_ ("Quantity")),
  WEIGHT ("weight", N_ ("Weight (kg)")),
  VOLUME ("volume", N_ ("Volume (m³)")),
};

static const MkColumn services_columns[] = {
  DATE ("date", N_ ("Date")),
  DATE ("end_date", N_ ("End date")),
  TEXT ("document", N_ ("Document")),
  TEXT ("baladiya_code", N_ ("Baladiya P-code")),
  TEXT ("baladiya", N_ ("Baladiya")),
  TEXT ("site_type", N_ ("Site type")),
  TEXT ("site", N_ ("Site")),
  TEXT ("population_group", N_ ("Population group")),
  TEXT ("activity", N_ ("Activity")),
  TEXT ("indicator", N_ ("Indicator")),
  TEXT ("grant", N_ ("Grant")),
  { "quantity", N_ ("Quantity delivered"), MK_COLUMN_QUANTITY, NULL, FALSE },
  TEXT ("unit", N_ ("Unit")),
  QTY ("households", N_ ("Households")),
  QTY ("individuals", N_ ("Individuals")),
};

/* Unique people: rows of different periods or places overlap, so none is
 * summed; the "whole period" rows are the totals. */
#define PEOPLE_UNSUMMED                                                                \
  { "households", N_ ("Households"), MK_COLUMN_QUANTITY, NULL, FALSE },                \
      { "female_0_17", N_ ("Girls 0–17"), MK_COLUMN_QUANTITY, NULL, FALSE },           \
      { "male_0_17", N_ ("Boys 0–17"), MK_COLUMN_QUANTITY, NULL, FALSE },              \
      { "female_18_59", N_ ("Women 18–59"), MK_COLUMN_QUANTITY, NULL, FALSE },         \
      { "male_18_59", N_ ("Men 18–59"), MK_COLUMN_QUANTITY, NULL, FALSE },             \
      { "female_60", N_ ("Women 60+"), MK_COLUMN_QUANTITY, NULL, FALSE },              \
      { "male_60", N_ ("Men 60+"), MK_COLUMN_QUANTITY, NULL, FALSE },                  \
      { "disabled", N_ ("Persons with disability"), MK_COLUMN_QUANTITY, NULL, FALSE }, \
  {                                                                                    \
    "individuals", N_ ("Individuals"), MK_COLUMN_QUANTITY, NULL, FALSE                 \
  }

static const MkColumn people_by_indicator_columns[] = {
  TEXT ("indicator_code", N_ ("Indicator code")),
  TEXT ("indicator", N_ ("Indicator")),
  TEXT ("month", N_ ("Month")),
  PEOPLE_UNSUMMED,
};

static const MkColumn people_by_baladiya_columns[] = {
  TEXT ("indicator_code", N_ ("Indicator code")),
  TEXT ("indicator", N_ ("Indicator")),
  TEXT ("baladiya_code", N_ ("Baladiya P-code")),
  TEXT ("baladiya", N_ ("Baladiya")),
  PEOPLE_UNSUMMED,
};

static const MkColumn five_w_columns[] = {
  HXL ("month", N_ ("Reporting month"), MK_COLUMN_MONTH, "#date+reported", FALSE),
  HXL ("organisation", N_ ("Reporting organisation"), MK_COLUMN_TEXT, "#org+reporting+name", FALSE),
  HXL ("partner", N_ ("Implementing partner"), MK_COLUMN_TEXT, "#org+impl+name", FALSE),
  HXL ("donor", N_ ("Donor"), MK_COLUMN_TEXT, "#org+funder+name", FALSE),
  HXL ("grant", N_ ("Project / grant code"), MK_COLUMN_TEXT, "#activity+code", FALSE),
  HXL ("sector", N_ ("Sector"), MK_COLUMN_TEXT, "#sector+cluster+name", FALSE),
  HXL ("sector_code", N_ ("Sector code"), MK_COLUMN_TEXT, "#sector+code", FALSE),
  HXL ("activity", N_ ("Activity"), MK_COLUMN_TEXT, "#activity+name", FALSE),
  HXL ("indicator", N_ ("Indicator"), MK_COLUMN_TEXT, "#indicator+name", FALSE),
  HXL ("modality", N_ ("Modality"), MK_COLUMN_TEXT, "#modality", FALSE),
  HXL ("region", N_ ("Region"), MK_COLUMN_TEXT, "#adm1+name", FALSE),
  HXL ("region_code", N_ ("Region P-code"), MK_COLUMN_TEXT, "#adm1+code", FALSE),
  HXL ("mantika", N_ ("Mantika"), MK_COLUMN_TEXT, "#adm2+name", FALSE),
  HXL ("mantika_code", N_ ("Mantika P-code"), MK_COLUMN_TEXT, "#adm2+code", FALSE),
  HXL ("baladiya", N_ ("Baladiya"), MK_COLUMN_TEXT, "#adm3+name", FALSE),
  HXL ("baladiya_ar", N_ ("Baladiya (Arabic)"), MK_COLUMN_TEXT, "#adm3+name+i_ar", FALSE),
  HXL ("baladiya_code", N_ ("Baladiya P-code"), MK_COLUMN_TEXT, "#adm3+code", FALSE),
  HXL ("setting", N_ ("Setting"), MK_COLUMN_TEXT, "#loc+type", FALSE),
  HXL ("population_group", N_ ("Population group"), MK_COLUMN_TEXT, "#beneficiary+type", FALSE),
  HXL ("date", N_ ("Date of distribution"), MK_COLUMN_DATE, "#date+occurred", FALSE),
  HXL ("individuals", N_ ("Individuals reached"), MK_COLUMN_QUANTITY, "#reached+ind", TRUE),
  HXL ("households", N_ ("Households reached"), MK_COLUMN_QUANTITY, "#reached+hh", TRUE),
  HXL ("female_0_17", N_ ("Girls 0–17"), MK_COLUMN_QUANTITY, "#reached+f+children+age0_17", TRUE),
  HXL ("male_0_17", N_ ("Boys 0–17"), MK_COLUMN_QUANTITY, "#reached+m+children+age0_17", TRUE),
  HXL ("female_18_59", N_ ("Women 18–59"), MK_COLUMN_QUANTITY, "#reached+f+adults+age18_59", TRUE),
  HXL ("male_18_59", N_ ("Men 18–59"), MK_COLUMN_QUANTITY, "#reached+m+adults+age18_59", TRUE),
  HXL ("female_60", N_ ("Women 60+"), MK_COLUMN_QUANTITY, "#reached+f+elderly+age60_", TRUE),
  HXL ("male_60", N_ ("Men 60+"), MK_COLUMN_QUANTITY, "#reached+m+elderly+age60_", TRUE),
  HXL ("disabled", N_ ("Persons with disability"), MK_COLUMN_QUANTITY, "#reached+disabled", TRUE),
  HXL ("item", N_ ("Item"), MK_COLUMN_TEXT, "#item+name", FALSE),
  HXL ("item_code", N_ ("Item code"), MK_COLUMN_TEXT, "#item+code", FALSE),
  HXL ("quantity", N_ ("Quantity"), MK_COLUMN_QUANTITY, "#output+num", TRUE),
  HXL ("weight", N_ ("Gross weight (kg)"), MK_COLUMN_WEIGHT, "#x_weight+kg", TRUE),
  HXL ("volume", N_ ("Volume (m³)"), MK_COLUMN_VOLUME, "#x_volume+m3", TRUE),
  HXL ("status", N_ ("Status"), MK_COLUMN_TEXT, "#status", FALSE),
};

static const MkColumn waybills_columns[] = {
  TEXT ("waybill", N_ ("Waybill")),
  DATE ("date", N_ ("Date")),
  TEXT ("from", N_ ("From warehouse")),
  TEXT ("to", N_ ("Destination")),
  TEXT ("baladiya", N_ ("Destination baladiya")),
  TEXT ("transporter", N_ ("Transporter")),
  TEXT ("vehicle", N_ ("Vehicle")),
  TEXT ("plate", N_ ("Plate")),
  TEXT ("driver", N_ ("Driver")),
  DATE ("expected", N_ ("Expected on")),
  TEXT ("status", N_ ("Status")),
  DATE ("received_on", N_ ("Received on")),
  TEXT ("reception", N_ ("Reception")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  TEXT ("lot", N_ ("Lot")),
  TEXT ("grant", N_ ("Grant")),
  QTY ("sent", N_ ("Sent")),
  QTY ("received", N_ ("Received")),
  QTY ("short", N_ ("Short")),
  QTY ("damaged", N_ ("Damaged")),
  WEIGHT ("weight", N_ ("Weight sent (kg)")),
  VOLUME ("volume", N_ ("Volume sent (m³)")),
};

static const MkColumn losses_columns[] = {
  DATE ("date", N_ ("Date")),
  TEXT ("document", N_ ("Document")),
  TEXT ("where", N_ ("Where")),
  TEXT ("reason", N_ ("Reason")),
  TEXT ("item_code", N_ ("Item code")),
  TEXT ("item", N_ ("Item")),
  TEXT ("unit", N_ ("Unit")),
  TEXT ("lot", N_ ("Lot")),
  DATE ("expiry", N_ ("Expiry date")),
  TEXT ("grant", N_ ("Grant")),
  QTY ("quantity", N_ ("Quantity lost")),
  WEIGHT ("weight", N_ ("Weight (kg)")),
  VOLUME ("volume", N_ ("Volume (m³)")),
};

typedef struct
{
  const char     *title; /* N_(): a sheet's name, at most 31 characters */
  const MkColumn *columns;
  guint           n_columns;
  MkTableRunner   run;
} Table;

#define TABLE(title, columns, run)              \
  {                                             \
    title, columns, G_N_ELEMENTS (columns), run \
  }

static const Table tables[MK_N_TABLES] = {
  [MK_TABLE_STOCK_MONTH] = TABLE (N_ ("Stock report"), stock_month_columns, _mk_report_run_stock_month),
  [MK_TABLE_STOCK_CARD] = TABLE (N_ ("Stock card"), stock_card_columns, _mk_report_run_stock_card),
  [MK_TABLE_STOCK_REMAINING] = TABLE (N_ ("Stock remaining"), stock_remaining_columns, _mk_report_run_stock_remaining),
  [MK_TABLE_RECEIVED] = TABLE (N_ ("Received"), received_columns, _mk_report_run_received),
  [MK_TABLE_ITEMS_DISTRIBUTED] = TABLE (N_ ("Items distributed"), items_distributed_columns, _mk_report_run_items_distributed),
  [MK_TABLE_PEOPLE_REACHED] = TABLE (N_ ("People reached"), people_reached_columns, _mk_report_run_people_reached),
  [MK_TABLE_DISTRIBUTION_LINES] = TABLE (N_ ("Distribution lines"), distribution_lines_columns, _mk_report_run_distribution_lines),
  [MK_TABLE_SERVICES] = TABLE (N_ ("Services"), services_columns, _mk_report_run_services),
  [MK_TABLE_PEOPLE_BY_INDICATOR] = TABLE (N_ ("People by indicator"), people_by_indicator_columns, _mk_report_run_people_by_indicator),
  [MK_TABLE_PEOPLE_BY_BALADIYA] = TABLE (N_ ("People by baladiya"), people_by_baladiya_columns, _mk_report_run_people_by_baladiya),
  [MK_TABLE_5W] = TABLE (N_ ("5W"), five_w_columns, _mk_report_run_5w),
  [MK_TABLE_WAYBILLS] = TABLE (N_ ("Waybills"), waybills_columns, _mk_report_run_waybills),
  [MK_TABLE_LOSSES] = TABLE (N_ ("Losses"), losses_columns, _mk_report_run_losses),
};

const MkColumn *
mk_report_table_get_columns (MkTableId table,
                             guint    *n_columns)
{
  g_return_val_if_fail (table < MK_N_TABLES, NULL);
  if (n_columns != NULL)
    *n_columns = tables[table].n_columns;
  return tables[table].columns;
}

const char *
mk_report_table_get_title (MkTableId   table,
                           const char *language)
{
  g_return_val_if_fail (table < MK_N_TABLES, NULL);
  return mk_report_text (language, tables[table].title);
}

gboolean
mk_report_table_foreach (MkDatabase            *db,
                         MkTableId              table,
                         const MkReportOptions *options,
                         MkRowFunc              func,
                         gpointer               data,
                         GError               **error)
{
  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table < MK_N_TABLES, FALSE);
  g_return_val_if_fail (options != NULL && options->from != NULL && options->to != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return tables[table].run (db, options, func, data, error);
}

/* Row sets ---------------------------------------------------------------- */

struct _MkRowSet
{
  const MkColumn *columns;
  guint           n_columns;
  GArray         *cells; /* MkCell, n_columns a row */
  GStringChunk   *strings;
};

static gboolean
collect_row (const MkCell *cells,
             gpointer      data,
             GError      **error)
{
  MkRowSet *set = data;

  for (guint c = 0; c < set->n_columns; c++)
    {
      MkCell cell = cells[c];

      /* Names and codes repeat: keep one copy of each. */
      if (cell.text != NULL)
        cell.text = g_string_chunk_insert_const (set->strings, cell.text);
      g_array_append_val (set->cells, cell);
    }
  return TRUE;
}

MkRowSet *
mk_row_set_collect (MkDatabase            *db,
                    MkTableId              table,
                    const MkReportOptions *options,
                    GError               **error)
{
  g_autoptr (MkRowSet) set = g_new0 (MkRowSet, 1);

  g_return_val_if_fail (table < MK_N_TABLES, NULL);

  set->columns = mk_report_table_get_columns (table, &set->n_columns);
  set->cells = g_array_new (FALSE, TRUE, sizeof (MkCell));
  set->strings = g_string_chunk_new (4096);
  if (!mk_report_table_foreach (db, table, options, collect_row, set, error))
    return NULL;
  return g_steal_pointer (&set);
}

void
mk_row_set_free (MkRowSet *set)
{
  if (set == NULL)
    return;
  if (set->cells != NULL)
    g_array_unref (set->cells);
  if (set->strings != NULL)
    g_string_chunk_free (set->strings);
  g_free (set);
}

guint
mk_row_set_get_n_rows (const MkRowSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->cells->len / set->n_columns;
}

const MkColumn *
mk_row_set_get_columns (const MkRowSet *set,
                        guint          *n_columns)
{
  g_return_val_if_fail (set != NULL, NULL);
  if (n_columns != NULL)
    *n_columns = set->n_columns;
  return set->columns;
}

const MkCell *
mk_row_set_get_row (const MkRowSet *set,
                    guint           row)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (row < mk_row_set_get_n_rows (set), NULL);
  return &g_array_index (set->cells, MkCell, (gsize) row * set->n_columns);
}

gint
mk_row_set_find_column (const MkRowSet *set,
                        const char     *id)
{
  g_return_val_if_fail (set != NULL && id != NULL, -1);
  for (guint c = 0; c < set->n_columns; c++)
    if (g_str_equal (set->columns[c].id, id))
      return (gint) c;
  return -1;
}

/* Shared helpers -------------------------------------------------------- */

sqlite3_stmt *
_mk_report_prepare (MkDatabase *db,
                    const char *sql,
                    GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_mk_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _mk_database_set_error (db, error, _ ("The report could not read the database."));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
_mk_report_step (MkDatabase   *db,
                 sqlite3_stmt *stmt,
                 gboolean     *has_row,
                 GError      **error)
{
  return _mk_database_step (db, stmt, has_row, error);
}

const char *
_mk_report_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_mk_report_find_id (MkDatabase *db,
                    const char *kind_name,
                    const char *code,
                    gint64     *id,
                    GError    **error)
{
  *id = 0;
  if (code == NULL)
    return TRUE;
  return _mk_master_data_find_id (db, mk_kind_lookup (kind_name), code, id, NULL, error);
}

char *
_mk_report_site_label (const char *language,
                       gboolean    sensitive,
                       const char *name_en,
                       const char *name_ar,
                       const char *type_en,
                       const char *type_ar)
{
  if (!sensitive)
    return g_strdup (mk_report_pick_name (language, name_en, name_ar));
  /* Translators: what a report shows instead of a sensitive site's name;
   * %s is its type, such as "Detention centre". */
  return _mk_report_format (mk_report_text (language, N_ ("%s (not named)")),
                            mk_report_pick_name (language, type_en, type_ar));
}
