/* mk-cli-output.h: rows of values written as a table, TSV or JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-cli.h"

G_BEGIN_DECLS

typedef enum
{
  MK_CLI_VALUE_TEXT,
  MK_CLI_VALUE_NUMBER, /* a JSON number; right-aligned in tables */
  MK_CLI_VALUE_BOOL,   /* "yes"/"no": JSON true/false; translated in tables */
} MkCliValueType;

MkCliTable *mk_cli_table_new (void);
void        mk_cli_table_free (MkCliTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkCliTable, mk_cli_table_free)

/* @name is the key in TSV and JSON; @label, already translated, heads the
 * column of a table for people. */
guint mk_cli_table_add_column (MkCliTable    *table,
                               const char    *name,
                               const char    *label,
                               MkCliValueType type);
/* The columns of a master-data kind, one per field. */
/* Whether the table shows fields marked MK_FIELD_PERSONAL (off by default);
 * set before adding columns. */
void  mk_cli_table_set_with_personal (MkCliTable *table,
                                      gboolean    with_personal);
void  mk_cli_table_add_kind_columns (MkCliTable   *table,
                                     const MkKind *kind);
guint mk_cli_table_get_n_rows (MkCliTable *table);
/* Starts a row; its cells are unset (null) until set. */
void mk_cli_table_add_row (MkCliTable *table);
void mk_cli_table_set (MkCliTable *table,
                       guint       column,
                       const char *value);
void mk_cli_table_take (MkCliTable *table,
                        guint       column,
                        char       *value);
void mk_cli_table_set_int (MkCliTable *table,
                           guint       column,
                           gint64      value);
/* A row with the values of a record's fields. */
void mk_cli_table_add_record (MkCliTable *table,
                              MkRecord   *record);

/* Every row: aligned columns, TSV with a header line, or a JSON array. */
void mk_cli_table_write (MkCliTable *table,
                         MkCliFormat format);
/* The first row as one record: "label: value" lines, TSV with a header
 * line, or a JSON object. @child, if not NULL, is written inside it under
 * @child_name: a nested table, a JSON array, or a column of its own in TSV
 * (whose text the caller gives as @child_tsv). */
void mk_cli_table_write_record (MkCliTable *table,
                                MkCliFormat format,
                                const char *child_name,
                                const char *child_label,
                                MkCliTable *child,
                                const char *child_tsv);
/* The same with any number of children, written in their order. */
typedef struct
{
  const char *name;  /* the key in TSV and JSON */
  const char *label; /* translated: the heading for people */
  MkCliTable *table;
  const char *tsv; /* the child's text in its TSV column */
} MkCliChild;

void mk_cli_table_write_record_children (MkCliTable       *table,
                                         MkCliFormat       format,
                                         const MkCliChild *children,
                                         guint             n_children);

G_END_DECLS
