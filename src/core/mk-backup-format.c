/* mk-backup-format.c: the backup file's header, and the blocks compressed
 * and expanded on every processor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <zlib.h>

#include "mk-backup-private.h"

/* Header ------------------------------------------------------------------ */

static void
put_u32 (guchar *out,
         guint32 value)
{
  for (guint i = 0; i < 4; i++)
    out[i] = (guchar) (value >> (8 * i));
}

static void
put_u64 (guchar *out,
         guint64 value)
{
  for (guint i = 0; i < 8; i++)
    out[i] = (guchar) (value >> (8 * i));
}

static guint32
get_u32 (const guchar *in)
{
  guint32 value = 0;

  for (guint i = 0; i < 4; i++)
    value |= (guint32) in[i] << (8 * i);
  return value;
}

static guint64
get_u64 (const guchar *in)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value |= (guint64) in[i] << (8 * i);
  return value;
}

void
_mk_backup_header_encode (const MkBackupHeader *header,
                          guchar                out[MK_BACKUP_HEADER_SIZE])
{
  const MkBackupInfo *info = &header->info;

  memset (out, 0, MK_BACKUP_HEADER_SIZE);
  memcpy (out, MK_BACKUP_MAGIC, MK_BACKUP_MAGIC_LENGTH);
  put_u32 (out + 8, info->format_version);
  put_u32 (out + 12, MK_BACKUP_HEADER_SIZE);
  put_u32 (out + 16, info->schema_version);
  put_u32 (out + 20, info->office_number);
  if (info->office_code != NULL)
    strncpy ((char *) out + 24, info->office_code, 15);
  put_u64 (out + 40, (guint64) info->created);
  put_u64 (out + 48, (guint64) info->n_documents);
  put_u64 (out + 56, (guint64) info->n_movements);
  put_u64 (out + 64, info->database_size);
  put_u32 (out + 72, header->block_size);
  put_u32 (out + 76, header->n_blocks);
  put_u32 (out + 80, info->content_crc);
  put_u32 (out + 124, (guint32) crc32 (0, out, 124));
}

/* The first bytes of files people may take for a backup. */
static const char *
describe_foreign_file (const guchar *data,
                       gsize         length)
{
  if (length >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    return _ ("it is a database file, not a backup: open it as a database instead");
  if (length >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return _ ("it is a gzip file, not a backup made by Makhzan");
  if (length >= 4 && memcmp (data, "PK\3\4", 4) == 0)
    return _ ("it is a zip archive, not a backup made by Makhzan");
  if (length == 0)
    return _ ("the file is empty");
  return _ ("it was not made by Makhzan’s backup");
}

gboolean
_mk_backup_header_decode (const guchar   *data,
                          gsize           length,
                          const char     *display_name,
                          MkBackupHeader *header,
                          GError        **error)
{
  MkBackupInfo *info = &header->info;
  char          code[17];

  memset (header, 0, sizeof *header);
  if (length < MK_BACKUP_MAGIC_LENGTH || memcmp (data, MK_BACKUP_MAGIC, MK_BACKUP_MAGIC_LENGTH) != 0)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_NOT_BACKUP,
                   /* Translators: “backup.mkbackup” is not a Makhzan backup: it is a zip archive … */
                   _ ("“%s” is not a Makhzan backup: %s."), display_name,
                   describe_foreign_file (data, length));
      return FALSE;
    }
  if (length < 16)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
                   _ ("The backup “%s” is truncated: its header is incomplete."), display_name);
      return FALSE;
    }
  info->format_version = get_u32 (data + 8);
  if (info->format_version > MK_BACKUP_FORMAT_VERSION)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_TOO_NEW,
                   _ ("The backup “%s” was made by a newer version of Makhzan (backup format %u; "
                      "this version reads up to %u). Install the newer Makhzan to restore it."),
                   display_name, info->format_version, MK_BACKUP_FORMAT_VERSION);
      return FALSE;
    }
  if (length < MK_BACKUP_HEADER_SIZE)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
                   _ ("The backup “%s” is truncated: its header is incomplete."), display_name);
      return FALSE;
    }
  if (info->format_version == 0 || get_u32 (data + 12) != MK_BACKUP_HEADER_SIZE || get_u32 (data + 124) != (guint32) crc32 (0, data, 124))
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
                   _ ("The backup “%s” is damaged: its header does not match its checksum."),
                   display_name);
      return FALSE;
    }

  info->schema_version = get_u32 (data + 16);
  info->office_number = get_u32 (data + 20);
  memcpy (code, data + 24, 16);
  code[16] = '\0';
  info->office_code = g_utf8_make_valid (code, -1);
  info->created = (gint64) get_u64 (data + 40);
  info->n_documents = (gint64) get_u64 (data + 48);
  info->n_movements = (gint64) get_u64 (data + 56);
  info->database_size = get_u64 (data + 64);
  header->block_size = get_u32 (data + 72);
  header->n_blocks = get_u32 (data + 76);
  info->content_crc = get_u32 (data + 80);

  if (info->schema_version > mk_database_schema_version ())
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_TOO_NEW,
                   _ ("The backup “%s” holds a database of a newer version of Makhzan (database "
                      "version %u; this version reads up to %u). Install the newer Makhzan to "
                      "restore it."),
                   display_name, info->schema_version, mk_database_schema_version ());
      return FALSE;
    }
  /* The checksum matched, so these only fail for a file written wrongly;
   * they bound what the reader allocates. */
  if (header->block_size < MK_BACKUP_MIN_BLOCK || header->block_size > MK_BACKUP_MAX_BLOCK || (guint64) header->n_blocks * header->block_size < info->database_size || info->database_size + header->block_size <= (guint64) header->n_blocks * header->block_size)
    {
      g_set_error (error, MK_BACKUP_ERROR, MK_BACKUP_ERROR_DAMAGED,
                   _ ("The backup “%s” is damaged: its header describes blocks that cannot be."),
                   display_name);
      return FALSE;
    }
  return TRUE;
}

gsize
_mk_backup_compressed_bound (guint32 block_size)
{
  /* Raw deflate adds no wrapper; zlib's bound covers stored blocks. */
  return compressBound (block_size) + 16;
}

/* Blocks on every processor -------------------------------------------------- */

struct _MkBackupPipeline
{
  GThreadPool *pool;
  GMutex       lock;
  GCond        done;
  GQueue       under_way; /* MkBackupBlock, oldest first */
  guint        capacity;
  gboolean     expand;
};

void
_mk_backup_block_free (MkBackupBlock *block)
{
  if (block == NULL)
    return;
  /* When expanding, the block owns the compressed bytes it read. */
  g_free ((gpointer) block->input);
  g_free (block->output);
  g_free (block);
}

static void
compress_block (MkBackupBlock *block)
{
  z_stream stream = { 0 };
  gsize    bound = _mk_backup_compressed_bound ((guint32) block->input_length);

  block->crc = (guint32) crc32 (0, block->input, (uInt) block->input_length);
  block->output = g_malloc (bound);
  /* Level 1 and raw deflate: a backup is written often and must be quick;
   * SQLite's pages still shrink to about a quarter. */
  if (deflateInit2 (&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    {
      block->failed = TRUE;
      return;
    }
  stream.next_in = (Bytef *) block->input;
  stream.avail_in = (uInt) block->input_length;
  stream.next_out = block->output;
  stream.avail_out = (uInt) bound;
  block->failed = deflate (&stream, Z_FINISH) != Z_STREAM_END;
  block->output_length = stream.total_out;
  deflateEnd (&stream);
  block->packed_crc = (guint32) crc32 (0, block->output, (uInt) block->output_length);
}

static void
expand_block (MkBackupBlock *block)
{
  z_stream stream = { 0 };
  int      status;

  block->output = g_malloc (MAX (block->output_length, 1));
  if ((guint32) crc32 (0, block->input, (uInt) block->input_length) != block->packed_crc || inflateInit2 (&stream, -15) != Z_OK)
    {
      block->failed = TRUE;
      return;
    }
  stream.next_in = (Bytef *) block->input;
  stream.avail_in = (uInt) block->input_length;
  stream.next_out = block->output;
  stream.avail_out = (uInt) block->output_length;
  status = inflate (&stream, Z_FINISH);
  /* The block must end exactly where its data ends, at its length. */
  block->failed = status != Z_STREAM_END || stream.avail_in != 0 || stream.total_out != block->output_length || (guint32) crc32 (0, block->output, (uInt) block->output_length) != block->crc;
  inflateEnd (&stream);
}

static void
work (gpointer data,
      gpointer user_data)
{
  MkBackupBlock    *block = data;
  MkBackupPipeline *pipeline = user_data;

  if (pipeline->expand)
    expand_block (block);
  else
    compress_block (block);

  g_mutex_lock (&pipeline->lock);
  block->done = TRUE;
  g_cond_broadcast (&pipeline->done);
  g_mutex_unlock (&pipeline->lock);
}

MkBackupPipeline *
_mk_backup_pipeline_new (gboolean expand)
{
  MkBackupPipeline *pipeline = g_new0 (MkBackupPipeline, 1);
  guint             threads = CLAMP (g_get_num_processors (), 1, 8);

  g_mutex_init (&pipeline->lock);
  g_cond_init (&pipeline->done);
  g_queue_init (&pipeline->under_way);
  pipeline->expand = expand;
  /* Enough blocks under way that no processor waits for the reader. */
  pipeline->capacity = threads * 2 + 1;
  /* A shared pool never fails to be created. */
  pipeline->pool = g_thread_pool_new (work, pipeline, (gint) threads, FALSE, NULL);
  return pipeline;
}

gboolean
_mk_backup_pipeline_is_full (MkBackupPipeline *pipeline)
{
  return pipeline->under_way.length >= pipeline->capacity;
}

void
_mk_backup_pipeline_push (MkBackupPipeline *pipeline,
                          MkBackupBlock    *block)
{
  g_queue_push_tail (&pipeline->under_way, block);
  g_thread_pool_push (pipeline->pool, block, NULL);
}

MkBackupBlock *
_mk_backup_pipeline_pop (MkBackupPipeline *pipeline)
{
  MkBackupBlock *block = g_queue_peek_head (&pipeline->under_way);

  if (block == NULL)
    return NULL;
  g_mutex_lock (&pipeline->lock);
  while (!block->done)
    g_cond_wait (&pipeline->done, &pipeline->lock);
  g_mutex_unlock (&pipeline->lock);
  return g_queue_pop_head (&pipeline->under_way);
}

void
_mk_backup_pipeline_free (MkBackupPipeline *pipeline)
{
  MkBackupBlock *block;

  if (pipeline == NULL)
    return;
  while ((block = _mk_backup_pipeline_pop (pipeline)) != NULL)
    {
      if (!pipeline->expand)
        block->input = NULL; /* borrowed from the snapshot */
      _mk_backup_block_free (block);
    }
  g_thread_pool_free (pipeline->pool, FALSE, TRUE);
  g_mutex_clear (&pipeline->lock);
  g_cond_clear (&pipeline->done);
  g_free (pipeline);
}
