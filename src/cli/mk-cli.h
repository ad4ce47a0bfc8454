/* mk-cli.h: what the files of makhzan-cli share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "makhzan-core.h"

G_BEGIN_DECLS

#define MK_CLI_ERROR (mk_cli_error_quark ())

typedef enum
{
  MK_CLI_ERROR_USAGE,  /* the command line is wrong: exit status 2 */
  MK_CLI_ERROR_FAILED, /* the command could not be done: exit status 1 */
} MkCliError;

GQuark mk_cli_error_quark (void);

typedef enum
{
  MK_CLI_FORMAT_TABLE,
  MK_CLI_FORMAT_TSV,
  MK_CLI_FORMAT_JSON,
} MkCliFormat;

typedef struct _MkCliTable MkCliTable;

/* The global options and the state of one run. */
typedef struct
{
  char       *db_path;  /* --db; NULL: $MAKHZAN_DB or the default */
  char       *user;     /* --user; NULL: $MAKHZAN_USER or the login's name */
  char       *function; /* --function; NULL: $MAKHZAN_FUNCTION or none */
  MkCliFormat format;
  const char *command; /* the command being run, for messages and help */
  /* Positional arguments from this one on are file names, not text: they
   * are passed on as they are. 0: none. */
  guint raw_arguments_from;
} MkCli;

typedef gboolean (*MkCliCommandFunc) (MkCli   *cli,
                                      char  ***args,
                                      GError **error);

/* mk-cli.c */
char       *mk_cli_get_database_path (MkCli *cli);
const char *mk_cli_get_user (MkCli *cli);
/* Opens the database of --db; @for_writing also records the user, so
 * that every change is audited with their name. */
MkDatabase *mk_cli_open_database (MkCli   *cli,
                                  gboolean for_writing,
                                  GError **error);
/* Creates @path, or if NULL the file of --db, for a new office. */
MkDatabase *mk_cli_create_database (MkCli      *cli,
                                    const char *path,
                                    const char *code,
                                    guint       number,
                                    const char *name_en,
                                    const char *name_ar,
                                    GError    **error);
/* A context for the options of the running command, with the global
 * options in a group of their own. @parameters and @summary are N_()
 * strings, translated when the help is shown. */
GOptionContext *mk_cli_option_context_new (MkCli              *cli,
                                           const char         *parameters,
                                           const char         *summary,
                                           const GOptionEntry *entries,
                                           gpointer            entries_data);
/* Parses @args in place; a refused command line becomes a usage error. */
gboolean mk_cli_parse (MkCli          *cli,
                       GOptionContext *context,
                       char         ***args,
                       GError        **error);
/* Fails with a usage error unless @args holds @min to @max positional
 * arguments after the command's name. */
gboolean mk_cli_check_arguments (MkCli   *cli,
                                 char   **args,
                                 guint    min,
                                 guint    max,
                                 GError **error);
void     mk_cli_set_usage_error (GError    **error,
                                 const char *format,
                                 ...) G_GNUC_PRINTF (2, 3);
/* Resolves KIND (singular or plural), or fails with the list of kinds. */
const MkKind *mk_cli_lookup_kind (const char *name,
                                  GError    **error);
/* Options named after fields: --FIELD VALUE. The argument of --FIELD in
 * --help (CODE, NUMBER, yes|no…), an N_() string. */
const char *mk_cli_field_argument (const MkField *field);
/* Appends @entry to @entries and, if its name has underscores, the same
 * option with hyphens (--name-en for --name_en), hidden; @strings keeps
 * the hyphenated name. */
void mk_cli_append_option_entry (GArray             *entries,
                                 const GOptionEntry *entry,
                                 GPtrArray          *strings);
/* For an option callback: appends the field that @option_name names
 * (hyphens read as underscores) to @names and @value, as UTF-8, to
 * @values. */
gboolean mk_cli_take_field_option (GPtrArray  *names,
                                   GPtrArray  *values,
                                   const char *option_name,
                                   const char *value,
                                   GError    **error);
/* An argument as UTF-8: as given when it is valid UTF-8, whatever the
 * locale (scripts run under LANG=C pass Arabic too), else converted from
 * the locale's character set; a usage error if neither works. */
char *mk_cli_argument_to_utf8 (const char *arg,
                               GError    **error);
/* The same for an option's value, replaced in place; NULL stays NULL. */
gboolean mk_cli_utf8_in_place (char   **arg,
                               GError **error);
/* Write UTF-8 text to standard output as it is, in any locale; the first
 * adds a line end. */
void mk_cli_print_line (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);
void mk_cli_write (const char *text);

/* mk-cli-database.c */
gboolean mk_cli_command_init (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_dump (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_check (MkCli *cli, char ***args, GError **error);

/* mk-cli-master-data.c */
gboolean mk_cli_command_list (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_show (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_add (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_edit (MkCli *cli, char ***args, GError **error);

/* mk-cli-kit.c */
gboolean mk_cli_command_kit (MkCli *cli, char ***args, GError **error);
/* A kit's bill of materials as rows, and as "CODE=QTY CODE=QTY" (the
 * arguments of "kit set"). */
MkCliTable *mk_cli_kit_components_table (GPtrArray *components);
char       *mk_cli_kit_components_text (GPtrArray *components);

/* mk-cli-documents.c */
gboolean mk_cli_command_doc (MkCli *cli, char ***args, GError **error);

/* mk-cli-ledger.c */
gboolean mk_cli_command_balance (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_stock (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_stock_card (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_suggest_lots (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_in_transit (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_expiring (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_below_reorder (MkCli *cli, char ***args, GError **error);
/* Replaces the value of a date option (NULL stays NULL) by its ISO form,
 * or fails naming @option. */
gboolean mk_cli_parse_date_option (const char *option,
                                   char      **value,
                                   GError    **error);

/* mk-cli-people.c */
gboolean mk_cli_command_reached (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_reconcile (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_households (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_office (MkCli *cli, char ***args, GError **error);
/* "Female 0–4" for female_0_4: the label of a count of people. */
char *mk_cli_people_count_label (const char *field_name);
/* The columns of the counts (female_0_4 … total), and their values in a
 * row from @first_column on. */
void mk_cli_people_add_count_columns (MkCliTable *table);
void mk_cli_people_set_counts (MkCliTable           *table,
                               guint                 first_column,
                               const MkPeopleCounts *counts);

/* mk-cli-backup.c */
gboolean mk_cli_command_backup (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_restore (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_verify (MkCli *cli, char ***args, GError **error);

/* mk-cli-report.c */
gboolean mk_cli_command_report (MkCli *cli, char ***args, GError **error);

/* mk-cli-print.c */
gboolean mk_cli_command_print (MkCli *cli, char ***args, GError **error);

/* mk-cli-import.c */
gboolean mk_cli_command_import (MkCli *cli, char ***args, GError **error);
gboolean mk_cli_command_export (MkCli *cli, char ***args, GError **error);

/* mk-cli-demo.c */
gboolean mk_cli_command_demo (MkCli *cli, char ***args, GError **error);

/* mk-cli-bench.c */
gboolean mk_cli_command_bench (MkCli *cli, char ***args, GError **error);

G_END_DECLS
