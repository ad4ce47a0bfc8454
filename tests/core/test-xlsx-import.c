/* test-xlsx-import.c: imports from workbooks written by libxlsxwriter and
 * by LibreOffice (its XML written by hand), CSV as spreadsheets save it,
 * previews, column mappings, and the bad files of the issue: each refused
 * with a clear message and the database left as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "mk-test-ledger.h"

/* Workbooks by hand ------------------------------------------------------------- */

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define MAIN_NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static const char content_types[] = XML_HEAD
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

static const char root_rels[] = XML_HEAD
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

/* What LibreOffice Calc writes: a default namespace, the sheet as rId2,
 * sheets named by the person. */
static const char calc_workbook[] = XML_HEAD
    "<workbook " MAIN_NS " " REL_NS "><fileVersion appName=\"Calc\"/>"
    "<workbookPr backupFile=\"false\" showObjects=\"all\" date1904=\"false\"/>"
    "<sheets><sheet name=\"Notes\" sheetId=\"1\" state=\"visible\" r:id=\"rId3\"/>"
    "<sheet name=\"قائمة الأسر\" sheetId=\"2\" state=\"visible\" r:id=\"rId2\"/></sheets></workbook>";

static const char calc_workbook_rels[] = XML_HEAD
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";

/* Cell format 0 is General, 1 a custom DD/MM/YYYY date, 2 the built-in
 * date 14, 3 a time (not a date). The cell style formats before cellXfs
 * must not count. */
static const char calc_styles[] = XML_HEAD
    "<styleSheet " MAIN_NS "><numFmts count=\"2\">"
    "<numFmt numFmtId=\"164\" formatCode=\"DD/MM/YYYY\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[$-F400]h:mm:ss\\ AM/PM\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"164\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"true\"/>"
    "<xf numFmtId=\"14\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";

/* Shared strings with a rich-text run and a phonetic reading that is not
 * part of the text. */
static const char calc_strings[] = XML_HEAD
    "<sst " MAIN_NS " count=\"6\" uniqueCount=\"6\">"
    "<si><t>Household code</t></si>"
    "<si><t xml:space=\"preserve\">Population group</t></si>"
    "<si><r><rPr><b/></rPr><t>mig</t></r><r><t>rants</t></r><rPh sb=\"0\" eb=\"1\"><t>X</t></rPh></si>"
    "<si><t>Household size</t></si>"
    "<si><t>registered_on</t></si>"
    "<si><t>Members</t></si></sst>";

static const char calc_notes_sheet[] = XML_HEAD
    "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Read me</t></is></c></row>"
    "</sheetData></worksheet>";

/* A title merged over the columns, the header, members under a merged
 * "Members" heading in the row above… no: the members' headers are in the
 * header row, the heading above is a title row of its own. Dates as a
 * number with a custom format, with a built-in format, and as text. */
static const char calc_households_sheet[] = XML_HEAD
    "<worksheet " MAIN_NS " " REL_NS "><dimension ref=\"A1:H1048576\"/><sheetData>"
    "<row r=\"1\" spans=\"1:8\"><c r=\"A1\" t=\"inlineStr\"><is><t>قائمة الأسر — بنغازي</t></is></c>"
    "<c r=\"B1\"/><c r=\"C1\"/></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>3</v></c>"
    "<c r=\"D2\" t=\"inlineStr\"><is><t>female_18_59</t></is></c><c r=\"E2\" t=\"inlineStr\"><is><t>male_18_59</t></is></c>"
    "<c r=\"F2\" t=\"inlineStr\"><is><t>vulnerabilities</t></is></c><c r=\"G2\" t=\"s\"><v>4</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>BEN-0001</t></is></c><c r=\"B3\" t=\"s\"><v>2</v></c>"
    "<c r=\"C3\" t=\"n\"><v>3</v></c><c r=\"D3\"><v>1</v></c><c r=\"E3\"><v>2</v></c>"
    "<c r=\"F3\" t=\"inlineStr\"><is><t>أرملة، طفلان</t></is></c><c r=\"G3\" s=\"1\"><v>46096</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>\"BEN-\"&amp;\"0002\"</f><v>BEN-0002</v></c><c r=\"B4\" t=\"s\"><v>2</v></c>"
    "<c r=\"C4\"><v>2</v></c><c r=\"D4\"><v>1</v></c><c r=\"E4\"><v>1</v></c>"
    "<c r=\"G4\" s=\"2\"><v>46023.75</v></c></row>"
    "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>BEN-0003</t></is></c><c r=\"B5\" t=\"inlineStr\"><is><t>migrants</t></is></c>"
    "<c r=\"C5\"><v>1</v></c><c r=\"D5\"><v>1</v></c>"
    "<c r=\"G5\" t=\"inlineStr\"><is><t>31/12/2026</t></is></c></row>"
    "<row r=\"6\" spans=\"1:8\"><c r=\"A6\" s=\"0\"/><c r=\"B6\" t=\"inlineStr\"><is><t>  </t></is></c></row>"
    "<row r=\"7\"/><row r=\"1048576\"><c r=\"H1048576\" s=\"3\"/></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:G1\"/></mergeCells></worksheet>";

typedef struct
{
  const char *name;
  const char *data;
  gsize       length; /* 0: strlen */
} Part;

static char *
write_zip (MkFixture  *fixture,
           const char *file_name,
           const Part *parts,
           guint       n_parts)
{
  char   *path = g_build_filename (fixture->dir, file_name, NULL);
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);

  g_assert_nonnull (zip);
  for (guint i = 0; i < n_parts; i++)
    {
      gsize length = parts[i].length ? parts[i].length : strlen (parts[i].data);

      g_assert_cmpint (zipOpenNewFileInZip64 (zip, parts[i].name, NULL, NULL, 0, NULL, 0, NULL,
                                              Z_DEFLATED, 6, length > 0xffffffffu),
                       ==, ZIP_OK);
      for (gsize done = 0; done < length;)
        {
          guint chunk = (guint) MIN (length - done, 1u << 30);
          g_assert_cmpint (zipWriteInFileInZip (zip, parts[i].data + done, chunk), ==, ZIP_OK);
          done += chunk;
        }
      g_assert_cmpint (zipCloseFileInZip (zip), ==, ZIP_OK);
    }
  g_assert_cmpint (zipClose (zip, NULL), ==, ZIP_OK);
  return path;
}

/* A one-sheet workbook around @sheet_xml; @strings may be NULL. */
static char *
write_workbook (MkFixture  *fixture,
                const char *file_name,
                const char *sheet_xml,
                gsize       sheet_length,
                const char *strings)
{
  const char workbook[] = XML_HEAD "<workbook " MAIN_NS " " REL_NS "><sheets>"
                                   "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const char rels[] = XML_HEAD
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  Part parts[] = {
    { "[Content_Types].xml", content_types, 0 },
    { "_rels/.rels", root_rels, 0 },
    { "xl/workbook.xml", workbook, 0 },
    { "xl/_rels/workbook.xml.rels", rels, 0 },
    { "xl/worksheets/sheet1.xml", sheet_xml, sheet_length },
    { "xl/sharedStrings.xml", strings, 0 },
  };

  return write_zip (fixture, file_name, parts, strings ? 6 : 5);
}

static char *
write_calc_households (MkFixture *fixture)
{
  const Part parts[] = {
    { "[Content_Types].xml", content_types, 0 },
    { "_rels/.rels", root_rels, 0 },
    { "xl/workbook.xml", calc_workbook, 0 },
    { "xl/_rels/workbook.xml.rels", calc_workbook_rels, 0 },
    { "xl/styles.xml", calc_styles, 0 },
    { "xl/sharedStrings.xml", calc_strings, 0 },
    { "xl/worksheets/sheet1.xml", calc_notes_sheet, 0 },
    { "xl/worksheets/sheet2.xml", calc_households_sheet, 0 },
  };

  return write_zip (fixture, "households.xlsx", parts, G_N_ELEMENTS (parts));
}

/* Reading --------------------------------------------------------------------------- */

static void
test_serial_dates (void)
{
  char date[11];

  g_assert_true (mk_xlsx_serial_to_date (46096, FALSE, date));
  g_assert_cmpstr (date, ==, "2026-03-15");
  g_assert_true (mk_xlsx_serial_to_date (46096.99, FALSE, date));
  g_assert_cmpstr (date, ==, "2026-03-15");
  g_assert_true (mk_xlsx_serial_to_date (44634, TRUE, date));
  g_assert_cmpstr (date, ==, "2026-03-15");
  g_assert_true (mk_xlsx_serial_to_date (1, FALSE, date));
  g_assert_cmpstr (date, ==, "1900-01-01");
  g_assert_true (mk_xlsx_serial_to_date (61, FALSE, date));
  g_assert_cmpstr (date, ==, "1900-03-01");
  g_assert_false (mk_xlsx_serial_to_date (60, FALSE, date)); /* 29 February 1900 never was */
  g_assert_false (mk_xlsx_serial_to_date (0, FALSE, date));
  g_assert_false (mk_xlsx_serial_to_date (-5, FALSE, date));
  g_assert_false (mk_xlsx_serial_to_date (1e9, FALSE, date));
}

static void
test_calc_reader (MkFixture    *fixture,
                  gconstpointer data)
{
  g_autofree char *path = write_calc_households (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkXlsxReader) reader = NULL;
  const char *const *fields;
  const char *const *names;
  guint              n_fields;
  gboolean           at_end;

  /* The first sheet by default… */
  reader = mk_xlsx_reader_new (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_xlsx_reader_get_sheet_name (reader), ==, "Notes");
  names = mk_xlsx_reader_get_sheet_names (reader);
  g_assert_cmpstr (names[0], ==, "Notes");
  g_assert_cmpstr (names[1], ==, "قائمة الأسر");
  g_assert_null (names[2]);
  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpstr (fields[0], ==, "Read me");
  g_assert_false (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_no_error (error);
  g_assert_true (at_end);
  g_clear_pointer (&reader, mk_xlsx_reader_free);

  /* …or one by name. */
  reader = mk_xlsx_reader_new (path, "قائمة الأسر", &error);
  g_assert_no_error (error);

  /* The merged title fills the columns it spans. */
  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpuint (mk_xlsx_reader_get_row (reader), ==, 1);
  g_assert_cmpuint (n_fields, ==, 7);
  g_assert_cmpstr (fields[0], ==, "قائمة الأسر — بنغازي");
  g_assert_cmpstr (fields[6], ==, "قائمة الأسر — بنغازي");
  g_assert_false (mk_xlsx_reader_is_merged_copy (reader, 0));
  g_assert_true (mk_xlsx_reader_is_merged_copy (reader, 6));

  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpstr (fields[1], ==, "Population group");
  g_assert_cmpstr (fields[6], ==, "registered_on");

  /* Shared strings with runs, numbers, a custom date format. */
  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpuint (mk_xlsx_reader_get_row (reader), ==, 3);
  g_assert_cmpstr (fields[0], ==, "BEN-0001");
  g_assert_cmpstr (fields[1], ==, "migrants");
  g_assert_cmpstr (fields[2], ==, "3");
  g_assert_cmpstr (fields[5], ==, "أرملة، طفلان");
  g_assert_cmpstr (fields[6], ==, "2026-03-15");

  /* A formula's cached text, an empty cell, a built-in date with a time. */
  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpstr (fields[0], ==, "BEN-0002");
  g_assert_cmpstr (fields[5], ==, "");
  g_assert_cmpstr (fields[6], ==, "2026-01-01");

  /* A date typed as text stays text. */
  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpstr (fields[6], ==, "31/12/2026");

  /* A row of blanks and spaces comes back (the import skips it); the empty
   * rows down to row 1,048,576 do not. */
  g_assert_true (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_cmpuint (mk_xlsx_reader_get_row (reader), ==, 6);
  g_assert_false (mk_xlsx_reader_next (reader, &fields, &n_fields, &at_end, &error));
  g_assert_no_error (error);
  g_assert_true (at_end);
}

static void
test_calc_households (MkFixture    *fixture,
                      gconstpointer data)
{
  g_autofree char *path = write_calc_households (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) first = NULL;
  g_autoptr (MkRecord) second = NULL;
  g_autoptr (MkRecord) third = NULL;
  g_autoptr (GPtrArray) all = NULL;
  MkImportOptions options = { "قائمة الأسر", NULL, FALSE };
  guint           n_rows = 0;

  mk_import_file (fixture->db, "households", path, &options, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 3);

  first = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "BEN-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_record_get_int (first, "size"), ==, 3);
  g_assert_cmpint (mk_record_get_int (first, "male_18_59"), ==, 2);
  g_assert_cmpstr (mk_record_get_string (first, "vulnerabilities"), ==, "أرملة، طفلان");
  g_assert_cmpstr (mk_record_get_string (first, "registered_on"), ==, "2026-03-15");
  second = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "BEN-0002", &error);
  g_assert_cmpstr (mk_record_get_string (second, "registered_on"), ==, "2026-01-01");
  third = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "BEN-0003", &error);
  g_assert_cmpstr (mk_record_get_string (third, "registered_on"), ==, "2026-12-31");

  /* The same workbook again updates: nothing twice. */
  mk_import_file (fixture->db, "households", path, &options, &n_rows, NULL, &error);
  g_assert_no_error (error);
  all = mk_master_data_list (fixture->db, mk_kind_lookup ("household"), NULL, &error);
  g_assert_cmpuint (all->len, ==, 3);
}

/* libxlsxwriter ---------------------------------------------------------------------- */

static void
test_xlsxwriter_items (MkFixture    *fixture,
                       gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "catalogue.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) tent = NULL;
  g_autoptr (MkRecord) grant = NULL;
  lxw_workbook   *workbook = workbook_new (path);
  lxw_worksheet  *cover = workbook_add_worksheet (workbook, "Cover");
  lxw_worksheet  *items = workbook_add_worksheet (workbook, "Items");
  lxw_worksheet  *grants = workbook_add_worksheet (workbook, "Grants");
  lxw_format     *date_format = workbook_add_format (workbook);
  lxw_format     *merged = workbook_add_format (workbook);
  lxw_datetime    start = { 2026, 3, 1, 0, 0, 0 };
  lxw_datetime    end = { 2026, 12, 31, 0, 0, 0 };
  MkImportOptions options = { "Items", NULL, FALSE };
  guint           n_rows = 0;

  format_set_num_format (date_format, "dd/mm/yyyy");
  format_set_bold (merged);
  worksheet_write_string (cover, 0, 0, "Catalogue", NULL);

  /* A merged title, the header with labels, Arabic names, booleans, a
   * number with a fraction, and styled blank cells far below. */
  worksheet_merge_range (items, 0, 0, 0, 6, "كتالوج المواد — Catalogue", merged);
  worksheet_write_string (items, 1, 0, "Code", NULL);
  worksheet_write_string (items, 1, 1, "Name (English)", NULL);
  worksheet_write_string (items, 1, 2, "name_ar", NULL);
  worksheet_write_string (items, 1, 3, "category", NULL);
  worksheet_write_string (items, 1, 4, "unit", NULL);
  worksheet_write_string (items, 1, 5, "weight_kg", NULL);
  worksheet_write_string (items, 1, 6, "tracks_lots", NULL);
  worksheet_write_string (items, 2, 0, "TENT-FAM", NULL);
  worksheet_write_string (items, 2, 1, "Family tent", NULL);
  worksheet_write_string (items, 2, 2, "خيمة عائلية", NULL);
  worksheet_write_string (items, 2, 3, "shelter", NULL);
  worksheet_write_string (items, 2, 4, "piece", NULL);
  worksheet_write_number (items, 2, 5, 42.5, NULL);
  worksheet_write_boolean (items, 2, 6, 0, NULL);
  worksheet_write_string (items, 3, 0, "ORS", NULL);
  worksheet_write_string (items, 3, 1, "Oral rehydration salts", NULL);
  worksheet_write_string (items, 3, 3, "health", NULL);
  worksheet_write_string (items, 3, 4, "pack", NULL);
  worksheet_write_number (items, 3, 5, 0.028, NULL);
  worksheet_write_boolean (items, 3, 6, 1, NULL);
  worksheet_write_blank (items, 500, 0, date_format);
  worksheet_write_blank (items, 100000, 3, date_format);

  worksheet_write_string (grants, 0, 0, "code", NULL);
  worksheet_write_string (grants, 0, 1, "donor", NULL);
  worksheet_write_string (grants, 0, 2, "name_en", NULL);
  worksheet_write_string (grants, 0, 3, "start_date", NULL);
  worksheet_write_string (grants, 0, 4, "end_date", NULL);
  worksheet_write_string (grants, 0, 5, "sector", NULL);
  worksheet_write_string (grants, 1, 5, "WSH", NULL);
  worksheet_write_string (grants, 1, 0, "ECHO-2027", NULL);
  worksheet_write_string (grants, 1, 1, "ECHO", NULL);
  worksheet_write_string (grants, 1, 2, "ECHO 2027", NULL);
  worksheet_write_datetime (grants, 1, 3, &start, date_format);
  worksheet_write_datetime (grants, 1, 4, &end, date_format);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  mk_import_file (fixture->db, "items", path, &options, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  tent = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "TENT-FAM", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (tent, "name_ar"), ==, "خيمة عائلية");
  g_assert_cmpint (mk_record_get_int (tent, "weight_kg"), ==, 42500);
  g_assert_false (mk_record_get_bool (tent, "tracks_lots"));

  options.sheet = "Grants";
  mk_import_file (fixture->db, "grants", path, &options, &n_rows, NULL, &error);
  g_assert_no_error (error);
  grant = mk_master_data_get (fixture->db, mk_kind_lookup ("grant"), "ECHO-2027", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (grant, "start_date"), ==, "2026-03-01");
  g_assert_cmpstr (mk_record_get_string (grant, "end_date"), ==, "2026-12-31");

  /* A sheet that is not there is named with those that are. */
  options.sheet = "Stock";
  g_assert_false (mk_import_file (fixture->db, "items", path, &options, NULL, NULL, &error));
  g_assert_error (error, MK_XLSX_ERROR, MK_XLSX_ERROR_NO_SHEET);
  mk_test_assert_mentions (error, "Stock", "Items", "Grants", NULL);
}

/* Previews and mappings ---------------------------------------------------------------- */

static void
test_preview_lists_every_problem (MkFixture    *fixture,
                                  gconstpointer data)
{
  /* Members that do not add up, a date that does not exist, an unknown
   * population group, a good row: all in one preview. */
  const char      *csv = "code,population_group,size,female_18_59,male_18_59,registered_on\r\n"
                         "H-1,migrants,3,1,1,2026-03-01\r\n"
                         "H-2,migrants,2,1,1,2026-02-30\r\n"
                         "H-3,martians,1,1,0,2026-03-01\r\n"
                         "H-4,migrants,2,1,1,2026-03-01\r\n";
  g_autofree char *path = mk_fixture_write_file (fixture, "households.csv", csv, -1);
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  MkImportOptions        options = { NULL, NULL, TRUE };
  const MkImportProblem *problem;

  g_assert_false (mk_import_file (fixture->db, "households", path, &options, NULL, &problems, &error));
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE);
  mk_test_assert_mentions (error, "line 2", "2 more problems", NULL);
  g_assert_cmpuint (problems->len, ==, 3);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_cmpstr (problem->header, ==, "size");
  mk_test_assert_mentions (&(GError){ 0, 0, problem->message }, "households.csv", "line 2", "column 3", NULL);
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->column, ==, 6);
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_cmpuint (problem->column, ==, 2);
  mk_fixture_assert_unchanged (fixture, before);

  /* A preview of a good file writes nothing either. */
  {
    const char      *good = "code,population_group,size,female_18_59,registered_on\nH-9,migrants,1,1,2026-03-01\n";
    g_autofree char *good_path = mk_fixture_write_file (fixture, "good.csv", good, -1);
    guint            n_rows = 0;

    g_clear_error (&error);
    g_clear_pointer (&problems, g_ptr_array_unref);
    g_assert_true (mk_import_file (fixture->db, "households", good_path, &options, &n_rows, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_rows, ==, 1);
    g_assert_cmpuint (problems->len, ==, 0);
    mk_fixture_assert_unchanged (fixture, before);
  }
}

static void
test_mapping (MkFixture    *fixture,
              gconstpointer data)
{
  const char      *mapping_text = "# KoboToolbox export\n"
                                  "code = Ration card\n"
                                  "population_group=Group\r\n"
                                  "size=HH size\n"
                                  "female_18_59=Women\n"
                                  "registered_on=Date\n";
  const char      *csv = "\xEF\xBB\xBF"
                         "Ration card;Group;HH size;Women;Date\r\n"
                         "RC-77;migrants;1;1;01/03/2026\r\n";
  g_autofree char *mapping_path = mk_fixture_write_file (fixture, "map.txt", mapping_text, -1);
  g_autofree char *path = mk_fixture_write_file (fixture, "kobo.csv", csv, -1);
  g_autofree char *bad_mapping_path = mk_fixture_write_file (fixture, "bad-map.txt", "colour=Colour\n", -1);
  g_autofree char *before = NULL;
  g_autoptr (GHashTable) mapping = NULL;
  g_autoptr (GHashTable) bad_mapping = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) household = NULL;
  MkImportOptions options = { NULL, NULL, FALSE };

  mapping = mk_import_load_mapping (mapping_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (mapping, "size"), ==, "HH size");
  options.mapping = mapping;
  mk_import_file (fixture->db, "households", path, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  household = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "RC-77", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (household, "registered_on"), ==, "2026-03-01");

  /* A mapping naming a field the kind does not have is refused. */
  before = mk_fixture_dump (fixture);
  bad_mapping = mk_import_load_mapping (bad_mapping_path, &error);
  g_assert_no_error (error);
  options.mapping = bad_mapping;
  g_assert_false (mk_import_file (fixture->db, "households", path, &options, NULL, NULL, &error));
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MAPPING);
  mk_test_assert_mentions (error, "colour", NULL);
  mk_fixture_assert_unchanged (fixture, before);
  g_clear_error (&error);

  /* A line without "=" is named. */
  {
    g_autofree char *broken = mk_fixture_write_file (fixture, "broken.txt", "code=Code\nsize\n", -1);
    g_assert_null (mk_import_load_mapping (broken, &error));
    g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_MAPPING);
    mk_test_assert_mentions (error, "broken.txt", "line 2", NULL);
  }
}

/* Bad files --------------------------------------------------------------------------------- */

/* Asserts that importing @path into households fails with @domain/@code
 * naming @mention, and leaves the database as it was. */
static void
assert_refused (MkFixture  *fixture,
                const char *path,
                GQuark      domain,
                gint        code,
                const char *mention)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;
  guint n_rows = 777;

  g_assert_false (mk_import_file (fixture->db, "households", path, NULL, &n_rows, NULL, &error));
  g_assert_error (error, domain, code);
  mk_test_assert_mentions (error, mention, NULL);
  g_assert_cmpuint (n_rows, ==, 777);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_renamed_files (MkFixture    *fixture,
                    gconstpointer data)
{
  g_autofree char *csv_as_xlsx = mk_fixture_write_file (fixture, "list.xlsx", "code,size\nH,1\n", -1);
  const Part       other_zip[] = { { "photos/one.jpg", "JFIF", 0 } };
  const Part       ods[] = { { "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0 },
                             { "content.xml", XML_HEAD "<office:document-content/>", 0 } };
  g_autofree char *zip_path = write_zip (fixture, "photos.xlsx", other_zip, 1);
  g_autofree char *ods_path = write_zip (fixture, "list.ods.xlsx", ods, 2);
  /* A zip named .csv is read as a workbook all the same. */
  g_autofree char *zip_as_csv = write_zip (fixture, "photos.csv", other_zip, 1);

  assert_refused (fixture, csv_as_xlsx, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK, "not a zip archive");
  assert_refused (fixture, zip_path, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK, "not an Excel workbook");
  assert_refused (fixture, ods_path, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK, "OpenDocument");
  assert_refused (fixture, zip_as_csv, MK_XLSX_ERROR, MK_XLSX_ERROR_NOT_WORKBOOK, "not an Excel workbook");
}

static void
test_zip_bomb (MkFixture    *fixture,
               gconstpointer data)
{
  /* 64 MB of spaces inside a cell: a few dozen KB packed. */
  gsize            size = 64 * 1024 * 1024;
  g_autofree char *sheet = g_malloc (size);
  const char       head[] = XML_HEAD "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>";
  const char       tail[] = "</t></is></c></row></sheetData></worksheet>";
  g_autofree char *path = NULL;

  memset (sheet, ' ', size);
  memcpy (sheet, head, strlen (head));
  memcpy (sheet + size - strlen (tail), tail, strlen (tail));
  path = write_workbook (fixture, "bomb.xlsx", sheet, size, NULL);
  assert_refused (fixture, path, MK_XLSX_ERROR, MK_XLSX_ERROR_TOO_LARGE, "zip bomb");
}

static void
test_entity_expansion (MkFixture    *fixture,
                       gconstpointer data)
{
  /* The "billion laughs": a document type declaring entities that expand
   * into each other. GMarkup never expands them; the reader refuses the
   * declaration itself. */
  const char       sheet[] = "<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE worksheet [<!ENTITY lol \"lol\">"
                             "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                             "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                             "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>code</t></is></c></row>"
                             "<row r=\"2\"><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
  const char       strings[] = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                               "<sst " MAIN_NS "><si><t>&x;</t></si></sst>";
  const char       undeclared[] = XML_HEAD "<worksheet " MAIN_NS "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is>"
                                           "<t>&lol3;</t></is></c></row></sheetData></worksheet>";
  g_autofree char *path = write_workbook (fixture, "laughs.xlsx", sheet, 0, NULL);
  g_autofree char *external = write_workbook (fixture, "external.xlsx", undeclared, 0, strings);
  g_autofree char *plain = write_workbook (fixture, "undeclared.xlsx", undeclared, 0, NULL);

  assert_refused (fixture, path, MK_XLSX_ERROR, MK_XLSX_ERROR_SYNTAX, "document type");
  assert_refused (fixture, external, MK_XLSX_ERROR, MK_XLSX_ERROR_SYNTAX, "document type");
  /* An entity used without a declaration is an error, never expanded. */
  assert_refused (fixture, plain, MK_XLSX_ERROR, MK_XLSX_ERROR_SYNTAX, "lol3");
}

static void
test_million_empty_rows (MkFixture    *fixture,
                         gconstpointer data)
{
  g_autoptr (GString) sheet = g_string_new (XML_HEAD "<worksheet " MAIN_NS "><sheetData>");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  guint n_rows = 0;

  g_string_append (sheet,
                   "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c>"
                   "<c r=\"B1\" t=\"inlineStr\"><is><t>population_group</t></is></c>"
                   "<c r=\"C1\" t=\"inlineStr\"><is><t>size</t></is></c>"
                   "<c r=\"D1\" t=\"inlineStr\"><is><t>female_18_59</t></is></c>"
                   "<c r=\"E1\" t=\"inlineStr\"><is><t>registered_on</t></is></c></row>"
                   "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H-1</t></is></c>"
                   "<c r=\"B2\" t=\"inlineStr\"><is><t>migrants</t></is></c><c r=\"C2\"><v>1</v></c>"
                   "<c r=\"D2\"><v>1</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>2026-03-01</t></is></c></row>");
  for (guint row = 3; row <= 1000002; row++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"A%u\" s=\"0\"/></row>", row, row);
  g_string_append (sheet, "</sheetData></worksheet>");
  path = write_workbook (fixture, "long.xlsx", sheet->str, sheet->len, NULL);

  mk_import_file (fixture->db, "households", path, NULL, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);
}

static void
test_csv_encodings (MkFixture    *fixture,
                    gconstpointer data)
{
  /* Windows-1256 Arabic ("migrants" stays ASCII, the vulnerability is
   * أرملة in code page 1256). */
  const char       cp1256[] = "code,population_group,size,female_18_59,vulnerabilities,registered_on\r\n"
                              "H-1,migrants,1,1,\xC3\xD1\xE3\xE1\xC9 \xE6\xC3\xD8\xE3\xC7\xE1,2026-03-01\r\n";
  const char       utf8_semicolons[] = "\xEF\xBB\xBF"
                                       "code;population_group;size;female_18_59;vulnerabilities;registered_on\r\n"
                                       "H-2;migrants;1;1;\"أرملة; وحيدة\";01/03/2026\r\n"
                                       ";;;;;\r\n\r\n";
  g_autofree char *windows_path = mk_fixture_write_file (fixture, "cp1256.csv", cp1256, -1);
  g_autofree char *utf8_path = mk_fixture_write_file (fixture, "utf8.csv", utf8_semicolons, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (MkRecord) household = NULL;

  assert_refused (fixture, windows_path, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING, "Windows-1256");
  mk_import_file (fixture->db, "households", utf8_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  household = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "H-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_record_get_string (household, "vulnerabilities"), ==, "أرملة; وحيدة");
}

static void
test_members_do_not_add_up (MkFixture    *fixture,
                            gconstpointer data)
{
  const char       sheet[] = XML_HEAD "<worksheet " MAIN_NS "><sheetData>"
                                      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c>"
                                      "<c r=\"B1\" t=\"inlineStr\"><is><t>population_group</t></is></c>"
                                      "<c r=\"C1\" t=\"inlineStr\"><is><t>size</t></is></c>"
                                      "<c r=\"D1\" t=\"inlineStr\"><is><t>female_18_59</t></is></c>"
                                      "<c r=\"E1\" t=\"inlineStr\"><is><t>registered_on</t></is></c></row>"
                                      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H-1</t></is></c>"
                                      "<c r=\"B2\" t=\"inlineStr\"><is><t>migrants</t></is></c><c r=\"C2\"><v>4</v></c>"
                                      "<c r=\"D2\"><v>1</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>2026-03-01</t></is></c></row>"
                                      "</sheetData></worksheet>";
  g_autofree char *path = write_workbook (fixture, "members.xlsx", sheet, 0, NULL);

  assert_refused (fixture, path, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE, "row 2, column C");
}

/* Opening stock ------------------------------------------------------------------------ */

static void
test_opening_stock (MkFixture    *fixture,
                    gconstpointer data)
{
  const char      *csv = "Date;Warehouse;Item;Quantity;Lot;Expiry;Grant\r\n"
                         "01/01/2026;BEN-MAIN;SOAP;500;;;ECHO-2026\r\n"
                         "01/01/2026;BEN-MAIN;TOOTHPASTE;120;TP-77;31/12/2027;\r\n"
                         "01/01/2026;BEN-FIELD;BLANKET;40;;;\r\n"
                         "01/01/2026;ben-main;BLANKET;10;;;\r\n";
  g_autofree char *path = mk_fixture_write_file (fixture, "opening.csv", csv, -1);
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) receipts = NULL;
  guint n_rows = 0;

  mk_import_file (fixture->db, "opening-stock", path, NULL, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "SOAP", NULL, "ECHO-2026", NULL), ==, 500);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "TOOTHPASTE", "TP-77", NULL, NULL), ==, 120);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-MAIN", "BLANKET", NULL, NULL, NULL), ==, 10);
  g_assert_cmpint (mk_test_balance (fixture, "BEN-FIELD", "BLANKET", NULL, NULL, NULL), ==, 40);

  /* One goods received note of source "opening" per warehouse. */
  receipts = mk_documents_list (fixture->db, MK_DOCUMENT_GRN, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  for (guint i = 0; i < receipts->len; i++)
    g_assert_cmpstr (((MkDocumentSummary *) g_ptr_array_index (receipts, i))->counterpart, ==, "opening");

  /* The same file again counts nothing twice. */
  before = mk_fixture_dump (fixture);
  g_assert_false (mk_import_file (fixture->db, "opening-stock", path, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE);
  mk_test_assert_mentions (error, "line 2", "already has its opening balance", NULL);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_opening_stock_refused (MkFixture    *fixture,
                            gconstpointer data)
{
  /* An item that does not exist on line 3, a lot-tracked item without its
   * lot on line 4 of the other warehouse's note, two dates for one
   * warehouse: nothing is posted. */
  const char      *csv = "date,warehouse,item,quantity,lot,expiry\n"
                         "2026-01-01,BEN-MAIN,SOAP,5,,\n"
                         "2026-01-01,BEN-MAIN,UNICORN,5,,\n"
                         "2026-01-02,BEN-MAIN,SOAP,5,,\n"
                         "2026-01-01,BEN-FIELD,SOAP,-3,,\n";
  g_autofree char *path = mk_fixture_write_file (fixture, "opening.csv", csv, -1);
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  g_assert_false (mk_import_file (fixture->db, "opening-stock", path, NULL, NULL, &problems, &error));
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (((MkImportProblem *) g_ptr_array_index (problems, 0))->line, ==, 4);
  g_assert_cmpuint (((MkImportProblem *) g_ptr_array_index (problems, 1))->line, ==, 5);
  mk_fixture_assert_unchanged (fixture, before);

  /* Without those two, posting names the unknown item by its line in the
   * file. */
  {
    const char      *second = "date,warehouse,item,quantity\n2026-01-01,BEN-MAIN,SOAP,5\n"
                              "2026-01-01,BEN-MAIN,UNICORN,5\n";
    g_autofree char *second_path = mk_fixture_write_file (fixture, "second.csv", second, -1);

    g_clear_error (&error);
    g_assert_false (mk_import_file (fixture->db, "opening-stock", second_path, NULL, NULL, NULL, &error));
    g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE);
    mk_test_assert_mentions (error, "second.csv, line 3", "UNICORN", NULL);
    mk_fixture_assert_unchanged (fixture, before);
  }
}

/* Progress and cancellation -------------------------------------------------------------- */

static void
cancel_on_progress (guint    rows_read,
                    gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_cmpuint (rows_read, ==, 1024);
  g_cancellable_cancel (cancellable);
}

static void
count_progress (guint    rows_read,
                gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (rows_read, ==, *calls * 1024);
}

static void
test_progress_and_cancel (MkFixture    *fixture,
                          gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("code,population_group,size,female_18_59,registered_on\n");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  MkImportOptions  options = { NULL, NULL, FALSE };
  guint            calls = 0;
  guint            n_rows = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "H-%04u,migrants,1,1,2026-03-01\n", i);
  path = mk_fixture_write_file (fixture, "many.csv", csv->str, -1);
  before = mk_fixture_dump (fixture);

  options.progress = cancel_on_progress;
  options.progress_data = cancellable;
  options.cancellable = cancellable;
  g_assert_false (mk_import_file (fixture->db, "households", path, &options, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  mk_fixture_assert_unchanged (fixture, before);
  g_clear_error (&error);

  options.progress = count_progress;
  options.progress_data = &calls;
  options.cancellable = NULL;
  mk_import_file (fixture->db, "households", path, &options, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 3000);
  g_assert_cmpuint (calls, ==, 2);
}

/* Household members ----------------------------------------------------------------------- */

static void
test_household_members (MkFixture    *fixture,
                        gconstpointer data)
{
  const char *households = "code,population_group,size,female_18_59,registered_on\n"
                           "H-1,migrants,3,3,2026-03-01\n"
                           "H-2,migrants,2,2,2026-03-01\n";
  /* H-1: a woman of 34, a girl of 3 and a man of 61; H-2 lists three
   * people for a household of two. */
  const char      *members = "\xEF\xBB\xBFHousehold;Sex;Age\r\n"
                             "h-1;أنثى;34\r\n"
                             "H-1;F;3\r\n"
                             "H-1;male;61\r\n";
  const char      *too_many = "household,sex,age\nH-2,F,30\nH-2,M,31\nH-2,M,2\n";
  const char      *bad_cells = "household,sex,age\nH-2,X,30\nH-2,M,old\n";
  g_autofree char *households_path = mk_fixture_write_file (fixture, "households.csv", households, -1);
  g_autofree char *members_path = mk_fixture_write_file (fixture, "members.csv", members, -1);
  g_autofree char *too_many_path = mk_fixture_write_file (fixture, "too-many.csv", too_many, -1);
  g_autofree char *bad_cells_path = mk_fixture_write_file (fixture, "bad-cells.csv", bad_cells, -1);
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (MkRecord) household = NULL;
  guint n_rows = 0;

  mk_import_file (fixture->db, "households", households_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  mk_import_file (fixture->db, "household-members", members_path, NULL, &n_rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 3);
  household = mk_master_data_get (fixture->db, mk_kind_lookup ("household"), "H-1", &error);
  g_assert_cmpint (mk_record_get_int (household, "female_18_59"), ==, 1);
  g_assert_cmpint (mk_record_get_int (household, "female_0_4"), ==, 1);
  g_assert_cmpint (mk_record_get_int (household, "male_60"), ==, 1);

  /* Members that do not add up to the size: named by row and column. */
  before = mk_fixture_dump (fixture);
  g_assert_false (mk_import_file (fixture->db, "household-members", too_many_path, NULL, NULL, NULL, &error));
  g_assert_error (error, MK_IMPORT_ERROR, MK_IMPORT_ERROR_BAD_VALUE);
  mk_test_assert_mentions (error, "too-many.csv, line 2, column 1", "H-2", "3 members", NULL);
  mk_fixture_assert_unchanged (fixture, before);
  g_clear_error (&error);

  g_assert_false (mk_import_file (fixture->db, "household-members", bad_cells_path, NULL, NULL, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpuint (((MkImportProblem *) g_ptr_array_index (problems, 0))->column, ==, 2);
  g_assert_cmpuint (((MkImportProblem *) g_ptr_array_index (problems, 1))->column, ==, 3);
  mk_fixture_assert_unchanged (fixture, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/serial-dates", test_serial_dates);
#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, mk_ledger_fixture_set_up, func, mk_ledger_fixture_tear_down)
  ADD ("/xlsx/calc-reader", test_calc_reader);
  ADD ("/xlsx/calc-households", test_calc_households);
  ADD ("/xlsx/xlsxwriter-items", test_xlsxwriter_items);
  ADD ("/xlsx/preview-lists-every-problem", test_preview_lists_every_problem);
  ADD ("/xlsx/mapping", test_mapping);
  ADD ("/xlsx/renamed-files", test_renamed_files);
  ADD ("/xlsx/zip-bomb", test_zip_bomb);
  ADD ("/xlsx/entity-expansion", test_entity_expansion);
  ADD ("/xlsx/million-empty-rows", test_million_empty_rows);
  ADD ("/xlsx/csv-encodings", test_csv_encodings);
  ADD ("/xlsx/members-do-not-add-up", test_members_do_not_add_up);
  ADD ("/xlsx/opening-stock", test_opening_stock);
  ADD ("/xlsx/opening-stock-refused", test_opening_stock_refused);
  ADD ("/xlsx/progress-and-cancel", test_progress_and_cancel);
  ADD ("/xlsx/household-members", test_household_members);
#undef ADD

  return g_test_run ();
}
