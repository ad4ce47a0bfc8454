/* mk-list-sources.c: every list the application shows, as SQL.
 *
 * These are reads only. The tables belong to their modules (balances and
 * movements to mk-ledger, documents to mk-documents, households to
 * mk-distributions, the rest to mk-master-data and mk-places); a list only
 * reads them, through the indexes those modules keep:
 *   stock        balances (primary key), items, lots, grants
 *   stock card   movements_card, covering: one item in one warehouse
 *   documents    documents_by_kind (kind, status, date)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-list-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-list-model.h"

/* A name column: English and Arabic, sorted in the interface's language. */
#define NAME_VALUE(t) t ".name_en, " t ".name_ar"
#define NAME_SORT_EN(t) t ".name_en COLLATE mk_names"
#define NAME_SORT_AR(t) "CASE WHEN " t ".name_ar <> '' THEN " t ".name_ar ELSE " t ".name_en END COLLATE mk_names"
#define NAME_COLUMN(key, title, t, width, expand)                                                      \
  {                                                                                                    \
    key, title, MK_LIST_COLUMN_NAME, NAME_VALUE (t), NAME_SORT_EN (t), NAME_SORT_AR (t), width, expand \
  }

#define FOLD(expr) "mk_fold (" expr ") LIKE :text ESCAPE '\\'"
#define FOLD_NAMES(t) FOLD (t ".code") " OR " FOLD (t ".name_en") " OR " FOLD (t ".name_ar")

#define N_OF(array) G_N_ELEMENTS (array)

/* Stock ------------------------------------------------------------------- */

static const MkListColumn stock_columns[] = {
  /* Translators: columns of the stock list. */
  { "warehouse", N_ ("Warehouse"), MK_LIST_COLUMN_CODE, "w.code", "w.code", NULL, 10, FALSE },
  { "state", N_ ("State"), MK_LIST_COLUMN_STATUS, "l.kind", "l.kind", NULL, 9, FALSE },
  { "item", N_ ("Item"), MK_LIST_COLUMN_CODE, "i.code", "i.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "i", 24, TRUE),
  NAME_COLUMN ("category", N_ ("Category"), "c", 10, FALSE),
  { "lot", N_ ("Lot"), MK_LIST_COLUMN_CODE, "lt.number", "lt.number", NULL, 10, FALSE },
  { "expiry", N_ ("Expiry"), MK_LIST_COLUMN_DATE, "lt.expiry_date", "lt.expiry_date", NULL, 10, FALSE },
  { "grant", N_ ("Grant"), MK_LIST_COLUMN_CODE, "g.code", "g.code", NULL, 12, FALSE },
  { "quantity", N_ ("Quantity"), MK_LIST_COLUMN_QUANTITY, "b.quantity", "b.quantity", NULL, 9, FALSE },
  NAME_COLUMN ("unit", N_ ("Unit"), "u", 7, FALSE),
  { "weight", N_ ("Weight (kg)"), MK_LIST_COLUMN_WEIGHT, "b.quantity * i.weight_g",
    "b.quantity * i.weight_g", NULL, 9, FALSE },
};

static const MkListFilter stock_filters[] = {
  { "text", FOLD ("i.code") " OR " FOLD ("i.name_en") " OR " FOLD ("i.name_ar") " OR " FOLD ("lt.number"), FALSE },
  { "warehouse", "w.code = :warehouse", FALSE },
  { "item", "i.code = :item", FALSE },
  { "grant", "g.code = :grant", FALSE },
  { "category", "i.category = :category", FALSE },
  { "state", "l.kind = :state", FALSE },
  { "expiring-months", "lt.expiry_date IS NOT NULL AND lt.expiry_date <= date ('now', '+' || :expiring_months || ' months')", FALSE },
  /* The item's whole stock in the warehouse, all lots and grants, at or
   * under its reorder level. */
  { "below-reorder", "i.reorder_level > 0 AND (SELECT SUM (b2.quantity) FROM balances b2 "
                     "WHERE b2.location_id = b.location_id AND b2.item_id = b.item_id) <= i.reorder_level",
    FALSE },
};

#define STOCK_FROM                                       \
  "balances b JOIN locations l ON l.id = b.location_id " \
  "JOIN warehouses w ON w.id = l.warehouse_id "          \
  "JOIN items i ON i.id = b.item_id "                    \
  "JOIN item_categories c ON c.code = i.category "       \
  "JOIN units u ON u.code = i.unit "                     \
  "LEFT JOIN lots lt ON lt.id = b.lot_id "               \
  "LEFT JOIN grants g ON g.id = b.grant_id"

static const MkListSource stock_source = {
  .name = "stock",
  .title = N_ ("Stock"),
  .from_sql = STOCK_FROM,
  .where_sql = "l.kind IN ('warehouse', 'quarantine') AND b.quantity > 0",
  .key_sql = "b.location_id, b.item_id, b.lot_id, b.grant_id",
  .n_keys = 4,
  .default_order = "w.code, i.code, lt.expiry_date, lt.number, g.code",
  .columns = stock_columns,
  .n_columns = N_OF (stock_columns),
  .filters = stock_filters,
  .n_filters = N_OF (stock_filters),
  .opens = MK_LIST_OPENS_STOCK_CARD,
};

/* Stock on a date ---------------------------------------------------------- */

/* What each warehouse held at the end of the month of a date, from the
 * monthly totals the ledger keeps (mk-ledger.c): no history is read. The
 * key query computes the quantity (shown as RUNNING); a row reads only its
 * names. */
#define STOCK_AS_OF_FROM                                                                    \
  "(SELECT t.location_id, t.item_id, t.lot_id, t.grant_id, SUM (t.quantity) AS quantity "   \
  "FROM stock_month_totals t WHERE t.month <= CAST (strftime ('%Y%m', :as_of) AS INTEGER) " \
  "GROUP BY t.location_id, t.item_id, t.lot_id, t.grant_id HAVING SUM (t.quantity) > 0) b " \
  "JOIN locations l ON l.id = b.location_id JOIN warehouses w ON w.id = l.warehouse_id "    \
  "JOIN items i ON i.id = b.item_id LEFT JOIN lots lt ON lt.id = b.lot_id "                 \
  "LEFT JOIN grants g ON g.id = b.grant_id"

static const MkListColumn stock_as_of_columns[] = {
  /* Translators: columns of the list of stock on a date. */
  { "warehouse", N_ ("Warehouse"), MK_LIST_COLUMN_CODE, "w.code", "w.code", NULL, 10, FALSE },
  { "state", N_ ("State"), MK_LIST_COLUMN_STATUS, "l.kind", "l.kind", NULL, 9, FALSE },
  { "item", N_ ("Item"), MK_LIST_COLUMN_CODE, "i.code", "i.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "i", 24, TRUE),
  { "lot", N_ ("Lot"), MK_LIST_COLUMN_CODE, "lt.number", "lt.number", NULL, 10, FALSE },
  { "expiry", N_ ("Expiry"), MK_LIST_COLUMN_DATE, "lt.expiry_date", "lt.expiry_date", NULL, 10, FALSE },
  { "grant", N_ ("Grant"), MK_LIST_COLUMN_CODE, "g.code", "g.code", NULL, 12, FALSE },
  { "quantity", N_ ("Quantity"), MK_LIST_COLUMN_RUNNING, NULL, "b.quantity", NULL, 9, FALSE },
  /* Units are joined by the row query only. */
  { "unit", N_ ("Unit"), MK_LIST_COLUMN_NAME, NAME_VALUE ("u"), NULL, NULL, 7, FALSE },
};

static const MkListFilter stock_as_of_filters[] = {
  { "as-of", ":as_of IS NOT NULL", TRUE },
  { "text", FOLD ("i.code") " OR " FOLD ("i.name_en") " OR " FOLD ("i.name_ar") " OR " FOLD ("lt.number"), FALSE },
  { "warehouse", "w.code = :warehouse", FALSE },
  { "item", "i.code = :item", FALSE },
  { "grant", "g.code = :grant", FALSE },
  { "category", "i.category = :category", FALSE },
};

static const MkListSource stock_as_of_source = {
  .name = "stock-as-of",
  .title = N_ ("Stock on a Date"),
  .from_sql = STOCK_AS_OF_FROM,
  .where_sql = "l.kind IN ('warehouse', 'quarantine')",
  .key_sql = "b.location_id, b.item_id, b.lot_id, b.grant_id",
  .n_keys = 4,
  .running_sql = "b.quantity",
  .default_order = "w.code, i.code, lt.expiry_date, lt.number, g.code",
  /* A row's names: the lot and grant keys (?3, ?4) join by value, and 0
   * (no lot, unearmarked) finds none. */
  .row_from_sql = "locations l JOIN warehouses w ON w.id = l.warehouse_id, items i "
                  "JOIN units u ON u.code = i.unit LEFT JOIN lots lt ON lt.id = ?3 LEFT JOIN grants g ON g.id = ?4",
  .row_key_sql = "l.id, i.id",
  .columns = stock_as_of_columns,
  .n_columns = N_OF (stock_as_of_columns),
  .filters = stock_as_of_filters,
  .n_filters = N_OF (stock_as_of_filters),
  .opens = MK_LIST_OPENS_STOCK_CARD,
};

/* Stock card -------------------------------------------------------------- */

/* The key query reads the covering index only, and computes the running
 * balance over the whole history of the item in the warehouse before the
 * period is applied, so that the first row of a period shows the right
 * balance. */
#define STOCK_CARD_FROM                                                             \
  "(SELECT m.id, m.date, m.quantity, SUM (m.quantity) OVER (ORDER BY m.date, m.id " \
  "ROWS UNBOUNDED PRECEDING) AS running FROM movements m "                          \
  "WHERE m.location_id = (SELECT l.id FROM locations l JOIN warehouses w "          \
  "ON w.id = l.warehouse_id WHERE l.kind = 'warehouse' AND w.code = :warehouse) "   \
  "AND m.item_id = (SELECT id FROM items WHERE code = :item)) c"

#define STOCK_CARD_ROW_FROM                                                           \
  "movements c JOIN documents d ON d.id = c.document_id "                             \
  "LEFT JOIN lots lt ON lt.id = c.lot_id "                                            \
  "LEFT JOIN grants g ON g.id = c.grant_id "                                          \
  "LEFT JOIN warehouses tw ON tw.id = d.to_warehouse_id "                             \
  "LEFT JOIN sites ts ON ts.id = COALESCE (d.to_site_id, d.site_id, d.from_site_id) " \
  "LEFT JOIN partners tp ON tp.id = COALESCE (d.to_partner_id, d.partner_id) "        \
  "LEFT JOIN documents rd ON rd.id = d.reference_id "                                 \
  "LEFT JOIN warehouses rw ON rw.id = rd.warehouse_id"

static const MkListColumn stock_card_columns[] = {
  /* Translators: columns of a stock card. */
  { "date", N_ ("Date"), MK_LIST_COLUMN_DATE, "c.date", "c.date", NULL, 10, FALSE },
  { "document", N_ ("Document"), MK_LIST_COLUMN_CODE, "d.number", NULL, NULL, 18, FALSE },
  { "movement", N_ ("Movement"), MK_LIST_COLUMN_CATEGORY, "c.category", NULL, NULL, 18, FALSE },
  /* Translators: a column of a stock card: where stock came from or went to. */
  { "counterpart", N_ ("From / To"), MK_LIST_COLUMN_CODE,
    "CASE WHEN d.kind = 'RCV' THEN rw.code "
    "WHEN d.kind = 'GRN' AND d.from_site_id IS NOT NULL THEN ts.code "
    "WHEN d.kind = 'GRN' THEN NULLIF (d.supplier, '') "
    "ELSE COALESCE (tw.code, ts.code, tp.code) END",
    NULL, NULL, 14, TRUE },
  { "in", N_ ("In"), MK_LIST_COLUMN_QUANTITY, "CASE WHEN c.quantity > 0 THEN c.quantity END",
    "c.quantity", NULL, 8, FALSE },
  { "out", N_ ("Out"), MK_LIST_COLUMN_QUANTITY, "CASE WHEN c.quantity < 0 THEN -c.quantity END",
    "-c.quantity", NULL, 8, FALSE },
  { "balance", N_ ("Balance"), MK_LIST_COLUMN_RUNNING, NULL, "c.running", NULL, 9, FALSE },
  { "lot", N_ ("Lot"), MK_LIST_COLUMN_CODE, "lt.number", NULL, NULL, 10, FALSE },
  { "grant", N_ ("Grant"), MK_LIST_COLUMN_CODE, "g.code", NULL, NULL, 12, FALSE },
};

static const MkListFilter stock_card_filters[] = {
  /* The item and the warehouse are bound inside the key query. */
  { "warehouse", ":warehouse IS NOT NULL", TRUE },
  { "item", ":item IS NOT NULL", TRUE },
  { "from", "c.date >= :from", FALSE },
  { "to", "c.date <= :to", FALSE },
};

static const MkListSource stock_card_source = {
  .name = "stock-card",
  .title = N_ ("Stock Card"),
  .from_sql = STOCK_CARD_FROM,
  .key_sql = "c.id",
  .n_keys = 1,
  .running_sql = "c.running",
  .default_order = "c.date, c.id",
  .row_from_sql = STOCK_CARD_ROW_FROM,
  .columns = stock_card_columns,
  .n_columns = N_OF (stock_card_columns),
  .filters = stock_card_filters,
  .n_filters = N_OF (stock_card_filters),
  .opens = MK_LIST_OPENS_NOTHING,
};

/* Documents --------------------------------------------------------------- */

/* A waybill is in transit while its transit location holds stock. */
#define WAYBILL_IN_TRANSIT                                                         \
  "(d.kind = 'WB' AND d.status = 'posted' AND EXISTS (SELECT 1 FROM locations tl " \
  "JOIN balances tb ON tb.location_id = tl.id WHERE tl.waybill_id = d.id AND tb.quantity > 0))"
#define DOCUMENT_CANCELLED                                                               \
  "EXISTS (SELECT 1 FROM documents cd WHERE cd.reference_id = d.id AND cd.kind = 'CAN' " \
  "AND cd.status = 'posted')"

static const MkListColumn document_columns[] = {
  /* Translators: columns of a list of documents. */
  { "number", N_ ("Number"), MK_LIST_COLUMN_CODE, "d.number", "d.number", NULL, 18, FALSE },
  { "date", N_ ("Date"), MK_LIST_COLUMN_DATE, "d.date", "d.date", NULL, 10, FALSE },
  { "kind", N_ ("Document"), MK_LIST_COLUMN_KIND, "d.kind", "d.kind", NULL, 14, FALSE },
  { "status", N_ ("Status"), MK_LIST_COLUMN_STATUS,
    "CASE WHEN d.status = 'draft' THEN 'draft' WHEN " DOCUMENT_CANCELLED " THEN 'cancelled' "
    "WHEN " WAYBILL_IN_TRANSIT " AND d.expected_date < date ('now') THEN 'overdue' "
    "WHEN " WAYBILL_IN_TRANSIT " THEN 'in-transit' ELSE 'posted' END",
    "d.status", NULL, 10, FALSE },
  { "warehouse", N_ ("Warehouse"), MK_LIST_COLUMN_CODE, "w.code", NULL, NULL, 10, FALSE },
  /* Translators: a column of a list of documents: the other warehouse, the
   * site or the partner. */
  { "destination", N_ ("Destination or Site"), MK_LIST_COLUMN_CODE,
    "COALESCE (tw.code, ts.code, tp.code)", NULL, NULL, 12, FALSE },
  { "reference", N_ ("Reference"), MK_LIST_COLUMN_TEXT,
    "COALESCE (NULLIF (d.reference_text, ''), NULLIF (d.supplier, ''), rd.number)", NULL, NULL,
    16, TRUE },
  { "units", N_ ("Units"), MK_LIST_COLUMN_QUANTITY,
    "(SELECT SUM (ABS (dl.quantity)) FROM document_lines dl WHERE dl.document_id = d.id)", NULL,
    NULL, 8, FALSE },
  /* Translators: a column of the waybill list: the estimated arrival. */
  { "expected", N_ ("Expected"), MK_LIST_COLUMN_DATE, "d.expected_date", "d.expected_date", NULL,
    10, FALSE },
};

static const MkListFilter document_filters[] = {
  { "text", FOLD ("d.number") " OR " FOLD ("d.reference_text") " OR " FOLD ("d.supplier") " OR " FOLD ("d.notes"), FALSE },
  /* "GRN,RCV": the kinds the page shows. */
  { "kinds", "instr (',' || :kinds || ',', ',' || d.kind || ',') > 0", FALSE },
  { "status",
    "CASE :status WHEN 'draft' THEN d.status = 'draft' WHEN 'posted' THEN d.status = 'posted' "
    "WHEN 'in-transit' THEN " WAYBILL_IN_TRANSIT " "
    "WHEN 'overdue' THEN " WAYBILL_IN_TRANSIT " AND d.expected_date < date ('now') "
    "WHEN 'cancelled' THEN " DOCUMENT_CANCELLED " ELSE 1 END",
    FALSE },
  /* "overdue=1": in transit past the estimated arrival. */
  { "overdue", WAYBILL_IN_TRANSIT " AND d.expected_date < date ('now')", FALSE },
  { "from", "d.date >= :from", FALSE },
  { "to", "d.date <= :to", FALSE },
  { "population-group", "d.population_group = :population_group", FALSE },
  { "warehouse", "(SELECT id FROM warehouses WHERE code = :warehouse) IN (d.warehouse_id, d.to_warehouse_id)", FALSE },
  { "site", "(SELECT id FROM sites WHERE code = :site) IN (d.site_id, d.to_site_id, d.from_site_id)", FALSE },
  { "grant", "d.grant_id = (SELECT id FROM grants WHERE code = :grant) OR EXISTS (SELECT 1 FROM "
             "document_lines gl WHERE gl.document_id = d.id AND gl.grant_id = (SELECT id FROM grants "
             "WHERE code = :grant))",
    FALSE },
};

static const MkListSource documents_source = {
  .name = "documents",
  .title = N_ ("Documents"),
  .from_sql = "documents d",
  .key_sql = "d.id",
  .n_keys = 1,
  .default_order = "d.date DESC, d.id DESC",
  .row_from_sql = "documents d LEFT JOIN warehouses w ON w.id = d.warehouse_id "
                  "LEFT JOIN warehouses tw ON tw.id = d.to_warehouse_id "
                  "LEFT JOIN sites ts ON ts.id = COALESCE (d.to_site_id, d.site_id, d.from_site_id) "
                  "LEFT JOIN partners tp ON tp.id = COALESCE (d.to_partner_id, d.partner_id) "
                  "LEFT JOIN documents rd ON rd.id = d.reference_id",
  .columns = document_columns,
  .n_columns = N_OF (document_columns),
  .filters = document_filters,
  .n_filters = N_OF (document_filters),
  .opens = MK_LIST_OPENS_DOCUMENT,
};

/* Households -------------------------------------------------------------- */

/* Names and phone numbers are personal: they are shown only in the
 * household's own editor, never in a list. */
static const MkListColumn household_columns[] = {
  /* Translators: columns of the household list. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "h.code", "h.code", NULL, 12, FALSE },
  { "site", N_ ("Site"), MK_LIST_COLUMN_CODE, "s.code", "s.code", NULL, 10, FALSE },
  NAME_COLUMN ("population-group", N_ ("Population Group"), "pg", 16, TRUE),
  { "size", N_ ("Size"), MK_LIST_COLUMN_QUANTITY, "h.size", "h.size", NULL, 5, FALSE },
  { "disabled", N_ ("With Disability"), MK_LIST_COLUMN_QUANTITY, "h.disabled", "h.disabled", NULL, 5, FALSE },
  { "registered", N_ ("Registered"), MK_LIST_COLUMN_DATE, "h.registered_on", "h.registered_on", NULL, 10, FALSE },
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "h.active", "h.active", NULL, 5, FALSE },
};

static const MkListFilter household_filters[] = {
  { "text", FOLD ("h.code"), FALSE },
  { "site", "s.code = :site", FALSE },
  { "population-group", "h.population_group = :population_group", FALSE },
  { "active", "h.active = :active", FALSE },
};

static const MkListSource households_source = {
  .name = "households",
  .title = N_ ("Households"),
  .from_sql = "households h LEFT JOIN sites s ON s.id = h.site_id "
              "JOIN population_groups pg ON pg.code = h.population_group",
  .key_sql = "h.id",
  .n_keys = 1,
  .default_order = "h.code",
  .columns = household_columns,
  .n_columns = N_OF (household_columns),
  .filters = household_filters,
  .n_filters = N_OF (household_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "household",
};

/* Catalogue --------------------------------------------------------------- */

static const MkListColumn item_columns[] = {
  /* Translators: columns of the catalogue. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "i.code", "i.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "i", 26, TRUE),
  NAME_COLUMN ("category", N_ ("Category"), "c", 10, FALSE),
  NAME_COLUMN ("unit", N_ ("Unit"), "u", 7, FALSE),
  { "weight", N_ ("Unit Weight (kg)"), MK_LIST_COLUMN_UNIT_WEIGHT, "i.weight_g", "i.weight_g", NULL, 8, FALSE },
  { "volume", N_ ("Unit Volume (m³)"), MK_LIST_COLUMN_UNIT_VOLUME, "i.volume_cm3", "i.volume_cm3", NULL, 8, FALSE },
  { "pack-size", N_ ("Pack Size"), MK_LIST_COLUMN_QUANTITY, "i.pack_size", "i.pack_size", NULL, 5, FALSE },
  { "kit", N_ ("Kit"), MK_LIST_COLUMN_BOOLEAN, "i.is_kit", "i.is_kit", NULL, 4, FALSE },
  { "lots", N_ ("Lots"), MK_LIST_COLUMN_BOOLEAN, "i.tracks_lots", "i.tracks_lots", NULL, 4, FALSE },
  { "reorder", N_ ("Reorder Level"), MK_LIST_COLUMN_QUANTITY, "i.reorder_level", "i.reorder_level", NULL, 6, FALSE },
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "i.active", "i.active", NULL, 4, FALSE },
};

static const MkListFilter item_filters[] = {
  { "text", FOLD_NAMES ("i"), FALSE },
  { "category", "i.category = :category", FALSE },
  { "kit", "i.is_kit = :kit", FALSE },
  { "active", "i.active = :active", FALSE },
};

static const MkListSource items_source = {
  .name = "items",
  .title = N_ ("Items and Kits"),
  .from_sql = "items i JOIN item_categories c ON c.code = i.category JOIN units u ON u.code = i.unit",
  .key_sql = "i.id",
  .n_keys = 1,
  .default_order = "i.code",
  .columns = item_columns,
  .n_columns = N_OF (item_columns),
  .filters = item_filters,
  .n_filters = N_OF (item_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "item",
};

/* Places ------------------------------------------------------------------ */

static const MkListColumn warehouse_columns[] = {
  /* Translators: columns of the warehouse list. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "w.code", "w.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "w", 24, TRUE),
  NAME_COLUMN ("type", N_ ("Type"), "t", 14, FALSE),
  NAME_COLUMN ("baladiya", N_ ("Baladiya"), "b", 14, FALSE),
  { "manager", N_ ("Manager"), MK_LIST_COLUMN_TEXT, "w.manager", "w.manager COLLATE mk_names", NULL, 16, FALSE },
  { "phone", N_ ("Phone"), MK_LIST_COLUMN_CODE, "w.phone", NULL, NULL, 12, FALSE },
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "w.active", "w.active", NULL, 4, FALSE },
};

static const MkListFilter warehouse_filters[] = {
  { "text", FOLD_NAMES ("w"), FALSE },
  { "active", "w.active = :active", FALSE },
};

static const MkListSource warehouses_source = {
  .name = "warehouses",
  .title = N_ ("Warehouses"),
  .from_sql = "warehouses w JOIN warehouse_types t ON t.code = w.type "
              "JOIN baladiyas b ON b.pcode = w.baladiya",
  .key_sql = "w.id",
  .n_keys = 1,
  .default_order = "w.code",
  .columns = warehouse_columns,
  .n_columns = N_OF (warehouse_columns),
  .filters = warehouse_filters,
  .n_filters = N_OF (warehouse_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "warehouse",
};

static const MkListColumn site_columns[] = {
  /* Translators: columns of the site list. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "s.code", "s.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "s", 24, TRUE),
  NAME_COLUMN ("type", N_ ("Type"), "t", 16, FALSE),
  NAME_COLUMN ("baladiya", N_ ("Baladiya"), "b", 14, FALSE),
  /* Translators: a site whose name never leaves the office in an export. */
  { "sensitive", N_ ("Sensitive"), MK_LIST_COLUMN_BOOLEAN, "s.sensitive", "s.sensitive", NULL, 5, FALSE },
  { "capacity", N_ ("Capacity"), MK_LIST_COLUMN_QUANTITY, "s.capacity", "s.capacity", NULL, 6, FALSE },
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "s.active", "s.active", NULL, 4, FALSE },
};

static const MkListFilter site_filters[] = {
  { "text", FOLD_NAMES ("s") " OR " FOLD ("b.name_en") " OR " FOLD ("b.name_ar"), FALSE },
  { "type", "s.type = :type", FALSE },
  { "active", "s.active = :active", FALSE },
};

static const MkListSource sites_source = {
  .name = "sites",
  .title = N_ ("Sites"),
  .from_sql = "sites s JOIN site_types t ON t.code = s.type JOIN baladiyas b ON b.pcode = s.baladiya",
  .key_sql = "s.id",
  .n_keys = 1,
  .default_order = "s.code",
  .columns = site_columns,
  .n_columns = N_OF (site_columns),
  .filters = site_filters,
  .n_filters = N_OF (site_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "site",
};

static const MkListColumn baladiya_columns[] = {
  /* Translators: columns of the list of baladiyas (municipalities). */
  { "pcode", N_ ("P-code"), MK_LIST_COLUMN_CODE, "b.pcode", "b.pcode", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Baladiya"), "b", 20, TRUE),
  NAME_COLUMN ("mantika", N_ ("Mantika"), "m", 16, FALSE),
  NAME_COLUMN ("region", N_ ("Region"), "r", 10, FALSE),
  { "warehouses", N_ ("Warehouses"), MK_LIST_COLUMN_QUANTITY,
    "(SELECT COUNT (*) FROM warehouses w WHERE w.baladiya = b.pcode)", NULL, NULL, 5, FALSE },
  { "sites", N_ ("Sites"), MK_LIST_COLUMN_QUANTITY,
    "(SELECT COUNT (*) FROM sites s WHERE s.baladiya = b.pcode)", NULL, NULL, 5, FALSE },
};

static const MkListFilter baladiya_filters[] = {
  { "text", FOLD ("b.pcode") " OR " FOLD ("b.name_en") " OR " FOLD ("b.name_ar") " OR " FOLD ("m.name_en") " OR " FOLD ("m.name_ar"), FALSE },
};

static const MkListSource baladiyas_source = {
  .name = "baladiyas",
  .title = N_ ("Baladiyas"),
  .from_sql = "baladiyas b JOIN mantikas m ON m.pcode = b.mantika_pcode "
              "JOIN regions r ON r.pcode = m.region_pcode",
  /* A WITHOUT ROWID table: P-codes are "LY" and digits, an integer key. */
  .key_sql = "CAST (substr (b.pcode, 3) AS INTEGER)",
  .n_keys = 1,
  .default_order = "b.pcode",
  .columns = baladiya_columns,
  .n_columns = N_OF (baladiya_columns),
  .filters = baladiya_filters,
  .n_filters = N_OF (baladiya_filters),
  .opens = MK_LIST_OPENS_NOTHING,
};

/* Funding ----------------------------------------------------------------- */

static const MkListColumn grant_columns[] = {
  /* Translators: columns of the grant list. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "g.code", "g.code", NULL, 12, FALSE },
  { "donor", N_ ("Donor"), MK_LIST_COLUMN_CODE, "d.code", "d.code", NULL, 8, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "g", 24, TRUE),
  { "start", N_ ("Start"), MK_LIST_COLUMN_DATE, "g.start_date", "g.start_date", NULL, 10, FALSE },
  { "end", N_ ("End"), MK_LIST_COLUMN_DATE, "g.end_date", "g.end_date", NULL, 10, FALSE },
  NAME_COLUMN ("sector", N_ ("Sector"), "se", 12, FALSE),
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "g.active", "g.active", NULL, 4, FALSE },
};

static const MkListFilter grant_filters[] = {
  { "text", FOLD_NAMES ("g") " OR " FOLD ("d.code"), FALSE },
  { "active", "g.active = :active", FALSE },
};

static const MkListSource grants_source = {
  .name = "grants",
  .title = N_ ("Grants"),
  .from_sql = "grants g JOIN donors d ON d.id = g.donor_id JOIN sectors se ON se.code = g.sector",
  .key_sql = "g.id",
  .n_keys = 1,
  .default_order = "g.code",
  .columns = grant_columns,
  .n_columns = N_OF (grant_columns),
  .filters = grant_filters,
  .n_filters = N_OF (grant_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "grant",
};

static const MkListColumn donor_columns[] = {
  /* Translators: columns of the donor list. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "d.code", "d.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "d", 30, TRUE),
  { "grants", N_ ("Grants"), MK_LIST_COLUMN_QUANTITY,
    "(SELECT COUNT (*) FROM grants g WHERE g.donor_id = d.id)", NULL, NULL, 5, FALSE },
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "d.active", "d.active", NULL, 4, FALSE },
};

static const MkListFilter donor_filters[] = {
  { "text", FOLD_NAMES ("d"), FALSE },
  { "active", "d.active = :active", FALSE },
};

static const MkListSource donors_source = {
  .name = "donors",
  .title = N_ ("Donors"),
  .from_sql = "donors d",
  .key_sql = "d.id",
  .n_keys = 1,
  .default_order = "d.code",
  .columns = donor_columns,
  .n_columns = N_OF (donor_columns),
  .filters = donor_filters,
  .n_filters = N_OF (donor_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "donor",
};

static const MkListColumn partner_columns[] = {
  /* Translators: columns of the partner list. */
  { "code", N_ ("Code"), MK_LIST_COLUMN_CODE, "p.code", "p.code", NULL, 10, FALSE },
  NAME_COLUMN ("name", N_ ("Name"), "p", 28, TRUE),
  { "contact", N_ ("Contact"), MK_LIST_COLUMN_TEXT, "p.contact", "p.contact COLLATE mk_names", NULL, 16, FALSE },
  { "phone", N_ ("Phone"), MK_LIST_COLUMN_CODE, "p.phone", NULL, NULL, 12, FALSE },
  { "active", N_ ("Active"), MK_LIST_COLUMN_BOOLEAN, "p.active", "p.active", NULL, 4, FALSE },
};

static const MkListFilter partner_filters[] = {
  { "text", FOLD_NAMES ("p"), FALSE },
  { "active", "p.active = :active", FALSE },
};

static const MkListSource partners_source = {
  .name = "partners",
  .title = N_ ("Partners"),
  .from_sql = "partners p",
  .key_sql = "p.id",
  .n_keys = 1,
  .default_order = "p.code",
  .columns = partner_columns,
  .n_columns = N_OF (partner_columns),
  .filters = partner_filters,
  .n_filters = N_OF (partner_filters),
  .opens = MK_LIST_OPENS_RECORD,
  .record_kind = "partner",
};

static const MkListSource *const all_sources[] = {
  &stock_source,
  &stock_as_of_source,
  &stock_card_source,
  &documents_source,
  &households_source,
  &items_source,
  &warehouses_source,
  &sites_source,
  &baladiyas_source,
  &grants_source,
  &donors_source,
  &partners_source,
  NULL,
};

const MkListSource *const *
mk_list_sources (void)
{
  return all_sources;
}

const MkListSource *
mk_list_source_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; all_sources[i] != NULL; i++)
    if (g_str_equal (all_sources[i]->name, name))
      return all_sources[i];
  return NULL;
}
