/* mk-text.c: parsing what people type, folding for search, bidi isolates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-text"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-text.h"

#include <string.h>

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-text-error-quark, mk_text_error)
/* clang-format on */

/* Values echoed in error messages are cut to this many characters. */
#define DESCRIBE_MAX_CHARS 40

/* Strong-direction isolates (UAX #9). */
#define LRI "\xe2\x81\xa6" /* U+2066 */
#define FSI "\xe2\x81\xa8" /* U+2068 */
#define PDI "\xe2\x81\xa9" /* U+2069 */

/* -1: follow the interface language; 0: English; 1: Arabic. */
static int preferred_language = -1;

/* Characters trimmed around a number or a date: white space (NBSP included)
 * and the invisible marks that come along when a value is copied out of a
 * right-to-left sentence or a spreadsheet cell. */
static gboolean
is_trimmable (gunichar c)
{
  switch (c)
    {
    case 0x061C: /* ARABIC LETTER MARK */
    case 0x200B: /* ZERO WIDTH SPACE */
    case 0x200E: /* LEFT-TO-RIGHT MARK */
    case 0x200F: /* RIGHT-TO-LEFT MARK */
    case 0x202A: /* LRE … */
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E: /* … RLO */
    case 0x2066: /* LRI … */
    case 0x2067:
    case 0x2068:
    case 0x2069: /* … PDI */
    case 0xFEFF: /* ZERO WIDTH NO-BREAK SPACE (BOM) */
      return TRUE;
    default:
      return g_unichar_isspace (c);
    }
}

char *
mk_text_normalize_number (const char *text)
{
  const char *start;
  const char *end;
  GString    *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* Invalid UTF-8 is returned as it is; the parsers refuse it. */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  start = text;
  end = text + strlen (text);
  while (start < end && is_trimmable (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !is_trimmable (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  out = g_string_sized_new (end - start + 1);
  for (const char *p = start; p < end; p++)
    {
      guchar b0 = (guchar) p[0];
      guchar b1 = p + 1 < end ? (guchar) p[1] : 0;

      if (b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9) /* U+0660…U+0669 */
        g_string_append_c (out, (char) ('0' + (b1 - 0xA0)));
      else if (b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9) /* U+06F0…U+06F9 */
        g_string_append_c (out, (char) ('0' + (b1 - 0xB0)));
      else if (b0 == 0xD9 && b1 == 0xAB) /* ARABIC DECIMAL SEPARATOR */
        g_string_append_c (out, '.');
      else if (b0 == 0xD9 && b1 == 0xAC) /* ARABIC THOUSANDS SEPARATOR */
        g_string_append_c (out, ',');
      else
        {
          g_string_append_c (out, (char) b0);
          continue;
        }
      p++; /* the second byte of the two-byte sequence */
    }

  return g_string_free (out, FALSE);
}

/* Search folding ------------------------------------------------------- */

/* The Arabic part of the folding, on one code point: 0 drops it. */
static inline gunichar
fold_arabic (gunichar c)
{
  switch (c)
    {
    case 0x0622: /* ALEF WITH MADDA ABOVE */
    case 0x0623: /* ALEF WITH HAMZA ABOVE */
    case 0x0625: /* ALEF WITH HAMZA BELOW */
    case 0x0671: /* ALEF WASLA */
      return 0x0627;
    case 0x0629: /* TEH MARBUTA */
      return 0x0647;
    case 0x0649: /* ALEF MAKSURA */
      return 0x064A;
    case 0x0660: /* ARABIC-INDIC DIGIT ZERO … */
    case 0x0661:
    case 0x0662:
    case 0x0663:
    case 0x0664:
    case 0x0665:
    case 0x0666:
    case 0x0667:
    case 0x0668:
    case 0x0669: /* … NINE: a code or a quantity typed in Arabic digits */
      return '0' + (c - 0x0660);
    case 0x06F0: /* EXTENDED ARABIC-INDIC DIGIT ZERO … */
    case 0x06F1:
    case 0x06F2:
    case 0x06F3:
    case 0x06F4:
    case 0x06F5:
    case 0x06F6:
    case 0x06F7:
    case 0x06F8:
    case 0x06F9: /* … NINE */
      return '0' + (c - 0x06F0);
    case 0x0640: /* TATWEEL */
    case 0x064B: /* FATHATAN … */
    case 0x064C:
    case 0x064D:
    case 0x064E:
    case 0x064F:
    case 0x0650:
    case 0x0651:
    case 0x0652: /* … SUKUN */
    case 0x0670: /* SUPERSCRIPT ALEF */
      return 0;
    default:
      return c;
    }
}

/* Whether the one-pass folding handles this Arabic-block code point as the
 * full NFC + casefold pipeline would: it must not compose with what precedes
 * it, and if it is a combining mark NFC could reorder, the folding must drop
 * it. The rest (hamza and madda marks, Quranic marks) go the slow way. */
static inline gboolean
arabic_is_simple (gunichar c)
{
  if (c >= 0x0610 && c <= 0x061A)
    return FALSE;
  if (c >= 0x0653 && c <= 0x065F)
    return FALSE;
  if (c >= 0x06D6 && c <= 0x06ED)
    return FALSE;
  return TRUE;
}

static void
append_unichar (GString *out, gunichar c)
{
  char buf[6];
  int  n = g_unichar_to_utf8 (c, buf);

  g_string_append_len (out, buf, n);
}

static char *
fold_slow (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  GString         *out;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (nfc, -1);

  out = g_string_sized_new (strlen (folded) + 1);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = fold_arabic (g_utf8_get_char (p));

      if (c != 0)
        append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
mk_text_fold (const char *text)
{
  gsize len;
  char *out;
  char *o;

  g_return_val_if_fail (text != NULL, NULL);

  /* One pass for what names and codes are made of: ASCII and the Arabic
   * block. Folding there never lengthens the text. Anything else (Latin
   * letters with accents, combining marks, invalid bytes) goes through
   * NFC and casefolding. */
  len = strlen (text);
  out = g_malloc (len + 1);
  o = out;
  for (const guchar *p = (const guchar *) text; *p != '\0';)
    {
      gunichar c;

      if (p[0] < 0x80)
        {
          *o++ = g_ascii_tolower ((char) p[0]);
          p++;
          continue;
        }

      /* U+0600…U+06FF is 0xD8…0xDB followed by one continuation byte. */
      if (p[0] < 0xD8 || p[0] > 0xDB || (p[1] & 0xC0) != 0x80)
        {
          g_free (out);
          return fold_slow (text);
        }
      c = ((gunichar) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      if (!arabic_is_simple (c))
        {
          g_free (out);
          return fold_slow (text);
        }
      p += 2;

      c = fold_arabic (c);
      if (c > 0 && c < 0x80) /* a digit */
        *o++ = (char) c;
      else if (c != 0)
        {
          /* Every other result is in U+0600…U+06FF: two bytes. */
          *o++ = (char) (0xC0 | (c >> 6));
          *o++ = (char) (0x80 | (c & 0x3F));
        }
    }
  *o = '\0';

  return out;
}

/* Sorting names ------------------------------------------------------- */

/* Names sort the same whatever the locale: Makhzan often runs where
 * LC_COLLATE is C.UTF-8 (glibc then sorts by code point, which puts
 * إناء before ابريق and "Zawiya" before "ajdabiya"). Each character gets a primary
 * weight; names compare weight by weight, then byte by byte as typed so
 * that the order is total. Weights, lowest first: white space,
 * punctuation and symbols, digits (Western and Arabic-Indic alike), Latin
 * letters without case or accents, Arabic letters in the order of the
 * alphabet, letters of other scripts. Marks, tatweel and the invisible
 * direction marks weigh nothing. */
#define WEIGHT_IGNORED 0
#define WEIGHT_END 0
#define WEIGHT_SPACE 1
#define WEIGHT_PUNCTUATION 0x10       /* + the code point (at most 0x10FFFF) */
#define WEIGHT_DIGIT 0x200000         /* + the digit's value */
#define WEIGHT_LATIN 0x300000         /* + 0…25 for a–z; + 0x100 + code point for others */
#define WEIGHT_ARABIC 0x1000000       /* + 4 × the letter's place + a variant */
#define WEIGHT_ARABIC_OTHER 0x1001000 /* + code point */
#define WEIGHT_OTHER_LETTER 0x2000000 /* + code point */
#define WEIGHT_INVALID_BYTE 0x3000000 /* + the byte */

/* The Arabic alphabet (hijā'ī order), with the letters that fold into each:
 * hamza and the alef forms with alef, ta marbuta with ha (as the search
 * folding does), alef maksura and ya with hamza with ya, waw with hamza with
 * waw; Persian and Maghrebi letters just after the letter they resemble. */
static guint
arabic_letter_weight (gunichar c)
{
  static const struct
  {
    gunichar c;
    guint8   place;
    guint8   variant;
  } letters[] = {
    { 0x0621, 1, 0 },  /* HAMZA */
    { 0x0622, 1, 0 },  /* ALEF WITH MADDA ABOVE */
    { 0x0623, 1, 0 },  /* ALEF WITH HAMZA ABOVE */
    { 0x0624, 27, 0 }, /* WAW WITH HAMZA ABOVE */
    { 0x0625, 1, 0 },  /* ALEF WITH HAMZA BELOW */
    { 0x0626, 28, 0 }, /* YEH WITH HAMZA ABOVE */
    { 0x0627, 1, 0 },  /* ALEF */
    { 0x0628, 2, 0 },  /* BEH */
    { 0x0629, 26, 0 }, /* TEH MARBUTA */
    { 0x062A, 3, 0 },  /* TEH */
    { 0x062B, 4, 0 },  /* THEH */
    { 0x062C, 5, 0 },  /* JEEM */
    { 0x062D, 6, 0 },  /* HAH */
    { 0x062E, 7, 0 },  /* KHAH */
    { 0x062F, 8, 0 },  /* DAL */
    { 0x0630, 9, 0 },  /* THAL */
    { 0x0631, 10, 0 }, /* REH */
    { 0x0632, 11, 0 }, /* ZAIN */
    { 0x0633, 12, 0 }, /* SEEN */
    { 0x0634, 13, 0 }, /* SHEEN */
    { 0x0635, 14, 0 }, /* SAD */
    { 0x0636, 15, 0 }, /* DAD */
    { 0x0637, 16, 0 }, /* TAH */
    { 0x0638, 17, 0 }, /* ZAH */
    { 0x0639, 18, 0 }, /* AIN */
    { 0x063A, 19, 0 }, /* GHAIN */
    { 0x0641, 20, 0 }, /* FEH */
    { 0x0642, 21, 0 }, /* QAF */
    { 0x0643, 22, 0 }, /* KAF */
    { 0x0644, 23, 0 }, /* LAM */
    { 0x0645, 24, 0 }, /* MEEM */
    { 0x0646, 25, 0 }, /* NOON */
    { 0x0647, 26, 0 }, /* HEH */
    { 0x0648, 27, 0 }, /* WAW */
    { 0x0649, 28, 0 }, /* ALEF MAKSURA */
    { 0x064A, 28, 0 }, /* YEH */
    { 0x0671, 1, 0 },  /* ALEF WASLA */
    { 0x067E, 2, 1 },  /* PEH */
    { 0x0686, 5, 1 },  /* TCHEH */
    { 0x0698, 11, 1 }, /* JEH */
    { 0x06A4, 20, 1 }, /* VEH */
    { 0x06A8, 21, 1 }, /* QAF WITH THREE DOTS ABOVE (Maghrebi g) */
    { 0x06A9, 22, 0 }, /* KEHEH */
    { 0x06AF, 22, 1 }, /* GAF */
    { 0x06C1, 26, 0 }, /* HEH GOAL */
    { 0x06CC, 28, 0 }, /* FARSI YEH */
  };
  guint lo = 0;
  guint hi = G_N_ELEMENTS (letters);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (letters[mid].c == c)
        return WEIGHT_ARABIC + 4 * letters[mid].place + letters[mid].variant;
      if (letters[mid].c < c)
        lo = mid + 1;
      else
        hi = mid;
    }

  return 0;
}

static guint
character_weight (gunichar c)
{
  GUnicodeType type;
  guint        arabic;

  if (c < 0x80)
    {
      if (g_ascii_isalpha ((char) c))
        return WEIGHT_LATIN + (guint) (g_ascii_tolower ((char) c) - 'a');
      if (g_ascii_isdigit ((char) c))
        return WEIGHT_DIGIT + (c - '0');
      if (g_ascii_isspace ((char) c))
        return WEIGHT_SPACE;
      return WEIGHT_PUNCTUATION + c;
    }

  if (c >= 0x0600 && c <= 0x06FF)
    {
      if (c >= 0x0660 && c <= 0x0669)
        return WEIGHT_DIGIT + (c - 0x0660);
      if (c >= 0x06F0 && c <= 0x06F9)
        return WEIGHT_DIGIT + (c - 0x06F0);
      if (fold_arabic (c) == 0)
        return WEIGHT_IGNORED;
      arabic = arabic_letter_weight (c);
      if (arabic != 0)
        return arabic;
    }

  type = g_unichar_type (c);
  if (type == G_UNICODE_FORMAT || type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK || type == G_UNICODE_CONTROL)
    return WEIGHT_IGNORED;
  if (type == G_UNICODE_DECIMAL_NUMBER)
    return WEIGHT_DIGIT + (guint) g_unichar_digit_value (c);
  if (g_unichar_isspace (c))
    return WEIGHT_SPACE;
  if (g_unichar_isalpha (c))
    {
      gunichar       lower = g_unichar_tolower (c);
      GUnicodeScript script = g_unichar_get_script (c);

      if (lower >= 'a' && lower <= 'z')
        return WEIGHT_LATIN + (lower - 'a');
      if (script == G_UNICODE_SCRIPT_LATIN)
        return WEIGHT_LATIN + 0x100 + lower;
      if (script == G_UNICODE_SCRIPT_ARABIC)
        return WEIGHT_ARABIC_OTHER + lower;
      return WEIGHT_OTHER_LETTER + lower;
    }
  return WEIGHT_PUNCTUATION + c;
}

/* The weights of ASCII (0…0x7F) and of the Arabic block (0x80 + the code
 * point − U+0600), filled once. */
static guint simple_weights[0x80 + 0x100];
static gsize simple_weights_filled = 0;

/* Walks a name weight by weight. Characters outside ASCII and the Arabic
 * block are decomposed first (é as e and a mark, the presentation form ﻻ as
 * lam and alef), so each may give several weights. */
typedef struct
{
  const guchar *p;
  const guchar *end;
  gunichar      pending[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize         n_pending;
  gsize         next_pending;
} NameWalk;

static guint
name_walk_next (NameWalk *walk)
{
  for (;;)
    {
      gunichar c;
      guint    weight;

      while (walk->next_pending < walk->n_pending)
        {
          weight = character_weight (walk->pending[walk->next_pending++]);
          if (weight != WEIGHT_IGNORED)
            return weight;
        }

      if (walk->p >= walk->end)
        return WEIGHT_END;

      /* ASCII and the Arabic block, what names are made of, from a table. */
      if (walk->p[0] < 0x80)
        {
          weight = simple_weights[walk->p[0]];
          walk->p++;
          if (weight != WEIGHT_IGNORED)
            return weight;
          continue;
        }
      if (walk->p[0] >= 0xD8 && walk->p[0] <= 0xDB && walk->p + 1 < walk->end && (walk->p[1] & 0xC0) == 0x80)
        {
          c = ((gunichar) (walk->p[0] & 0x1F) << 6) | (walk->p[1] & 0x3F);
          weight = simple_weights[0x80 + (c - 0x0600)];
          walk->p += 2;
          if (weight != WEIGHT_IGNORED)
            return weight;
          continue;
        }
      else
        {
          c = g_utf8_get_char_validated ((const char *) walk->p, walk->end - walk->p);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            return WEIGHT_INVALID_BYTE + *walk->p++;
          walk->p = (const guchar *) g_utf8_next_char (walk->p);
        }

      if (c < 0x80 || (c >= 0x0600 && c <= 0x06FF))
        weight = character_weight (c);
      else
        {
          walk->n_pending = g_unichar_fully_decompose (c, TRUE, walk->pending,
                                                       G_N_ELEMENTS (walk->pending));
          walk->next_pending = 0;
          continue;
        }
      if (weight != WEIGHT_IGNORED)
        return weight;
    }
}

int
mk_text_collate (const char *a,
                 gssize      a_length,
                 const char *b,
                 gssize      b_length)
{
  NameWalk walk_a = { 0 };
  NameWalk walk_b = { 0 };
  gsize    a_len, b_len, common;
  int      bytes;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (g_once_init_enter (&simple_weights_filled))
    {
      for (gunichar c = 0; c < 0x80; c++)
        simple_weights[c] = character_weight (c);
      for (gunichar c = 0x0600; c <= 0x06FF; c++)
        simple_weights[0x80 + (c - 0x0600)] = character_weight (c);
      g_once_init_leave (&simple_weights_filled, 1);
    }

  a_len = a_length < 0 ? strlen (a) : (gsize) a_length;
  b_len = b_length < 0 ? strlen (b) : (gsize) b_length;
  /* The same characters weigh the same: start after what both begin with,
   * at the start of a character (a continuation byte never starts one). */
  common = 0;
  while (common < a_len && common < b_len && a[common] == b[common])
    common++;
  if (common == a_len && common == b_len)
    return 0;
  while (common > 0 && ((common < a_len && ((guchar) a[common] & 0xC0) == 0x80) || (common < b_len && ((guchar) b[common] & 0xC0) == 0x80)))
    common--;

  walk_a.p = (const guchar *) a + common;
  walk_a.end = (const guchar *) a + a_len;
  walk_b.p = (const guchar *) b + common;
  walk_b.end = (const guchar *) b + b_len;

  for (;;)
    {
      guint weight_a = name_walk_next (&walk_a);
      guint weight_b = name_walk_next (&walk_b);

      if (weight_a != weight_b)
        return weight_a < weight_b ? -1 : 1;
      if (weight_a == WEIGHT_END)
        break;
    }

  /* The same letters: the spelling as typed decides (أحمد before احمد,
   * "Apple" before "apple"), so that different names never compare equal. */
  bytes = memcmp (a, b, MIN (a_len, b_len));
  if (bytes != 0)
    return bytes < 0 ? -1 : 1;
  if (a_len != b_len)
    return a_len < b_len ? -1 : 1;
  return 0;
}

/* Numbers -------------------------------------------------------------- */

/* A short, isolated form of what a person typed, for an error message. */
static char *
describe (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr (GString) shown = NULL;
  const char *line_end;
  gboolean    cut = FALSE;

  if (text == NULL)
    text = "";
  valid = g_utf8_make_valid (text, -1);
  g_strstrip (valid);

  line_end = strpbrk (valid, "\r\n");
  shown = g_string_new_len (valid, line_end != NULL ? line_end - valid : -1);
  if (line_end != NULL)
    cut = TRUE;
  if (g_utf8_strlen (shown->str, -1) > DESCRIBE_MAX_CHARS)
    {
      const char *limit = g_utf8_offset_to_pointer (shown->str, DESCRIBE_MAX_CHARS);

      g_string_truncate (shown, limit - shown->str);
      cut = TRUE;
    }
  if (cut)
    g_string_append (shown, "…");

  return mk_text_isolate (shown->str);
}

static gboolean
check_utf8 (const char *text, GError **error)
{
  if (g_utf8_validate (text, -1, NULL))
    return TRUE;

  g_set_error_literal (error, MK_TEXT_ERROR, MK_TEXT_ERROR_INVALID_UTF8,
                       _ ("The text contains bytes that are not UTF-8 "
                          "characters; type it again, or save the file it "
                          "comes from as UTF-8."));
  return FALSE;
}

static void
set_not_a_number (GError **error, const char *text)
{
  g_autofree char *shown = describe (text);

  g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER,
               _ ("“%s” is not a number; type digits such as 1250."), shown);
}

static void
set_not_whole (GError **error, const char *text)
{
  g_autofree char *shown = describe (text);

  g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER,
               _ ("“%s” is not a whole number; type digits with no decimals, "
                  "such as 1250."),
               shown);
}

static void
set_out_of_range (GError **error, const char *text, gboolean negative)
{
  g_autofree char *shown = describe (text);

  if (negative)
    g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_OUT_OF_RANGE,
                 _ ("“%s” is too far below zero to be stored; check the "
                    "digits."),
                 shown);
  else
    g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_OUT_OF_RANGE,
                 _ ("“%s” is too large a number to be stored; check the "
                    "digits."),
                 shown);
}

typedef enum
{
  DIGITS_OK,
  DIGITS_NONE,
  DIGITS_BAD_GROUPING,
  DIGITS_OVERFLOW,
} DigitsResult;

/* Reads the whole-number part at *p: digits, optionally grouped by commas
 * in threes ("1,250,000"). Accumulates into *acc with the sign given, so
 * that both ends of the int64 range are reachable. */
static DigitsResult
read_grouped_digits (const char **p, gboolean negative, gint64 *acc, guint *n_digits)
{
  const char *s = *p;
  guint       group = 0; /* digits in the current group */
  gboolean    grouped = FALSE;

  *n_digits = 0;
  for (;; s++)
    {
      if (g_ascii_isdigit (*s))
        {
          int d = *s - '0';

          if (__builtin_mul_overflow (*acc, 10, acc) ||
              __builtin_add_overflow (*acc, negative ? -d : d, acc))
            return DIGITS_OVERFLOW;
          group++;
          (*n_digits)++;
        }
      else if (*s == ',')
        {
          /* The first group has one to three digits, the others three. */
          if (group == 0 || group > 3 || (grouped && group != 3))
            return DIGITS_BAD_GROUPING;
          grouped = TRUE;
          group = 0;
        }
      else
        break;
    }

  if (grouped && group != 3)
    return DIGITS_BAD_GROUPING;
  if (!grouped && *n_digits == 0)
    return DIGITS_NONE;

  *p = s;
  return DIGITS_OK;
}

static void
set_bad_grouping (GError **error, const char *text)
{
  g_autofree char *shown = describe (text);

  g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER,
               _ ("“%s” has a misplaced thousands separator; write the "
                  "number as 1250 or 1,250."),
               shown);
}

/* Refuses text on several lines (a pasted column, say). */
static gboolean
check_one_line (const char *norm, const char *text, GError **error)
{
  g_autofree char *shown = NULL;

  if (strpbrk (norm, "\r\n") == NULL)
    return TRUE;

  shown = describe (text);
  g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER,
               _ ("“%s” is on several lines; type one number on one line."), shown);
  return FALSE;
}

static void
set_empty (GError **error)
{
  g_set_error_literal (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER,
                       _ ("The number is missing; type digits such as "
                          "1250."));
}

/* Reads the sign and whole part shared by integers and decimals. Returns
 * FALSE with @error set. */
static gboolean
read_number_start (const char  *text,
                   const char **p,
                   gboolean    *negative,
                   gint64      *acc,
                   guint       *n_digits,
                   gboolean     allow_no_digits,
                   GError     **error)
{
  const char *s = *p;

  *negative = FALSE;
  *acc = 0;
  if (*s == '-' || *s == '+')
    {
      *negative = *s == '-';
      s++;
    }

  switch (read_grouped_digits (&s, *negative, acc, n_digits))
    {
    case DIGITS_OK:
      break;
    case DIGITS_NONE:
      if (allow_no_digits)
        break;
      set_not_a_number (error, text);
      return FALSE;
    case DIGITS_BAD_GROUPING:
      set_bad_grouping (error, text);
      return FALSE;
    case DIGITS_OVERFLOW:
      set_out_of_range (error, text, *negative);
      return FALSE;
    default:
      g_assert_not_reached ();
    }

  *p = s;
  return TRUE;
}

gboolean
mk_text_parse_int (const char *text, gint64 *value, GError **error)
{
  g_autofree char *norm = NULL;
  const char      *p;
  gboolean         negative;
  gint64           acc;
  guint            n_digits;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  if (!check_utf8 (text, error))
    return FALSE;

  norm = mk_text_normalize_number (text);
  if (*norm == '\0')
    {
      set_empty (error);
      return FALSE;
    }

  if (!check_one_line (norm, text, error))
    return FALSE;

  p = norm;
  if (!read_number_start (text, &p, &negative, &acc, &n_digits, FALSE, error))
    return FALSE;

  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      set_not_whole (error, text);
      return FALSE;
    }
  if (*p != '\0')
    {
      set_not_a_number (error, text);
      return FALSE;
    }

  if (value != NULL)
    *value = acc;
  return TRUE;
}

/* The number of decimals of @scale, or -1 if it is not a power of ten. */
static int
scale_decimals (guint scale)
{
  int n = 0;

  if (scale == 0)
    return -1;
  while (scale % 10 == 0)
    {
      scale /= 10;
      n++;
    }
  return scale == 1 ? n : -1;
}

gboolean
mk_text_parse_decimal (const char *text, guint scale, gint64 *value, GError **error)
{
  g_autofree char *norm = NULL;
  const char      *p;
  gboolean         negative;
  gint64           acc;
  guint            n_digits;
  int              max_decimals = scale_decimals (scale);
  int              n_decimals = 0;

  g_return_val_if_fail (max_decimals >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";
  if (!check_utf8 (text, error))
    return FALSE;

  norm = mk_text_normalize_number (text);
  if (*norm == '\0')
    {
      set_empty (error);
      return FALSE;
    }

  if (!check_one_line (norm, text, error))
    return FALSE;

  /* The whole part may be absent (".5") when decimals follow. */
  p = norm;
  if (!read_number_start (text, &p, &negative, &acc, &n_digits, TRUE, error))
    return FALSE;

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++)
        {
          int d = *p - '0';

          n_digits++;
          if (n_decimals >= max_decimals)
            {
              /* Zeros beyond the scale change nothing ("2.500" at 100);
               * any other digit would have to be rounded away. */
              if (d == 0)
                continue;
              if (max_decimals == 0)
                set_not_whole (error, text);
              else
                {
                  g_autofree char *shown = describe (text);

                  g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” has too many decimals; "
                                            "type at most %d decimal.",
                                            "“%s” has too many decimals; "
                                            "type at most %d decimals.",
                                            max_decimals),
                               shown, max_decimals);
                }
              return FALSE;
            }
          if (__builtin_mul_overflow (acc, 10, &acc) ||
              __builtin_add_overflow (acc, negative ? -d : d, &acc))
            {
              set_out_of_range (error, text, negative);
              return FALSE;
            }
          n_decimals++;
        }
    }

  if (*p != '\0' || n_digits == 0)
    {
      set_not_a_number (error, text);
      return FALSE;
    }

  for (; n_decimals < max_decimals; n_decimals++)
    if (__builtin_mul_overflow (acc, 10, &acc))
      {
        set_out_of_range (error, text, negative);
        return FALSE;
      }

  if (value != NULL)
    *value = acc;
  return TRUE;
}

char *
mk_text_format_decimal (gint64 value, guint scale)
{
  int     decimals = scale_decimals (scale);
  guint64 magnitude;
  guint64 whole;
  guint64 fraction;
  char    frac[24];
  int     len;

  g_return_val_if_fail (decimals >= 0, NULL);

  /* Unsigned negation keeps G_MININT64 exact. */
  magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  whole = magnitude / scale;
  fraction = magnitude % scale;

  if (fraction == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, value < 0 ? "-" : "", whole);

  len = g_snprintf (frac, sizeof frac, "%0*" G_GUINT64_FORMAT, decimals, fraction);
  while (len > 0 && frac[len - 1] == '0')
    frac[--len] = '\0';

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", value < 0 ? "-" : "", whole, frac);
}

/* Dates ---------------------------------------------------------------- */

/* Reads between @min and @max ASCII digits at *p. */
static gboolean
read_digits (const char **p, guint min, guint max, guint *value)
{
  const char *s = *p;
  guint       n = 0;

  *value = 0;
  while (g_ascii_isdigit (*s) && n < max)
    {
      *value = *value * 10 + (guint) (*s - '0');
      s++;
      n++;
    }
  if (n < min || g_ascii_isdigit (*s))
    return FALSE;

  *p = s;
  return TRUE;
}

static gboolean
scan_date (const char *s, guint *year, guint *month, guint *day)
{
  const char *p = s;

  /* YYYY-MM-DD */
  if (read_digits (&p, 4, 4, year) && *p == '-')
    {
      p++;
      return read_digits (&p, 1, 2, month) && *p++ == '-' && read_digits (&p, 1, 2, day) &&
             *p == '\0';
    }

  /* DD/MM/YYYY */
  p = s;
  return read_digits (&p, 1, 2, day) && *p++ == '/' && read_digits (&p, 1, 2, month) &&
         *p++ == '/' && read_digits (&p, 4, 4, year) && *p == '\0';
}

char *
mk_text_parse_date (const char *text, GError **error)
{
  g_autofree char *norm = NULL;
  guint            year;
  guint            month;
  guint            day;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (!check_utf8 (text, error))
    return NULL;

  norm = mk_text_normalize_number (text);
  if (*norm == '\0')
    {
      g_autofree char *iso = mk_text_isolate_ltr ("2026-03-09");
      g_autofree char *dmy = mk_text_isolate_ltr ("09/03/2026");

      g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_BAD_DATE,
                   /* Translators: the two values are example dates. */
                   _ ("The date is missing; type it as %s or %s."), iso, dmy);
      return NULL;
    }

  if (!scan_date (norm, &year, &month, &day))
    {
      g_autofree char *shown = describe (text);
      g_autofree char *iso = mk_text_isolate_ltr ("2026-03-09");
      g_autofree char *dmy = mk_text_isolate_ltr ("09/03/2026");

      g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_BAD_DATE,
                   /* Translators: the first value is what was typed, the
                    * other two are example dates. */
                   _ ("“%s” is not a date; type it as %s (year-month-day) or "
                      "%s (day/month/year)."),
                   shown, iso, dmy);
      return NULL;
    }

  if (year < 1900 || year > 2200)
    {
      g_autofree char *shown = describe (text);

      g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_BAD_DATE,
                   _ ("The year of “%s” is out of range; type a year between "
                      "1900 and 2200."),
                   shown);
      return NULL;
    }

  if (month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_autofree char *shown = describe (text);

      g_set_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_BAD_DATE,
                   _ ("“%s” is not a day of the calendar; check the day and "
                      "the month."),
                   shown);
      return NULL;
    }

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Isolates ------------------------------------------------------------- */

char *
mk_text_isolate_ltr (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return g_strconcat (LRI, text, PDI, NULL);
}

char *
mk_text_isolate (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  return g_strconcat (FSI, text, PDI, NULL);
}

/* Language of names ---------------------------------------------------- */

static gboolean
is_arabic_tag (const char *language)
{
  return language != NULL && g_ascii_strncasecmp (language, "ar", 2) == 0 &&
         strchr ("_-.@", language[2]) != NULL; /* "\0" is in the set */
}

gboolean
mk_text_prefers_arabic (void)
{
  int preferred = g_atomic_int_get (&preferred_language);

  if (preferred >= 0)
    return preferred == 1;

  /* g_get_language_names() follows LANGUAGE, LC_ALL, LC_MESSAGES and
   * LANG, as gettext does, and is safe to call from any thread. */
  return is_arabic_tag (g_get_language_names ()[0]);
}

void
mk_text_set_language (const char *language)
{
  int preferred;

  if (language == NULL || *language == '\0')
    preferred = -1;
  else
    preferred = is_arabic_tag (language) ? 1 : 0;

  g_atomic_int_set (&preferred_language, preferred);
}

const char *
mk_text_pick_name (const char *name_en, const char *name_ar)
{
  gboolean    arabic = mk_text_prefers_arabic ();
  const char *first = arabic ? name_ar : name_en;
  const char *second = arabic ? name_en : name_ar;

  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL && *second != '\0')
    return second;
  return "";
}
