/* test-list-model.c: lists over SQL, as the application's pages show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-test-ledger.h"

static MkListModel *
load (MkFixture  *fixture,
      const char *source_name,
      ...) G_GNUC_NULL_TERMINATED;

/* A model of @source_name with the filters given as key, value pairs,
 * loaded synchronously. */
static MkListModel *
load (MkFixture  *fixture,
      const char *source_name,
      ...)
{
  const MkListSource *source = mk_list_source_lookup (source_name);
  MkListModel        *model;
  const char         *key;
  va_list             args;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (source);
  model = mk_list_model_new (fixture->db, source);
  va_start (args, source_name);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_assert_true (mk_list_model_set_filter (model, key, value, &error));
      g_assert_no_error (error);
    }
  va_end (args);
  g_assert_true (mk_list_model_reload_sync (model, &error));
  g_assert_no_error (error);
  return model;
}

static guint
column_index (MkListModel *model,
              const char  *key)
{
  const MkListSource *source = mk_list_model_get_source (model);
  const MkListColumn *column = mk_list_source_find_column (source, key);

  g_assert_nonnull (column);
  return (guint) (column - source->columns);
}

static const char *
text_at (MkListModel *model,
         guint        position,
         const char  *column_key)
{
  g_autoptr (MkListRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (row);
  /* The row stays in the model's cache, so its text outlives this ref. */
  return mk_list_row_get_text (row, column_index (model, column_key));
}

static void
post_waybill (MkFixture  *fixture,
              const char *date,
              const char *expected,
              const char *item,
              gint64      quantity)
{
  g_autoptr (MkDocument) waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", date,
                                                         "warehouse", "BEN-MAIN",
                                                         "to_warehouse", "BEN-FIELD",
                                                         "expected_date", expected, NULL);

  mk_test_add_line (waybill, item, quantity, NULL);
  mk_test_post (fixture, waybill);
}

static void
test_stock (MkFixture    *fixture,
            gconstpointer data)
{
  g_autoptr (MkListModel) all = NULL;
  g_autoptr (MkListModel) by_grant = NULL;
  g_autoptr (MkListModel) by_text = NULL;
  g_autoptr (MkListModel) sorted = NULL;
  g_autoptr (MkDocument) a = NULL;
  g_autoptr (MkDocument) b = NULL;
  g_autoptr (MkDocument) c = NULL;

  a = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 1250, NULL, NULL, "ECHO-2026");
  b = mk_test_receive (fixture, "2026-01-11", "BEN-MAIN", "SOAP", 40, NULL, NULL, "BHA-2026");
  c = mk_test_receive (fixture, "2026-01-12", "BEN-FIELD", "BLANKET", 7, NULL, NULL, NULL);

  all = load (fixture, "stock", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
  /* Ordered by warehouse, then item, then grant: BEN-FIELD first. */
  g_assert_cmpstr (text_at (all, 0, "warehouse"), ==, "BEN-FIELD");
  g_assert_cmpstr (text_at (all, 0, "quantity"), ==, "7");
  g_assert_cmpstr (text_at (all, 1, "grant"), ==, "BHA-2026");
  g_assert_cmpstr (text_at (all, 2, "quantity"), ==, "1,250");
  g_assert_cmpstr (text_at (all, 2, "state"), ==, "Available");

  by_grant = load (fixture, "stock", "grant", "ECHO-2026", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_grant)), ==, 1);

  /* Text matches names, whatever the case. */
  by_text = load (fixture, "stock", "text", "blank", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_text)), ==, 1);
  g_assert_cmpstr (text_at (by_text, 0, "item"), ==, "BLANKET");

  sorted = mk_list_model_new (fixture->db, mk_list_source_lookup ("stock"));
  mk_list_model_set_sort (sorted, "quantity", TRUE);
  g_assert_true (mk_list_model_reload_sync (sorted, NULL));
  g_assert_cmpstr (text_at (sorted, 0, "quantity"), ==, "1,250");
  g_assert_cmpstr (text_at (sorted, 2, "quantity"), ==, "7");
}

/* Names sort as a reader expects in both languages, not by code point
 * (the tests run under C.UTF-8): the alef forms with alef, lower case
 * among capitals. */
static void
test_names_sorted (MkFixture    *fixture,
                   gconstpointer data)
{
  static const char *const by_arabic[] = {
    "JUG",
    "BLANKET2",
    "POT",
    "BLANKET",
    "HK",
    "BUCKET",
    "SOAP",
    "BRUSH",
    "TOOTHPASTE",
  };
  static const char *const by_english[] = {
    "SOAP",
    "BLANKET",
    "BUCKET",
    "POT",
    "HK",
    "BRUSH",
    "TOOTHPASTE",
    "JUG",
    "BLANKET2",
  };
  g_autoptr (MkListModel) model = NULL;
  g_autoptr (MkRecord) jug = NULL;
  g_autoptr (MkRecord) blanket = NULL;
  g_autoptr (MkRecord) pot = NULL;

  jug = mk_fixture_add (fixture, "item", "code", "JUG", "name_en", "Water jug",
                        "name_ar", "ابريق ماء", "category", "wash", "unit", "piece", NULL);
  blanket = mk_fixture_add (fixture, "item", "code", "BLANKET2", "name_en", "Wool blanket",
                            "name_ar", "أغطية صوفية", "category", "wash", "unit", "piece", NULL);
  pot = mk_fixture_add (fixture, "item", "code", "POT", "name_en", "cooking pot",
                        "name_ar", "إناء طبخ", "category", "wash", "unit", "piece", NULL);

  mk_text_set_language ("ar");
  model = mk_list_model_new (fixture->db, mk_list_source_lookup ("items"));
  mk_list_model_set_sort (model, "name", FALSE);
  g_assert_true (mk_list_model_reload_sync (model, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (by_arabic));
  for (guint i = 0; i < G_N_ELEMENTS (by_arabic); i++)
    g_assert_cmpstr (text_at (model, i, "code"), ==, by_arabic[i]);

  mk_text_set_language ("en");
  g_assert_true (mk_list_model_reload_sync (model, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (by_english); i++)
    g_assert_cmpstr (text_at (model, i, "code"), ==, by_english[i]);
  mk_text_set_language (NULL);
}

/* A search typed in Arabic-Indic digits finds the Western digits of a name
 * or a code, and the other way round. */
static void
test_search_arabic_digits (MkFixture    *fixture,
                           gconstpointer data)
{
  g_autoptr (MkListModel) bucket = load (fixture, "items", "text", "١٤ l", NULL);
  g_autoptr (MkListModel) arabic_name = load (fixture, "items", "text", "دلو 14", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bucket)), ==, 1);
  g_assert_cmpstr (text_at (bucket, 0, "code"), ==, "BUCKET");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (arabic_name)), ==, 1);
  g_assert_cmpstr (text_at (arabic_name, 0, "code"), ==, "BUCKET");
}

static void
test_stock_card (MkFixture    *fixture,
                 gconstpointer data)
{
  g_autoptr (MkListModel) card = NULL;
  g_autoptr (MkListModel) march = NULL;
  g_autoptr (MkListModel) incomplete = NULL;
  g_autoptr (MkDocument) jan = NULL;
  g_autoptr (MkDocument) mar = NULL;

  jan = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);
  mar = mk_test_receive (fixture, "2026-03-10", "BEN-MAIN", "SOAP", 25, NULL, NULL, NULL);
  post_waybill (fixture, "2026-02-20", "2026-02-22", "SOAP", 30);

  card = load (fixture, "stock-card", "warehouse", "BEN-MAIN", "item", "SOAP", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (card)), ==, 3);
  g_assert_cmpstr (text_at (card, 0, "in"), ==, "100");
  g_assert_cmpstr (text_at (card, 1, "out"), ==, "30");
  g_assert_null (text_at (card, 1, "in"));
  g_assert_cmpstr (text_at (card, 1, "balance"), ==, "70");
  g_assert_cmpstr (text_at (card, 1, "counterpart"), ==, "BEN-FIELD");
  g_assert_cmpstr (text_at (card, 1, "movement"), ==, "Dispatched");
  g_assert_cmpstr (text_at (card, 2, "balance"), ==, "95");

  /* A period starts from the balance carried in, not from zero. */
  march = load (fixture, "stock-card", "warehouse", "BEN-MAIN", "item", "SOAP",
                "from", "2026-03-01", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (march)), ==, 1);
  g_assert_cmpstr (text_at (march, 0, "balance"), ==, "95");

  /* Without its item, a stock card is empty rather than every movement. */
  incomplete = load (fixture, "stock-card", "warehouse", "BEN-MAIN", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (incomplete)), ==, 0);
}

static void
test_stock_as_of (MkFixture    *fixture,
                  gconstpointer data)
{
  g_autoptr (MkListModel) january = NULL;
  g_autoptr (MkListModel) february = NULL;
  g_autoptr (MkDocument) jan = NULL;
  g_autoptr (MkDocument) feb = NULL;

  jan = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);
  feb = mk_test_receive (fixture, "2026-02-10", "BEN-MAIN", "TOOTHPASTE", 40, "TP-1", "2027-06-30", NULL);
  post_waybill (fixture, "2026-02-20", "2026-02-22", "SOAP", 30);

  january = load (fixture, "stock-as-of", "as-of", "2026-01-31", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (january)), ==, 1);
  g_assert_cmpstr (text_at (january, 0, "quantity"), ==, "100");
  g_assert_cmpstr (text_at (january, 0, "name"), ==, "Bathing soap 250 g");

  february = load (fixture, "stock-as-of", "as-of", "28/02/2026", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (february)), ==, 2);
  g_assert_cmpstr (text_at (february, 0, "item"), ==, "SOAP");
  g_assert_cmpstr (text_at (february, 0, "quantity"), ==, "70");
  g_assert_cmpstr (text_at (february, 1, "lot"), ==, "TP-1");
  g_assert_cmpstr (text_at (february, 1, "quantity"), ==, "40");
}

static void
test_documents (MkFixture    *fixture,
                gconstpointer data)
{
  g_autoptr (MkListModel) receipts = NULL;
  g_autoptr (MkListModel) waybills = NULL;
  g_autoptr (MkListModel) overdue = NULL;
  g_autoptr (MkListModel) february = NULL;
  g_autoptr (MkDocument) jan = NULL;
  g_autoptr (MkDocument) draft = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-03-01",
                                                       "warehouse", "BEN-MAIN",
                                                       "source", "purchase", NULL);
  g_autoptr (GError) error = NULL;

  jan = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "SOAP", 100, NULL, NULL, NULL);
  post_waybill (fixture, "2026-02-20", "2026-02-22", "SOAP", 30);
  mk_test_add_line (draft, "SOAP", 5, NULL);
  g_assert_true (mk_documents_save_draft (fixture->db, draft, &error));
  g_assert_no_error (error);

  receipts = load (fixture, "documents", "kinds", "GRN,RCV", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (receipts)), ==, 2);
  /* Newest first: the draft of March, then January's note. */
  g_assert_cmpstr (text_at (receipts, 0, "status"), ==, "Draft");
  g_assert_null (text_at (receipts, 0, "number"));
  g_assert_cmpstr (text_at (receipts, 1, "number"), ==, "BEN-GRN-2026-00001");
  g_assert_cmpstr (text_at (receipts, 1, "units"), ==, "100");

  waybills = load (fixture, "documents", "kinds", "WB", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (waybills)), ==, 1);
  g_assert_cmpstr (text_at (waybills, 0, "destination"), ==, "BEN-FIELD");
  /* Expected on 22 February 2026 and still not received. */
  g_assert_cmpstr (text_at (waybills, 0, "status"), ==, "Overdue");

  overdue = load (fixture, "documents", "status", "overdue", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (overdue)), ==, 1);

  february = load (fixture, "documents", "from", "2026-02-01", "to", "2026-02-28", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (february)), ==, 1);
}

static void
test_bad_filters (MkFixture    *fixture,
                  gconstpointer data)
{
  g_autoptr (MkListModel) model = mk_list_model_new (fixture->db,
                                                     mk_list_source_lookup ("documents"));
  g_autoptr (GError) error = NULL;

  g_assert_false (mk_list_model_set_filter (model, "from", "2026-02-30", &error));
  g_assert_error (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_BAD_FILTER);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  g_assert_false (mk_list_model_set_filter (model, "category", "NFI", &error));
  g_assert_error (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_BAD_FILTER);
  g_clear_error (&error);

  /* Arabic-Indic digits are dates too. */
  g_assert_true (mk_list_model_set_filter (model, "to", "٢٠٢٦-٠٢-٢٨", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mk_list_model_get_filter (model, "to"), ==, "2026-02-28");
}

static void
test_every_source_loads (MkFixture    *fixture,
                         gconstpointer data)
{
  const MkListSource *const *sources = mk_list_sources ();
  g_autoptr (MkDocument) jan = NULL;

  jan = mk_test_receive (fixture, "2026-01-10", "BEN-MAIN", "TOOTHPASTE", 100, "L1", "2027-01-01", NULL);
  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr (MkListModel) model = mk_list_model_new (fixture->db, sources[i]);
      g_autoptr (GError) error = NULL;
      guint n;

      g_test_message ("source %s", sources[i]->name);
      /* Required filters get a value, so that every query runs. */
      if (g_str_equal (sources[i]->name, "stock-card"))
        {
          g_assert_true (mk_list_model_set_filter (model, "warehouse", "BEN-MAIN", NULL));
          g_assert_true (mk_list_model_set_filter (model, "item", "SOAP", NULL));
        }
      if (g_str_equal (sources[i]->name, "stock-as-of"))
        g_assert_true (mk_list_model_set_filter (model, "as-of", "2026-01-31", NULL));
      if (mk_list_source_has_filter (sources[i], "text"))
        g_assert_true (mk_list_model_set_filter (model, "text", "a", NULL));
      g_assert_true (mk_list_model_reload_sync (model, &error));
      g_assert_no_error (error);

      /* Every column of every row reads, sorted by every sortable column. */
      for (guint c = 0; c < sources[i]->n_columns; c++)
        {
          if (sources[i]->columns[c].sort_sql == NULL)
            continue;
          mk_list_model_set_sort (model, sources[i]->columns[c].key, c % 2 == 0);
          g_assert_true (mk_list_model_reload_sync (model, &error));
          g_assert_no_error (error);
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint r = 0; r < n; r++)
        for (guint c = 0; c < sources[i]->n_columns; c++)
          {
            g_autoptr (MkListRow) row = g_list_model_get_item (G_LIST_MODEL (model), r);
            (void) mk_list_row_get_text (row, c);
          }
    }
}

static void
on_reloaded (MkListModel *model,
             gpointer     user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *signals = user_data;

  (*signals)++;
}

/* The application reloads in a thread: one items-changed when it is done. */
static void
test_reload_in_thread (MkFixture    *fixture,
                       gconstpointer data)
{
  g_autoptr (MkListModel) model = mk_list_model_new (fixture->db, mk_list_source_lookup ("items"));
  gboolean done = FALSE;
  guint    signals = 0;

  g_signal_connect (model, "reloaded", G_CALLBACK (on_reloaded), &done);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &signals);
  mk_list_model_reload (model);
  g_assert_true (mk_list_model_get_loading (model));
  /* A second reload asked for meanwhile runs after the first. */
  mk_list_model_reload (model);
  while (!done || mk_list_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (mk_list_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  g_assert_cmpuint (signals, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, mk_ledger_fixture_set_up, func, mk_ledger_fixture_tear_down)
  ADD ("/list-model/stock", test_stock);
  ADD ("/list-model/stock-card", test_stock_card);
  ADD ("/list-model/names-sorted", test_names_sorted);
  ADD ("/list-model/search-arabic-digits", test_search_arabic_digits);
  ADD ("/list-model/stock-as-of", test_stock_as_of);
  ADD ("/list-model/documents", test_documents);
  ADD ("/list-model/bad-filters", test_bad_filters);
  ADD ("/list-model/every-source", test_every_source_loads);
  ADD ("/list-model/reload-in-thread", test_reload_in_thread);
#undef ADD

  return g_test_run ();
}
