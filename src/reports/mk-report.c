/* mk-report.c: the kinds of workbook, their options, and writing one.
 *
 * Every workbook opens on a ReadMe sheet (what, for whom, when, by whom,
 * what each sheet counts and how), then its data sheets; the donor
 * workbook adds a Summary with charts. Data sheets stream from the report
 * queries straight into the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mk-report-private.h"
#include "mk-xlsx-writer.h"

/* clang-format off */
G_DEFINE_QUARK (mk-report-error-quark, mk_report_error)
/* clang-format on */

#define MAX_SHEETS 9

/* The page cache while a workbook is written, in KiB. */
#define REPORT_CACHE_KIB 4096

typedef struct
{
  const char   *name;
  const char   *title;       /* N_() */
  const char   *description; /* N_() */
  MkReportNeeds needs;
  MkTableId     sheets[MAX_SHEETS];
  guint         n_sheets;
} Kind;

static const Kind kinds[MK_N_REPORT_KINDS] = {
  [MK_REPORT_STOCK] = { "stock", N_ ("Monthly stock report"), N_ ("Per warehouse, item and grant, each month: opening balance, receipts by source, dispatches, distributions, losses by reason, adjustments, closing balance and physical count."), MK_REPORT_NEEDS_NOTHING, { MK_TABLE_STOCK_MONTH }, 1 },
  [MK_REPORT_STOCK_CARD] = { "stock-card", N_ ("Stock card"), N_ ("Every movement of one item in one warehouse, with its running balance."), MK_REPORT_NEEDS_WAREHOUSE | MK_REPORT_NEEDS_ITEM, { MK_TABLE_STOCK_CARD }, 1 },
  [MK_REPORT_DISTRIBUTIONS] = { "distributions", N_ ("Distribution report"), N_ ("Items distributed and people reached by month, baladiya, site type, population group and activity, and every distribution line."), MK_REPORT_NEEDS_NOTHING, { MK_TABLE_ITEMS_DISTRIBUTED, MK_TABLE_PEOPLE_REACHED, MK_TABLE_DISTRIBUTION_LINES }, 3 },
  [MK_REPORT_DONOR] = { "donor", N_ ("Donor workbook"), N_ ("Everything one grant bought, distributed and reached: receipts, distributions, unique people per indicator, services, stock remaining and losses, with a summary and charts."), MK_REPORT_NEEDS_GRANT, { MK_TABLE_RECEIVED, MK_TABLE_ITEMS_DISTRIBUTED, MK_TABLE_DISTRIBUTION_LINES, MK_TABLE_PEOPLE_BY_INDICATOR, MK_TABLE_PEOPLE_BY_BALADIYA, MK_TABLE_SERVICES, MK_TABLE_STOCK_REMAINING, MK_TABLE_LOSSES }, 8 },
  [MK_REPORT_5W] = { "5w", N_ ("5W sheet"), N_ ("Who did what, where, when and for whom, for the sector: one row per month, activity, baladiya, setting and population group, with HXL hashtags."), MK_REPORT_NEEDS_NOTHING, { MK_TABLE_5W }, 1 },
  [MK_REPORT_WAYBILLS] = { "waybills", N_ ("Waybill register"), N_ ("Every waybill line of the period: what left, for where, with whom, and what arrived."), MK_REPORT_NEEDS_NOTHING, { MK_TABLE_WAYBILLS }, 1 },
  [MK_REPORT_LOSSES] = { "losses", N_ ("Loss register"), N_ ("Every loss of the period: damaged, expired, lost, stolen or lost in transit."), MK_REPORT_NEEDS_NOTHING, { MK_TABLE_LOSSES }, 1 },
};

/* What each sheet counts, for the ReadMe. */
static const char *const table_notes[MK_N_TABLES] = {
  [MK_TABLE_STOCK_MONTH] = N_ ("One row per month, warehouse, item and grant, in the item’s unit, of usable stock (quarantine apart). Opening + receipts + kitting + adjustments − dispatched − distributed − losses = closing. The physical count is the month’s last posted count; variance = count − the system quantity then. Expiry columns count the stock of lots that expire within 3 or 9 months of the day the workbook was made."),
  [MK_TABLE_STOCK_CARD] = N_ ("One row per posted movement, oldest first; the balance counts every movement before the period too."),
  [MK_TABLE_STOCK_REMAINING] = N_ ("Usable stock in the warehouses at the end of the period, per lot."),
  [MK_TABLE_RECEIVED] = N_ ("Goods received into the warehouses in the period, per document line: purchases, donations in kind, returns and transfers in."),
  [MK_TABLE_ITEMS_DISTRIBUTED] = N_ ("Quantities handed out, per month, baladiya, site type, population group, activity and item. Weight and volume are the catalogue’s unit weight and volume times the quantity."),
  [MK_TABLE_PEOPLE_REACHED] = N_ ("People reached by distributions, per month, baladiya, site type, population group and activity. Counted people add up; a registered household counts once in a row however often it received."),
  [MK_TABLE_DISTRIBUTION_LINES] = N_ ("Every line of every posted distribution, so that the other sheets can be checked."),
  [MK_TABLE_SERVICES] = N_ ("Every service delivery (water trucking, latrines, shelter repairs, hygiene promotion …), with the quantity in the activity’s unit and the people it reached."),
  [MK_TABLE_PEOPLE_BY_INDICATOR] = N_ ("Unique people per indicator, without double counting: each month, then the whole period. A household reached in two months counts in both months but once in the whole period, so the months do not add up to it."),
  [MK_TABLE_PEOPLE_BY_BALADIYA] = N_ ("Unique people per indicator and baladiya over the whole period."),
  [MK_TABLE_5W] = N_ ("Row 1 is the header, row 2 the HXL hashtags, data from row 3. People reached by distributions and services; a registered household counts once in a row. Sensitive sites (detention centres, disembarkation points) are counted in their baladiya and never named."),
  [MK_TABLE_WAYBILLS] = N_ ("One row per waybill line; received, short and damaged come from the waybill’s reception, blank while it is on the road. Cancelled waybills are left out."),
  [MK_TABLE_LOSSES] = N_ ("One row per item lost in a document: loss reports and losses found at the reception of a waybill. Cancelled documents are left out."),
};

const char *
mk_report_kind_get_name (MkReportKind kind)
{
  g_return_val_if_fail (kind < MK_N_REPORT_KINDS, NULL);
  return kinds[kind].name;
}

const char *
mk_report_kind_get_title (MkReportKind kind)
{
  g_return_val_if_fail (kind < MK_N_REPORT_KINDS, NULL);
  return _ (kinds[kind].title);
}

const char *
mk_report_kind_get_description (MkReportKind kind)
{
  g_return_val_if_fail (kind < MK_N_REPORT_KINDS, NULL);
  return _ (kinds[kind].description);
}

MkReportNeeds
mk_report_kind_get_needs (MkReportKind kind)
{
  g_return_val_if_fail (kind < MK_N_REPORT_KINDS, MK_REPORT_NEEDS_NOTHING);
  return kinds[kind].needs;
}

gboolean
mk_report_kind_from_name (const char   *name,
                          MkReportKind *kind)
{
  for (guint k = 0; name != NULL && k < MK_N_REPORT_KINDS; k++)
    if (g_ascii_strcasecmp (name, kinds[k].name) == 0)
      {
        *kind = (MkReportKind) k;
        return TRUE;
      }
  return FALSE;
}

/* Options ---------------------------------------------------------------- */

static char *
today_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
shift_months (const char *iso,
              gint        months,
              gboolean    first_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) g_ascii_strtoll (iso + 5, NULL, 10), (GDateYear) g_ascii_strtoll (iso, NULL, 10));
  if (months > 0)
    g_date_add_months (&date, (guint) months);
  else if (months < 0)
    g_date_subtract_months (&date, (guint) -months);
  if (!first_day)
    g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

static gboolean
grant_period (MkDatabase *db,
              const char *grant_code,
              char      **start,
              char      **end,
              GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = _mk_report_prepare (db, "SELECT start_date, end_date FROM grants WHERE code = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, grant_code, -1, SQLITE_TRANSIENT);
  if (!_mk_report_step (db, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *start = g_strdup (_mk_report_column_text (stmt, 0));
      *end = g_strdup (_mk_report_column_text (stmt, 1));
    }
  return TRUE;
}

static gboolean
parse_date_option (const char *value,
                   const char *option,
                   char      **iso,
                   GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  *iso = NULL;
  if (value == NULL)
    return TRUE;
  *iso = mk_text_parse_date (value, &local_error);
  if (*iso == NULL)
    {
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID,
                   /* Translators: %1$s is "from" or "to", %2$s why the date is wrong. */
                   _ ("The date the period starts or ends (%1$s) is wrong: %2$s"), option, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
mk_report_options_resolve (MkDatabase            *db,
                           const MkReportOptions *options,
                           char                 **from,
                           char                 **to,
                           GError               **error)
{
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *today = NULL;
  g_autoptr (GError) local_error = NULL;
  MkReportNeeds needs;
  gint64        id;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL && from != NULL && to != NULL, FALSE);

  *from = *to = NULL;
  if (options->kind >= MK_N_REPORT_KINDS)
    {
      g_set_error_literal (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, _ ("There is no such kind of report."));
      return FALSE;
    }
  needs = kinds[options->kind].needs;
  if (options->language != NULL && !g_str_equal (options->language, "en") && !g_str_equal (options->language, "ar"))
    {
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID,
                   /* Translators: do not translate en and ar. */
                   _ ("The language “%s” is not one a workbook can be written in; use en or ar."), options->language);
      return FALSE;
    }
  if ((needs & MK_REPORT_NEEDS_WAREHOUSE) && options->warehouse_code == NULL)
    {
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, _ ("The %s needs a warehouse."),
                   _ (kinds[options->kind].title));
      return FALSE;
    }
  if ((needs & MK_REPORT_NEEDS_GRANT) && options->grant_code == NULL)
    {
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, _ ("The %s needs a grant."),
                   _ (kinds[options->kind].title));
      return FALSE;
    }
  if ((needs & MK_REPORT_NEEDS_ITEM) && options->item_code == NULL)
    {
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID, _ ("The %s needs an item."),
                   _ (kinds[options->kind].title));
      return FALSE;
    }
  if (!_mk_report_find_id (db, "warehouse", options->warehouse_code, &id, &local_error) || !_mk_report_find_id (db, "grant", options->grant_code, &id, &local_error) || !_mk_report_find_id (db, "item", options->item_code, &id, &local_error))
    {
      /* The core's words ("There is no Grant with the code X."), in the
       * reports' domain, so that the caller checks one. */
      g_set_error_literal (error, MK_REPORT_ERROR,
                           g_error_matches (local_error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_NOT_FOUND)
                               ? MK_REPORT_ERROR_NOT_FOUND
                               : MK_REPORT_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (!parse_date_option (options->from, "from", &from_iso, error) || !parse_date_option (options->to, "to", &to_iso, error))
    return FALSE;
  today = options->today != NULL ? g_strdup (options->today) : today_iso ();

  if (from_iso == NULL && to_iso == NULL)
    {
      if (options->kind == MK_REPORT_STOCK)
        {
          /* The last whole month. */
          from_iso = shift_months (today, -1, TRUE);
          to_iso = shift_months (today, -1, FALSE);
        }
      else if (options->kind == MK_REPORT_DONOR && !grant_period (db, options->grant_code, &from_iso, &to_iso, error))
        return FALSE;
    }
  if (to_iso == NULL)
    to_iso = g_strdup (today);
  if (from_iso == NULL)
    from_iso = shift_months (to_iso, -11, TRUE);
  if (strcmp (to_iso, from_iso) < 0)
    {
      g_autofree char *a = mk_text_isolate_ltr (from_iso);
      g_autofree char *b = mk_text_isolate_ltr (to_iso);
      g_set_error (error, MK_REPORT_ERROR, MK_REPORT_ERROR_INVALID,
                   /* Translators: two dates. */
                   _ ("The period ends (%2$s) before it starts (%1$s)."), a, b);
      return FALSE;
    }
  if (options->kind == MK_REPORT_STOCK)
    {
      /* The stock report counts whole months. */
      char *first = shift_months (from_iso, 0, TRUE);
      char *last = shift_months (to_iso, 0, FALSE);
      g_free (from_iso);
      g_free (to_iso);
      from_iso = first;
      to_iso = last;
    }
  *from = g_steal_pointer (&from_iso);
  *to = g_steal_pointer (&to_iso);
  return TRUE;
}

/* Writing ----------------------------------------------------------------- */

typedef struct
{
  MkDatabase            *db;
  const MkReportOptions *options; /* resolved */
  MkXlsx                *xlsx;
  MkReportProgressFunc   progress;
  gpointer               progress_data;
  double                 done;                /* of the whole, before this sheet */
  double                 share;               /* of the whole, this sheet */
  double                 first_day, last_day; /* of the period, as Excel serials */
  MkSheet               *sheet;
  GHashTable            *per_month;         /* donor: month → quantity distributed */
  GPtrArray             *value_received;    /* donor: MkValueTotal per currency */
  GPtrArray             *value_distributed; /* donor: MkValueTotal per currency */
} Writer;

static void
report_progress (Writer *writer,
                 double  fraction)
{
  if (writer->progress != NULL)
    writer->progress (CLAMP (fraction, 0.0, 1.0), writer->progress_data);
}

static gboolean
write_row (const MkCell *cells,
           gpointer      data,
           GError      **error)
{
  Writer *writer = data;
  guint   n = _mk_sheet_get_n_rows (writer->sheet);
  double  day;

  if (!_mk_sheet_write_row (writer->sheet, cells, error))
    return FALSE;
  /* Long sheets list their rows by date: how far the dates have come is
   * how far the sheet has, without counting its rows first. */
  if ((n & 1023) == 1023 && writer->last_day > writer->first_day && _mk_xlsx_date_serial (cells[0].text, &day))
    report_progress (writer, writer->done + writer->share * CLAMP ((day - writer->first_day) / (writer->last_day - writer->first_day), 0.0, 1.0));
  return TRUE;
}

/* The donor's items distributed, added up per month for the summary. */
static gboolean
write_row_per_month (const MkCell *cells,
                     gpointer      data,
                     GError      **error)
{
  Writer *writer = data;
  gint64 *quantity = g_hash_table_lookup (writer->per_month, cells[0].text);

  if (quantity == NULL)
    {
      quantity = g_new0 (gint64, 1);
      g_hash_table_insert (writer->per_month, g_strdup (cells[0].text), quantity);
    }
  *quantity += cells[10].number;
  return write_row (cells, data, error);
}

typedef struct
{
  MkTableId table;
  char     *name;
  guint     rows;
  gint64    individuals;
} SheetDone;

static gboolean
write_table (Writer    *writer,
             MkTableId  table,
             SheetDone *done,
             GError   **error)
{
  const char     *language = writer->options->language;
  guint           n_columns;
  const MkColumn *columns = mk_report_table_get_columns (table, &n_columns);
  gboolean        hxl = table == MK_TABLE_5W;
  MkRowFunc       func = write_row;
  gboolean        ok;

  writer->sheet = _mk_sheet_new (writer->xlsx, mk_report_table_get_title (table, language), columns, n_columns, hxl);
  if (table == MK_TABLE_ITEMS_DISTRIBUTED && writer->per_month != NULL)
    func = write_row_per_month;
  ok = mk_report_table_foreach (writer->db, table, writer->options, func, writer, error);
  done->table = table;
  done->name = g_strdup (_mk_sheet_get_name (writer->sheet));
  done->rows = _mk_sheet_get_n_rows (writer->sheet);
  done->individuals = _mk_sheet_get_total (writer->sheet, "individuals");
  /* The donor's summary gives the value received and distributed. */
  if (writer->per_month != NULL && table == MK_TABLE_RECEIVED)
    writer->value_received = _mk_sheet_get_value_totals (writer->sheet, "value");
  if (writer->per_month != NULL && table == MK_TABLE_ITEMS_DISTRIBUTED)
    writer->value_distributed = _mk_sheet_get_value_totals (writer->sheet, "value");
  /* The 5W sheet stays machine-readable: its totals are on the ReadMe. */
  if (!_mk_sheet_finish (writer->sheet, ok && !hxl, ok ? error : NULL))
    ok = FALSE;
  writer->sheet = NULL;
  return ok;
}

static void
write_pair (lxw_worksheet *sheet,
            MkXlsx        *xlsx,
            lxw_row_t      row,
            const char    *label,
            const char    *value)
{
  worksheet_write_string (sheet, row, 0, label, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
  if (value != NULL)
    worksheet_write_string (sheet, row, 1, value, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_WRAP));
}

static void
write_date_pair (lxw_worksheet *sheet,
                 MkXlsx        *xlsx,
                 lxw_row_t      row,
                 const char    *label,
                 const char    *iso)
{
  double serial;

  worksheet_write_string (sheet, row, 0, label, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
  if (_mk_xlsx_date_serial (iso, &serial))
    worksheet_write_number (sheet, row, 1, serial, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_DATE));
}

static char *
describe_record (MkDatabase *db,
                 const char *language,
                 const char *sql,
                 const char *code)
{
  g_autoptr (sqlite3_stmt) stmt = _mk_report_prepare (db, sql, NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return g_strdup (code);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (!_mk_report_step (db, stmt, &has_row, NULL) || !has_row)
    return g_strdup (code);
  return g_strdup_printf ("%s — %s", code,
                          mk_report_pick_name (language, _mk_report_column_text (stmt, 0), _mk_report_column_text (stmt, 1)));
}

static void
write_readme (Writer          *writer,
              lxw_worksheet   *sheet,
              const SheetDone *sheets,
              guint            n_sheets)
{
  const MkReportOptions *options = writer->options;
  const char            *language = options->language;
  MkXlsx                *xlsx = writer->xlsx;
  g_autoptr (MkOffice) office = mk_office_get_own (writer->db, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *produced = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *version = g_strdup_printf ("Makhzan %s", PACKAGE_VERSION);
  const char      *user = options->author != NULL ? options->author : mk_database_get_user_name (writer->db);
  gboolean         empty = TRUE;
  lxw_row_t        row = 0;

  worksheet_set_column (sheet, 0, 0, 28, NULL);
  worksheet_set_column (sheet, 1, 1, 90, NULL);
  worksheet_set_column (sheet, 2, 2, 14, NULL);
  worksheet_write_string (sheet, row++, 0, mk_report_text (language, kinds[options->kind].title),
                          _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_TITLE));
  worksheet_write_string (sheet, row++, 0, mk_report_text (language, kinds[options->kind].description),
                          NULL);
  row++;
  if (office != NULL)
    write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Office")),
                mk_report_pick_name (language, office->name_en, office->name_ar));
  if (options->warehouse_code != NULL)
    {
      g_autofree char *warehouse = describe_record (writer->db, language,
                                                    "SELECT name_en, name_ar FROM warehouses WHERE code = ?1",
                                                    options->warehouse_code);
      write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Warehouse")), warehouse);
    }
  else if (options->kind == MK_REPORT_STOCK || options->kind == MK_REPORT_WAYBILLS || options->kind == MK_REPORT_LOSSES)
    write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Warehouse")),
                mk_report_text (language, N_ ("Every warehouse")));
  if (options->grant_code != NULL)
    {
      g_autofree char *grant = describe_record (writer->db, language,
                                                "SELECT name_en, name_ar FROM grants WHERE code = ?1", options->grant_code);
      g_autofree char *donor = describe_record (writer->db, language,
                                                "SELECT d.name_en, d.name_ar FROM grants g JOIN donors d ON d.id = g.donor_id"
                                                " WHERE g.code = ?1",
                                                options->grant_code);
      write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Grant")), grant);
      write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Donor")), strstr (donor, " — ") ? strstr (donor, " — ") + strlen (" — ") : donor);
    }
  if (options->item_code != NULL)
    {
      g_autofree char *item = describe_record (writer->db, language,
                                               "SELECT name_en, name_ar FROM items WHERE code = ?1", options->item_code);
      write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Item")), item);
    }
  write_date_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Period from")), options->from);
  write_date_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Period to")), options->to);
  write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Produced on")), produced);
  write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Produced by")), user != NULL ? user : "");
  write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Application")), version);
  row++;

  for (guint s = 0; s < n_sheets; s++)
    empty = empty && sheets[s].rows == 0;
  if (empty)
    {
      worksheet_write_string (sheet, row++, 0,
                              mk_report_text (language, N_ ("Nothing was recorded in this period: the sheets have their headers and no rows.")),
                              _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
      row++;
    }

  worksheet_write_string (sheet, row, 0, mk_report_text (language, N_ ("Sheet")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_HEADER));
  worksheet_write_string (sheet, row, 1, mk_report_text (language, N_ ("What it counts, and how")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_HEADER));
  worksheet_write_string (sheet, row++, 2, mk_report_text (language, N_ ("Rows")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_HEADER));
  for (guint s = 0; s < n_sheets; s++)
    {
      write_pair (sheet, xlsx, row, sheets[s].name, mk_report_text (language, table_notes[sheets[s].table]));
      worksheet_write_number (sheet, row++, 2, sheets[s].rows, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_QUANTITY));
      if (sheets[s].table == MK_TABLE_5W)
        {
          worksheet_write_string (sheet, row, 0, mk_report_text (language, N_ ("Individuals reached (sum of the rows)")),
                                  _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
          worksheet_write_number (sheet, row++, 2, (double) sheets[s].individuals,
                                  _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_QUANTITY));
        }
    }
  row++;
  write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Conventions")),
              mk_report_text (language, N_ ("Quantities are in each item’s unit; weights in kilograms and volumes in cubic metres from the catalogue. Dates are calendar dates. Totals rows are SUM formulas over the rows above them. Households’ names never appear; sensitive sites are shown by their type and baladiya only.")));
  write_pair (sheet, xlsx, row++, mk_report_text (language, N_ ("Values")),
              mk_report_text (language, N_ ("A value is the quantity times the item’s unit value in the catalogue, in the item’s currency (the Currency column). Amounts in different currencies are never added together: when a sheet has several, each has its own totals row, a SUMIF over the rows in that currency.")));
}

/* The donor's summary: totals, then people and items per month with a chart
 * of each. */
static gboolean
write_donor_summary (Writer        *writer,
                     lxw_worksheet *sheet,
                     const char    *sheet_name,
                     GError       **error)
{
  const MkReportOptions *options = writer->options;
  const char            *language = options->language;
  MkXlsx                *xlsx = writer->xlsx;
  lxw_workbook          *workbook = _mk_xlsx_get_workbook (xlsx);
  g_autoptr (GList) months = g_list_sort (g_hash_table_get_keys (writer->per_month), (GCompareFunc) strcmp);
  MkPeopleCounts whole;
  lxw_row_t      row = 0, first_month_row;
  guint          n_months = 0;

  if (!mk_distributions_reached (writer->db, options->grant_code, NULL, options->from, options->to, &whole, error))
    return FALSE;

  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 2, 20, NULL);
  worksheet_write_string (sheet, row++, 0, mk_report_text (language, N_ ("Summary")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_TITLE));
  row++;
  worksheet_write_string (sheet, row, 0, mk_report_text (language, N_ ("Unique individuals reached, whole period")),
                          _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
  worksheet_write_number (sheet, row++, 1, (double) mk_people_counts_sum (&whole), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_QUANTITY));
  worksheet_write_string (sheet, row, 0, mk_report_text (language, N_ ("Households reached, whole period")),
                          _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
  worksheet_write_number (sheet, row++, 1, (double) whole.households, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_QUANTITY));
  /* Values per currency: dollars and dinars are never added together. */
  for (guint v = 0; v < 2; v++)
    {
      GPtrArray *totals = v == 0 ? writer->value_received : writer->value_distributed;

      for (guint i = 0; totals != NULL && i < totals->len; i++)
        {
          const MkValueTotal *total = g_ptr_array_index (totals, i);
          g_autofree char    *label = g_strdup_printf (
                 v == 0 ? mk_report_text (language, N_ ("Value of goods received (%s)"))
                        : mk_report_text (language, N_ ("Value of items distributed (%s)")),
              total->currency);

          worksheet_write_string (sheet, row, 0, label, _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_LABEL));
          worksheet_write_number (sheet, row++, 1, (double) total->total / 1000.0,
                                  _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_MONEY));
        }
    }
  row++;

  worksheet_write_string (sheet, row, 0, mk_report_text (language, N_ ("Month")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_HEADER));
  worksheet_write_string (sheet, row, 1, mk_report_text (language, N_ ("Unique individuals reached")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_HEADER));
  worksheet_write_string (sheet, row++, 2, mk_report_text (language, N_ ("Items distributed")), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_HEADER));
  first_month_row = row;
  for (GList *l = months; l != NULL; l = l->next, n_months++)
    {
      const char      *month = l->data;
      g_autofree char *first = g_strdup_printf ("%s-01", month);
      g_autofree char *last = NULL;
      MkPeopleCounts   counts;
      GDate            end;

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, 1, (GDateMonth) g_ascii_strtoll (month + 5, NULL, 10), (GDateYear) g_ascii_strtoll (month, NULL, 10));
      last = g_strdup_printf ("%s-%02u", month, g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)));
      if (!mk_distributions_reached (writer->db, options->grant_code, NULL,
                                     strcmp (first, options->from) < 0 ? options->from : first,
                                     strcmp (last, options->to) > 0 ? options->to : last, &counts, error))
        return FALSE;
      worksheet_write_string (sheet, row, 0, month, NULL);
      worksheet_write_number (sheet, row, 1, (double) mk_people_counts_sum (&counts), _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_QUANTITY));
      worksheet_write_number (sheet, row++, 2, (double) *(gint64 *) g_hash_table_lookup (writer->per_month, month),
                              _mk_xlsx_get_format (xlsx, MK_XLSX_FORMAT_QUANTITY));
    }

  if (n_months > 0)
    {
      static const char *const titles[] = { N_ ("People reached per month"), N_ ("Items distributed per month") };

      for (guint c = 0; c < 2; c++)
        {
          lxw_chart        *chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
          lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

          chart_series_set_categories (series, sheet_name, first_month_row, 0, first_month_row + n_months - 1, 0);
          chart_series_set_values (series, sheet_name, first_month_row, 1 + c, first_month_row + n_months - 1, 1 + c);
          chart_series_set_name (series, mk_report_text (language, titles[c]));
          chart_title_set_name (chart, mk_report_text (language, titles[c]));
          chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
          worksheet_insert_chart (sheet, 2 + c * 18, 4, chart);
        }
    }
  return TRUE;
}

gboolean
mk_report_write (MkDatabase            *db,
                 const MkReportOptions *options,
                 const char            *path,
                 MkReportProgressFunc   progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  MkReportOptions  resolved;
  const Kind      *kind;
  Writer           writer = { 0 };
  SheetDone        done[MAX_SHEETS] = { { 0 } };
  lxw_worksheet   *readme, *summary = NULL;
  g_autofree char *summary_name = NULL;
  gboolean         ok = TRUE;
  guint            n_done = 0;

  g_return_val_if_fail (MK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);

  if (!mk_report_options_resolve (db, options, &from, &to, error))
    return FALSE;
  resolved = *options;
  resolved.from = from;
  resolved.to = to;
  /* Once, not for every name of every row. */
  if (resolved.language == NULL)
    resolved.language = mk_text_prefers_arabic () ? "ar" : "en";
  kind = &kinds[options->kind];

  writer.db = db;
  writer.options = &resolved;
  writer.progress = progress;
  writer.progress_data = progress_data;
  _mk_xlsx_date_serial (from, &writer.first_day);
  _mk_xlsx_date_serial (to, &writer.last_day);
  writer.xlsx = _mk_xlsx_new (path, resolved.language, cancellable, error);
  if (writer.xlsx == NULL)
    return FALSE;
  /* The everyday page cache would fill with pages read once; a small one
   * keeps the export's memory flat whatever the size of the database. */
  if (!_mk_database_set_cache_size (db, REPORT_CACHE_KIB, error))
    {
      _mk_xlsx_abort (writer.xlsx);
      return FALSE;
    }
  report_progress (&writer, 0.0);

  readme = _mk_xlsx_add_worksheet (writer.xlsx, mk_report_text (resolved.language, N_ ("ReadMe")), NULL);
  if (options->kind == MK_REPORT_DONOR)
    {
      summary = _mk_xlsx_add_worksheet (writer.xlsx, mk_report_text (resolved.language, N_ ("Summary")), &summary_name);
      writer.per_month = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  for (guint s = 0; ok && s < kind->n_sheets; s++)
    {
      writer.done = (double) s / kind->n_sheets;
      writer.share = 1.0 / kind->n_sheets;
      ok = write_table (&writer, kind->sheets[s], &done[n_done], error);
      n_done++;
      report_progress (&writer, (double) (s + 1) / kind->n_sheets);
    }
  if (ok && summary != NULL)
    ok = write_donor_summary (&writer, summary, summary_name, error);
  if (ok)
    write_readme (&writer, readme, done, n_done);

  for (guint s = 0; s < n_done; s++)
    g_free (done[s].name);
  g_clear_pointer (&writer.per_month, g_hash_table_unref);
  g_clear_pointer (&writer.value_received, g_ptr_array_unref);
  g_clear_pointer (&writer.value_distributed, g_ptr_array_unref);
  _mk_database_set_cache_size (db, MK_DATABASE_CACHE_KIB, NULL);
  if (!ok)
    {
      _mk_xlsx_abort (writer.xlsx);
      return FALSE;
    }
  if (!_mk_xlsx_close (writer.xlsx, error))
    return FALSE;
  report_progress (&writer, 1.0);
  return TRUE;
}
