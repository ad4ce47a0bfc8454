/* mk-cli-test.h: running makhzan-cli in a temporary folder, and checking
 * its exit status, its output and its messages.
 *
 * The program is $MAKHZAN_CLI, or src/cli/makhzan-cli under
 * $MAKHZAN_BUILD_ROOT; it runs with g_spawn_sync in the test's folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  char      *db; /* the database file, created by the test or not */
  char     **env;
  int        status;         /* of the last run */
  char      *out;            /* its standard output */
  char      *err;            /* its standard error */
  GPtrArray *snapshot_lists; /* argument vectors: see mk_cli_test_snapshot () */
} MkCliTest;

/* A new folder from @tmpl (as g_dir_make_tmp () takes it) with no database
 * in it yet, and an environment that runs as @user, @function, in the
 * build's translations, away from the real user's data. */
void mk_cli_test_set_up (MkCliTest  *fixture,
                         const char *tmpl,
                         const char *user,
                         const char *function);
/* Removes the folder and everything in it. */
void mk_cli_test_tear_down (MkCliTest    *fixture,
                            gconstpointer data);
/* Adds "makhzan-cli --db DB FIRST…" to the lists a snapshot shows. */
void mk_cli_test_add_snapshot_list (MkCliTest  *fixture,
                                    const char *first,
                                    ...) G_GNUC_NULL_TERMINATED;

/* Runs the program with @args as they are (no --db added); returns its
 * exit status, also in @fixture with its output. A crash fails the test. */
int mk_cli_test_run_argv (MkCliTest         *fixture,
                          const char *const *args);
/* Runs "makhzan-cli --db DB ARGS…". */
int mk_cli_test_run_args (MkCliTest         *fixture,
                          const char *const *args);
int mk_cli_test_run (MkCliTest  *fixture,
                     const char *first,
                     ...) G_GNUC_NULL_TERMINATED;

/* The last run succeeded, wrote nothing on standard error, and printed @text
 * (if not NULL) somewhere in its output. */
void mk_cli_test_assert_ok (MkCliTest  *fixture,
                            const char *text);
void mk_cli_test_assert_out_has (MkCliTest  *fixture,
                                 const char *text);
void mk_cli_test_assert_out_lacks (MkCliTest  *fixture,
                                   const char *text);
/* The last run failed with @status and one line, "makhzan-cli: …", naming
 * every one of the NULL-terminated texts. */
void mk_cli_test_assert_fails (MkCliTest *fixture,
                               int        status,
                               ...) G_GNUC_NULL_TERMINATED;

/* The whole database as the program shows it: "dump", the lists added
 * with mk_cli_test_add_snapshot_list (), and the audit log. */
char *mk_cli_test_snapshot (MkCliTest *fixture);
/* The snapshot equals @before, taken earlier. */
void mk_cli_test_assert_unchanged (MkCliTest  *fixture,
                                   const char *before);

/* Writes @contents to @name in the fixture's folder; returns its path. */
char *mk_cli_test_write_file (MkCliTest  *fixture,
                              const char *name,
                              const char *contents);

/* @text is one JSON value, starting with @first ('{' or '['). */
void mk_cli_test_assert_json (const char *text,
                              char        first);
/* Every line of a TSV output has as many cells as the header, which starts
 * with @header_start; returns the number of rows after the header. */
guint mk_cli_test_assert_tsv (const char *text,
                              const char *header_start);

/* The balance that "balance FIRST…" prints: one number on one line. */
gint64 mk_cli_test_balance (MkCliTest  *fixture,
                            const char *first,
                            ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
