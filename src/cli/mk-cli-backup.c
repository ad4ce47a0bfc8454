/* mk-cli-backup.c: backup, restore and verify.
 *
 *   makhzan-cli backup --out FILE          a backup of --db, while it is in use
 *   makhzan-cli backup --folder DIR --keep N   an automatic backup, dated
 *   makhzan-cli verify FILE                checks a backup, prints its header
 *   makhzan-cli restore FILE --to PATH     restores into a new database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-output.h"
#include "mk-cli.h"

static void
write_info (MkCli              *cli,
            const MkBackupInfo *info)
{
  g_autoptr (MkCliTable) table = mk_cli_table_new ();
  g_autoptr (GDateTime) created = g_date_time_new_from_unix_utc (info->created);
  g_autofree char *office = NULL;
  guint            c_format, c_schema, c_office, c_number, c_created, c_documents, c_movements,
      c_size, c_file_size, c_crc;

  c_format = mk_cli_table_add_column (table, "format_version", _ ("Backup format"), MK_CLI_VALUE_NUMBER);
  c_schema = mk_cli_table_add_column (table, "schema_version", _ ("Database version"), MK_CLI_VALUE_NUMBER);
  c_office = mk_cli_table_add_column (table, "office_code", _ ("Office"), MK_CLI_VALUE_TEXT);
  c_number = mk_cli_table_add_column (table, "office_number", _ ("Office number"), MK_CLI_VALUE_NUMBER);
  c_created = mk_cli_table_add_column (table, "created", _ ("Made at (UTC)"), MK_CLI_VALUE_TEXT);
  c_documents = mk_cli_table_add_column (table, "documents", _ ("Documents"), MK_CLI_VALUE_NUMBER);
  c_movements = mk_cli_table_add_column (table, "movements", _ ("Movements"), MK_CLI_VALUE_NUMBER);
  c_size = mk_cli_table_add_column (table, "database_bytes", _ ("Database size (bytes)"), MK_CLI_VALUE_NUMBER);
  c_file_size = mk_cli_table_add_column (table, "backup_bytes", _ ("Backup size (bytes)"), MK_CLI_VALUE_NUMBER);
  c_crc = mk_cli_table_add_column (table, "crc32", _ ("Checksum (CRC-32)"), MK_CLI_VALUE_TEXT);

  mk_cli_table_add_row (table);
  mk_cli_table_set_int (table, c_format, info->format_version);
  mk_cli_table_set_int (table, c_schema, info->schema_version);
  mk_cli_table_set (table, c_office, info->office_code);
  mk_cli_table_set_int (table, c_number, info->office_number);
  if (created != NULL)
    mk_cli_table_take (table, c_created, g_date_time_format (created, "%Y-%m-%d %H:%M:%S"));
  mk_cli_table_set_int (table, c_documents, info->n_documents);
  mk_cli_table_set_int (table, c_movements, info->n_movements);
  mk_cli_table_set_int (table, c_size, (gint64) info->database_size);
  mk_cli_table_set_int (table, c_file_size, (gint64) info->file_size);
  mk_cli_table_take (table, c_crc, g_strdup_printf ("%08x", info->content_crc));
  mk_cli_table_write_record (table, cli->format, NULL, NULL, NULL, NULL);
}

gboolean
mk_cli_command_backup (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autofree char   *out = NULL;
  g_autofree char   *folder = NULL;
  g_autofree char   *keep_text = NULL;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_ ("The backup file to write"), N_ ("FILE") },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder,
      N_ ("Instead of --out: a dated automatic backup into this folder"), N_ ("DIR") },
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep_text,
      N_ ("With --folder: keep this office’s newest N automatic backups (default: 7)"), N_ ("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkDatabase) db = NULL;
  g_autoptr (MkBackupInfo) info = NULL;
  g_autofree char *written = NULL;
  g_autofree char *display = NULL;
  gint64           keep = 7;

  context = mk_cli_option_context_new (
      cli, "",
      N_ ("Writes a compressed backup of the database while it may be in use: it holds everything "
          "committed when the backup began, with a header naming the office, the database version, "
          "the time and the numbers of documents and movements, and checksums of the content."),
      entries, NULL);
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 0, 0, error))
    return FALSE;
  if ((out == NULL) == (folder == NULL))
    {
      mk_cli_set_usage_error (error, _ ("Give either %s or %s."), "--out FILE", "--folder DIR");
      return FALSE;
    }
  if (keep_text != NULL && (folder == NULL || !mk_text_parse_int (keep_text, &keep, NULL) || keep < 1 || keep > 10000))
    {
      mk_cli_set_usage_error (error, _ ("%s takes a number from %s to %s, with %s."), "--keep", "1",
                              "10000", "--folder");
      return FALSE;
    }

  db = mk_cli_open_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;
  if (out != NULL)
    {
      if (!mk_backup_write (db, out, NULL, NULL, NULL, error))
        return FALSE;
      written = g_strdup (out);
    }
  else if (!mk_backup_run_scheduled (db, folder, (guint) keep, &written, NULL, error))
    return FALSE;

  /* What the header says, read back from the file just written. */
  if (!mk_backup_verify (written, &info, NULL, NULL, NULL, error))
    return FALSE;
  display = g_filename_display_name (written);
  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      g_autofree char *documents = g_strdup_printf ("%" G_GINT64_FORMAT, info->n_documents);
      g_autofree char *movements = g_strdup_printf ("%" G_GINT64_FORMAT, info->n_movements);

      /* Translators: “Backed up 120 documents and 3400 movements to
       * BEN.mkbackup.” */
      mk_cli_print_line (_ ("Backed up %s documents and %s movements to %s."), documents, movements,
                         display);
    }
  else
    write_info (cli, info);
  return TRUE;
}

gboolean
mk_cli_command_verify (MkCli   *cli,
                       char  ***args,
                       GError **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkBackupInfo) info = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("FILE"),
      N_ ("Checks a backup without restoring it: its header, every block’s checksum and the "
          "checksum of the whole database. Prints what the header says."),
      NULL, NULL);
  cli->raw_arguments_from = 1;
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;
  if (!mk_backup_verify ((*args)[1], &info, NULL, NULL, NULL, error))
    return FALSE;
  write_info (cli, info);
  if (cli->format == MK_CLI_FORMAT_TABLE)
    mk_cli_print_line ("%s", _ ("The backup is sound."));
  return TRUE;
}

gboolean
mk_cli_command_restore (MkCli   *cli,
                        char  ***args,
                        GError **error)
{
  g_autofree char   *to = NULL;
  const GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_FILENAME, &to, N_ ("The new database file; it must not exist"),
      N_ ("PATH") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (MkBackupInfo) info = NULL;
  g_autofree char *display = NULL;

  context = mk_cli_option_context_new (
      cli, N_ ("FILE"),
      N_ ("Restores a backup into a new database file: checks the backup before anything is "
          "written, brings a database of an older version up to date, checks the restored "
          "database and its stock ledger, and only then names the file. An existing file is never "
          "replaced."),
      entries, NULL);
  cli->raw_arguments_from = 1;
  if (!mk_cli_parse (cli, context, args, error) || !mk_cli_check_arguments (cli, *args, 1, 1, error))
    return FALSE;
  if (to == NULL)
    {
      mk_cli_set_usage_error (error, _ ("Name the new database file with %s."), "--to PATH");
      return FALSE;
    }
  if (!mk_backup_restore ((*args)[1], to, &info, NULL, NULL, NULL, error))
    return FALSE;

  display = g_filename_display_name (to);
  if (cli->format == MK_CLI_FORMAT_TABLE)
    {
      g_autofree char *documents = g_strdup_printf ("%" G_GINT64_FORMAT, info->n_documents);
      g_autofree char *movements = g_strdup_printf ("%" G_GINT64_FORMAT, info->n_movements);

      /* Translators: “Restored 120 documents and 3400 movements into
       * ben.makhzan; its ledger checks out.” */
      mk_cli_print_line (_ ("Restored %s documents and %s movements into %s; the database and its "
                            "ledger check out."),
                         documents, movements, display);
    }
  else
    write_info (cli, info);
  return TRUE;
}
