/* mk-cli-demo.h: what the demo's files and the benchmark share.
 *
 *   mk-cli-demo.c            the office's master data, and the "demo" command
 *   mk-cli-demo-flows.c      the mission's data: grants, programmes, routes …
 *   mk-cli-demo-stock.c      the generator's picture of what is where
 *   mk-cli-demo-movements.c  years of documents, posted as a user posts them
 *   mk-cli-demo-people.c     households, distributions at the sites, services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-cli.h"

G_BEGIN_DECLS

/* A generous bound: document numbers run to 99999 per kind and year. */
#define MK_DEMO_MAX_MOVEMENTS G_GINT64_CONSTANT (10000000)

/* What generating movements did. */
typedef struct
{
  gint64 movements;    /* counted from the posted documents' lines */
  gint64 documents;
  gint64 lines;
  gint64 cancellations;
  gint64 distributions;   /* with people counted or a household list */
  gint64 household_lists;
  gint64 services;        /* service deliveries */
  gint64 households;      /* registered */
  char   first_date[11];
  char   last_date[11];
  gint64 wall_us;      /* bulk begin to bulk end, indexes included */
  gint64 cpu_us;       /* the same span in CPU time; -1 when unknown */
  gint64 check_us;     /* mk_ledger_check() afterwards */
} MkDemoStats;

/* Creates the demo office at @path (NULL: the file of --db) with its master
 * data and, when @movements > 0, the mission's documents until that many
 * movements are posted (@stats may be NULL). The file must not exist; on
 * failure it is removed. */
MkDatabase *mk_cli_demo_create (MkCli       *cli,
                                const char  *path,
                                gint64       movements,
                                guint32      seed,
                                MkDemoStats *stats,
                                GError     **error);

/* mk-cli-demo-movements.c: posts the mission's documents through
 * mk_documents_post() in one bulk transaction, from 2024-01 to 2026-10,
 * until @target movements are written. Deterministic for a @seed. */
gboolean    mk_demo_generate_movements (MkDatabase  *db,
                                        gint64       target,
                                        guint32      seed,
                                        MkDemoStats *stats,
                                        GError     **error);

/* mk-cli-cputime.c: this process's CPU time in microseconds, or -1 where
 * the system cannot say. */
gint64      mk_cli_cpu_time_us (void);

G_END_DECLS
