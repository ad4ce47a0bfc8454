/* mk-record.c: one master-data row as values, parsed from what people type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-record"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-record-private.h"
#include "mk-text.h"

struct _MkRecord
{
  GObject parent_instance;

  const MkKind  *kind;
  gint64         id;
  MkRecordValue *values; /* one per field of the kind */
  const MkField *invalid_field;
};

G_DEFINE_TYPE (MkRecord, mk_record, G_TYPE_OBJECT)

/* The quark's name has dashes, which clang-format would split. */
/* clang-format off */
G_DEFINE_QUARK (mk-record-error-quark, mk_record_error)
/* clang-format on */

static void
mk_record_finalize (GObject *object)
{
  MkRecord *self = MK_RECORD (object);

  if (self->values != NULL)
    for (guint i = 0; i < self->kind->n_fields; i++)
      g_free (self->values[i].text);
  g_free (self->values);

  G_OBJECT_CLASS (mk_record_parent_class)->finalize (object);
}

static void
mk_record_class_init (MkRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_record_finalize;
}

static void
mk_record_init (MkRecord *self)
{
}

MkRecord *
mk_record_new (const MkKind *kind)
{
  MkRecord *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (MK_TYPE_RECORD, NULL);
  self->kind = kind;
  self->values = g_new0 (MkRecordValue, kind->n_fields);
  return self;
}

const MkKind *
mk_record_get_kind (MkRecord *self)
{
  g_return_val_if_fail (MK_IS_RECORD (self), NULL);
  return self->kind;
}

gint64
mk_record_get_id (MkRecord *self)
{
  g_return_val_if_fail (MK_IS_RECORD (self), 0);
  return self->id;
}

void
mk_record_set_id (MkRecord *self,
                  gint64    id)
{
  g_return_if_fail (MK_IS_RECORD (self));
  self->id = id;
}

/* Private ---------------------------------------------------------------- */

MkRecordValue *
_mk_record_value (MkRecord *self,
                  guint     index)
{
  g_return_val_if_fail (index < self->kind->n_fields, NULL);
  return &self->values[index];
}

void
_mk_record_load_text (MkRecord   *self,
                      guint       index,
                      const char *text)
{
  MkRecordValue *value = _mk_record_value (self, index);

  g_free (value->text);
  value->text = g_strdup (text);
  value->set = text != NULL;
  value->changed = FALSE;
}

void
_mk_record_load_number (MkRecord *self,
                        guint     index,
                        gint64    number)
{
  MkRecordValue *value = _mk_record_value (self, index);

  value->number = number;
  value->set = TRUE;
  value->changed = FALSE;
}

void
_mk_record_load_ref (MkRecord   *self,
                     guint       index,
                     gint64      id,
                     const char *code)
{
  _mk_record_load_text (self, index, code);
  self->values[index].number = id;
}

MkRecord *
_mk_record_copy (MkRecord *self)
{
  MkRecord *copy = mk_record_new (self->kind);

  copy->id = self->id;
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      copy->values[i] = self->values[i];
      copy->values[i].text = g_strdup (self->values[i].text);
    }
  return copy;
}

void
_mk_record_clear_changes (MkRecord *self)
{
  for (guint i = 0; i < self->kind->n_fields; i++)
    self->values[i].changed = FALSE;
}

char *
_mk_record_quote_value (const char *text)
{
  g_autofree char *shortened = NULL;

  if (text == NULL)
    text = "";
  /* A 10,000-character paste would drown the message. */
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 37);
      shortened = g_strconcat (start, "…", NULL);
      text = shortened;
    }
  return mk_text_isolate (text);
}

char *
_mk_record_describe (MkRecord *self)
{
  const MkRecordValue *code = &self->values[MK_KIND_FIELD_CODE];

  if (code->set && code->text != NULL && *code->text != '\0')
    {
      g_autofree char *quoted = _mk_record_quote_value (code->text);
      /* Translators: a record in a message: “Item HK-001”. */
      return g_strdup_printf (C_ ("record", "%s %s"), _ (self->kind->label), quoted);
    }
  /* Translators: a record not yet saved, without a code. */
  return g_strdup_printf (C_ ("record", "New %s"), _ (self->kind->label));
}

void
_mk_record_set_field_error (MkRecord      *self,
                            GError       **error,
                            GQuark         domain,
                            gint           code,
                            const MkField *field,
                            const char    *problem)
{
  g_autofree char *record = _mk_record_describe (self);

  self->invalid_field = field;
  /* Translators: record, field label and problem:
   * “Item HK-001 — Unit weight (kg): “-2” is below 0.” */
  g_set_error (error, domain, code, C_ ("record error", "%s — %s: %s"), record,
               _ (field->label), problem);
}

/* Parsing ---------------------------------------------------------------- */

static gboolean
text_has_control_characters (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_code_character (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '/';
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char *const yes[] = { "yes", "y", "true", "1", "نعم", "x" };
  static const char *const no[] = { "no", "n", "false", "0", "لا" };
  g_autofree char         *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (folded, yes[i]))
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (folded, no[i]))
      {
        *value = FALSE;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_range (MkRecord      *self,
             const MkField *field,
             gint64         number,
             GError       **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  guint            scale = field->type == MK_FIELD_DECIMAL ? field->scale : 1;

  if (number >= field->min && number <= field->max)
    return TRUE;

  min_text = mk_text_format_decimal (field->min, scale);
  max_text = mk_text_format_decimal (field->max, scale);
  {
    g_autofree char *min_iso = mk_text_isolate_ltr (min_text);
    g_autofree char *max_iso = mk_text_isolate_ltr (max_text);
    problem = g_strdup_printf (_ ("enter a number from %s to %s."), min_iso,
                               max_iso);
  }
  _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                              MK_RECORD_ERROR_OUT_OF_RANGE, field, problem);
  return FALSE;
}

static gboolean
parse_into (MkRecord      *self,
            const MkField *field,
            MkRecordValue *value,
            const char    *stripped,
            GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *quoted = NULL; /* for messages only: not made for every value */
  g_autofree char *problem = NULL;
  gint64           number = 0;
  gboolean         flag;

  switch (field->type)
    {
    case MK_FIELD_CODE:
      {
        g_autofree char *code = mk_text_normalize_number (stripped);
        gsize            length = strlen (code);

        if (length > field->max_length)
          {
            problem = g_strdup_printf (
                g_dngettext (GETTEXT_PACKAGE,
                             "a code has at most %u character.",
                             "a code has at most %u characters.",
                             field->max_length),
                field->max_length);
            _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                        MK_RECORD_ERROR_TOO_LONG, field, problem);
            return FALSE;
          }
        for (gsize i = 0; i < length; i++)
          if (!is_code_character (code[i]))
            {
              quoted = _mk_record_quote_value (stripped);
              problem = g_strdup_printf (
                  _ ("%s is not a valid code: use Latin letters, digits and - _ . / without spaces."),
                  quoted);
              _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                          MK_RECORD_ERROR_BAD_CODE, field,
                                          problem);
              return FALSE;
            }
        g_free (value->text);
        value->text = g_steal_pointer (&code);
        return TRUE;
      }

    case MK_FIELD_TEXT:
      {
        glong length = g_utf8_strlen (stripped, -1);

        if (text_has_control_characters (stripped))
          {
            _mk_record_set_field_error (
                self, error, MK_RECORD_ERROR, MK_RECORD_ERROR_BAD_TEXT, field,
                _ ("the text must fit on one line, without line breaks or tabs."));
            return FALSE;
          }
        if (length > (glong) field->max_length)
          {
            problem = g_strdup_printf (
                g_dngettext (GETTEXT_PACKAGE,
                             "the text has %ld character; at most %u are allowed.",
                             "the text has %ld characters; at most %u are allowed.",
                             length),
                length, field->max_length);
            _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                        MK_RECORD_ERROR_TOO_LONG, field, problem);
            return FALSE;
          }
        g_free (value->text);
        value->text = g_strdup (stripped);
        return TRUE;
      }

    case MK_FIELD_INT:
    case MK_FIELD_DECIMAL:
      {
        gboolean ok = field->type == MK_FIELD_INT
                          ? mk_text_parse_int (stripped, &number, &local_error)
                          : mk_text_parse_decimal (stripped, field->scale,
                                                   &number, &local_error);
        if (!ok)
          {
            _mk_record_set_field_error (
                self, error, MK_RECORD_ERROR,
                g_error_matches (local_error, MK_TEXT_ERROR,
                                 MK_TEXT_ERROR_OUT_OF_RANGE)
                    ? MK_RECORD_ERROR_OUT_OF_RANGE
                    : MK_RECORD_ERROR_NOT_A_NUMBER,
                field, local_error->message);
            return FALSE;
          }
        if (!check_range (self, field, number, error))
          return FALSE;
        value->number = number;
        return TRUE;
      }

    case MK_FIELD_BOOL:
      if (!parse_bool (stripped, &flag))
        {
          quoted = _mk_record_quote_value (stripped);
          problem = g_strdup_printf (_ ("%s is neither yes nor no."), quoted);
          _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                      MK_RECORD_ERROR_BAD_BOOL, field, problem);
          return FALSE;
        }
      value->number = flag;
      return TRUE;

    case MK_FIELD_DATE:
      {
        g_autofree char *iso = mk_text_parse_date (stripped, &local_error);

        if (iso == NULL)
          {
            _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                        MK_RECORD_ERROR_BAD_DATE, field,
                                        local_error->message);
            return FALSE;
          }
        g_free (value->text);
        value->text = g_steal_pointer (&iso);
        return TRUE;
      }

    case MK_FIELD_CHOICE:
      {
        g_auto (GStrv) choices = g_strsplit (field->vocab, "|", -1);
        g_autofree char *listed = g_strjoinv (", ", choices);

        for (guint i = 0; choices[i] != NULL; i++)
          if (g_ascii_strcasecmp (choices[i], stripped) == 0)
            {
              g_free (value->text);
              value->text = g_strdup (choices[i]);
              return TRUE;
            }
        quoted = _mk_record_quote_value (stripped);
        problem = g_strdup_printf (_ ("%s is not one of: %s."), quoted, listed);
        _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                    MK_RECORD_ERROR_BAD_TEXT, field, problem);
        return FALSE;
      }

    case MK_FIELD_VOCAB:
    case MK_FIELD_PLACE:
    case MK_FIELD_REF:
      if (text_has_control_characters (stripped) || g_utf8_strlen (stripped, -1) > 200)
        {
          quoted = _mk_record_quote_value (stripped);
          problem = g_strdup_printf (_ ("%s is not a known value."), quoted);
          _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                      MK_RECORD_ERROR_BAD_TEXT, field, problem);
          return FALSE;
        }
      g_free (value->text);
      value->text = g_strdup (stripped);
      value->number = 0; /* resolved when stored */
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
mk_record_set_text (MkRecord   *self,
                    const char *field_name,
                    const char *text,
                    GError    **error)
{
  gint index;

  g_return_val_if_fail (MK_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field_name != NULL, FALSE);

  index = mk_kind_field_index (self->kind, field_name);
  if (index < 0)
    {
      g_set_error (error, MK_RECORD_ERROR, MK_RECORD_ERROR_UNKNOWN_FIELD,
                   _ ("%s has no field “%s”."), _ (self->kind->label), field_name);
      return FALSE;
    }
  return _mk_record_set_text_at (self, (guint) index, text, error);
}

/* mk_record_set_text() for a field known by its index: an import sets
 * a million values, and finding each field by its name showed. */
gboolean
_mk_record_set_text_at (MkRecord   *self,
                        guint       index,
                        const char *text,
                        GError    **error)
{
  g_autofree char *stripped = NULL;
  const MkField   *field;
  MkRecordValue   *value;

  g_return_val_if_fail (index < self->kind->n_fields, FALSE);
  field = &self->kind->fields[index];
  value = &self->values[index];

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                  MK_RECORD_ERROR_BAD_TEXT, field,
                                  _ ("the text is not valid UTF-8."));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      if (field->flags & MK_FIELD_REQUIRED)
        {
          _mk_record_set_field_error (self, error, MK_RECORD_ERROR,
                                      MK_RECORD_ERROR_REQUIRED, field,
                                      _ ("this field must be filled in."));
          return FALSE;
        }
      /* An empty optional field is cleared: text to "", numbers unset. */
      g_clear_pointer (&value->text, g_free);
      if (field->type == MK_FIELD_TEXT)
        value->text = g_strdup ("");
      value->number = 0;
      value->set = field->type == MK_FIELD_TEXT;
      value->changed = TRUE;
      return TRUE;
    }

  {
    /* Parse into a scratch value so that a refused text leaves the
     * record as it was. */
    MkRecordValue scratch = *value;
    scratch.text = g_strdup (value->text);
    if (!parse_into (self, field, &scratch, stripped, error))
      {
        g_free (scratch.text);
        return FALSE;
      }
    g_free (value->text);
    *value = scratch;
    value->set = TRUE;
    value->changed = TRUE;
  }
  return TRUE;
}

char *
mk_record_get_text (MkRecord   *self,
                    const char *field_name)
{
  const MkField       *field;
  const MkRecordValue *value;
  gint                 index;

  g_return_val_if_fail (MK_IS_RECORD (self), NULL);

  index = mk_kind_field_index (self->kind, field_name);
  g_return_val_if_fail (index >= 0, NULL);
  field = &self->kind->fields[index];
  value = &self->values[index];

  if (!value->set)
    return NULL;

  switch (field->type)
    {
    case MK_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value->number);
    case MK_FIELD_DECIMAL:
      return mk_text_format_decimal (value->number, field->scale);
    case MK_FIELD_BOOL:
      return g_strdup (value->number ? "yes" : "no");
    case MK_FIELD_CODE:
    case MK_FIELD_TEXT:
    case MK_FIELD_DATE:
    case MK_FIELD_VOCAB:
    case MK_FIELD_PLACE:
    case MK_FIELD_REF:
    case MK_FIELD_CHOICE:
      return g_strdup (value->text);
    default:
      g_assert_not_reached ();
    }
}

gboolean
mk_record_is_set (MkRecord   *self,
                  const char *field_name)
{
  gint index;

  g_return_val_if_fail (MK_IS_RECORD (self), FALSE);
  index = mk_kind_field_index (self->kind, field_name);
  g_return_val_if_fail (index >= 0, FALSE);
  return self->values[index].set;
}

void
mk_record_unset (MkRecord   *self,
                 const char *field_name)
{
  gint index;

  g_return_if_fail (MK_IS_RECORD (self));
  index = mk_kind_field_index (self->kind, field_name);
  g_return_if_fail (index >= 0);
  g_clear_pointer (&self->values[index].text, g_free);
  self->values[index].number = 0;
  self->values[index].set = FALSE;
  self->values[index].changed = TRUE;
}

static MkRecordValue *
typed_value (MkRecord   *self,
             const char *field_name)
{
  gint index = mk_kind_field_index (self->kind, field_name);

  g_return_val_if_fail (index >= 0, NULL);
  return &self->values[index];
}

const char *
mk_record_get_string (MkRecord   *self,
                      const char *field_name)
{
  MkRecordValue *value;

  g_return_val_if_fail (MK_IS_RECORD (self), NULL);
  value = typed_value (self, field_name);
  return value && value->set ? value->text : NULL;
}

gint64
mk_record_get_int (MkRecord   *self,
                   const char *field_name)
{
  MkRecordValue *value;

  g_return_val_if_fail (MK_IS_RECORD (self), 0);
  value = typed_value (self, field_name);
  return value && value->set ? value->number : 0;
}

gboolean
mk_record_get_bool (MkRecord   *self,
                    const char *field_name)
{
  return mk_record_get_int (self, field_name) != 0;
}

void
mk_record_set_string (MkRecord   *self,
                      const char *field_name,
                      const char *text)
{
  MkRecordValue *value;

  g_return_if_fail (MK_IS_RECORD (self));
  value = typed_value (self, field_name);
  g_return_if_fail (value != NULL);
  g_free (value->text);
  value->text = g_strdup (text);
  value->number = 0;
  value->set = text != NULL;
  value->changed = TRUE;
}

void
mk_record_set_int (MkRecord   *self,
                   const char *field_name,
                   gint64      number)
{
  MkRecordValue *value;

  g_return_if_fail (MK_IS_RECORD (self));
  value = typed_value (self, field_name);
  g_return_if_fail (value != NULL);
  value->number = number;
  value->set = TRUE;
  value->changed = TRUE;
}

const char *
mk_record_get_invalid_field (MkRecord *self)
{
  g_return_val_if_fail (MK_IS_RECORD (self), NULL);
  return self->invalid_field ? self->invalid_field->name : NULL;
}

const char *
mk_record_get_code (MkRecord *self)
{
  g_return_val_if_fail (MK_IS_RECORD (self), NULL);
  return self->values[MK_KIND_FIELD_CODE].text;
}

const char *
mk_record_get_display_name (MkRecord *self)
{
  g_return_val_if_fail (MK_IS_RECORD (self), NULL);
  /* Entitlement rules have a code and no name. */
  if (mk_kind_field_index (self->kind, "name_en") < 0)
    return mk_record_get_code (self);
  return mk_text_pick_name (mk_record_get_string (self, "name_en"),
                            mk_record_get_string (self, "name_ar"));
}
