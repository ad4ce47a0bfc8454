/* mk-kind.h: descriptions of the master-data kinds and their fields.
 *
 * One table of fields per kind drives validation, storage, the CLI's
 * options, CSV import and the editors, so that a rule is written once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MK_FIELD_CODE,    /* short identifier: letters, digits, - _ . /; unique, case-insensitive */
  MK_FIELD_TEXT,    /* free text on one line */
  MK_FIELD_INT,     /* whole number in [min, max] */
  MK_FIELD_DECIMAL, /* decimal text stored as an integer × scale (kg → g) */
  MK_FIELD_BOOL,    /* yes/no, true/false, 1/0, نعم/لا */
  MK_FIELD_DATE,    /* calendar date YYYY-MM-DD */
  MK_FIELD_VOCAB,   /* a code of a seeded vocabulary table (unit, category …) */
  MK_FIELD_PLACE,   /* a baladiya, by P-code or name */
  MK_FIELD_REF,     /* another record, by its code; stored as its id */
  MK_FIELD_CHOICE,  /* one of a fixed list: vocab holds "purchase|donation|return" */
} MkFieldType;

typedef enum
{
  MK_FIELD_REQUIRED = 1 << 0,
  MK_FIELD_UNIQUE = 1 << 1,
  MK_FIELD_LTR = 1 << 2,   /* codes, phone numbers: shown left to right */
  MK_FIELD_FIXED = 1 << 3, /* cannot change once the record exists */
  MK_FIELD_PERSONAL = 1 << 4, /* a person's name or phone: never exported */
} MkFieldFlags;

typedef struct _MkKind MkKind;

typedef struct
{
  const char  *name;   /* key in CLI options, CSV headers and JSON: "name_en" */
  const char  *column; /* SQL column */
  MkFieldType  type;
  MkFieldFlags flags;
  const char  *label; /* N_() marked; translate with _() */
  gint64       min;   /* INT, DECIMAL (in stored units) */
  gint64       max;
  guint        max_length;   /* TEXT, CODE: characters */
  guint        scale;        /* DECIMAL: stored units per displayed unit */
  const char  *vocab;        /* VOCAB: table name */
  const char  *ref_kind;     /* REF: kind name */
  const char  *default_text; /* parsed when the field is not given on add */
} MkField;

struct _MkKind
{
  const char    *name;  /* "item" */
  const char    *table; /* "items" */
  const char    *label; /* N_("Item"): one record, in messages */
  const char    *title; /* N_("Items"), for headings */
  const MkField *fields;
  guint          n_fields;
};

/* The field index of the record's code, always 0, and of its names. */
#define MK_KIND_FIELD_CODE 0

const MkKind *mk_kind_lookup (const char *name);
/* NULL-terminated array of every master-data kind. */
const MkKind **mk_kind_all (void);
const MkField *mk_kind_find_field (const MkKind *kind,
                                   const char   *field_name);
gint           mk_kind_field_index (const MkKind *kind,
                                    const char   *field_name);
/* The translated label of a kind or field. */
const char *mk_kind_get_label (const MkKind *kind);
const char *mk_field_get_label (const MkField *field);

G_END_DECLS
