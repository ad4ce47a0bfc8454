/* mk-document-editor-print.c: printing the editor's document and saving it
 * as a PDF file, through the print module's MkPrintJob (src/print).
 *
 * The job reads what it prints when it is made, then lays out pages on the
 * print context's size ("begin-print") and draws them one by one
 * ("draw-page"). Save as PDF writes the same pages to a temporary file and
 * renames it, so that a failure never leaves half a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-document-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-application.h"
#include "mk-document-editor-private.h"
#include "mk-print-job.h"
#include "mk-text.h"

/* What the document prints as, or FALSE when its kind has no printed form. */
static gboolean
print_kind_for (MkDocumentKind kind,
                MkPrintKind   *print_kind)
{
  switch (kind)
    {
    case MK_DOCUMENT_WAYBILL:
      *print_kind = MK_PRINT_WAYBILL;
      return TRUE;
    case MK_DOCUMENT_GRN:
    case MK_DOCUMENT_RECEPTION:
      *print_kind = MK_PRINT_GRN;
      return TRUE;
    case MK_DOCUMENT_ADJUSTMENT:
      *print_kind = MK_PRINT_LOSS_REPORT;
      return TRUE;
    case MK_DOCUMENT_DISTRIBUTION:
      *print_kind = MK_PRINT_DISTRIBUTION_LIST;
      return TRUE;
    case MK_DOCUMENT_KITTING:
    case MK_DOCUMENT_DEKITTING:
    case MK_DOCUMENT_COUNT:
    case MK_DOCUMENT_CANCELLATION:
    case MK_DOCUMENT_SERVICE:
    case MK_DOCUMENT_N_KINDS:
    default:
      return FALSE;
    }
}

gboolean
_mk_document_editor_can_print (MkDocumentEditor *self)
{
  MkPrintKind print_kind;

  if (self->document == NULL || !print_kind_for (self->kind, &print_kind))
    return FALSE;
  /* A distribution list is printed before the distribution, to be signed
   * by the people who receive: a saved draft will do. */
  if (mk_document_get_status (self->document) == MK_DOCUMENT_POSTED)
    return TRUE;
  return print_kind == MK_PRINT_DISTRIBUTION_LIST && mk_document_get_id (self->document) != 0;
}

static MkPrintJob *
make_job (MkDocumentEditor *self,
          GError          **error)
{
  GtkApplication  *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *logo = mk_application_dup_logo (app);
  MkPrintOptions   options = { mk_application_get_paper (app), NULL, NULL, logo, 0 };
  MkPrintKind      print_kind;

  if (!_mk_document_editor_can_print (self) || !print_kind_for (self->kind, &print_kind))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _ ("This document has no printed form, or must be posted first."));
      return NULL;
    }
  return mk_print_job_new_for_document (self->db, print_kind, self->document, &options, error);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                MkPrintJob        *job)
{
  g_autoptr (GError) error = NULL;

  if (!mk_print_job_paginate (job, gtk_print_context_get_cairo_context (context),
                              gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                              &error))
    {
      g_object_set_data_full (G_OBJECT (operation), "mk-error", g_steal_pointer (&error),
                              (GDestroyNotify) g_error_free);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) mk_print_job_get_n_pages (job));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              MkPrintJob        *job)
{
  mk_print_job_draw_page (job, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
report_result (MkDocumentEditor       *self,
               GtkPrintOperation      *operation,
               GtkPrintOperationResult result)
{
  const GError *paginate_error = g_object_get_data (G_OBJECT (operation), "mk-error");
  g_autoptr (GError) error = NULL;

  if (paginate_error != NULL)
    error = g_error_copy (paginate_error);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Not printed: %s"), error->message);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, message);
    }
}

static void
print_done_cb (GtkPrintOperation      *operation,
               GtkPrintOperationResult result,
               MkDocumentEditor       *self)
{
  report_result (self, operation, result);
}

/* Runs a print operation over @job: with the print dialog (which also
 * prints to a file), or straight into the PDF file @export_path. */
static gboolean
run_print (MkDocumentEditor *self,
           MkPrintJob       *job,
           const char       *export_path,
           GError          **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) page_setup = gtk_page_setup_new ();
  /* The paper of the preferences, as the job was laid out on. */
  g_autoptr (GtkPaperSize) paper = gtk_paper_size_new (
      mk_application_get_paper (gtk_window_get_application (GTK_WINDOW (self))) == MK_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                                                   : GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;
  const GError           *paginate_error;

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, mk_print_job_is_landscape (job) ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                              : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  /* The job keeps its own margins, in points from the paper's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, mk_print_job_get_title (job));
  g_object_set_data_full (G_OBJECT (operation), "mk-job", g_object_ref (job), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  if (export_path == NULL)
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self),
                                        error);
      return result != GTK_PRINT_OPERATION_RESULT_ERROR;
    }

  gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  paginate_error = g_object_get_data (G_OBJECT (operation), "mk-error");
  if (paginate_error != NULL)
    {
      g_propagate_error (error, g_error_copy (paginate_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
mk_document_editor_print_to_file (MkDocumentEditor *self,
                                  const char       *path,
                                  GError          **error)
{
  g_autoptr (MkPrintJob) job = NULL;

  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = make_job (self, error);
  return job != NULL && run_print (self, job, path, error);
}

gboolean
mk_document_editor_save_pdf (MkDocumentEditor *self,
                             const char       *path,
                             GError          **error)
{
  g_autoptr (MkPrintJob) job = NULL;

  g_return_val_if_fail (MK_IS_DOCUMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = make_job (self, error);
  return job != NULL && mk_print_job_write_pdf (job, path, error);
}

void
_mk_document_editor_print (MkDocumentEditor *self)
{
  g_autoptr (MkPrintJob) job = NULL;
  g_autoptr (GError) error = NULL;

  job = make_job (self, &error);
  if (job == NULL || !run_print (self, job, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Not printed: %s"), error->message);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, message);
    }
}

static void
save_pdf_response_cb (GtkNativeDialog  *chooser,
                      int               response,
                      MkDocumentEditor *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (self), "mk-pdf-chooser", NULL);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR,
                                        _ ("Not saved: choose a folder on this computer."));
      return;
    }
  if (!mk_document_editor_save_pdf (self, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_ ("Not saved: %s"), error->message);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *name_iso = mk_text_isolate_ltr (name);
      g_autofree char *message = g_strdup_printf (_ ("Saved as %s."), name_iso);

      _mk_document_editor_show_message (self, GTK_MESSAGE_INFO, message);
    }
}

void
_mk_document_editor_choose_pdf (MkDocumentEditor *self)
{
  g_autoptr (MkPrintJob) job = NULL;
  g_autoptr (GError) error = NULL;
  GtkFileChooserNative *chooser;
  g_autofree char      *name = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  /* Made first, so that a document that cannot print says so at once. */
  job = make_job (self, &error);
  if (job == NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Not saved: %s"), error->message);
      _mk_document_editor_show_message (self, GTK_MESSAGE_ERROR, message);
      return;
    }
  chooser = gtk_file_chooser_native_new (_ ("Save as PDF"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Save"), _ ("_Cancel"));
  name = g_strconcat (mk_print_job_get_title (job), ".pdf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _ ("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_pdf_response_cb), self);
  /* The editor keeps the chooser until it answers. */
  g_object_set_data_full (G_OBJECT (self), "mk-pdf-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
