/* mk-list-page.c: a page of the main window that shows one or more lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-list-page.h"

struct _MkListPage
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget        *header;
  GtkLabel         *title_label;
  GtkStackSwitcher *switcher;
  GtkBox           *buttons;
  GtkStack         *stack;
};

G_DEFINE_FINAL_TYPE (MkListPage, mk_list_page, GTK_TYPE_WIDGET)

GtkWidget *
mk_list_page_new (const char *title)
{
  MkListPage *self = g_object_new (MK_TYPE_LIST_PAGE, NULL);

  gtk_label_set_text (self->title_label, title);
  return GTK_WIDGET (self);
}

MkListView *
mk_list_page_add_list (MkListPage         *self,
                       MkDatabase         *db,
                       const MkListSource *source,
                       const char         *name,
                       const char         *title,
                       const char         *fixed_key,
                       const char         *fixed_value)
{
  GtkWidget *view;

  g_return_val_if_fail (MK_IS_LIST_PAGE (self), NULL);

  view = mk_list_view_new (db, source);
  if (fixed_key != NULL)
    mk_list_view_set_fixed_filter (MK_LIST_VIEW (view), fixed_key, fixed_value);
  gtk_stack_add_titled (self->stack, view, name, title);
  /* One list needs no switcher. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher),
                          g_list_model_get_n_items (G_LIST_MODEL (gtk_stack_get_pages (self->stack))) > 1);
  return MK_LIST_VIEW (view);
}

void
mk_list_page_add_button (MkListPage *self,
                         const char *label,
                         const char *action_name,
                         const char *target)
{
  GtkWidget *button;

  g_return_if_fail (MK_IS_LIST_PAGE (self));

  button = gtk_button_new_with_mnemonic (label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->buttons)) == NULL)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (self->buttons, button);
}

MkListView *
mk_list_page_show_list (MkListPage *self,
                        const char *name)
{
  GtkWidget *child;

  g_return_val_if_fail (MK_IS_LIST_PAGE (self), NULL);

  child = name != NULL ? gtk_stack_get_child_by_name (self->stack, name) : NULL;
  if (child == NULL)
    child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
  if (child == NULL)
    return NULL;
  gtk_stack_set_visible_child (self->stack, child);
  return MK_LIST_VIEW (child);
}

MkListView *
mk_list_page_get_visible_list (MkListPage *self)
{
  GtkWidget *child;

  g_return_val_if_fail (MK_IS_LIST_PAGE (self), NULL);

  child = gtk_stack_get_visible_child (self->stack);
  return child != NULL ? MK_LIST_VIEW (child) : NULL;
}

void
mk_list_page_set_warehouse (MkListPage *self,
                            const char *warehouse_code)
{
  g_return_if_fail (MK_IS_LIST_PAGE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mk_list_view_set_warehouse (MK_LIST_VIEW (child), warehouse_code);
}

static void
mk_list_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MK_TYPE_LIST_PAGE);
  G_OBJECT_CLASS (mk_list_page_parent_class)->dispose (object);
}

static void
mk_list_page_class_init (MkListPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_list_page_dispose;

  g_type_ensure (MK_TYPE_LIST_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MkListPage, header);
  gtk_widget_class_bind_template_child (widget_class, MkListPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkListPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, MkListPage, buttons);
  gtk_widget_class_bind_template_child (widget_class, MkListPage, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
mk_list_page_init (MkListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}
