/* test-csv.c: reading CSV files (mk-csv.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mk-csv.h"

/* Expected records are written as fields joined by '|' and records by '\n';
 * the lines where they begin as "1,2,4". */
static void
read_all (MkCsvReader *reader, char **records, char **lines)
{
  GString           *r = g_string_new (NULL);
  GString           *l = g_string_new (NULL);
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end = TRUE;
  g_autoptr (GError) error = NULL;

  while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error))
    {
      g_autofree char *joined = NULL;

      g_assert_no_error (error);
      g_assert_false (at_end);
      g_assert_nonnull (fields);
      g_assert_cmpuint (g_strv_length ((char **) fields), ==, n_fields);
      g_assert_cmpuint (n_fields, >=, 1);
      joined = g_strjoinv ("|", (char **) fields);
      if (r->len > 0)
        {
          g_string_append_c (r, '\n');
          g_string_append_c (l, ',');
        }
      g_string_append (r, joined);
      g_string_append_printf (l, "%u", mk_csv_reader_get_line (reader));
    }
  g_assert_no_error (error);
  g_assert_true (at_end);

  /* The end stays the end. */
  g_assert_false (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_no_error (error);
  g_assert_true (at_end);

  *records = g_string_free (r, FALSE);
  *lines = g_string_free (l, FALSE);
}

static void
test_records (void)
{
  static const struct
  {
    const char *name;
    const char *data;
    const char *records;
    const char *lines;
  } cases[] = {
    { "comma", "a,b,c\n1,2,3\n", "a|b|c\n1|2|3", "1,2" },
    { "no final line end", "a,b\n1,2", "a|b\n1|2", "1,2" },
    { "CRLF", "a,b\r\n1,2\r\n", "a|b\n1|2", "1,2" },
    { "lone CR", "a,b\r1,2\r", "a|b\n1|2", "1,2" },
    { "BOM, CRLF and semicolons",
      "\xef\xbb\xbf"
      "code;name;qty\r\nHK-001;\"Kit; hygiene\";1,5\r\n",
      "code|name|qty\nHK-001|Kit; hygiene|1,5", "1,2" },
    { "quotes doubled", "a,\"he said \"\"hi\"\"\",c\n", "a|he said \"hi\"|c", "1" },
    { "newline in quotes", "a,\"two\nlines\",c\nd,e,f\n", "a|two\nlines|c\nd|e|f", "1,3" },
    { "CRLF in quotes", "a,\"two\r\nlines\"\r\nd,e\r\n", "a|two\nlines\nd|e", "1,3" },
    { "CR in quotes", "a,\"x\ry\"\rb,c\r", "a|x\ny\nb|c", "1,3" },
    { "separators in quotes", "\"a;b;c\",d\n\"x,y\",z\n", "a;b;c|d\nx,y|z", "1,2" },
    { "semicolons in quoted header", "\"a,b\";c;d\n1;2;3\n", "a,b|c|d\n1|2|3", "1,2" },
    { "equal counts mean comma", "a,b;c\n", "a|b;c", "1" },
    { "tab", "a\tb\tc\n1\t2\t3\n", "a|b|c\n1|2|3", "1,2" },
    { "tab with a comma is comma", "a\tb,c\n", "a\tb|c", "1" },
    { "single column", "code\nA\nB\n", "code\nA\nB", "1,2,3" },
    { "empty quoted field", "\"\",a,\"\"\n", "|a|", "1" },
    { "only separators", "a,b,c\n,,\n1,2,3\n", "a|b|c\n||\n1|2|3", "1,2,3" },
    { "trailing separator", "a,b,\n", "a|b|", "1" },
    { "empty trailing lines", "a,b\n1,2\n\n\n\r\n\r\n", "a|b\n1|2", "1,2" },
    { "empty middle line", "a,b\n\n1,2\n", "a|b\n\n1|2", "1,2,3" },
    { "quote inside unquoted field", "12\" pipe,x\n", "12\" pipe|x", "1" },
    { "spaces kept", " a , b \n", " a | b ", "1" },
    { "quoted field ending the file", "a,\"b\"", "a|b", "1" },
    { "Arabic", "الكود,الاسم,الكمية\nHK-001,حقيبة النظافة,٣٠\n",
      "الكود|الاسم|الكمية\nHK-001|حقيبة النظافة|٣٠", "1,2" },
    { "Arabic quoted with separators",
      "\xef\xbb\xbf"
      "رمز;اسم\r\nA;\"درنة; مصراتة\"\r\n",
      "رمز|اسم\nA|درنة; مصراتة", "1,2" },
    { "lines after a multi-line field", "\"a\n\nb\"\nc\n\"d\r\ne\"\nf", "a\n\nb\nc\nd\ne\nf",
      "1,4,5,7" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (MkCsvReader) reader = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *records = NULL;
      g_autofree char *lines = NULL;

      g_test_message ("case: %s", cases[i].name);
      reader = mk_csv_reader_new_from_data (cases[i].data, strlen (cases[i].data), &error);
      g_assert_no_error (error);
      g_assert_nonnull (reader);
      g_assert_cmpuint (mk_csv_reader_get_line (reader), ==, 0);
      read_all (reader, &records, &lines);
      g_assert_cmpstr (records, ==, cases[i].records);
      g_assert_cmpstr (lines, ==, cases[i].lines);
    }
}

static void
test_empty (void)
{
  static const char *const cases[] = { "", "\xef\xbb\xbf", "\n", "\r\n\r\n", "\xef\xbb\xbf\r\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (MkCsvReader) reader = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *records = NULL;
      g_autofree char *lines = NULL;

      reader = mk_csv_reader_new_from_data (cases[i], strlen (cases[i]), &error);
      g_assert_no_error (error);
      read_all (reader, &records, &lines);
      g_assert_cmpstr (records, ==, "");
    }

  /* NULL data of length 0 is an empty file too. */
  {
    g_autoptr (MkCsvReader) reader = NULL;
    g_autoptr (GError) error = NULL;
    g_autofree char *records = NULL;
    g_autofree char *lines = NULL;

    reader = mk_csv_reader_new_from_data (NULL, 0, &error);
    g_assert_no_error (error);
    read_all (reader, &records, &lines);
    g_assert_cmpstr (records, ==, "");
  }
}

static void
test_long_fields (void)
{
  g_autofree char *plain = g_strnfill (10000, 'x');
  g_autoptr (GString) quoted = g_string_new (NULL);
  g_autoptr (GString) arabic = g_string_new (NULL);
  g_autoptr (GString) data = g_string_new (NULL);
  g_autoptr (MkCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  const char *const *fields;
  guint              n_fields;
  gboolean           at_end;

  /* 10,000 characters with quotes, separators and line ends inside. */
  for (int i = 0; i < 10000; i++)
    g_string_append (arabic, "ض");
  for (int i = 0; i < 1000; i++)
    g_string_append (quoted, "ab\"c;d,\nef");
  g_assert_cmpuint (g_utf8_strlen (quoted->str, -1), ==, 10000);

  g_string_append (data, "a,b,c,d\r\n");
  g_string_append (data, plain);
  g_string_append (data, ",\"");
  for (const char *p = quoted->str; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (data, '"');
      g_string_append_c (data, *p);
    }
  g_string_append (data, "\",");
  g_string_append (data, arabic->str);
  g_string_append (data, ",end\r\nnext,1,2,3\r\n");

  reader = mk_csv_reader_new_from_data (data->str, data->len, &error);
  g_assert_no_error (error);

  g_assert_true (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpuint (n_fields, ==, 4);

  g_assert_true (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_fields, ==, 4);
  g_assert_cmpuint (mk_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpstr (fields[0], ==, plain);
  g_assert_cmpstr (fields[1], ==, quoted->str);
  g_assert_cmpstr (fields[2], ==, arabic->str);
  g_assert_cmpstr (fields[3], ==, "end");
  g_assert_null (fields[4]);

  /* The quoted field held 1,000 line ends. */
  g_assert_true (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpuint (mk_csv_reader_get_line (reader), ==, 1003);
  g_assert_cmpstr (fields[0], ==, "next");

  g_assert_false (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_no_error (error);
  g_assert_true (at_end);
}

static void
test_syntax_errors (void)
{
  static const struct
  {
    const char *data;
    guint       line;
    const char *in_message;
  } cases[] = {
    { "a,b\n1,\"open\n2,3\n", 2, "line 2" },
    { "a,b\n\"x\"\"\n", 2, "line 2" },
    { "\"", 1, "line 1" },
    { "a,b\n\"5\" kg,2\n", 2, "Line 2" },
    { "a;b\r\nx;\"q\"x\r\n", 2, "Line 2" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (MkCsvReader) reader = NULL;
      g_autoptr (GError) error = NULL;
      const char *const *fields;
      guint              n_fields;
      gboolean           at_end = TRUE;

      g_test_message ("syntax: %s", cases[i].data);
      reader = mk_csv_reader_new_from_data (cases[i].data, strlen (cases[i].data), &error);
      g_assert_no_error (error);

      while (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error))
        ;
      g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_SYNTAX);
      g_assert_false (at_end);
      g_assert_null (fields);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_assert_cmpuint (mk_csv_reader_get_line (reader), ==, cases[i].line);
      g_clear_error (&error);

      /* The error is repeated, not turned into an end of file. */
      g_assert_false (mk_csv_reader_next (reader, &fields, &n_fields, &at_end, &error));
      g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_SYNTAX);
      g_assert_false (at_end);
    }
}

static void
test_encoding_errors (void)
{
  static const struct
  {
    const char *name;
    const char *data;
    gsize       length;
    const char *in_message;
    const char *not_in_message;
  } cases[] = {
    /* "كود,اسم" then "A,درنة" in Windows-1256. */
    { "Windows-1256", "code,name\n\xdf\xe6\xcf,\xc7\xd3\xe3\nA,\xcf\xd1\xe4\xc9\n", 0,
      "looks like Windows-1256", NULL },
    { "Latin-1", "code,name\nA,Caf\xe9\n", 0, "Line 2 is not UTF-8", "Windows-1256" },
    { "UTF-16",
      "\xff\xfe"
      "c\0o\0d\0e\0",
      10, "UTF-16", NULL },
    { "zero byte", "a,b\n1,\0002\n", 9, "Line 2 contains a zero byte", NULL },
    { "truncated sequence", "a,b\r\n\r\n1,\xd8", 0, "Line 3", NULL },
    { "after a BOM",
      "\xef\xbb\xbf"
      "a\n\xff\n",
      0, "Line 2", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (MkCsvReader) reader = NULL;
      g_autoptr (GError) error = NULL;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].data);

      g_test_message ("encoding: %s", cases[i].name);
      reader = mk_csv_reader_new_from_data (cases[i].data, length, &error);
      g_assert_null (reader);
      g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, "CSV UTF-8"));
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      if (cases[i].not_in_message != NULL)
        g_assert_null (strstr (error->message, cases[i].not_in_message));
    }
}

static char *
write_temp_file (const char *dir, const char *name, const char *data, gssize length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char   *dir = g_dir_make_tmp ("test-csv-XXXXXX", &error);
  g_autofree char   *good = NULL;
  g_autofree char   *cp1256 = NULL;
  g_autofree char   *bad_quote = NULL;
  g_autofree char   *missing = NULL;
  g_autofree char   *huge = NULL;
  g_autofree char   *records = NULL;
  g_autofree char   *lines = NULL;
  MkCsvReader       *reader;
  const char *const *fields;
  gboolean           at_end;
  int                fd;

  g_assert_no_error (error);

  /* A file as Excel writes "CSV UTF-8" in a semicolon locale. */
  good = write_temp_file (dir, "items.csv",
                          "\xef\xbb\xbf"
                          "code;name_ar;qty\r\nHK-001;\"حقيبة \"\"النظافة\"\"\";١٬٢٥٠\r\n",
                          -1);
  reader = mk_csv_reader_new_from_file (good, &error);
  g_assert_no_error (error);
  read_all (reader, &records, &lines);
  g_assert_cmpstr (records, ==, "code|name_ar|qty\nHK-001|حقيبة \"النظافة\"|١٬٢٥٠");
  g_assert_cmpstr (lines, ==, "1,2");
  mk_csv_reader_free (reader);

  /* Errors about a file name it. */
  cp1256 = write_temp_file (dir, "stock-1256.csv", "code,name\nA,\xcf\xd1\xe4\xc9\n", -1);
  reader = mk_csv_reader_new_from_file (cp1256, &error);
  g_assert_null (reader);
  g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "stock-1256.csv"));
  g_assert_nonnull (strstr (error->message, "Windows-1256"));
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  bad_quote = write_temp_file (dir, "quote.csv", "a,b\n\"x,y\n", -1);
  reader = mk_csv_reader_new_from_file (bad_quote, &error);
  g_assert_no_error (error);
  g_assert_true (mk_csv_reader_next (reader, &fields, NULL, &at_end, &error));
  g_assert_false (mk_csv_reader_next (reader, &fields, NULL, &at_end, &error));
  g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "quote.csv"));
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  mk_csv_reader_free (reader);

  missing = g_build_filename (dir, "no-such-file.csv", NULL);
  reader = mk_csv_reader_new_from_file (missing, &error);
  g_assert_null (reader);
  g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "no-such-file.csv"));
  g_clear_error (&error);

  /* A sparse file over the limit is refused before it is read. */
  huge = g_build_filename (dir, "huge.csv", NULL);
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 513 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  reader = mk_csv_reader_new_from_file (huge, &error);
  g_assert_null (reader);
  g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv"));
  g_assert_nonnull (strstr (error->message, "512"));
  g_clear_error (&error);

  g_remove (good);
  g_remove (cp1256);
  g_remove (bad_quote);
  g_remove (huge);
  g_rmdir (dir);
}

static void
test_fields_are_owned_until_next (void)
{
  const char *data = "a,b\nc,d\n";
  g_autoptr (MkCsvReader) reader = mk_csv_reader_new_from_data (data, strlen (data), NULL);
  const char *const *fields;
  guint              n_fields;

  /* at_end and n_fields are optional. */
  g_assert_true (mk_csv_reader_next (reader, &fields, &n_fields, NULL, NULL));
  g_assert_cmpstr (fields[0], ==, "a");
  g_assert_true (mk_csv_reader_next (reader, &fields, NULL, NULL, NULL));
  g_assert_cmpstr (fields[0], ==, "c");
  g_assert_cmpstr (fields[1], ==, "d");
  g_assert_false (mk_csv_reader_next (reader, &fields, NULL, NULL, NULL));
  g_assert_null (fields);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/records", test_records);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/long-fields", test_long_fields);
  g_test_add_func ("/csv/syntax-errors", test_syntax_errors);
  g_test_add_func ("/csv/encoding-errors", test_encoding_errors);
  g_test_add_func ("/csv/files", test_files);
  g_test_add_func ("/csv/fields-owned-until-next", test_fields_are_owned_until_next);

  return g_test_run ();
}
