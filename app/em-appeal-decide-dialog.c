/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-appeal-decide-dialog.h"
#include "em-evaluation-text.h"

struct _EmAppealDecideDialog
{
  AdwWindow             parent_instance;

  EmAppealStore        *appeals;
  EmEvaluation         *evaluation;
  EmAppeal             *appeal;
  GPtrArray            *overturn_buttons;  /* per pending item, named "overturn:ID" */
  GPtrArray            *uphold_buttons;    /* the same, "uphold:ID" */

  AdwWindowTitle       *window_title;
  GtkButton            *decide_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwActionRow         *reason_row;
  AdwPreferencesGroup  *items_group;
  AdwEntryRow          *comment_row;
  AdwEntryRow          *decided_by_row;
  AdwActionRow         *total_row;
  GtkLabel             *total_label;
};

G_DEFINE_FINAL_TYPE (EmAppealDecideDialog, em_appeal_decide_dialog, ADW_TYPE_WINDOW)

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
item_id_of (GtkWidget *button)
{
  return strchr (gtk_widget_get_name (button), ':') + 1;
}

/* The decisions chosen so far; the ids point into the buttons' names. */
static GArray *
collect_rulings (EmAppealDecideDialog *self)
{
  GArray *rulings = g_array_new (FALSE, FALSE, sizeof (EmAppealRuling));

  for (guint i = 0; i < self->uphold_buttons->len; i++)
    {
      GtkToggleButton *uphold = g_ptr_array_index (self->uphold_buttons, i);
      GtkToggleButton *overturn = g_ptr_array_index (self->overturn_buttons, i);
      EmAppealRuling ruling = { item_id_of (GTK_WIDGET (uphold)), EM_APPEAL_PENDING };

      if (gtk_toggle_button_get_active (uphold))
        ruling.decision = EM_APPEAL_UPHELD;
      else if (gtk_toggle_button_get_active (overturn))
        ruling.decision = EM_APPEAL_OVERTURNED;
      if (ruling.decision != EM_APPEAL_PENDING)
        g_array_append_val (rulings, ruling);
    }

  return rulings;
}

static void
show_error (EmAppealDecideDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The total once the appeal closes with these decisions, shown before
 * "Decide" is pressed.
 */
static void
update_total (EmAppealDecideDialog *self,
              GArray               *rulings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = em_points_format (self->appeal->total_before);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  guint n_pending = em_appeal_count_decision (self->appeal, EM_APPEAL_PENDING) - rulings->len;
  EmPoints total;

  if (!em_appeal_store_preview (self->appeals, self->appeal->id, (EmAppealRuling *) rulings->data,
                                rulings->len, &total, &error))
    {
      show_error (self, error->message);
      return;
    }

  after = em_points_format (total);
  if (n_pending > 0)
    {
      text = g_strdup (before);
      adw_action_row_set_subtitle (self->total_row,
                                   ngettext ("An item is still undecided: the total changes once every item is decided.",
                                                "Items are still undecided: the total changes once every item is decided.",
                                                n_pending));
    }
  else
    {
      /* Translators: the total before and after the appeal, "91 → 95" */
      text = total != self->appeal->total_before ? g_strdup_printf (_("%s → %s"), before, after)
                                                 : g_strdup (before);
      adw_action_row_set_subtitle (self->total_row, total != self->appeal->total_before
                                                    ? _("The evaluation's total after this decision")
                                                    : _("Every deduction stands: the total does not change"));
    }
  gtk_label_set_text (self->total_label, text);
}

static void
update (EmAppealDecideDialog *self)
{
  g_autoptr(GArray) rulings = collect_rulings (self);
  g_autofree char *by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row))));

  if (self->appeal == NULL)
    return;

  update_total (self, rulings);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decide_button), rulings->len > 0 && *by != '\0');
}

static void
on_decided_by_row_changed (EmAppealDecideDialog *self)
{
  update (self);
}

static void
on_cancel_button_clicked (EmAppealDecideDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_decide_button_clicked (EmAppealDecideDialog *self)
{
  g_autoptr(GArray) rulings = collect_rulings (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decided_by_row))));

  if (!em_appeal_store_decide_items (self->appeals, self->appeal->id, (EmAppealRuling *) rulings->data,
                                     rulings->len, gtk_editable_get_text (GTK_EDITABLE (self->comment_row)),
                                     by, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[DECIDED], 0, self->appeal->id);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
decision_buttons (EmAppealDecideDialog *self,
                  const char           *item_id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *uphold = gtk_toggle_button_new_with_mnemonic (_("_Uphold"));
  GtkWidget *overturn = gtk_toggle_button_new_with_mnemonic (_("_Overturn"));
  g_autofree char *uphold_name = g_strconcat ("uphold:", item_id, NULL);
  g_autofree char *overturn_name = g_strconcat ("overturn:", item_id, NULL);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_name (uphold, uphold_name);
  gtk_widget_set_name (overturn, overturn_name);
  gtk_widget_set_tooltip_text (uphold, _("The deduction stands"));
  gtk_widget_set_tooltip_text (overturn, _("Remove the deduction"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (overturn), GTK_TOGGLE_BUTTON (uphold));
  g_signal_connect_swapped (uphold, "toggled", G_CALLBACK (update), self);
  g_signal_connect_swapped (overturn, "toggled", G_CALLBACK (update), self);
  gtk_box_append (GTK_BOX (box), uphold);
  gtk_box_append (GTK_BOX (box), overturn);

  g_ptr_array_add (self->uphold_buttons, uphold);
  g_ptr_array_add (self->overturn_buttons, overturn);
  return box;
}

static GtkWidget *
item_row (EmAppealDecideDialog *self,
          const EmAppealItem   *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *cost = gtk_label_new (NULL);
  g_autofree char *details = em_evaluation_text_item_details (self->evaluation, item->item_id);
  g_autofree char *points = em_evaluation_text_item_cost (self->evaluation, item->item_id);

  gtk_label_set_text (GTK_LABEL (cost), points);
  gtk_widget_add_css_class (cost, "numeric");
  gtk_widget_add_css_class (cost, "deduction");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), em_evaluation_text_item_title (self->evaluation, item->item_id));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), cost);

  if (item->decision == EM_APPEAL_PENDING)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), decision_buttons (self, item->item_id));
  else
    {
      GtkWidget *decided = gtk_label_new (em_evaluation_text_decision (item->decision));

      gtk_widget_add_css_class (decided, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), decided);
    }

  return row;
}

static gboolean
fill (EmAppealDecideDialog  *self,
      gint64                 appeal_id,
      GError               **error)
{
  g_autofree char *filed = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (!(self->appeal = em_appeal_store_load (self->appeals, appeal_id, error)))
    return FALSE;

  when = em_evaluation_text_time (self->appeal->filed_at);
  /* Translators: who entered an appeal, and when */
  filed = g_strdup_printf (_("Entered by %s on %s"), self->appeal->filed_by, when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), self->appeal->reason);
  adw_action_row_set_subtitle (self->reason_row, filed);

  for (guint i = 0; i < self->appeal->items->len; i++)
    adw_preferences_group_add (self->items_group,
                               item_row (self, &g_array_index (self->appeal->items, EmAppealItem, i)));

  /* Translators: appeal number and evaluation number */
  subtitle = g_strdup_printf (_("Appeal %lld on evaluation %lld"), (long long) self->appeal->id,
                              (long long) self->appeal->evaluation_id);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  return TRUE;
}

/**
 * em_appeal_decide_dialog_new:
 * @decided_by: (nullable): the lead deciding, as far as known
 */
EmAppealDecideDialog *
em_appeal_decide_dialog_new (EmAppealStore *appeals,
                             EmEvaluation  *evaluation,
                             gint64         appeal_id,
                             const char    *decided_by)
{
  EmAppealDecideDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (EM_IS_APPEAL_STORE (appeals), NULL);
  g_return_val_if_fail (EM_IS_EVALUATION (evaluation), NULL);

  self = g_object_new (EM_TYPE_APPEAL_DECIDE_DIALOG, NULL);
  self->appeals = g_object_ref (appeals);
  self->evaluation = g_object_ref (evaluation);
  gtk_editable_set_text (GTK_EDITABLE (self->decided_by_row), decided_by != NULL ? decided_by : "");

  if (fill (self, appeal_id, &error))
    update (self);
  else
    show_error (self, error->message);

  return self;
}

static void
em_appeal_decide_dialog_dispose (GObject *object)
{
  EmAppealDecideDialog *self = (EmAppealDecideDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_APPEAL_DECIDE_DIALOG);
  g_clear_object (&self->appeals);
  g_clear_object (&self->evaluation);
  g_clear_pointer (&self->appeal, em_appeal_free);
  g_clear_pointer (&self->uphold_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->overturn_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (em_appeal_decide_dialog_parent_class)->dispose (object);
}

static void
em_appeal_decide_dialog_class_init (EmAppealDecideDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_appeal_decide_dialog_dispose;

  /**
   * EmAppealDecideDialog::decided:
   * @appeal_id: the appeal decided (closed, or with items still pending)
   */
  signals[DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-appeal-decide-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, decide_button);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, items_group);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, decided_by_row);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, total_row);
  gtk_widget_class_bind_template_child (widget_class, EmAppealDecideDialog, total_label);
  gtk_widget_class_bind_template_callback (widget_class, on_decide_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_decided_by_row_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
em_appeal_decide_dialog_init (EmAppealDecideDialog *self)
{
  self->uphold_buttons = g_ptr_array_new ();
  self->overturn_buttons = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
