/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-evaluate-view-private.h"
#include "em-inspector-dialog.h"
#include "em-score-row.h"

/* The workflow of the evaluate view: saving (the first change creates the
 * draft, later ones are written by a timer), submitting, finalising,
 * leaving; and its keyboard.
 */

#define RETRY_MS 5000

/* Saving ------------------------------------------------------------------ */

static gboolean
write_answers (EmEvaluateView  *self,
               GError         **error)
{
  gint64 id;

  if (self->evaluation_id == 0)
    {
      id = em_evaluation_store_create (self->store, em_call_get_id (self->call), self->version_id,
                                       self->inspector, self->answers, error);
      if (id == 0)
        return FALSE;

      self->evaluation_id = id;
      g_settings_set_string (self->settings, "last-scorecard", em_scorecard_get_id (self->scorecard));
      _em_evaluate_view_notify_state (self);
    }
  else if (!em_evaluation_store_save (self->store, self->evaluation_id, self->answers, self->inspector, error))
    return FALSE;

  self->dirty = FALSE;
  return TRUE;
}

static gboolean
on_autosave_timeout (gpointer user_data)
{
  EmEvaluateView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->autosave_source = 0;
  if (!self->dirty)
    return G_SOURCE_REMOVE;

  if (!em_evaluate_view_save (self, &error))
    {
      message = g_strdup_printf (_("The draft could not be saved: %s\nEarmark tries again in a few seconds."),
                                 error->message);
      _em_evaluate_view_show_message (self, message);
      self->save_failed = TRUE;
      self->autosave_source = g_timeout_add (RETRY_MS, on_autosave_timeout, self);
    }
  else if (self->save_failed)
    {
      /* The problem said before is over. */
      self->save_failed = FALSE;
      _em_evaluate_view_show_message (self, NULL);
    }

  return G_SOURCE_REMOVE;
}

/* The first change creates the draft at once; later changes are written
 * together, at most EM_EVALUATE_AUTOSAVE_MS after the first of them.
 */
void
_em_evaluate_view_schedule_save (EmEvaluateView *self)
{
  /* A save (or a retry after a failed one) is coming anyway. */
  if (self->autosave_source != 0)
    ;
  else if (self->evaluation_id == 0)
    on_autosave_timeout (self);
  else
    self->autosave_source = g_timeout_add (EM_EVALUATE_AUTOSAVE_MS, on_autosave_timeout, self);

  _em_evaluate_view_sync_state (self);
}

void
_em_evaluate_view_cancel_save (EmEvaluateView *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
}

/**
 * em_evaluate_view_save:
 *
 * Writes the answers now if they changed (creating the draft if need be).
 * Nothing to save is success.
 */
gboolean
em_evaluate_view_save (EmEvaluateView  *self,
                       GError         **error)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), FALSE);

  _em_evaluate_view_cancel_save (self);
  if (!self->dirty || self->store == NULL || self->answers == NULL)
    return TRUE;

  if (!write_answers (self, error))
    {
      _em_evaluate_view_sync_state (self);
      return FALSE;
    }

  _em_evaluate_view_refresh_list (self);
  return TRUE;
}

/**
 * em_evaluate_view_leave:
 *
 * Saves what is unsaved and pauses the recording: the view is going
 * away, or another call is coming.  A failure is shown in the view.
 */
void
em_evaluate_view_leave (EmEvaluateView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EM_IS_EVALUATE_VIEW (self));

  if (!em_evaluate_view_save (self, &error))
    {
      g_warning ("Could not save evaluation %" G_GINT64_FORMAT ": %s", self->evaluation_id, error->message);
      _em_evaluate_view_show_message (self, error->message);
    }

  if (self->stream != NULL)
    gtk_media_stream_pause (self->stream);
}

/* Submitting and finalising ---------------------------------------------- */

static char *
describe_row (EmScoreRow *row,
              EmScorecard *scorecard)
{
  EmScorecardItem *item = em_score_row_get_item (row);
  const char *section_id = em_scorecard_item_get_section_id (item);
  EmScorecardSection *section = section_id != NULL ? em_scorecard_lookup_section (scorecard, section_id) : NULL;

  if (section == NULL)
    return g_strdup (em_scorecard_item_get_title (item));
  /* Translators: an item and its section, e.g. "服务热情 (服务态度)" */
  return g_strdup_printf (_("%s (%s)"), em_scorecard_item_get_title (item), em_scorecard_section_get_title (section));
}

static void
scroll_to_row (EmEvaluateView *self,
               GtkWidget      *row)
{
  GtkWidget *content = gtk_scrolled_window_get_child (self->form_scroller);
  graphene_point_t point;

  if (gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroller), point.y - 24);
}

/* Marks the choice and score items still unanswered; says which. */
static gboolean
check_complete (EmEvaluateView  *self,
                GError         **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      EmScoreRow *row = g_ptr_array_index (self->rows, i);
      const char *id = em_scorecard_item_get_id (em_score_row_get_item (row));
      const EmItemScore *score = em_score_result_lookup_item (self->result, id);
      g_autofree char *name = NULL;

      em_score_row_set_missing (row, score != NULL && score->unanswered);
      if (score == NULL || !score->unanswered)
        continue;

      name = describe_row (row, self->scorecard);
      g_string_append_printf (missing, "%s%s", first == NULL ? "" : _(", "), name);
      if (first == NULL)
        first = GTK_WIDGET (row);
    }

  if (first == NULL)
    return TRUE;

  scroll_to_row (self, first);
  g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
               _("Answer these items before submitting: %s."), missing->str);
  return FALSE;
}

/**
 * em_evaluate_view_submit:
 *
 * Draft → submitted, for the inspector's own draft.  Every choice and
 * score item must be answered: EM_ERROR_INVALID_INPUT names those that
 * are not, and their rows are highlighted.
 */
gboolean
em_evaluate_view_submit (EmEvaluateView  *self,
                         GError         **error)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), FALSE);

  if (!_em_evaluate_view_is_editable (self))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY, _("Only your own draft can be submitted."));
      return FALSE;
    }

  if (!check_complete (self, error))
    return FALSE;

  /* An evaluation that found nothing to change is still an evaluation. */
  if (self->evaluation_id == 0)
    self->dirty = TRUE;

  if (!em_evaluate_view_save (self, error) ||
      !em_evaluation_store_submit (self->store, self->evaluation_id, self->inspector, error))
    return FALSE;

  _em_evaluate_view_reload (self, self->evaluation_id);
  _em_evaluate_view_notify_state (self);
  return TRUE;
}

/**
 * em_evaluate_view_finalise:
 *
 * Submitted → finalised: a lead's decision, recorded under the current
 * inspector name.  From then on the evaluation is read-only.
 */
gboolean
em_evaluate_view_finalise (EmEvaluateView  *self,
                           GError         **error)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), FALSE);

  if (self->evaluation_id == 0 || self->status != EM_EVALUATION_SUBMITTED)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("Only a submitted evaluation can be finalised."));
      return FALSE;
    }

  if (self->inspector == NULL || *self->inspector == '\0')
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("Enter your name first: it is recorded with the finalisation."));
      return FALSE;
    }

  if (!em_evaluation_store_finalise (self->store, self->evaluation_id, self->inspector, error))
    return FALSE;

  _em_evaluate_view_reload (self, self->evaluation_id);
  _em_evaluate_view_notify_state (self);
  return TRUE;
}

/* The inspector's name ------------------------------------------------- */

void
_em_evaluate_view_ask_inspector (EmEvaluateView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->inspector_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->inspector_dialog));
      return;
    }

  self->inspector_dialog = em_inspector_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                    self->settings);
  g_object_add_weak_pointer (G_OBJECT (self->inspector_dialog), (gpointer *) &self->inspector_dialog);
  gtk_window_present (GTK_WINDOW (self->inspector_dialog));
}

/* Actions ----------------------------------------------------------------- */

static void
show_error (EmEvaluateView *self,
            const GError   *error)
{
  _em_evaluate_view_show_message (self, error->message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  /* Stay when the draft cannot be saved: leaving would lose it. */
  if (!em_evaluate_view_save (self, &error))
    {
      show_error (self, error);
      return;
    }

  em_evaluate_view_leave (self);
  g_signal_emit_by_name (self, "back");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!em_evaluate_view_save (self, &error))
    show_error (self, error);
  else
    _em_evaluate_view_show_message (self, NULL);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!em_evaluate_view_submit (self, &error))
    show_error (self, error);
  else
    _em_evaluate_view_show_message (self, NULL);
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!em_evaluate_view_finalise (self, &error))
    show_error (self, error);
  else
    _em_evaluate_view_show_message (self, NULL);
}

static void
set_inspector_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _em_evaluate_view_ask_inspector (EM_EVALUATE_VIEW (widget));
}

void
_em_evaluate_view_update_actions (EmEvaluateView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = _em_evaluate_view_is_editable (self);
  gboolean named = self->inspector != NULL && *self->inspector != '\0';

  gtk_widget_action_set_enabled (widget, "evaluate.save", editable);
  gtk_widget_action_set_enabled (widget, "evaluate.submit", editable);
  gtk_widget_action_set_enabled (widget, "evaluate.finalise",
                                 named && self->evaluation_id > 0 && self->status == EM_EVALUATION_SUBMITTED);
}

void
_em_evaluate_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "evaluate.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "evaluate.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "evaluate.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "evaluate.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "evaluate.set-inspector", NULL, set_inspector_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "evaluate.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "evaluate.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "evaluate.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "evaluate.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "evaluate.submit", NULL);
}

/* The player's keys ------------------------------------------------------ */

/* Space and the arrows belong to the player, except in a text field,
 * where they type and move the cursor.  They are caught before the
 * focused widget sees them, so that Space after clicking a switch pauses
 * the call instead of flipping the switch again.
 */
static gboolean
player_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->player_bar), g_variant_get_string (args, NULL), NULL);
  return TRUE;
}

static void
add_player_key (GtkShortcutController *controller,
                guint                  keyval,
                const char            *action)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                            gtk_callback_action_new (player_key_cb, NULL, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (action));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

void
_em_evaluate_view_init_shortcuts (EmEvaluateView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_player_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_space, "player.play-pause");
  add_player_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Space, "player.play-pause");
  add_player_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Left, "player.seek-backward");
  add_player_key (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Right, "player.seek-forward");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
