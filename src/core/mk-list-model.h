/* mk-list-model.h: a GListModel of rows over SQL, for lists of any length.
 *
 * A list is described by an MkListSource (mk-list-sources.c): the tables it
 * reads, its columns and the filters it accepts. The model keeps only the
 * keys of the rows that match, in the order asked for, filled by one query
 * in a thread of its own; a row's values are read when the view asks for it
 * and kept in a small cache. Memory therefore grows by the size of a key per
 * row (8 to 32 bytes), not by the size of the rows, and sorting and
 * filtering happen in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mk-database.h"

G_BEGIN_DECLS

typedef enum
{
  MK_LIST_COLUMN_TEXT,        /* free text: isolated first-strong */
  MK_LIST_COLUMN_CODE,        /* a code, number or plate: left to right */
  MK_LIST_COLUMN_NAME,        /* two SQL values, English and Arabic */
  MK_LIST_COLUMN_QUANTITY,    /* an integer, digits grouped, at the end */
  MK_LIST_COLUMN_SIGNED,      /* an integer that shows its sign */
  MK_LIST_COLUMN_WEIGHT,      /* grams, shown as kilograms */
  MK_LIST_COLUMN_VOLUME,      /* cm³, shown as m³ */
  MK_LIST_COLUMN_UNIT_WEIGHT, /* grams of one unit, shown as kilograms */
  MK_LIST_COLUMN_UNIT_VOLUME, /* cm³ of one unit, shown as m³ */
  MK_LIST_COLUMN_DATE,        /* YYYY-MM-DD */
  MK_LIST_COLUMN_STATUS,      /* a document's status, translated */
  MK_LIST_COLUMN_KIND,        /* a document's kind code, translated */
  MK_LIST_COLUMN_CATEGORY,    /* a movement's category, translated */
  MK_LIST_COLUMN_BOOLEAN,     /* 0 or 1: "No" or "Yes" */
  MK_LIST_COLUMN_RUNNING,     /* the running value the key query computed */
} MkListColumnType;

typedef struct
{
  const char      *key;   /* stable, for sort state and exports */
  const char      *title; /* N_() */
  MkListColumnType type;
  /* The SQL the row query selects; NAME selects two: "en, ar". RUNNING:
   * NULL. */
  const char *value_sql;
  /* ORDER BY expression, or NULL when the column does not sort. NAME
   * columns sort by the name in the interface's language. */
  const char *sort_sql;
  const char *sort_sql_ar;
  int         width_chars;
  gboolean    expand;
} MkListColumn;

typedef struct
{
  const char *key; /* "text", "warehouse", "grant", "from", "to", … */
  /* A condition with named parameters of the same name: ":text" and so on.
   * "text" binds a LIKE pattern of the folded text; dates are checked. */
  const char *sql;
  gboolean    required; /* without it the list is empty */
} MkListFilter;

/* What activating a row opens. */
typedef enum
{
  MK_LIST_OPENS_NOTHING,
  MK_LIST_OPENS_DOCUMENT,   /* the first key is a document's id */
  MK_LIST_OPENS_RECORD,     /* the first key is a record of record_kind */
  MK_LIST_OPENS_STOCK_CARD, /* the values of the "warehouse" and "item" columns */
} MkListOpens;

typedef struct _MkListSource MkListSource;
struct _MkListSource
{
  const char *name;
  const char *title; /* N_() */
  /* The key query: SELECT key_sql[, running_sql] FROM from_sql WHERE
   * where_sql AND filters ORDER BY … */
  const char *from_sql;
  const char *where_sql;
  const char *key_sql; /* one to four integer expressions, comma-separated */
  guint       n_keys;
  const char *running_sql; /* NULL, or an integer the rows show as RUNNING */
  const char *default_order;
  /* The row query: SELECT values FROM row_from_sql WHERE the keys match;
   * row_from_sql NULL: from_sql. row_key_sql NULL: key_sql. */
  const char         *row_from_sql;
  const char         *row_key_sql;
  const MkListColumn *columns;
  guint               n_columns;
  const MkListFilter *filters;
  guint               n_filters;
  MkListOpens         opens;
  const char         *record_kind; /* MK_LIST_OPENS_RECORD */
};

const MkListSource *mk_list_source_lookup (const char *name);
/* Every source, in the order the application shows them; NULL-terminated. */
const MkListSource *const *mk_list_sources (void);
const MkListColumn        *mk_list_source_find_column (const MkListSource *source,
                                                       const char         *key);
gboolean                   mk_list_source_has_filter (const MkListSource *source,
                                                      const char         *key);

#define MK_TYPE_LIST_ROW (mk_list_row_get_type ())
G_DECLARE_FINAL_TYPE (MkListRow, mk_list_row, MK, LIST_ROW, GObject)

/* The first key: a document's or a record's id. */
gint64 mk_list_row_get_id (MkListRow *self);
gint64 mk_list_row_get_key (MkListRow *self,
                            guint      index);
/* The value of @column ready to show, in the interface's language; NULL
 * when empty. Codes and numbers are not isolated here: a cell isolates. */
const char *mk_list_row_get_text (MkListRow *self,
                                  guint      column);
/* The raw value, as the SQL gave it (NAME: the English name). */
const char *mk_list_row_get_raw (MkListRow *self,
                                 guint      column);
gint64      mk_list_row_get_integer (MkListRow *self,
                                     guint      column);

#define MK_LIST_MODEL_ERROR (mk_list_model_error_quark ())

typedef enum
{
  MK_LIST_MODEL_ERROR_BAD_FILTER, /* a filter's value is not valid */
  MK_LIST_MODEL_ERROR_FAILED,
} MkListModelError;

GQuark mk_list_model_error_quark (void);

#define MK_TYPE_LIST_MODEL (mk_list_model_get_type ())
G_DECLARE_FINAL_TYPE (MkListModel, mk_list_model, MK, LIST_MODEL, GObject)

MkListModel        *mk_list_model_new (MkDatabase         *db,
                                       const MkListSource *source);
const MkListSource *mk_list_model_get_source (MkListModel *self);
MkDatabase         *mk_list_model_get_database (MkListModel *self);

/* Filters take effect at the next reload. NULL or "" removes one. Refused
 * when the source has no such filter or the value is malformed (a date
 * that does not exist). */
gboolean    mk_list_model_set_filter (MkListModel *self,
                                      const char  *key,
                                      const char  *value,
                                      GError     **error);
const char *mk_list_model_get_filter (MkListModel *self,
                                      const char  *key);
void        mk_list_model_clear_filters (MkListModel *self);
/* @column_key NULL: the source's default order. */
void mk_list_model_set_sort (MkListModel *self,
                             const char  *column_key,
                             gboolean     descending);

/* Reloads in a thread on a connection of its own; the model changes (one
 * items-changed) when the query is done. A reload asked for while one runs
 * starts when it ends. "loading" is TRUE meanwhile. */
void mk_list_model_reload (MkListModel *self);
/* The same, now, on the model's connection: for tests and the CLI. */
gboolean mk_list_model_reload_sync (MkListModel *self,
                                    GError     **error);
gboolean mk_list_model_get_loading (MkListModel *self);
/* The error of the last reload, or NULL. */
const GError *mk_list_model_get_error (MkListModel *self);

G_END_DECLS
