/* mk-cli-bench.c: "bench", the performance budgets of DESIGN.md measured on
 * a generated mission, each beside its raw floor measured in the same run.
 *
 *   makhzan-cli bench [--movements N | --quick] [--seed S]
 *
 * The mission is built in a temporary folder, removed at the end. Each
 * figure is the median of many runs; the core's runs and the raw floor's
 * alternate in small blocks, so that a noisy machine slows both alike.
 * The command reports; it fails only when it cannot measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "mk-cli-bench.h"
#include "mk-cli-output.h"

#define DEFAULT_MOVEMENTS 1000000
#define QUICK_MOVEMENTS 50000
#define WAYBILL_LINES 20
#define BLOCK 5

/* Clocks ------------------------------------------------------------------ */

void
mk_bench_start (MkBenchClock *clock)
{
  clock->cpu = mk_cli_cpu_time_us ();
  clock->wall = g_get_monotonic_time ();
}

MkBenchTime
mk_bench_stop (const MkBenchClock *clock,
               guint               n_operations)
{
  gint64      wall = g_get_monotonic_time ();
  gint64      cpu = clock->cpu >= 0 ? mk_cli_cpu_time_us () : -1;
  MkBenchTime time;

  time.wall_us = (double) (wall - clock->wall) / MAX (n_operations, 1);
  time.cpu_us = cpu >= 0 ? (double) (cpu - clock->cpu) / MAX (n_operations, 1) : -1;
  return time;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

MkBenchTime
mk_bench_median (GArray *times)
{
  g_autofree double *wall = g_new (double, MAX (times->len, 1));
  g_autofree double *cpu = g_new (double, MAX (times->len, 1));
  MkBenchTime        median = { 0, -1 };

  if (times->len == 0)
    return median;
  for (guint i = 0; i < times->len; i++)
    {
      wall[i] = g_array_index (times, MkBenchTime, i).wall_us;
      cpu[i] = g_array_index (times, MkBenchTime, i).cpu_us;
    }
  qsort (wall, times->len, sizeof (double), compare_doubles);
  qsort (cpu, times->len, sizeof (double), compare_doubles);
  median.wall_us = wall[times->len / 2];
  median.cpu_us = cpu[0] < 0 ? -1 : cpu[times->len / 2];
  return median;
}

/* Results ---------------------------------------------------------------- */

typedef struct
{
  const char *id;
  char       *label;
  double      value;   /* µs, or a rate a second; < 0: none */
  double      cpu;
  double      raw;
  gboolean    rate;
  char       *limit;   /* NULL: not a budget */
  gboolean    met;
} Row;

typedef struct
{
  MkCli        *cli;
  MkDatabase   *db;
  MkBenchRaw   *raw;
  MkDemoStats   stats;
  gboolean      quick;
  GArray       *rows;  /* Row */
  char          date[11];
  char          month[8];
  const char   *dir; /* the temporary folder */
} Bench;

static void
row_clear (Row *row)
{
  g_free (row->label);
  g_free (row->limit);
}

static Row *
add_row (Bench      *bench,
         const char *id,
         char       *label,
         char       *limit)
{
  Row row = { id, label, -1, -1, -1, FALSE, limit, FALSE };

  g_array_append_val (bench->rows, row);
  return &g_array_index (bench->rows, Row, bench->rows->len - 1);
}

static char *
format_time (double us)
{
  if (us < 0)
    return g_strdup ("");
  if (us < 1000)
    return g_strdup_printf ("%.1f µs", us);
  if (us < 1e6)
    return g_strdup_printf ("%.2f ms", us / 1e3);
  return g_strdup_printf ("%.2f s", us / 1e6);
}

static char *
format_value (const Row *row,
              double     value)
{
  if (value < 0)
    return g_strdup ("");
  if (row->rate)
    /* Translators: a rate, “123456/s”. */
    return g_strdup_printf (_ ("%.0f/s"), value);
  return format_time (value);
}

static double
ratio (const Row *row)
{
  if (row->value <= 0 || row->raw <= 0)
    return -1;
  return row->rate ? row->raw / row->value : row->value / row->raw;
}

static void
write_rows (Bench *bench)
{
  MkCliFormat format = bench->cli->format;
  g_autoptr (MkCliTable) table = mk_cli_table_new ();
  gboolean    people = format == MK_CLI_FORMAT_TABLE;
  MkCliValueType number = people ? MK_CLI_VALUE_TEXT : MK_CLI_VALUE_NUMBER;
  guint       c_id = 0, c_label, c_value, c_cpu, c_raw, c_unit = 0, c_ratio, c_limit, c_met;
  guint       budgets = 0, met = 0;

  if (!people)
    c_id = mk_cli_table_add_column (table, "id", "id", MK_CLI_VALUE_TEXT);
  c_label = mk_cli_table_add_column (table, "budget", _ ("Budget"), MK_CLI_VALUE_TEXT);
  c_value = mk_cli_table_add_column (table, "makhzan", _ ("Makhzan"), number);
  c_cpu = mk_cli_table_add_column (table, "cpu", _ ("CPU"), number);
  c_raw = mk_cli_table_add_column (table, "raw", _ ("Raw floor"), number);
  if (!people)
    c_unit = mk_cli_table_add_column (table, "unit", "unit", MK_CLI_VALUE_TEXT);
  c_ratio = mk_cli_table_add_column (table, "ratio", _ ("Ratio"), number);
  c_limit = mk_cli_table_add_column (table, "limit", _ ("Budget limit"), MK_CLI_VALUE_TEXT);
  c_met = mk_cli_table_add_column (table, "met", _ ("Met"), MK_CLI_VALUE_BOOL);

  for (guint i = 0; i < bench->rows->len; i++)
    {
      const Row *row = &g_array_index (bench->rows, Row, i);
      double     r = ratio (row);

      mk_cli_table_add_row (table);
      mk_cli_table_set (table, c_label, row->label);
      if (people)
        {
          mk_cli_table_take (table, c_value, format_value (row, row->value));
          mk_cli_table_take (table, c_cpu, format_value (row, row->cpu));
          mk_cli_table_take (table, c_raw, format_value (row, row->raw));
          if (r > 0)
            /* Translators: a ratio, “2.5×”. */
            mk_cli_table_take (table, c_ratio, g_strdup_printf (_ ("%.1f×"), r));
        }
      else
        {
          mk_cli_table_set (table, c_id, row->id);
          if (row->value >= 0)
            mk_cli_table_take (table, c_value, g_strdup_printf ("%.3f", row->value));
          if (row->cpu >= 0)
            mk_cli_table_take (table, c_cpu, g_strdup_printf ("%.3f", row->cpu));
          if (row->raw >= 0)
            mk_cli_table_take (table, c_raw, g_strdup_printf ("%.3f", row->raw));
          mk_cli_table_set (table, c_unit, row->rate ? "per_second" : "us");
          if (r > 0)
            mk_cli_table_take (table, c_ratio, g_strdup_printf ("%.3f", r));
        }
      if (row->limit != NULL)
        {
          mk_cli_table_set (table, c_limit, row->limit);
          mk_cli_table_set (table, c_met, row->met ? "yes" : "no");
          budgets++;
          met += row->met;
        }
    }
  mk_cli_table_write (table, format);
  if (people)
    mk_cli_print_line (g_dngettext (GETTEXT_PACKAGE, "%u of %u budget met.", "%u of %u budgets met.",
                                    budgets),
                       met, budgets);
}

/* The waybill ---------------------------------------------------------------- */

static void
bench_line_clear (MkBenchLine *line)
{
  g_free (line->item_code);
  g_free (line->lot_number);
  g_free (line->grant_code);
}

/* 20 lots of TRP-MAIN with enough for every run, as many items as
 * possible, none expired on the waybill's date. */
static GArray *
choose_lines (Bench  *bench,
              gint64  needed,
              GError **error)
{
  MkStockFilter filter = { "TRP-MAIN", FALSE, NULL, NULL, NULL, NULL };
  g_autoptr (GPtrArray) stock = mk_ledger_list_stock (bench->db, &filter, error);
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (MkBenchLine));
  g_autoptr (GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);

  if (stock == NULL)
    return NULL;
  g_array_set_clear_func (lines, (GDestroyNotify) bench_line_clear);
  for (guint pass = 0; pass < 2 && lines->len < WAYBILL_LINES; pass++)
    for (guint i = 0; i < stock->len && lines->len < WAYBILL_LINES; i++)
      {
        MkStockRow *row = g_ptr_array_index (stock, i);
        MkBenchLine line = { 0 };

        if (row->quarantine || row->quantity < needed
            || (row->expiry_date != NULL && strcmp (row->expiry_date, bench->date) < 0)
            || (pass == 0 && g_hash_table_contains (items, row->item_code)))
          continue;
        if (pass == 1)
          {
            gboolean seen = FALSE;
            for (guint l = 0; l < lines->len && !seen; l++)
              {
                const MkBenchLine *other = &g_array_index (lines, MkBenchLine, l);
                seen = g_str_equal (other->item_code, row->item_code)
                       && g_strcmp0 (other->lot_number, row->lot_number) == 0
                       && g_strcmp0 (other->grant_code, row->grant_code) == 0;
              }
            if (seen)
              continue;
          }
        line.item_code = g_strdup (row->item_code);
        line.lot_number = g_strdup (row->lot_number);
        line.grant_code = g_strdup (row->grant_code);
        g_array_append_val (lines, line);
        g_hash_table_add (items, g_array_index (lines, MkBenchLine, lines->len - 1).item_code);
      }
  if (lines->len < WAYBILL_LINES)
    {
      g_set_error (error, MK_CLI_ERROR, MK_CLI_ERROR_FAILED,
                   _ ("The mission has too little stock in TRP-MAIN for a 20-line waybill; "
                      "generate more movements."));
      return NULL;
    }
  return g_steal_pointer (&lines);
}

static MkDocument *
waybill_new (Bench  *bench,
             GArray *lines,
             GError **error)
{
  g_autoptr (MkDocument) document = mk_document_new (MK_DOCUMENT_WAYBILL);
  MkRecord *header = mk_document_get_header (document);

  if (!mk_record_set_text (header, "date", bench->date, error)
      || !mk_record_set_text (header, "warehouse", "TRP-MAIN", error)
      || !mk_record_set_text (header, "to_warehouse", "MIS-FIELD", error)
      || !mk_record_set_text (header, "transport_mode", "road", error)
      || !mk_record_set_text (header, "transporter", "Al-Wafa Transport", error)
      || !mk_record_set_text (header, "vehicle", "Truck 10 t", error)
      || !mk_record_set_text (header, "plate", "5-482913", error)
      || !mk_record_set_text (header, "driver", "Abdelhakim Ezzedine", error)
      || !mk_record_set_text (header, "driver_phone", "+218 91 555 0301", error)
      || !mk_record_set_text (header, "expected_date", bench->date, error)
      || !mk_record_set_text (header, "parcels", "20", error))
    return NULL;
  for (guint i = 0; i < lines->len; i++)
    {
      const MkBenchLine *line = &g_array_index (lines, MkBenchLine, i);
      MkDocumentLine    *added = mk_document_line_new (line->item_code, 1);

      added->lot_number = g_strdup (line->lot_number);
      added->grant_code = g_strdup (line->grant_code);
      mk_document_add_line (document, added);
    }
  return g_steal_pointer (&document);
}

static gboolean
bench_waybill (Bench   *bench,
               GError **error)
{
  guint rounds = bench->quick ? 3 : 12;
  g_autoptr (GArray) lines = choose_lines (bench, (gint64) (rounds + 1) * BLOCK * 2 + 10, error);
  g_autoptr (GArray) api = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) fsync = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) commits = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  MkBenchTime api_median, raw_median, fsync_median, commit_median;
  Row        *row;

  if (lines == NULL
      || !mk_bench_raw_prepare_waybill (bench->raw, lines, "TRP-MAIN", "MIS-FIELD", bench->date, error))
    return FALSE;

  for (guint round = 0; round <= rounds; round++)
    for (guint side = 0; side < 3; side++)
      for (guint i = 0; i < BLOCK; i++)
        {
          MkBenchTime  time, commit;
          MkBenchClock clock;

          if (side == 0)
            {
              g_autoptr (MkDocument) waybill = waybill_new (bench, lines, error);

              if (waybill == NULL)
                return FALSE;
              mk_bench_start (&clock);
              if (!mk_documents_post (bench->db, waybill, error))
                return FALSE;
              time = mk_bench_stop (&clock, 1);
              g_assert (mk_document_get_lines (waybill)->len == WAYBILL_LINES);
            }
          else if (side == 1 ? !mk_bench_raw_post_waybill (bench->raw, &time, &commit, error)
                             : !mk_bench_raw_commit_one (bench->raw, &time, error))
            return FALSE;
          /* The first round warms the caches up. */
          if (round > 0)
            g_array_append_val (side == 0 ? api : side == 1 ? raw : fsync, time);
          if (round > 0 && side == 1)
            g_array_append_val (commits, commit);
        }

  api_median = mk_bench_median (api);
  raw_median = mk_bench_median (raw);
  fsync_median = mk_bench_median (fsync);
  commit_median = mk_bench_median (commits);
  /* "Plus one fsync" is the durable commit of what the waybill wrote:
   * the raw floor's COMMIT, timed alone, writes the same pages. */
  row = add_row (bench, "post-waybill",
                 g_strdup (_ ("Post a 20-line waybill (40 movements), durable")),
                 g_strdup (_ ("< 1 ms + its commit, ≤ 3× raw")));
  row->value = api_median.wall_us;
  row->cpu = api_median.cpu_us;
  row->raw = raw_median.wall_us;
  row->met = api_median.wall_us - commit_median.wall_us < 1000 && ratio (row) <= 3;
  row = add_row (bench, "post-waybill-cpu", g_strdup (_ ("  CPU time of the same, both sides")), NULL);
  row->value = api_median.cpu_us;
  row->raw = raw_median.cpu_us;
  row = add_row (bench, "post-waybill-commit",
                 g_strdup (_ ("  its durable commit (the raw floor’s COMMIT alone)")), NULL);
  row->raw = commit_median.wall_us;
  row = add_row (bench, "post-waybill-without-commit",
                 g_strdup (_ ("  the posting without its commit (budget: < 1 ms)")), NULL);
  row->value = api_median.wall_us - commit_median.wall_us;
  row->raw = raw_median.wall_us - commit_median.wall_us;
  row = add_row (bench, "fsync", g_strdup (_ ("  one fsync: a one-row durable commit")), NULL);
  row->value = fsync_median.wall_us;
  row->cpu = fsync_median.cpu_us;
  return TRUE;
}

/* Reads ------------------------------------------------------------------------- */

static gboolean
bench_balances (Bench      *bench,
                const char *as_of,
                GError    **error)
{
  g_autoptr (GPtrArray) items = mk_master_data_list (bench->db, mk_kind_lookup ("item"), NULL, error);
  static const char *const warehouses[] = { "TRP-MAIN", "BEN-MAIN", "MIS-FIELD", "SEB-FIELD" };
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (GArray) api = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  guint       per_batch = as_of ? (bench->quick ? 20 : 100) : (bench->quick ? 200 : 1000);
  guint       batches = bench->quick ? 7 : 31;
  MkBenchTime api_median, raw_median;
  Row        *row;

  if (items == NULL)
    return FALSE;
  for (guint w = 0; w < G_N_ELEMENTS (warehouses); w++)
    for (guint i = 0; i < items->len; i++)
      {
        const char *code = mk_record_get_code (g_ptr_array_index (items, i));
        gint64      ids[2];

        if (!mk_bench_raw_location (bench->raw, warehouses[w], &ids[0], error)
            || !mk_bench_raw_item (bench->raw, code, &ids[1], error))
          return FALSE;
        g_array_append_vals (keys, ids, 2);
        g_ptr_array_add (codes, (gpointer) warehouses[w]);
        g_ptr_array_add (codes, (gpointer) code);
      }

  for (guint b = 0; b <= batches; b++)
    {
      MkBenchClock clock;
      MkBenchTime  time;
      guint        n_keys = keys->len / 2;

      mk_bench_start (&clock);
      for (guint i = 0; i < per_batch; i++)
        {
          guint         k = i % n_keys;
          MkStockFilter filter = { g_ptr_array_index (codes, 2 * k), FALSE,
                                   g_ptr_array_index (codes, 2 * k + 1), NULL, NULL, as_of };
          gint64        quantity;

          if (!mk_ledger_get_balance (bench->db, &filter, &quantity, error))
            return FALSE;
        }
      time = mk_bench_stop (&clock, per_batch);
      if (b > 0)
        g_array_append_val (api, time);
      if (!mk_bench_raw_balances (bench->raw, (const gint64 *) (void *) keys->data, n_keys, per_batch,
                                  as_of, &time, error))
        return FALSE;
      if (b > 0)
        g_array_append_val (raw, time);
    }

  api_median = mk_bench_median (api);
  raw_median = mk_bench_median (raw);
  if (as_of == NULL)
    row = add_row (bench, "balance", g_strdup (_ ("Current balance of an item in a warehouse")),
                   g_strdup (_ ("< 10 µs, ≤ 2× raw")));
  else
    row = add_row (bench, "balance-as-of", g_strdup_printf (_ ("Balance as of a past date (%s)"), as_of),
                   g_strdup (_ ("< 100 µs")));
  row->value = api_median.wall_us;
  row->cpu = api_median.cpu_us;
  row->raw = raw_median.wall_us;
  row->met = as_of == NULL ? row->value < 10 && ratio (row) <= 2 : row->value < 100;
  return TRUE;
}

static gboolean
bench_stock_card (Bench   *bench,
                  GError **error)
{
  g_autofree char *item = NULL;
  g_autoptr (GArray) api = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  guint       runs = bench->quick ? 7 : 31;
  gint64      location, item_id;
  guint64     total = 0;
  MkBenchTime api_median;
  Row        *row;

  if (!mk_bench_raw_location (bench->raw, "TRP-MAIN", &location, error)
      || !mk_bench_raw_busiest_item (bench->raw, location, &item, error)
      || !mk_bench_raw_item (bench->raw, item, &item_id, error))
    return FALSE;
  for (guint r = 0; r <= runs; r++)
    {
      MkBenchClock clock;
      MkBenchTime  time;
      g_autoptr (GPtrArray) card = NULL;

      mk_bench_start (&clock);
      card = mk_ledger_stock_card (bench->db, "TRP-MAIN", item, NULL, NULL, 0, 100, &total, error);
      time = mk_bench_stop (&clock, 1);
      if (card == NULL)
        return FALSE;
      if (r > 0)
        g_array_append_val (api, time);
      if (!mk_bench_raw_stock_card (bench->raw, location, item_id, &time, error))
        return FALSE;
      if (r > 0)
        g_array_append_val (raw, time);
    }
  api_median = mk_bench_median (api);
  row = add_row (bench, "stock-card",
                 g_strdup_printf (_ ("Stock card, first 100 of %" G_GUINT64_FORMAT " rows (%s)"), total, item),
                 g_strdup (_ ("< 2 ms")));
  row->value = api_median.wall_us;
  row->cpu = api_median.cpu_us;
  row->raw = mk_bench_median (raw).wall_us;
  row->met = row->value < 2000;
  return TRUE;
}

static gboolean
bench_month_report (Bench   *bench,
                    GError **error)
{
  g_autoptr (GArray) api = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  g_autoptr (GArray) history = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  guint       runs = bench->quick ? 5 : 11;
  guint       n_rows = 0;
  MkBenchTime api_median;
  Row        *row;

  for (guint r = 0; r <= runs; r++)
    {
      MkBenchClock clock;
      MkBenchTime  time;
      g_autoptr (GPtrArray) report = NULL;

      mk_bench_start (&clock);
      report = mk_ledger_month_report (bench->db, bench->month, NULL, error);
      time = mk_bench_stop (&clock, 1);
      if (report == NULL)
        return FALSE;
      n_rows = report->len;
      if (r > 0)
        g_array_append_val (api, time);
      if (!mk_bench_raw_month_report (bench->raw, bench->month, FALSE, &time, error))
        return FALSE;
      if (r > 0)
        g_array_append_val (raw, time);
      /* Reading all history is slow: a few runs tell. */
      if (r > 0 && r <= (bench->quick ? 1 : 3))
        {
          if (!mk_bench_raw_month_report (bench->raw, bench->month, TRUE, &time, error))
            return FALSE;
          g_array_append_val (history, time);
        }
    }
  api_median = mk_bench_median (api);
  row = add_row (bench, "month-report",
                 g_strdup_printf (_ ("Monthly stock report %s, every item and warehouse (%u rows)"),
                                  bench->month, n_rows),
                 g_strdup (_ ("< 50 ms")));
  row->value = api_median.wall_us;
  row->cpu = api_median.cpu_us;
  row->raw = mk_bench_median (raw).wall_us;
  row->met = row->value < 50000;
  row = add_row (bench, "month-report-from-history",
                 g_strdup (_ ("  the same numbers from all history (what the totals avoid)")), NULL);
  row->raw = mk_bench_median (history).wall_us;
  return TRUE;
}

/* The dashboard's figures, every warehouse, read as the page reads them
 * (on a connection whose cache is warm). No budget of DESIGN.md: the page
 * reads them in a thread, off the window's. */
static gboolean
bench_dashboard (Bench   *bench,
                 GError **error)
{
  g_autoptr (GArray) api = g_array_new (FALSE, FALSE, sizeof (MkBenchTime));
  guint       runs = bench->quick ? 3 : 7;
  MkBenchTime median;
  Row        *row;

  for (guint r = 0; r <= runs; r++)
    {
      MkBenchClock clock;
      MkBenchTime  time;
      g_autoptr (MkDashboard) dashboard = NULL;

      mk_bench_start (&clock);
      dashboard = mk_dashboard_load (bench->db, 0, bench->date, error);
      time = mk_bench_stop (&clock, 1);
      if (dashboard == NULL)
        return FALSE;
      if (r > 0)
        g_array_append_val (api, time);
    }
  median = mk_bench_median (api);
  row = add_row (bench, "dashboard", g_strdup (_ ("Dashboard figures, every warehouse (read in a thread)")), NULL);
  row->value = median.wall_us;
  row->cpu = median.cpu_us;
  return TRUE;
}

static gboolean
bench_generation (Bench   *bench,
                  GError **error)
{
  double rate = 0;
  Row   *row;

  if (!mk_bench_raw_insert_rate (bench->raw, MIN (bench->stats.movements, 200000), &rate, error))
    return FALSE;
  row = add_row (bench, "generate", g_strdup (_ ("Generate movements (the demo mission, bulk posting)")),
                 g_strdup (_ ("≥ 100,000/s")));
  row->rate = TRUE;
  row->value = bench->stats.wall_us > 0 ? bench->stats.movements * 1e6 / bench->stats.wall_us : 0;
  if (bench->stats.cpu_us > 0)
    row->cpu = bench->stats.movements * 1e6 / bench->stats.cpu_us;
  row->raw = rate;
  row->met = row->value >= 100000;
  return TRUE;
}

static gboolean
bench_print (Bench      *bench,
             const char *dir,
             GError    **error)
{
  MkBenchPrint result = { 0 };
  Row         *row;

  if (!mk_bench_print (bench->db, dir, bench->date, bench->quick ? 3 : 10, &result, error))
    return FALSE;
  row = add_row (bench, "print-waybill", g_strdup (_ ("Print a 20-line waybill to PDF (4 copies)")),
                 g_strdup (_ ("< 50 ms")));
  row->value = result.waybill.wall_us;
  row->cpu = result.waybill.cpu_us;
  /* Judged on CPU time where the system gives it: on a shared machine the
   * wall clock measures the neighbours too. Both are shown. */
  row->met = (row->cpu > 0 ? row->cpu : row->value) < 50000;
  row = add_row (bench, "print-distribution-list",
                 /* Translators: %u is a number of households. */
                 g_strdup_printf (_ ("Print a distribution list of %u households to PDF"), result.households),
                 g_strdup (_ ("< 2 s")));
  row->value = result.list.wall_us;
  row->cpu = result.list.cpu_us;
  row->met = (row->cpu > 0 ? row->cpu : row->value) < 2e6 && result.households >= 1000;
  return TRUE;
}

static gboolean
bench_reports (Bench   *bench,
               GError **error)
{
  g_autofree char *dir = g_path_get_dirname (mk_database_get_path (bench->db));
  MkBenchReports   result = { 0 };
  const char      *ids[2][3] = { { "report-distributions", "report-distributions-cpu", "report-distributions-memory" },
                                 { "report-donor", "report-donor-cpu", "report-donor-memory" } };

  if (!mk_bench_reports (bench->db, dir, bench->quick ? 1 : 3, &result, error))
    return FALSE;
  for (guint k = 0; k < 2; k++)
    {
      MkBenchReport   *report = k == 0 ? &result.distributions : &result.donor;
      g_autofree char *lines = g_strdup_printf ("%" G_GUINT64_FORMAT, report->lines);
      Row             *row;

      row = add_row (bench, ids[k][0],
                     k == 0 ? g_strdup_printf (_ ("Distribution report workbook, %s distribution lines"), lines)
                            /* Translators: %1$s is a grant, %2$s a number of lines. */
                            : g_strdup_printf (_ ("Donor workbook of %1$s, %2$s distribution lines"), result.grant, lines),
                     g_strdup (_ ("≤ 1.5× raw")));
      row->value = report->api.wall_us;
      row->cpu = report->api.cpu_us;
      row->raw = report->raw.wall_us;
      /* Judged on CPU time where the system gives it: on a shared machine
       * the wall clock measures the neighbours. */
      if (report->api.cpu_us > 0 && report->raw.cpu_us > 0)
        row->met = report->api.cpu_us <= 1.5 * report->raw.cpu_us;
      else
        row->met = report->raw.wall_us > 0 && report->api.wall_us <= 1.5 * report->raw.wall_us;
      row = add_row (bench, ids[k][1], g_strdup (_ ("  CPU time of the same, both sides")), NULL);
      row->value = report->api.cpu_us;
      row->raw = report->raw.cpu_us;
      /* A size, not a time: the figure is in the label. */
      row = add_row (bench, ids[k][2],
                     report->peak_kib >= 0
                         /* Translators: %.1f is a number of megabytes. */
                         ? g_strdup_printf (_ ("  the memory it needs (peak growth, in a child): %.1f MB"),
                                            report->peak_kib / 1024.0)
                         : g_strdup (_ ("  its peak memory: unknown on this system")),
                     g_strdup (_ ("< 64 MB")));
      row->met = report->peak_kib >= 0 && report->peak_kib < 64 * 1024;
    }
  g_free (result.grant);
  return TRUE;
}

static gboolean
bench_backup (Bench   *bench,
              GError **error)
{
  g_autofree char *dir = g_path_get_dirname (mk_database_get_path (bench->db));
  MkBenchBackup    result;
  Row             *row;
  double           floor_us;

  if (!mk_bench_backup (bench->db, dir, bench->quick ? 1 : 3, bench->quick ? 10000 : 100000, &result, error))
    return FALSE;
  floor_us = result.sqlite_backup.wall_us;
  row = add_row (bench, "backup",
                 /* Translators: %.0f is a size in MB. */
                 g_strdup_printf (_ ("Back up the database (%.0f MB, compressed and checksummed)"),
                                  result.database_size / 1e6),
                 g_strdup (_ ("≤ 2.5× SQLite’s backup API")));
  row->value = result.backup.wall_us;
  row->cpu = result.backup.cpu_us;
  row->raw = floor_us;
  row->met = row->value <= 2.5 * floor_us;
  row = add_row (bench, "backup-verify", g_strdup (_ ("Verify a backup")), g_strdup (_ ("≤ 3× SQLite’s backup API")));
  row->value = result.verify.wall_us;
  row->cpu = result.verify.cpu_us;
  row->raw = floor_us;
  row->met = row->value <= 3 * floor_us;
  row = add_row (bench, "backup-restore", g_strdup (_ ("Restore a backup, before its checks")),
                 g_strdup (_ ("≤ 3× SQLite’s backup API")));
  row->value = result.restore_written.wall_us;
  row->cpu = result.restore_written.cpu_us;
  row->raw = floor_us;
  row->met = row->value <= 3 * floor_us;
  row = add_row (bench, "backup-restore-checked",
                 g_strdup (_ ("  the restoration with its integrity and ledger checks")), NULL);
  row->value = result.restore.wall_us;
  row->cpu = result.restore.cpu_us;
  row->raw = floor_us;
  row = add_row (bench, "import-households-xlsx",
                 /* Translators: %u is a number of households. */
                 g_strdup_printf (_ ("Import %u households from an xlsx workbook"), result.n_households),
                 g_strdup (bench->quick ? NULL : _ ("< 3 s")));
  row->value = result.import_households.wall_us;
  row->cpu = result.import_households.cpu_us;
  row->met = row->value < 3e6 && result.n_households == 100000;
  row = add_row (bench, "import-rate", g_strdup (_ ("  rows imported a second")), g_strdup (_ ("≥ 100,000/s")));
  row->rate = TRUE;
  row->value = result.import_households.wall_us > 0 ? result.n_households * 1e6 / result.import_households.wall_us : 0;
  if (result.import_households.cpu_us > 0)
    row->cpu = result.n_households * 1e6 / result.import_households.cpu_us;
  row->met = row->value >= 100000;
  return TRUE;
}

/* The command ----------------------------------------------------------------- */

static void
remove_folder (const char *dir)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static gboolean
measure (Bench   *bench,
         GError **error)
{
  GDate last;

  /* Postings are dated on the mission's last day; the month reported is
   * the last whole one before it. */
  g_strlcpy (bench->date, bench->stats.last_date, sizeof bench->date);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, (GDateMonth) g_ascii_strtoll (bench->date + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoll (bench->date, NULL, 10));
  g_date_subtract_months (&last, 1);
  g_snprintf (bench->month, sizeof bench->month, "%04u-%02u", g_date_get_year (&last),
              g_date_get_month (&last));

  return bench_waybill (bench, error) && bench_balances (bench, NULL, error)
         && bench_balances (bench, "2025-06-15", error) && bench_stock_card (bench, error)
         && bench_month_report (bench, error) && bench_dashboard (bench, error)
         && bench_generation (bench, error)
         && bench_print (bench, bench->dir, error) && bench_reports (bench, error)
         && bench_backup (bench, error);
}

gboolean
mk_cli_command_bench (MkCli   *cli,
                      char  ***args,
                      GError **error)
{
  g_autofree char   *movements_text = NULL;
  g_autofree char   *seed_text = NULL;
  gboolean           quick = FALSE;
  const GOptionEntry entries[] = {
    { "movements", 'm', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &movements_text,
      N_ ("Generate a mission of this many movements (default: 1000000)"), N_ ("N") },
    { "quick", 'q', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &quick,
      N_ ("A small mission (50000 movements) and fewer runs: to see that it works"), NULL },
    { "seed", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &seed_text,
      N_ ("The seed of the mission (default: the demo’s)"), N_ ("S") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *max_text = g_strdup_printf ("%" G_GINT64_FORMAT, MK_DEMO_MAX_MOVEMENTS);
  gint64           movements = DEFAULT_MOVEMENTS, seed = 20240101;
  Bench            bench = { 0 };
  gboolean         ok;

  context = mk_cli_option_context_new (
      cli, "",
      N_ ("Measures the performance budgets on a generated mission, in a temporary folder: each "
          "figure is the median of many runs, beside the raw floor (the same SQL run directly "
          "through SQLite) measured in the same run, and their ratio."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;
  if (quick)
    movements = QUICK_MOVEMENTS;
  if (movements_text != NULL
      && (!mk_text_parse_int (movements_text, &movements, NULL) || movements < 1000
          || movements > MK_DEMO_MAX_MOVEMENTS))
    {
      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s."), "--movements", "1000",
                              max_text);
      return FALSE;
    }
  if (seed_text != NULL
      && (!mk_text_parse_int (seed_text, &seed, NULL) || seed < 0 || seed > G_MAXUINT32))
    {
      g_autofree char *max_seed = g_strdup_printf ("%u", G_MAXUINT32);
      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s."), "--seed", "0", max_seed);
      return FALSE;
    }

  dir = g_dir_make_tmp ("makhzan-bench-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "mission.makhzan", NULL);
  bench.cli = cli;
  bench.quick = quick;
  bench.dir = dir;
  bench.rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (bench.rows, (GDestroyNotify) row_clear);

  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, movements);
      /* Translators: %s is a number of movements. */
      mk_cli_print_line (_ ("Generating a demo mission of %s movements…"), n);
      fflush (stdout);
    }
  bench.db = mk_cli_demo_create (cli, path, movements, (guint32) seed, &bench.stats, &local_error);
  ok = bench.db != NULL;
  if (ok)
    bench.raw = mk_bench_raw_open (path, dir, mk_database_get_office_code (bench.db),
                                   mk_database_get_office_number (bench.db), &local_error);
  ok = ok && bench.raw != NULL && measure (&bench, &local_error);
  /* The raw floor wrote real waybills: the ledger must still hold. */
  ok = ok && mk_ledger_check (bench.db, &local_error);

  if (ok)
    {
      if (cli->format == MK_CLI_FORMAT_TABLE)
        {
          g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, bench.stats.movements);
          g_autofree char *docs = g_strdup_printf ("%" G_GINT64_FORMAT, bench.stats.documents);

          /* Translators: numbers of movements and documents, two dates and
           * SQLite's version. */
          mk_cli_print_line (_ ("The mission: %s movements in %s documents, %s to %s; SQLite %s."),
                             n, docs, bench.stats.first_date, bench.stats.last_date, sqlite3_libversion ());
#ifndef __OPTIMIZE__
          mk_cli_print_line (_ ("This makhzan-cli is not an optimised build: compare the ratios, not the times."));
#endif
        }
      write_rows (&bench);
    }

  mk_bench_raw_close (bench.raw);
  g_clear_object (&bench.db);
  remove_folder (dir);
  g_array_unref (bench.rows);
  if (!ok)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _ ("The benchmark failed: "));
      return FALSE;
    }
  return TRUE;
}
