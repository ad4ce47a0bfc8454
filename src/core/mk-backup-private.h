/* mk-backup-private.h: the backup file's format, shared by the writer and
 * the reader.
 *
 * A backup file is a header of MK_BACKUP_HEADER_SIZE bytes, then the
 * database in blocks, each a block header (compressed length, length,
 * CRC-32 of the block, CRC-32 of the compressed bytes, all little-endian
 * 32-bit) and the block compressed with raw deflate. Blocks are compressed
 * independently, so that they are compressed and checked on every
 * processor. The second CRC catches a change in bits that deflate ignores
 * (the padding of the last byte), so that any altered byte is refused.
 *
 * Header, little-endian:
 *    0  magic "MKZNBKUP"
 *    8  u32 format version
 *   12  u32 header size (128)
 *   16  u32 schema version (PRAGMA user_version)
 *   20  u32 office number
 *   24  char[16] office code, NUL-padded
 *   40  i64 created, seconds since 1970 UTC
 *   48  i64 number of documents
 *   56  i64 number of movements
 *   64  u64 database size
 *   72  u32 block size
 *   76  u32 number of blocks
 *   80  u32 CRC-32 of the whole database
 *   84  zeros
 *  124  u32 CRC-32 of bytes 0 … 123
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mk-backup.h"

G_BEGIN_DECLS

#define MK_BACKUP_MAGIC "MKZNBKUP"
#define MK_BACKUP_MAGIC_LENGTH 8
#define MK_BACKUP_HEADER_SIZE 128
#define MK_BACKUP_BLOCK_HEADER 16
#define MK_BACKUP_BLOCK_SIZE (1024 * 1024)
#define MK_BACKUP_MIN_BLOCK 4096
#define MK_BACKUP_MAX_BLOCK (64 * 1024 * 1024)

typedef struct
{
  MkBackupInfo info;
  guint32      block_size;
  guint32      n_blocks;
} MkBackupHeader;

void _mk_backup_header_encode (const MkBackupHeader *header,
                               guchar                out[MK_BACKUP_HEADER_SIZE]);

/* Decodes and checks a header read from @display_name: the magic, the
 * header's own checksum, the versions. @length is how many bytes could be
 * read (less than the header size: a truncated or foreign file). */
gboolean _mk_backup_header_decode (const guchar   *data,
                                   gsize           length,
                                   const char     *display_name,
                                   MkBackupHeader *header,
                                   GError        **error);

/* The most a block of @block_size bytes can take once compressed. */
gsize _mk_backup_compressed_bound (guint32 block_size);

/* Work done on every processor: blocks handed in order, taken back in
 * order. */
typedef struct _MkBackupBlock MkBackupBlock;
struct _MkBackupBlock
{
  const guchar *input; /* compress: borrowed; expand: owned */
  gsize         input_length;
  guchar       *output;
  gsize         output_length; /* expand: the length expected */
  guint32       crc;           /* compress: computed; expand: expected */
  guint32       packed_crc;    /* of the compressed bytes, likewise */
  guint         index;
  gboolean      done;
  gboolean      failed;
};

typedef struct _MkBackupPipeline MkBackupPipeline;

/* @expand: inflate and check blocks; otherwise deflate and checksum. */
MkBackupPipeline *_mk_backup_pipeline_new (gboolean expand);
/* Hands @block to a worker; blocks until fewer are under way than the
 * pipeline holds. */
void _mk_backup_pipeline_push (MkBackupPipeline *pipeline,
                               MkBackupBlock    *block);
/* The oldest block pushed, once done; NULL when none is under way. */
MkBackupBlock *_mk_backup_pipeline_pop (MkBackupPipeline *pipeline);
gboolean       _mk_backup_pipeline_is_full (MkBackupPipeline *pipeline);
/* Waits for the blocks under way and frees them and the pipeline. */
void _mk_backup_pipeline_free (MkBackupPipeline *pipeline);
void _mk_backup_block_free (MkBackupBlock *block);

G_END_DECLS
