/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-appeal-store.h"
#include "em-audit.h"
#include "em-audit-text.h"
#include "em-evaluation-detail.h"
#include "em-evaluation-text.h"

struct _EmEvaluationDetail
{
  AdwBin      parent_instance;

  GtkStack      *stack;
  AdwStatusPage *none_page;
  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkLabel   *total_label;
  GtkBox     *badges_box;
  GtkLabel   *scorecard_label;
  GtkWidget  *file_appeal_button;
  GtkWidget  *decide_appeal_button;
  GtkListBox *sections_list;
  GtkListBox *items_list;
  GtkWidget  *appeals_heading;
  GtkListBox *appeals_list;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (EmEvaluationDetail, em_evaluation_detail, ADW_TYPE_BIN)

static void
remove_all (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)))
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle,
         const char *suffix,
         const char *suffix_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      if (suffix_class != NULL)
        gtk_widget_add_css_class (label, suffix_class);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static void
add_badge (EmEvaluationDetail *self,
           const char         *text,
           const char         *style)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_add_css_class (badge, "badge");
  if (style != NULL)
    gtk_widget_add_css_class (badge, style);
  gtk_box_append (self->badges_box, badge);
}

static void
show_header (EmEvaluationDetail  *self,
             EmEvaluationSummary *summary,
             EmEvaluation        *evaluation)
{
  g_autoptr(GDateTime) local = em_evaluation_summary_dup_call_started_at_local (summary);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = NULL;
  g_autofree char *total = em_points_format (em_evaluation_get_total (evaluation));
  g_autofree char *scorecard = NULL;
  const char *team = em_evaluation_summary_get_team (summary);

  subtitle = g_strdup_printf ("%s · %s %s%s%s", when, em_evaluation_summary_get_agent_code (summary),
                              em_evaluation_summary_get_agent_name (summary),
                              team != NULL ? " · " : "", team != NULL ? team : "");
  /* Translators: the scorecard's title and the inspector's name */
  scorecard = g_strdup_printf (_("%s · evaluated by %s"),
                               em_scorecard_get_title (em_evaluation_get_scorecard (evaluation)),
                               em_evaluation_get_inspector (evaluation));

  gtk_label_set_text (self->title_label, em_evaluation_summary_get_call_external_id (summary));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->scorecard_label, scorecard);

  remove_all (GTK_WIDGET (self->badges_box));
  add_badge (self, em_evaluation_text_status (em_evaluation_get_status (evaluation)),
             em_evaluation_get_status (evaluation) == EM_EVALUATION_FINALISED ? "success" : NULL);
  if (em_evaluation_get_fatal (evaluation))
    add_badge (self, _("Fatal error"), "error");
  if (em_evaluation_get_excluded (evaluation))
    add_badge (self, _("Excluded"), "warning");
  if (em_evaluation_summary_get_appeal_state (summary) != EM_APPEAL_STATE_NONE)
    add_badge (self, em_evaluation_text_appeal_state (em_evaluation_summary_get_appeal_state (summary)),
               em_evaluation_summary_get_appeal_state (summary) == EM_APPEAL_STATE_OPEN ? "accent" : NULL);

  /* Appeals are about finalised evaluations; deciding, about open appeals. */
  gtk_widget_set_visible (self->file_appeal_button,
                          em_evaluation_get_status (evaluation) == EM_EVALUATION_FINALISED &&
                          em_evaluation_summary_get_appeal_state (summary) != EM_APPEAL_STATE_OPEN);
  gtk_widget_set_visible (self->decide_appeal_button,
                          em_evaluation_summary_get_appeal_state (summary) == EM_APPEAL_STATE_OPEN);
}

/* "18 / 20"; a section without an allotment shows what its items took off
 * the base score.
 */
static char *
section_score (const EmSectionScore *score)
{
  g_autofree char *points = em_points_format (score->points);
  g_autofree char *kept = em_points_format (score->score);
  g_autofree char *lost = em_points_format (score->deduction);

  if (score->points == 0)
    return score->deduction > 0 ? g_strdup_printf ("−%s", lost) : g_strdup ("0");
  return g_strdup_printf ("%s / %s", kept, points);
}

static void
show_sections (EmEvaluationDetail *self,
               EmEvaluation       *evaluation)
{
  EmScoreResult *result = em_evaluation_get_result (evaluation);
  EmScorecard *scorecard = em_evaluation_get_scorecard (evaluation);

  remove_all (GTK_WIDGET (self->sections_list));
  for (guint i = 0; i < em_score_result_get_n_sections (result); i++)
    {
      const EmSectionScore *score = em_score_result_get_section (result, i);
      EmScorecardSection *section = em_scorecard_lookup_section (scorecard, score->section_id);
      g_autofree char *text = section_score (score);

      gtk_list_box_append (self->sections_list,
                           row_new (section != NULL ? em_scorecard_section_get_title (section) : score->section_id,
                                    score->fatal ? _("A fatal error took every point of this section") : NULL,
                                    text, score->deduction > 0 ? "deduction" : NULL));
    }
}

static void
show_items (EmEvaluationDetail *self,
            EmEvaluation       *evaluation)
{
  EmScoreResult *result = em_evaluation_get_result (evaluation);
  guint n = 0;

  remove_all (GTK_WIDGET (self->items_list));
  for (guint i = 0; i < em_score_result_get_n_items (result); i++)
    {
      const EmItemScore *score = em_score_result_get_item (result, i);
      g_autofree char *cost = NULL;
      g_autofree char *details = NULL;

      if (score->deduction == 0 && !score->triggered && score->bonus == 0)
        continue;

      cost = em_evaluation_text_item_cost (evaluation, score->item_id);
      details = em_evaluation_text_item_details (evaluation, score->item_id);
      gtk_list_box_append (self->items_list,
                           row_new (em_evaluation_text_item_title (evaluation, score->item_id), details, cost,
                                    score->bonus > 0 ? "bonus" : "deduction"));
      n++;
    }

  if (n == 0)
    gtk_list_box_append (self->items_list, row_new (_("No deductions: full marks on every item"), NULL, NULL, NULL));
}

static GtkWidget *
appeal_row (EmEvaluation   *evaluation,
            const EmAppeal *appeal)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = em_evaluation_text_time (appeal->filed_at);
  g_autofree char *before = em_points_format (appeal->total_before);
  g_autofree char *after = em_points_format (appeal->total_after);

  if (appeal->status == EM_APPEAL_OPEN)
    /* Translators: appeal, who entered it, when */
    title = g_strdup_printf (_("Open · entered by %s on %s"), appeal->filed_by, when);
  else
    /* Translators: the total before and after an appeal, who entered it */
    title = g_strdup_printf (_("Decided · total %s → %s · entered by %s"), before, after, appeal->filed_by);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), appeal->reason);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), appeal->status == EM_APPEAL_OPEN);

  for (guint i = 0; i < appeal->items->len; i++)
    {
      const EmAppealItem *item = &g_array_index (appeal->items, EmAppealItem, i);
      g_autofree char *detail = NULL;

      if (item->decision != EM_APPEAL_PENDING)
        /* Translators: who decided an appealed item, and the comment */
        detail = g_strdup_printf (_("by %s%s%s"), item->decided_by, item->comment != NULL ? " · " : "",
                                  item->comment != NULL ? item->comment : "");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                row_new (em_evaluation_text_item_title (evaluation, item->item_id), detail,
                                         em_evaluation_text_decision (item->decision),
                                         item->decision == EM_APPEAL_OVERTURNED ? "bonus" : NULL));
    }

  return row;
}

static void
show_appeals (EmEvaluationDetail *self,
              EmEvaluation       *evaluation,
              GPtrArray          *appeals)
{
  guint n = appeals != NULL ? appeals->len : 0;

  remove_all (GTK_WIDGET (self->appeals_list));
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->appeals_list, appeal_row (evaluation, g_ptr_array_index (appeals, i)));

  gtk_widget_set_visible (self->appeals_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->appeals_list), n > 0);
}

static const char *
action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "create", N_("Created") },
    { "update", N_("Saved") },
    { "change-scorecard", N_("Scorecard changed") },
    { "submit", N_("Submitted") },
    { "finalise", N_("Finalised") },
    { "amend", N_("Amended") },
    { "file", N_("Appeal filed") },
    { "decide", N_("Appeal item decided") },
    { "close", N_("Appeal closed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (action, labels[i].action))
      return _(labels[i].label);
  return action;
}

static void
show_history (EmEvaluationDetail *self,
              EmEvaluation       *evaluation,
              GPtrArray          *history)
{
  remove_all (GTK_WIDGET (self->history_list));
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      EmAuditEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *when = em_evaluation_text_time (entry->at);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", when, entry->actor, action_label (entry->action));
      g_autofree char *detail = em_audit_text_describe (entry->detail, evaluation);

      gtk_list_box_append (self->history_list, row_new (title, detail, NULL, NULL));
    }
}

/**
 * em_evaluation_detail_show:
 * @summary: the evaluation's row in the list (call, agent, team)
 * @evaluation: the evaluation as loaded
 * @appeals: (element-type EmAppeal) (nullable): its appeals
 * @history: (element-type EmAuditEntry) (nullable): its audit rows
 */
void
em_evaluation_detail_show (EmEvaluationDetail  *self,
                           EmEvaluationSummary *summary,
                           EmEvaluation        *evaluation,
                           GPtrArray           *appeals,
                           GPtrArray           *history)
{
  g_return_if_fail (EM_IS_EVALUATION_DETAIL (self));
  g_return_if_fail (EM_IS_EVALUATION_SUMMARY (summary));
  g_return_if_fail (EM_IS_EVALUATION (evaluation));

  show_header (self, summary, evaluation);
  show_sections (self, evaluation);
  show_items (self, evaluation);
  show_appeals (self, evaluation, appeals);
  show_history (self, evaluation, history);
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

void
em_evaluation_detail_clear (EmEvaluationDetail *self)
{
  g_return_if_fail (EM_IS_EVALUATION_DETAIL (self));

  adw_status_page_set_icon_name (self->none_page, "document-edit-symbolic");
  adw_status_page_set_title (self->none_page, _("No Evaluation Selected"));
  adw_status_page_set_description (self->none_page,
                                   _("Select an evaluation to see its section scores, its deductions, "
                                     "its appeals and its history."));
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/* An evaluation that cannot be read (a damaged database): says why. */
void
em_evaluation_detail_show_error (EmEvaluationDetail *self,
                                 const char         *message)
{
  g_return_if_fail (EM_IS_EVALUATION_DETAIL (self));

  adw_status_page_set_icon_name (self->none_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->none_page, _("This Evaluation Cannot Be Shown"));
  adw_status_page_set_description (self->none_page, message);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

EmEvaluationDetail *
em_evaluation_detail_new (void)
{
  return g_object_new (EM_TYPE_EVALUATION_DETAIL, NULL);
}

static void
em_evaluation_detail_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it, then clear the pointers. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), EM_TYPE_EVALUATION_DETAIL);

  G_OBJECT_CLASS (em_evaluation_detail_parent_class)->dispose (object);
}

static void
em_evaluation_detail_class_init (EmEvaluationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_evaluation_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-evaluation-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, none_page);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, total_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, badges_box);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, scorecard_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, file_appeal_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, decide_appeal_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, sections_list);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, items_list);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, appeals_heading);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, appeals_list);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationDetail, history_list);
}

static void
em_evaluation_detail_init (EmEvaluationDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
