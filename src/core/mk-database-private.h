/* mk-database-private.h: what the core's modules share about a connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mk-database.h"

G_BEGIN_DECLS

/* The raw connection, for the module that owns a table. */
sqlite3 *_mk_database_get_handle (MkDatabase *self);

/* A statement prepared once per connection and reset after each use. @sql
 * must be a string literal: the cache is keyed by its address. Returns a
 * borrowed statement, reset and with its bindings cleared. */
sqlite3_stmt *_mk_database_statement (MkDatabase *self,
                                      const char *sql,
                                      GError    **error);

/* Steps @stmt; *has_row says whether a row came back. Returns FALSE and sets
 * @error only on an error, never at the end of the rows. */
gboolean _mk_database_step (MkDatabase   *self,
                            sqlite3_stmt *stmt,
                            gboolean     *has_row,
                            GError      **error);
/* Steps a statement that returns no row (INSERT, UPDATE, DELETE). */
gboolean _mk_database_exec_stmt (MkDatabase   *self,
                                 sqlite3_stmt *stmt,
                                 GError      **error);
/* Runs one or more statements without parameters. */
gboolean _mk_database_exec (MkDatabase *self,
                            const char *sql,
                            GError    **error);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are
 * savepoints, so a module can make its work atomic whoever calls it. */
gboolean _mk_database_begin (MkDatabase *self,
                             GError    **error);
gboolean _mk_database_commit (MkDatabase *self,
                              GError    **error);
/* Never fails from the caller's point of view: a failed rollback is logged. */
void _mk_database_rollback (MkDatabase *self);

/* Sets @error from SQLite's last error on this connection, with @context
 * (a translated sentence) before SQLite's own words. */
void _mk_database_set_error (MkDatabase *self,
                             GError    **error,
                             const char *context);

/* The page cache of an everyday connection, and of a bulk load, in KiB. */
#define MK_DATABASE_CACHE_KIB 32768
#define MK_DATABASE_BULK_CACHE_KIB 524288

/* Sets the connection's page cache (PRAGMA cache_size) in KiB. */
gboolean _mk_database_set_cache_size (MkDatabase *self,
                                      guint       kib,
                                      GError    **error);

/* The LIKE pattern that finds @search anywhere in a column folded with
 * mk_fold(): folded, LIKE's wildcards escaped with '\\'. */
char *_mk_database_like_pattern (const char *search);

/* The next id of @table for a row that may travel between offices:
 * office_number × 2^40 + counter. */
gboolean _mk_database_next_id (MkDatabase *self,
                               const char *table,
                               gint64     *id,
                               GError    **error);
/* @count consecutive ids, the first in *first. */
gboolean _mk_database_next_ids (MkDatabase *self,
                                const char *table,
                                guint       count,
                                gint64     *first,
                                GError    **error);
/* Bulk posting: ids are counted in memory from their first use (a
 * rollback leaves a gap, never an id given twice) and written to
 * id_counters by release() when @write, inside the bulk's transaction. */
void     _mk_database_hold_ids (MkDatabase *self);
gboolean _mk_database_release_ids (MkDatabase *self,
                                   gboolean    write,
                                   GError    **error);

/* How many rollbacks (of transactions or savepoints) the connection has
 * made: what is kept in memory beside the database is stale once it
 * changes. */
guint _mk_database_get_rollbacks (MkDatabase *self);

/* Emits MkDatabase::changed after a commit: @table names what changed. */
void _mk_database_emit_changed (MkDatabase *self,
                                const char *table,
                                gint64      row_id);

/* Applies migrations up to @version (tests build every earlier version). */
gboolean    _mk_database_migrate_to (MkDatabase *self,
                                     guint       version,
                                     GError    **error);
MkDatabase *_mk_database_open_raw (const char *path,
                                   GError    **error);

G_END_DECLS
