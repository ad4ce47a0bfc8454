/* test-concurrency.c: two processes posting into one file at once never
 * lose or duplicate a number.
 *
 * The test spawns this same program twice with --child PATH ITEM N: each
 * child opens the file, waits for PATH.go to appear so that both start
 * together, and posts N goods received notes of ITEM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-test-ledger.h"

#define PER_CHILD 50

static char *self_path;

static int
run_child (const char *path,
           const char *item,
           guint       count)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autofree char *go = g_strconcat (path, ".go", NULL);
  gint64           deadline;

  db = mk_database_open (path, &error);
  if (db == NULL)
    {
      g_printerr ("child %s: open: %s\n", item, error->message);
      return 2;
    }
  if (!mk_database_set_user (db, item, "Storekeeper", &error))
    {
      g_printerr ("child %s: set user: %s\n", item, error->message);
      return 2;
    }

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (go, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("child %s: never told to start\n", item);
          return 2;
        }
      g_usleep (500);
    }

  for (guint i = 0; i < count; i++)
    {
      g_autoptr (MkDocument) grn = mk_document_new (MK_DOCUMENT_GRN);
      MkRecord *header = mk_document_get_header (grn);

      if (!mk_record_set_text (header, "date", "2026-03-01", &error) || !mk_record_set_text (header, "warehouse", "BEN-MAIN", &error) || !mk_record_set_text (header, "source", "purchase", &error))
        {
          g_printerr ("child %s: header: %s\n", item, error->message);
          return 2;
        }
      mk_document_add_line (grn, mk_document_line_new (item, 1));
      if (!mk_documents_post (db, grn, &error))
        {
          g_printerr ("child %s: posting %u of %u refused: %s\n", item, i + 1, count,
                      error->message);
          return 1;
        }
      g_print ("%s\n", mk_document_get_number (grn));
      /* A pause between postings gives the other process its turn, so that
       * the two really interleave instead of one waiting out the other. */
      g_usleep (g_random_int_range (0, 3000));
    }
  return 0;
}

static GSubprocess *
spawn_child (const char *path,
             const char *item)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *count = g_strdup_printf ("%u", PER_CHILD);
  GSubprocess     *child;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error, self_path, "--child", path, item, count, NULL);
  g_assert_no_error (error);
  return child;
}

static void
wait_child (GSubprocess *child,
            const char  *item,
            GHashTable  *seen)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) numbers = NULL;
  guint printed = 0;

  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("child posting %s failed:\n%s", item, err);

  /* What each child was told it got: no number handed out twice. */
  numbers = g_strsplit (out, "\n", -1);
  for (guint i = 0; numbers[i] != NULL; i++)
    {
      if (numbers[i][0] == '\0')
        continue;
      if (g_hash_table_contains (seen, numbers[i]))
        g_error ("%s was given twice", numbers[i]);
      g_hash_table_insert (seen, g_strdup (numbers[i]), (gpointer) item);
      printed++;
    }
  g_assert_cmpuint (printed, ==, PER_CHILD);
}

static void
test_two_processes (MkFixture    *fixture,
                    gconstpointer data)
{
  g_autoptr (GSubprocess) a = NULL;
  g_autoptr (GSubprocess) b = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) stored = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) grns = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *go = g_strconcat (fixture->path, ".go", NULL);
  const char      *previous_owner = NULL;
  guint            switches = 0;

  a = spawn_child (fixture->path, "SOAP");
  b = spawn_child (fixture->path, "BUCKET");
  g_usleep (200 * 1000);
  g_file_set_contents (go, "", 0, &error);
  g_assert_no_error (error);

  wait_child (a, "SOAP", seen);
  wait_child (b, "BUCKET", seen);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2 * PER_CHILD);

  /* What the file holds: numbers 1 … 100, each once, and nothing else. */
  grns = mk_documents_list (fixture->db, MK_DOCUMENT_GRN, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grns->len, ==, 2 * PER_CHILD);
  for (guint i = 0; i < grns->len; i++)
    {
      MkDocumentSummary *summary = g_ptr_array_index (grns, i);
      g_assert_cmpint (summary->status, ==, MK_DOCUMENT_POSTED);
      g_assert_nonnull (summary->number);
      if (!g_hash_table_add (stored, summary->number))
        g_error ("%s is stored twice", summary->number);
    }
  for (guint n = 1; n <= 2 * PER_CHILD; n++)
    {
      g_autofree char *number = g_strdup_printf ("BEN-GRN-2026-%05u", n);
      if (!g_hash_table_contains (stored, number))
        g_error ("%s is missing", number);
      if (!g_hash_table_contains (seen, number))
        g_error ("%s was stored but no child was given it", number);
      if (previous_owner != NULL && previous_owner != g_hash_table_lookup (seen, number))
        switches++;
      previous_owner = g_hash_table_lookup (seen, number);
    }
  /* How much the two actually overlapped, for whoever reads the log. */
  g_test_message ("the numbers changed hands %u times between the two processes", switches);

  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, NULL, NULL), ==, PER_CHILD);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BUCKET", NULL, NULL, NULL), ==, PER_CHILD);
  /* The next posting here continues the sequence. */
  {
    g_autoptr (MkDocument) next = mk_test_receive (fixture, "2026-03-02", "BEN-MAIN", "BRUSH", 1,
                                                   NULL, NULL, NULL);
    g_assert_cmpstr (mk_document_get_number (next), ==, "BEN-GRN-2026-00101");
  }
  /* tear_down runs mk_ledger_check. */
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/concurrency/two-processes-posting", MkFixture, NULL,
              mk_ledger_fixture_set_up, test_two_processes, mk_ledger_fixture_tear_down);

  return g_test_run ();
}
