/* test-text.c: parsing, folding and isolating text (mk-text.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-text.h"

#define LRI "\xe2\x81\xa6"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"

/* Numbers -------------------------------------------------------------- */

static void
test_normalize_number (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "1250", "1250" },
    { "  1250\t\n", "1250" },
    { "\xc2\xa0"
      "42"
      "\xc2\xa0",
      "42" }, /* NBSP */
    { "\xe2\x80\xaf"
      "42",
      "42" },                       /* narrow NBSP */
    { "٠١٢٣٤٥٦٧٨٩", "0123456789" }, /* U+0660… */
    { "۰۱۲۳۴۵۶۷۸۹", "0123456789" }, /* U+06F0… */
    { "٣٠", "30" },
    { "١٬٢٥٠٫٥", "1,250.5" },     /* U+066C, U+066B */
    { LRI "1,250" PDI, "1,250" }, /* copied from a sentence */
    { "\xe2\x80\x8f"
      "12"
      "\xe2\x80\x8e",
      "12" },             /* RLM, LRM */
    { "12 34", "12 34" }, /* inner space kept */
    { "abc", "abc" },
    { "", "" },
    { "   ", "" },
    { "حقيبة ٣", "حقيبة 3" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = mk_text_normalize_number (cases[i].text);

      g_test_message ("normalize “%s”", cases[i].text);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_parse_int (void)
{
  static const struct
  {
    const char *text;
    gint64      expected;
  } good[] = {
    { "0", 0 },
    { "1250", 1250 },
    { "1,250", 1250 },
    { "1,250,000", 1250000 },
    { "12,345", 12345 },
    { "999,999", 999999 },
    { "-1,250", -1250 },
    { "+7", 7 },
    { "-0", 0 },
    { "007", 7 },
    { "٣٠", 30 },
    { "۴۲", 42 },
    { "١٬٢٥٠", 1250 },
    { "  42 ", 42 },
    { "\xc2\xa0"
      "42",
      42 },
    { "42\n", 42 },
    { "9223372036854775807", G_MAXINT64 },
    { "-9223372036854775808", G_MININT64 },
    { "9,223,372,036,854,775,807", G_MAXINT64 },
  };
  static const struct
  {
    const char *text;
    MkTextError code;
  } bad[] = {
    { "", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "   ", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "abc", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "12abc", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "abc12", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.5", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.0", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1,25", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1,2500", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1234,567", MK_TEXT_ERROR_NOT_A_NUMBER },
    { ",250", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1,250,", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1,,250", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1 250", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "-", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "+", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "--1", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1e3", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "0x10", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "12\n34", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "12\r\n34", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "ثلاثون", MK_TEXT_ERROR_NOT_A_NUMBER },
    { "99999999999999999999", MK_TEXT_ERROR_OUT_OF_RANGE },
    { "9223372036854775808", MK_TEXT_ERROR_OUT_OF_RANGE },
    { "-9223372036854775809", MK_TEXT_ERROR_OUT_OF_RANGE },
    { "-99999999999999999999", MK_TEXT_ERROR_OUT_OF_RANGE },
    { "caf\xe9", MK_TEXT_ERROR_INVALID_UTF8 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -42;

      g_test_message ("parse_int “%s”", good[i].text);
      g_assert_true (mk_text_parse_int (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -42;

      g_test_message ("parse_int “%s”", bad[i].text);
      g_assert_false (mk_text_parse_int (bad[i].text, &value, &error));
      g_assert_error (error, MK_TEXT_ERROR, (int) bad[i].code);
      g_assert_cmpint (value, ==, -42); /* untouched */
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_parse_int_messages (void)
{
  g_autoptr (GError) error = NULL;
  gint64 value;

  /* The message names the value, isolated. */
  g_assert_false (mk_text_parse_int ("12kg", &value, &error));
  g_assert_nonnull (strstr (error->message, FSI "12kg" PDI));
  g_clear_error (&error);

  g_assert_false (mk_text_parse_int ("1,25", &value, &error));
  g_assert_nonnull (strstr (error->message, "1,25"));
  g_assert_nonnull (strstr (error->message, "thousands"));
  g_clear_error (&error);

  g_assert_false (mk_text_parse_int ("99999999999999999999", &value, &error));
  g_assert_nonnull (strstr (error->message, "99999999999999999999"));
  g_clear_error (&error);

  g_assert_false (mk_text_parse_int ("12\n34", &value, &error));
  g_assert_nonnull (strstr (error->message, "several lines"));
  g_clear_error (&error);

  /* A long value is cut short in the message. */
  {
    g_autofree char *text = g_strnfill (10000, 'x');

    g_assert_false (mk_text_parse_int (text, &value, &error));
    g_assert_cmpuint (strlen (error->message), <, 200);
    g_assert_nonnull (strstr (error->message, "…"));
    g_clear_error (&error);
  }

  /* NULL is an empty value; a NULL result pointer only validates. */
  g_assert_false (mk_text_parse_int (NULL, &value, &error));
  g_assert_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_true (mk_text_parse_int ("5", NULL, NULL));
  g_assert_false (mk_text_parse_int ("x", NULL, NULL));
}

static void
test_parse_decimal (void)
{
  static const struct
  {
    const char *text;
    guint       scale;
    gint64      expected;
  } good[] = {
    { "0.27", 1000, 270 },
    { "0.275", 1000, 275 },
    { "0.2700", 1000, 270 }, /* zeros beyond the scale change nothing */
    { "2", 1000, 2000 },
    { "2.", 1000, 2000 },
    { ".5", 1000, 500 },
    { "-.5", 1000, -500 },
    { "-1.5", 1000, -1500 },
    { "+1.5", 10, 15 },
    { "1,250.75", 100, 125075 },
    { "١٬٢٥٠٫٧٥", 100, 125075 },
    { "٠٫٢٧", 1000, 270 },
    { "12", 1, 12 },
    { "12.0", 1, 12 },
    { "0.000001", 1000000, 1 },
    { "3.141592", 1000000, 3141592 },
    { " 7.5 ", 10, 75 },
    { "9223372036854775.807", 1000, G_MAXINT64 },
    { "-9223372036854775.808", 1000, G_MININT64 },
    { "9223372036854775807", 1, G_MAXINT64 },
  };
  static const struct
  {
    const char *text;
    guint       scale;
    MkTextError code;
  } bad[] = {
    { "", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { ".", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "-", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "-.", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "0.2705", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "0.27050", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.5", 1, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.05", 10, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.2.3", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1,5", 1000, MK_TEXT_ERROR_NOT_A_NUMBER }, /* decimal comma */
    { "1.2,5", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.5kg", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1e-3", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "1.5\n2", 1000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "9223372036854775.808", 1000, MK_TEXT_ERROR_OUT_OF_RANGE },
    { "9223372036854776", 1000, MK_TEXT_ERROR_OUT_OF_RANGE },
    { "-9223372036854775.809", 1000, MK_TEXT_ERROR_OUT_OF_RANGE },
    { "99999999999999999999", 1, MK_TEXT_ERROR_OUT_OF_RANGE },
    { "0.99999999999999999999", 1000000, MK_TEXT_ERROR_NOT_A_NUMBER },
    { "\xff", 1000, MK_TEXT_ERROR_INVALID_UTF8 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -42;

      g_test_message ("parse_decimal “%s” × %u", good[i].text, good[i].scale);
      g_assert_true (mk_text_parse_decimal (good[i].text, good[i].scale, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 value = -42;

      g_test_message ("parse_decimal “%s” × %u", bad[i].text, bad[i].scale);
      g_assert_false (mk_text_parse_decimal (bad[i].text, bad[i].scale, &value, &error));
      g_assert_error (error, MK_TEXT_ERROR, (int) bad[i].code);
      g_assert_cmpint (value, ==, -42);
    }
}

static void
test_parse_decimal_messages (void)
{
  g_autoptr (GError) error = NULL;
  gint64 value;

  g_assert_false (mk_text_parse_decimal ("0.2705", 1000, &value, &error));
  g_assert_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_NOT_A_NUMBER);
  g_assert_nonnull (strstr (error->message, FSI "0.2705" PDI));
  g_assert_nonnull (strstr (error->message, "at most 3 decimals"));
  g_clear_error (&error);

  g_assert_false (mk_text_parse_decimal ("1.05", 10, &value, &error));
  g_assert_nonnull (strstr (error->message, "at most 1 decimal."));
  g_clear_error (&error);

  g_assert_false (mk_text_parse_decimal ("1.5", 1, &value, &error));
  g_assert_nonnull (strstr (error->message, "whole number"));
  g_clear_error (&error);
}

static void
test_format_decimal (void)
{
  static const struct
  {
    gint64      value;
    guint       scale;
    const char *expected;
  } cases[] = {
    { 270, 1000, "0.27" },
    { 2000, 1000, "2" },
    { -1500, 1000, "-1.5" },
    { -500, 1000, "-0.5" },
    { 0, 1000, "0" },
    { 1, 1000, "0.001" },
    { -1, 1000, "-0.001" },
    { 1250000, 1000, "1250" },
    { 125075, 100, "1250.75" },
    { 42, 1, "42" },
    { -42, 1, "-42" },
    { 1, 1000000, "0.000001" },
    { 3141592, 1000000, "3.141592" },
    { G_MAXINT64, 1, "9223372036854775807" },
    { G_MININT64, 1, "-9223372036854775808" },
    { G_MAXINT64, 1000, "9223372036854775.807" },
    { G_MININT64, 1000, "-9223372036854775.808" },
  };
  static const gint64 round_trip[] = {
    0,
    1,
    -1,
    9,
    10,
    99,
    100,
    270,
    999,
    1000,
    1001,
    -1500,
    123456789,
    G_MAXINT64,
    G_MININT64,
    G_MAXINT64 - 1,
    G_MININT64 + 1,
  };
  static const guint scales[] = { 1, 10, 100, 1000, 1000000 };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = mk_text_format_decimal (cases[i].value, cases[i].scale);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }

  /* What is written reads back to the same value. */
  for (gsize s = 0; s < G_N_ELEMENTS (scales); s++)
    for (gsize i = 0; i < G_N_ELEMENTS (round_trip); i++)
      {
        g_autofree char *out = mk_text_format_decimal (round_trip[i], scales[s]);
        g_autoptr (GError) error = NULL;
        gint64 back = 0;

        g_assert_true (mk_text_parse_decimal (out, scales[s], &back, &error));
        g_assert_no_error (error);
        g_assert_cmpint (back, ==, round_trip[i]);
      }
}

/* Dates ---------------------------------------------------------------- */

static void
test_parse_date (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } good[] = {
    { "2026-03-09", "2026-03-09" },
    { "2026-3-9", "2026-03-09" },
    { "09/03/2026", "2026-03-09" },
    { "9/3/2026", "2026-03-09" },
    { "  09/03/2026\n", "2026-03-09" },
    { "٠٩/٠٣/٢٠٢٦", "2026-03-09" },
    { "٢٠٢٦-٠٣-٠٩", "2026-03-09" },
    { "2024-02-29", "2024-02-29" },
    { "29/02/2024", "2024-02-29" },
    { "1900-01-01", "1900-01-01" },
    { "2200-12-31", "2200-12-31" },
    { LRI "2026-03-09" PDI, "2026-03-09" },
  };
  static const char *const bad[] = {
    "",
    "   ",
    "2026-02-30",
    "31/02/2026",
    "2025-02-29",
    "29/02/2100",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "32/01/2026",
    "1899-12-31",
    "2201-01-01",
    "26-03-09",
    "09/03/26",
    "09-03-2026",
    "2026/03/09",
    "2026-03-09 10:00",
    "2026-003-09",
    "20260309",
    "tomorrow",
    "غدا",
    "2026-03-09\n2026-03-10",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = mk_text_parse_date (good[i].text, &error);

      g_test_message ("parse_date “%s”", good[i].text);
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *iso = mk_text_parse_date (bad[i], &error);

      g_test_message ("parse_date “%s”", bad[i]);
      g_assert_null (iso);
      g_assert_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_BAD_DATE);
    }
}

static void
test_parse_date_messages (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;

  iso = mk_text_parse_date ("2026-02-30", &error);
  g_assert_null (iso);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  iso = mk_text_parse_date ("next week", &error);
  g_assert_null (iso);
  g_assert_nonnull (strstr (error->message, "next week"));
  /* The example forms are isolated, as ISO dates must be in Arabic. */
  g_assert_nonnull (strstr (error->message, LRI "2026-03-09" PDI));
  g_assert_nonnull (strstr (error->message, LRI "09/03/2026" PDI));
  g_clear_error (&error);

  iso = mk_text_parse_date ("1850-01-01", &error);
  g_assert_nonnull (strstr (error->message, "1900"));
  g_clear_error (&error);

  iso = mk_text_parse_date ("caf\xe9", &error);
  g_assert_error (error, MK_TEXT_ERROR, MK_TEXT_ERROR_INVALID_UTF8);
}

/* Folding -------------------------------------------------------------- */

/* The definition the one-pass folding must agree with. */
static char *
reference_fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (nfc, -1);
  GString         *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671)
        c = 0x0627;
      else if (c == 0x0629)
        c = 0x0647;
      else if (c == 0x0649)
        c = 0x064A;
      else if (c >= 0x0660 && c <= 0x0669)
        c = '0' + (c - 0x0660);
      else if (c >= 0x06F0 && c <= 0x06F9)
        c = '0' + (c - 0x06F0);
      else if (c == 0x0640 || (c >= 0x064B && c <= 0x0652) || c == 0x0670)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
test_fold (void)
{
  static const struct
  {
    const char *a;
    const char *b;
  } same[] = {
    { "درنة", "درنه" },         /* ta marbuta */
    { "مصراتة", "مصراته" },     /* ta marbuta */
    { "أوباري", "اوباري" },     /* alef with hamza above */
    { "إجدابيا", "اجدابيا" },   /* alef with hamza below */
    { "آمنة", "امنه" },         /* alef with madda */
    { "ٱلكفرة", "الكفرة" },     /* alef wasla */
    { "وادى", "وادي" },         /* alef maksura */
    { "مُسْتَوْدَع", "مستودع" },     /* tashkeel */
    { "مـــخـزن", "مخزن" },     /* tatweel */
    { "بِطَّانِيَّةٌ", "بطانيه" },     /* shadda, tanween */
    { "HK-001", "hk-001" },     /* case */
    { "Tripoli", "TRIPOLI" },   /* case */
    { "Café", "CAFÉ" },         /* case beyond ASCII */
    { "Cafe\xcc\x81", "café" }, /* decomposed é */
    { "ا\xd9\x94", "ا" },       /* alef + combining hamza above */
    { "Straße", "STRASSE" },    /* full case folding */
    { "HK-٠٠١", "hk-001" },     /* Arabic-Indic digits */
    { "HK-۰۰۱", "hk-001" },     /* Eastern Arabic-Indic digits */
  };
  static const struct
  {
    const char *a;
    const char *b;
  } different[] = {
    { "درنة", "درنا" },
    { "سبها", "سرت" },
    { "ؤ", "و" }, /* only alef, ta marbuta and alef maksura fold */
    { "ئ", "ي" },
  };
  static const struct
  {
    const char *text;
    const char *expected;
  } exact[] = {
    { "", "" },
    { "HK-001 Hygiene KIT", "hk-001 hygiene kit" },
    { "أإآٱ", "اااا" },
    { "ة", "ه" },
    { "ى", "ي" },
    { "ـ", "" },
    { "\xd9\x8b\xd9\x8c\xd9\x8d\xd9\x8e\xd9\x8f\xd9\x90\xd9\x91\xd9\x92\xd9\xb0", "" },
    { "طرابلس ١٢", "طرابلس 12" }, /* digits as Western digits */
    { "ÉCOLE", "école" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = mk_text_fold (same[i].a);
      g_autofree char *b = mk_text_fold (same[i].b);

      g_test_message ("fold “%s” = “%s”", same[i].a, same[i].b);
      g_assert_cmpstr (a, ==, b);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autofree char *a = mk_text_fold (different[i].a);
      g_autofree char *b = mk_text_fold (different[i].b);

      g_assert_cmpstr (a, !=, b);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      g_autofree char *out = mk_text_fold (exact[i].text);

      g_assert_cmpstr (out, ==, exact[i].expected);
    }
}

static void
test_fold_matches_definition (void)
{
  static const char *const samples[] = {
    "درنة",
    "أوباري",
    "وادى",
    "مُسْتَوْدَع",
    "HK-001",
    "Café",
    "ا\xd9\x94",
    "ي\xd9\x94",
    "و\xd9\x94",
    "ى\xd9\x94",
    "ا\xd9\x8e\xd9\x94",
    "ب\xd9\x91\xd9\x8e",
    "ب\xd9\x8e\xd9\x91",
    "x\xdb\x96\xd9\x96",
    "İstanbul",
    "ﻻ",
    "Ǆ",
    "ΣΑΣ",
  };

  /* Every code point of the Arabic block, alone and after a letter. */
  for (gunichar c = 0x0600; c <= 0x06FF; c++)
    {
      char             buf[16] = { 0 };
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *c2 = NULL;
      g_autofree char *d = NULL;
      g_autofree char *pair = NULL;

      if (!g_unichar_validate (c) || g_unichar_type (c) == G_UNICODE_UNASSIGNED)
        continue;
      g_unichar_to_utf8 (c, buf);
      a = mk_text_fold (buf);
      b = reference_fold (buf);
      g_assert_cmpstr (a, ==, b);

      pair = g_strconcat ("ا", buf, "ب", NULL);
      c2 = mk_text_fold (pair);
      d = reference_fold (pair);
      g_assert_cmpstr (c2, ==, d);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *a = mk_text_fold (samples[i]);
      g_autofree char *b = reference_fold (samples[i]);

      g_test_message ("fold “%s”", samples[i]);
      g_assert_cmpstr (a, ==, b);
    }

  /* All printable ASCII. */
  {
    char             ascii[128];
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    int              n = 0;

    for (int c = 0x20; c < 0x7F; c++)
      ascii[n++] = (char) c;
    ascii[n] = '\0';
    a = mk_text_fold (ascii);
    b = reference_fold (ascii);
    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_fold_invalid (void)
{
  /* Invalid bytes do not crash and give valid UTF-8. */
  static const char *const cases[] = { "caf\xe9", "\xd9", "ab\xd9", "\xff\xfe", "درن\xd8" };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = mk_text_fold (cases[i]);

      g_assert_nonnull (out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

/* Isolates and the language of names ------------------------------------ */

static void
test_isolate (void)
{
  g_autofree char *ltr = mk_text_isolate_ltr ("2026-03-09");
  g_autofree char *fsi = mk_text_isolate ("حقيبة النظافة");
  g_autofree char *null_ltr = mk_text_isolate_ltr (NULL);
  g_autofree char *null_fsi = mk_text_isolate (NULL);
  g_autofree char *empty = mk_text_isolate_ltr ("");

  g_assert_cmpstr (ltr, ==,
                   "\xe2\x81\xa6"
                   "2026-03-09"
                   "\xe2\x81\xa9");
  g_assert_cmpstr (fsi, ==,
                   "\xe2\x81\xa8"
                   "حقيبة النظافة"
                   "\xe2\x81\xa9");
  g_assert_cmpstr (null_ltr, ==, "");
  g_assert_cmpstr (null_fsi, ==, "");
  g_assert_cmpstr (empty, ==, LRI PDI);
}

static void
test_language (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  /* Following the interface. */
  mk_text_set_language (NULL);
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_true (mk_text_prefers_arabic ());
  g_assert_cmpstr (mk_text_pick_name ("Derna", "درنة"), ==, "درنة");
  g_setenv ("LANGUAGE", "ar_LY:en", TRUE);
  g_assert_true (mk_text_prefers_arabic ());
  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_false (mk_text_prefers_arabic ());
  g_assert_cmpstr (mk_text_pick_name ("Derna", "درنة"), ==, "Derna");
  g_setenv ("LANGUAGE", "arn", TRUE); /* Mapudungun is not Arabic */
  g_assert_false (mk_text_prefers_arabic ());

  /* A choice made in the application wins over the interface. */
  mk_text_set_language ("ar");
  g_assert_true (mk_text_prefers_arabic ());
  g_assert_cmpstr (mk_text_pick_name ("Derna", "درنة"), ==, "درنة");
  g_assert_cmpstr (mk_text_pick_name ("Derna", ""), ==, "Derna");
  g_assert_cmpstr (mk_text_pick_name ("Derna", NULL), ==, "Derna");
  g_assert_cmpstr (mk_text_pick_name (NULL, NULL), ==, "");
  g_assert_cmpstr (mk_text_pick_name ("", ""), ==, "");

  mk_text_set_language ("en");
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_assert_false (mk_text_prefers_arabic ());
  g_assert_cmpstr (mk_text_pick_name ("Derna", "درنة"), ==, "Derna");
  g_assert_cmpstr (mk_text_pick_name (NULL, "درنة"), ==, "درنة");
  g_assert_cmpstr (mk_text_pick_name ("", "درنة"), ==, "درنة");

  mk_text_set_language (NULL);
  g_assert_true (mk_text_prefers_arabic ());

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return mk_text_collate (*(const char *const *) a, -1, *(const char *const *) b, -1);
}

/* Names in the order a reader expects, under LANG=C.UTF-8 as in the tests
 * (where strcmp() and glibc's collation both sort by code point). */
static void
test_collate_names (void)
{
  /* Each list is in the expected order; the test sorts a reversed copy and
   * a shuffled one. */
  static const char *const ordered[] = {
    "أبيار", /* alef with hamza sorts as alef */
    "اجدابيا",
    "البيضاء",
    "الكفرة",
    "إمساعد",
    "بنغازي",
    "تاجوراء",
    "ترهونة",
    "ثلاثاء",
    "جالو",
    "حقيبة نظافة",
    "خليج",
    "درنة", /* ta marbuta sorts as ha, then as typed */
    "درنه",
    "ذات",
    "زليتن",
    "سبها",
    "سرت",
    "شحات",
    "صبراتة",
    "ضاحية",
    "طرابلس",
    "طقم مطبخ",
    "ظاهر",
    "عين زارة",
    "غات",
    "غدامس",
    "فزان",
    "قصر الأخيار",
    "كاباو",
    "لبدة",
    "مصراتة",
    "مصراته",
    "نالوت",
    "هون",
    "وادي الشاطئ",
    "وادى عتبة", /* alef maksura sorts as ya */
    "وادي عتبة",
    "يفرن",
    NULL,
  };
  static const char *const latin[] = {
    "Ajdabiya",
    "al Jufrah",
    "Al Kufrah",
    "Benghazi",
    "Derna",
    "Ghat",
    "hygiene kit",
    "Hygiene kit HK-01 حقيبة نظافة",
    "Kitchen set",
    "Misrata",
    "Sabha",
    "Tripoli",
    "Ubari",
    "Zawiya",
    NULL,
  };
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint n;

  /* Arabic: reversed, then sorted. */
  n = g_strv_length ((char **) ordered);
  for (guint i = n; i > 0; i--)
    g_ptr_array_add (names, (gpointer) ordered[i - 1]);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (names->pdata[i], ==, ordered[i]);

  /* Latin: shuffled, then sorted; case does not count before the letters. */
  g_ptr_array_set_size (names, 0);
  n = g_strv_length ((char **) latin);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer) latin[(i * 5) % n]);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (names->pdata[i], ==, latin[i]);

  /* The folded variants are the same letter; the spelling decides only
   * after the whole name, and different spellings never compare equal. */
  g_assert_cmpint (mk_text_collate ("درنة ب", -1, "درنه أ", -1), >, 0);
  g_assert_cmpint (mk_text_collate ("درنة", -1, "درنه", -1), !=, 0);
  g_assert_cmpint (mk_text_collate ("Apple", -1, "apple", -1), !=, 0);
  g_assert_cmpint (mk_text_collate ("apple", -1, "apple", -1), ==, 0);
  g_assert_cmpint (mk_text_collate ("Éclair", -1, "eclairs", -1), <, 0); /* accents aside */
  g_assert_cmpint (mk_text_collate ("Eclair", -1, "Éclair", -1), <, 0);
  /* Tashkeel, tatweel and direction marks weigh nothing. */
  g_assert_cmpint (mk_text_collate ("مُحَمَّد ب", -1, "محمد أ", -1), >, 0);
  g_assert_cmpint (mk_text_collate ("بـــاب ب", -1, "باب أ", -1), >, 0);
  g_assert_cmpint (mk_text_collate ("\xe2\x81\xa8"
                                    "Derna"
                                    "\xe2\x81\xa9",
                                    -1, "Derma", -1),
                   >, 0);
  /* Digits before letters; Arabic-Indic digits are digits; Latin before
   * Arabic. */
  g_assert_cmpint (mk_text_collate ("Kit 2", -1, "Kit 10", -1), >, 0); /* not numeric */
  g_assert_cmpint (mk_text_collate ("١٢٣", -1, "124", -1), <, 0);
  g_assert_cmpint (mk_text_collate ("9", -1, "a", -1), <, 0);
  g_assert_cmpint (mk_text_collate ("Zawiya", -1, "أبيار", -1), <, 0);
  /* Names that begin alike differ inside a character: ta marbuta (D8 A9)
   * after ta (D8 AA), as ha. */
  g_assert_cmpint (mk_text_collate ("بة", -1, "بت", -1), >, 0);
  g_assert_cmpint (mk_text_collate ("بتة", -1, "بته", -1), <, 0);
  g_assert_cmpint (mk_text_collate ("بته ا", -1, "بتة ب", -1), <, 0);
  /* A shorter name first; lengths bound the texts (SQLite's are not
   * terminated). */
  g_assert_cmpint (mk_text_collate ("باب", -1, "بابا", -1), <, 0);
  g_assert_cmpint (mk_text_collate ("بابا", 6, "باب", -1), ==, 0);
  g_assert_cmpint (mk_text_collate ("", -1, "a", -1), <, 0);
  /* Invalid UTF-8 sorts after every letter, without reading past the end. */
  g_assert_cmpint (mk_text_collate ("\xff", 1, "ي", -1), >, 0);
  g_assert_cmpint (mk_text_collate ("\xd8", 1, "\xd8", 1), ==, 0);
  /* The presentation form of lam-alef is lam and alef. */
  g_assert_cmpint (mk_text_collate ("\xef\xbb\xbb", -1, "لا", -1), !=, 0);
  g_assert_cmpint (mk_text_collate ("\xef\xbb\xbb"
                                    "ب",
                                    -1, "لا"
                                        "أ",
                                    -1),
                   >, 0);
}

/* The order is total and consistent, as SQLite's sorting needs: random
 * names of letters that fold together, marks, digits of both kinds, an
 * accent and an invalid byte, sorted, then every pair checked. */
static void
test_collate_is_an_order (void)
{
  static const char *const pieces[] = {
    "a",
    "A",
    "b",
    "ب",
    "ة",
    "ت",
    "ه",
    "أ",
    "ا",
    "\xd9\x8e",
    "1",
    "١",
    " ",
    "é",
    "e\xcc\x81",
    "\xff",
    "ـ",
  };
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (8);

  for (guint i = 0; i < 600; i++)
    {
      GString *name = g_string_new (NULL);
      gint     length = g_rand_int_range (rand, 0, 6);

      for (gint j = 0; j < length; j++)
        g_string_append (name, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      g_ptr_array_add (names, g_string_free (name, FALSE));
    }
  g_rand_free (rand);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    for (guint j = i; j < names->len; j++)
      {
        const char *a = names->pdata[i];
        const char *b = names->pdata[j];
        int         ab = mk_text_collate (a, -1, b, -1);

        g_assert_cmpint (ab, <=, 0);
        g_assert_cmpint (mk_text_collate (b, -1, a, -1), ==, -ab);
        g_assert_cmpint (ab == 0, ==, strcmp (a, b) == 0);
      }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize-number", test_normalize_number);
  g_test_add_func ("/text/parse-int", test_parse_int);
  g_test_add_func ("/text/parse-int-messages", test_parse_int_messages);
  g_test_add_func ("/text/parse-decimal", test_parse_decimal);
  g_test_add_func ("/text/parse-decimal-messages", test_parse_decimal_messages);
  g_test_add_func ("/text/format-decimal", test_format_decimal);
  g_test_add_func ("/text/parse-date", test_parse_date);
  g_test_add_func ("/text/parse-date-messages", test_parse_date_messages);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/fold-matches-definition", test_fold_matches_definition);
  g_test_add_func ("/text/fold-invalid", test_fold_invalid);
  g_test_add_func ("/text/collate-names", test_collate_names);
  g_test_add_func ("/text/collate-is-an-order", test_collate_is_an_order);
  g_test_add_func ("/text/isolate", test_isolate);
  g_test_add_func ("/text/language", test_language);

  return g_test_run ();
}
