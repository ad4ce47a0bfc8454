/* test-kit.c: bills of materials, and kits that would contain themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "mk-test-fixture.h"

static GPtrArray *
components (const char *first_code,
            ...)
{
  GPtrArray  *list = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_kit_component_free);
  const char *code = first_code;
  va_list     args;

  va_start (args, first_code);
  while (code != NULL)
    {
      gint64 quantity = va_arg (args, gint64);
      g_ptr_array_add (list, mk_kit_component_new (code, quantity));
      code = va_arg (args, const char *);
    }
  va_end (args);
  return list;
}

static void
test_set_and_read (MkFixture    *fixture,
                   gconstpointer data)
{
  g_autoptr (GPtrArray) bill = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GError) error = NULL;
  MkKitComponent *first;

  mk_fixture_add_catalogue (fixture);
  bill = components ("soap", (gint64) 5, "TOOTHPASTE", (gint64) 2, "BRUSH", (gint64) 5,
                     "BUCKET", (gint64) 1, NULL);
  mk_kit_set_components (fixture->db, "HK", bill, &error);
  g_assert_no_error (error);

  read = mk_kit_get_components (fixture->db, "hk", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 4);
  first = g_ptr_array_index (read, 0);
  g_assert_cmpstr (first->code, ==, "BRUSH");
  g_assert_cmpint (first->quantity, ==, 5);
  g_assert_cmpstr (first->unit, ==, "piece");
  g_assert_cmpstr (first->name_ar, ==, "فرشاة أسنان");

  audit = mk_audit_list (fixture->db, 1, &error);
  g_assert_cmpstr (((MkAuditEntry *) g_ptr_array_index (audit, 0))->action, ==, "set-components");

  /* Setting again replaces, it does not add. */
  g_clear_pointer (&bill, g_ptr_array_unref);
  g_clear_pointer (&read, g_ptr_array_unref);
  bill = components ("SOAP", (gint64) 4, NULL);
  mk_kit_set_components (fixture->db, "HK", bill, &error);
  g_assert_no_error (error);
  read = mk_kit_get_components (fixture->db, "HK", &error);
  g_assert_cmpuint (read->len, ==, 1);
}

static void
expect_refusal (MkFixture  *fixture,
                const char *kit,
                GPtrArray  *bill,
                gint        code,
                const char *mention)
{
  g_autofree char *before = mk_fixture_dump (fixture);
  g_autoptr (GError) error = NULL;

  g_assert_false (mk_kit_set_components (fixture->db, kit, bill, &error));
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, MK_KIT_ERROR, code);
  if (strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
  mk_fixture_assert_unchanged (fixture, before);
}

static void
test_refusals (MkFixture    *fixture,
               gconstpointer data)
{
  g_autoptr (MkRecord) winter = NULL;
  g_autoptr (MkRecord) bedding = NULL;
  g_autoptr (GPtrArray) self_bill = NULL;
  g_autoptr (GPtrArray) winter_bill = NULL;
  g_autoptr (GPtrArray) cycle_bill = NULL;
  g_autoptr (GPtrArray) zero_bill = NULL;
  g_autoptr (GPtrArray) twice_bill = NULL;
  g_autoptr (GPtrArray) unknown_bill = NULL;
  g_autoptr (GPtrArray) not_kit_bill = NULL;
  g_autoptr (GError) error = NULL;

  mk_fixture_add_catalogue (fixture);
  winter = mk_fixture_add (fixture, "item", "code", "WINTER", "name_en", "Winter kit",
                           "category", "nfi", "unit", "kit", "is_kit", "yes", NULL);
  bedding = mk_fixture_add (fixture, "item", "code", "BEDDING", "name_en", "Bedding set",
                            "category", "nfi", "unit", "set", "is_kit", "yes", NULL);

  /* Directly. */
  self_bill = components ("HK", (gint64) 1, NULL);
  expect_refusal (fixture, "HK", self_bill, MK_KIT_ERROR_CYCLE, "HK");

  /* Through another kit: WINTER contains BEDDING; BEDDING may not contain WINTER. */
  winter_bill = components ("BEDDING", (gint64) 1, "SOAP", (gint64) 2, NULL);
  mk_kit_set_components (fixture->db, "WINTER", winter_bill, &error);
  g_assert_no_error (error);
  cycle_bill = components ("WINTER", (gint64) 1, NULL);
  expect_refusal (fixture, "BEDDING", cycle_bill, MK_KIT_ERROR_CYCLE, "WINTER");

  zero_bill = components ("SOAP", (gint64) 0, NULL);
  expect_refusal (fixture, "HK", zero_bill, MK_KIT_ERROR_BAD_QUANTITY, "SOAP");
  twice_bill = components ("SOAP", (gint64) 1, "soap", (gint64) 2, NULL);
  expect_refusal (fixture, "HK", twice_bill, MK_KIT_ERROR_DUPLICATE, "SOAP");
  unknown_bill = components ("UNICORN", (gint64) 1, NULL);
  expect_refusal (fixture, "HK", unknown_bill, -1, "UNICORN");
  not_kit_bill = components ("BRUSH", (gint64) 1, NULL);
  expect_refusal (fixture, "SOAP", not_kit_bill, MK_KIT_ERROR_NOT_A_KIT, "SOAP");
}

static void
test_kit_flag_needs_empty_bill (MkFixture    *fixture,
                                gconstpointer data)
{
  g_autoptr (GPtrArray) bill = NULL;
  g_autoptr (GPtrArray) empty = NULL;
  g_autoptr (MkRecord) kit = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;

  mk_fixture_add_catalogue (fixture);
  bill = components ("SOAP", (gint64) 4, NULL);
  mk_kit_set_components (fixture->db, "HK", bill, &error);
  g_assert_no_error (error);

  kit = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "HK", &error);
  before = mk_fixture_dump (fixture);
  mk_record_set_text (kit, "is_kit", "no", &error);
  g_assert_no_error (error);
  g_assert_false (mk_master_data_update (fixture->db, kit, &error));
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_INVALID);
  mk_fixture_assert_unchanged (fixture, before);
  g_clear_error (&error);

  empty = g_ptr_array_new ();
  mk_kit_set_components (fixture->db, "HK", empty, &error);
  g_assert_no_error (error);
  mk_master_data_update (fixture->db, kit, &error);
  g_assert_no_error (error);
}

/* A new kit and its bill are stored together, or neither is. */
static void
test_save_kit_and_bill (MkFixture    *fixture,
                        gconstpointer data)
{
  g_autoptr (MkRecord) kit = mk_record_new (mk_kind_lookup ("item"));
  g_autoptr (MkRecord) stored = NULL;
  g_autoptr (GPtrArray) self_bill = NULL;
  g_autoptr (GPtrArray) bill = NULL;
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  const char      *fields[] = { "code", "DIGNITY", "name_en", "Dignity kit", "category", "nfi",
                                "unit", "kit", "is_kit", "yes" };

  mk_fixture_add_catalogue (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i += 2)
    {
      mk_record_set_text (kit, fields[i], fields[i + 1], &error);
      g_assert_no_error (error);
    }

  before = mk_fixture_dump (fixture);
  self_bill = components ("SOAP", (gint64) 2, "dignity", (gint64) 1, NULL);
  g_assert_false (mk_kit_save (fixture->db, kit, self_bill, &error));
  g_assert_error (error, MK_KIT_ERROR, MK_KIT_ERROR_CYCLE);
  g_assert_cmpint (mk_record_get_id (kit), ==, 0);
  g_assert_null (mk_record_get_invalid_field (kit));
  mk_fixture_assert_unchanged (fixture, before);
  g_clear_error (&error);

  bill = components ("SOAP", (gint64) 2, "BRUSH", (gint64) 1, NULL);
  g_assert_true (mk_kit_save (fixture->db, kit, bill, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mk_record_get_id (kit), !=, 0);
  read = mk_kit_get_components (fixture->db, "DIGNITY", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);

  /* An update with a refused field leaves the bill as it was. */
  stored = mk_master_data_get (fixture->db, mk_kind_lookup ("item"), "DIGNITY", &error);
  g_assert_no_error (error);
  mk_record_set_text (stored, "unit", "no-such-unit", &error);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = mk_fixture_dump (fixture);
  g_assert_false (mk_kit_save (fixture->db, stored, self_bill, &error));
  g_assert_error (error, MK_MASTER_DATA_ERROR, MK_MASTER_DATA_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpstr (mk_record_get_invalid_field (stored), ==, "unit");
  mk_fixture_assert_unchanged (fixture, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, MkFixture, NULL, mk_fixture_set_up, func, mk_fixture_tear_down)

  ADD ("/kit/set-and-read", test_set_and_read);
  ADD ("/kit/save-kit-and-bill", test_save_kit_and_bill);
  ADD ("/kit/refusals", test_refusals);
  ADD ("/kit/kit-flag-needs-empty-bill", test_kit_flag_needs_empty_bill);

  return g_test_run ();
}
