/* mk-preferences-window.c: the application's preferences.
 *
 * Changes apply at once, as GNOME's preferences do: there is no Apply.
 * The language rebuilds the open windows in the new language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-preferences-window.h"

struct _MkPreferencesWindow
{
  GtkWindow parent_instance;

  MkApplication        *application;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* Template children */
  GtkDropDown   *language_dropdown;
  GtkEntry      *user_name_entry;
  GtkEntry      *user_function_entry;
  GtkLabel      *logo_label;
  GtkDropDown   *paper_dropdown;
  GtkDropDown   *frequency_dropdown;
  GtkLabel      *folder_label;
  GtkSpinButton *keep_spin;
};

G_DEFINE_FINAL_TYPE (MkPreferencesWindow, mk_preferences_window, GTK_TYPE_WINDOW)

/* The choices of the dropdowns, in their order, with the settings' values. */
static const char *const languages[] = { "", "ar", "en" };
static const char *const papers[] = { "a4", "letter" };
static const char *const frequencies[] = { "never", "daily", "weekly" };

static guint
index_of (const char *const *values,
          guint              n_values,
          const char        *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_str_equal (values[i], value))
      return i;
  return 0;
}

static void
fill_dropdown (GtkDropDown       *dropdown,
               const char *const *labels,
               guint              n_labels)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, labels[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static void
show_path (GtkLabel   *label,
           const char *path,
           const char *empty_text)
{
  g_autofree char *display = NULL;

  if (path == NULL || *path == '\0')
    {
      gtk_label_set_text (label, empty_text);
      return;
    }
  display = g_filename_display_name (path);
  gtk_label_set_text (label, display);
}

static void
load (MkPreferencesWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  g_autofree char *name = g_settings_get_string (self->settings, "user-name");
  g_autofree char *function = g_settings_get_string (self->settings, "user-function");
  g_autofree char *logo = g_settings_get_string (self->settings, "office-logo");
  g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");
  g_autofree char *frequency = g_settings_get_string (self->settings, "backup-frequency");
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  gtk_drop_down_set_selected (self->language_dropdown, index_of (languages, G_N_ELEMENTS (languages), language));
  gtk_editable_set_text (GTK_EDITABLE (self->user_name_entry), name);
  gtk_editable_set_text (GTK_EDITABLE (self->user_function_entry), function);
  show_path (self->logo_label, logo, _ ("No logo"));
  gtk_drop_down_set_selected (self->paper_dropdown, index_of (papers, G_N_ELEMENTS (papers), paper));
  gtk_drop_down_set_selected (self->frequency_dropdown,
                              index_of (frequencies, G_N_ELEMENTS (frequencies), frequency));
  show_path (self->folder_label, folder, _ ("Documents folder"));
  gtk_spin_button_set_value (self->keep_spin, g_settings_get_int (self->settings, "backup-keep"));
}

static void
on_language_selected (MkPreferencesWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected < G_N_ELEMENTS (languages))
    mk_application_set_language (self->application, languages[selected]);
}

static void
on_text_changed (MkPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "user-name",
                         gtk_editable_get_text (GTK_EDITABLE (self->user_name_entry)));
  g_settings_set_string (self->settings, "user-function",
                         gtk_editable_get_text (GTK_EDITABLE (self->user_function_entry)));
  mk_application_update_user (self->application);
}

static void
on_choice_changed (MkPreferencesWindow *self)
{
  guint paper = gtk_drop_down_get_selected (self->paper_dropdown);
  guint frequency = gtk_drop_down_get_selected (self->frequency_dropdown);

  if (paper < G_N_ELEMENTS (papers))
    g_settings_set_string (self->settings, "paper-size", papers[paper]);
  if (frequency < G_N_ELEMENTS (frequencies))
    g_settings_set_string (self->settings, "backup-frequency", frequencies[frequency]);
  g_settings_set_int (self->settings, "backup-keep", gtk_spin_button_get_value_as_int (self->keep_spin));
}

typedef enum
{
  CHOOSE_LOGO,
  CHOOSE_FOLDER,
} Choice;

static void
chooser_response (GtkNativeDialog     *chooser,
                  int                  response,
                  MkPreferencesWindow *self)
{
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "mk-choice"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (choice == CHOOSE_LOGO)
    {
      g_settings_set_string (self->settings, "office-logo", path);
      show_path (self->logo_label, path, _ ("No logo"));
    }
  else
    {
      g_settings_set_string (self->settings, "backup-folder", path);
      show_path (self->folder_label, path, _ ("Documents folder"));
    }
}

static void
choose (MkPreferencesWindow *self,
        Choice               choice)
{
  if (self->chooser != NULL)
    return;

  if (choice == CHOOSE_LOGO)
    {
      g_autoptr (GtkFileFilter) images = gtk_file_filter_new ();

      self->chooser = gtk_file_chooser_native_new (_ ("Office Logo"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Choose"), _ ("_Cancel"));
      gtk_file_filter_set_name (images, _ ("PNG images"));
      gtk_file_filter_add_mime_type (images, "image/png");
      gtk_file_filter_add_pattern (images, "*.png");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
    }
  else
    self->chooser = gtk_file_chooser_native_new (_ ("Backup Folder"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Choose"),
                                                 _ ("_Cancel"));
  g_object_set_data (G_OBJECT (self->chooser), "mk-choice", GINT_TO_POINTER (choice));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_logo_clicked (MkPreferencesWindow *self)
{
  choose (self, CHOOSE_LOGO);
}

static void
on_logo_clear_clicked (MkPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "office-logo", "");
  show_path (self->logo_label, NULL, _ ("No logo"));
}

static void
on_folder_clicked (MkPreferencesWindow *self)
{
  choose (self, CHOOSE_FOLDER);
}

GtkWidget *
mk_preferences_window_new (MkApplication *application,
                           GtkWindow     *parent)
{
  MkPreferencesWindow *self;
  const char          *language_labels[] = {
             /* Translators: the language choice that follows the computer's settings. */
    _ ("System"),
    /* The languages are named in themselves, so that either reader finds theirs. */
    "العربية",
    "English",
  };
  const char *paper_labels[] = { _ ("A4"), _ ("US Letter") };
  const char *frequency_labels[] = {
    /* Translators: choices of how often automatic backups run. */
    _ ("Never"),
    _ ("Every day"),
    _ ("Every week"),
  };

  g_return_val_if_fail (MK_IS_APPLICATION (application), NULL);

  self = g_object_new (MK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->application = application;
  self->settings = g_object_ref (mk_application_get_settings (application));

  fill_dropdown (self->language_dropdown, language_labels, G_N_ELEMENTS (language_labels));
  fill_dropdown (self->paper_dropdown, paper_labels, G_N_ELEMENTS (paper_labels));
  fill_dropdown (self->frequency_dropdown, frequency_labels, G_N_ELEMENTS (frequency_labels));
  load (self);

  g_signal_connect_swapped (self->language_dropdown, "notify::selected", G_CALLBACK (on_language_selected), self);
  g_signal_connect_swapped (self->user_name_entry, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->user_function_entry, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->paper_dropdown, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->frequency_dropdown, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->keep_spin, "value-changed", G_CALLBACK (on_choice_changed), self);

  /* Names and codes are typed in either direction; paths read left to right. */
  gtk_widget_set_direction (GTK_WIDGET (self->logo_label), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->folder_label), GTK_TEXT_DIR_LTR);
  return GTK_WIDGET (self);
}

static void
mk_preferences_window_dispose (GObject *object)
{
  MkPreferencesWindow *self = MK_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mk_preferences_window_parent_class)->dispose (object);
}

static void
mk_preferences_window_class_init (MkPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, user_name_entry);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, user_function_entry);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, logo_label);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, frequency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, folder_label);
  gtk_widget_class_bind_template_child (widget_class, MkPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mk_preferences_window_init (MkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
