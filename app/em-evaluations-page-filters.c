/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-evaluations-page-private.h"
#include "em-roster.h"
#include "em-roster-dropdown.h"

/* The Evaluations page's filter bar: status (or appeal state), inspector
 * ("Mine" follows the inspector-name setting), team, agent, the call's
 * month, and a range of totals with the default grade bands (seed 001:
 * 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, 不合格 < 60) one click away.  The
 * widgets hold the state; _em_evaluations_page_build_query() reads it.
 */

#define MINE ""   /* the inspectors value that stands for the setting */

typedef struct
{
  const char *label;
  EmPoints    min;    /* centi-points; -1 open */
  EmPoints    max;
} Band;

static const Band bands[] = {
  { N_("Excellent: 90 and above"), 9000, -1 },
  { N_("Good: 80 to 90"), 8000, 8999 },
  { N_("Pass: 60 to 80"), 6000, 7999 },
  { N_("Fail: below 60"), -1, 5999 },
};

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static guint
selected (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

static const char *
selected_value (GtkDropDown *dropdown,
                GPtrArray   *values)
{
  guint position = selected (dropdown);

  return values != NULL && position < values->len ? g_ptr_array_index (values, position) : NULL;
}

/* Points in the entry (centi-points), -1 when empty; -2 when it is not a
 * number of points (the entry is marked, the bound left open).
 */
static EmPoints
entry_points (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  EmPoints points = -1;

  if (*text != '\0' && (!em_points_parse (text, &points) || points < 0))
    points = -2;

  if (points == -2)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return points;
}

static void
apply_status (EmEvaluationsPage *self,
              EmEvaluationQuery *query)
{
  switch (selected (self->status_dropdown))
    {
    case 1: em_evaluation_query_set_status (query, EM_EVALUATION_DRAFT); break;
    case 2: em_evaluation_query_set_status (query, EM_EVALUATION_SUBMITTED); break;
    case 3: em_evaluation_query_set_status (query, EM_EVALUATION_FINALISED); break;
    case 4: em_evaluation_query_set_appeal_states (query, EM_APPEAL_STATE_OPEN); break;
    case 5: em_evaluation_query_set_appeal_states (query, EM_APPEAL_STATE_UPHELD | EM_APPEAL_STATE_OVERTURNED); break;
    default: break;
    }
}

/* Returns: (transfer full): the query the filter bar and the sort stand
 * for
 */
EmEvaluationQuery *
_em_evaluations_page_build_query (EmEvaluationsPage *self)
{
  EmEvaluationQuery *query = em_evaluation_query_new ();
  const char *inspector = selected_value (self->inspector_dropdown, self->inspectors);
  g_autofree char *me = NULL;

  if (g_strcmp0 (inspector, MINE) == 0)
    inspector = me = _em_evaluations_page_dup_me (self);

  apply_status (self, query);
  em_evaluation_query_set_inspector (query, inspector);
  em_evaluation_query_set_team_id (query, em_roster_dropdown_get_id (self->team_dropdown, self->team_ids));
  em_evaluation_query_set_agent_id (query, em_roster_dropdown_get_id (self->agent_dropdown, self->agent_ids));
  em_evaluation_query_set_month (query, selected_value (self->month_dropdown, self->months));
  em_evaluation_query_set_total_range (query, MAX (entry_points (self->min_score_entry), -1),
                                       MAX (entry_points (self->max_score_entry), -1));
  em_evaluation_query_set_sort (query, self->sort, self->descending);

  return query;
}

/* Showing what is active ----------------------------------------------- */

static void
mark (gpointer  widget,
      gboolean  active,
      guint    *n_active)
{
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "filter-active");
  *n_active += active ? 1 : 0;
}

static char *
describe_totals (EmPoints min,
                 EmPoints max)
{
  g_autofree char *low = em_points_format (min);
  g_autofree char *high = em_points_format (max);

  if (min >= 0 && max >= 0)
    /* Translators: a range of totals, e.g. "60 – 79.99" */
    return g_strdup_printf (_("Total %s – %s"), low, high);
  if (min >= 0)
    return g_strdup_printf (_("Total ≥ %s"), low);
  if (max >= 0)
    return g_strdup_printf (_("Total ≤ %s"), high);
  return g_strdup (_("Any total"));
}

static void
update_indicators (EmEvaluationsPage *self)
{
  g_autoptr(EmEvaluationQuery) query = _em_evaluations_page_build_query (self);
  g_autofree char *totals = NULL;
  g_autofree char *count = NULL;
  EmPoints min, max;
  guint n = 0;

  em_evaluation_query_get_total_range (query, &min, &max);
  mark (self->status_dropdown, selected (self->status_dropdown) > 0, &n);
  mark (self->inspector_dropdown, em_evaluation_query_get_inspector (query) != NULL, &n);
  mark (self->team_dropdown, em_evaluation_query_get_team_id (query) > 0, &n);
  mark (self->agent_dropdown, em_evaluation_query_get_agent_id (query) > 0, &n);
  mark (self->month_dropdown, em_evaluation_query_get_month (query) != NULL, &n);
  mark (self->score_button, min >= 0 || max >= 0, &n);

  totals = describe_totals (min, max);
  gtk_menu_button_set_label (self->score_button, totals);

  /* Translators: shown beside the number of evaluations while filters narrow the list */
  count = g_strdup_printf (ngettext ("%u filter on", "%u filters on", n), n);
  gtk_label_set_text (self->filters_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_label), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_filters_button), n > 0);
}

static void
on_filter_changed (EmEvaluationsPage *self)
{
  if (self->filling_choices)
    return;

  update_indicators (self);
  _em_evaluations_page_reload (self);
}

static void
set_totals (EmEvaluationsPage *self,
            EmPoints           min,
            EmPoints           max)
{
  g_autofree char *low = min >= 0 ? em_points_format (min) : g_strdup ("");
  g_autofree char *high = max >= 0 ? em_points_format (max) : g_strdup ("");

  self->filling_choices = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->min_score_entry), low);
  gtk_editable_set_text (GTK_EDITABLE (self->max_score_entry), high);
  self->filling_choices = FALSE;

  on_filter_changed (self);
}

static void
on_band_clicked (GtkButton         *button,
                 EmEvaluationsPage *self)
{
  const Band *band = g_object_get_data (G_OBJECT (button), "em-band");

  if (band != NULL)
    set_totals (self, band->min, band->max);
  else
    set_totals (self, -1, -1);
  gtk_menu_button_popdown (self->score_button);
}

static void
add_band_buttons (EmEvaluationsPage *self)
{
  for (guint i = 0; i <= G_N_ELEMENTS (bands); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (i < G_N_ELEMENTS (bands) ? _(bands[i].label) : _("Any Total"));

      if (i < G_N_ELEMENTS (bands))
        g_object_set_data (G_OBJECT (button), "em-band", (gpointer) &bands[i]);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_name (button, i < G_N_ELEMENTS (bands) ? "band" : "any-total");
      g_signal_connect (button, "clicked", G_CALLBACK (on_band_clicked), self);
      gtk_box_append (self->grade_box, button);
    }
}

static void
on_clear_filters_button_clicked (EmEvaluationsPage *self)
{
  self->filling_choices = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->inspector_dropdown, 0);
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  gtk_drop_down_set_selected (self->agent_dropdown, 0);
  gtk_drop_down_set_selected (self->month_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->min_score_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->max_score_entry), "");
  self->filling_choices = FALSE;

  on_filter_changed (self);
}

/* Choices -------------------------------------------------------------- */

static guint
position_of_value (GPtrArray  *values,
                   const char *value)
{
  for (guint i = 0; values != NULL && value != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return i;
  return 0;
}

/* "All inspectors", "Mine (张三)" when the setting is there, then every
 * inspector with an evaluation.
 */
static void
fill_inspectors (EmEvaluationsPage *self,
                 char             **names)
{
  g_autofree char *value = g_strdup (selected_value (self->inspector_dropdown, self->inspectors));
  g_autofree char *me = _em_evaluations_page_dup_me (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (labels, _("All inspectors"));
  g_ptr_array_add (values, NULL);
  if (me != NULL)
    {
      /* Translators: the inspector filter for the user's own evaluations */
      g_autofree char *mine = g_strdup_printf (_("Mine (%s)"), me);

      gtk_string_list_append (labels, mine);
      g_ptr_array_add (values, g_strdup (MINE));
    }
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (labels, names[i]);
      g_ptr_array_add (values, g_strdup (names[i]));
    }

  g_clear_pointer (&self->inspectors, g_ptr_array_unref);
  self->inspectors = values;
  gtk_drop_down_set_model (self->inspector_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->inspector_dropdown, position_of_value (values, value));
}

static void
fill_months (EmEvaluationsPage *self,
             char             **months)
{
  g_autofree char *value = g_strdup (selected_value (self->month_dropdown, self->months));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (labels, _("All months"));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; months != NULL && months[i] != NULL; i++)
    {
      gtk_string_list_append (labels, months[i]);
      g_ptr_array_add (values, g_strdup (months[i]));
    }

  g_clear_pointer (&self->months, g_ptr_array_unref);
  self->months = values;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->month_dropdown, position_of_value (values, value));
}

/* Reads the choices again (teams, agents, inspectors, months), keeping
 * what is selected.
 */
void
_em_evaluations_page_load_choices (EmEvaluationsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_auto(GStrv) inspectors = NULL;
  g_auto(GStrv) months = NULL;

  if (self->db != NULL &&
      (!(teams = em_roster_list_teams (self->db, &error)) ||
       !(agents = em_roster_list_agents (self->db, &error)) ||
       !(inspectors = em_evaluation_list_inspectors (self->db, &error)) ||
       !(months = em_evaluation_list_months (self->db, &error))))
    g_warning ("Cannot read the filter choices: %s", error->message);

  self->filling_choices = TRUE;
  em_roster_dropdown_fill (self->team_dropdown, &self->team_ids, _("All teams"), teams);
  em_roster_dropdown_fill (self->agent_dropdown, &self->agent_ids, _("All agents"), agents);
  fill_inspectors (self, inspectors);
  fill_months (self, months);
  self->filling_choices = FALSE;

  update_indicators (self);
}

static void
on_inspector_name_changed (EmEvaluationsPage *self)
{
  _em_evaluations_page_load_choices (self);
  _em_evaluations_page_reload (self);
}

void
_em_evaluations_page_init_filters (EmEvaluationsPage *self)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (self->agent_dropdown, expression);
  add_band_buttons (self);

  if ((self->settings = new_settings ()) != NULL)
    g_signal_connect_object (self->settings, "changed::inspector-name",
                             G_CALLBACK (on_inspector_name_changed), self, G_CONNECT_SWAPPED);
  _em_evaluations_page_load_choices (self);
}

void
_em_evaluations_page_dispose_filters (EmEvaluationsPage *self)
{
  g_clear_object (&self->settings);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->agent_ids, g_array_unref);
  g_clear_pointer (&self->inspectors, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_ptr_array_unref);
}

void
_em_evaluations_page_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, inspector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, score_button);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, min_score_entry);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, max_score_entry);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, grade_box);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, filters_label);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, clear_filters_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_button_clicked);
}
