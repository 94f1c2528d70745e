/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-evaluate-view-private.h"
#include "em-media-stream.h"
#include "em-score-row.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"

/* The view shows one call and one evaluation of it at a time.  The form
 * is rebuilt from the scorecard whenever another evaluation or scorecard
 * is shown; its rows edit the EmAnswers in place, and the answers'
 * ::changed signal drives everything else: the score is computed again
 * (em_score_result_new, the same arithmetic the store and the CLI use),
 * the first change creates the draft and later ones are saved by a
 * short timer (em-evaluate-view-actions.c).
 *
 * Whose evaluation is shown decides what may be done with it: only the
 * inspector who made a draft edits it; a submitted one waits, read-only,
 * for a lead to finalise it; a finalised one never changes here.
 */

G_DEFINE_FINAL_TYPE (EmEvaluateView, em_evaluate_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_CALL,
  PROP_INSPECTOR,
  PROP_EVALUATION_ID,
  PROP_STATUS,
  PROP_READ_ONLY,
  PROP_TOTAL,
  N_PROPS
};

enum {
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_SCORECARD "hotline-call-qa"

static void on_answers_changed (EmEvaluateView *self);

/* Small helpers ---------------------------------------------------------- */

gboolean
_em_evaluate_view_is_editable (EmEvaluateView *self)
{
  return self->answers != NULL &&
         self->inspector != NULL && *self->inspector != '\0' &&
         g_strcmp0 (self->owner, self->inspector) == 0 &&
         self->status == EM_EVALUATION_DRAFT;
}

static const char *
status_label (EmEvaluationStatus status)
{
  switch (status)
    {
    case EM_EVALUATION_SUBMITTED: return _("Submitted");
    case EM_EVALUATION_FINALISED: return _("Finalised");
    case EM_EVALUATION_DRAFT:
    default:                      return _("Draft");
    }
}

static char *
format_local_time (gint64 unix_time,
                   int    utc_offset)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (utc_offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
format_now_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)))
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

void
_em_evaluate_view_show_message (EmEvaluateView *self,
                                const char     *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

/* The call's details --------------------------------------------------- */

static void
add_detail (GtkGrid    *grid,
            int         row,
            const char *key,
            const char *value)
{
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0);
  gtk_widget_add_css_class (key_label, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_set_focusable (value_label, FALSE);

  gtk_grid_attach (grid, key_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
}

static char *
describe_direction (EmCall *call)
{
  switch (em_call_get_direction (call))
    {
    case EM_CALL_DIRECTION_INBOUND:  return g_strdup (_("Inbound"));
    case EM_CALL_DIRECTION_OUTBOUND: return g_strdup (_("Outbound"));
    case EM_CALL_DIRECTION_UNKNOWN:
    default:                         return NULL;
    }
}

static char *
describe_agent (EmCall *call)
{
  const char *name = em_call_get_agent_name (call);

  if (name == NULL || *name == '\0')
    return g_strdup (em_call_get_agent_code (call));
  /* Translators: an agent's name and staff number (工号), e.g. "王芳 (1003)" */
  return g_strdup_printf (_("%s (%s)"), name, em_call_get_agent_code (call));
}

static char *
describe_caller (EmEvaluateView *self)
{
  /* Personal data (seed 004): masked unless the user asked otherwise. */
  if (g_settings_get_boolean (self->settings, "show-caller-numbers"))
    return g_strdup (em_call_get_caller (self->call));
  return g_strdup (em_call_get_caller_masked (self->call));
}

static char *
describe_optional_time (EmCall *call,
                        gint64  unix_time)
{
  return unix_time > 0 ? format_local_time (unix_time, em_call_get_utc_offset (call)) : NULL;
}

static void
show_details (EmEvaluateView *self)
{
  EmCall *call = self->call;
  GtkGrid *grid = self->details_grid;
  g_autoptr(GDateTime) started = em_call_dup_started_at_local (call);
  g_autofree char *started_text = g_date_time_format (started, "%Y-%m-%d %H:%M:%S");
  g_autofree char *agent = describe_agent (call);
  g_autofree char *direction = describe_direction (call);
  g_autofree char *duration = em_call_format_duration (em_call_get_duration (call));
  g_autofree char *wait = NULL;
  g_autofree char *caller = describe_caller (self);
  g_autofree char *satisfaction = NULL;
  g_autofree char *due = describe_optional_time (call, em_call_get_ticket_due (call));
  g_autofree char *closed = describe_optional_time (call, em_call_get_ticket_closed (call));
  const char *resolved = NULL;
  int row = 0;

  if (em_call_get_wait (call) >= 0)
    /* Translators: a wait in seconds, e.g. "12 s" */
    wait = g_strdup_printf (_("%d s"), em_call_get_wait (call));
  if (em_call_get_satisfaction (call) > 0)
    /* Translators: a satisfaction rating out of 5, e.g. "4 / 5" */
    satisfaction = g_strdup_printf (_("%u / 5"), em_call_get_satisfaction (call));
  if (em_call_get_resolved (call) >= 0)
    resolved = em_call_get_resolved (call) ? _("Yes") : _("No");

  clear_container (GTK_WIDGET (grid));
  add_detail (grid, row++, _("Call"), em_call_get_external_id (call));
  add_detail (grid, row++, _("Started"), started_text);
  add_detail (grid, row++, _("Agent"), agent);
  add_detail (grid, row++, _("Team"), em_call_get_team (call));
  add_detail (grid, row++, _("Direction"), direction);
  add_detail (grid, row++, _("Duration"), duration);
  add_detail (grid, row++, _("Wait"), wait);
  add_detail (grid, row++, _("Caller"), caller);
  add_detail (grid, row++, _("Queue"), em_call_get_queue (call));
  add_detail (grid, row++, _("Satisfaction"), satisfaction);
  add_detail (grid, row++, _("Resolved"), resolved);
  add_detail (grid, row++, _("Ticket Due"), due);
  add_detail (grid, row++, _("Ticket Closed"), closed);
}

static void
show_title (EmEvaluateView *self)
{
  g_autofree char *agent = describe_agent (self->call);
  g_autoptr(GDateTime) started = em_call_dup_started_at_local (self->call);
  g_autofree char *time = g_date_time_format (started, "%Y-%m-%d %H:%M");
  /* Translators: the evaluate view's subtitle: agent and when the call started */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), agent, time);

  adw_window_title_set_title (self->window_title, em_call_get_external_id (self->call));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The recording -------------------------------------------------------- */

static char *
recording_path (EmEvaluateView *self,
                const char     *recording)
{
  g_autofree char *dir = NULL;

  if (g_path_is_absolute (recording))
    return g_strdup (recording);

  dir = em_db_dup_recordings_dir (self->db);
  return g_build_filename (dir, recording, NULL);
}

static void
open_recording (EmEvaluateView *self)
{
  const char *recording = em_call_get_recording (self->call);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  em_player_bar_set_stream (self->player_bar, NULL);
  g_clear_object (&self->stream);

  if (recording == NULL || *recording == '\0')
    {
      em_player_bar_set_error (self->player_bar, _("This call has no recording."));
      return;
    }

  path = recording_path (self, recording);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      message = g_strdup_printf (_("Recording not found: %s"), path);
      em_player_bar_set_error (self->player_bar, message);
      return;
    }

  /* A file that cannot be played reports it through the stream's error,
   * which the player bar shows in place of the seek bar.
   */
  self->stream = GTK_MEDIA_STREAM (em_media_stream_new_for_filename (path));
  em_player_bar_set_stream (self->player_bar, self->stream);
}

/* The score -------------------------------------------------------------- */

static char *
describe_section_score (const EmSectionScore *section)
{
  g_autofree char *score = em_points_format (ABS (section->score));
  g_autofree char *points = NULL;

  /* A section without an allotment only costs points (扣基准分). */
  if (section->points == 0)
    return section->score < 0 ? g_strdup_printf ("−%s", score) : g_strdup ("0");

  points = em_points_format (section->points);
  /* Translators: a section's score out of its points, e.g. "8 / 10" */
  return g_strdup_printf (_("%s / %s"), score, points);
}

static char *
describe_base_score (EmScoreResult *result)
{
  EmPoints deduction = em_score_result_get_base_deduction (result);
  EmPoints bonus = em_score_result_get_bonus (result);
  g_autofree char *minus = em_points_format (deduction);
  g_autofree char *plus = em_points_format (bonus);

  if (deduction > 0 && bonus > 0)
    return g_strdup_printf ("−%s  +%s", minus, plus);
  if (deduction > 0)
    return g_strdup_printf ("−%s", minus);
  if (bonus > 0)
    return g_strdup_printf ("+%s", plus);
  return g_strdup ("0");
}

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
show_section_scores (EmEvaluateView *self)
{
  for (guint i = 0; i < em_score_result_get_n_sections (self->result); i++)
    {
      const EmSectionScore *section = em_score_result_get_section (self->result, i);
      g_autofree char *text = describe_section_score (section);
      GtkWidget *labels[] = {
        g_hash_table_lookup (self->section_labels, section->section_id),
        g_hash_table_lookup (self->summary_labels, section->section_id),
      };

      for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
        if (labels[j] != NULL)
          {
            gtk_label_set_label (GTK_LABEL (labels[j]), text);
            set_error_style (labels[j], section->fatal);
          }
    }

  if (g_hash_table_contains (self->section_labels, ""))
    {
      g_autofree char *text = describe_base_score (self->result);

      gtk_label_set_label (g_hash_table_lookup (self->section_labels, ""), text);
      gtk_label_set_label (g_hash_table_lookup (self->summary_labels, ""), text);
    }
}

/* "Fatal error: 泄露客户信息 — the call scores 0" */
static char *
describe_fatal (EmEvaluateView *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < em_score_result_get_n_items (self->result); i++)
    {
      const EmItemScore *score = em_score_result_get_item (self->result, i);
      EmScorecardItem *item;
      EmScorecardSection *section;

      if (!score->triggered)
        continue;

      item = em_scorecard_lookup_item (self->scorecard, score->item_id);
      section = score->section_id != NULL ? em_scorecard_lookup_section (self->scorecard, score->section_id) : NULL;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (section != NULL && em_scorecard_item_get_scope (item) == EM_FATAL_SCOPE_SECTION)
        g_string_append_printf (out, _("Fatal error: %s — “%s” scores 0"),
                                em_scorecard_item_get_title (item), em_scorecard_section_get_title (section));
      else
        g_string_append_printf (out, _("Fatal error: %s — the call scores 0"), em_scorecard_item_get_title (item));
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
show_score (EmEvaluateView *self)
{
  g_autofree char *total = em_points_format (em_score_result_get_total (self->result));
  g_autofree char *maximum = em_points_format (em_scorecard_get_maximum (self->scorecard));
  g_autofree char *maximum_text = g_strconcat ("/ ", maximum, NULL);
  g_autofree char *fatal = describe_fatal (self);

  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->maximum_label, maximum_text);
  set_error_style (GTK_WIDGET (self->total_label), em_score_result_get_total (self->result) == 0 && fatal != NULL);
  gtk_label_set_label (self->fatal_label, fatal != NULL ? fatal : "");
  gtk_widget_set_visible (GTK_WIDGET (self->fatal_label), fatal != NULL);

  show_section_scores (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      EmScoreRow *row = g_ptr_array_index (self->rows, i);
      const char *id = em_scorecard_item_get_id (em_score_row_get_item (row));

      em_score_row_set_item_score (row, em_score_result_lookup_item (self->result, id));
    }
}

/* Scores the answers as they are now; a draft may leave items unanswered. */
static void
update_score (EmEvaluateView *self)
{
  g_autoptr(GError) error = NULL;
  EmScoreResult *result;

  if (!(result = em_score_result_new (self->scorecard, self->answers, EM_ANSWERS_CHECK_DRAFT,
                                      _("answers"), &error)))
    {
      _em_evaluate_view_show_message (self, error->message);
      return;
    }

  g_clear_object (&self->result);
  self->result = result;
  show_score (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

/* The form --------------------------------------------------------------- */

static void
on_row_mark_moment (EmEvaluateView *self,
                    EmScoreRow     *row)
{
  double position = em_player_bar_get_position (self->player_bar);

  if (_em_evaluate_view_is_editable (self))
    em_item_answer_add_moment (em_score_row_get_answer (row), (gint64) (position * 1000 + 0.5));
}

static void
on_row_seek (EmEvaluateView *self,
             gint64          msec,
             EmScoreRow     *row)
{
  em_player_bar_seek_to (self->player_bar, msec / 1000.0);
}

static GtkWidget *
make_score_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  return label;
}

static void
add_summary_line (EmEvaluateView *self,
                  const char     *key,
                  const char     *title)
{
  int row = g_hash_table_size (self->summary_labels);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *score_label = make_score_label ();

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title_label, title);
  gtk_widget_set_hexpand (title_label, TRUE);

  gtk_grid_attach (self->sections_grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (self->sections_grid, score_label, 1, row, 1, 1);
  g_hash_table_insert (self->summary_labels, g_strdup (key), score_label);
}

static GtkWidget *
make_group_header (EmEvaluateView *self,
                   const char     *key,
                   const char     *title,
                   const char     *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *score_label = make_score_label ();

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_add_css_class (score_label, "heading");
  gtk_box_append (GTK_BOX (line), title_label);
  gtk_box_append (GTK_BOX (line), score_label);
  gtk_box_append (GTK_BOX (box), line);

  if (description != NULL && *description != '\0')
    {
      GtkWidget *description_label = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (description_label), 0);
      gtk_label_set_wrap (GTK_LABEL (description_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (description_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (description_label, "caption");
      gtk_widget_add_css_class (description_label, "dim-label");
      gtk_box_append (GTK_BOX (box), description_label);
    }

  g_hash_table_insert (self->section_labels, g_strdup (key), score_label);
  return box;
}

static void
add_group (EmEvaluateView *self,
           const char     *key,
           const char     *title,
           const char     *description,
           GListModel     *items)
{
  GtkWidget *group;
  GtkWidget *list;

  if (g_list_model_get_n_items (items) == 0)
    return;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, i);
      EmItemAnswer *answer = em_answers_lookup_item (self->answers, em_scorecard_item_get_id (item));
      GtkWidget *row = em_score_row_new (item, answer);

      g_signal_connect_object (row, "mark-moment", G_CALLBACK (on_row_mark_moment), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "seek", G_CALLBACK (on_row_seek), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_box_append (GTK_BOX (group), make_group_header (self, key, title, description));
  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (self->groups_box, group);
  add_summary_line (self, key, title);
}

static void
build_form (EmEvaluateView *self)
{
  GListModel *sections = em_scorecard_get_sections (self->scorecard);

  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->section_labels);
  g_hash_table_remove_all (self->summary_labels);
  clear_container (GTK_WIDGET (self->groups_box));
  clear_container (GTK_WIDGET (self->sections_grid));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(EmScorecardSection) section = g_list_model_get_item (sections, i);

      add_group (self, em_scorecard_section_get_id (section), em_scorecard_section_get_title (section),
                 em_scorecard_section_get_guidance (section), em_scorecard_section_get_items (section));
    }

  /* Items outside any section act on the total: red lines, bonuses,
   * penalties from the base score (扣基准分).
   */
  add_group (self, "", _("Whole Call"), _("Red lines, bonuses and deductions from the base score"),
             em_scorecard_get_base_items (self->scorecard));
}

/* Every item gets its answer object before the rows are made, so that
 * no row has to add one (which would count as a change).
 */
static void
ensure_answers (EmEvaluateView *self)
{
  GListModel *items = em_scorecard_get_items (self->scorecard);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, i);

      em_answers_ensure_item (self->answers, em_scorecard_item_get_id (item));
    }
}

static void
on_answers_notify_excluded (EmEvaluateView *self)
{
  self->updating++;
  gtk_switch_set_active (self->excluded_switch, em_answers_get_excluded (self->answers));
  self->updating--;
}

static void
on_excluded_switch_notify_active (EmEvaluateView *self)
{
  if (self->updating || self->answers == NULL || !_em_evaluate_view_is_editable (self))
    return;

  em_answers_set_excluded (self->answers, gtk_switch_get_active (self->excluded_switch));
}

static void
drop_answers (EmEvaluateView *self)
{
  if (self->answers != NULL)
    g_signal_handlers_disconnect_by_data (self->answers, self);
  g_clear_object (&self->answers);
  g_clear_object (&self->result);
}

static void sync_pickers (EmEvaluateView *self);

/* Shows @answers (taken) of @evaluation_id (0: not created yet) in the
 * form.
 */
static void
show_form (EmEvaluateView     *self,
           EmScorecard        *scorecard,
           gint64              version_id,
           EmAnswers          *answers,
           gint64              evaluation_id,
           const char         *owner,
           EmEvaluationStatus  status)
{
  _em_evaluate_view_cancel_save (self);
  drop_answers (self);

  g_set_object (&self->scorecard, scorecard);
  self->version_id = version_id;
  self->answers = answers;
  self->evaluation_id = evaluation_id;
  g_free (self->owner);
  self->owner = g_strdup (owner);
  self->status = status;
  self->dirty = FALSE;

  ensure_answers (self);
  build_form (self);
  on_answers_notify_excluded (self);
  g_signal_connect_object (self->answers, "changed", G_CALLBACK (on_answers_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answers, "notify::excluded", G_CALLBACK (on_answers_notify_excluded), self,
                           G_CONNECT_SWAPPED);

  update_score (self);
  sync_pickers (self);
  _em_evaluate_view_sync_state (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
show_evaluation (EmEvaluateView *self,
                 EmEvaluation   *evaluation)
{
  show_form (self, em_evaluation_get_scorecard (evaluation), em_evaluation_get_scorecard_version_id (evaluation),
             g_object_ref (em_evaluation_get_answers (evaluation)), em_evaluation_get_id (evaluation),
             em_evaluation_get_inspector (evaluation), em_evaluation_get_status (evaluation));
}

static gboolean
show_new (EmEvaluateView  *self,
          gint64           version_id,
          GError         **error)
{
  g_autoptr(EmScorecard) scorecard = NULL;

  if (!(scorecard = em_evaluation_store_get_scorecard (self->store, version_id, error)))
    return FALSE;

  show_form (self, scorecard, version_id, em_answers_new_for_scorecard (scorecard), 0,
             self->inspector, EM_EVALUATION_DRAFT);
  return TRUE;
}

/* The answers changed: score again, and save (em-evaluate-view-actions.c). */
static void
on_answers_changed (EmEvaluateView *self)
{
  update_score (self);

  if (!_em_evaluate_view_is_editable (self))
    return;

  self->dirty = TRUE;
  _em_evaluate_view_schedule_save (self);
}

/* Scorecards and evaluations to pick from ------------------------------- */

static gboolean
ensure_scorecards (EmEvaluateView  *self,
                   GError         **error)
{
  const char *actor = self->inspector != NULL && *self->inspector != '\0' ? self->inspector : g_get_user_name ();

  if (self->scorecards_imported)
    return TRUE;

  if (!em_shipped_scorecards_import (self->db, actor, error))
    return FALSE;

  self->scorecards_imported = TRUE;
  return TRUE;
}

/* The newest revision of each scorecard in the database. */
static gboolean
load_catalog (EmEvaluateView  *self,
              GError         **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  if (!(versions = em_scorecard_store_list_versions (self->db, NULL, error)))
    return FALSE;

  g_ptr_array_set_size (self->catalog, 0);
  for (guint i = 0; i < versions->len; i++)
    {
      EmScorecardVersionInfo *info = g_ptr_array_index (versions, i);
      EmScorecardVersionInfo *next = i + 1 < versions->len ? g_ptr_array_index (versions, i + 1) : NULL;
      g_autoptr(EmScorecard) scorecard = NULL;

      if (next != NULL && g_str_equal (next->key, info->key))
        continue;

      if (!(scorecard = em_evaluation_store_get_scorecard (self->store, info->version_id, error)))
        return FALSE;
      gtk_string_list_append (titles, em_scorecard_get_title (scorecard));

      /* Now the catalog's. */
      g_ptr_array_add (self->catalog, info);
      versions->pdata[i] = NULL;
    }

  self->updating++;
  gtk_drop_down_set_model (self->scorecard_dropdown, G_LIST_MODEL (titles));
  self->updating--;
  return TRUE;
}

static EmScorecardVersionInfo *
catalog_lookup (EmEvaluateView *self,
                const char     *key,
                guint          *out_position)
{
  for (guint i = 0; i < self->catalog->len; i++)
    {
      EmScorecardVersionInfo *info = g_ptr_array_index (self->catalog, i);

      if (g_strcmp0 (info->key, key) == 0)
        {
          if (out_position != NULL)
            *out_position = i;
          return info;
        }
    }

  return NULL;
}

/* The scorecard a new evaluation starts with: the last one used. */
static EmScorecardVersionInfo *
default_scorecard (EmEvaluateView *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-scorecard");
  EmScorecardVersionInfo *info;

  if ((info = catalog_lookup (self, last, NULL)) || (info = catalog_lookup (self, DEFAULT_SCORECARD, NULL)))
    return info;

  return self->catalog->len > 0 ? g_ptr_array_index (self->catalog, 0) : NULL;
}

static gboolean
load_evaluations (EmEvaluateView  *self,
                  GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  if (!(ids = em_evaluation_store_list_for_call (self->store, em_call_get_id (self->call), error)))
    return FALSE;

  g_ptr_array_set_size (self->evaluations, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      EmEvaluation *evaluation = em_evaluation_store_load (self->store, g_array_index (ids, gint64, i), error);

      if (evaluation == NULL)
        return FALSE;
      g_ptr_array_add (self->evaluations, evaluation);
    }

  return TRUE;
}

static gboolean
is_mine (EmEvaluateView *self,
         EmEvaluation   *evaluation)
{
  return self->inspector != NULL && *self->inspector != '\0' &&
         g_strcmp0 (em_evaluation_get_inspector (evaluation), self->inspector) == 0;
}

static EmEvaluation *
find_mine (EmEvaluateView *self)
{
  for (guint i = self->evaluations->len; i > 0; i--)
    if (is_mine (self, g_ptr_array_index (self->evaluations, i - 1)))
      return g_ptr_array_index (self->evaluations, i - 1);

  return NULL;
}

/* The evaluations dropdown lists this call's evaluations, newest first,
 * then "New evaluation" while the inspector has none.  Its position i is
 * evaluations[n − 1 − i]; the last one may be the new one.
 */
static char *
describe_evaluation (EmEvaluateView *self,
                     EmEvaluation   *evaluation)
{
  g_autofree char *total = em_points_format (em_evaluation_get_total (evaluation));

  /* Translators: an evaluation in the list of a call's evaluations:
   * inspector, status, total, e.g. "李敏 · Submitted · 87.5"
   */
  return g_strdup_printf (_("%s · %s · %s"), em_evaluation_get_inspector (evaluation),
                          status_label (em_evaluation_get_status (evaluation)), total);
}

static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (a == NULL || n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;

  return TRUE;
}

static void
fill_evaluation_dropdown (EmEvaluateView *self)
{
  g_autoptr(GtkStringList) entries = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n = self->evaluations->len;

  for (guint i = n; i > 0; i--)
    {
      EmEvaluation *evaluation = g_ptr_array_index (self->evaluations, i - 1);
      g_autofree char *label = describe_evaluation (self, evaluation);

      gtk_string_list_append (entries, label);
      if (em_evaluation_get_id (evaluation) == self->evaluation_id)
        selected = n - i;
    }

  if (find_mine (self) == NULL && self->inspector != NULL && *self->inspector != '\0')
    {
      gtk_string_list_append (entries, _("New evaluation (yours)"));
      if (self->evaluation_id == 0)
        selected = n;
    }

  self->updating++;
  if (!same_strings (gtk_drop_down_get_model (self->evaluation_dropdown), G_LIST_MODEL (entries)))
    gtk_drop_down_set_model (self->evaluation_dropdown, G_LIST_MODEL (entries));
  gtk_drop_down_set_selected (self->evaluation_dropdown, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->evaluation_dropdown),
                          g_list_model_get_n_items (G_LIST_MODEL (entries)) > 1);
  self->updating--;
}

static void
sync_pickers (EmEvaluateView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  self->updating++;
  catalog_lookup (self, em_scorecard_get_id (self->scorecard), &position);
  gtk_drop_down_set_selected (self->scorecard_dropdown, position);
  self->updating--;

  fill_evaluation_dropdown (self);
}

/* After a save: the list of evaluations and what is said about them,
 * without touching the form (the user may be typing in it).
 */
void
_em_evaluate_view_refresh_list (EmEvaluateView *self)
{
  g_autoptr(GError) error = NULL;

  if (!load_evaluations (self, &error))
    _em_evaluate_view_show_message (self, error->message);
  fill_evaluation_dropdown (self);
  _em_evaluate_view_sync_state (self);
}

void
_em_evaluate_view_notify_state (EmEvaluateView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Reads the call's evaluations again and shows @evaluation_id (0: the
 * inspector's own, or a new one).
 */
void
_em_evaluate_view_reload (EmEvaluateView *self,
                          gint64          evaluation_id)
{
  g_autoptr(GError) error = NULL;
  EmEvaluation *shown = NULL;
  EmScorecardVersionInfo *info;

  if (!load_evaluations (self, &error))
    {
      _em_evaluate_view_show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < self->evaluations->len; i++)
    if (em_evaluation_get_id (g_ptr_array_index (self->evaluations, i)) == evaluation_id)
      shown = g_ptr_array_index (self->evaluations, i);

  /* Opening a call: the inspector's own evaluation, else the newest
   * one by someone else (a lead comes to finalise it), else a new one.
   */
  if (shown == NULL && evaluation_id == 0)
    shown = find_mine (self);
  if (shown == NULL && evaluation_id == 0 && self->evaluations->len > 0)
    shown = g_ptr_array_index (self->evaluations, self->evaluations->len - 1);

  if (shown != NULL)
    show_evaluation (self, shown);
  else if ((info = default_scorecard (self)) == NULL)
    _em_evaluate_view_show_message (self, _("There is no scorecard in the database."));
  else if (!show_new (self, info->version_id, &error))
    _em_evaluate_view_show_message (self, error->message);
}

static gboolean
switch_evaluation (gpointer user_data)
{
  EmEvaluateView *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->evaluation_dropdown);
  guint n = self->evaluations->len;
  g_autoptr(GError) error = NULL;
  EmScorecardVersionInfo *info;

  self->switch_source = 0;
  if (selected == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;

  /* Already shown. */
  if ((selected < n && em_evaluation_get_id (g_ptr_array_index (self->evaluations, n - 1 - selected)) ==
                       self->evaluation_id) ||
      (selected >= n && self->evaluation_id == 0))
    return G_SOURCE_REMOVE;

  if (!em_evaluate_view_save (self, &error))
    {
      _em_evaluate_view_show_message (self, error->message);
      fill_evaluation_dropdown (self);
      return G_SOURCE_REMOVE;
    }

  n = self->evaluations->len;
  if (selected < n)
    show_evaluation (self, g_ptr_array_index (self->evaluations, n - 1 - selected));
  else if ((info = default_scorecard (self)) != NULL && !show_new (self, info->version_id, &error))
    _em_evaluate_view_show_message (self, error->message);

  return G_SOURCE_REMOVE;
}

/* Switching rebuilds the dropdown's own list: not from inside its signal. */
static void
on_evaluation_dropdown_notify_selected (EmEvaluateView *self)
{
  if (self->updating || self->switch_source != 0)
    return;

  self->switch_source = g_idle_add (switch_evaluation, self);
}

/**
 * em_evaluate_view_select_scorecard:
 * @key: a scorecard's Id, e.g. "hotline-call-qa"
 *
 * Evaluates the call with another scorecard.  Only a new evaluation or
 * the inspector's own draft can change scorecard; the draft's answers
 * are dropped (they belong to the other scorecard).
 */
gboolean
em_evaluate_view_select_scorecard (EmEvaluateView  *self,
                                   const char      *key,
                                   GError         **error)
{
  EmScorecardVersionInfo *info;
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) answers = NULL;

  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_em_evaluate_view_is_editable (self))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY, _("This evaluation cannot change its scorecard."));
      return FALSE;
    }

  if (!(info = catalog_lookup (self, key, NULL)))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There is no scorecard “%s” in the database."), key);
      return FALSE;
    }

  g_settings_set_string (self->settings, "last-scorecard", key);
  if (info->version_id == self->version_id)
    return TRUE;

  if (self->evaluation_id == 0)
    return show_new (self, info->version_id, error);

  if (!(scorecard = em_evaluation_store_get_scorecard (self->store, info->version_id, error)))
    return FALSE;
  answers = em_answers_new_for_scorecard (scorecard);
  _em_evaluate_view_cancel_save (self);
  if (!em_evaluation_store_change_version (self->store, self->evaluation_id, info->version_id, answers,
                                           self->inspector, error))
    return FALSE;

  _em_evaluate_view_reload (self, self->evaluation_id);
  return TRUE;
}

static void
on_scorecard_change_response (AdwMessageDialog *dialog,
                              const char       *response,
                              EmEvaluateView   *self)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "key");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "change") && !em_evaluate_view_select_scorecard (self, key, &error))
    _em_evaluate_view_show_message (self, error->message);

  sync_pickers (self);
}

static gboolean
answers_are_empty (EmAnswers *answers)
{
  GListModel *items = em_answers_get_items (answers);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EmItemAnswer) answer = g_list_model_get_item (items, i);

      if (!em_item_answer_is_empty (answer))
        return FALSE;
    }

  return !em_answers_get_excluded (answers);
}

static void
on_scorecard_dropdown_notify_selected (EmEvaluateView *self)
{
  guint selected = gtk_drop_down_get_selected (self->scorecard_dropdown);
  EmScorecardVersionInfo *info;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->updating || selected >= self->catalog->len)
    return;

  info = g_ptr_array_index (self->catalog, selected);
  if (info->version_id == self->version_id)
    return;

  if (self->evaluation_id == 0 || answers_are_empty (self->answers))
    {
      if (!em_evaluate_view_select_scorecard (self, info->key, &error))
        _em_evaluate_view_show_message (self, error->message);
      sync_pickers (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Change the Scorecard?"),
                                   _("The answers given so far belong to the other scorecard and are dropped."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange Scorecard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "key", g_strdup (info->key), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_scorecard_change_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* State shown around the form ------------------------------------------ */

static char *
describe_read_only (EmEvaluateView *self)
{
  if (self->inspector == NULL || *self->inspector == '\0')
    return g_strdup (_("Enter your name to evaluate calls: it is recorded with every evaluation."));

  switch (self->status)
    {
    case EM_EVALUATION_FINALISED:
      return g_strdup (_("Finalised — read-only"));
    case EM_EVALUATION_SUBMITTED:
      /* Translators: %s is the inspector who submitted the evaluation */
      return g_strdup_printf (_("Submitted by %s — read-only until a lead finalises it"), self->owner);
    case EM_EVALUATION_DRAFT:
    default:
      /* Translators: %s is another inspector */
      return g_strdup_printf (_("%s’s draft — read-only"), self->owner);
    }
}

static char *
describe_saved (EmEvaluateView *self)
{
  EmEvaluation *shown = NULL;
  g_autofree char *time = NULL;

  for (guint i = 0; i < self->evaluations->len; i++)
    if (em_evaluation_get_id (g_ptr_array_index (self->evaluations, i)) == self->evaluation_id)
      shown = g_ptr_array_index (self->evaluations, i);

  if (self->dirty && self->save_failed)
    return g_strdup (_("Not saved yet"));
  if (self->dirty)
    return g_strdup (_("Saving soon…"));
  if (self->evaluation_id == 0)
    return g_strdup (_em_evaluate_view_is_editable (self) ? _("Not started: the first answer creates a draft") : "");
  if (shown == NULL)
    return g_strdup ("");

  if (self->status == EM_EVALUATION_FINALISED)
    {
      time = format_now_time (em_evaluation_get_finalised_at (shown));
      /* Translators: inspector and when it was finalised */
      return g_strdup_printf (_("By %s, finalised %s"), self->owner, time);
    }
  if (self->status == EM_EVALUATION_SUBMITTED)
    {
      time = format_now_time (em_evaluation_get_submitted_at (shown));
      return g_strdup_printf (_("By %s, submitted %s"), self->owner, time);
    }

  time = format_now_time (em_evaluation_get_updated_at (shown));
  return g_strdup_printf (_("By %s, saved %s"), self->owner, time);
}

static void
sync_status_label (EmEvaluateView *self)
{
  GtkWidget *label = GTK_WIDGET (self->status_label);

  gtk_label_set_label (self->status_label, status_label (self->status));
  gtk_widget_remove_css_class (label, "draft");
  gtk_widget_remove_css_class (label, "submitted");
  gtk_widget_remove_css_class (label, "finalised");
  gtk_widget_add_css_class (label, em_evaluation_status_to_string (self->status));
}

void
_em_evaluate_view_sync_state (EmEvaluateView *self)
{
  gboolean editable = _em_evaluate_view_is_editable (self);
  gboolean anonymous = self->inspector == NULL || *self->inspector == '\0';
  g_autofree char *banner = editable || self->answers == NULL ? NULL : describe_read_only (self);
  g_autofree char *saved = self->answers != NULL ? describe_saved (self) : NULL;

  gtk_label_set_label (self->banner_label, banner != NULL ? banner : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, banner != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), anonymous);

  sync_status_label (self);
  gtk_label_set_label (self->save_label, saved != NULL ? saved : "");

  for (guint i = 0; i < self->rows->len; i++)
    em_score_row_set_editable (g_ptr_array_index (self->rows, i), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->excluded_switch), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scorecard_dropdown), editable);

  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), self->status == EM_EVALUATION_DRAFT);
  gtk_widget_set_visible (GTK_WIDGET (self->finalise_button), self->status == EM_EVALUATION_SUBMITTED);
  _em_evaluate_view_update_actions (self);
}

/* Settings ----------------------------------------------------------------- */

static void
on_settings_inspector_changed (EmEvaluateView *self)
{
  g_autofree char *name = g_strstrip (g_settings_get_string (self->settings, "inspector-name"));
  gboolean was_new = self->answers != NULL && self->evaluation_id == 0;

  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (name, self->inspector) == 0)
    return;

  /* What was changed so far was changed under the old name. */
  if (!em_evaluate_view_save (self, &error))
    _em_evaluate_view_show_message (self, error->message);

  g_free (self->inspector);
  self->inspector = g_steal_pointer (&name);

  /* A new evaluation belongs to whoever is evaluating now. */
  if (was_new)
    {
      g_free (self->owner);
      self->owner = g_strdup (self->inspector);
    }

  if (self->call != NULL)
    fill_evaluation_dropdown (self);
  _em_evaluate_view_sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTOR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
on_settings_caller_changed (EmEvaluateView *self)
{
  if (self->call != NULL)
    show_details (self);
}

/* GObject ---------------------------------------------------------------- */

static void
em_evaluate_view_dispose (GObject *object)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (object);

  /* Closing the window or quitting still keeps the last changes. */
  if (self->store != NULL)
    em_evaluate_view_leave (self);
  _em_evaluate_view_cancel_save (self);
  g_clear_handle_id (&self->switch_source, g_source_remove);

  if (self->stream != NULL)
    gtk_media_stream_pause (self->stream);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_EVALUATE_VIEW);

  drop_answers (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->scorecard);
  g_clear_object (&self->call);
  g_clear_object (&self->store);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->catalog, g_ptr_array_unref);
  g_clear_pointer (&self->evaluations, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->section_labels, g_hash_table_unref);
  g_clear_pointer (&self->summary_labels, g_hash_table_unref);

  G_OBJECT_CLASS (em_evaluate_view_parent_class)->dispose (object);
}

static void
em_evaluate_view_finalize (GObject *object)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (object);

  g_clear_pointer (&self->inspector, g_free);
  g_clear_pointer (&self->owner, g_free);

  G_OBJECT_CLASS (em_evaluate_view_parent_class)->finalize (object);
}

static void
em_evaluate_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_CALL:
      g_value_set_object (value, self->call);
      break;
    case PROP_INSPECTOR:
      g_value_set_string (value, self->inspector);
      break;
    case PROP_EVALUATION_ID:
      g_value_set_int64 (value, self->evaluation_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, em_evaluate_view_get_read_only (self));
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, em_evaluate_view_get_total (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluate_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmEvaluateView *self = EM_EVALUATE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_evaluate_view_set_db (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluate_view_class_init (EmEvaluateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = em_evaluate_view_dispose;
  object_class->finalize = em_evaluate_view_finalize;
  object_class->get_property = em_evaluate_view_get_property;
  object_class->set_property = em_evaluate_view_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALL] = g_param_spec_object ("call", NULL, NULL, EM_TYPE_CALL, ro);
  properties[PROP_INSPECTOR] = g_param_spec_string ("inspector", NULL, NULL, NULL, ro);
  properties[PROP_EVALUATION_ID] =
    g_param_spec_int64 ("evaluation-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, EM_TYPE_EVALUATION_STATUS, EM_EVALUATION_DRAFT, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, TRUE, ro);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmEvaluateView::back:
   *
   * The user asked to go back to the calls; the evaluation is saved.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (EM_TYPE_PLAYER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-evaluate-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, window_title);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, submit_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, finalise_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, message_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, message_close_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, player_bar);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, total_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, maximum_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, status_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, fatal_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, save_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, sections_grid);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, details_grid);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, scorecard_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, evaluation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluateView, excluded_switch);

  _em_evaluate_view_class_init_actions (widget_class);
}

static void
on_message_close_clicked (EmEvaluateView *self)
{
  _em_evaluate_view_show_message (self, NULL);
}

static void
connect_signals (EmEvaluateView *self)
{
  g_signal_connect_object (self->settings, "changed::inspector-name",
                           G_CALLBACK (on_settings_inspector_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-caller-numbers",
                           G_CALLBACK (on_settings_caller_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->scorecard_dropdown, "notify::selected",
                            G_CALLBACK (on_scorecard_dropdown_notify_selected), self);
  g_signal_connect_swapped (self->evaluation_dropdown, "notify::selected",
                            G_CALLBACK (on_evaluation_dropdown_notify_selected), self);
  g_signal_connect_swapped (self->excluded_switch, "notify::active",
                            G_CALLBACK (on_excluded_switch_notify_active), self);
  g_signal_connect_swapped (self->message_close_button, "clicked", G_CALLBACK (on_message_close_clicked), self);
}

static void
em_evaluate_view_init (EmEvaluateView *self)
{
  self->settings = g_settings_new (APP_ID);
  self->inspector = g_strstrip (g_settings_get_string (self->settings, "inspector-name"));
  self->catalog = g_ptr_array_new_with_free_func ((GDestroyNotify) em_scorecard_version_info_free);
  self->evaluations = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->section_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->summary_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_settings_bind (self->settings, "playback-rate", self->player_bar, "rate", G_SETTINGS_BIND_DEFAULT);
  connect_signals (self);
  _em_evaluate_view_init_shortcuts (self);
  _em_evaluate_view_sync_state (self);
}

/* Public API ----------------------------------------------------------- */

EmEvaluateView *
em_evaluate_view_new (void)
{
  return g_object_new (EM_TYPE_EVALUATE_VIEW, NULL);
}

EmDb *
em_evaluate_view_get_db (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), NULL);

  return self->db;
}

void
em_evaluate_view_set_db (EmEvaluateView *self,
                         EmDb           *db)
{
  g_return_if_fail (EM_IS_EVALUATE_VIEW (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (self->db == db)
    return;

  em_evaluate_view_leave (self);
  drop_answers (self);
  g_clear_object (&self->call);
  g_clear_object (&self->store);
  g_set_object (&self->db, db);
  if (db != NULL)
    self->store = em_evaluation_store_new (db);
  self->scorecards_imported = FALSE;

  _em_evaluate_view_sync_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/**
 * em_evaluate_view_open_call:
 * @call_id: calls.id of the call
 *
 * Shows the call: its recording, its details and the inspector's own
 * evaluation of it (else the newest by someone else, else a new one with
 * the scorecard used last).  The shipped scorecards are imported into the
 * database the first time.  Asks for the inspector's name when there is
 * none yet.
 */
gboolean
em_evaluate_view_open_call (EmEvaluateView  *self,
                            gint64           call_id,
                            GError         **error)
{
  g_autoptr(EmCall) call = NULL;

  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  em_evaluate_view_leave (self);
  _em_evaluate_view_show_message (self, NULL);

  if (!(call = em_call_lookup_by_id (self->db, call_id, error)) ||
      !ensure_scorecards (self, error) ||
      !load_catalog (self, error))
    return FALSE;

  g_set_object (&self->call, call);
  show_title (self);
  show_details (self);
  open_recording (self);
  _em_evaluate_view_reload (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALL]);

  if (self->inspector == NULL || *self->inspector == '\0')
    _em_evaluate_view_ask_inspector (self);

  return TRUE;
}

EmCall *
em_evaluate_view_get_call (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), NULL);

  return self->call;
}

const char *
em_evaluate_view_get_inspector (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), NULL);

  return self->inspector;
}

/* Returns: the evaluation shown; 0 while it has not been created */
gint64
em_evaluate_view_get_evaluation_id (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), 0);

  return self->evaluation_id;
}

EmEvaluationStatus
em_evaluate_view_get_status (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), EM_EVALUATION_DRAFT);

  return self->status;
}

gboolean
em_evaluate_view_get_read_only (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), TRUE);

  return !_em_evaluate_view_is_editable (self);
}

/* Returns: the live total of the answers in the form */
EmPoints
em_evaluate_view_get_total (EmEvaluateView *self)
{
  g_return_val_if_fail (EM_IS_EVALUATE_VIEW (self), 0);

  return self->result != NULL ? em_score_result_get_total (self->result) : 0;
}
