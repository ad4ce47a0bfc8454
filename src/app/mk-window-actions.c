/* mk-window-actions.c: the window's commands and their shortcuts.
 *
 * Every command is a "win." action so that buttons, menus, links from the
 * dashboard and the keyboard reach the same code; the shortcuts window
 * (ui/gtk/help-overlay.ui) lists their accelerators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-document-editor.h"
#include "mk-documents.h"
#include "mk-list-page.h"
#include "mk-new-office-dialog.h"
#include "mk-record-editor.h"
#include "mk-window-private.h"

void
_mk_window_update_actions (MkWindow *self)
{
  gboolean open = self->database != NULL;
  gboolean working = self->work != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-list", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-document", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-document", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-record", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", open && _mk_window_get_page_new_kind (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo", !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-work", working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", open && !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", !working);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", open && !working);
}

/* Opening files ---------------------------------------------------------- */

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
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
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
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_database_created (GtkWidget  *dialog,
                     const char *path,
                     MkWindow   *self)
{
  _mk_window_open_path (self, path);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MkWindow  *self = MK_WINDOW (widget);
  GtkWidget *dialog = mk_new_office_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_database_created), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _mk_window_create_demo (MK_WINDOW (widget));
}

static void
cancel_work_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _mk_window_cancel_work (MK_WINDOW (widget));
}

/* Pages and lists -------------------------------------------------------- */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _mk_window_show_page (MK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _mk_window_show_list (MK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkWindow  *self = MK_WINDOW (widget);
  GtkWidget *slot = gtk_stack_get_visible_child (self->pages);
  GtkWidget *page = slot != NULL ? gtk_widget_get_first_child (slot) : NULL;

  if (MK_IS_LIST_PAGE (page) && mk_list_page_get_visible_list (MK_LIST_PAGE (page)) != NULL)
    mk_list_view_reload (mk_list_page_get_visible_list (MK_LIST_PAGE (page)));
}

/* Editors ---------------------------------------------------------------- */

/* An editor already open on this document is brought forward rather than
 * opened twice, so that two windows never hold two drafts of one document. */
static GtkWindow *
find_document_editor (MkWindow *self,
                      gint64    id)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GList          *windows = app != NULL ? gtk_application_get_windows (app) : NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      MkDocument *document;

      if (!MK_IS_DOCUMENT_EDITOR (l->data))
        continue;
      document = mk_document_editor_get_document (l->data);
      if (document != NULL && mk_document_get_id (document) == id)
        return l->data;
    }
  return NULL;
}

static void
present_editor (MkWindow  *self,
                GtkWidget *editor)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    gtk_application_add_window (app, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MkWindow  *self = MK_WINDOW (widget);
  gint64     id = g_variant_get_int64 (parameter);
  GtkWindow *existing = find_document_editor (self, id);
  g_autoptr (MkDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }

  document = mk_documents_get (self->database, id, &error);
  if (document == NULL)
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                                  _ ("The Document Cannot Be Opened"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  present_editor (self, mk_document_editor_new (GTK_WINDOW (self), self->database,
                                                mk_document_get_kind (document), id, 0));
}

static void
new_document (MkWindow   *self,
              const char *target)
{
  g_auto (GStrv) parts = g_strsplit (target, ":", 2);
  MkDocumentKind kind;
  gint64         waybill_id = 0;

  if (!mk_document_kind_from_text (parts[0], &kind))
    {
      g_warning ("No document kind %s", parts[0]);
      return;
    }
  /* "RCV:ID": the reception of waybill ID. */
  if (parts[1] != NULL)
    waybill_id = g_ascii_strtoll (parts[1], NULL, 10);
  present_editor (self, mk_document_editor_new (GTK_WINDOW (self), self->database, kind, 0, waybill_id));
}

static void
new_document_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  new_document (MK_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+N: the first "New" of the page shown. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MkWindow   *self = MK_WINDOW (widget);
  const char *target = _mk_window_get_page_new_kind (self);

  if (target == NULL)
    return;
  if (strchr (target, ':') != NULL && !g_ascii_isupper (target[0]))
    gtk_widget_activate_action (widget, "win.open-record", "s", target);
  else
    new_document (self, target);
}

static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);
  g_auto (GStrv) parts = g_strsplit (g_variant_get_string (parameter, NULL), ":", 2);

  if (parts[0] == NULL || parts[1] == NULL)
    return;
  present_editor (self, mk_record_editor_new (GTK_WINDOW (self), self->database, parts[0],
                                              g_ascii_strtoll (parts[1], NULL, 10)));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkWindow *self = MK_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The sidebar's pages, Alt+1 to Alt+9 and Alt+0, in its order. */
static const char *const page_keys[] = {
  "dashboard",
  "stock",
  "receipts",
  "waybills",
  "distributions",
  "services",
  "kitting",
  "counts",
  "households",
  "catalogue",
};

void
_mk_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-work", NULL, cancel_work_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", "s", show_list_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "x", open_document_action);
  gtk_widget_class_install_action (widget_class, "win.new-document", "s", new_document_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "s", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-work", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, i < 9 ? GDK_KEY_1 + i : GDK_KEY_0, GDK_ALT_MASK,
                                         "win.show-page", "s", page_keys[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_ALT_MASK, "win.show-page", "s",
                                       "places");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_ALT_MASK, "win.show-page", "s",
                                       "funding");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK, "win.show-page", "s",
                                       "reports");
}
