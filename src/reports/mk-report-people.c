/* mk-report-people.c: the programme's tables — items distributed, people
 * reached, distribution lines, services, unique people per indicator and
 * baladiya, and the 5W rows.
 *
 * Read-only SQL over tables owned by mk-documents (documents,
 * document_lines), mk-distributions (people_reached, household_receipts)
 * and mk-master-data (households, sites, items, grants and vocabularies).
 * People are counted as mk_distributions_reached() counts them: the counts
 * of distributions and services add up, and a registered household counts
 * once within a row however often it received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-report-private.h"

/* Names ----------------------------------------------------------------- */

/* Every vocabulary a row may name, by code: the values after the code in
 * each table's SELECT. */
typedef struct
{
  GHashTable *baladiyas;  /* pcode → name_en, name_ar, mantika …, region … */
  GHashTable *site_types; /* code → name_en, name_ar */
  GHashTable *groups;     /* population groups */
  GHashTable *activities; /* code → name_en, name_ar, kind, unit_en, unit_ar, sector */
  GHashTable *indicators; /* code → name_en, name_ar */
  GHashTable *sectors;    /* code → name_en, name_ar */
  GHashTable *grants;     /* id → code, donor name_en, donor name_ar */
  GHashTable *partners;   /* id → name_en, name_ar */
  GHashTable *items;      /* code → name_en, name_ar, unit, weight_g, volume_cm3 */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->baladiyas, g_hash_table_unref);
  g_clear_pointer (&names->site_types, g_hash_table_unref);
  g_clear_pointer (&names->groups, g_hash_table_unref);
  g_clear_pointer (&names->activities, g_hash_table_unref);
  g_clear_pointer (&names->indicators, g_hash_table_unref);
  g_clear_pointer (&names->sectors, g_hash_table_unref);
  g_clear_pointer (&names->grants, g_hash_table_unref);
  g_clear_pointer (&names->partners, g_hash_table_unref);
  g_clear_pointer (&names->items, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

static GHashTable *
load_table (MkDatabase *db,
            const char *sql,
            GError    **error)
{
  g_autoptr (GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr (sqlite3_stmt) stmt = _mk_report_prepare (db, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  while (TRUE)
    {
      int    n;
      char **values;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      n = sqlite3_column_count (stmt);
      values = g_new0 (char *, n);
      for (int c = 1; c < n; c++)
        values[c - 1] = g_strdup (_mk_report_column_text (stmt, c) ? _mk_report_column_text (stmt, c) : "");
      g_hash_table_insert (table, g_strdup (_mk_report_column_text (stmt, 0)), values);
    }
  return g_steal_pointer (&table);
}

static gboolean
names_load (MkDatabase *db,
            Names      *names,
            GError    **error)
{
  return (names->baladiyas = load_table (db,
                                         "SELECT b.pcode, b.name_en, b.name_ar, m.pcode, m.name_en, m.name_ar,"
                                         " r.pcode, r.name_en, r.name_ar FROM baladiyas b"
                                         " JOIN mantikas m ON m.pcode = b.mantika_pcode"
                                         " JOIN regions r ON r.pcode = m.region_pcode",
                                         error)) &&
         (names->site_types = load_table (db, "SELECT code, name_en, name_ar FROM site_types", error)) && (names->groups = load_table (db, "SELECT code, name_en, name_ar FROM population_groups", error)) && (names->activities = load_table (db, "SELECT code, name_en, name_ar, kind, unit_en, unit_ar, sector"
                                                                                                                                                                                                                                                   " FROM activities",
                                                                                                                                                                                                                                               error)) &&
         (names->indicators = load_table (db, "SELECT code, name_en, name_ar FROM indicators", error)) && (names->sectors = load_table (db, "SELECT code, name_en, name_ar FROM sectors", error)) && (names->grants = load_table (db, "SELECT g.id, g.code, d.name_en, d.name_ar FROM grants g"
                                                                                                                                                                                                                                      " JOIN donors d ON d.id = g.donor_id",
                                                                                                                                                                                                                                  error)) &&
         (names->partners = load_table (db, "SELECT id, name_en, name_ar FROM partners", error)) && (names->items = load_table (db, "SELECT i.code, i.name_en, i.name_ar, i.unit, i.weight_g, i.volume_cm3, u.name_en, u.name_ar"
                                                                                                                                    " FROM items i LEFT JOIN units u ON u.code = i.unit",
                                                                                                                                error));
}

/* Field @field of @code in @table, or NULL. */
static const char *
field (GHashTable *table,
       const char *code,
       guint       field_index)
{
  char **values = code != NULL ? g_hash_table_lookup (table, code) : NULL;
  return values != NULL ? values[field_index] : NULL;
}

/* The name of @code in @table (name_en at @first, name_ar after it). */
static const char *
name_of (const char *language,
         GHashTable *table,
         const char *code,
         guint       first)
{
  char **values = code != NULL ? g_hash_table_lookup (table, code) : NULL;
  return values != NULL ? mk_report_pick_name (language, values[first], values[first + 1]) : NULL;
}

static MkCell
text (const char *value)
{
  MkCell cell = { value, 0, FALSE };
  return cell;
}

static MkCell
number (gint64 value)
{
  MkCell cell = { NULL, value, FALSE };
  return cell;
}

/* The documents counted ---------------------------------------------------- */

/* Posted, not cancelled distributions (and services when ?5) in the period
 * from ?1 to ?2, with where they happened. A site's baladiya, or the
 * warehouse's for a distribution from a warehouse. */
#define DOCS_CTE                                                                                             \
  "docs AS MATERIALIZED (SELECT d.id, d.date, substr (d.date, 1, 7) AS k_month, d.number, d.kind AS k_kind," \
  "  d.population_group AS k_group, d.activity AS k_activity, d.indicator AS k_indicator,"                   \
  "  coalesce (d.grant_id, 0) AS k_grant, coalesce (d.partner_id, 0) AS k_partner,"                          \
  "  d.service_quantity, d.end_date,"                                                                        \
  "  coalesce (s.baladiya, w.baladiya) AS k_baladiya, s.type AS k_site_type,"                                \
  "  s.name_en AS site_en, s.name_ar AS site_ar, coalesce (s.sensitive, 0) AS sensitive,"                    \
  "  d.id IN (SELECT document_id FROM household_receipts) AS listed"                                         \
  " FROM documents d LEFT JOIN sites s ON s.id = d.site_id"                                                  \
  " LEFT JOIN warehouses w ON w.id = d.warehouse_id"                                                         \
  " WHERE (d.kind = 'DIS' OR (?5 AND d.kind = 'SRV')) AND d.status = 'posted'"                               \
  " AND d.date >= ?1 AND d.date <= ?2 AND" MK_REPORT_NOT_CANCELLED ("d") ")"

#define PEOPLE_SUMS(p)                                                                           \
  "sum (" p ".female_0_4) AS f1, sum (" p ".female_5_11) AS f2, sum (" p ".female_12_17) AS f3," \
  " sum (" p ".female_18_59) AS f4, sum (" p ".female_60) AS f5, sum (" p ".male_0_4) AS m1,"    \
  " sum (" p ".male_5_11) AS m2, sum (" p ".male_12_17) AS m3, sum (" p ".male_18_59) AS m4,"    \
  " sum (" p ".male_60) AS m5, sum (" p ".disabled) AS dis"

#define ZERO_PEOPLE "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0"

/* The number of values people_statement() gives after its keys. */
#define N_PEOPLE_VALUES 14

/* People per @keys (a comma-separated list of docs' columns, such as
 * "month, baladiya"): the keys, then the number of documents, the last
 * date, households, the ten sex-and-age cells (female 0–4 … 60+, male
 * 0–4 … 60+) and persons with disability. People are those of documents
 * of the grant in @options (the document's grant, as the core counts) and,
 * when ?4 is bound, of that indicator. */
static sqlite3_stmt *
people_statement (MkDatabase            *db,
                  const MkReportOptions *options,
                  const char            *keys,
                  gboolean               services,
                  GError               **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt    *stmt;
  gint64           grant = 0;

  if (!_mk_report_find_id (db, "grant", options->grant_code, &grant, error))
    return NULL;
  sql = g_strdup_printf (
      "WITH " DOCS_CTE ","
      " chosen AS MATERIALIZED (SELECT * FROM docs WHERE (?3 = 0 OR k_grant = ?3) AND (?4 IS NULL OR k_indicator = ?4)),"
      " counted AS (SELECT %1$s, count (*) AS n, max (date) AS last, sum (p.households) AS hh, " PEOPLE_SUMS ("p") "  FROM chosen JOIN people_reached p ON p.document_id = chosen.id WHERE NOT listed GROUP BY %1$s),"
                                                                                                                   " listed_docs AS (SELECT %1$s, count (*) AS n, max (date) AS last, 0 AS hh, " ZERO_PEOPLE
                                                                                                                   "  FROM chosen WHERE listed GROUP BY %1$s),"
                                                                                                                   " listed AS (SELECT %1$s, 0 AS n, NULL AS last, count (*) AS hh, " PEOPLE_SUMS ("h") "  FROM (SELECT DISTINCT %1$s, r.household_id FROM chosen"
                                                                                                                                                                                                        "   JOIN household_receipts r ON r.document_id = chosen.id) x"
                                                                                                                                                                                                        "  JOIN households h ON h.id = x.household_id GROUP BY %1$s)"
                                                                                                                                                                                                        " SELECT %1$s, sum (n), max (last), sum (hh), sum (f1), sum (f2), sum (f3), sum (f4), sum (f5),"
                                                                                                                                                                                                        "  sum (m1), sum (m2), sum (m3), sum (m4), sum (m5), sum (dis)"
                                                                                                                                                                                                        " FROM (SELECT * FROM counted UNION ALL SELECT * FROM listed_docs UNION ALL SELECT * FROM listed)"
                                                                                                                                                                                                        " GROUP BY %1$s ORDER BY %1$s",
      keys);
  stmt = _mk_report_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, options->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, grant);
  sqlite3_bind_int (stmt, 5, services);
  return stmt;
}

/* Sex and age: the ten cells of a people_statement() row from @first. */
typedef struct
{
  gint64      documents, households, female[5], male[5], disabled, total;
  const char *last_date;
} People;

static void
read_people (sqlite3_stmt *stmt,
             int           first,
             People       *people)
{
  memset (people, 0, sizeof *people);
  people->documents = sqlite3_column_int64 (stmt, first);
  people->last_date = _mk_report_column_text (stmt, first + 1);
  people->households = sqlite3_column_int64 (stmt, first + 2);
  for (int b = 0; b < 5; b++)
    {
      people->female[b] = sqlite3_column_int64 (stmt, first + 3 + b);
      people->male[b] = sqlite3_column_int64 (stmt, first + 8 + b);
      people->total += people->female[b] + people->male[b];
    }
  people->disabled = sqlite3_column_int64 (stmt, first + 13);
}

static gboolean
bind_and_check (MkDatabase            *db,
                sqlite3_stmt          *stmt,
                const MkReportOptions *options,
                gboolean               services,
                GError               **error)
{
  gint64 grant = 0;

  if (!_mk_report_find_id (db, "grant", options->grant_code, &grant, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, options->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, options->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, grant);
  sqlite3_bind_int (stmt, 5, services);
  return TRUE;
}

/* Items distributed ------------------------------------------------------- */

gboolean
_mk_report_run_items_distributed (MkDatabase            *db,
                                  const MkReportOptions *options,
                                  MkRowFunc              func,
                                  gpointer               data,
                                  GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  stmt = _mk_report_prepare (db,
                             "WITH " DOCS_CTE
                             " SELECT k_month, k_baladiya, k_site_type, k_group, k_activity, i.code,"
                             "  count (DISTINCT docs.id), sum (l.quantity),"
                             /* One item per group: its value and currency are the item's. */
                             "  i.unit_value_milli, i.currency"
                             " FROM docs JOIN document_lines l ON l.document_id = docs.id"
                             " JOIN items i ON i.id = l.item_id"
                             " WHERE (?3 = 0 OR l.grant_id = ?3)"
                             " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6",
                             error);
  if (stmt == NULL || !bind_and_check (db, stmt, options, FALSE, error))
    return FALSE;
  while (TRUE)
    {
      const char *baladiya, *item;
      gint64      quantity, value;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      baladiya = _mk_report_column_text (stmt, 1);
      item = _mk_report_column_text (stmt, 5);
      quantity = sqlite3_column_int64 (stmt, 7);
      if (!_mk_report_value_of (item, quantity, sqlite3_column_int64 (stmt, 8), &value, error))
        return FALSE;
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (baladiya),
          text (name_of (language, names.baladiyas, baladiya, 0)),
          text (name_of (language, names.site_types, _mk_report_column_text (stmt, 2), 0)),
          text (name_of (language, names.groups, _mk_report_column_text (stmt, 3), 0)),
          text (name_of (language, names.activities, _mk_report_column_text (stmt, 4), 0)),
          text (item),
          text (name_of (language, names.items, item, 0)),
          text (name_of (language, names.items, item, 5)),
          number (sqlite3_column_int64 (stmt, 6)),
          number (quantity),
          number (quantity * g_ascii_strtoll (field (names.items, item, 3), NULL, 10)),
          number (quantity * g_ascii_strtoll (field (names.items, item, 4), NULL, 10)),
          text (_mk_report_column_text (stmt, 9)),
          number (value),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* People reached ------------------------------------------------------------ */

gboolean
_mk_report_run_people_reached (MkDatabase            *db,
                               const MkReportOptions *options,
                               MkRowFunc              func,
                               gpointer               data,
                               GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  stmt = people_statement (db, options, "k_month, k_baladiya, k_site_type, k_group, k_activity", FALSE, error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      const char *baladiya;
      People      people;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      baladiya = _mk_report_column_text (stmt, 1);
      read_people (stmt, 5, &people);
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (baladiya),
          text (name_of (language, names.baladiyas, baladiya, 0)),
          text (name_of (language, names.site_types, _mk_report_column_text (stmt, 2), 0)),
          text (name_of (language, names.groups, _mk_report_column_text (stmt, 3), 0)),
          text (name_of (language, names.activities, _mk_report_column_text (stmt, 4), 0)),
          number (people.documents),
          number (people.households),
          number (people.female[0]),
          number (people.female[1]),
          number (people.female[2]),
          number (people.female[3]),
          number (people.female[4]),
          number (people.male[0]),
          number (people.male[1]),
          number (people.male[2]),
          number (people.male[3]),
          number (people.male[4]),
          number (people.disabled),
          number (people.total),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* Distribution lines ------------------------------------------------------- */

gboolean
_mk_report_run_distribution_lines (MkDatabase            *db,
                                   const MkReportOptions *options,
                                   MkRowFunc              func,
                                   gpointer               data,
                                   GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) site_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  stmt = _mk_report_prepare (db,
                             "WITH " DOCS_CTE
                             " SELECT docs.date, docs.number, k_baladiya, k_site_type, site_en, site_ar, sensitive,"
                             "  k_group, k_activity, k_indicator, l.grant_id, i.code, l.quantity"
                             " FROM docs JOIN document_lines l ON l.document_id = docs.id"
                             " JOIN items i ON i.id = l.item_id"
                             " WHERE (?3 = 0 OR l.grant_id = ?3)"
                             " ORDER BY docs.date, docs.id, l.line_no",
                             error);
  if (stmt == NULL || !bind_and_check (db, stmt, options, FALSE, error))
    return FALSE;
  while (TRUE)
    {
      const char *baladiya, *site_type, *site_en, *item;
      const char *site = NULL;
      gint64      quantity;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      baladiya = _mk_report_column_text (stmt, 2);
      site_type = _mk_report_column_text (stmt, 3);
      site_en = _mk_report_column_text (stmt, 4);
      item = _mk_report_column_text (stmt, 11);
      quantity = sqlite3_column_int64 (stmt, 12);
      if (site_en != NULL)
        {
          /* One label per site: the lines of a site share it. */
          site = g_hash_table_lookup (site_labels, site_en);
          if (site == NULL)
            {
              char *label = _mk_report_site_label (language, sqlite3_column_int (stmt, 6), site_en,
                                                   _mk_report_column_text (stmt, 5),
                                                   field (names.site_types, site_type, 0),
                                                   field (names.site_types, site_type, 1));
              g_hash_table_insert (site_labels, g_strdup (site_en), label);
              site = label;
            }
        }
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (_mk_report_column_text (stmt, 1)),
          text (baladiya),
          text (name_of (language, names.baladiyas, baladiya, 0)),
          text (name_of (language, names.site_types, site_type, 0)),
          text (site),
          text (name_of (language, names.groups, _mk_report_column_text (stmt, 7), 0)),
          text (name_of (language, names.activities, _mk_report_column_text (stmt, 8), 0)),
          text (name_of (language, names.indicators, _mk_report_column_text (stmt, 9), 0)),
          text (field (names.grants, _mk_report_column_text (stmt, 10), 0)),
          text (item),
          text (name_of (language, names.items, item, 0)),
          text (name_of (language, names.items, item, 5)),
          number (quantity),
          number (quantity * g_ascii_strtoll (field (names.items, item, 3), NULL, 10)),
          number (quantity * g_ascii_strtoll (field (names.items, item, 4), NULL, 10)),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* Services ----------------------------------------------------------------- */

gboolean
_mk_report_run_services (MkDatabase            *db,
                         const MkReportOptions *options,
                         MkRowFunc              func,
                         gpointer               data,
                         GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  stmt = _mk_report_prepare (db,
                             "WITH " DOCS_CTE
                             " SELECT docs.date, docs.end_date, docs.number, k_baladiya, k_site_type, site_en, site_ar,"
                             "  sensitive, k_group, k_activity, k_indicator, k_grant, service_quantity,"
                             "  p.households, p.total"
                             " FROM docs JOIN people_reached p ON p.document_id = docs.id"
                             " WHERE k_kind = 'SRV' AND (?3 = 0 OR k_grant = ?3)"
                             " ORDER BY docs.date, docs.id",
                             error);
  if (stmt == NULL || !bind_and_check (db, stmt, options, TRUE, error))
    return FALSE;
  while (TRUE)
    {
      const char      *baladiya, *site_type, *activity;
      g_autofree char *site = NULL;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      baladiya = _mk_report_column_text (stmt, 3);
      site_type = _mk_report_column_text (stmt, 4);
      activity = _mk_report_column_text (stmt, 9);
      if (_mk_report_column_text (stmt, 5) != NULL)
        site = _mk_report_site_label (language, sqlite3_column_int (stmt, 7), _mk_report_column_text (stmt, 5),
                                      _mk_report_column_text (stmt, 6), field (names.site_types, site_type, 0),
                                      field (names.site_types, site_type, 1));
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (_mk_report_column_text (stmt, 1)),
          text (_mk_report_column_text (stmt, 2)),
          text (baladiya),
          text (name_of (language, names.baladiyas, baladiya, 0)),
          text (name_of (language, names.site_types, site_type, 0)),
          text (site),
          text (name_of (language, names.groups, _mk_report_column_text (stmt, 8), 0)),
          text (name_of (language, names.activities, activity, 0)),
          text (name_of (language, names.indicators, _mk_report_column_text (stmt, 10), 0)),
          text (field (names.grants, _mk_report_column_text (stmt, 11), 0)),
          number (sqlite3_column_int64 (stmt, 12)),
          text (name_of (language, names.activities, activity, 3)),
          number (sqlite3_column_int64 (stmt, 13)),
          number (sqlite3_column_int64 (stmt, 14)),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}

/* Unique people per indicator ------------------------------------------------ */

static void
people_from_counts (const MkPeopleCounts *counts,
                    People               *people)
{
  memset (people, 0, sizeof *people);
  for (guint b = 0; b < MK_N_AGE_BANDS; b++)
    {
      people->female[b] = counts->female[b];
      people->male[b] = counts->male[b];
    }
  people->households = counts->households;
  people->disabled = counts->disabled;
  people->total = mk_people_counts_sum (counts);
}

static gboolean
emit_unique (const People *people,
             const char   *first,
             const char   *second,
             const char   *third,
             const char   *fourth,
             guint         n_keys,
             MkRowFunc     func,
             gpointer      data,
             GError      **error)
{
  MkCell cells[13];
  guint  c = 0;

  cells[c++] = text (first);
  cells[c++] = text (second);
  cells[c++] = text (third);
  if (n_keys == 4)
    cells[c++] = text (fourth);
  cells[c++] = number (people->households);
  cells[c++] = number (people->female[0] + people->female[1] + people->female[2]);
  cells[c++] = number (people->male[0] + people->male[1] + people->male[2]);
  cells[c++] = number (people->female[3]);
  cells[c++] = number (people->male[3]);
  cells[c++] = number (people->female[4]);
  cells[c++] = number (people->male[4]);
  cells[c++] = number (people->disabled);
  cells[c++] = number (people->total);
  return func (cells, data, error);
}

gboolean
_mk_report_run_people_by_indicator (MkDatabase            *db,
                                    const MkReportOptions *options,
                                    MkRowFunc              func,
                                    gpointer               data,
                                    GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  stmt = _mk_report_prepare (db,
                             "WITH " DOCS_CTE
                             " SELECT DISTINCT k_indicator, k_month FROM docs"
                             " WHERE (?3 = 0 OR k_grant = ?3) AND k_indicator IS NOT NULL ORDER BY 1, 2",
                             error);
  if (stmt == NULL || !bind_and_check (db, stmt, options, TRUE, error))
    return FALSE;
  while (TRUE)
    {
      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_ptr_array_add (pairs, g_strdup (_mk_report_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup (_mk_report_column_text (stmt, 1)));
    }

  /* Each month, then the whole period: the core's own count, in which a
   * household reached in two months counts once. */
  for (guint i = 0; i < pairs->len; i += 2)
    {
      const char      *indicator = g_ptr_array_index (pairs, i);
      const char      *month = g_ptr_array_index (pairs, i + 1);
      g_autofree char *month_from = g_strdup_printf ("%s-01", month);
      g_autofree char *month_to = g_strdup_printf ("%s-31", month);
      MkPeopleCounts   counts;
      People           people;
      GDate            end;

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, g_date_get_days_in_month ((GDateMonth) g_ascii_strtoll (month + 5, NULL, 10), (GDateYear) g_ascii_strtoll (month, NULL, 10)),
                      (GDateMonth) g_ascii_strtoll (month + 5, NULL, 10), (GDateYear) g_ascii_strtoll (month, NULL, 10));
      g_snprintf (month_to, 11, "%s-%02u", month, g_date_get_day (&end));
      if (!mk_distributions_reached (db, options->grant_code, indicator,
                                     strcmp (month_from, options->from) < 0 ? options->from : month_from,
                                     strcmp (month_to, options->to) > 0 ? options->to : month_to, &counts, error))
        return FALSE;
      people_from_counts (&counts, &people);
      if (!emit_unique (&people, indicator, name_of (language, names.indicators, indicator, 0), month, NULL, 3,
                        func, data, error))
        return FALSE;

      if (i + 2 >= pairs->len || !g_str_equal (indicator, g_ptr_array_index (pairs, i + 2)))
        {
          if (!mk_distributions_reached (db, options->grant_code, indicator, options->from, options->to, &counts, error))
            return FALSE;
          people_from_counts (&counts, &people);
          if (!emit_unique (&people, indicator, name_of (language, names.indicators, indicator, 0),
                            mk_report_text (language, N_ ("Whole period")), NULL, 3, func, data, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_mk_report_run_people_by_baladiya (MkDatabase            *db,
                                   const MkReportOptions *options,
                                   MkRowFunc              func,
                                   gpointer               data,
                                   GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  stmt = people_statement (db, options, "k_indicator, k_baladiya", TRUE, error);
  if (stmt == NULL)
    return FALSE;
  while (TRUE)
    {
      const char *indicator, *baladiya;
      People      people;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      indicator = _mk_report_column_text (stmt, 0);
      baladiya = _mk_report_column_text (stmt, 1);
      read_people (stmt, 2, &people);
      if (!emit_unique (&people, indicator, name_of (language, names.indicators, indicator, 0), baladiya,
                        name_of (language, names.baladiyas, baladiya, 0), 4, func, data, error))
        return FALSE;
    }
  return TRUE;
}

/* The 5W sheet ------------------------------------------------------------ */

#define FIVE_W_KEYS "k_month, k_grant, k_partner, k_activity, k_indicator, k_baladiya, k_site_type, k_group, k_kind"
#define N_FIVE_W_KEYS 9

typedef struct
{
  char  *item_codes; /* comma-separated */
  gint64 quantity, weight_g, volume_cm3;
} Output;

static void
output_free (Output *output)
{
  g_free (output->item_codes);
  g_free (output);
}

static char *
five_w_key (sqlite3_stmt *stmt)
{
  GString *key = g_string_new (NULL);

  for (int c = 0; c < N_FIVE_W_KEYS; c++)
    {
      const char *value = _mk_report_column_text (stmt, c);
      g_string_append (key, value != NULL ? value : "");
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

/* What the distributions of each 5W row gave out: items, quantity,
 * weight and volume. */
static GHashTable *
load_outputs (MkDatabase            *db,
              const MkReportOptions *options,
              GError               **error)
{
  g_autoptr (GHashTable) outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) output_free);
  g_autoptr (sqlite3_stmt) stmt = _mk_report_prepare (
      db,
      "WITH " DOCS_CTE
      " SELECT " FIVE_W_KEYS ", group_concat (DISTINCT i.code), sum (l.quantity),"
      "  sum (l.quantity * i.weight_g), sum (l.quantity * i.volume_cm3)"
      " FROM docs JOIN document_lines l ON l.document_id = docs.id JOIN items i ON i.id = l.item_id"
      " WHERE (?3 = 0 OR k_grant = ?3)"
      " GROUP BY " FIVE_W_KEYS,
      error);
  gboolean has_row;

  if (stmt == NULL || !bind_and_check (db, stmt, options, TRUE, error))
    return NULL;
  while (TRUE)
    {
      Output *output;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      output = g_new0 (Output, 1);
      output->item_codes = g_strdup (_mk_report_column_text (stmt, N_FIVE_W_KEYS));
      output->quantity = sqlite3_column_int64 (stmt, N_FIVE_W_KEYS + 1);
      output->weight_g = sqlite3_column_int64 (stmt, N_FIVE_W_KEYS + 2);
      output->volume_cm3 = sqlite3_column_int64 (stmt, N_FIVE_W_KEYS + 3);
      g_hash_table_insert (outputs, five_w_key (stmt), output);
    }
  return g_steal_pointer (&outputs);
}

gboolean
_mk_report_run_5w (MkDatabase            *db,
                   const MkReportOptions *options,
                   MkRowFunc              func,
                   gpointer               data,
                   GError               **error)
{
  const char *language = options->language;
  g_auto (Names) names = { 0 };
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) outputs = NULL;
  g_autoptr (MkOffice) office = NULL;
  gboolean has_row;

  if (!names_load (db, &names, error))
    return FALSE;
  office = mk_office_get_own (db, error);
  if (office == NULL)
    return FALSE;
  outputs = load_outputs (db, options, error);
  if (outputs == NULL)
    return FALSE;
  stmt = people_statement (db, options, FIVE_W_KEYS, TRUE, error);
  if (stmt == NULL)
    return FALSE;

  while (TRUE)
    {
      const char      *grant, *partner, *activity, *baladiya, *site_type, *sector;
      const char      *organisation = mk_report_pick_name (language, office->name_en, office->name_ar);
      g_autofree char *key = NULL;
      g_autoptr (GString) item_names = g_string_new (NULL);
      Output *output;
      People  people;

      if (!_mk_report_step (db, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      key = five_w_key (stmt);
      output = g_hash_table_lookup (outputs, key);
      grant = _mk_report_column_text (stmt, 1);
      partner = _mk_report_column_text (stmt, 2);
      activity = _mk_report_column_text (stmt, 3);
      baladiya = _mk_report_column_text (stmt, 5);
      site_type = _mk_report_column_text (stmt, 6);
      sector = field (names.activities, activity, 5);
      read_people (stmt, N_FIVE_W_KEYS, &people);
      if (output != NULL && output->item_codes != NULL)
        {
          g_auto (GStrv) codes = g_strsplit (output->item_codes, ",", -1);
          for (guint i = 0; codes[i] != NULL; i++)
            g_string_append_printf (item_names, "%s%s", i ? "; " : "",
                                    name_of (language, names.items, codes[i], 0));
        }
      {
        MkCell cells[] = {
          text (_mk_report_column_text (stmt, 0)),
          text (organisation),
          text (g_strcmp0 (partner, "0") != 0 ? name_of (language, names.partners, partner, 0) : organisation),
          text (name_of (language, names.grants, grant, 1)),
          text (field (names.grants, grant, 0)),
          text (name_of (language, names.sectors, sector, 0)),
          text (sector),
          text (name_of (language, names.activities, activity, 0)),
          text (name_of (language, names.indicators, _mk_report_column_text (stmt, 4), 0)),
          text (g_strcmp0 (_mk_report_column_text (stmt, 8), "SRV") == 0
                    ? mk_report_text (language, N_ ("Service"))
                    : mk_report_text (language, N_ ("In-kind"))),
          text (name_of (language, names.baladiyas, baladiya, 6)),
          text (field (names.baladiyas, baladiya, 5)),
          text (name_of (language, names.baladiyas, baladiya, 3)),
          text (field (names.baladiyas, baladiya, 2)),
          text (field (names.baladiyas, baladiya, 0)),
          text (field (names.baladiyas, baladiya, 1)),
          text (baladiya),
          text (name_of (language, names.site_types, site_type, 0)),
          text (name_of (language, names.groups, _mk_report_column_text (stmt, 7), 0)),
          text (people.last_date),
          number (people.total),
          number (people.households),
          number (people.female[0] + people.female[1] + people.female[2]),
          number (people.male[0] + people.male[1] + people.male[2]),
          number (people.female[3]),
          number (people.male[3]),
          number (people.female[4]),
          number (people.male[4]),
          number (people.disabled),
          text (item_names->len > 0 ? item_names->str : NULL),
          text (output != NULL ? output->item_codes : NULL),
          number (output != NULL ? output->quantity : 0),
          number (output != NULL ? output->weight_g : 0),
          number (output != NULL ? output->volume_cm3 : 0),
          text (mk_report_text (language, N_ ("Completed"))),
        };
        if (!func (cells, data, error))
          return FALSE;
      }
    }
  return TRUE;
}
