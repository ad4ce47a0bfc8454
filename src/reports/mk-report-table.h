/* mk-report-table.h: the report queries as typed row sets.
 *
 * Each table is a query with typed columns. Its rows stream to a callback
 * (the workbook writer writes them as they come, so 100,000 rows never sit
 * in memory) or are collected into an MkRowSet, which the application's
 * lists and the printed documents read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-report.h"

G_BEGIN_DECLS

typedef enum
{
  MK_COLUMN_TEXT,
  MK_COLUMN_QUANTITY, /* integer, in the item's unit */
  MK_COLUMN_WEIGHT,   /* integer grams, shown in kg */
  MK_COLUMN_VOLUME,   /* integer cm³, shown in m³ */
  MK_COLUMN_MONEY,    /* integer thousandths of a currency unit (items.unit_value_milli × quantity); a "currency" column says which */
  MK_COLUMN_DATE,     /* text YYYY-MM-DD, written as a date */
  MK_COLUMN_MONTH,    /* text YYYY-MM, kept as text (what HXL wants) */
  MK_COLUMN_PERCENT,  /* integer hundredths of a percent */
} MkColumnType;

typedef struct
{
  const char  *id;    /* stable, for code and tests: "closing" */
  const char  *title; /* N_(): translate with mk_report_text() */
  MkColumnType type;
  const char  *hxl;    /* the HXL hashtag, or NULL */
  gboolean     summed; /* the sheet's totals row sums it */
} MkColumn;

/* One cell: @text for text, dates and months (NULL: empty), @number for
 * the numeric types; @blank leaves a numeric cell empty. */
typedef struct
{
  const char *text;
  gint64      number;
  gboolean    blank;
} MkCell;

typedef enum
{
  MK_TABLE_STOCK_MONTH,         /* stock report: a month per item and grant */
  MK_TABLE_STOCK_CARD,          /* one item's movements in one warehouse */
  MK_TABLE_STOCK_REMAINING,     /* stock at the end of the period, per lot */
  MK_TABLE_RECEIVED,            /* goods received, per document line */
  MK_TABLE_ITEMS_DISTRIBUTED,   /* month × place × group × activity × item */
  MK_TABLE_PEOPLE_REACHED,      /* month × place × group × activity */
  MK_TABLE_DISTRIBUTION_LINES,  /* one row per distribution line */
  MK_TABLE_SERVICES,            /* one row per service delivery */
  MK_TABLE_PEOPLE_BY_INDICATOR, /* unique people per indicator and month */
  MK_TABLE_PEOPLE_BY_BALADIYA,  /* unique people per indicator and baladiya */
  MK_TABLE_5W,                  /* the sector's 5W rows */
  MK_TABLE_WAYBILLS,            /* waybill register, one row per line */
  MK_TABLE_LOSSES,              /* loss register, one row per loss */
  MK_N_TABLES,
} MkTableId;

/* Receives each row; returning FALSE (with @error set) stops the query. */
typedef gboolean (*MkRowFunc) (const MkCell *cells,
                               gpointer      data,
                               GError      **error);

/* A table's columns; *n_columns receives their number. */
const MkColumn *mk_report_table_get_columns (MkTableId table,
                                             guint    *n_columns);
/* The translated title of a table (a sheet's name). */
const char *mk_report_table_get_title (MkTableId   table,
                                       const char *language);

/* Runs a table's query for @options (resolved: see
 * mk_report_options_resolve(); from and to must be set), calling @func for
 * each row. */
gboolean mk_report_table_foreach (MkDatabase            *db,
                                  MkTableId              table,
                                  const MkReportOptions *options,
                                  MkRowFunc              func,
                                  gpointer               data,
                                  GError               **error);

/* A table's rows, collected. */
typedef struct _MkRowSet MkRowSet;

MkRowSet       *mk_row_set_collect (MkDatabase            *db,
                                    MkTableId              table,
                                    const MkReportOptions *options,
                                    GError               **error);
void            mk_row_set_free (MkRowSet *set);
guint           mk_row_set_get_n_rows (const MkRowSet *set);
const MkColumn *mk_row_set_get_columns (const MkRowSet *set,
                                        guint          *n_columns);
/* The cells of row @row: an array of n_columns cells, owned by the set. */
const MkCell *mk_row_set_get_row (const MkRowSet *set,
                                  guint           row);
/* The index of the column named @id, or -1. */
gint mk_row_set_find_column (const MkRowSet *set,
                             const char     *id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkRowSet, mk_row_set_free)

/* @msgid translated into @language ("en", "ar", NULL: the interface's),
 * whatever the interface's language: the workbook's language is chosen per
 * export. Falls back to English when the catalogue lacks it. */
const char *mk_report_text (const char *language,
                            const char *msgid) G_GNUC_FORMAT (2);
/* @name_en or @name_ar for @language, falling back to the other. */
const char *mk_report_pick_name (const char *language,
                                 const char *name_en,
                                 const char *name_ar);

G_END_DECLS
