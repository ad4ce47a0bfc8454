/* mk-record-chooser.c: an entry that finds a baladiya or a record by code
 * or by English or Arabic name.
 *
 * The core searches (with Arabic letter variants folded); the matches are
 * listed in a popover under the entry that leaves the focus in the entry,
 * so that typing goes on. Down moves into the list, Enter takes the first
 * match, Escape closes the list without closing the editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-record-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-kind.h"
#include "mk-master-data.h"
#include "mk-places.h"
#include "mk-record-chooser.h"

/* More matches than this are not read: the person types on instead. */
#define MAX_MATCHES 40

struct _MkRecordChooser
{
  GtkWidget parent_instance;

  MkDatabase   *db;
  const MkKind *kind; /* NULL: baladiyas */
  GtkWidget    *entry;
  GtkWidget    *popover;
  GtkWidget    *list;
  GPtrArray    *match_codes;  /* char * */
  GPtrArray    *match_labels; /* char * */
  char         *chosen_code;
  gboolean      setting_text;
  guint         focus_idle;
};

G_DEFINE_FINAL_TYPE (MkRecordChooser, mk_record_chooser, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Benghazi — LY010304": the name people know, and the code that decides. */
static char *
match_label (const char *name,
             const char *code)
{
  if (name == NULL || *name == '\0' || g_strcmp0 (name, code) == 0)
    return g_strdup (code);
  return g_strdup_printf ("%s — %s", name, code);
}

static void
clear_matches (MkRecordChooser *self)
{
  GtkWidget *row;

  g_ptr_array_set_size (self->match_codes, 0);
  g_ptr_array_set_size (self->match_labels, 0);
  while ((row = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), row);
}

static void
add_match (MkRecordChooser *self,
           const char      *code,
           const char      *name)
{
  GtkWidget *label;

  g_ptr_array_add (self->match_codes, g_strdup (code));
  g_ptr_array_add (self->match_labels, match_label (name, code));
  label = gtk_label_new (g_ptr_array_index (self->match_labels, self->match_labels->len - 1));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_box_append (GTK_LIST_BOX (self->list), label);
}

static void
search (MkRecordChooser *self,
        const char      *text)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  clear_matches (self);
  if (text == NULL || *text == '\0')
    return;

  if (self->kind == NULL)
    {
      found = mk_places_search (self->db, text, &error);
      for (guint i = 0; found != NULL && i < found->len && i < MAX_MATCHES; i++)
        {
          const MkPlace *place = g_ptr_array_index (found, i);

          add_match (self, place->pcode, mk_place_get_display_name (place));
        }
    }
  else
    {
      found = mk_master_data_list (self->db, self->kind, text, &error);
      for (guint i = 0; found != NULL && i < found->len && i < MAX_MATCHES; i++)
        {
          MkRecord *record = g_ptr_array_index (found, i);

          add_match (self, mk_record_get_code (record), mk_record_get_display_name (record));
        }
    }
  /* A search that fails (a database gone) lists nothing; saving will say why. */
  if (error != NULL)
    g_debug ("Searching for “%s” failed: %s", text, error->message);
}

static void
popdown (MkRecordChooser *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
set_entry_text (MkRecordChooser *self,
                const char      *text)
{
  self->setting_text = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->setting_text = FALSE;
}

void
mk_record_chooser_choose_match (MkRecordChooser *self,
                                guint            index)
{
  g_return_if_fail (MK_IS_RECORD_CHOOSER (self));
  g_return_if_fail (index < self->match_codes->len);

  g_free (self->chosen_code);
  self->chosen_code = g_strdup (g_ptr_array_index (self->match_codes, index));
  set_entry_text (self, g_ptr_array_index (self->match_labels, index));
  popdown (self);
  clear_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_changed (MkRecordChooser *self)
{
  g_autofree char *text = NULL;

  if (self->setting_text)
    return;

  g_clear_pointer (&self->chosen_code, g_free);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  search (self, text);
  if (self->match_codes->len > 0 && gtk_widget_has_focus (self->entry))
    {
      gtk_widget_set_size_request (self->popover, gtk_widget_get_width (GTK_WIDGET (self)), -1);
      gtk_popover_popup (GTK_POPOVER (self->popover));
    }
  else
    popdown (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_activate (MkRecordChooser *self)
{
  if (self->chosen_code == NULL && self->match_codes->len > 0)
    mk_record_chooser_choose_match (self, 0);
}

static void
on_row_activated (MkRecordChooser *self,
                  GtkListBoxRow   *row)
{
  mk_record_chooser_choose_match (self, (guint) gtk_list_box_row_get_index (row));
  gtk_widget_grab_focus (self->entry);
}

static gboolean
on_key_pressed (MkRecordChooser *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (!gtk_widget_get_visible (self->popover))
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0);

      if (first != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first));
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Escape)
    {
      popdown (self);
      gtk_widget_grab_focus (self->entry);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
close_when_focus_left (gpointer data)
{
  MkRecordChooser *self = data;
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget       *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  self->focus_idle = 0;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    popdown (self);
  return G_SOURCE_REMOVE;
}

static void
on_focus_leave (MkRecordChooser *self)
{
  /* The focus may be moving into the list: look once it has landed. */
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add (close_when_focus_left, self);
}

/* Size: the entry's; the popover is placed, not laid out. */
static void
mk_record_chooser_measure (GtkWidget     *widget,
                           GtkOrientation orientation,
                           int            for_size,
                           int           *minimum,
                           int           *natural,
                           int           *minimum_baseline,
                           int           *natural_baseline)
{
  MkRecordChooser *self = MK_RECORD_CHOOSER (widget);

  gtk_widget_measure (self->entry, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
mk_record_chooser_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MkRecordChooser *self = MK_RECORD_CHOOSER (widget);

  gtk_widget_allocate (self->entry, width, height, baseline, NULL);
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
mk_record_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (MK_RECORD_CHOOSER (widget)->entry);
}

static void
mk_record_chooser_dispose (GObject *object)
{
  MkRecordChooser *self = MK_RECORD_CHOOSER (object);

  g_clear_handle_id (&self->focus_idle, g_source_remove);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (mk_record_chooser_parent_class)->dispose (object);
}

static void
mk_record_chooser_finalize (GObject *object)
{
  MkRecordChooser *self = MK_RECORD_CHOOSER (object);

  g_ptr_array_unref (self->match_codes);
  g_ptr_array_unref (self->match_labels);
  g_free (self->chosen_code);
  G_OBJECT_CLASS (mk_record_chooser_parent_class)->finalize (object);
}

static void
mk_record_chooser_class_init (MkRecordChooserClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_record_chooser_dispose;
  object_class->finalize = mk_record_chooser_finalize;
  widget_class->measure = mk_record_chooser_measure;
  widget_class->size_allocate = mk_record_chooser_size_allocate;
  widget_class->grab_focus = mk_record_chooser_grab_focus;

  /**
   * MkRecordChooser::changed:
   *
   * Emitted when the text changes or a record is chosen.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "mk-record-chooser");
}

static void
mk_record_chooser_init (MkRecordChooser *self)
{
  GtkEventController *keys;
  GtkEventController *focus;
  GtkWidget          *scrolled;

  self->match_codes = g_ptr_array_new_with_free_func (g_free);
  self->match_labels = g_ptr_array_new_with_free_func (g_free);

  self->entry = gtk_entry_new ();
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->entry, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_add_css_class (self->popover, "mk-chooser-matches");
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->popover, keys);
}

GtkWidget *
mk_record_chooser_new (MkDatabase *db,
                       const char *kind_name)
{
  MkRecordChooser *self;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind_name != NULL, NULL);

  self = g_object_new (MK_TYPE_RECORD_CHOOSER, NULL);
  self->db = g_object_ref (db);
  if (!g_str_equal (kind_name, "baladiya"))
    {
      self->kind = mk_kind_lookup (kind_name);
      g_return_val_if_fail (self->kind != NULL, GTK_WIDGET (self));
    }
  else
    /* Translators: the placeholder of a baladiya field. */
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _ ("Name or P-code"));
  if (self->kind != NULL)
    /* Translators: the placeholder of a field that refers to another record. */
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _ ("Code or name"));
  return GTK_WIDGET (self);
}

void
mk_record_chooser_set_code (MkRecordChooser *self,
                            const char      *code)
{
  g_autofree char *label = NULL;

  g_return_if_fail (MK_IS_RECORD_CHOOSER (self));

  g_clear_pointer (&self->chosen_code, g_free);
  clear_matches (self);
  if (code == NULL || *code == '\0')
    {
      set_entry_text (self, "");
      return;
    }

  if (self->kind == NULL)
    {
      g_autoptr (MkPlace) place = mk_places_find_baladiya (self->db, code, NULL);

      if (place != NULL)
        label = match_label (mk_place_get_display_name (place), place->pcode);
    }
  else
    {
      g_autoptr (MkRecord) record = mk_master_data_get (self->db, self->kind, code, NULL);

      if (record != NULL)
        label = match_label (mk_record_get_display_name (record), mk_record_get_code (record));
    }
  self->chosen_code = g_strdup (code);
  set_entry_text (self, label != NULL ? label : code);
}

char *
mk_record_chooser_get_text (MkRecordChooser *self)
{
  g_autofree char *typed = NULL;

  g_return_val_if_fail (MK_IS_RECORD_CHOOSER (self), NULL);

  if (self->chosen_code != NULL)
    return g_strdup (self->chosen_code);
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (self->match_codes->len == 1)
    return g_strdup (g_ptr_array_index (self->match_codes, 0));
  return g_steal_pointer (&typed);
}

GtkEditable *
mk_record_chooser_get_editable (MkRecordChooser *self)
{
  g_return_val_if_fail (MK_IS_RECORD_CHOOSER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

guint
mk_record_chooser_get_n_matches (MkRecordChooser *self)
{
  g_return_val_if_fail (MK_IS_RECORD_CHOOSER (self), 0);
  return self->match_codes->len;
}
