/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-appeal-file-dialog.h"
#include "em-evaluation-text.h"

struct _EmAppealFileDialog
{
  AdwWindow             parent_instance;

  EmAppealStore        *appeals;
  EmEvaluation         *evaluation;
  GPtrArray            *checks;      /* GtkCheckButton per appealable item, named "item:ID" */

  AdwWindowTitle       *window_title;
  GtkButton            *file_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *items_group;
  AdwEntryRow          *reason_row;
  AdwEntryRow          *filed_by_row;
};

G_DEFINE_FINAL_TYPE (EmAppealFileDialog, em_appeal_file_dialog, ADW_TYPE_WINDOW)

enum {
  FILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0';
}

static void
update_file_button (EmAppealFileDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->checks->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (self->checks, i));

  gtk_widget_set_sensitive (GTK_WIDGET (self->file_button),
                            any && has_text (self->reason_row) && has_text (self->filed_by_row));
}

static void
on_entry_changed (EmAppealFileDialog *self)
{
  update_file_button (self);
}

static void
on_cancel_button_clicked (EmAppealFileDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
show_error (EmAppealFileDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
on_file_button_clicked (EmAppealFileDialog *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filed_by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filed_by_row))));
  gint64 appeal_id;

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_ptr_array_add (ids, (gpointer) (gtk_widget_get_name (check) + strlen ("item:")));
    }
  g_ptr_array_add (ids, NULL);

  appeal_id = em_appeal_store_file (self->appeals, em_evaluation_get_id (self->evaluation),
                                    (const char * const *) ids->pdata,
                                    gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                    filed_by, &error);
  if (appeal_id == 0)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[FILED], 0, appeal_id);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
item_row (EmAppealFileDialog *self,
          const char         *item_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *cost = gtk_label_new (NULL);
  g_autofree char *name = g_strconcat ("item:", item_id, NULL);
  g_autofree char *details = em_evaluation_text_item_details (self->evaluation, item_id);
  g_autofree char *points = em_evaluation_text_item_cost (self->evaluation, item_id);

  gtk_widget_set_name (check, name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_file_button), self);
  g_ptr_array_add (self->checks, check);

  gtk_label_set_text (GTK_LABEL (cost), points);
  gtk_widget_add_css_class (cost, "numeric");
  gtk_widget_add_css_class (cost, "deduction");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), em_evaluation_text_item_title (self->evaluation, item_id));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cost);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
fill (EmAppealFileDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *subtitle = NULL;

  if (!(ids = em_appeal_store_list_appealable (self->appeals, em_evaluation_get_id (self->evaluation), &error)))
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    adw_preferences_group_add (self->items_group, item_row (self, g_ptr_array_index (ids, i)));

  if (ids->len == 0)
    show_error (self, _("No item of this evaluation can be appealed: none cost points, "
                        "or each was appealed before."));

  /* Translators: evaluation number and the inspector who made it */
  subtitle = g_strdup_printf (_("Evaluation %lld by %s"),
                              (long long) em_evaluation_get_id (self->evaluation),
                              em_evaluation_get_inspector (self->evaluation));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/**
 * em_appeal_file_dialog_new:
 * @filed_by: (nullable): who enters the appeal, as far as known (the
 *   inspector-name setting); it can be changed in the dialog
 */
EmAppealFileDialog *
em_appeal_file_dialog_new (EmAppealStore *appeals,
                           EmEvaluation  *evaluation,
                           const char    *filed_by)
{
  EmAppealFileDialog *self;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (appeals), NULL);
  g_return_val_if_fail (EM_IS_EVALUATION (evaluation), NULL);

  self = g_object_new (EM_TYPE_APPEAL_FILE_DIALOG, NULL);
  self->appeals = g_object_ref (appeals);
  self->evaluation = g_object_ref (evaluation);
  gtk_editable_set_text (GTK_EDITABLE (self->filed_by_row), filed_by != NULL ? filed_by : "");
  fill (self);
  update_file_button (self);

  return self;
}

static void
em_appeal_file_dialog_dispose (GObject *object)
{
  EmAppealFileDialog *self = (EmAppealFileDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_APPEAL_FILE_DIALOG);
  g_clear_object (&self->appeals);
  g_clear_object (&self->evaluation);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (em_appeal_file_dialog_parent_class)->dispose (object);
}

static void
em_appeal_file_dialog_class_init (EmAppealFileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_appeal_file_dialog_dispose;

  /**
   * EmAppealFileDialog::filed:
   * @appeal_id: the new appeal
   */
  signals[FILED] = g_signal_new ("filed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-appeal-file-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, file_button);
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, items_group);
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, EmAppealFileDialog, filed_by_row);
  gtk_widget_class_bind_template_callback (widget_class, on_file_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
em_appeal_file_dialog_init (EmAppealFileDialog *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
