/* mk-window.c: the main window of one database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-kind.h"
#include "mk-master-data.h"
#include "mk-office.h"
#include "mk-places.h"
#include "mk-record.h"
#include "mk-text.h"
#include "mk-ui-resources.h"
#include "mk-window.h"

struct _MkWindow
{
  GtkApplicationWindow parent_instance;

  MkDatabase           *database;
  GListStore           *warehouses;  /* of MkRecord */
  GHashTable           *type_names;  /* warehouse type code → name in the interface's language */
  GHashTable           *place_names; /* baladiya P-code → name */
  GtkFileChooserNative *chooser;

  /* Template children */
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkStack      *stack; /* the window's child */
  GtkImage      *status_icon;
  GtkLabel      *status_title;
  GtkLabel      *status_description;
  GtkColumnView *warehouse_view;
  GtkLabel      *warehouse_count;
};

G_DEFINE_FINAL_TYPE (MkWindow, mk_window, GTK_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef char *(*MkCellText) (MkWindow *self,
                             MkRecord *record);

static char *
warehouse_code_text (MkWindow *self,
                     MkRecord *record)
{
  return g_strdup (mk_record_get_code (record));
}

static char *
warehouse_name_text (MkWindow *self,
                     MkRecord *record)
{
  return g_strdup (mk_record_get_display_name (record));
}

/* A code shown through a table of names; the code itself when the name is
 * unknown. */
static char *
lookup_name (GHashTable *names,
             MkRecord   *record,
             const char *field_name)
{
  g_autofree char *code = mk_record_get_text (record, field_name);
  const char      *name;

  if (code == NULL)
    return NULL;
  name = g_hash_table_lookup (names, code);
  return name != NULL ? g_strdup (name) : g_steal_pointer (&code);
}

static char *
warehouse_type_text (MkWindow *self,
                     MkRecord *record)
{
  return lookup_name (self->type_names, record, "type");
}

static char *
warehouse_baladiya_text (MkWindow *self,
                         MkRecord *record)
{
  return lookup_name (self->place_names, record, "baladiya");
}

static char *
warehouse_manager_text (MkWindow *self,
                        MkRecord *record)
{
  return mk_record_get_text (record, "manager");
}

static const struct
{
  const char *title;
  int         nat_chars;
  gboolean    expand;
  gboolean    is_code;
  MkCellText  text;
} warehouse_columns[] = {
  /* Translators: a column of the warehouse list. */
  { N_ ("Code"), 12, FALSE, TRUE, warehouse_code_text },
  /* Translators: a column of the warehouse list. */
  { N_ ("Name"), 28, TRUE, FALSE, warehouse_name_text },
  /* Translators: a column of the warehouse list: main, field store, partner store… */
  { N_ ("Type"), 16, FALSE, FALSE, warehouse_type_text },
  /* Translators: a column of the warehouse list: the municipality it is in. */
  { N_ ("Baladiya"), 18, FALSE, FALSE, warehouse_baladiya_text },
  /* Translators: a column of the warehouse list: the person in charge. */
  { N_ ("Manager"), 20, FALSE, FALSE, warehouse_manager_text },
};

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MkWindow                 *self)
{
  guint      column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "mk-column"));
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), warehouse_columns[column].nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (warehouse_columns[column].is_code)
    gtk_widget_add_css_class (cell, "mk-code");
  gtk_list_item_set_child (item, cell);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MkWindow                 *self)
{
  guint            column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "mk-column"));
  MkRecord        *record = gtk_list_item_get_item (item);
  GtkWidget       *cell = gtk_list_item_get_child (item);
  g_autofree char *text = warehouse_columns[column].text (self, record);
  g_autofree char *isolated = NULL;
  g_autofree char *display = NULL;

  if (text == NULL)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      return;
    }

  /* A cell starts at its column's start whatever the script of its text:
   * a mark of the interface's direction sets the direction of the line, and
   * the isolated value keeps its own order inside it (reference/arabic.md). */
  isolated = warehouse_columns[column].is_code ? mk_text_isolate_ltr (text) : mk_text_isolate (text);
  display = g_strconcat (gtk_widget_get_direction (cell) == GTK_TEXT_DIR_RTL ? "\u200F" : "\u200E",
                         isolated, NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), display);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MkWindow                 *self)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), NULL);
}

static void
add_warehouse_columns (MkWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (warehouse_columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "mk-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);

      column = gtk_column_view_column_new (_ (warehouse_columns[i].title), factory);
      gtk_column_view_column_set_expand (column, warehouse_columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->warehouse_view, column);
    }
}

static void
show_status (MkWindow   *self,
             const char *icon_name,
             const char *title,
             const char *description)
{
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_description, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

/* @office_title: the office's code and name, or NULL for the application's name. */
static void
set_title (MkWindow   *self,
           const char *office_title,
           const char *subtitle)
{
  g_autofree char *window_title = NULL;

  if (office_title != NULL)
    /* Translators: the window's title in the task switcher: the office, then
     * the application's name. */
    window_title = g_strdup_printf (_ ("%1$s – Makhzan"), office_title);
  else
    window_title = g_strdup (_ ("Makhzan"));

  gtk_label_set_text (self->title_label, office_title != NULL ? office_title : window_title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_title (MkWindow *self)
{
  g_autoptr (MkOffice) office = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;

  if (self->database == NULL)
    return;

  file_name = g_filename_display_basename (mk_database_get_path (self->database));
  office = mk_office_get_own (self->database, &error);
  if (office == NULL)
    {
      g_debug ("No office record: %s", error->message);
      set_title (self, mk_database_get_office_code (self->database), file_name);
      return;
    }

  code = mk_text_isolate_ltr (office->code);
  name = mk_text_isolate (mk_office_get_display_name (office));
  /* Translators: the header of the window: the office's code, then its
   * name, as in "BEN — Benghazi office". */
  title = g_strdup_printf (_ ("%1$s — %2$s"), code, name);
  set_title (self, title, file_name);
}

/* The names shown for codes: warehouse types from their vocabulary and
 * baladiyas from the places, in the interface's language. */
static void
load_names (MkWindow  *self,
            GPtrArray *records)
{
  const MkKind  *kind = mk_kind_lookup ("warehouse");
  const MkField *type_field = mk_kind_find_field (kind, "type");
  g_autoptr (GError) error = NULL;

  if (type_field != NULL && type_field->type == MK_FIELD_VOCAB && type_field->vocab != NULL)
    {
      g_autoptr (GPtrArray) entries = mk_master_data_list_vocabulary (self->database,
                                                                      type_field->vocab, &error);

      if (entries == NULL)
        g_debug ("Warehouse types are shown as codes: %s", error->message);
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          const MkVocabEntry *entry = g_ptr_array_index (entries, i);

          g_hash_table_insert (self->type_names, g_strdup (entry->code),
                               g_strdup (mk_vocab_entry_get_display_name (entry)));
        }
    }

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *pcode = mk_record_get_text (g_ptr_array_index (records, i), "baladiya");
      g_autoptr (MkPlace) place = NULL;
      g_autoptr (GError) place_error = NULL;

      if (pcode == NULL || g_hash_table_contains (self->place_names, pcode))
        continue;
      place = mk_places_find_baladiya (self->database, pcode, &place_error);
      if (place == NULL)
        {
          g_debug ("Baladiya %s is shown as a code: %s", pcode, place_error->message);
          continue;
        }
      g_hash_table_insert (self->place_names, g_steal_pointer (&pcode),
                           g_strdup (mk_place_get_display_name (place)));
    }
}

static void
mk_window_reload (MkWindow *self)
{
  const MkKind *kind = mk_kind_lookup ("warehouse");
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;

  g_list_store_remove_all (self->warehouses);
  g_hash_table_remove_all (self->type_names);
  g_hash_table_remove_all (self->place_names);

  if (self->database == NULL)
    {
      set_title (self, NULL, NULL);
      show_status (self, APPLICATION_ID "-symbolic", _ ("No Database Is Open"),
                   _ ("Open a Makhzan database file to see its warehouses."));
      return;
    }

  update_title (self);

  records = mk_master_data_list (self->database, kind, NULL, &error);
  if (records == NULL)
    {
      show_status (self, "dialog-error-symbolic", _ ("The Warehouses Cannot Be Shown"),
                   error->message);
      return;
    }

  load_names (self, records);
  g_list_store_splice (self->warehouses, 0, 0, records->pdata, records->len);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u warehouse", "%u warehouses", records->len),
                           records->len);
  gtk_label_set_text (self->warehouse_count, count);
  gtk_stack_set_visible_child_name (self->stack, "warehouses");
}

void
mk_window_set_database (MkWindow   *self,
                        MkDatabase *database)
{
  g_return_if_fail (MK_IS_WINDOW (self));
  g_return_if_fail (database == NULL || MK_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  mk_window_reload (self);
}

MkDatabase *
mk_window_get_database (MkWindow *self)
{
  g_return_val_if_fail (MK_IS_WINDOW (self), NULL);

  return self->database;
}

void
mk_window_open (MkWindow *self,
                GFile    *file)
{
  GtkApplication *app;
  g_autoptr (MkDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;

  g_return_if_fail (MK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _ ("Only a database file on this computer can be opened."));
  else
    {
      app = gtk_window_get_application (GTK_WINDOW (self));
      if (MK_IS_APPLICATION (app))
        database = mk_application_open_database (MK_APPLICATION (app), path, &error);
      else
        database = mk_database_open (path, &error);
    }

  if (database != NULL)
    {
      mk_window_set_database (self, database);
      return;
    }

  /* The core's message is already translated and names the file and the fix. */
  mk_window_set_database (self, NULL);
  file_name = g_file_get_parse_name (file);
  set_title (self, NULL, file_name);
  show_status (self, "dialog-error-symbolic", _ ("The Database Cannot Be Opened"), error->message);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  MkWindow        *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;
  if (self->database == NULL)
    mk_window_open (self, file);
  else
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        &file, 1, "");
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autoptr (GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (databases, _ ("Makhzan databases"));
  gtk_file_filter_add_pattern (databases, "*.makhzan");
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_ ("Open Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"),
                                               _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GSettings *
get_settings (MkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return MK_IS_APPLICATION (app) ? mk_application_get_settings (MK_APPLICATION (app)) : NULL;
}

static void
restore_size (MkWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
mk_window_close_request (GtkWindow *window)
{
  MkWindow  *self = MK_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (mk_window_parent_class)->close_request (window);
}

MkWindow *
mk_window_new (MkApplication *application)
{
  MkWindow *self;

  g_return_val_if_fail (application == NULL || MK_IS_APPLICATION (application), NULL);

  self = g_object_new (MK_TYPE_WINDOW, "application", application, NULL);
  /* "application" is set after constructed(), so the size is restored here. */
  restore_size (self);
  return self;
}

static void
mk_window_constructed (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  G_OBJECT_CLASS (mk_window_parent_class)->constructed (object);

  mk_window_reload (self);
}

static void
mk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MkWindow *self = MK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      mk_window_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_window_dispose (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_WINDOW);

  g_clear_object (&self->warehouses);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (mk_window_parent_class)->dispose (object);
}

static void
mk_window_finalize (GObject *object)
{
  MkWindow *self = MK_WINDOW (object);

  g_clear_pointer (&self->type_names, g_hash_table_unref);
  g_clear_pointer (&self->place_names, g_hash_table_unref);

  G_OBJECT_CLASS (mk_window_parent_class)->finalize (object);
}

static void
mk_window_class_init (MkWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mk_window_constructed;
  object_class->get_property = mk_window_get_property;
  object_class->set_property = mk_window_set_property;
  object_class->dispose = mk_window_dispose;
  object_class->finalize = mk_window_finalize;

  window_class->close_request = mk_window_close_request;

  properties[PROP_DATABASE] =
      g_param_spec_object ("database", NULL, NULL, MK_TYPE_DATABASE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resource registers itself from a constructor, but only if the linker
   * keeps its object file: a call into it makes sure it does. */
  (void) mk_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, status_title);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, status_description);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, warehouse_view);
  gtk_widget_class_bind_template_child (widget_class, MkWindow, warehouse_count);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
}

static void
mk_window_init (MkWindow *self)
{
  g_autoptr (GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The window's own child is not a bound template child: in GTK 4.8,
   * gtk_widget_dispose_template() would unparent it behind GtkWindow's back,
   * which then unparents it a second time. */
  self->stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));

  self->warehouses = g_list_store_new (MK_TYPE_RECORD);
  self->type_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->place_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->warehouses)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->warehouse_view, GTK_SELECTION_MODEL (selection));
  add_warehouse_columns (self);
}
