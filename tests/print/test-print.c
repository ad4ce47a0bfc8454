/* test-print.c: printed documents, read back with poppler.
 *
 * Each document is built through the core's public API, printed to a PDF
 * file and read back with pdftotext (every field, total and page number),
 * pdffonts (the Arabic font embedded), pdfinfo (pages, paper) and
 * pdftotext -bbox (no word outside the margins).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "mk-print-job.h"
#include "mk-test-ledger.h"

/* 12 mm, as the documents keep. */
#define MARGIN (12.0 * 72.0 / 25.4)

/* Running poppler ------------------------------------------------------------ */

static char *
run (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char            *out = NULL;
  int              status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The text of @path without the bidi marks poppler and the isolates add. */
static char *
pdf_text (const char *path)
{
  const char *const argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char  *raw = run (argv);
  GString          *text = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        continue;
      g_string_append_unichar (text, c == 0x00A0 ? ' ' : c);
    }
  return g_string_free (text, FALSE);
}

static char *
pdf_info (const char *path,
          const char *key)
{
  const char *const argv[] = { "pdfinfo", path, NULL };
  g_autofree char  *out = run (argv);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key))
      return g_strstrip (g_strdup (lines[i] + strlen (key)));
  g_error ("pdfinfo gave no %s", key);
  return NULL;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages:");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static void
assert_arabic_font_embedded (const char *path)
{
  const char *const argv[] = { "pdffonts", path, NULL };
  g_autofree char  *fonts = run (argv);
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  gboolean found = FALSE;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "NotoNaskhArabic") == NULL)
        continue;
      /* name type encoding emb sub uni …: "emb" is "yes". */
      g_assert_nonnull (strstr (lines[i], " yes "));
      found = TRUE;
    }
  if (!found)
    g_error ("No Arabic font is embedded in %s:\n%s", path, fonts);
}

/* Every word lies inside the page's margins: nothing is cut off. */
static void
assert_within_margins (const char *path)
{
  const char *const argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  g_autofree char  *html = run (argv);
  double            width = 0, height = 0;
  guint             n_words = 0;

  for (const char *p = html; (p = strstr (p, "<")) != NULL; p++)
    {
      double x_min, y_min, x_max, y_max;

      if (g_str_has_prefix (p, "<page "))
        {
          const char *w = strstr (p, "width=\"");
          const char *h = strstr (p, "height=\"");

          width = g_ascii_strtod (w + 7, NULL);
          height = g_ascii_strtod (h + 8, NULL);
        }
      else if (g_str_has_prefix (p, "<word ") && sscanf (p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x_min, &y_min,
                                                         &x_max, &y_max) == 4)
        {
          n_words++;
          if (x_min < MARGIN - 1 || x_max > width - MARGIN + 1 || y_min < MARGIN - 6 || y_max > height - MARGIN + 1)
            g_error ("A word of %s lies outside the margins: %.1f %.1f %.1f %.1f on a page of %.1f × %.1f",
                     path, x_min, y_min, x_max, y_max, width, height);
        }
    }
  g_assert_cmpuint (n_words, >, 0);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the printed text:\n%s", needle, text);
}

static guint
count_of (const char *text,
          const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* "Page k of n" for every k of every copy. */
static void
assert_page_numbers (const char *text,
                     guint       per_copy,
                     guint       copies)
{
  for (guint k = 1; k <= per_copy; k++)
    {
      g_autofree char *page = g_strdup_printf ("Page %u of %u", k, per_copy);

      g_assert_cmpuint (count_of (text, page), ==, copies);
    }
}

/* Printing ------------------------------------------------------------------- */

static char *
write_job (MkFixture  *fixture,
           MkPrintJob *job,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  mk_print_job_write_pdf (job, path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static char *
print_number (MkFixture  *fixture,
              MkPrintKind kind,
              const char *number,
              const char *language,
              const char *name)
{
  MkPrintOptions options = { MK_PAPER_A4, language, NULL, NULL, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = mk_print_job_new (fixture->db, kind, number, &options, &error);

  g_assert_no_error (error);
  return write_job (fixture, job, name);
}

/* No file of that name and no temporary file beside it. */
static void
assert_no_file_left (MkFixture  *fixture,
                     const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".pdf") && name[0] == '.');
}

/* The fixture: a catalogue, stock and households ------------------------------ */

static void
print_set_up (MkFixture    *fixture,
              gconstpointer data)
{
  g_autoptr (MkDocument) grn = NULL;

  mk_ledger_fixture_set_up (fixture, data);
  mk_test_add_people_catalogue (fixture);
  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-03-01", "warehouse", "BEN-MAIN",
                              "source", "donation", "supplier", "UNICEF", NULL);
  mk_test_add_line (grn, "BLANKET", 2000, "grant", "ECHO-2026", NULL);
  mk_test_add_line (grn, "SOAP", 5000, "grant", "BHA-2026", NULL);
  mk_test_add_line (grn, "TOOTHPASTE", 800, "lot", "TP-2026-07", "expiry", "2027-07-31", NULL);
  mk_test_add_line (grn, "HYG-KIT", 1000, NULL);
  mk_test_add_line (grn, "BUCKET", 400, NULL);
  mk_test_post (fixture, grn);
}

static MkDocument *
waybill_draft (void)
{
  MkDocument *waybill = mk_test_document_new (
      MK_DOCUMENT_WAYBILL, "date", "2026-04-15", "warehouse", "BEN-MAIN", "to_warehouse", "BEN-FIELD",
      "transport_mode", "road", "transporter", "Al-Wafa Transport", "vehicle", "Truck 10 t",
      "plate", "5-482913", "driver", "Abdelhakim Ezzedine", "driver_phone", "+218 91 555 0301",
      "expected_date", "2026-04-17", "parcels", "37", "notes", "Fragile: keep buckets on top", NULL);

  mk_test_add_line (waybill, "BLANKET", 120, "grant", "ECHO-2026", "remarks", "bales of 10", NULL);
  mk_test_add_line (waybill, "SOAP", 500, "grant", "BHA-2026", NULL);
  mk_test_add_line (waybill, "TOOTHPASTE", 60, "lot", "TP-2026-07", NULL);
  return waybill;
}

/* Waybill ---------------------------------------------------------------------- */

static void
test_waybill_fields (MkFixture    *fixture,
                     gconstpointer data)
{
  static const char *const expected[] = {
    "WAYBILL", "Waybill number", "15/04/2026", "BEN-MAIN", "Benghazi", "Libya",
    "BEN-FIELD", "ECHO-2026", "BHA-2026", "European", "Bureau", "Transport mode", "Road",
    "Al-Wafa Transport", "Contract number", "Truck 10 t", "5-482913", "Abdelhakim Ezzedine",
    "+218 91 555 0301", "17/04/2026", "Item code", "BLANKET", "Blanket", "TP-2026-07",
    "31/07/2027", "bales", "weight", "volume", "2.00", "240.00", "0.960", "125.00", "6.00", "15.00", "Total units", "690",
    "386.00", "4 × SOAP", "1 × TOOTHPASTE", "Number of parcels", "37", "Fragile: keep buckets on top",
    "Loaded by (dispatcher)", "Transported by (driver)", "Received by", "Condition of goods",
    "Signature", "Stamp", "Good", "Damaged", "Short", "Receiver’s comments",
    "Tripoli", /* the office's name, below */
  };
  g_autoptr (MkDocument) waybill = waybill_draft ();
  g_autoptr (GPtrArray) bill = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_kit_component_free);
  const char    *number;
  MkPrintOptions options = { MK_PAPER_A4, "en", "Tripoli country office", NULL, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint            pages, per_copy;

  /* A kit shows what it holds. */
  g_ptr_array_add (bill, mk_kit_component_new ("SOAP", 4));
  g_ptr_array_add (bill, mk_kit_component_new ("TOOTHPASTE", 1));
  g_assert_true (mk_kit_set_components (fixture->db, "HYG-KIT", bill, &error));
  g_assert_no_error (error);
  mk_test_add_line (waybill, "HYG-KIT", 10, NULL);
  number = mk_test_post (fixture, waybill);
  job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, number, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_print_job_get_title (job), ==, number);
  path = write_job (fixture, job, "waybill.pdf");
  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (text, expected[i]);

  /* Four copies, each marked, each numbered on its own. */
  pages = pdf_pages (path);
  g_assert_cmpuint (pages, ==, mk_print_job_get_n_pages (job));
  g_assert_cmpuint (pages % 4, ==, 0);
  per_copy = pages / 4;
  assert_page_numbers (text, per_copy, 4);
  g_assert_cmpuint (count_of (text, "ORIGINAL"), >=, per_copy);
  g_assert_cmpuint (count_of (text, "TRANSPORTER"), >=, per_copy);
  g_assert_cmpuint (count_of (text, "RECEIVER"), >=, per_copy);
  g_assert_cmpuint (count_of (text, "FILE"), >=, per_copy);
  g_assert_cmpuint (count_of (text, number), >=, 4 * per_copy);
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
  {
    g_autofree char *size = pdf_info (path, "Page size:");

    g_assert_true (g_str_has_prefix (size, "595.276 x 841.89"));
  }
}

static void
test_waybill_arabic (MkFixture    *fixture,
                     gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  const char      *number = mk_test_post (fixture, waybill);
  g_autofree char *path = print_number (fixture, MK_PRINT_WAYBILL, number, "ar", "waybill-ar.pdf");
  g_autofree char *text = pdf_text (path);

  /* The labels are in both languages, the names in Arabic. */
  assert_has (text, number);
  assert_has (text, "Driver");
  assert_has (text, "5-482913");
  assert_has (text, "+218 91 555 0301");
  assert_has (text, "680");
  assert_page_numbers (text, pdf_pages (path) / 4, 4);
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

static void
test_waybill_one_copy_letter (MkFixture    *fixture,
                              gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  const char    *number = mk_test_post (fixture, waybill);
  MkPrintOptions options = { MK_PAPER_LETTER, "en", NULL, NULL, 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, number, &options, &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  g_assert_no_error (error);
  path = write_job (fixture, job, "waybill-letter.pdf");
  text = pdf_text (path);
  size = pdf_info (path, "Page size:");
  g_assert_true (g_str_has_prefix (size, "612 x 792"));
  assert_has (text, "ORIGINAL");
  g_assert_null (strstr (text, "TRANSPORTER"));
  /* The office's own name when none is given. */
  assert_has (text, "Benghazi office");
  assert_page_numbers (text, pdf_pages (path), 1);
  assert_within_margins (path);
}

/* A cancelled waybill is reprinted as it was, marked cancelled. */
static void
test_waybill_cancelled (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  g_autoptr (MkDocument) cancellation = NULL;
  g_autoptr (GError) error = NULL;
  const char      *number = mk_test_post (fixture, waybill);
  g_autofree char *before = print_number (fixture, MK_PRINT_WAYBILL, number, "en", "before.pdf");
  g_autofree char *before_text = pdf_text (before);
  g_autofree char *after = NULL;
  g_autofree char *after_text = NULL;

  g_assert_null (strstr (before_text, "CANCELLED"));
  cancellation = mk_documents_cancel (fixture->db, number, NULL, "Entered twice", &error);
  g_assert_no_error (error);
  after = print_number (fixture, MK_PRINT_WAYBILL, number, "en", "after.pdf");
  after_text = pdf_text (after);
  assert_has (after_text, "CANCELLED");
  assert_has (after_text, "5-482913");
}

/* 300 lines: the table continues over pages, its header repeated. */
static void
test_waybill_300_lines (MkFixture    *fixture,
                        gconstpointer data)
{
  static const char *const items[] = { "HYG-KIT", "BUCKET", "TOOTHPASTE" };
  g_autoptr (MkDocument) waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-04-15",
                                                         "warehouse", "BEN-MAIN", "to_site", "KUF-UC",
                                                         "transporter", "Al-Wafa Transport", NULL);
  const char    *number;
  MkPrintOptions options = { MK_PAPER_A4, "en", NULL, NULL, 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint            pages;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *remarks = g_strdup_printf ("R-%03u", i + 1);

      mk_test_add_line (waybill, items[i % G_N_ELEMENTS (items)], 1, "remarks", remarks, NULL);
    }
  number = mk_test_post (fixture, waybill);
  job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, number, &options, &error);
  g_assert_no_error (error);
  path = write_job (fixture, job, "waybill-300.pdf");
  text = pdf_text (path);
  pages = pdf_pages (path);
  g_assert_cmpuint (pages, >=, 8);
  assert_page_numbers (text, pages, 1);
  /* Every line is there, in the goods and in the reception part. */
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *remarks = g_strdup_printf ("R-%03u", i + 1);

      assert_has (text, remarks);
    }
  /* The column headings on every page of the two tables. */
  g_assert_cmpuint (count_of (text, "Item code"), >=, pages - 2);
  assert_has (text, "300");
  assert_has (text, "Total units");
  assert_within_margins (path);
}

/* An item whose Arabic name has 200 characters wraps inside its cell. */
static void
test_waybill_long_arabic_names (MkFixture    *fixture,
                                gconstpointer data)
{
  static const char *const word = "حقيبة مستلزمات النظافة العائلية ";
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (MkRecord) item = NULL;
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkDocument) waybill = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char      *number;

  while (g_utf8_strlen (name->str, -1) < 200)
    g_string_append (name, word);
  g_string_truncate (name, (gsize) (g_utf8_offset_to_pointer (name->str, 200) - name->str));
  item = mk_fixture_add (fixture, "item", "code", "HK-FAMILY", "name_en",
                         "Family hygiene kit", "name_ar", name->str, "category", "wash", "unit", "kit",
                         "weight_kg", "4.5", NULL);
  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-03-02", "warehouse", "BEN-MAIN", "source",
                              "purchase", NULL);
  mk_test_add_line (grn, "HK-FAMILY", 90, NULL);
  mk_test_post (fixture, grn);
  waybill = mk_test_document_new (MK_DOCUMENT_WAYBILL, "date", "2026-04-15", "warehouse", "BEN-MAIN",
                                  "to_partner", "LRC", NULL);
  for (guint i = 0; i < 12; i++)
    mk_test_add_line (waybill, "HK-FAMILY", 5, NULL);
  number = mk_test_post (fixture, waybill);

  path = print_number (fixture, MK_PRINT_WAYBILL, number, "ar", "waybill-long.pdf");
  text = pdf_text (path);
  assert_has (text, "HK-FAMILY");
  assert_has (text, "270.00");
  assert_page_numbers (text, pdf_pages (path) / 4, 4);
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

/* Refusals --------------------------------------------------------------------- */

static void
test_refusals (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (MkDocument) draft = waybill_draft ();
  g_autoptr (MkDocument) grn = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (mk_documents_save_draft (fixture->db, draft, &error));
  g_assert_no_error (error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, mk_document_get_id (draft));

  /* A draft, by its id or as a document. */
  job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, id, NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_DRAFT);
  g_assert_nonnull (strstr (error->message, id));
  g_assert_nonnull (strstr (error->message, "draft"));
  g_assert_null (job);
  g_clear_error (&error);
  job = mk_print_job_new_for_document (fixture->db, MK_PRINT_WAYBILL, draft, NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_DRAFT);
  g_clear_error (&error);

  /* An unknown number. */
  job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, "BEN-WB-2026-09999", NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "BEN-WB-2026-09999"));
  g_assert_null (job);
  g_clear_error (&error);

  /* Another kind of document. */
  grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-03-05", "warehouse", "BEN-MAIN", "source",
                              "purchase", NULL);
  mk_test_add_line (grn, "SOAP", 10, NULL);
  job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, mk_test_post (fixture, grn), NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "not a Waybill"));
  g_clear_error (&error);
  job = mk_print_job_new (fixture->db, MK_PRINT_STOCK_CARD, "BEN-WB-2026-00001", NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID);
}

static void
test_unwritable_path (MkFixture    *fixture,
                      gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  const char *number = mk_test_post (fixture, waybill);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, number, NULL, &error);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "waybill.pdf", NULL);
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.pdf", NULL);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_false (mk_print_job_write_pdf (job, missing, &error));
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "waybill.pdf"));
  g_clear_error (&error);
  assert_no_file_left (fixture, missing);

  /* A folder under the name. */
  g_assert_false (mk_print_job_write_pdf (job, fixture->dir, &error));
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRITE);
  g_clear_error (&error);

  /* A file that was there is replaced whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (mk_print_job_write_pdf (job, existing, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_no_file_left (fixture, missing);
}

static char *
write_png (MkFixture  *fixture,
           const char *name,
           int         width,
           int         height)
{
  char            *path = g_build_filename (fixture->dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
test_logo (MkFixture    *fixture,
           gconstpointer data)
{
  /* A PNG header that claims 20000 × 20000 pixels. */
  static const guint8 huge_header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                                        'I', 'H', 'D', 'R', 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20,
                                        8, 6, 0, 0, 0 };
  g_autoptr (MkDocument) waybill = waybill_draft ();
  const char      *number = mk_test_post (fixture, waybill);
  g_autofree char *text_file = mk_fixture_write_file (fixture, "logo.txt", "not an image", -1);
  g_autofree char *huge = mk_fixture_write_file (fixture, "huge.png", (const char *) huge_header,
                                                 sizeof huge_header);
  g_autofree char *damaged = NULL;
  g_autofree char *heavy = NULL;
  g_autofree char *good = write_png (fixture, "logo.png", 120, 60);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-logo.png", NULL);
  g_autofree char *bytes = g_malloc0 (MK_PRINT_LOGO_MAX_BYTES + 1);
  const char      *refused[5];
  const char      *expected[] = { "not a PNG image", "pixels", "damaged", "at most", "cannot be read" };

  memcpy (bytes, huge_header, 16);
  /* A real header of 10 × 10 pixels, then garbage. */
  {
    guint8 header[sizeof huge_header];

    memcpy (header, huge_header, sizeof header);
    header[18] = header[22] = 0;
    header[19] = header[23] = 10;
    damaged = mk_fixture_write_file (fixture, "damaged.png", (const char *) header, sizeof header);
    memcpy (bytes, header, sizeof header);
  }
  heavy = mk_fixture_write_file (fixture, "heavy.png", bytes, MK_PRINT_LOGO_MAX_BYTES + 1);
  refused[0] = text_file;
  refused[1] = huge;
  refused[2] = damaged;
  refused[3] = heavy;
  refused[4] = missing;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      MkPrintOptions options = { MK_PAPER_A4, "en", NULL, refused[i], 0 };
      g_autoptr (GError) error = NULL;
      g_autoptr (MkPrintJob) job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, number, &options, &error);
      g_autofree char *base = g_path_get_basename (refused[i]);

      g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_LOGO);
      g_assert_null (job);
      g_assert_nonnull (strstr (error->message, base));
      if (strstr (error->message, expected[i]) == NULL)
        g_error ("“%s” does not say “%s”", error->message, expected[i]);
    }

  {
    MkPrintOptions options = { MK_PAPER_A4, "en", NULL, good, 1 };
    g_autoptr (GError) error = NULL;
    g_autoptr (MkPrintJob) job = mk_print_job_new (fixture->db, MK_PRINT_WAYBILL, number, &options, &error);
    g_autofree char *path = NULL;
    g_autofree char *images = NULL;

    g_assert_no_error (error);
    path = write_job (fixture, job, "logo.pdf");
    {
      const char *const argv[] = { "pdfimages", "-list", path, NULL };

      images = run (argv);
    }
    /* The logo on each page: rows whose type is "image" (its
     * transparency is a row of type "smask" beside it). */
    {
      g_auto (GStrv) rows = g_strsplit (images, "\n", -1);
      guint n_images = 0;

      for (guint i = 2; rows[i] != NULL; i++)
        {
          g_auto (GStrv) columns = g_strsplit_set (g_strstrip (rows[i]), " ", -1);
          guint column = 0;

          /* The third column that is not empty. */
          for (guint c = 0; columns[c] != NULL; c++)
            if (*columns[c] != '\0' && ++column == 3)
              n_images += g_str_equal (columns[c], "image");
        }
      g_assert_cmpuint (n_images, ==, pdf_pages (path));
    }
  }
}

/* Goods received note, reception and loss report ----------------------------------- */

static void
test_grn (MkFixture    *fixture,
          gconstpointer data)
{
  static const char *const expected[] = {
    "GOODS RECEIVED NOTE",
    "GRN number",
    "20/03/2026",
    "Benghazi",
    "Purchase",
    "Al-Nour Trading",
    "PO-2026-0042",
    "Documents complete?",
    "Claim raised?",
    "Yes",
    "No",
    "documented",
    "Good",
    "Damaged",
    "Short",
    "SOAP",
    "Bathing soap",
    "BLANKET",
    "Delivered by",
    "Received by",
    "1,000",
    "980",
    "12",
    "8",
    "50",
    "48",
    "2",
    "1,050",
    "1,028",
    "14",
    "348.00",
    "crushed",
    "Page 1 of 1",
  };
  g_autoptr (MkDocument) grn = mk_test_document_new (MK_DOCUMENT_GRN, "date", "2026-03-20", "warehouse",
                                                     "BEN-MAIN", "source", "purchase", "supplier",
                                                     "Al-Nour Trading", "reference", "PO-2026-0042", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  mk_test_add_line (grn, "SOAP", 980, "damaged", "12", "short", "8", "remarks", "two bars crushed", NULL);
  mk_test_add_line (grn, "BLANKET", 48, "damaged", "2", NULL);
  path = print_number (fixture, MK_PRINT_GRN, mk_test_post (fixture, grn), "en", "grn.pdf");
  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (text, expected[i]);
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

static void
test_reception (MkFixture    *fixture,
                gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  g_autoptr (MkDocument) reception = NULL;
  const char      *waybill_number = mk_test_post (fixture, waybill);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  reception = mk_test_document_new (MK_DOCUMENT_RECEPTION, "date", "2026-04-17", "waybill",
                                    waybill_number, NULL);
  mk_test_add_line (reception, "BLANKET", 118, "damaged", "2", NULL);
  mk_test_add_line (reception, "SOAP", 500, NULL);
  mk_test_add_line (reception, "TOOTHPASTE", 55, "lot", "TP-2026-07", "short", "5", NULL);
  path = print_number (fixture, MK_PRINT_GRN, mk_test_post (fixture, reception), "en", "reception.pdf");
  text = pdf_text (path);
  assert_has (text, waybill_number);
  assert_has (text, "Transfer (waybill)");
  assert_has (text, "BEN-FIELD");
  assert_has (text, "673");
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

static void
test_loss_report (MkFixture    *fixture,
                  gconstpointer data)
{
  static const char *const expected[] = {
    "LOSS REPORT",
    "Report number",
    "22/03/2026",
    "Damaged",
    "Circumstances",
    "Rain came through the roof of bay 3",
    "Discovered by",
    "Approved by",
    "Disposal",
    "SOAP",
    "-40",
    "-3",
    "-43",
    "16.00",
    "Reported by",
    "Verified by (storekeeper)",
  };
  g_autoptr (MkDocument) loss = mk_test_document_new (MK_DOCUMENT_ADJUSTMENT, "date", "2026-03-22",
                                                      "warehouse", "BEN-MAIN", "reason", "damaged", "notes",
                                                      "Rain came through the roof of bay 3", NULL);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  mk_test_add_line (loss, "SOAP", -40, "grant", "BHA-2026", NULL);
  mk_test_add_line (loss, "BLANKET", -3, "grant", "ECHO-2026", NULL);
  path = print_number (fixture, MK_PRINT_LOSS_REPORT, mk_test_post (fixture, loss), "en", "loss.pdf");
  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_has (text, expected[i]);
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

/* Stock card and stock report --------------------------------------------------------- */

static void
test_stock_card (MkFixture    *fixture,
                 gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  g_autoptr (MkDocument) later = mk_test_receive (fixture, "2026-05-02", "BEN-MAIN", "BLANKET", 300, NULL,
                                                  NULL, "ECHO-2026");
  const char *number = mk_test_post (fixture, waybill);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  job = mk_print_job_new_stock_card (fixture->db, "BEN-MAIN", "BLANKET", "2026-04-01", "2026-05-31",
                                     NULL, &error);
  g_assert_no_error (error);
  path = write_job (fixture, job, "card.pdf");
  text = pdf_text (path);
  assert_has (text, "STOCK CARD");
  assert_has (text, "Opening balance");
  assert_has (text, "2,000"); /* opening, from March's GRN */
  assert_has (text, number);  /* out 120 */
  assert_has (text, "1,880");
  assert_has (text, mk_document_get_number (later));
  assert_has (text, "2,180"); /* closing */
  assert_has (text, "01/04/2026");
  assert_has (text, "31/05/2026");
  assert_has (text, "Minimum stock");
  assert_has (text, "100");
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
  g_clear_object (&job);

  job = mk_print_job_new_stock_card (fixture->db, "BEN-MAIN", "NO-SUCH-ITEM", NULL, NULL, NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NO-SUCH-ITEM"));
  g_clear_error (&error);
  job = mk_print_job_new_stock_card (fixture->db, "BEN-MAIN", "BLANKET", "2026-06-01", "2026-05-01", NULL,
                                     &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID);
  g_clear_error (&error);
}

static void
set_unit_value (MkFixture  *fixture,
                const char *code,
                const char *unit_value,
                const char *currency)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) item = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), code, &error);

  g_assert_no_error (error);
  g_assert_true (mk_record_set_text (item, "unit_value", unit_value, &error));
  g_assert_true (mk_record_set_text (item, "currency", currency, &error));
  g_assert_true (mk_master_data_update (fixture->db, item, &error));
  g_assert_no_error (error);
}

static void
test_stock_report (MkFixture    *fixture,
                   gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  mk_test_post (fixture, waybill);
  /* Blankets in dollars, soap bought in dinars: each totalled apart. */
  set_unit_value (fixture, "BLANKET", "8.00", "USD");
  set_unit_value (fixture, "SOAP", "0.475", "LYD");
  job = mk_print_job_new_stock_report (fixture->db, "BEN-MAIN", "2026-04", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mk_print_job_is_landscape (job));
  path = write_job (fixture, job, "report.pdf");
  text = pdf_text (path);
  size = pdf_info (path, "Page size:");
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.276"));
  assert_has (text, "MONTHLY STOCK REPORT");
  assert_has (text, "2026-04");
  assert_has (text, "Prepared by");
  assert_has (text, "Verified by");
  assert_has (text, "Dispatched");
  assert_has (text, "Closing");
  assert_has (text, "BLANKET");
  assert_has (text, "1,880"); /* 2,000 − 120 */
  assert_has (text, "4,500"); /* 5,000 − 500 */
  assert_has (text, "Closing value");
  assert_has (text, "15,040.00 USD"); /* 1,880 × 8.00 */
  assert_has (text, "2,137.500 LYD"); /* 4,500 × 0.475 */
  assert_has (text, "Total value");
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
  g_clear_object (&job);

  job = mk_print_job_new_stock_report (fixture->db, NULL, "2026-13", NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "YYYY-MM"));
  g_clear_error (&error);
  job = mk_print_job_new_stock_report (fixture->db, "NOWHERE", "2026-04", NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_NOT_FOUND);
}

/* Distribution list and tally sheet ------------------------------------------------------- */

/* @n households of 1 to 6 persons at KUF-UC and a distribution to them. */
static MkDocument *
distribution_with_households (MkFixture *fixture,
                              guint      n)
{
  g_autoptr (MkDocument) distribution = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", "2026-04-20", "site", "KUF-UC", "warehouse", "BEN-MAIN",
      "population_group", "idps", "activity", "hygiene_distribution", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("HH-%04u", i + 1);
      g_autofree char *children = g_strdup_printf ("%u", i % 6);
      g_autoptr (MkRecord) household = mk_test_add_household (fixture, code, "KUF-UC", "idps", "2026-01-10",
                                                              "female_18_59", "1", "male_5_11", children,
                                                              NULL);

      mk_test_add_receipt (distribution, code, "HYG-KIT", 1 + i % 6, NULL);
      if (i % 2 == 0)
        mk_test_add_receipt (distribution, code, "BUCKET", 1, NULL);
    }
  return g_steal_pointer (&distribution);
}

static char *
print_distribution (MkFixture  *fixture,
                    MkPrintKind kind,
                    MkDocument *distribution,
                    const char *language,
                    const char *name)
{
  MkPrintOptions options = { MK_PAPER_A4, language, NULL, NULL, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = mk_print_job_new_for_document (fixture->db, kind, distribution, &options, &error);

  g_assert_no_error (error);
  return write_job (fixture, job, name);
}

static void
test_distribution_list_draft (MkFixture    *fixture,
                              gconstpointer data)
{
  g_autoptr (MkDocument) distribution = distribution_with_households (fixture, 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_assert_true (mk_documents_save_draft (fixture->db, distribution, &error));
  g_assert_no_error (error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, mk_document_get_id (distribution));
  /* Named by its id: a draft has no number. */
  job = mk_print_job_new (fixture->db, MK_PRINT_DISTRIBUTION_LIST, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (mk_print_job_get_title (job), id));
  path = write_job (fixture, job, "list-draft.pdf");
  text = pdf_text (path);
  assert_has (text, "DISTRIBUTION LIST");
  assert_has (text, "DRAFT");
  assert_has (text, id);
  assert_has (text, "Kuwaifiya");
  assert_has (text, "Household code");
  assert_has (text, "Signature or thumbprint");
  assert_has (text, "HH-0001");
  assert_has (text, "HH-0003");
  assert_has (text, "HYG-KIT × 3");
  assert_has (text, "Page total");
  assert_has (text, "3 households, 6 persons");
  assert_has (text, "Community leader (witness)");
  assert_has (text, "Distribution lead");
  /* What was received is left to be written in: each planned quantity
   * appears once, as the entitlement. */
  g_assert_cmpuint (count_of (text, "BUCKET × 1"), ==, 2);
  g_assert_cmpuint (pdf_pages (path), ==, 2);
  assert_page_numbers (text, 2, 1);
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

static void
test_distribution_list_posted (MkFixture    *fixture,
                               gconstpointer data)
{
  g_autoptr (MkDocument) distribution = distribution_with_households (fixture, 3);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  mk_test_post (fixture, distribution);
  path = print_distribution (fixture, MK_PRINT_DISTRIBUTION_LIST, distribution, "ar", "list.pdf");
  text = pdf_text (path);
  assert_has (text, mk_document_get_number (distribution));
  g_assert_null (strstr (text, "DRAFT"));
  /* Entitlement and received, per household, then on the page's totals
   * and the last page's. */
  g_assert_cmpuint (count_of (text, "BUCKET × 1"), ==, 4);
  assert_has (text, "HYG-KIT × 6");
  assert_has (text, "BUCKET × 2");
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

static void
test_distribution_list_long (MkFixture    *fixture,
                             gconstpointer data)
{
  g_autoptr (MkDocument) distribution = distribution_with_households (fixture, 70);
  g_autofree char *path = print_distribution (fixture, MK_PRINT_DISTRIBUTION_LIST, distribution, "en",
                                              "list-long.pdf");
  g_autofree char *text = pdf_text (path);
  guint            pages = pdf_pages (path);

  g_assert_cmpuint (pages, >=, 4);
  assert_page_numbers (text, pages, 1);
  /* The header and the page totals on every page of the list, the
   * witnesses on a last page of their own. */
  g_assert_cmpuint (count_of (text, "Signature or thumbprint"), ==, pages - 1);
  g_assert_cmpuint (count_of (text, "Page total"), ==, pages - 1);
  assert_has (text, "HH-0070");
  /* The last page's totals: 70 households of 241 persons. */
  assert_has (text, "Households listed");
  assert_has (text, "241");
  assert_within_margins (path);
}

static void
test_distribution_list_empty (MkFixture    *fixture,
                              gconstpointer data)
{
  g_autoptr (MkDocument) distribution = distribution_with_households (fixture, 0);
  g_autofree char *path = print_distribution (fixture, MK_PRINT_DISTRIBUTION_LIST, distribution, "en",
                                              "list-empty.pdf");
  g_autofree char *text = pdf_text (path);

  g_assert_cmpuint (pdf_pages (path), ==, 2);
  assert_has (text, "0 households, 0 persons");
  assert_has (text, "Households listed");
  assert_has (text, "Community leader (witness)");
  assert_within_margins (path);
}

static void
test_tally_sheet (MkFixture    *fixture,
                  gconstpointer data)
{
  g_autoptr (MkDocument) distribution = distribution_with_households (fixture, 12);
  g_autofree char *path = print_distribution (fixture, MK_PRINT_TALLY_SHEET, distribution, "ar",
                                              "tally.pdf");
  g_autofree char *text = pdf_text (path);

  assert_has (text, "TALLY SHEET");
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *code = g_strdup_printf ("HH-%04u", i);

      assert_has (text, code);
    }
  /* Codes only: neither sizes nor quantities. */
  g_assert_null (strstr (text, "HYG-KIT × "));
  assert_has (text, "12");
  assert_arabic_font_embedded (path);
  assert_within_margins (path);
}

static void
test_counted_distribution_refused (MkFixture    *fixture,
                                   gconstpointer data)
{
  g_autoptr (MkDocument) counted = mk_test_document_new (
      MK_DOCUMENT_DISTRIBUTION, "date", "2026-04-20", "site", "GAN-DC", "warehouse", "BEN-MAIN",
      "population_group", "migrants", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;

  mk_test_set_counts (counted, "female_18_59", "10", "male_18_59", "5", "total", "15", NULL);
  mk_test_add_line (counted, "HYG-KIT", 15, NULL);
  job = mk_print_job_new_for_document (fixture->db, MK_PRINT_DISTRIBUTION_LIST, counted, NULL, &error);
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "household list"));
}

/* The print dialog's path: the same pages drawn onto any cairo context. */
static void
test_cairo_context (MkFixture    *fixture,
                    gconstpointer data)
{
  g_autoptr (MkDocument) distribution = distribution_with_households (fixture, 40);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkPrintJob) job = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           width, height;
  guint            n_pages;

  job = mk_print_job_new_for_document (fixture->db, MK_PRINT_DISTRIBUTION_LIST, distribution, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mk_print_job_get_n_pages (job), ==, 0);
  mk_print_job_get_page_size (job, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  g_assert_true (mk_print_job_paginate (job, cr, width, height, &error));
  g_assert_no_error (error);
  n_pages = mk_print_job_get_n_pages (job);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint page = 0; page < n_pages; page++)
    {
      guint8 *pixels;
      guint   dark = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      mk_print_job_draw_page (job, cr, page);
      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      for (int i = 0; i < cairo_image_surface_get_stride (surface) * (int) height; i += 4)
        dark += pixels[i] < 128;
      g_assert_cmpuint (dark, >, 1000);
    }
  /* The PDF has the same pages. */
  path = write_job (fixture, job, "dialog.pdf");
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);

  /* Too small a paper is refused. */
  g_assert_false (mk_print_job_paginate (job, cr, 100, 100, &error));
  g_assert_error (error, MK_PRINT_ERROR, MK_PRINT_ERROR_INVALID);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The command line ----------------------------------------------------------------- */

static char *
run_cli (MkFixture         *fixture,
         const char *const *args,
         int                expected_status,
         char             **err)
{
  const char *cli = g_getenv ("MAKHZAN_CLI");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int   status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      /* A non-zero exit status is the error's code. */
      g_assert_error (error, G_SPAWN_EXIT_ERROR, expected_status);
    }
  else
    g_assert_cmpint (expected_status, ==, 0);
  return out;
}

static void
test_cli (MkFixture    *fixture,
          gconstpointer data)
{
  g_autoptr (MkDocument) waybill = waybill_draft ();
  const char      *number = mk_test_post (fixture, waybill);
  g_autofree char *out_path = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *card_path = g_build_filename (fixture->dir, "cli-card.pdf", NULL);
  g_autofree char *logo = mk_fixture_write_file (fixture, "logo.jpg", "\xff\xd8\xff\xe0 JFIF", -1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  /* The database is closed: the CLI opens its own. */
  {
    const char *const args[] = { "print", "waybill", number, "--out", out_path, "--paper", "letter",
                                 "--lang", "ar", NULL };

    g_clear_object (&fixture->db);
    out = run_cli (fixture, args, 0, &err);
    assert_has (out, "cli.pdf");
    g_assert_cmpuint (pdf_pages (out_path), >=, 4);
    text = pdf_text (out_path);
    assert_has (text, number);
  }
  {
    const char *const args[] = { "print", "stock-card", "--warehouse", "BEN-MAIN", "--item", "SOAP",
                                 "--from", "2026-01-01", "--out", card_path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = run_cli (fixture, args, 0, &err);
    g_assert_true (g_file_test (card_path, G_FILE_TEST_IS_REGULAR));
  }
  {
    const char *const args[] = { "print", "waybill", number, "--out", out_path, "--logo", logo, NULL };

    g_remove (out_path);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = run_cli (fixture, args, 1, &err);
    assert_has (err, "not a PNG image");
    assert_no_file_left (fixture, out_path);
  }
  {
    const char *const args[] = { "print", "receipt", number, "--out", out_path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = run_cli (fixture, args, 2, &err);
    assert_has (err, "distribution-list");
  }
  {
    const char *const args[] = { "print", "waybill", number, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = run_cli (fixture, args, 2, &err);
    assert_has (err, "--out");
  }
  fixture->db = mk_database_open (fixture->path, NULL);
  g_assert_nonnull (fixture->db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, print_set_up, func, mk_ledger_fixture_tear_down)

  ADD ("/print/waybill/fields", test_waybill_fields);
  ADD ("/print/waybill/arabic", test_waybill_arabic);
  ADD ("/print/waybill/one-copy-letter", test_waybill_one_copy_letter);
  ADD ("/print/waybill/cancelled", test_waybill_cancelled);
  ADD ("/print/waybill/300-lines", test_waybill_300_lines);
  ADD ("/print/waybill/long-arabic-names", test_waybill_long_arabic_names);
  ADD ("/print/refusals", test_refusals);
  ADD ("/print/unwritable-path", test_unwritable_path);
  ADD ("/print/logo", test_logo);
  ADD ("/print/grn", test_grn);
  ADD ("/print/grn/reception", test_reception);
  ADD ("/print/loss-report", test_loss_report);
  ADD ("/print/stock-card", test_stock_card);
  ADD ("/print/stock-report", test_stock_report);
  ADD ("/print/distribution-list/draft", test_distribution_list_draft);
  ADD ("/print/distribution-list/posted", test_distribution_list_posted);
  ADD ("/print/distribution-list/long", test_distribution_list_long);
  ADD ("/print/distribution-list/empty", test_distribution_list_empty);
  ADD ("/print/distribution-list/counted-refused", test_counted_distribution_refused);
  ADD ("/print/tally-sheet", test_tally_sheet);
  ADD ("/print/cairo-context", test_cairo_context);
  ADD ("/print/cli", test_cli);

  return g_test_run ();
}
