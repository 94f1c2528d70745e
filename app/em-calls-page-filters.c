/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-calls-page-private.h"
#include "em-roster.h"
#include "em-roster-dropdown.h"
#include "em-time.h"

/* The Calls page's filter bar: team, agent, days, length, direction,
 * "not yet evaluated", "sampled" and "assigned to me".  The widgets hold
 * the filter state; every change copies the model's query (which keeps
 * the search and the sort), writes the filters into it and hands it to
 * the model, which counts in a thread.  Days are whole days in the
 * center's time zone (em_zone_new_for_center()), from the "From" day's
 * midnight to the midnight after the "To" day.  Active filters are
 * marked (the filter-active style class, the count beside the number of
 * calls), and "Clear Filters" puts everything back, the search included.
 */

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
dup_inspector_name (EmCallsPage *self)
{
  g_autofree char *name = self->settings != NULL ? g_settings_get_string (self->settings, "inspector-name") : NULL;

  if (name == NULL)
    return NULL;
  g_strstrip (name);
  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}

/* Reading the widgets ---------------------------------------------------- */

/* Midnight starting the calendar's day in the center's time zone. */
static GDateTime *
day_start (EmCallsPage *self,
           GtkCalendar *calendar,
           int          days_later)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) start = NULL;
  GTimeZone *zone = self->center_zone;
  g_autoptr(GTimeZone) local = zone == NULL ? g_time_zone_new_local () : NULL;

  start = g_date_time_new (zone != NULL ? zone : local, g_date_time_get_year (date),
                           g_date_time_get_month (date), g_date_time_get_day_of_month (date), 0, 0, 0);
  return g_date_time_add_days (start, days_later);
}

/* Seconds in the entry, -1 when empty; -2 when it is not a length (the
 * entry is then marked, and the bound left open).
 */
static gint64
entry_seconds (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 seconds = -1;

  if (*stripped != '\0' && (!em_time_parse_duration (stripped, &seconds) || seconds > G_MAXINT))
    seconds = -2;

  if (seconds == -2)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return seconds;
}

static EmCallDirection
selected_direction (EmCallsPage *self)
{
  switch (gtk_drop_down_get_selected (self->direction_dropdown))
    {
    case 1: return EM_CALL_DIRECTION_INBOUND;
    case 2: return EM_CALL_DIRECTION_OUTBOUND;
    default: return EM_CALL_DIRECTION_UNKNOWN;
    }
}

/* Writes the filter bar into @query (the search and the sort stay). */
void
_em_calls_page_apply_filters (EmCallsPage *self,
                              EmCallQuery *query)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *me = NULL;
  gint64 min = entry_seconds (self->min_duration_entry);
  gint64 max = entry_seconds (self->max_duration_entry);

  if (gtk_check_button_get_active (self->from_check))
    from = day_start (self, self->from_calendar, 0);
  if (gtk_check_button_get_active (self->to_check))
    to = day_start (self, self->to_calendar, 1);
  if (gtk_check_button_get_active (self->assigned_check))
    me = dup_inspector_name (self);

  em_call_query_set_team_id (query, em_roster_dropdown_get_id (self->team_dropdown, self->team_ids));
  em_call_query_set_agent_id (query, em_roster_dropdown_get_id (self->agent_dropdown, self->agent_ids));
  em_call_query_set_time_range (query, from, to);
  em_call_query_set_duration_range (query, MAX (min, -1), MAX (max, -1));
  em_call_query_set_direction (query, selected_direction (self));
  em_call_query_set_not_evaluated (query, gtk_check_button_get_active (self->not_evaluated_check));
  em_call_query_set_sampled (query, gtk_check_button_get_active (self->sampled_check));
  em_call_query_set_assigned_to (query, me);
}

/* Showing what is active ----------------------------------------------- */

static void
mark (gpointer widget,
      gboolean active,
      guint   *n_active)
{
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "filter-active");
  *n_active += active ? 1 : 0;
}

static char *
format_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static char *
describe_days (EmCallsPage *self)
{
  gboolean has_from = gtk_check_button_get_active (self->from_check);
  gboolean has_to = gtk_check_button_get_active (self->to_check);
  g_autofree char *from = format_day (self->from_calendar);
  g_autofree char *to = format_day (self->to_calendar);

  if (has_from && has_to && g_str_equal (from, to))
    return g_steal_pointer (&from);
  if (has_from && has_to)
    /* Translators: a range of days, e.g. "2024-06-01 – 2024-06-30" */
    return g_strdup_printf (_("%s – %s"), from, to);
  if (has_from)
    /* Translators: calls on this day and later */
    return g_strdup_printf (_("From %s"), from);
  if (has_to)
    /* Translators: calls on this day and earlier */
    return g_strdup_printf (_("Until %s"), to);
  return g_strdup (_("Any date"));
}

static char *
describe_duration (const EmCallQuery *query)
{
  int min, max;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  em_call_query_get_duration_range (query, &min, &max);
  low = em_call_format_duration (min);
  high = em_call_format_duration (max);

  if (min >= 0 && max >= 0)
    /* Translators: a range of call lengths, e.g. "00:20 – 03:20" */
    return g_strdup_printf (_("%s – %s"), low, high);
  if (min >= 0)
    return g_strdup_printf (_("At least %s"), low);
  if (max >= 0)
    return g_strdup_printf (_("At most %s"), high);
  return g_strdup (_("Any length"));
}

/* Marks the active filters for @query, the query about to be shown. */
void
_em_calls_page_update_filter_indicators (EmCallsPage       *self,
                                         const EmCallQuery *query)
{
  g_autofree char *days = describe_days (self);
  g_autofree char *duration = describe_duration (query);
  g_autofree char *count = NULL;
  gboolean searching = em_call_query_get_search (query) != NULL;
  gint64 from, to;
  int min, max;
  guint n = 0;

  em_call_query_get_duration_range (query, &min, &max);
  mark (self->team_dropdown, em_call_query_get_team_id (query) > 0, &n);
  mark (self->agent_dropdown, em_call_query_get_agent_id (query) > 0, &n);
  mark (self->date_button, em_call_query_get_time_range (query, &from, &to), &n);
  mark (self->duration_button, min >= 0 || max >= 0, &n);
  mark (self->direction_dropdown, em_call_query_get_direction (query) != EM_CALL_DIRECTION_UNKNOWN, &n);
  mark (self->not_evaluated_check, em_call_query_get_not_evaluated (query), &n);
  mark (self->sampled_check, em_call_query_get_sampled (query), &n);
  mark (self->assigned_check, em_call_query_get_assigned_to (query) != NULL, &n);

  gtk_menu_button_set_label (self->date_button, days);
  gtk_menu_button_set_label (self->duration_button, duration);

  /* Translators: shown beside the number of calls while filters narrow the list */
  count = g_strdup_printf (ngettext ("%u filter on", "%u filters on", n), n);
  gtk_label_set_text (self->filters_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_label), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_filters_button), n > 0 || searching);
}

static void
update_assigned_check (EmCallsPage *self)
{
  g_autofree char *me = dup_inspector_name (self);
  g_autofree char *tooltip = NULL;

  if (me != NULL)
    tooltip = g_strdup_printf (_("Only the calls the sampling plan assigned to %s"), me);
  else
    tooltip = g_strdup (_("Set your name as the inspector first (Preferences)"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->assigned_check), tooltip);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assigned_check), me != NULL);
  if (me == NULL)
    gtk_check_button_set_active (self->assigned_check, FALSE);
}

/* Filter changes ------------------------------------------------------- */

static void
apply (EmCallsPage *self,
       gboolean     clear_search)
{
  g_autoptr(EmCallQuery) query = NULL;

  if (self->model == NULL || self->filling_choices)
    return;

  query = em_call_query_copy (em_call_list_model_get_query (self->model));
  if (clear_search)
    em_call_query_set_search (query, NULL);
  _em_calls_page_apply_filters (self, query);
  _em_calls_page_set_query (self, query);
}

static void
on_filter_changed (EmCallsPage *self)
{
  apply (self, FALSE);
}

static void
select_day (GtkCalendar    *calendar,
            GtkCheckButton *check,
            GDateTime      *day)
{
  gtk_calendar_select_day (calendar, day);
  gtk_check_button_set_active (check, TRUE);
}

/* Picking a day sets that end of the range. */
static void
on_calendar_day_selected (EmCallsPage    *self,
                          GtkCheckButton *check)
{
  if (gtk_check_button_get_active (check))
    apply (self, FALSE);
  else
    gtk_check_button_set_active (check, TRUE);
}

static void
on_from_calendar_day_selected (EmCallsPage *self)
{
  on_calendar_day_selected (self, self->from_check);
}

static void
on_to_calendar_day_selected (EmCallsPage *self)
{
  on_calendar_day_selected (self, self->to_check);
}

static GDateTime *
now_in_center (EmCallsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  return g_date_time_to_timezone (now, self->center_zone != NULL ? self->center_zone : local);
}

/* Sets both ends at once, with one query. */
static void
set_days (EmCallsPage *self,
          GDateTime   *first,
          GDateTime   *last)
{
  self->filling_choices = TRUE;
  if (first != NULL)
    select_day (self->from_calendar, self->from_check, first);
  else
    gtk_check_button_set_active (self->from_check, FALSE);
  if (last != NULL)
    select_day (self->to_calendar, self->to_check, last);
  else
    gtk_check_button_set_active (self->to_check, FALSE);
  self->filling_choices = FALSE;

  apply (self, FALSE);
}

static void
on_today_button_clicked (EmCallsPage *self)
{
  g_autoptr(GDateTime) today = now_in_center (self);

  set_days (self, today, today);
}

static void
set_month (EmCallsPage *self,
           int          months_back)
{
  g_autoptr(GDateTime) now = now_in_center (self);
  g_autoptr(GDateTime) first_this = g_date_time_add_days (now, 1 - g_date_time_get_day_of_month (now));
  g_autoptr(GDateTime) first = g_date_time_add_months (first_this, -months_back);
  g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
  g_autoptr(GDateTime) last = g_date_time_add_days (next, -1);

  set_days (self, first, last);
}

static void
on_this_month_button_clicked (EmCallsPage *self)
{
  set_month (self, 0);
}

static void
on_last_month_button_clicked (EmCallsPage *self)
{
  set_month (self, 1);
}

static void
on_any_date_button_clicked (EmCallsPage *self)
{
  set_days (self, NULL, NULL);
}

static void
set_durations (EmCallsPage *self,
               const char  *min,
               const char  *max)
{
  self->filling_choices = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->min_duration_entry), min);
  gtk_editable_set_text (GTK_EDITABLE (self->max_duration_entry), max);
  self->filling_choices = FALSE;

  apply (self, FALSE);
}

/* The sampling rules' lengths (seed 003): shorter than 20 s, longer than 200 s. */
static void
on_short_calls_button_clicked (EmCallsPage *self)
{
  set_durations (self, "", "19");
}

static void
on_long_calls_button_clicked (EmCallsPage *self)
{
  set_durations (self, "201", "");
}

static void
on_clear_filters_button_clicked (EmCallsPage *self)
{
  self->filling_choices = TRUE;
  gtk_drop_down_set_selected (self->team_dropdown, 0);
  gtk_drop_down_set_selected (self->agent_dropdown, 0);
  gtk_check_button_set_active (self->from_check, FALSE);
  gtk_check_button_set_active (self->to_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->min_duration_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->max_duration_entry), "");
  gtk_drop_down_set_selected (self->direction_dropdown, 0);
  gtk_check_button_set_active (self->not_evaluated_check, FALSE);
  gtk_check_button_set_active (self->sampled_check, FALSE);
  gtk_check_button_set_active (self->assigned_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->filling_choices = FALSE;

  /* The search entry reports its change later; the query is made now. */
  apply (self, TRUE);
}

static void
on_inspector_name_changed (EmCallsPage *self)
{
  update_assigned_check (self);
  if (gtk_check_button_get_active (self->assigned_check))
    apply (self, FALSE);
}

/* Choices -------------------------------------------------------------- */

/* Reads the teams, the agents and the center's time zone again (after
 * set_db() or an import).
 */
void
_em_calls_page_load_filter_choices (EmCallsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(EmZone) zone = NULL;

  g_clear_pointer (&self->center_zone, g_time_zone_unref);
  if (self->db != NULL)
    {
      if (!(teams = em_roster_list_teams (self->db, &error)) ||
          !(agents = em_roster_list_agents (self->db, &error)))
        g_warning ("Cannot list the teams and agents: %s", error->message);
      g_clear_error (&error);
      if ((zone = em_zone_new_for_center (self->db, &error)))
        self->center_zone = g_time_zone_ref (em_zone_get_time_zone (zone));
      else
        g_warning ("%s", error->message);
    }

  self->filling_choices = TRUE;
  em_roster_dropdown_fill (self->team_dropdown, &self->team_ids, _("All teams"), teams);
  em_roster_dropdown_fill (self->agent_dropdown, &self->agent_ids, _("All agents"), agents);
  self->filling_choices = FALSE;
}

void
_em_calls_page_init_filters (EmCallsPage *self)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(EmCallQuery) query = em_call_query_new ();

  gtk_drop_down_set_expression (self->agent_dropdown, expression);
  gtk_drop_down_set_expression (self->team_dropdown, expression);
  _em_calls_page_load_filter_choices (self);

  if ((self->settings = new_settings ()) != NULL)
    g_signal_connect_object (self->settings, "changed::inspector-name",
                             G_CALLBACK (on_inspector_name_changed), self, G_CONNECT_SWAPPED);
  update_assigned_check (self);
  _em_calls_page_update_filter_indicators (self, query);
}

void
_em_calls_page_dispose_filters (EmCallsPage *self)
{
  g_clear_object (&self->settings);
  g_clear_pointer (&self->center_zone, g_time_zone_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->agent_ids, g_array_unref);
}

void
_em_calls_page_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, filters_label);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, agent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, from_check);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, to_check);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, duration_button);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, min_duration_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, max_duration_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, not_evaluated_check);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, sampled_check);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, assigned_check);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, clear_filters_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_from_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_to_calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_today_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_this_month_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_last_month_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_any_date_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_short_calls_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_long_calls_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_button_clicked);
}
