/* mk-reports-page.c: the reports page.
 *
 * A list of reports on the start side, the chosen report's parameters on
 * the end side. "Save As…" asks for a file (GtkFileChooserNative, native on
 * Windows), checks the parameters — a wrong one is named under its field —
 * and writes the report in a GTask thread on a connection of its own, with
 * a progress bar and Cancel; at the end "Open the File" opens it with the
 * desktop's application for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "makhzan-core.h"
#include "mk-print-job.h"
#include "mk-report.h"
#include "mk-application.h"
#include "mk-reports-page.h"
#include "mk-ui-resources.h"

/* What a report needs on the form, beyond the Excel kinds' own needs. */
typedef enum
{
  FIELD_WAREHOUSE = 1 << 0,
  FIELD_GRANT = 1 << 1,
  FIELD_ITEM = 1 << 2,
  FIELD_PERIOD = 1 << 3,
  FIELD_MONTH = 1 << 4,
} Fields;

typedef struct
{
  char        *name;
  char        *title;
  char        *description;
  gboolean     printed;
  MkReportKind kind;       /* an Excel workbook */
  MkPrintKind  print_kind; /* a printed report */
  Fields       shown;
  Fields       required;
} Entry;

struct _MkReportsPage
{
  GtkWidget parent_instance;

  MkDatabase   *database;
  GPtrArray    *entries;    /* of Entry, in the list's order */
  GPtrArray    *warehouses; /* codes behind the drop-down, NULL first: all */
  GPtrArray    *grants;
  GPtrArray    *items;
  GCancellable *cancellable; /* of the report being written */
  GFile        *last_file;
  gboolean      busy;
  guint         pulse_source; /* a PDF has no fraction: the bar pulses */

  GtkListBox     *kind_list;
  GtkLabel       *title_label;
  GtkLabel       *description_label;
  GtkWidget      *warehouse_label;
  GtkDropDown    *warehouse_dropdown;
  GtkLabel       *warehouse_error;
  GtkWidget      *grant_label;
  GtkDropDown    *grant_dropdown;
  GtkLabel       *grant_error;
  GtkWidget      *item_label;
  GtkDropDown    *item_dropdown;
  GtkLabel       *item_error;
  GtkWidget      *from_label;
  GtkEntry       *from_entry;
  GtkLabel       *from_error;
  GtkWidget      *to_label;
  GtkEntry       *to_entry;
  GtkLabel       *to_error;
  GtkWidget      *month_label;
  GtkEntry       *month_entry;
  GtkLabel       *month_error;
  GtkDropDown    *language_dropdown;
  GtkWidget      *save_button;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *status_label;
  GtkWidget      *open_button;
};

G_DEFINE_FINAL_TYPE (MkReportsPage, mk_reports_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATABASE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_free (entry->name);
  g_free (entry->title);
  g_free (entry->description);
  g_free (entry);
}

/* The reports, Excel first. Every Excel report can be limited to a
 * warehouse and a grant; what it needs is required. */
static GPtrArray *
build_entries (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  Entry     *entry;

  for (MkReportKind kind = 0; kind < MK_N_REPORT_KINDS; kind++)
    {
      MkReportNeeds needs = mk_report_kind_get_needs (kind);

      entry = g_new0 (Entry, 1);
      entry->name = g_strdup (mk_report_kind_get_name (kind));
      entry->title = g_strdup (mk_report_kind_get_title (kind));
      entry->description = g_strdup (mk_report_kind_get_description (kind));
      entry->kind = kind;
      entry->shown = FIELD_WAREHOUSE | FIELD_GRANT | FIELD_PERIOD;
      if (needs & MK_REPORT_NEEDS_ITEM)
        entry->shown |= FIELD_ITEM;
      entry->required = ((needs & MK_REPORT_NEEDS_WAREHOUSE) ? FIELD_WAREHOUSE : 0) | ((needs & MK_REPORT_NEEDS_GRANT) ? FIELD_GRANT : 0) | ((needs & MK_REPORT_NEEDS_ITEM) ? FIELD_ITEM : 0);
      g_ptr_array_add (entries, entry);
    }

  entry = g_new0 (Entry, 1);
  entry->name = g_strdup ("stock-card-pdf");
  entry->title = g_strdup (_ ("Stock card (PDF)"));
  entry->description = g_strdup (_ ("The movements of one item in one warehouse with their running balance, "
                                    "printed in Arabic and English, as a PDF file."));
  entry->printed = TRUE;
  entry->print_kind = MK_PRINT_STOCK_CARD;
  entry->shown = FIELD_WAREHOUSE | FIELD_ITEM | FIELD_PERIOD;
  entry->required = FIELD_WAREHOUSE | FIELD_ITEM;
  g_ptr_array_add (entries, entry);

  entry = g_new0 (Entry, 1);
  entry->name = g_strdup ("stock-report-pdf");
  entry->title = g_strdup (_ ("Monthly stock report (PDF)"));
  entry->description = g_strdup (_ ("Opening stock, receipts, dispatches, distributions, losses and closing stock "
                                    "of one month, printed in Arabic and English, as a PDF file."));
  entry->printed = TRUE;
  entry->print_kind = MK_PRINT_STOCK_REPORT;
  entry->shown = FIELD_WAREHOUSE | FIELD_MONTH;
  entry->required = FIELD_MONTH;
  g_ptr_array_add (entries, entry);
  return entries;
}

static Entry *
selected_entry (MkReportsPage *self)
{
  GtkListBoxRow *row;

  /* The list emits row-selected while it is disposed. */
  if (self->kind_list == NULL)
    return NULL;
  row = gtk_list_box_get_selected_row (self->kind_list);
  if (row == NULL)
    return NULL;
  return g_ptr_array_index (self->entries, gtk_list_box_row_get_index (row));
}

/* Actions ------------------------------------------------------------------ */

static void
update_actions (MkReportsPage *self)
{
  Entry *entry = selected_entry (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save",
                                 self->database != NULL && entry != NULL && !self->busy);
  /* A PDF is written in one go: it cannot be stopped half-way. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel",
                                 self->busy && self->cancellable != NULL && entry != NULL && !entry->printed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.open-file", self->last_file != NULL && !self->busy);
}

static void
set_busy (MkReportsPage *self,
          gboolean       busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_list), !busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Filling the form --------------------------------------------------------- */

/* A drop-down of "CODE — name" rows, @all_text first (NULL: no such row);
 * @codes receives the code behind each row. */
static void
fill_dropdown (GtkDropDown *dropdown,
               GPtrArray   *records,
               const char  *all_text,
               GPtrArray   *codes)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);

  g_ptr_array_set_size (codes, 0);
  if (all_text != NULL)
    {
      gtk_string_list_append (strings, all_text);
      g_ptr_array_add (codes, NULL);
    }
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      MkRecord        *record = g_ptr_array_index (records, i);
      g_autofree char *code = mk_text_isolate_ltr (mk_record_get_code (record));
      g_autofree char *name = mk_text_isolate (mk_record_get_display_name (record));
      /* Translators: a choice in a drop-down: a code and a name. */
      g_autofree char *text = g_strdup_printf (_ ("%s — %s"), code, name);

      gtk_string_list_append (strings, text);
      g_ptr_array_add (codes, g_strdup (mk_record_get_code (record)));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
fill_choices (MkReportsPage *self)
{
  static const char *kinds[] = { "warehouse", "grant", "item" };
  GtkDropDown       *dropdowns[] = { self->warehouse_dropdown, self->grant_dropdown, self->item_dropdown };
  GPtrArray         *codes[] = { self->warehouses, self->grants, self->items };
  const char        *all[] = { _ ("All warehouses"), _ ("All grants"), _ ("Choose an item") };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (GPtrArray) records = NULL;
      g_autoptr (GError) error = NULL;

      /* Master data is small (tens to hundreds of rows): read here. */
      if (self->database != NULL)
        records = mk_master_data_list (self->database, mk_kind_lookup (kinds[i]), NULL, &error);
      if (error != NULL)
        {
          gtk_label_set_text (self->status_label, error->message);
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
        }
      fill_dropdown (dropdowns[i], records, all[i], codes[i]);
    }
}

static void
show_field (GtkWidget *label,
            GtkWidget *field,
            GtkLabel  *error,
            gboolean   shown)
{
  gtk_widget_set_visible (label, shown);
  gtk_widget_set_visible (field, shown);
  if (!shown)
    gtk_widget_set_visible (GTK_WIDGET (error), FALSE);
}

static void
kind_selected (MkReportsPage *self,
               GtkListBoxRow *row)
{
  Entry *entry = selected_entry (self);

  if (entry == NULL)
    return;
  gtk_label_set_text (self->title_label, entry->title);
  gtk_label_set_text (self->description_label, entry->description);
  show_field (self->warehouse_label, GTK_WIDGET (self->warehouse_dropdown), self->warehouse_error,
              entry->shown & FIELD_WAREHOUSE);
  show_field (self->grant_label, GTK_WIDGET (self->grant_dropdown), self->grant_error, entry->shown & FIELD_GRANT);
  show_field (self->item_label, GTK_WIDGET (self->item_dropdown), self->item_error, entry->shown & FIELD_ITEM);
  show_field (self->from_label, GTK_WIDGET (self->from_entry), self->from_error, entry->shown & FIELD_PERIOD);
  show_field (self->to_label, GTK_WIDGET (self->to_entry), self->to_error, entry->shown & FIELD_PERIOD);
  show_field (self->month_label, GTK_WIDGET (self->month_entry), self->month_error, entry->shown & FIELD_MONTH);
  gtk_button_set_label (GTK_BUTTON (self->save_button), entry->printed ? _ ("_Save as PDF…") : _ ("_Save As…"));
  update_actions (self);
}

static void
field_changed (MkReportsPage *self,
               GtkEditable   *editable)
{
  /* The message beside a field goes as soon as the field changes. */
  if (editable == GTK_EDITABLE (self->from_entry))
    gtk_widget_set_visible (GTK_WIDGET (self->from_error), FALSE);
  else if (editable == GTK_EDITABLE (self->to_entry))
    gtk_widget_set_visible (GTK_WIDGET (self->to_error), FALSE);
  else if (editable == GTK_EDITABLE (self->month_entry))
    gtk_widget_set_visible (GTK_WIDGET (self->month_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

/* Checking the parameters ---------------------------------------------------- */

typedef struct
{
  char          *db_path;
  char          *path;
  gboolean       printed;
  MkReportKind   kind;
  MkPrintKind    print_kind;
  char          *warehouse;
  char          *grant;
  char          *item;
  char          *from;
  char          *to;
  char          *month;
  char          *language;
  MkPaper        paper; /* of the preferences, for printed reports */
  MkReportsPage *page;  /* a reference, dropped on the main thread */
} RunData;

static void
run_data_free (RunData *run)
{
  g_free (run->db_path);
  g_free (run->path);
  g_free (run->warehouse);
  g_free (run->grant);
  g_free (run->item);
  g_free (run->from);
  g_free (run->to);
  g_free (run->month);
  g_free (run->language);
  g_clear_object (&run->page);
  g_free (run);
}

static void
refuse (GtkWidget  *field,
        GtkLabel   *error_label,
        const char *message)
{
  gtk_label_set_text (error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
  gtk_widget_add_css_class (field, "error");
}

static const char *
chosen_code (GtkDropDown *dropdown,
             GPtrArray   *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

/* A date typed in @entry (NULL when empty); refused beside the field. */
static gboolean
read_date (GtkEntry *entry,
           GtkLabel *error_label,
           char    **date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr (GError) error = NULL;

  *date = NULL;
  if (*text == '\0')
    return TRUE;
  *date = mk_text_parse_date (text, &error);
  if (*date == NULL)
    {
      refuse (GTK_WIDGET (entry), error_label, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_month (MkReportsPage *self,
            char         **month)
{
  g_autofree char *text = mk_text_normalize_number (gtk_editable_get_text (GTK_EDITABLE (self->month_entry)));
  g_autofree char *first_day = NULL;
  g_autofree char *iso = NULL;

  *month = NULL;
  if (text == NULL || *text == '\0')
    {
      refuse (GTK_WIDGET (self->month_entry), self->month_error, _ ("Write the month, such as 2026-03."));
      return FALSE;
    }
  first_day = g_strdup_printf ("%s-01", text);
  iso = mk_text_parse_date (first_day, NULL);
  if (iso == NULL || strlen (text) != 7)
    {
      g_autofree char *quoted = mk_text_isolate_ltr (text);
      g_autofree char *message = g_strdup_printf (_ ("%s is not a month; write it as YYYY-MM, such as 2026-03."),
                                                  quoted);

      refuse (GTK_WIDGET (self->month_entry), self->month_error, message);
      return FALSE;
    }
  *month = g_strndup (iso, 7);
  return TRUE;
}

static void
clear_errors (MkReportsPage *self)
{
  GtkLabel  *labels[] = { self->warehouse_error, self->grant_error, self->item_error,
                          self->from_error, self->to_error, self->month_error };
  GtkWidget *fields[] = { GTK_WIDGET (self->warehouse_dropdown), GTK_WIDGET (self->grant_dropdown),
                          GTK_WIDGET (self->item_dropdown), GTK_WIDGET (self->from_entry),
                          GTK_WIDGET (self->to_entry), GTK_WIDGET (self->month_entry) };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
      gtk_widget_remove_css_class (fields[i], "error");
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_label_set_text (self->status_label, "");
}

/* Reads the form into a run; every wrong field is named beside it. */
static RunData *
read_form (MkReportsPage *self,
           Entry         *entry)
{
  g_autoptr (GError) error = NULL;
  RunData *run = g_new0 (RunData, 1);
  gboolean ok = TRUE;

  clear_errors (self);
  run->printed = entry->printed;
  run->kind = entry->kind;
  run->print_kind = entry->print_kind;

  if (entry->shown & FIELD_WAREHOUSE)
    run->warehouse = g_strdup (chosen_code (self->warehouse_dropdown, self->warehouses));
  if (entry->shown & FIELD_GRANT)
    run->grant = g_strdup (chosen_code (self->grant_dropdown, self->grants));
  if (entry->shown & FIELD_ITEM)
    run->item = g_strdup (chosen_code (self->item_dropdown, self->items));
  if ((entry->required & FIELD_WAREHOUSE) && run->warehouse == NULL)
    {
      refuse (GTK_WIDGET (self->warehouse_dropdown), self->warehouse_error, _ ("Choose the warehouse."));
      ok = FALSE;
    }
  if ((entry->required & FIELD_GRANT) && run->grant == NULL)
    {
      refuse (GTK_WIDGET (self->grant_dropdown), self->grant_error, _ ("Choose the grant."));
      ok = FALSE;
    }
  if ((entry->required & FIELD_ITEM) && run->item == NULL)
    {
      refuse (GTK_WIDGET (self->item_dropdown), self->item_error, _ ("Choose the item."));
      ok = FALSE;
    }
  if (entry->shown & FIELD_PERIOD)
    {
      gboolean from_ok = read_date (self->from_entry, self->from_error, &run->from);
      gboolean to_ok = read_date (self->to_entry, self->to_error, &run->to);

      ok = ok && from_ok && to_ok;
      if (from_ok && to_ok && run->from != NULL && run->to != NULL && strcmp (run->to, run->from) < 0)
        {
          refuse (GTK_WIDGET (self->to_entry), self->to_error, _ ("The period ends before it starts."));
          ok = FALSE;
        }
    }
  if ((entry->shown & FIELD_MONTH) && !read_month (self, &run->month))
    ok = FALSE;

  switch (gtk_drop_down_get_selected (self->language_dropdown))
    {
    case 1:
      run->language = g_strdup ("en");
      break;
    case 2:
      run->language = g_strdup ("ar");
      break;
    default:
      run->language = NULL;
      break;
    }
  run->paper = mk_application_get_paper (GTK_IS_ROOT (gtk_widget_get_root (GTK_WIDGET (self)))
                                             ? gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
                                             : NULL);

  if (!ok)
    {
      run_data_free (run);
      return NULL;
    }
  return run;
}

/* Writing ---------------------------------------------------------------- */

typedef struct
{
  MkReportsPage *page;
  GCancellable  *cancellable;
  double         fraction;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->page);
  g_object_unref (progress->cancellable);
  g_free (progress);
}

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  /* Only the report still being written moves the bar. */
  if (progress->page->cancellable == progress->cancellable)
    gtk_progress_bar_set_fraction (progress->page->progress_bar, CLAMP (progress->fraction, 0.0, 1.0));
  return G_SOURCE_REMOVE;
}

typedef struct
{
  RunData      *run;
  GCancellable *cancellable;
  double        last_fraction;
} ThreadProgress;

/* Called on the writing thread: hands the fraction to the main loop, at
 * most once per percent. */
static void
report_progress (double   fraction,
                 gpointer data)
{
  ThreadProgress *thread_progress = data;
  Progress       *progress;

  if (fraction < thread_progress->last_fraction + 0.01 && fraction < 1.0)
    return;
  thread_progress->last_fraction = fraction;
  progress = g_new0 (Progress, 1);
  progress->page = g_object_ref (thread_progress->run->page);
  progress->cancellable = g_object_ref (thread_progress->cancellable);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress, progress, (GDestroyNotify) progress_free);
}

static gboolean
write_printed (MkDatabase *db,
               RunData    *run,
               GError    **error)
{
  MkPrintOptions options = { .paper = run->paper, .language = run->language };
  g_autoptr (MkPrintJob) job = NULL;

  if (run->print_kind == MK_PRINT_STOCK_CARD)
    job = mk_print_job_new_stock_card (db, run->warehouse, run->item, run->from, run->to, &options, error);
  else
    job = mk_print_job_new_stock_report (db, run->warehouse, run->month, &options, error);
  return job != NULL && mk_print_job_write_pdf (job, run->path, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RunData *run = task_data;
  g_autoptr (MkDatabase) db = NULL;
  GError  *error = NULL;
  gboolean ok;

  db = mk_database_open (run->db_path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (run->printed)
    ok = write_printed (db, run, &error);
  else
    {
      MkReportOptions options = {
        .kind = run->kind,
        .warehouse_code = run->warehouse,
        .grant_code = run->grant,
        .item_code = run->item,
        .from = run->from,
        .to = run->to,
        .language = run->language,
      };
      ThreadProgress progress = { run, cancellable, -1.0 };

      ok = mk_report_write (db, &options, run->path, report_progress, &progress, cancellable, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  MkReportsPage *self = MK_REPORTS_PAGE (source);
  RunData       *run = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return; /* the page was disposed */
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_path_get_basename (run->path);
      g_autofree char *quoted = mk_text_isolate (name);
      g_autofree char *message = g_strdup_printf (_ ("Saved as %s."), quoted);

      g_clear_object (&self->last_file);
      self->last_file = g_file_new_for_path (run->path);
      gtk_label_set_text (self->status_label, message);
      gtk_widget_set_visible (self->open_button, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_error_matches (error, MK_REPORT_ERROR, MK_REPORT_ERROR_CANCELLED))
    gtk_label_set_text (self->status_label, _ ("Stopped: no file was written."));
  else
    {
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  set_busy (self, FALSE);
}

static gboolean
pulse (gpointer data)
{
  MkReportsPage *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

gboolean
mk_reports_page_save_to (MkReportsPage *self,
                         GFile         *file)
{
  g_autoptr (GTask) task = NULL;
  Entry   *entry;
  RunData *run;

  g_return_val_if_fail (MK_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  entry = selected_entry (self);
  if (self->database == NULL || entry == NULL)
    return FALSE;
  run = read_form (self, entry);
  if (run == NULL)
    return FALSE;
  run->db_path = g_strdup (mk_database_get_path (self->database));
  run->path = g_file_get_path (file);
  run->page = g_object_ref (self);
  if (run->path == NULL)
    {
      gtk_label_set_text (self->status_label, _ ("Choose a file on this computer."));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      run_data_free (run);
      return FALSE;
    }

  gtk_widget_set_visible (self->open_button, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->status_label, entry->printed ? _ ("Writing the PDF file…") : _ ("Writing the workbook…"));
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, write_done, NULL);
  g_task_set_source_tag (task, mk_reports_page_save_to);
  g_task_set_task_data (task, run, (GDestroyNotify) run_data_free);
  /* What the writer says counts: a report finished just as Cancel was
   * pressed is there, and is reported so. */
  g_task_set_check_cancellable (task, FALSE);
  set_busy (self, TRUE);
  if (entry->printed)
    self->pulse_source = g_timeout_add (100, pulse, self);
  g_task_run_in_thread (task, write_in_thread);
  return TRUE;
}

/* Save As… ----------------------------------------------------------------- */

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  MkReportsPage *self = MK_REPORTS_PAGE (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && !self->busy)
        mk_reports_page_save_to (self, file);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkReportsPage        *self = MK_REPORTS_PAGE (widget);
  Entry                *entry = selected_entry (self);
  GtkNative            *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (entry == NULL)
    return;
  chooser = gtk_file_chooser_native_new (entry->printed ? _ ("Save the Report as PDF") : _ ("Save the Workbook"),
                                         GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (entry->printed)
    {
      gtk_file_filter_set_name (filter, _ ("PDF documents"));
      gtk_file_filter_add_suffix (filter, "pdf");
      name = g_strdup_printf ("%s-%s.pdf", entry->name, date);
    }
  else
    {
      gtk_file_filter_set_name (filter, _ ("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
      name = g_strdup_printf ("%s-%s.xlsx", entry->name, date);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkReportsPage *self = MK_REPORTS_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MkReportsPage   *self = MK_REPORTS_PAGE (widget);
  GtkNative       *native = gtk_widget_get_native (widget);
  g_autofree char *uri = NULL;

  if (self->last_file == NULL)
    return;
  uri = g_file_get_uri (self->last_file);
  /* gtk_show_uri() hands the file to the desktop (the portal in a
   * sandbox, the shell on Windows). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL, uri, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* Public ------------------------------------------------------------------- */

gboolean
mk_reports_page_select (MkReportsPage *self,
                        const char    *name)
{
  g_return_val_if_fail (MK_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->name, name))
        {
          gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, (int) i));
          return TRUE;
        }
    }
  return FALSE;
}

const char *
mk_reports_page_get_selected (MkReportsPage *self)
{
  Entry *entry;

  g_return_val_if_fail (MK_IS_REPORTS_PAGE (self), NULL);
  entry = selected_entry (self);
  return entry != NULL ? entry->name : NULL;
}

gboolean
mk_reports_page_get_busy (MkReportsPage *self)
{
  g_return_val_if_fail (MK_IS_REPORTS_PAGE (self), FALSE);
  return self->busy;
}

GFile *
mk_reports_page_get_last_file (MkReportsPage *self)
{
  g_return_val_if_fail (MK_IS_REPORTS_PAGE (self), NULL);
  return self->last_file;
}

MkDatabase *
mk_reports_page_get_database (MkReportsPage *self)
{
  g_return_val_if_fail (MK_IS_REPORTS_PAGE (self), NULL);
  return self->database;
}

static void
database_changed (MkReportsPage *self,
                  const char    *table)
{
  /* New warehouses, grants or items appear in the choices. */
  if (g_str_equal (table, "warehouses") || g_str_equal (table, "grants") || g_str_equal (table, "items"))
    fill_choices (self);
}

void
mk_reports_page_set_database (MkReportsPage *self,
                              MkDatabase    *database)
{
  g_return_if_fail (MK_IS_REPORTS_PAGE (self));
  g_return_if_fail (database == NULL || MK_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  g_clear_object (&self->last_file);
  gtk_widget_set_visible (self->open_button, FALSE);
  fill_choices (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* GObject ------------------------------------------------------------------ */

static void
mk_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkReportsPage *self = MK_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MkReportsPage *self = MK_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      mk_reports_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_reports_page_dispose (GObject *object)
{
  MkReportsPage *self = MK_REPORTS_PAGE (object);
  GtkWidget     *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->database);
  g_clear_object (&self->last_file);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_REPORTS_PAGE);
  /* The template's outer box has no id, so it is not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (mk_reports_page_parent_class)->dispose (object);
}

static void
mk_reports_page_finalize (GObject *object)
{
  MkReportsPage *self = MK_REPORTS_PAGE (object);

  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->warehouses);
  g_ptr_array_unref (self->grants);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (mk_reports_page_parent_class)->finalize (object);
}

static void
mk_reports_page_class_init (MkReportsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mk_reports_page_get_property;
  object_class->set_property = mk_reports_page_set_property;
  object_class->dispose = mk_reports_page_dispose;
  object_class->finalize = mk_reports_page_finalize;

  properties[PROP_DATABASE] = g_param_spec_object ("database", NULL, NULL, MK_TYPE_DATABASE,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reports.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "reports.open-file", NULL, open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "reports.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reports.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reports.open-file", NULL);

  /* Keeps the resource's object file linked (it registers itself). */
  (void) mk_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/makhzan/Makhzan/mk-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, kind_list);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, warehouse_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, warehouse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, warehouse_error);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, grant_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, grant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, grant_error);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, item_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, item_error);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, from_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, from_error);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, to_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, to_error);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, month_entry);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, month_error);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, MkReportsPage, open_button);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, field_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reports");
}

/* In GTK 4 a widget without a direction of its own takes the default one,
 * not its parent's: a GtkEntry's text is a child, which has to be told too. */
static void
set_left_to_right (GtkWidget *widget)
{
  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    set_left_to_right (child);
}

static void
mk_reports_page_init (MkReportsPage *self)
{
  self->entries = build_entries ();
  self->warehouses = g_ptr_array_new_with_free_func (g_free);
  self->grants = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Dates are typed left to right, whatever the language. */
  set_left_to_right (GTK_WIDGET (self->from_entry));
  set_left_to_right (GTK_WIDGET (self->to_entry));
  set_left_to_right (GTK_WIDGET (self->month_entry));
  gtk_drop_down_set_expression (self->item_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry     *entry = g_ptr_array_index (self->entries, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (entry->title);
      GtkWidget *kind = gtk_label_new (entry->printed ? _ ("Printed, PDF") : _ ("Excel workbook"));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), kind);
      gtk_list_box_append (self->kind_list, box);
    }
  gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
  update_actions (self);
}

GtkWidget *
mk_reports_page_new (void)
{
  return g_object_new (MK_TYPE_REPORTS_PAGE, NULL);
}
