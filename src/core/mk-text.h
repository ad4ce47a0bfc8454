/* mk-text.h: parsing what people type, folding for search, bidi isolates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_TEXT_ERROR (mk_text_error_quark ())

typedef enum
{
  MK_TEXT_ERROR_NOT_A_NUMBER,
  MK_TEXT_ERROR_OUT_OF_RANGE,
  MK_TEXT_ERROR_BAD_DATE,
  MK_TEXT_ERROR_INVALID_UTF8,
} MkTextError;

GQuark mk_text_error_quark (void);

/* Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits to 0–9,
 * the Arabic decimal separator (U+066B) to '.', and white space trimmed. */
char *mk_text_normalize_number (const char *text);

/* Folds for matching: case, Arabic alef/ta marbuta/alef maksura variants,
 * tatweel and tashkeel (reference/arabic.md), Arabic-Indic digits to 0–9.
 * Display the original. */
char *mk_text_fold (const char *text);

/* Orders names as a reader expects, whatever the locale: case and accents
 * aside, Arabic letters in the order of the alphabet (the folded variants
 * with their letter), Arabic-Indic digits as digits; then as typed. Like
 * strcmp(); a length of -1 means NUL-terminated. SQLite's "mk_names". */
int mk_text_collate (const char *a,
                     gssize      a_length,
                     const char *b,
                     gssize      b_length);

/* Whole numbers and decimals from what a person typed ("1,250", "٣٠",
 * "0.27"); decimals are returned × @scale with no floating point. */
gboolean mk_text_parse_int (const char *text,
                            gint64     *value,
                            GError    **error);
gboolean mk_text_parse_decimal (const char *text,
                                guint       scale,
                                gint64     *value,
                                GError    **error);
char    *mk_text_format_decimal (gint64 value,
                                 guint  scale);

/* A calendar date as YYYY-MM-DD (also DD/MM/YYYY), checked to exist.
 * Returns the ISO form. */
char *mk_text_parse_date (const char *text,
                          GError    **error);

/* Unicode isolates for values inserted into sentences: codes, numbers and
 * dates left to right; names and free text first-strong. */
char *mk_text_isolate_ltr (const char *text);
char *mk_text_isolate (const char *text);

/* Whether names are shown in Arabic: follows the interface language
 * unless mk_text_set_language() chose one ("ar", "en", or NULL for the
 * interface's). */
gboolean mk_text_prefers_arabic (void);
void     mk_text_set_language (const char *language);
/* @name_en or @name_ar as preferred, falling back to the other. */
const char *mk_text_pick_name (const char *name_en,
                               const char *name_ar);

G_END_DECLS
