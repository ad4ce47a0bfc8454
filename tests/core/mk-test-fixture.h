/* mk-test-fixture.h: a fresh database per test, and dump comparisons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "makhzan-core.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *path;
  MkDatabase *db;
} MkFixture;

/* Creates office BEN (number 2) in a new temporary folder. */
void mk_fixture_set_up (MkFixture    *fixture,
                        gconstpointer data);
/* Closes the database (asserting it is not leaked) and removes the folder. */
void mk_fixture_tear_down (MkFixture    *fixture,
                           gconstpointer data);

/* Adds a record from field=value pairs, asserting success. */
MkRecord *mk_fixture_add (MkFixture  *fixture,
                          const char *kind,
                          ...) G_GNUC_NULL_TERMINATED;
/* Adds the same, expecting an error; returns it. */
GError *mk_fixture_add_fails (MkFixture  *fixture,
                              const char *kind,
                              ...) G_GNUC_NULL_TERMINATED;
/* A small catalogue: warehouses BEN-MAIN, sites, items SOAP, TOOTHPASTE,
 * BRUSH, BUCKET, kit HK (not yet composed), donor ECHO, grant ECHO-2026. */
void mk_fixture_add_catalogue (MkFixture *fixture);

/* Writes @contents to a file in the fixture's folder and returns its path. */
char *mk_fixture_write_file (MkFixture  *fixture,
                             const char *name,
                             const char *contents,
                             gssize      length);

/* Asserts that the database equals the dump taken earlier. */
void  mk_fixture_assert_unchanged (MkFixture  *fixture,
                                   const char *dump_before);
char *mk_fixture_dump (MkFixture *fixture);

/* Removes a folder and everything in it. */
void mk_test_remove_tree (const char *path);

G_END_DECLS
